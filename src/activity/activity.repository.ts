import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind, InteractionType, RegionalGroup, Visibility } from '../common/enums.js';
import type { Page } from '../common/paging/page.js';
import { pagedSql, splitPage, SqlParams, type PagedRow } from '../common/sql.js';
import { visibleTo } from '../auth/visibility.js';
import { covers, fillTemplate, NO_SUBJECT, readersOf, SUBJECT_JOIN, subjectFrom, visibleWithOrganizations } from './activity-subjects.js';
import type { Organization } from '../organizations/organization.model.js';
import { ORGANIZATION_COLUMNS } from '../organizations/organizations.repository.js';
import type { State } from '../states/state.model.js';
import { STATE_JSON, type StateProperty } from '../states/states.repository.js';
import type { User } from '../users/user.model.js';
import { USER_COLUMNS } from '../users/users.repository.js';

/** An activity event with what its readers need to filter it and to decide who may see it. */
export interface ActivityEventRow {
  id: string;
  kind: ActivityKind;
  occurredAt: Date;
  actorId: string | null;
  organizationId: string | null;
  interactionId: string | null;
  /**
   * The item it is about when that is not an interaction (see SUBJECT_OF), while the item exists:
   * the event then follows the item's visibility, so whoever reads the event may see the item.
   */
  subjectId: string | null;
  /** A planned meeting's event, to those who may see that event (live: as its author sees it; see `restricted`). */
  eventId: string | null;
  stateIso3s: string[];
  /** As the reader may see it (live: as its author sees it; see `restricted`). */
  summary: string;
  /**
   * Who may see it, as the item it is about is now: the interaction's, campaign's, event's, meeting's,
   * mandate's or obstacle's visibility and organizations, else the event's own (null for events every
   * user may see). The interaction's type.
   */
  visibility: Visibility | null;
  visibleOrganizationIds: string[];
  interactionType: InteractionType | null;
  /** The regional groups of its States (live subscribers filter on them; the feed filters in SQL). */
  regionalGroups: RegionalGroup[];
  /** The sort key, with microseconds. */
  occurredAtKey: string;
  /** The interaction or other item it is about (live: a newer event about it supersedes the queued ones). */
  subjectKey: string | null;
  /**
   * Live only: part of the summary has its own visibility (a stage change's note): those outside it
   * get this summary instead, and, for a stage move, no actor.
   */
  restricted?: { visibility: Visibility; organizationIds: string[]; summary: string; hidesActor: boolean } | null;
}

/**
 * An event as the feed lists it; with the properties of its States that the reader's selection
 * needs, when they were read along with the page (see JsonProjection).
 */
export type FeedEventRow = Omit<ActivityEventRow, 'regionalGroups'> & { statesReadAlong?: State[] };

export interface NewActivity {
  kind: ActivityKind;
  interactionId?: string;
  /**
   * The item it is about, when that is not an interaction (see SUBJECT_OF for which kinds have one):
   * the event then follows the item's current visibility, and its summary the item's current text.
   */
  subjectId?: string;
  stateIso3s: string[];
  /**
   * `{states}` is replaced by the names of the States. With an interaction or a subject, `{text}`
   * (and `{extra}`) stand for the item's own words, filled in from the item whenever the event is read:
   * write no user text of the item into the summary itself.
   */
  summary: string;
  /** For an event not about one interaction: who may see it, with the actor's organization (kept when the item is gone). */
  visibility?: Visibility;
  /** With a MANDATE visibility: the item's mandate. */
  mandateId?: string | null;
}

/**
 * Which rows of other tables to read along with a page of events (those its reader asks for): the
 * actors, the organizations, and the States with these properties.
 */
export interface ActivityRelations {
  actors?: boolean;
  organizations?: boolean;
  states?: StateProperty[];
}

/** The actors and organizations read along with a page of events, each once. */
export interface RelatedRows {
  users: User[];
  organizations: Organization[];
}

/** Extra columns of a page (`p`): each event's actor, organization and States, as JSON. */
const ACTOR_COLUMN = `(SELECT to_json(x) FROM (SELECT ${USER_COLUMNS} FROM users u WHERE u.id = p."actorId") x) AS "__actor"`;
const ORGANIZATION_COLUMN = `(SELECT to_json(x) FROM (SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = p."organizationId") x) AS "__organization"`;
// Each State by its primary key, one probe per code: not a scan of every State for each event.
const statesColumn = (properties: StateProperty[]) =>
  `(SELECT json_agg((SELECT ${STATE_JSON.object(properties)} FROM states s WHERE s.iso3 = k.iso3)) FROM unnest(p."stateIso3s") k(iso3)) AS "__states"`;

