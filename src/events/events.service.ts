import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NewActivity } from '../activity/activity.repository.js';
import { Writes } from '../database/writes.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind, InteractionType, Role, Visibility } from '../common/enums.js';
import { editableTeamRow } from '../common/editable.js';
import { AppError, badInput, forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { StatesRepository } from '../states/states.repository.js';
import type { TargetFilter } from '../targets/dto/targets.args.js';
import { TargetsService } from '../targets/targets.service.js';
import { checkMandateVisibility, mandateFor } from '../work-plans/mandate-link.js';
import type {
  AddEventAttendanceInput,
  LogMeetingHeldInput,
  PlanMeetingInput,
  RecordEventInput,
  UpdateEventInput,
  UpdatePlannedMeetingInput,
} from './dto/event.inputs.js';
import type { Event, EventTarget, PlannedMeeting } from './event.model.js';
import { EventsRepository } from './events.repository.js';
import { isIso3 } from '../common/iso3.js';

@Injectable()
export class EventsService {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
    private readonly events: EventsRepository,
    private readonly states: StatesRepository,
    private readonly interactionsService: InteractionsService,
    private readonly targets: TargetsService,
  ) {}

  record(viewer: Viewer, input: RecordEventInput): Promise<Event> {
    checkDates(input.startsOn, input.endsOn);
    const visibility = input.visibility ?? Visibility.COORDINATORS;
    const attending = input.attendingStateIso3s ?? [];
    return this.writes.run(viewer, 'recordEvent', async ({ emit }) => {
      await this.states.checkStates(attending);
      const mandateId = await mandateFor(viewer, input.mandateId, visibility, this.db);
      const event = await this.events.insert({
        id: randomUUID(),
        name: input.name,
        kind: input.kind,
        place: input.place ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        visibility,
        organizationId: viewer.organizationId,
        createdBy: viewer.id,
        mandateId,
      });
      if (attending.length) await this.events.addAttendance(event.id, attending, []);
      await emit({
        kind: ActivityKind.EVENT_RECORDED,
        subjectId: event.id,
        stateIso3s: attending,
        summary: 'Event recorded: {text}',
        visibility,
        mandateId,
      });
      return event;
    });
  }

  /**
   * Corrects an event. New dates keep the rule of recordEvent and must still hold the meetings
   * planned there, not yet held, that the viewer may see; meetings it may not see (another
   * organization's own) keep their date as planned, and their organization moves them if it must.
   * An event that other organizations could see cannot become ORGANIZATION: they may have planned
   * meetings or logged interactions there that would lose sight of it. Whether they did is not
   * asked, so that the answer says nothing of rows the viewer may not see.
   */
  update(viewer: Viewer, { id, expectedVersion, ...changes }: UpdateEventInput): Promise<Event> {
    return this.writes.run(viewer, 'updateEvent', async ({ emit }) => {
      const current = await this.editableEvent(viewer, id, expectedVersion, true);
      checkMandateVisibility(changes.visibility, current.mandateId);
      const startsOn = changes.startsOn ?? current.startsOn;
      const endsOn = changes.endsOn ?? current.endsOn;
      checkDates(startsOn, endsOn);
      if (startsOn !== current.startsOn || endsOn !== current.endsOn) {
        const outside = await this.events.visibleMeetingDatesOutside(viewer, id, startsOn, endsOn);
        if (outside.length) {
          throw badInput(`Meetings not yet held are planned at this event on ${outside.join(', ')}, outside ${startsOn} to ${endsOn}`, {
            field: outside[0] < startsOn ? 'startsOn' : 'endsOn',
          });
        }
      }
      const narrowed = changes.visibility === Visibility.ORGANIZATION || changes.visibility === Visibility.MANDATE;
      if (
        narrowed &&
        current.visibility !== changes.visibility &&
        (current.visibility === Visibility.COORDINATORS ||
          current.visibility === Visibility.SHARED ||
          changes.visibility === Visibility.ORGANIZATION)
      ) {
        throw badInput(
          `Other organizations could see this ${current.visibility} event and may have planned meetings or logged interactions there: it cannot become ${changes.visibility}`,
          { field: 'visibility' },
        );
      }
      const event = await this.events.update(id, expectedVersion, changes);
      await emit({
        kind: ActivityKind.EVENT_CHANGED,
        subjectId: id,
        stateIso3s: await this.attending(id),
        summary: 'Event changed: {text}',
        visibility: event.visibility,
        mandateId: event.mandateId,
      });
      return event;
    });
  }

  /**
   * Deletes an event with its attendance, delegations and planned meetings. One where an interaction
   * the viewer may see was logged (a meeting held there, say) stays as part of that history:
   * CONFLICT. Interactions it may not see do not change the answer: they stay, without the link to
   * the event (and meetings planned there go with the event, whoever planned them).
   */
  async delete(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    await this.writes.run(viewer, 'deleteEvent', async ({ emit, freeze }) => {
      const event = await this.editableEvent(viewer, id, expectedVersion, true);
      if (await this.events.hasVisibleInteractions(viewer, id)) {
        throw new AppError('CONFLICT', `Interactions were logged at "${event.name}": the event stays, as part of their history`, { id });
      }
      const stateIso3s = await this.attending(id);
      await freeze([id]);
      await this.events.delete(id, expectedVersion);
      await emit({
        kind: ActivityKind.EVENT_DELETED,
        stateIso3s,
        summary: `Event deleted: ${describeEvent(event)}`,
        visibility: event.visibility,
        mandateId: event.mandateId,
      });
    });
    return id;
  }

  addAttendance(viewer: Viewer, input: AddEventAttendanceInput): Promise<Event> {
    return this.writes.run(viewer, 'addEventAttendance', async () => {
      await this.editableEvent(viewer, input.eventId, input.expectedVersion);
      await this.states.checkStates(input.stateIso3s);
      const contactIds = input.delegationContactIds ?? [];
      await this.checkContacts(contactIds, input.stateIso3s);
      await this.events.addAttendance(input.eventId, input.stateIso3s, contactIds);
      return this.events.touch(input.eventId, input.expectedVersion);
    });
  }

  removeAttendance(viewer: Viewer, eventId: string, stateIso3: string, expectedVersion?: number): Promise<Event> {
    return this.writes.run(viewer, 'removeEventAttendance', async () => {
      await this.editableEvent(viewer, eventId, expectedVersion);
      if (!isIso3(stateIso3)) throw badInput('stateIso3 must be an ISO 3166-1 alpha-3 code such as VUT', { field: 'stateIso3' });
      if (!(await this.events.removeAttendance(eventId, stateIso3))) throw notFound('Attendance', `${eventId}/${stateIso3}`);
      return this.events.touch(eventId, expectedVersion);
    });
  }

  planMeeting(viewer: Viewer, input: PlanMeetingInput): Promise<PlannedMeeting> {
    const visibility = input.visibility ?? Visibility.ORGANIZATION;
    return this.writes.run(viewer, 'planMeeting', async ({ emit }) => {
      // Locked, so that a correction of the event's dates waits for this meeting and checks it.
      const event = await this.events.visibleById(viewer, input.eventId, true);
      if (!event) throw notFound('Event', input.eventId);
      checkMeetingVisibility(viewer, event, visibility);
      // A meeting at an event of a mandate belongs to that mandate when it is seen by the mandate's organizations.
      const mandateId = await mandateFor(
        viewer,
        input.mandateId ?? (visibility === Visibility.MANDATE ? event.mandateId : null),
        visibility,
        this.db,
      );
      await this.states.checkStates([input.stateIso3]);
      const contactIds = input.contactIds ?? [];
      await this.checkMeeting(event, input.stateIso3, input.plannedOn, contactIds);
      const meeting = await this.events.insertMeeting(
        {
          id: randomUUID(),
          eventId: event.id,
          stateIso3: input.stateIso3,
          plannedOn: input.plannedOn ?? null,
          objective: input.objective ?? null,
          visibility,
          organizationId: viewer.organizationId,
          createdBy: viewer.id,
          mandateId,
        },
        contactIds,
      );
      await emit({
        kind: ActivityKind.MEETING_PLANNED,
        subjectId: meeting.id,
        stateIso3s: [input.stateIso3],
        summary: 'Meeting with {states} planned at {extra}',
        visibility,
        mandateId,
      });
      return meeting;
    });
  }

  /**
   * Corrects a planned meeting not yet held, by the rules of planMeeting: the date within the
   * event's, the contacts of the meeting's State (a new list replaces the one planned).
   */
  updateMeeting(viewer: Viewer, { id, expectedVersion, contactIds, ...changes }: UpdatePlannedMeetingInput): Promise<PlannedMeeting> {
    return this.writes.run(viewer, 'updatePlannedMeeting', async ({ emit }) => {
      const { meeting: current, event } = await this.editableMeeting(viewer, id, expectedVersion);
      checkMandateVisibility(changes.visibility, current.mandateId);
      if (changes.visibility && changes.visibility !== current.visibility) checkMeetingVisibility(viewer, event, changes.visibility);
      await this.checkMeeting(event, current.stateIso3, changes.plannedOn, contactIds);
      if (contactIds) await this.events.setMeetingContacts(id, contactIds);
      const meeting = await this.events.updateMeeting(id, expectedVersion, changes);
      await emit(meetingActivity(ActivityKind.MEETING_CHANGED, event, meeting, 'changed'));
      return meeting;
    });
  }

  /** Deletes a planned meeting not yet held, with its contacts. */
  async deleteMeeting(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    await this.writes.run(viewer, 'deletePlannedMeeting', async ({ emit, freeze }) => {
      const { meeting, event } = await this.editableMeeting(viewer, id, expectedVersion);
      await freeze([id]);
      await this.events.deleteMeeting(id, expectedVersion);
      await emit(meetingActivity(ActivityKind.MEETING_DELETED, event, meeting, 'deleted'));
    });
    return id;
  }

  /** Logs the BILATERAL_MEETING through the interaction write path, linked to the event, and links the plan to it. */
  logMeetingHeld(viewer: Viewer, input: LogMeetingHeldInput): Promise<PlannedMeeting> {
    return this.writes.run(viewer, 'logMeetingHeld', async () => {
      const meeting = await editableTeamRow(
        viewer,
        await this.events.visibleMeeting(viewer, input.meetingId),
        {
          what: 'Planned meeting',
          id: input.meetingId,
          expectedVersion: input.expectedVersion,
          forbidden: 'Only the organization that planned a meeting, or the organizations of its mandate, can log it',
        },
        this.db,
        'planned_meetings',
      );
      if (meeting.held) throw badInput('This meeting was already logged as held', { field: 'meetingId' });
      const event = (await this.events.visibleById(viewer, meeting.eventId))!;
      const planned = (await this.events.meetingContactsOf([meeting.id])).map((c) => c.id);
      const visibility = input.visibility ?? meeting.visibility;
      // The event's name goes into the interaction only as far as the event itself is seen (or as its organization chooses).
      const subject = input.subject ?? (mayWiden(viewer, event, visibility) ? `Bilateral meeting at ${event.name}` : 'Bilateral meeting');
      const interaction = await this.interactionsService.logInTransaction(viewer, {
        type: InteractionType.BILATERAL_MEETING,
        occurredOn: input.occurredOn,
        subject,
        summary: input.summary ?? meeting.objective,
        outcome: input.outcome ?? null,
        followUpOn: input.followUpOn ?? null,
        visibility,
        stateIso3s: [meeting.stateIso3],
        contactIds: input.contactIds ?? planned,
        eventId: event.id,
        mandateId: meeting.mandateId ?? undefined,
      });
      return this.events.markHeld(meeting.id, interaction.id, input.expectedVersion);
    });
  }

  /**
   * The target States attending each event (ranked by the target list, filtered by it), with
   * whether each was met: one ranking and one statement for all the events asked about.
   */
  async attendingTargets(
    viewer: Viewer,
    eventIds: readonly string[],
    filter: TargetFilter | undefined,
    metSince: string | null,
  ): Promise<Map<string, EventTarget[]>> {
    const [ranked, facts] = await Promise.all([
      this.targets.rank(viewer, filter ?? {}),
      this.events.attendanceFacts(viewer, eventIds, metSince),
    ]);
    const byEvent = new Map<string, EventTarget[]>(eventIds.map((id) => [id, []]));
    const factsOf = new Map(facts.map((f) => [`${f.eventId}/${f.stateIso3}`, f]));
    for (const eventId of eventIds) {
      for (const target of ranked) {
        const fact = factsOf.get(`${eventId}/${target.state.iso3}`);
        if (!fact) continue;
        byEvent
          .get(eventId)!
          .push({ target, met: fact.lastMetOn !== null, lastMetOn: fact.lastMetOn, meetingPlanned: fact.meetingPlanned });
      }
    }
    return byEvent;
  }

  /** An event is changed by its own organization (admins may change any they see). */
  private async editableEvent(viewer: Viewer, id: string, expectedVersion: number | undefined, lock = false): Promise<Event> {
    const event = await this.events.visibleById(viewer, id, lock);
    const forbidden = 'Only the organization that recorded an event, or the organizations of its mandate, can change it';
    return editableTeamRow(viewer, event, { what: 'Event', id, expectedVersion, forbidden }, this.db, 'events');
  }

  /**
   * A planned meeting changed by its own organization (admins may change any they see), with its
   * event. The event is locked first, then the meeting, in the order of deleteEvent (which removes
   * the meetings with the event); updateEvent checks the meetings' dates under the same lock. A
   * meeting held is a CONFLICT: its interaction is the record then.
   */
  private async editableMeeting(viewer: Viewer, id: string, expectedVersion: number): Promise<{ meeting: PlannedMeeting; event: Event }> {
    const seen = isUuid(id) ? await this.events.visibleMeeting(viewer, id) : null;
    const event = seen && (await this.events.visibleById(viewer, seen.eventId, true));
    const locked = event && (await this.events.visibleMeeting(viewer, id, true));
    const forbidden = 'Only the organization that planned a meeting, or the organizations of its mandate, can change it';
    const meeting = await editableTeamRow(
      viewer,
      locked,
      { what: 'Planned meeting', id, expectedVersion, forbidden },
      this.db,
      'planned_meetings',
    );
    if (meeting.held) {
      throw new AppError(
        'CONFLICT',
        `The meeting with ${meeting.stateIso3} at "${event!.name}" was logged as held: its interaction is the record now, and the plan stays as it was`,
        { id },
      );
    }
    return { meeting, event: event! };
  }

  /** A meeting's date falls within its event's; its contacts are contacts of its State. */
  private async checkMeeting(
    event: Event,
    stateIso3: string,
    plannedOn: string | null | undefined,
    contactIds: string[] | undefined,
  ): Promise<void> {
    if (plannedOn && (plannedOn < event.startsOn || plannedOn > event.endsOn)) {
      throw badInput(`plannedOn (${plannedOn}) must be within the event (${event.startsOn} to ${event.endsOn})`, { field: 'plannedOn' });
    }
    if (contactIds) await this.checkContacts(contactIds, [stateIso3]);
  }

  /** The States attending an event. */
  private async attending(eventId: string): Promise<string[]> {
    return (await this.events.attendancesOf([eventId])).map((a) => a.stateIso3);
  }

  /** Each contact must exist and be a contact of one of these States. */
  private async checkContacts(ids: string[], iso3s: string[]): Promise<void> {
    if (!ids.length) return;
    const found = new Map((await this.events.contactStates(ids)).map((c) => [c.id, c]));
    for (const id of ids) {
      const contact = found.get(id);
      if (!contact) throw badInput(`Unknown contact ${id}`, { field: 'contactIds', contactId: id });
      if (!contact.stateIso3 || !iso3s.includes(contact.stateIso3)) {
        throw badInput(`${contact.fullName} is a contact of ${contact.stateIso3 ?? 'no State'}, not of ${iso3s.join(', ')}`, {
          field: 'contactIds',
          contactId: id,
        });
      }
    }
  }
}

