import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { LetterCampaign } from '../campaigns/campaign.model.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { CreateSurveyInput, RecordSurveyAnswerInput, UpdateSurveyAnswerInput } from './dto/survey.inputs.js';
import { SurveyLoaders } from './survey.loaders.js';
import { Survey, SurveyAnswer, SurveyChoiceCount, SurveyQuestion, SurveyQuestionResult } from './survey.model.js';
import { SurveysService } from './surveys.service.js';
import { SurveysRepository } from './surveys.repository.js';

const states = async (iso3s: string[], { loaders }: GqlContext): Promise<State[]> =>
  (await loaders.get(StateLoaders).state.loadMany(iso3s)).filter((state): state is State => !!state && !(state instanceof Error));

@Resolver(() => Survey)
export class SurveysResolver {
  constructor(
    private readonly service: SurveysService,
    private readonly repository: SurveysRepository,
  ) {}

  @Query(() => Survey, { nullable: true, description: 'A survey you may see; null otherwise' })
  survey(@CurrentViewer() viewer: Viewer, @IdArg() id: string): Promise<Survey | null> {
    return this.repository.visibleById(viewer, id);
  }

  @Query(() => [Survey], { description: 'The surveys you may see, newest first (at most 200)' })
  surveys(@CurrentViewer() viewer: Viewer): Promise<Survey[]> {
    return this.repository.list(viewer);
  }

  @Query(() => [SurveyQuestionResult], {
    description:
      'Per question, each choice with the States behind it, overall and per regional group, counting only the answers you may see. NOT_FOUND for a survey you may not see',
  })
  surveyResults(@CurrentViewer() viewer: Viewer, @IdArg('surveyId') surveyId: string): Promise<SurveyQuestionResult[]> {
    return this.service.results(viewer, surveyId);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Survey, {
    description:
      "Creates a survey and its letter campaign (one letter per State). Without questions: the 2017 plan's categories, one question each",
  })
  createSurvey(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateSurveyInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Survey> {
    return this.service.create(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => SurveyAnswer, {
    description:
      "Records a State's answer to a question (default visibility COORDINATORS); openObstacle opens an obstacle in the register and links it",
  })
  recordSurveyAnswer(@CurrentViewer() viewer: Viewer, @Args('input') input: RecordSurveyAnswerInput): Promise<SurveyAnswer> {
    return this.service.recordAnswer(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => SurveyAnswer, { description: 'Corrects an answer; a stale expectedVersion is rejected with CONFLICT' })
  updateSurveyAnswer(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateSurveyAnswerInput): Promise<SurveyAnswer> {
    return this.service.updateAnswer(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, { description: 'Deletes an answer recorded by mistake (the obstacle it opened stays); returns its id' })
  deleteSurveyAnswer(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @ExpectedVersionArg() expectedVersion: number): Promise<string> {
    return this.service.deleteAnswer(viewer, id, expectedVersion);
  }

  @ResolveField(() => [SurveyQuestion], { description: 'In their order' })
  questions(survey: Survey, _args: NoArgs, { loaders }: GqlContext): Promise<SurveyQuestion[]> {
    return loaders.get(SurveyLoaders).questions.load(survey.id);
  }

  @ResolveField(() => [State], { description: 'The States it is sent to' })
  states(survey: Survey, _args: NoArgs, context: GqlContext): Promise<State[]> {
    return states(survey.stateIso3s, context);
  }

  @ResolveField(() => [SurveyAnswer], { description: 'The answers you may see, by question and State' })
  answers(survey: Survey, _args: NoArgs, { loaders }: GqlContext): Promise<SurveyAnswer[]> {
    return loaders.get(SurveyLoaders).answers.load(survey.id);
  }
}

@Resolver(() => SurveyChoiceCount)
export class SurveyChoiceCountResolver {
  @ResolveField(() => [State])
  states(count: SurveyChoiceCount, _args: NoArgs, context: GqlContext): Promise<State[]> {
    return states(count.stateIso3s, context);
  }
}

/** A letter campaign's survey, when it sends one: named only to those who may see the survey itself. */
@Resolver(() => LetterCampaign)
export class CampaignSurveyResolver {
  @ResolveField(() => ID, {
    nullable: true,
    description:
      "The survey this campaign sends, when it sends one and you may see that survey (its visibility may differ from the campaign's)",
  })
  surveyId(campaign: LetterCampaign, _args: NoArgs, { loaders }: GqlContext): Promise<string | null> {
    return loaders.get(SurveyLoaders).surveyOfCampaign.load(campaign.id);
  }
}
