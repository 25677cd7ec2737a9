import { Field, Int, ObjectType } from '@nestjs/graphql';
import { InteractionType, RatificationStage, RegionalGroup } from '../common/enums.js';
import { DateScalar, DateTimeScalar } from '../graphql/scalars.js';
import { Survey, SurveyQuestionResult } from '../surveys/survey.model.js';
import { Mandate } from './work-plan.models.js';
import { type EnumValue, graphqlEnum } from '../common/enum.js';

export interface StateRef {
  iso3: string;
  name: string;
}

/** A number of the report and the States behind it (`states` is resolved in ProgressReportResolver). */
@ObjectType('StateTally', { description: 'A number of the progress report, with the States behind it (by name)' })
export class StateTally {
  @Field(() => Int)
  count: number;

  stateRefs: StateRef[];
}

@ObjectType('InteractionTypeTally')
export class InteractionTypeTally extends StateTally {
  @Field(() => InteractionType)
  type: InteractionType;
}

export const StageMoveDirection = graphqlEnum(
  'StageMoveDirection',
  ['FORWARD', 'BACK'],
  'Towards joining (FORWARD) or away from it (BACK; a move to DECLINED is BACK)',
);
export type StageMoveDirection = EnumValue<typeof StageMoveDirection>;

@ObjectType('StageMove')
export class StageMove {
  stateIso3: string;
  stateName: string;

  @Field(() => RatificationStage)
  from: RatificationStage;

  @Field(() => RatificationStage)
  to: RatificationStage;

  @Field(() => StageMoveDirection)
  direction: StageMoveDirection;

  @Field(() => DateTimeScalar, { description: 'When the move was recorded' })
  changedAt: Date;

  @Field(() => DateScalar, { description: 'The day the move took effect: the period it counts in' })
  effectiveOn: string;
}

@ObjectType('StageMoveReport')
export class StageMoveReport {
  @Field(() => StateTally, { description: 'Moves towards joining' })
  forward: StateTally;

  @Field(() => StateTally, { description: 'Moves away from joining' })
  back: StateTally;

  @Field(() => [StageMove], { description: 'Every move, oldest first' })
  moves: StageMove[];
}

@ObjectType('ObstacleReport')
export class ObstacleReport {
  @Field(() => StateTally, { description: 'Obstacles recorded in the period' })
  recorded: StateTally;

  @Field(() => StateTally, { description: 'Obstacles addressed in the period (and still ADDRESSED)' })
  addressed: StateTally;
}

@ObjectType('LetterReport')
export class LetterReport {
  @Field(() => StateTally, { description: 'LETTER interactions in the period' })
  sent: StateTally;

  @Field(() => StateTally, { description: 'Those whose reply is recorded' })
  answered: StateTally;

  @Field(() => StateTally, { description: 'Those still without a reply' })
  unanswered: StateTally;
}

@ObjectType('TreatyReport')
export class TreatyReport {
  @Field(() => StateTally, { description: 'States that signed in the period' })
  signatures: StateTally;

  @Field(() => StateTally, {
    description: 'States that deposited an instrument of ratification, accession, acceptance or approval in the period',
  })
  ratifications: StateTally;

  @Field(() => Int, { description: 'States Parties on asOf (in scope): bound by the Convention, its entry into force for them passed' })
  statesParties: number;

  @Field(() => Int, {
    description:
      'States Parties on asOf plus the States that deposited an instrument but are not yet bound (DEPOSITED): the count most published figures give',
  })
  partiesIncludingDeposited: number;
}

@ObjectType('ProgressReportSurvey', {
  description: "A survey in a progress report, with its results as the report's scope and the viewer give them",
})
export class ProgressReportSurvey {
  @Field(() => Survey)
  survey: Survey;

  @Field(() => [SurveyQuestionResult], {
    description:
      'Per question, each choice with the States behind it, overall and per regional group: the answers you may see, given by asOf, from the States in scope',
  })
  results: SurveyQuestionResult[];
}

@ObjectType('ProgressReport', {
  description:
    'Numbers computed from the logged data for a period and region, each with its States. Interactions count only if the viewer may see them',
})
export class ProgressReport {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => DateScalar, {
    description: 'The day the report is as of: nothing after it counts (default: the end of the period, or today if sooner)',
  })
  asOf: string;

  @Field(() => [RegionalGroup], { description: 'Empty: every regional group' })
  regionalGroups: RegionalGroup[];

  @Field(() => [String], { nullable: true })
  stateIso3s: string[] | null;

  @Field(() => Mandate, { nullable: true })
  mandate: Mandate | null;

  /** Null: interactions of every organization. */
  organizationIds: string[] | null;

  @Field(() => StateTally, { description: 'States with at least one interaction in the period' })
  statesContacted: StateTally;

  @Field(() => StateTally, { description: 'Interactions in the period' })
  interactions: StateTally;

  @Field(() => [InteractionTypeTally], { description: 'Interactions in the period by type (types with none are left out)' })
  interactionsByType: InteractionTypeTally[];

  @Field(() => StageMoveReport, { description: 'Ratification stage moves in the period' })
  stageMoves: StageMoveReport;

  @Field(() => ObstacleReport)
  obstacles: ObstacleReport;

  @Field(() => LetterReport)
  letters: LetterReport;

  @Field(() => TreatyReport, { description: 'From the treaty record' })
  treaty: TreatyReport;
}
