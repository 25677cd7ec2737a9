import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import type { Connection } from '../common/paging/connection.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { FieldArgs } from '../graphql/field-args.js';
import { Grouping } from '../groupings/grouping.model.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { InteractionLoaders } from '../interactions/interaction.loaders.js';
import { Interaction } from '../interactions/interaction.model.js';
import type { InteractionRow } from '../interactions/interactions.repository.js';
import { Obstacle } from '../obstacles/obstacle.model.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import {
  AddObjectiveInput,
  MandatesArgs,
  PlanActivityInput,
  PlannedActivitiesArgs,
  StartMandateInput,
  UpdateMandateInput,
  UpdateObjectiveInput,
  UpdatePlannedActivityInput,
} from './dto/work-plan.inputs.js';
import { MandatesService } from './mandates.service.js';
import { metricValue } from './progress-report.service.js';
import { WorkPlanLoaders } from './work-plan.loaders.js';
import { HandOver, Indicator, Mandate, MandateConnection, Objective, PlannedActivity } from './work-plan.models.js';

const present = <T>(items: (T | null | Error)[]): T[] => items.filter((item): item is T => item !== null && !(item instanceof Error));

/**
 * Mandates are read by every signed-in user who may see them (see mandateVisibleTo in auth/visibility.ts);
 * admins and the coordinators of a mandate's organizations change it and its work plan.
 */
@Resolver(() => Mandate)
export class MandatesResolver {
  constructor(private readonly service: MandatesService) {}

  @Query(() => Mandate, { nullable: true, description: 'Null when it does not exist or you may not see it' })
  mandate(@CurrentViewer() viewer: Viewer, @IdArg() id: string): Promise<Mandate | null> {
    return this.service.get(viewer, id);
  }

