import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ObstacleCategory, RegionalGroup, Visibility } from '../common/enums.js';
import { VersionedModel } from '../common/versioned.model.js';
import { DateScalar, DateTimeScalar } from '../graphql/scalars.js';

@ObjectType('SurveyQuestion')
export class SurveyQuestion {
  @Field(() => ID)
  id: string;

  surveyId: string;

  @Field(() => Int, { description: 'Its place in the questionnaire, from 1' })
  position: number;

  @Field()
  text: string;

  @Field(() => ObstacleCategory, {
    nullable: true,
    description: 'The kind of obstacle an answer to it opens in the register (openObstacle); null: none',
  })
  category: ObstacleCategory | null;

  @Field(() => [String], { description: 'The choices an answer picks from (may be empty: free text only)' })
  choices: string[];

  @Field({ description: 'Whether an answer may carry free text' })
  allowsText: boolean;
}

/** A questionnaire on the obstacles to joining, sent to chosen States through its letter campaign. */
@ObjectType('Survey')
export class Survey {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The letter campaign that sends it (letters and follow-ups); null once that campaign was deleted',
  })
  campaignId: string | null;

  @Field(() => Visibility, {
    description: 'Who sees the survey (and its campaign) at all: the interaction rule, with the organization that created it',
  })
  visibility: Visibility;

  organizationId: string | null;

  @Field(() => ID, { nullable: true })
  mandateId: string | null;

  @Field(() => [String], { description: 'ISO3 codes of the States it is sent to' })
  stateIso3s: string[];

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

@ObjectType('SurveyAnswer')
export class SurveyAnswer extends VersionedModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  surveyId: string;

  @Field(() => ID)
  questionId: string;

  @Field()
  stateIso3: string;

  @Field(() => String, { nullable: true })
  choice: string | null;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => DateScalar)
  answeredOn: string;

  @Field(() => ID, { nullable: true, description: 'The obstacle this answer opened in the register, if any' })
  obstacleId: string | null;

  @Field(() => Visibility)
  visibility: Visibility;

  organizationId: string | null;

  @Field(() => ID, { nullable: true })
  mandateId: string | null;

  recordedById: string | null;
}

@ObjectType('SurveyChoiceCount')
export class SurveyChoiceCount {
  @Field(() => String, { nullable: true, description: 'The choice; null for answers with free text only' })
  choice: string | null;

  @Field(() => Int, { description: 'How many States picked it, in the answers you may see (each State once)' })
  count: number;

  @Field(() => [String], { description: 'The States behind them (ISO3 codes, in order)' })
  stateIso3s: string[];
}

@ObjectType('SurveyRegionResult')
export class SurveyRegionResult {
  @Field(() => RegionalGroup, { nullable: true, description: 'Null for States outside the UN regional groups' })
  regionalGroup: RegionalGroup | null;

  @Field(() => [SurveyChoiceCount])
  choices: SurveyChoiceCount[];
}

@ObjectType('SurveyQuestionResult')
export class SurveyQuestionResult {
  @Field(() => SurveyQuestion)
  question: SurveyQuestion;

  @Field(() => Int, { description: 'The States whose answer to this question you may see' })
  answers: number;

  @Field(() => [SurveyChoiceCount], {
    description: 'Each choice (those nobody picked too), then free-text-only answers (choice null) if any',
  })
  choices: SurveyChoiceCount[];

  @Field(() => [SurveyRegionResult], { description: 'The same counts per regional group, for the groups with answers' })
  regions: SurveyRegionResult[];
}
