import type { State } from '../states/state.model.js';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { VersionedModel } from '../common/versioned.model.js';

/** A user-defined set of States. `states` and `createdBy` are resolved in GroupingsResolver. */
@ObjectType('Grouping', { description: 'A set of States that users define, such as "Pacific focus"' })
export class Grouping extends VersionedModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique regardless of case' })
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  createdById: string | null;

  /** A target list as a mandate had it when it was handed over: its States then, by name (see MandatesRepository.groupingsOf). */
  frozenStates?: State[];
}