  @Query(() => MandateConnection, { description: 'The mandates you may see, newest period first' })
  mandates(@CurrentViewer() viewer: Viewer, @Args() args: MandatesArgs): Promise<Connection<Mandate>> {
    return this.service.list(viewer, args);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Mandate, {
    description:
      'Starts a mandate; with previousMandateId it takes over the open follow-ups, open obstacles, target lists and PLANNED activities of that one',
  })
  startMandate(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: StartMandateInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Mandate> {
    return this.service.start(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Mandate)
  updateMandate(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @Args('input') input: UpdateMandateInput): Promise<Mandate> {
    return this.service.update(viewer, id, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, { description: 'Deletes a mandate and its work plan; one that was handed over cannot be deleted (CONFLICT)' })
  deleteMandate(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @ExpectedVersionArg() expectedVersion: number): Promise<string> {
    return this.service.delete(viewer, id, expectedVersion);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Objective)
  addObjective(
    @CurrentViewer() viewer: Viewer,
    @IdArg('mandateId') mandateId: string,
    @Args('input') input: AddObjectiveInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Objective> {
    return this.service.addObjective(viewer, mandateId, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Objective)
  updateObjective(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @Args('input') input: UpdateObjectiveInput): Promise<Objective> {
    return this.service.updateObjective(viewer, id, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID)
  deleteObjective(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @ExpectedVersionArg() expectedVersion: number): Promise<string> {
    return this.service.deleteObjective(viewer, id, expectedVersion);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => PlannedActivity)
  planActivity(
    @CurrentViewer() viewer: Viewer,
    @IdArg('mandateId') mandateId: string,
    @Args('input') input: PlanActivityInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<PlannedActivity> {
    return this.service.planActivity(viewer, mandateId, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => PlannedActivity)
  updatePlannedActivity(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @Args('input') input: UpdatePlannedActivityInput,
  ): Promise<PlannedActivity> {
    return this.service.updateActivity(viewer, id, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID)
  deletePlannedActivity(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @ExpectedVersionArg() expectedVersion: number,
  ): Promise<string> {
    return this.service.deleteActivity(viewer, id, expectedVersion);
  }

  @ResolveField(() => [Organization], { description: 'The coordinating organizations' })
  async organizations(mandate: Mandate, _args: NoArgs, { loaders }: GqlContext): Promise<Organization[]> {
    return present(await loaders.get(OrganizationLoaders).organization.loadMany(mandate.organizationIds));
  }

  @ResolveField(() => Mandate, { nullable: true, description: 'The mandate this one took over from (null if none, or hidden from you)' })
  previousMandate(mandate: Mandate, _args: NoArgs, context: GqlContext): Promise<Mandate | null> | null {
    return mandate.previousMandateId ? context.loaders.get(WorkPlanLoaders).mandate.load(mandate.previousMandateId) : null;
  }

  @ResolveField(() => Mandate, { nullable: true, description: 'The mandate that took over from this one' })
  nextMandate(mandate: Mandate, _args: NoArgs, context: GqlContext): Promise<Mandate | null> {
    return context.loaders.get(WorkPlanLoaders).successor.load(mandate.id);
  }

  @ResolveField(() => [Objective], { description: 'In the order they were added' })
  objectives(mandate: Mandate, _args: NoArgs, context: GqlContext): Promise<Objective[]> {
    return context.loaders.get(WorkPlanLoaders).objectives.load(mandate.id);
  }

  @ResolveField(() => [PlannedActivity], { description: 'By planned date' })
  async plannedActivities(
    mandate: Mandate,
    @FieldArgs(PlannedActivitiesArgs) { statuses }: PlannedActivitiesArgs,
    context: GqlContext,
  ): Promise<PlannedActivity[]> {
    const all = await context.loaders.get(WorkPlanLoaders).activities.load(mandate.id);
    return statuses ? all.filter((a) => statuses.includes(a.status)) : all;
  }

  @ResolveField(() => [Grouping], { description: 'The groupings it works on, by name' })
  targetLists(mandate: Mandate, _args: NoArgs, context: GqlContext): Promise<Grouping[]> {
    return context.loaders.get(WorkPlanLoaders).targetLists.load(mandate.id);
  }

  @ResolveField(() => [Interaction], {
    description:
      'Open items: pending follow-ups taken over at its hand-over, and those of interactions its organizations logged up to the end of its period; soonest first, only those you may see',
  })
  openFollowUps(mandate: Mandate, _args: NoArgs, context: GqlContext): Promise<InteractionRow[]> {
    return context.loaders.get(WorkPlanLoaders).openFollowUps.load(mandate.id);
  }

  @ResolveField(() => [Obstacle], { description: 'OPEN obstacles taken over at its hand-over or recorded up to the end of its period' })
  openObstacles(mandate: Mandate, _args: NoArgs, context: GqlContext): Promise<Obstacle[]> {
    return context.loaders.get(WorkPlanLoaders).openObstacles.load(mandate.id);
  }

  @ResolveField(() => HandOver, { nullable: true, description: 'What it took over from the previous mandate (null if it had none)' })
  handOver(mandate: Mandate): HandOver | null {
    return mandate.previousMandateId ? { mandate } : null;
  }

  @ResolveField(() => User, { nullable: true })
  createdBy(mandate: Mandate, _args: NoArgs, { loaders }: GqlContext): Promise<User | null> | null {
    return mandate.createdById ? loaders.get(UserLoaders).user.load(mandate.createdById) : null;
  }
}

@Resolver(() => HandOver)
export class HandOverResolver {
  @ResolveField(() => Mandate, { nullable: true, description: 'Null if you may not see it' })
  previousMandate(handOver: HandOver, _args: NoArgs, context: GqlContext): Promise<Mandate | null> {
    return context.loaders.get(WorkPlanLoaders).mandate.load(handOver.mandate.previousMandateId!);
  }

  @ResolveField(() => [Interaction], {
    description: 'The follow-ups that were open at the hand-over (the same interactions, with their authors); only those you may see',
  })
  followUps(handOver: HandOver, _args: NoArgs, context: GqlContext): Promise<InteractionRow[]> {
    return context.loaders.get(WorkPlanLoaders).carriedFollowUps.load(handOver.mandate.id);
  }

  @ResolveField(() => [Obstacle], { description: 'The obstacles that were open at the hand-over' })
  obstacles(handOver: HandOver, _args: NoArgs, context: GqlContext): Promise<Obstacle[]> {
    return context.loaders.get(WorkPlanLoaders).carriedObstacles.load(handOver.mandate.id);
  }

  @ResolveField(() => [Grouping], { description: "The previous mandate's target lists, now this one's too" })
  targetLists(handOver: HandOver, _args: NoArgs, context: GqlContext): Promise<Grouping[]> {
    return context.loaders.get(WorkPlanLoaders).carriedTargetLists.load(handOver.mandate.id);
  }

  @ResolveField(() => [PlannedActivity], { description: 'Copies of the PLANNED activities of the previous mandate' })
  plannedActivities(handOver: HandOver, _args: NoArgs, context: GqlContext): Promise<PlannedActivity[]> {
    return context.loaders.get(WorkPlanLoaders).carriedActivities.load(handOver.mandate.id);
  }
}

@Resolver(() => Objective)
export class ObjectivesResolver {
  @ResolveField(() => Mandate)
  async mandate(objective: Objective, _args: NoArgs, context: GqlContext): Promise<Mandate | null> {
    return context.loaders.get(WorkPlanLoaders).mandate.load(objective.mandateId);
  }

  @ResolveField(() => [Indicator])
  indicators(objective: Objective): Indicator[] {
    return objective.indicators.map((indicator) => ({ ...indicator, mandateId: objective.mandateId }));
  }
}

@Resolver(() => Indicator)
export class IndicatorsResolver {
  @ResolveField(() => Int, {
    nullable: true,
    description:
      "Its metric's value over the mandate's period for the mandate's organizations, counting what you may see (null without a metric)",
  })
  async currentValue(indicator: Indicator, _args: NoArgs, context: GqlContext): Promise<number | null> {
    if (!indicator.metric) return null;
    const loaders = context.loaders.get(WorkPlanLoaders);
    const mandate = await loaders.mandate.load(indicator.mandateId);
    return mandate ? metricValue(await loaders.report.load(mandate), indicator.metric) : null;
  }
}

@Resolver(() => PlannedActivity)
export class PlannedActivitiesResolver {
  @ResolveField(() => Mandate)
  mandate(activity: PlannedActivity, _args: NoArgs, context: GqlContext): Promise<Mandate | null> {
    return context.loaders.get(WorkPlanLoaders).mandate.load(activity.mandateId);
  }

  @ResolveField(() => [State], { description: 'By name' })
  async states(activity: PlannedActivity, _args: NoArgs, { loaders }: GqlContext): Promise<State[]> {
    return present(await loaders.get(StateLoaders).state.loadMany(activity.stateIso3s)).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  @ResolveField(() => [Interaction], { description: 'The logged interactions that carried it out, those you may see' })
  async interactions(activity: PlannedActivity, _args: NoArgs, { loaders }: GqlContext): Promise<InteractionRow[]> {
    return present(await loaders.get(InteractionLoaders).interaction.loadMany(activity.interactionIds));
  }

  @ResolveField(() => PlannedActivity, { nullable: true, description: "The previous mandate's activity it was carried over from" })
  carriedFrom(activity: PlannedActivity, _args: NoArgs, context: GqlContext): Promise<PlannedActivity | null> | null {
    return activity.carriedFromId ? context.loaders.get(WorkPlanLoaders).activity.load(activity.carriedFromId) : null;
  }
}