/** "Pacific Conference (Auckland), 2026-03-01 to 2026-03-03" */
function describeEvent(event: Event): string {
  return `${event.name}${event.place ? ` (${event.place})` : ''}, ${event.startsOn} to ${event.endsOn}`;
}

/**
 * "Pacific Conference on 2026-03-02" (the date when there is one); "an event on 2026-03-02" when
 * some who may see the meeting may not see the event (the feed names it by the same rule, per reader, in
 * activity-subjects.ts).
 */
function describeMeeting(event: Event, meeting: PlannedMeeting): string {
  const on = meeting.plannedOn ? ` on ${meeting.plannedOn}` : '';
  return `${coversMeeting(event, meeting) ? event.name : 'an event'}${on}`;
}

const BREADTH: Record<Visibility, number> = {
  [Visibility.ORGANIZATION]: 0,
  [Visibility.MANDATE]: 1,
  [Visibility.COORDINATORS]: 2,
  [Visibility.SHARED]: 3,
};

/** Whether everyone who may see the meeting may see its event too. */
function coversMeeting(event: Event, meeting: PlannedMeeting): boolean {
  if (BREADTH[event.visibility] < BREADTH[meeting.visibility]) return false;
  // A MANDATE event: its readers are its mandate's, who read the meeting only if it is the same mandate's (or its planner's own).
  if (event.visibility === Visibility.MANDATE)
    return meeting.visibility === Visibility.ORGANIZATION || meeting.mandateId === event.mandateId;
  return event.visibility !== Visibility.ORGANIZATION || event.organizationId === meeting.organizationId;
}