function relationColumns(relations: ActivityRelations): string[] {
  return [
    ...(relations.actors ? [ACTOR_COLUMN] : []),
    ...(relations.organizations ? [ORGANIZATION_COLUMN] : []),
    ...(relations.states ? [statesColumn(relations.states)] : []),
  ];
}

type PageRow = FeedEventRow & { __actor?: User | null; __organization?: Organization | null; __states?: State[] | null };

/**
 * The actors and organizations read along with a page's rows, each once; each event keeps its States
 * (`statesReadAlong`). The rows are changed in place rather than copied.
 */
function related(rows: PageRow[]): { rows: FeedEventRow[]; related: RelatedRows } {
  const users = new Map<string, User>();
  const organizations = new Map<string, Organization>();
  for (const row of rows) {
    if (row.__actor) users.set(row.__actor.id, row.__actor);
    if (row.__organization) organizations.set(row.__organization.id, row.__organization);
    if (row.__states !== undefined) row.statesReadAlong = (row.__states ?? []).filter((state) => state !== null);
  }
  return { rows, related: { users: [...users.values()], organizations: [...organizations.values()] } };
}

export interface ActivityQuery {
  since?: Date;
  stateIso3s?: string[];
  regionalGroups?: RegionalGroup[];
  kinds?: ActivityKind[];
  interactionTypes?: InteractionType[];
}

/** The columns every reading of an event shares; `summary` and the actor follow the reader (see viewerColumns). */
const BASE_COLUMNS = `e.id, e.kind, e.occurred_at AS "occurredAt", e.interaction_id AS "interactionId", e.state_iso3s AS "stateIso3s",
  CASE WHEN e.interaction_id IS NOT NULL THEN i.visibility WHEN x.text IS NOT NULL THEN x.vis ELSE e.visibility END AS visibility,
  CASE WHEN e.interaction_id IS NOT NULL THEN ${readersOf('i.visibility', 'i.organization_id', 'i.mandate_id')}
       WHEN x.text IS NOT NULL THEN coalesce(x.org_ids, '{}')
       ELSE array_remove(${readersOf('e.visibility', 'e.organization_id', 'e.mandate_id')}, NULL) END AS "visibleOrganizationIds",
  CASE WHEN e.interaction_id IS NOT NULL THEN NULL WHEN x.text IS NOT NULL THEN x.mandate_id ELSE e.mandate_id END AS "mandateId",
  i.type AS "interactionType", coalesce(e.interaction_id, e.subject_id) AS "subjectKey",
  CASE WHEN e.interaction_id IS NULL AND x.text IS NOT NULL THEN e.subject_id END AS "subjectId",
  to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAtKey"`;

const FROM = `activity_events e LEFT JOIN interactions i ON i.id = e.interaction_id ${SUBJECT_JOIN}`;

/**
 * The summary with `{extra}` as given (SQL): the template filled in from the item as it is now; the
 * summary as written when there is no template or the item is gone (a deletion froze it).
 */
function summarySql(extra: string, workPlanText: string): string {
  return `CASE WHEN e.template IS NULL THEN e.summary
    WHEN e.subject_id IS NULL THEN ${fillTemplate('e.template', "coalesce(i.subject, '')", "''")}
    WHEN x.text IS NULL THEN e.summary
    WHEN e.kind = 'WORK_PLAN_CHANGED' AND NOT ${workPlanText} THEN 'Work plan of "' || x.text || '" changed'
    ELSE ${fillTemplate('e.template', 'x.text', extra)} END`;
}

/**
 * The summary and actor as this viewer may see them: `{extra}` only under its own visibility, a
 * stage move's author only with its note. A work plan change names the objective or activity only
 * to those who could see it when it was written (its title may have changed since).
 */
function viewerColumns(viewer: Viewer, p: SqlParams): string {
  const extraVisible = `(x.extra_vis IS NULL OR coalesce(${visibleWithOrganizations(viewer, p, 'x.extra_vis', 'x.extra_org_ids')}, false))`;
  const written = `(e.visibility IS NULL OR coalesce(${visibleTo(viewer, p, 'e')}, false))`;
  const hidesActor = `(e.kind = 'STAGE_CHANGED' AND x.extra_vis IS NOT NULL AND NOT ${extraVisible})`;
  return `${BASE_COLUMNS},
  ${summarySql(`CASE WHEN ${extraVisible} THEN coalesce(x.extra, '') ELSE x.extra_hidden END`, written)} AS summary,
  CASE WHEN ${extraVisible} AND e.interaction_id IS NULL AND x.text IS NOT NULL THEN x.event_id END AS "eventId",
  CASE WHEN ${hidesActor} THEN NULL ELSE e.actor_id END AS "actorId",
  CASE WHEN ${hidesActor} THEN NULL ELSE e.organization_id END AS "organizationId"`;
}

