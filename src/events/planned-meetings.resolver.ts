import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { Contact } from '../contacts/contact.model.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { InteractionLoaders } from '../interactions/interaction.loaders.js';
import { Interaction } from '../interactions/interaction.model.js';
import type { InteractionRow } from '../interactions/interactions.repository.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { LogMeetingHeldInput, PlanMeetingInput, UpdatePlannedMeetingInput } from './dto/event.inputs.js';
import { EventLoaders } from './event.loaders.js';
import { Event, PlannedMeeting } from './event.model.js';
import { EventsService } from './events.service.js';

/** Bilateral meetings planned at an event, until one is logged as held. */
@Resolver(() => PlannedMeeting)
export class PlannedMeetingResolver {
  constructor(private readonly service: EventsService) {}

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => PlannedMeeting, { description: 'Plans a bilateral meeting with a State at an event' })
  planMeeting(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: PlanMeetingInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<PlannedMeeting> {
    return this.service.planMeeting(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => PlannedMeeting, {
    description:
      "Corrects a planned meeting's date, objective, contacts or visibility (the organization that planned it or an admin); a stale expectedVersion is a CONFLICT. A meeting logged as held is its interaction's now: CONFLICT",
  })
  updatePlannedMeeting(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdatePlannedMeetingInput): Promise<PlannedMeeting> {
    return this.service.updateMeeting(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, {
    description:
      'Deletes a planned meeting not yet held (the organization that planned it or an admin); returns its id. A meeting logged as held stays: CONFLICT',
  })
  deletePlannedMeeting(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @ExpectedVersionArg() expectedVersion: number,
  ): Promise<string> {
    return this.service.deleteMeeting(viewer, id, expectedVersion);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => PlannedMeeting, {
    description: 'Logs a planned meeting as held: a BILATERAL_MEETING interaction linked to the event',
  })
  logMeetingHeld(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: LogMeetingHeldInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<PlannedMeeting> {
    return this.service.logMeetingHeld(viewer, input);
  }

  @ResolveField(() => Event)
  async event(meeting: PlannedMeeting, _args: NoArgs, { loaders }: GqlContext): Promise<Event> {
    return (await loaders.get(EventLoaders).event.load(meeting.eventId))!;
  }

  @ResolveField(() => State)
  async state(meeting: PlannedMeeting, _args: NoArgs, { loaders }: GqlContext): Promise<State> {
    return (await loaders.get(StateLoaders).state.load(meeting.stateIso3))!;
  }

  @ResolveField(() => [Contact])
  contacts(meeting: PlannedMeeting, _args: NoArgs, { loaders }: GqlContext): Promise<Contact[]> {
    return loaders.get(EventLoaders).meetingContacts.load(meeting.id);
  }

  @ResolveField(() => Interaction, { nullable: true, description: 'The BILATERAL_MEETING, once held (if you may see it)' })
  async interaction(meeting: PlannedMeeting, _args: NoArgs, { loaders }: GqlContext): Promise<InteractionRow | null> {
    return meeting.interactionId ? loaders.get(InteractionLoaders).interaction.load(meeting.interactionId) : null;
  }

  @ResolveField(() => Organization)
  async organization(meeting: PlannedMeeting, _args: NoArgs, { loaders }: GqlContext): Promise<Organization> {
    return (await loaders.get(OrganizationLoaders).organization.load(meeting.organizationId))!;
  }

  @ResolveField(() => User)
  async createdBy(meeting: PlannedMeeting, _args: NoArgs, { loaders }: GqlContext): Promise<User> {
    return (await loaders.get(UserLoaders).user.load(meeting.createdBy))!;
  }
}