/** "Planned meeting with {states} at Pacific Conference on 2026-03-02 changed", seen as the meeting is seen. */
function meetingActivity(kind: ActivityKind, event: Event, meeting: PlannedMeeting, what: 'changed' | 'deleted'): NewActivity {
  // A change follows the meeting as it is when read; a deletion keeps the words of the moment.
  const at = what === 'changed' ? '{extra}' : describeMeeting(event, meeting);
  const subject = what === 'changed' ? { subjectId: meeting.id } : {};
  return {
    kind,
    ...subject,
    stateIso3s: [meeting.stateIso3],
    summary: `Planned meeting with {states} at ${at} ${what}`,
    visibility: meeting.visibility,
    mandateId: meeting.mandateId,
  };
}

const REACH: Record<Visibility, number> = {
  [Visibility.ORGANIZATION]: 0,
  [Visibility.MANDATE]: 1,
  [Visibility.COORDINATORS]: 2,
  [Visibility.SHARED]: 3,
};

/**
 * Whether something seen with this visibility may carry the event's name and dates: when it is seen
 * no more widely than the event, or when the viewer may change the event (and so may widen it).
 */
function mayWiden(viewer: Viewer, event: Event, visibility: Visibility): boolean {
  return REACH[visibility] <= REACH[event.visibility] || viewer.role === Role.ADMIN || event.organizationId === viewer.organizationId;
}

/**
 * A planned meeting names its event wherever it is seen (the activity feed): it is seen no more
 * widely than the event unless the event is the viewer's to change.
 */
function checkMeetingVisibility(viewer: Viewer, event: Event, visibility: Visibility): void {
  if (!mayWiden(viewer, event, visibility)) {
    throw forbidden(
      `A meeting at a ${event.visibility} event cannot be ${visibility}: only the event's organization may show it more widely`,
    );
  }
}

/** An event ends on or after the day it starts. */
function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw badInput(`endsOn (${endsOn}) cannot be before startsOn (${startsOn})`, { field: 'endsOn' });
}