/**
 * An event as it is delivered live: its summary as its author sees it, and the summary for those
 * outside the visibility of its `{extra}`, with the regional groups of its States (which subscribers
 * filter on).
 */
const LIVE_COLUMNS = `${BASE_COLUMNS}, e.actor_id AS "actorId", e.organization_id AS "organizationId",
  CASE WHEN e.interaction_id IS NULL AND x.text IS NOT NULL THEN x.event_id END AS "eventId",
  ${summarySql("coalesce(x.extra, '')", 'true')} AS summary,
  CASE WHEN x.extra_vis IS NOT NULL THEN json_build_object('visibility', x.extra_vis, 'organizationIds', array_remove(x.extra_org_ids, NULL),
    'summary', ${summarySql('x.extra_hidden', 'true')}, 'hidesActor', e.kind = 'STAGE_CHANGED') END AS restricted,
  coalesce((SELECT array_agg(DISTINCT s.regional_group) FROM states s WHERE s.iso3 = ANY(e.state_iso3s) AND s.regional_group IS NOT NULL), '{}') AS "regionalGroups"`;

/**
 * The text kept in `summary`, shown once the item is gone (to those who could see the item then):
 * `{extra}` only if its own visibility reaches everyone who sees the item, and a work plan change's
 * titles only if they were written under a visibility that does.
 */
const STORED_SUMMARY = `${summarySql(
  `CASE WHEN ${covers('x.extra_vis', 'x.extra_org_ids', 'x.vis', 'x.org_ids')} THEN coalesce(x.extra, '') ELSE x.extra_hidden END`,
  covers('e.visibility', readersOf('e.visibility', 'e.organization_id', 'e.mandate_id'), 'x.vis', 'x.org_ids'),
)} AS "storedSummary"`;

/** pg returns enum arrays as '{A,B}' strings. */
function parseEnumArray<T extends string>(value: T[] | string): T[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? (inner.split(',') as T[]) : [];
}

/** An event as LIVE_COLUMNS and STORED_SUMMARY read it; normalize parses the arrays pg may return as '{A,B}' text. */
type LiveEventRow = ActivityEventRow & { storedSummary?: string; mandateId?: string | null };

function normalize({ storedSummary: _stored, mandateId: _mandate, ...row }: LiveEventRow): ActivityEventRow {
  return {
    ...row,
    regionalGroups: parseEnumArray(row.regionalGroups as RegionalGroup[] | string),
    visibleOrganizationIds: parseEnumArray(row.visibleOrganizationIds as string[] | string),
  };
}

/** An activity event written by the same statement as the change it reports (see eventInStatement). */
export interface StatementEvent extends Omit<NewActivity, 'interactionId' | 'subjectId' | 'stateIso3s'> {
  /** The statement's CTE of the written row: the event is written only if it holds a row (alias `w`). */
  after: string;
  /** With an interaction: the CTE of the interaction as written (its id is the event's interaction). */
  interaction?: string;
  /** With a subject: its table; its row as written is the `after` CTE's (its id is the event's subject). */
  subject?: 'stageChange' | 'obstacle';
  /** Its States (SQL, char(3)[], may read `w`); by default the one State of the written row, its `state_iso3`. */
  stateIso3s?: string;
  /** Placeholders of the summary filled from the written row: `{ from: 'w.from_stage::text' }` (SQL, may read `w`). */
  fill?: Readonly<Record<string, string>>;
}

/**
 * The CTEs that write an activity event inside another data-modifying statement, as
 * ActivityRepository.insert writes it (the summary as written now, the template it follows), with
 * the item read from the statement's own CTEs, which a read of the table there would not yet see.
 * Ends with `event_live`, the event as it is delivered live: read it with `liveEvent`.
 */
