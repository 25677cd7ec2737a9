import type { State } from '../states/state.model.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars.js';

/** A user-defined set of States. `states` and `createdBy` are resolved in GroupingsResolver. */
@ObjectType('Grouping', { description: 'A set of States that users define, such as "Pacific focus"' })
export class Grouping {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique regardless of case' })
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  createdById: string | null;

  /** A target list as a mandate had it when it was handed over: its States then, by name (see MandatesRepository.groupingsOf). */
  frozenStates?: State[];

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;
}
