import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { Visibility } from '../common/enums.js';
import type { Page } from '../common/paging/page.js';
import { pagedSql, splitPage, SqlParams, type PagedRow } from '../common/sql.js';
import { deleteVersioned, updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import { CONTACT_COLUMNS } from '../contacts/contacts.repository.js';
import type { Contact } from '../contacts/contact.model.js';
import { INTERACTION_COLUMNS, type InteractionRow } from '../interactions/interactions.repository.js';
import { visibleTo } from '../auth/visibility.js';
import { table, type Projection } from '../database/table.js';
import type { EventKind } from './event-kind.js';
import { EventEntity, PlannedMeetingEntity } from './event.entity.js';
import type { Event, EventAttendance, PlannedMeeting } from './event.model.js';

const events = table(EventEntity);
const EVENT_COLUMNS = events.select('e');
const EVENT_RETURNING = events.returning();

/** What a correction of an event may change. */
export interface EventChanges {
  name?: string;
  kind?: EventKind;
  place?: string | null;
  startsOn?: string;
  endsOn?: string;
  visibility?: Visibility;
}

const EVENT_SPEC = {
  table: events.name,
  what: 'Event',
  returning: EVENT_RETURNING,
  columns: events.columnMap('name', 'kind', 'place', 'startsOn', 'endsOn', 'visibility') satisfies ColumnMap<EventChanges>,
};

const meetings = table(PlannedMeetingEntity);
/** A planned meeting as the API reads it: whether it was held, and no timestamps. */
const MEETING: Projection<PlannedMeetingEntity> = {
  omit: ['createdAt', 'updatedAt'],
  extra: (m) => [`${m}interaction_id IS NOT NULL AS held`],
};
const MEETING_COLUMNS = meetings.select('m', MEETING);
const MEETING_RETURNING = meetings.returning(MEETING);

/** What a correction of a planned meeting may change. */
export interface MeetingChanges {
  plannedOn?: string | null;
  objective?: string | null;
  visibility?: Visibility;
}

const MEETING_SPEC = {
  table: meetings.name,
  what: 'Planned meeting',
  returning: MEETING_RETURNING,
  columns: meetings.columnMap('plannedOn', 'objective', 'visibility', 'interactionId') satisfies ColumnMap<
    MeetingChanges & { interactionId: string }
  >,
};

/** The interactions that count as having met a State. */
export const MEETING_TYPES = ['BILATERAL_MEETING', 'EVENT_MEETING'];

export interface EventQuery {
  startingFrom?: string;
  startingBefore?: string;
  kinds?: EventKind[];
  stateIso3s?: string[];
}

export interface AttendanceFacts {
  eventId: string;
  stateIso3: string;
  lastMetOn: string | null;
  meetingPlanned: boolean;
}

/** An interaction logged at an event. */
export interface EventInteractionLink {
  interactionId: string;
  eventId: string;
}

/** A contact and the State it represents. */
interface ContactStateRow {
  id: string;
  fullName: string;
  stateIso3: string | null;
}

/** A date a meeting not yet held is planned on. */
interface PlannedOnRow {
  plannedOn: string;
}

@Injectable()
export class EventsRepository {
  constructor(private readonly db: Db) {}

  /** The event if the viewer may see it; with `lock`, locked until the transaction ends (no meeting or interaction is added meanwhile). */
  async visibleById(viewer: Viewer, id: string, lock = false): Promise<Event | null> {
    if (!isUuid(id)) return null;
    const p = new SqlParams();
    const rows = await this.db.query<Event[]>(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ${p.add(id)} AND ${visibleTo(viewer, p, 'e')}${lock ? ' FOR UPDATE' : ''}`,
      p.values,
    );
    return rows[0] ?? null;
  }

  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<Event[]> {
    const p = new SqlParams();
    return this.db.query<Event[]>(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ANY(${p.add(ids)}::uuid[]) AND ${visibleTo(viewer, p, 'e')}`,
      p.values,
    );
  }

  /** Soonest first; the visibility rule is part of the statement. */
  async page(viewer: Viewer, query: EventQuery, page: Page): Promise<{ rows: Event[]; total: number | null }> {
    const p = new SqlParams();
    const where = [visibleTo(viewer, p, 'e')];
    if (query.startingFrom) where.push(`e.starts_on >= ${p.add(query.startingFrom)}::date`);
    if (query.startingBefore) where.push(`e.starts_on < ${p.add(query.startingBefore)}::date`);
    if (query.kinds) where.push(`e.kind = ANY(${p.add(query.kinds)}::event_kind[])`);
    if (query.stateIso3s) {
      where.push(
        `EXISTS (SELECT 1 FROM event_attendances a WHERE a.event_id = e.id AND a.state_iso3 = ANY(${p.add(query.stateIso3s)}::char(3)[]))`,
      );
    }
    const filtered = `SELECT ${EVENT_COLUMNS} FROM events e WHERE ${where.join(' AND ')}`;
    const cursor = page.after ? `("startsOn", id) > (${p.add(page.after[0])}::date, ${p.add(page.after[1])}::uuid)` : null;
    const rows = await this.db.query<PagedRow<Event>[]>(pagedSql(filtered, cursor, '"startsOn", id', page), p.values);
    return splitPage<Event>(rows, 'id');
  }

  async insert(row: {
    id: string;
    name: string;
    kind: EventKind;
    place: string | null;
    startsOn: string;
    endsOn: string;
    visibility: Visibility;
    organizationId: string;
    createdBy: string;
    mandateId: string | null;
  }): Promise<Event> {
    const rows = await this.db.query<Event[]>(...events.insertReturning(row));
    return rows[0];
  }

  /** A new version of the event (its attendance changed), checking the version read. */
  touch(id: string, expectedVersion: number | undefined): Promise<Event> {
    return updateVersioned<EventChanges, Event>(this.db, EVENT_SPEC, id, expectedVersion, {});
  }

  update(id: string, expectedVersion: number, changes: EventChanges): Promise<Event> {
    return updateVersioned<EventChanges, Event>(this.db, EVENT_SPEC, id, expectedVersion, changes);
  }

  /** Deletes the event; its attendance, delegations and planned meetings go with it (the foreign keys cascade). */
  delete(id: string, expectedVersion: number): Promise<void> {
    return deleteVersioned(this.db, EVENT_SPEC, id, expectedVersion);
  }

  /**
   * Whether the viewer may see an interaction logged at the event (a meeting held there, say).
   * Those it may not see make no difference to what it is told.
   */
  async hasVisibleInteractions(viewer: Viewer, eventId: string): Promise<boolean> {
    const p = new SqlParams();
    const event = p.add(eventId);
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM event_interactions ei JOIN interactions i ON i.id = ei.interaction_id WHERE ei.event_id = ${event} AND ${visibleTo(viewer, p)}
       UNION ALL
       SELECT 1 FROM planned_meetings m JOIN interactions i ON i.id = m.interaction_id WHERE m.event_id = ${event} AND ${visibleTo(viewer, p)}
       LIMIT 1`,
      p.values,
    );
    return rows.length > 0;
  }

  /**
   * The dates of the meetings planned at the event, not yet held, that fall outside these dates, of
   * those the viewer may see (the others are not the viewer's to know of, nor to judge by).
   */
  async visibleMeetingDatesOutside(viewer: Viewer, eventId: string, startsOn: string, endsOn: string): Promise<string[]> {
    const p = new SqlParams();
    const rows = await this.db.query<PlannedOnRow[]>(
      `SELECT DISTINCT m.planned_on AS "plannedOn" FROM planned_meetings m
       WHERE m.event_id = ${p.add(eventId)} AND m.interaction_id IS NULL
         AND (m.planned_on < ${p.add(startsOn)}::date OR m.planned_on > ${p.add(endsOn)}::date) AND ${visibleTo(viewer, p, 'm')}
       ORDER BY 1`,
      p.values,
    );
    return rows.map((row) => row.plannedOn);
  }

  async addAttendance(eventId: string, iso3s: string[], contactIds: string[]): Promise<void> {
    await this.db.query(`INSERT INTO event_attendances (event_id, state_iso3) SELECT $1, unnest($2::char(3)[]) ON CONFLICT DO NOTHING`, [
      eventId,
      iso3s,
    ]);
    if (contactIds.length) {
      await this.db.query(`INSERT INTO event_delegates (event_id, contact_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
        eventId,
        contactIds,
      ]);
    }
  }

  /** Removes a State's attendance and its delegation; false when it was not attending. */
  async removeAttendance(eventId: string, iso3: string): Promise<boolean> {
    const removed = await this.db.query<[unknown[], number]>(
      `DELETE FROM event_attendances WHERE event_id = $1 AND state_iso3 = $2 RETURNING state_iso3`,
      [eventId, iso3],
    );
    await this.db.query(
      `DELETE FROM event_delegates d USING contacts c WHERE d.event_id = $1 AND c.id = d.contact_id AND c.state_iso3 = $2`,
      [eventId, iso3],
    );
    return removed[0].length > 0;
  }

  attendancesOf(eventIds: readonly string[]): Promise<EventAttendance[]> {
    return this.db.query<EventAttendance[]>(
      `SELECT a.event_id AS "eventId", a.state_iso3 AS "stateIso3" FROM event_attendances a JOIN states s ON s.iso3 = a.state_iso3
       WHERE a.event_id = ANY($1::uuid[]) ORDER BY s.name`,
      [eventIds],
    );
  }

  delegatesOf(eventIds: readonly string[]): Promise<(Contact & { eventId: string })[]> {
    return this.db.query<(Contact & { eventId: string })[]>(
      `SELECT d.event_id AS "eventId", ${CONTACT_COLUMNS} FROM event_delegates d JOIN contacts c ON c.id = d.contact_id
       WHERE d.event_id = ANY($1::uuid[]) ORDER BY c.full_name, c.id`,
      [eventIds],
    );
  }

  /**
   * For every State attending these events, in one statement: the latest meeting with it that
   * the viewer may see (at that event, or on or after `metSince`), and whether a visible meeting
   * is planned there and not yet held.
   */
  attendanceFacts(viewer: Viewer, eventIds: readonly string[], metSince: string | null): Promise<AttendanceFacts[]> {
    const p = new SqlParams();
    const ids = p.add(eventIds);
    const since = p.add(metSince);
    const types = p.add(MEETING_TYPES);
    return this.db.query<AttendanceFacts[]>(
      `SELECT a.event_id AS "eventId", a.state_iso3 AS "stateIso3", met.last AS "lastMetOn",
         EXISTS (SELECT 1 FROM planned_meetings m WHERE m.event_id = a.event_id AND m.state_iso3 = a.state_iso3
                 AND m.interaction_id IS NULL AND ${visibleTo(viewer, p, 'm')}) AS "meetingPlanned"
       FROM event_attendances a
       LEFT JOIN LATERAL (
         SELECT max(i.occurred_on) AS last
         FROM interaction_states l JOIN interactions i ON i.id = l.interaction_id
         LEFT JOIN event_interactions ei ON ei.interaction_id = i.id
         WHERE l.state_iso3 = a.state_iso3 AND i.type::text = ANY(${types}::text[]) AND ${visibleTo(viewer, p)}
           AND (ei.event_id = a.event_id OR (${since}::date IS NOT NULL AND i.occurred_on >= ${since}::date))) met ON true
       WHERE a.event_id = ANY(${ids}::uuid[])`,
      p.values,
    );
  }

  meetingsOf(viewer: Viewer, eventIds: readonly string[]): Promise<PlannedMeeting[]> {
    const p = new SqlParams();
    return this.db.query<PlannedMeeting[]>(
      `SELECT ${MEETING_COLUMNS} FROM planned_meetings m JOIN states s ON s.iso3 = m.state_iso3
       WHERE m.event_id = ANY(${p.add(eventIds)}::uuid[]) AND ${visibleTo(viewer, p, 'm')}
       ORDER BY m.planned_on NULLS LAST, s.name, m.id`,
      p.values,
    );
  }

  interactionsOf(viewer: Viewer, eventIds: readonly string[]): Promise<(InteractionRow & { eventId: string })[]> {
    const p = new SqlParams();
    return this.db.query<(InteractionRow & { eventId: string })[]>(
      `SELECT ei.event_id AS "eventId", ${INTERACTION_COLUMNS} FROM event_interactions ei JOIN interactions i ON i.id = ei.interaction_id
       WHERE ei.event_id = ANY(${p.add(eventIds)}::uuid[]) AND ${visibleTo(viewer, p)}
       ORDER BY i.occurred_on, i.created_at, i.id`,
      p.values,
    );
  }

  eventIdsOfInteractions(ids: readonly string[]): Promise<EventInteractionLink[]> {
    return this.db.query<EventInteractionLink[]>(
      `SELECT interaction_id AS "interactionId", event_id AS "eventId" FROM event_interactions WHERE interaction_id = ANY($1::uuid[])`,
      [ids],
    );
  }

  meetingContactsOf(meetingIds: readonly string[]): Promise<(Contact & { meetingId: string })[]> {
    return this.db.query<(Contact & { meetingId: string })[]>(
      `SELECT pc.meeting_id AS "meetingId", ${CONTACT_COLUMNS} FROM planned_meeting_contacts pc JOIN contacts c ON c.id = pc.contact_id
       WHERE pc.meeting_id = ANY($1::uuid[]) ORDER BY c.full_name, c.id`,
      [meetingIds],
    );
  }

  /** The planned meeting if the viewer may see it; with `lock`, locked until the transaction ends. */
  async visibleMeeting(viewer: Viewer, id: string, lock = false): Promise<PlannedMeeting | null> {
    const p = new SqlParams();
    const rows = await this.db.query<PlannedMeeting[]>(
      `SELECT ${MEETING_COLUMNS} FROM planned_meetings m WHERE m.id = ${p.add(id)} AND ${visibleTo(viewer, p, 'm')}${lock ? ' FOR UPDATE' : ''}`,
      p.values,
    );
    return rows[0] ?? null;
  }

  async insertMeeting(
    row: {
      id: string;
      eventId: string;
      stateIso3: string;
      plannedOn: string | null;
      objective: string | null;
      visibility: Visibility;
      organizationId: string;
      createdBy: string;
      mandateId: string | null;
    },
    contactIds: string[],
  ): Promise<PlannedMeeting> {
    const rows = await this.db.query<PlannedMeeting[]>(...meetings.insertReturning(row, MEETING));
    await this.addMeetingContacts(row.id, contactIds);
    return rows[0];
  }

  updateMeeting(id: string, expectedVersion: number, changes: MeetingChanges): Promise<PlannedMeeting> {
    return updateVersioned<MeetingChanges, PlannedMeeting>(this.db, MEETING_SPEC, id, expectedVersion, changes);
  }

  /** The meeting's contacts become these: only those left out are removed, only new ones added. */
  async setMeetingContacts(id: string, contactIds: string[]): Promise<void> {
    await this.db.query(`DELETE FROM planned_meeting_contacts WHERE meeting_id = $1 AND contact_id <> ALL($2::uuid[])`, [id, contactIds]);
    await this.addMeetingContacts(id, contactIds);
  }

  /** Deletes the planned meeting; its contacts go with it (the foreign key cascades). */
  deleteMeeting(id: string, expectedVersion: number): Promise<void> {
    return deleteVersioned(this.db, MEETING_SPEC, id, expectedVersion);
  }

  markHeld(id: string, interactionId: string, expectedVersion: number | undefined): Promise<PlannedMeeting> {
    return updateVersioned<{ interactionId: string }, PlannedMeeting>(this.db, MEETING_SPEC, id, expectedVersion, { interactionId });
  }

  private async addMeetingContacts(id: string, contactIds: string[]): Promise<void> {
    if (contactIds.length) {
      await this.db.query(
        `INSERT INTO planned_meeting_contacts (meeting_id, contact_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [id, contactIds],
      );
    }
  }

  contactStates(ids: readonly string[]): Promise<ContactStateRow[]> {
    return this.db.query<ContactStateRow[]>(
      `SELECT id, full_name AS "fullName", state_iso3 AS "stateIso3" FROM contacts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
