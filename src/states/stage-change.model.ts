import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RatificationStage, Visibility } from '../common/enums.js';
import { DateScalar, DateTimeScalar } from '../graphql/scalars.js';

/** One move of a State's ratification stage. `changedBy` is resolved in StageChangeResolver. */
@ObjectType('StageChange')
export class StageChange {
  @Field(() => ID)
  id: string;

  @Field(() => RatificationStage, { nullable: true, description: 'Null for the stage a State started at' })
  from: RatificationStage | null;

  @Field(() => RatificationStage)
  to: RatificationStage;

  @Field(() => DateScalar, { description: 'The day the move took effect (it may have been recorded later)' })
  effectiveOn: string;

  @Field(() => DateTimeScalar, { description: 'When the move was recorded' })
  recordedAt: Date;

  @Field(() => DateTimeScalar, {
    description: 'When the move was recorded (the same as recordedAt)',
    deprecationReason: 'Use recordedAt, or effectiveOn for the day it took effect',
  })
  changedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why the stage moved; null when you may not see it (see visibility)' })
  note: string | null;

  @Field(() => Visibility, { description: 'Who reads the note and who moved the stage; every user sees the move itself' })
  visibility: Visibility;

  @Field(() => Int)
  version: number;

  stateIso3: string;
  organizationId: string | null;
  /** Null for the changes the data import records. */
  changedById: string | null;
}
