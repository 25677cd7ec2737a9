import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import type { Connection } from '../common/paging/connection.js';
import { Contact } from '../contacts/contact.model.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { checkArgs, FieldArgs } from '../graphql/field-args.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { Interaction } from '../interactions/interaction.model.js';
import type { InteractionRow } from '../interactions/interactions.repository.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { TargetFilter } from '../targets/dto/targets.args.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { AddEventAttendanceInput, AttendingTargetsArgs, EventsArgs, RecordEventInput, UpdateEventInput } from './dto/event.inputs.js';
import { EventLoaders } from './event.loaders.js';
import { Event, EventAttendance, EventConnection, EventTarget, PlannedMeeting } from './event.model.js';
import { EventsService } from './events.service.js';
import { EventsRepository } from './events.repository.js';
import { pageOf } from '../common/paging/cursor.js';

@Resolver(() => Event)
export class EventsResolver {
  constructor(
    private readonly service: EventsService,
    private readonly repository: EventsRepository,
  ) {}

  @Query(() => Event, { nullable: true, description: 'An event you may see; null otherwise' })
  event(@CurrentViewer() viewer: Viewer, @IdArg() id: string): Promise<Event | null> {
    return this.repository.visibleById(viewer, id);
  }

  @Query(() => EventConnection, { description: 'The events you may see, soonest first' })
  events(@CurrentViewer() viewer: Viewer, @Args() args: EventsArgs): Promise<Connection<Event>> {
    return pageOf(
      args,
      ['date', 'uuid'],
      (e) => [e.startsOn, e.id],
      (page) => this.repository.page(viewer, args, page),
    );
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Event, { description: 'Records an event, with the States attending' })
  recordEvent(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordEventInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Event> {
    return this.service.record(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Event, {
    description:
      "Corrects an event's name, kind, place, dates or visibility (the event's organization or an admin); a stale expectedVersion is a CONFLICT",
  })
  updateEvent(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateEventInput): Promise<Event> {
    return this.service.update(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, {
    description:
      'Deletes an event with its attendance and its planned meetings; returns its id. An event where interactions you may see were logged (a meeting held there) stays as part of their history: CONFLICT',
  })
  deleteEvent(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @ExpectedVersionArg() expectedVersion: number): Promise<string> {
    return this.service.delete(viewer, id, expectedVersion);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Event, { description: 'Adds States (and members of their delegations) to an event' })
  addEventAttendance(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AddEventAttendanceInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Event> {
    return this.service.addAttendance(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Event, { description: "Removes a State's attendance and its delegation" })
  removeEventAttendance(
    @CurrentViewer() viewer: Viewer,
    @IdArg('eventId') eventId: string,
    @Args('stateIso3') stateIso3: string,
    @ExpectedVersionArg({ nullable: true }) expectedVersion?: number,
  ): Promise<Event> {
    return this.service.removeAttendance(viewer, eventId, stateIso3, expectedVersion ?? undefined);
  }

  @ResolveField(() => Organization)
  async organization(event: Event, _args: NoArgs, { loaders }: GqlContext): Promise<Organization> {
    return (await loaders.get(OrganizationLoaders).organization.load(event.organizationId))!;
  }

  @ResolveField(() => User)
  async createdBy(event: Event, _args: NoArgs, { loaders }: GqlContext): Promise<User> {
    return (await loaders.get(UserLoaders).user.load(event.createdBy))!;
  }

  @ResolveField(() => [EventAttendance], { description: 'By State name' })
  attendances(event: Event, _args: NoArgs, { loaders }: GqlContext): Promise<EventAttendance[]> {
    return loaders.get(EventLoaders).attendances.load(event.id);
  }

  @ResolveField(() => [PlannedMeeting], { description: 'The planned meetings you may see' })
  plannedMeetings(event: Event, _args: NoArgs, { loaders }: GqlContext): Promise<PlannedMeeting[]> {
    return loaders.get(EventLoaders).meetings.load(event.id);
  }

  @ResolveField(() => [Interaction], { description: 'The interactions you may see that took place at the event' })
  interactions(event: Event, _args: NoArgs, { loaders }: GqlContext): Promise<InteractionRow[]> {
    return loaders.get(EventLoaders).interactions.load(event.id);
  }

  @ResolveField(() => [EventTarget], {
    description:
      'The attending States on the target list (the filter of `targets`; by default the States not Party), ranked, each with whether you have met it at this event (or since metSince)',
  })
  async attendingTargets(
    event: Event,
    @FieldArgs(AttendingTargetsArgs) { filter, notMetOnly, metSince }: AttendingTargetsArgs,
    { loaders }: GqlContext,
  ): Promise<EventTarget[]> {
    const checked = filter ? checkArgs(TargetFilter, filter, 'filter') : undefined;
    const targets = await loaders.get(EventLoaders).attendingTargets(event.id, checked, metSince ?? null);
    return notMetOnly ? targets.filter((t) => !t.met) : targets;
  }
}

@Resolver(() => EventAttendance)
export class EventAttendanceResolver {
  @ResolveField(() => State)
  async state(attendance: EventAttendance, _args: NoArgs, { loaders }: GqlContext): Promise<State> {
    return (await loaders.get(StateLoaders).state.load(attendance.stateIso3))!;
  }

  @ResolveField(() => [Contact], { description: "Members of the State's delegation" })
  async delegation(attendance: EventAttendance, _args: NoArgs, { loaders }: GqlContext): Promise<Contact[]> {
    const delegates = await loaders.get(EventLoaders).delegates.load(attendance.eventId);
    return delegates.filter((c) => c.stateIso3 === attendance.stateIso3);
  }
}

/** The event an interaction took place at. */
@Resolver(() => Interaction)
export class InteractionEventResolver {
  @ResolveField(() => Event, { nullable: true, description: 'The event it took place at, if any (and if you may see it)' })
  async event(interaction: Interaction, _args: NoArgs, { loaders }: GqlContext): Promise<Event | null> {
    const events = loaders.get(EventLoaders);
    const eventId = await events.eventOfInteraction.load(interaction.id);
    return eventId ? events.event.load(eventId) : null;
  }
}