export function eventInStatement(actor: Viewer, event: StatementEvent, p: SqlParams): string {
  const templated = !!(event.interaction || event.subject) && /\{(text|extra)\}/.test(event.summary);
  const interaction = event.interaction
    ? `(SELECT id, visibility, organization_id, mandate_id, type, subject FROM ${event.interaction})`
    : '(SELECT NULL::uuid AS id, NULL::visibility AS visibility, NULL::uuid AS organization_id, NULL::uuid AS mandate_id, NULL::interaction_type AS type, NULL::text AS subject)';
  return `event_row AS MATERIALIZED (
    SELECT ${p.add(randomUUID())}::uuid AS id, ${p.add(event.kind)}::activity_kind AS kind, clock_timestamp() AS occurred_at,
      ${p.add(actor.id)}::uuid AS actor_id, ${p.add(actor.organizationId)}::uuid AS organization_id,
      ${event.interaction ? 'w.id' : 'NULL::uuid'} AS interaction_id, w.states AS state_iso3s, t.summary,
      ${p.add(event.interaction ? null : (event.visibility ?? null))}::visibility AS visibility, ${event.subject ? 'w.id' : 'NULL::uuid'} AS subject_id,
      CASE WHEN ${templated} THEN t.summary END AS template, ${p.add(event.interaction ? null : (event.mandateId ?? null))}::uuid AS mandate_id
    FROM (SELECT *, ${event.stateIso3s ?? 'ARRAY[state_iso3]'}::char(3)[] AS states FROM ${event.after}) w
    CROSS JOIN LATERAL (SELECT ${filled(
      `replace(${p.add(event.summary)}::text, '{states}',
      coalesce((SELECT string_agg(name, ', ' ORDER BY name) FROM states WHERE iso3 = ANY(w.states)), ''))`,
      event.fill,
    )} AS summary) t),
  event_live AS MATERIALIZED (
    SELECT ${LIVE_COLUMNS}, ${STORED_SUMMARY} FROM event_row e LEFT JOIN ${interaction} i ON i.id = e.interaction_id
    ${event.subject ? subjectFrom(event.subject, event.after) : NO_SUBJECT}),
  event_written AS (
    INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary, visibility, subject_id, template, mandate_id)
    SELECT e.id, e.kind, e.occurred_at, e.actor_id, e.organization_id, e.interaction_id, e.state_iso3s, s."storedSummary", e.visibility, e.subject_id, e.template, e.mandate_id
    FROM event_row e JOIN event_live s ON s.id = e.id)`;
}

/** A summary's SQL with each placeholder of `fill` replaced by its SQL. */
function filled(summary: string, fill: Readonly<Record<string, string>> = {}): string {
  return Object.entries(fill).reduce((sql, [name, value]) => `replace(${sql}, '{${name}}', ${value})`, summary);
}

/** The event of `eventInStatement`, read back as JSON (`(SELECT to_json(s) FROM event_live s)`). */
export function liveEvent(json: (ActivityEventRow & { storedSummary?: string }) | null): ActivityEventRow | null {
  if (!json) return null;
  return normalize({ ...json, occurredAt: new Date(json.occurredAt), restricted: json.restricted ?? null });
}

/** The column that returns the event of `eventInStatement`. */
export const LIVE_EVENT_COLUMN = `(SELECT to_json(s) FROM event_live s) AS "__event"`;

/** When a user last read the feed. */
interface ReadAtRow {
  readAt: Date;
}

@Injectable()
export class ActivityRepository {
  constructor(private readonly db: Db) {}

  /** When the user last read the feed, or null. */
  async readAt(userId: string): Promise<Date | null> {
    const rows = await this.db.query<ReadAtRow[]>(`SELECT read_at AS "readAt" FROM activity_reads WHERE user_id = $1`, [userId]);
    return rows[0]?.readAt ?? null;
  }

  /** Marks the feed read up to `upTo` (now at the latest, now when absent); never moves it back. Returns the mark. */
  async markRead(userId: string, upTo: Date | null): Promise<Date> {
    const rows = await this.db.query<ReadAtRow[]>(
      `INSERT INTO activity_reads (user_id, read_at) VALUES ($1, least(coalesce($2::timestamptz, now()), now()))
       ON CONFLICT (user_id) DO UPDATE SET read_at = greatest(activity_reads.read_at, EXCLUDED.read_at)
       RETURNING read_at AS "readAt"`,
      [userId, upTo],
    );
    return rows[0].readAt;
  }

