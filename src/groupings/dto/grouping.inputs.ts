import { InputType } from '@nestjs/graphql';
import {
  ExpectedVersion,
  OmittableIso3List,
  OmittableTrimmedText,
  OptionalIso3List,
  OptionalText,
  TrimmedText,
} from '../../common/fields.js';

@InputType()
export class CreateGroupingInput {
  @TrimmedText(1, 200, { description: 'Unique regardless of case' })
  name: string;

  @OptionalText(2000)
  description?: string | null;

  @OptionalIso3List({ max: 250, unique: true, description: 'ISO3 codes of its States (default: none)' })
  stateIso3s?: string[];
}

/** Every field may be left out (unchanged); given States replace the current ones. */
@InputType()
export class UpdateGroupingInput {
  @ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @OmittableTrimmedText(1, 200)
  name?: string;

  @OptionalText(2000)
  description?: string | null;

  @OmittableIso3List({ max: 250, unique: true, description: 'Replaces its States' })
  stateIso3s?: string[];
}
