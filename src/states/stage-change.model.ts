import { Field, ObjectType } from '@nestjs/graphql';
import { RatificationStage } from '../common/enums.js';
import { DateTimeScalar } from '../graphql/scalars.js';

/** One move of a State's ratification stage. `changedBy` is resolved in StageChangeResolver. */
@ObjectType('StageChange')
export class StageChange {
  @Field(() => RatificationStage, { nullable: true, description: 'Null for the stage a State started at' })
  from: RatificationStage | null;

  @Field(() => RatificationStage)
  to: RatificationStage;

  @Field(() => DateTimeScalar)
  changedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why the stage moved' })
  note: string | null;

  id: string;
  stateIso3: string;
  /** Null for the changes the data import records. */
  changedById: string | null;
}
