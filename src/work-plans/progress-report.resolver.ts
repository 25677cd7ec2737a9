import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Viewer } from '../auth/viewer.js';
import { CurrentViewer, signedIn, type GqlContext, type NoArgs } from '../graphql/context.js';
import type { Loaders } from '../graphql/loaders.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { ProgressReportInput } from './dto/progress-report.input.js';
import { InteractionTypeTally, ProgressReport, ProgressReportSurvey, StageMove, StateTally } from './progress-report.model.js';
import { ProgressReportService } from './progress-report.service.js';

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  constructor(private readonly service: ProgressReportService) {}

  @Query(() => ProgressReport, {
    description:
      'Numbers for a period and region computed from the logged data and the treaty record, each with its States; interactions count only if you may see them',
  })
  progressReport(@CurrentViewer() viewer: Viewer, @Args('input') input: ProgressReportInput): Promise<ProgressReport> {
    return this.service.build(viewer, input);
  }

  @ResolveField(() => [ProgressReportSurvey], {
    description:
      "The surveys you may see created in the period (by asOf; for a mandate's report, the mandate's), oldest first, with their results counting the answers you may see",
  })
  surveys(report: ProgressReport, _args: NoArgs, context: GqlContext): Promise<ProgressReportSurvey[]> {
    return this.service.surveysOf(signedIn(context), report);
  }

  @ResolveField(() => [Organization], { nullable: true, description: 'Whose interactions count (null: every organization)' })
  async organizations(report: ProgressReport, _args: NoArgs, { loaders }: GqlContext): Promise<Organization[] | null> {
    if (!report.organizationIds) return null;
    return (await loaders.get(OrganizationLoaders).organization.loadMany(report.organizationIds)).filter(
      (o): o is Organization => !!o && !(o instanceof Error),
    );
  }
}

async function statesOf(tally: StateTally, loaders: Loaders): Promise<State[]> {
  const states = await loaders.get(StateLoaders).state.loadMany(tally.stateRefs.map((s) => s.iso3));
  return states.filter((s): s is State => !!s && !(s instanceof Error));
}

@Resolver(() => StateTally)
export class StateTallyResolver {
  @ResolveField(() => [State], { description: 'By name' })
  states(tally: StateTally, _args: NoArgs, { loaders }: GqlContext): Promise<State[]> {
    return statesOf(tally, loaders);
  }
}

@Resolver(() => InteractionTypeTally)
export class InteractionTypeTallyResolver {
  @ResolveField(() => [State], { description: 'By name' })
  states(tally: InteractionTypeTally, _args: NoArgs, { loaders }: GqlContext): Promise<State[]> {
    return statesOf(tally, loaders);
  }
}

@Resolver(() => StageMove)
export class StageMoveResolver {
  @ResolveField(() => State)
  async state(move: StageMove, _args: NoArgs, { loaders }: GqlContext): Promise<State> {
    return (await loaders.get(StateLoaders).state.load(move.stateIso3))!;
  }
}
