import { InputType } from '@nestjs/graphql';
import * as input from '../../common/fields.js';

@InputType()
export class CreateGroupingInput {
  @input.TrimmedText(1, 200, { description: 'Unique regardless of case' })
  name: string;

  @input.OptionalText(2000)
  description?: string | null;

  @input.OptionalIso3List({ max: 250, unique: true, description: 'ISO3 codes of its States (default: none)' })
  stateIso3s?: string[];
}

/** Every field may be left out (unchanged); given States replace the current ones. */
@InputType()
export class UpdateGroupingInput {
  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @input.OmittableTrimmedText(1, 200)
  name?: string;

  @input.OptionalText(2000)
  description?: string | null;

  @input.OmittableIso3List({ max: 250, unique: true, description: 'Replaces its States' })
  stateIso3s?: string[];
}
