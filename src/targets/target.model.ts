import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ObstacleCategory } from '../common/enums.js';
import { ConnectionType } from '../common/paging/connection.js';
import { DateScalar } from '../graphql/scalars.js';
import { State } from '../states/state.model.js';

@ObjectType('ScoreReason', { description: 'One factor of a score: the points of all reasons add up to the score' })
export class ScoreReason {
  @Field({ description: 'yesShare, consecutiveYes, lastVote, treatyStatus, stage, openObstacles, lastContact or surveyAnswers' })
  factor: string;

  @Field(() => Float)
  points: number;

  @Field()
  detail: string;
}

@ObjectType('Target', { description: 'A State on a target list, with its score and the reasons for it' })
export class Target {
  @Field(() => State)
  state: State;

  @Field(() => Float)
  score: number;

  @Field(() => [ScoreReason])
  reasons: ScoreReason[];

  @Field(() => Int, { description: 'Position in the whole ranked list, from 1' })
  rank: number;

  @Field(() => DateScalar, { nullable: true, description: 'The newest interaction you may see' })
  lastContactOn: string | null;

  @Field(() => Int)
  openObstacles: number;

  @Field(() => [ObstacleCategory], {
    description:
      "From the survey answers you may see (each category's newest answer with a choice): the obstacle categories the State said hold no obstacle",
  })
  surveyNoObstacle: ObstacleCategory[];

  @Field(() => [ObstacleCategory], {
    description:
      'From the same answers: the categories where the State named an obstacle (answers that opened one in the register left out)',
  })
  surveyObstacles: ObstacleCategory[];
}

@ObjectType()
export class TargetConnection extends ConnectionType(Target, 'Target') {}