  /**
   * Records an event inside the caller's transaction, naming its States in the summary. With an
   * interaction or a subject, the summary is kept as the event's template, and the text as written
   * now is kept beside it.
   */
  async insert(actor: Viewer | null, event: NewActivity): Promise<ActivityEventRow> {
    const id = randomUUID();
    const templated = !!(event.interactionId || event.subjectId) && /\{(text|extra)\}/.test(event.summary);
    await this.db.query(
      `WITH t AS (SELECT replace($7, '{states}', coalesce((SELECT string_agg(name, ', ' ORDER BY name) FROM states WHERE iso3 = ANY($6::char(3)[])), '')) AS template)
       INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary, visibility, subject_id, template, mandate_id)
       SELECT $1, $2, clock_timestamp(), $3, $4, $5, $6::char(3)[], t.template, $8, $9, CASE WHEN $10::boolean THEN t.template END, $11 FROM t`,
      [
        id,
        event.kind,
        actor?.id ?? null,
        actor?.organizationId ?? null,
        event.interactionId ?? null,
        event.stateIso3s,
        event.summary,
        event.interactionId ? null : (event.visibility ?? null),
        event.subjectId ?? null,
        templated,
        event.interactionId ? null : (event.mandateId ?? null),
      ],
    );
    // The text as written now is kept as the summary, for when the item is gone (an UPDATE answers [rows, count]).
    const [rows] = await this.db.query<[LiveEventRow[], number]>(
      `UPDATE activity_events f SET summary = s."storedSummary" FROM (SELECT ${LIVE_COLUMNS}, ${STORED_SUMMARY} FROM ${FROM} WHERE e.id = $1) s
       WHERE f.id = s.id RETURNING s.*`,
      [id],
    );
    return normalize(rows[0]);
  }

  /**
   * Before an item is deleted: its earlier events keep the text and visibility it has now (the last
   * its readers saw), and no longer follow it.
   */
  async freeze(subjectIds: string[]): Promise<void> {
    // An event (the gathering) takes its planned meetings with it.
    await this.db.query(
      `UPDATE activity_events f SET summary = s."storedSummary", visibility = s.visibility, mandate_id = s."mandateId", template = NULL, subject_id = NULL
       FROM (SELECT ${LIVE_COLUMNS}, ${STORED_SUMMARY} FROM ${FROM}
             WHERE e.subject_id = ANY($1::uuid[]) OR e.subject_id IN (SELECT m.id FROM planned_meetings m WHERE m.event_id = ANY($1::uuid[]))) s
       WHERE f.id = s.id`,
      [subjectIds],
    );
  }

  /**
   * Newest first; an event about an interaction shows only if the viewer may see that interaction,
   * and an event with its own visibility only if the viewer may see what it is about.
   */
  async page(
    viewer: Viewer,
    query: ActivityQuery,
    page: Page,
    relations: ActivityRelations = {},
  ): Promise<{ rows: FeedEventRow[]; total: number | null; related: RelatedRows }> {
    const p = new SqlParams();
    const where = [
      `(CASE WHEN e.interaction_id IS NOT NULL THEN ${visibleTo(viewer, p)}
             WHEN x.text IS NOT NULL THEN (x.vis IS NULL OR ${visibleWithOrganizations(viewer, p, 'x.vis', 'x.org_ids')})
             WHEN e.visibility IS NULL THEN true
             ELSE ${visibleTo(viewer, p, 'e')} END)`,
    ];
    if (query.since) where.push(`e.occurred_at >= ${p.add(query.since)}`);
    if (query.stateIso3s) where.push(`e.state_iso3s && ${p.add(query.stateIso3s)}::char(3)[]`);
    if (query.regionalGroups) {
      where.push(
        `EXISTS (SELECT 1 FROM unnest(e.state_iso3s) k(iso3) JOIN states s ON s.iso3 = k.iso3
                 WHERE s.regional_group = ANY(${p.add(query.regionalGroups)}::regional_group[]))`,
      );
    }
    if (query.kinds) where.push(`e.kind = ANY(${p.add(query.kinds)}::activity_kind[])`);
    if (query.interactionTypes) where.push(`i.type = ANY(${p.add(query.interactionTypes)}::interaction_type[])`);
    const filtered = `SELECT ${viewerColumns(viewer, p)} FROM ${FROM} WHERE ${where.join(' AND ')}`;
    const cursor = page.after ? `("occurredAt", id) < (${p.add(page.after[0])}::timestamptz, ${p.add(page.after[1])}::uuid)` : null;
    const rows = await this.db.query<PagedRow<PageRow>[]>(
      pagedSql(filtered, cursor, '"occurredAt" DESC, id DESC', page, relationColumns(relations)),
      p.values,
    );
    // Ordered by the timestamp itself (the (occurred_at, id) index, read backwards); the cursor keeps
    // its microseconds as text, which a JS Date would drop.
    const result = splitPage<PageRow>(rows, 'id');
    const events = related(result.rows);
    return { rows: events.rows, total: result.total, related: events.related };
  }
}
