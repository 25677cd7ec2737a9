import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { CONTACT_COLUMNS } from '../contacts/contacts.repository.js';
import type { Contact } from '../contacts/contact.model.js';
import { ActivityKind, InteractionType, Visibility } from '../common/enums.js';
import type { Page } from '../common/paging/page.js';
import { actorCte, pagedSql, pageLimit, splitPage, SqlParams, withTimestamps, type PagedRow } from '../common/sql.js';
import { deleteVersioned, updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import { table, type Projection } from '../database/table.js';
import { STATE_COLUMNS } from '../states/states.repository.js';
import { searchKey, searchWords, wordsMatch } from '../common/search.js';
import type { State } from '../states/state.model.js';
import { eventInStatement, LIVE_EVENT_COLUMN, liveEvent, type ActivityEventRow } from '../activity/activity.repository.js';
import { TEAM_COLUMNS, toTeam, type Team } from '../common/editable.js';
import { readersOf } from '../activity/activity-subjects.js';
import { KEY_RETENTION_HOURS, storedResult, type KeyClaim, type StoredKey } from '../idempotency/idempotency-keys.repository.js';
import { awaitingReplySql, typeLabelSql } from './interaction-rules.js';
import { InteractionEntity } from './interaction.entity.js';
import type { Interaction } from './interaction.model.js';
import { countedLinkRanges, mandateLinkRange, newestVisibleOn, visibleLinkRanges, visibleTo } from '../auth/visibility.js';

const interactions = table(InteractionEntity);

/**
 * An interaction as the API reads it: whether its follow-up is done and whether it awaits a reply
 * rather than when, and its creation time as the text of a cursor key (to the microsecond).
 */
const INTERACTION: Projection<InteractionEntity> = {
  omit: ['followUpDoneAt', 'importKey'],
  extra: (i) => [
    `${i}follow_up_done_at IS NOT NULL AS "followUpDone"`,
    `${awaitingReplySql(i)} AS "awaitingReply"`,
    `to_char(${i}created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtKey"`,
  ],
};
export const INTERACTION_COLUMNS = interactions.select('i', INTERACTION);
const RETURNING = interactions.returning(INTERACTION);
/** What a client writes of an interaction (InteractionFields). */
const INTERACTION_FIELDS = [
  'type',
  'occurredOn',
  'subject',
  'summary',
  'outcome',
  'followUpOn',
  'visibility',
] as const satisfies readonly (keyof InteractionFields)[];
const INSERT_COLUMNS = interactions.columns('id', ...INTERACTION_FIELDS, 'organizationId', 'authorId', 'mandateId');

/**
 * Newest first, on the columns themselves so that an index serves the order; the cursor carries
 * `createdAtKey`, which keeps the microseconds that a JS Date would drop.
 */
const ORDER = '"occurredOn" DESC, "createdAt" DESC, id DESC';

export type InteractionRow = Interaction & { createdAtKey: string };

/** A new interaction with everything `log` writes in its one statement. */
export interface NewInteraction extends Required<InteractionFields> {
  id: string;
  organizationId: string;
  authorId: string;
  /** The action named in the audit trail; null inside a write that has named its own. */
  action: string | null;
  stateIso3s: string[];
  contactIds: string[];
  /** The activity event's id and summary ({states} and {text} are filled in by the statement). */
  eventId: string;
  eventSummary: string;
  /** The mandate it belongs to, if any (see mandateFor). */
  mandateId: string | null;
  /** The idempotency key it was sent with: stored, with the answer, by the same statement. */
  key?: KeyClaim;
}

/**
 * The one row of LOG_INTERACTION: the interaction's columns (null when nothing was written), the
 * unknown codes, what an idempotency key already used stored, and the activity event as JSON.
 */
interface LogInteractionRow extends InteractionRow {
  missingStates: string[];
  missingContacts: string[];
  storedKey: StoredKey | null;
  event: ActivityEventRow | null;
}

export type LoggedInteraction =
  | { interaction: InteractionRow; event: ActivityEventRow; missingStates?: undefined; missingContacts?: undefined; first?: undefined }
  | { missingStates: string[]; missingContacts: string[]; interaction?: undefined; event?: undefined; first?: undefined }
  /** The idempotency key had been used: what the request that used it first stored. */
  | { first: StoredKey; interaction?: undefined; event?: undefined; missingStates?: undefined; missingContacts?: undefined };

/**
 * logInteraction's one statement. The audit triggers read the actor and action set at its start (they
 * run at its end); the links carry the copies of the interaction's columns themselves, as the copy
 * trigger cannot see a row written by the same statement. Nothing is written when a State or
 * contact is unknown: the statement then returns their codes.
 *
 * With an idempotency key ($17), the same statement takes the key and stores the answer with it (the
 * row as it will be written: `draft`); it writes only if it took the key. A key already used returns
 * what was stored (`storedKey`). A request with the same key running at the same time holds the key's
 * index entry: this statement waits for it to end, then takes the key only if that request failed.
 */
const LOG_INTERACTION = `
  WITH actor AS (SELECT set_config('ratify.actor_id', $1::text, true),
                        set_config('ratify.action', coalesce($2, current_setting('ratify.action', true), ''), true)),
  wanted_states AS (SELECT DISTINCT k.iso3 FROM unnest($12::char(3)[]) k(iso3)),
  known_states AS (SELECT s.iso3, s.name, s.regional_group FROM states s WHERE s.iso3 IN (SELECT iso3 FROM wanted_states)),
  wanted_contacts AS (SELECT DISTINCT k.id FROM unnest($13::uuid[]) k(id)),
  known_contacts AS (SELECT c.id FROM contacts c WHERE c.id IN (SELECT id FROM wanted_contacts)),
  missing AS (
    SELECT ARRAY(SELECT iso3::text FROM wanted_states EXCEPT SELECT iso3::text FROM known_states ORDER BY 1) AS states,
           ARRAY(SELECT id::text FROM wanted_contacts EXCEPT SELECT id::text FROM known_contacts ORDER BY 1) AS contacts
    FROM actor),
  draft AS (
    SELECT $3::uuid AS id, $4::interaction_type AS type, $5::date AS occurred_on, $6::text AS subject, $7::text AS summary, $8::text AS outcome,
      $9::date AS follow_up_on, NULL::timestamptz AS follow_up_done_at, NULL::date AS reply_received_on, $10::visibility AS visibility,
      $11::uuid AS organization_id, $16::uuid AS mandate_id, $1::uuid AS author_id, 1 AS version, now() AS created_at, now() AS updated_at
    FROM missing WHERE cardinality(missing.states) = 0 AND cardinality(missing.contacts) = 0),
  claim AS (
    INSERT INTO idempotency_keys (user_id, key, operation, fingerprint, result)
    SELECT $1::uuid, $17::text, $18::text, $19::text, (SELECT to_jsonb(r) FROM (SELECT ${INTERACTION_COLUMNS} FROM draft i) r)
    FROM draft WHERE $17::text IS NOT NULL
    ON CONFLICT (user_id, key) DO UPDATE SET operation = excluded.operation, fingerprint = excluded.fingerprint, result = excluded.result, created_at = excluded.created_at
      WHERE idempotency_keys.created_at < now() - make_interval(hours => $20::int)
    RETURNING key),
  stored AS (
    SELECT k.operation, k.fingerprint, k.result FROM idempotency_keys k
    WHERE $17::text IS NOT NULL AND k.user_id = $1::uuid AND k.key = $17::text AND k.created_at >= now() - make_interval(hours => $20::int)),
  i AS (
    INSERT INTO interactions (${INSERT_COLUMNS})
    SELECT ${INSERT_COLUMNS} FROM draft
    WHERE $17::text IS NULL OR EXISTS (SELECT 1 FROM claim)
    RETURNING *),
  state_links AS (
    INSERT INTO interaction_states (interaction_id, state_iso3, occurred_on, created_at, visibility, organization_id)
    SELECT i.id, k.iso3, i.occurred_on, i.created_at, i.visibility, i.organization_id FROM i, known_states k),
  contact_links AS (INSERT INTO interaction_contacts (interaction_id, contact_id) SELECT i.id, k.id FROM i, known_contacts k),
  t AS (SELECT replace($15, '{states}', coalesce((SELECT string_agg(name, ', ' ORDER BY name) FROM known_states), '')) AS template),
  e AS (
    INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary, template)
    SELECT $14, 'INTERACTION_LOGGED', clock_timestamp(), $1::uuid, $11, i.id, $12::char(3)[], replace(replace(t.template, '{extra}', ''), '{text}', i.subject), t.template
    FROM i, t
    RETURNING *)
  SELECT missing.states AS "missingStates", missing.contacts AS "missingContacts", ${INTERACTION_COLUMNS},
    (SELECT to_json(stored) FROM stored) AS "storedKey",
    CASE WHEN e.id IS NOT NULL THEN json_build_object(
      'id', e.id, 'kind', e.kind, 'occurredAt', e.occurred_at, 'actorId', e.actor_id, 'organizationId', e.organization_id,
      'interactionId', e.interaction_id, 'stateIso3s', e.state_iso3s, 'summary', e.summary, 'visibility', i.visibility,
      'visibleOrganizationIds', to_json(${readersOf('i.visibility', 'i.organization_id', 'i.mandate_id')}), 'interactionType', i.type,
      'regionalGroups', coalesce((SELECT json_agg(DISTINCT regional_group) FROM known_states WHERE regional_group IS NOT NULL), '[]'),
      'occurredAtKey', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'subjectKey', e.interaction_id) END AS event
  FROM missing LEFT JOIN i ON true LEFT JOIN e ON true`;

export const interactionSortKey = (row: InteractionRow) => [row.occurredOn, row.createdAtKey, row.id];
export const INTERACTION_CURSOR = ['date', 'timestamp', 'uuid'] as const;

function cursorCondition(after: unknown[] | undefined, p: SqlParams): string | null {
  if (!after) return null;
  return `("occurredOn", "createdAt", id) < (${p.add(after[0])}::date, ${p.add(after[1])}::timestamptz, ${p.add(after[2])}::uuid)`;
}

export interface InteractionFields {
  type?: InteractionType;
  occurredOn?: string;
  subject?: string;
  summary?: string | null;
  outcome?: string | null;
  followUpOn?: string | null;
  visibility?: Visibility;
}

/** What only an update changes: when the follow-up was done, and when the reply came. */
export interface InteractionChanges extends InteractionFields {
  followUpDoneAt?: Date | null;
  replyReceivedOn?: string | null;
}

const UPDATE_SPEC = {
  table: interactions.name,
  what: 'Interaction',
  returning: RETURNING,
  columns: interactions.columnMap(...INTERACTION_FIELDS, 'followUpDoneAt', 'replyReceivedOn') satisfies ColumnMap<InteractionChanges>,
};

export interface InteractionQuery {
  stateIso3s?: string[];
  contactIds?: string[];
  types?: InteractionType[];
  visibilities?: Visibility[];
  organizationIds?: string[];
  authorIds?: string[];
  from?: string;
  to?: string;
  search?: string;
}

/** The link tables through which a State or a contact reaches its interactions. */
const LINKS = {
  state: { table: 'interaction_states', column: 'state_iso3', type: 'char(3)' },
  contact: { table: 'interaction_contacts', column: 'contact_id', type: 'uuid' },
} as const;

/**
 * The statement behind `pagesByKey`, for the keys `keys` (an SQL array expression): one row per
 * interaction (or one empty row for a key without any), with `__key`, `__total` and, with
 * `withContacts`, `__contacts` (JSON). Read its rows with `toInteractionPages`.
 */
export function interactionPagesSql(
  viewer: Viewer,
  via: keyof typeof LINKS,
  keys: string,
  page: Page,
  withContacts: boolean,
  p: SqlParams,
): string {
  const link = LINKS[via];
  const limit = pageLimit(page);
  let total: string;
  let pageOfKey: string;
  if (via === 'state') {
    const ranges = visibleLinkRanges(viewer, p);
    const after = page.after
      ? `AND (l.occurred_on, l.created_at, l.interaction_id) < (${p.add(page.after[0])}::date, ${p.add(page.after[1])}::timestamptz, ${p.add(page.after[2])}::uuid)`
      : '';
    const newest = 'ORDER BY occurred_on DESC, created_at DESC, interaction_id DESC';
    const branches = ranges.map(
      (range) => `(SELECT l.interaction_id, l.occurred_on, l.created_at FROM interaction_states l
                   WHERE l.state_iso3 = k.key AND ${range} ${after} ${newest} LIMIT ${limit})`,
    );
    // The counts have the same key columns as the links, so the same ranges (alias l) select them;
    // MANDATE links depend on their interaction's mandate, so they are counted from the links.
    const mandate = page.withTotal ? mandateLinkRange(viewer, p) : null;
    total = !page.withTotal
      ? ''
      : `SELECT (coalesce(sum(l.count), 0)${mandate ? ` + (SELECT count(*) FROM interaction_states l WHERE l.state_iso3 = k.key AND ${mandate})` : ''})::int AS total
             FROM state_interaction_counts l
             WHERE l.state_iso3 = k.key AND (${countedLinkRanges(viewer, p)
               .map((range) => `(${range})`)
               .join(' OR ')})`;
    // (Built only when asked for: each range adds its parameters.)
    pageOfKey = `SELECT ${INTERACTION_COLUMNS}
       FROM (SELECT * FROM (${branches.join(' UNION ALL ')}) u ${newest} LIMIT ${limit}) l JOIN interactions i ON i.id = l.interaction_id`;
  } else {
    const visible = visibleTo(viewer, p);
    const cursor = cursorCondition(page.after, p);
    total = `SELECT count(*) AS total FROM ${link.table} l JOIN interactions i ON i.id = l.interaction_id
             WHERE l.${link.column} = k.key AND ${visible}`;
    pageOfKey = `SELECT * FROM (SELECT ${INTERACTION_COLUMNS} FROM ${link.table} l JOIN interactions i ON i.id = l.interaction_id
                 WHERE l.${link.column} = k.key AND ${visible}) v
       ${cursor ? `WHERE ${cursor}` : ''} ORDER BY ${ORDER} LIMIT ${limit}`;
  }
  // Each interaction's contacts, when asked for: what contactsOf() returns for it, as JSON.
  const contacts = withContacts
    ? `, (SELECT json_agg(cx ORDER BY cx."fullName", cx.id) FROM (SELECT ${CONTACT_COLUMNS} FROM interaction_contacts lc
          JOIN contacts c ON c.id = lc.contact_id WHERE lc.interaction_id = x.id) cx) AS "__contacts"`
    : '';
  return `SELECT k.key AS "__key", ${page.withTotal ? 'n.total' : 'NULL'} AS "__total", x.*${contacts}
     FROM unnest(${keys}) AS k(key)
     ${page.withTotal ? `CROSS JOIN LATERAL (${total}) n` : ''}
     LEFT JOIN LATERAL (${pageOfKey}) x ON true
     ORDER BY k.key, x."occurredOn" DESC, x."createdAt" DESC, x.id DESC`;
}

type InteractionPageRow = InteractionRow & { __key: string; __total: number | null; __contacts?: Contact[] | null };

/** The pages of `interactionPagesSql`'s rows, by key. */
export function toInteractionPages(rows: InteractionPageRow[], withContacts: boolean): Map<string, InteractionPageOf> {
  const pages = new Map<string, InteractionPageOf>();
  for (const { __key, __total, __contacts, ...row } of rows) {
    const entry: InteractionPageOf = pages.get(__key) ?? { rows: [], total: __total, contacts: withContacts ? new Map() : undefined };
    if (row.id !== null) {
      entry.rows.push(row);
      entry.contacts?.set(row.id, (__contacts ?? []).map(withTimestamps));
    }
    pages.set(__key, entry);
  }
  return pages;
}

/**
 * A SQL expression: the statement of `interactionPagesSql` for one State (`iso3`, an SQL
 * expression) as a JSON array of its rows, to read along with that State. Read it with
 * `interactionPagesFromJson`.
 */
export function stateInteractionsJson(viewer: Viewer, iso3: string, page: Page, withContacts: boolean, p: SqlParams): string {
  return `(SELECT json_agg(x) FROM (${interactionPagesSql(viewer, 'state', `ARRAY[${iso3}]::char(3)[]`, page, withContacts, p)}) x)`;
}

/** The page of `stateInteractionsJson`, its rows as `pagesByKey` reads them (timestamps as Dates). */
export function interactionPageFromJson(json: InteractionPageRow[], withContacts: boolean): InteractionPageOf {
  for (const row of json) if (row.id !== null) withTimestamps(row);
  return [...toInteractionPages(json, withContacts).values()][0] ?? { rows: [], total: 0, contacts: withContacts ? new Map() : undefined };
}

/** A page of one State's or contact's interactions, with each one's contacts when they were asked for. */
export interface InteractionPageOf {
  rows: InteractionRow[];
  total: number | null;
  contacts?: Map<string, Contact[]>;
}

/** The date of the newest interaction a viewer may see, of a State (`key`). */
interface LastOnRow {
  key: string;
  last: string | null;
}

/**
 * The one row of beforeUpdate: the interaction's columns (null when the viewer may not see it), its
 * team, whether it is a campaign's letter, and the codes of the States and contacts that do not exist.
 */
interface BeforeUpdateRow extends InteractionRow {
  members: string[] | null;
  successors: string[] | null;
  __campaignLetter: boolean | null;
  __missingStates: string[];
  __missingContacts: string[];
}

/** The interaction as updateRead wrote it, with its activity event (JSON, see LIVE_EVENT_COLUMN). */
type UpdatedInteractionRow = InteractionRow & { __event: (ActivityEventRow & { storedSummary?: string }) | null };

/** An interaction's searched text (subject, summary and outcome) folded as its trigram index holds it. */
const INTERACTION_SEARCH_KEY = searchKey(`coalesce(i.subject, '') || ' ' || coalesce(i.summary, '') || ' ' || coalesce(i.outcome, '')`);

@Injectable()
export class InteractionsRepository {
  constructor(private readonly db: Db) {}

  async visibleById(viewer: Viewer, id: string): Promise<InteractionRow | null> {
    if (!isUuid(id)) return null;
    const p = new SqlParams();
    const rows = await this.db.query<InteractionRow[]>(
      `SELECT ${INTERACTION_COLUMNS} FROM interactions i WHERE i.id = ${p.add(id)} AND ${visibleTo(viewer, p)}`,
      p.values,
    );
    return rows[0] ?? null;
  }

  visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<InteractionRow[]> {
    const p = new SqlParams();
    return this.db.query<InteractionRow[]>(
      `SELECT ${INTERACTION_COLUMNS} FROM interactions i WHERE i.id = ANY(${p.add(ids)}::uuid[]) AND ${visibleTo(viewer, p)}`,
      p.values,
    );
  }

  async page(viewer: Viewer, query: InteractionQuery, page: Page): Promise<{ rows: InteractionRow[]; total: number | null }> {
    const p = new SqlParams();
    const where = [visibleTo(viewer, p)];
    if (query.stateIso3s) {
      where.push(
        `EXISTS (SELECT 1 FROM interaction_states l WHERE l.interaction_id = i.id AND l.state_iso3 = ANY(${p.add(query.stateIso3s)}::char(3)[]))`,
      );
    }
    if (query.contactIds) {
      where.push(
        `EXISTS (SELECT 1 FROM interaction_contacts l WHERE l.interaction_id = i.id AND l.contact_id = ANY(${p.add(query.contactIds)}::uuid[]))`,
      );
    }
    if (query.types) where.push(`i.type = ANY(${p.add(query.types)}::interaction_type[])`);
    if (query.visibilities) where.push(`i.visibility = ANY(${p.add(query.visibilities)}::visibility[])`);
    if (query.organizationIds) where.push(`i.organization_id = ANY(${p.add(query.organizationIds)}::uuid[])`);
    if (query.authorIds) where.push(`i.author_id = ANY(${p.add(query.authorIds)}::uuid[])`);
    if (query.from) where.push(`i.occurred_on >= ${p.add(query.from)}::date`);
    if (query.to) where.push(`i.occurred_on <= ${p.add(query.to)}::date`);
    if (query.search?.trim()) where.push(wordsMatch(p, [INTERACTION_SEARCH_KEY], searchWords(query.search)));
    const filtered = `SELECT ${INTERACTION_COLUMNS} FROM interactions i WHERE ${where.join(' AND ')}`;
    const rows = await this.db.query<PagedRow<InteractionRow>[]>(pagedSql(filtered, cursorCondition(page.after, p), ORDER, page), p.values);
    return splitPage<InteractionRow>(rows, 'id');
  }

  /**
   * One page of visible interactions for each of several States (or contacts), with each one's
   * total when asked for, in one statement: a lateral join per key, so each key's page comes from
   * its own index ranges (for a State: one per visibility range, see visibleLinkRanges).
   */
  async pagesByKey(
    viewer: Viewer,
    via: keyof typeof LINKS,
    keys: readonly string[],
    page: Page,
    withContacts = false,
  ): Promise<Map<string, InteractionPageOf>> {
    const p = new SqlParams();
    const rows = await this.db.query<InteractionPageRow[]>(
      interactionPagesSql(viewer, via, `${p.add(keys)}::${LINKS[via].type}[]`, page, withContacts, p),
      p.values,
    );
    return toInteractionPages(rows, withContacts);
  }

  /** The date of the newest interaction this viewer may see, per State. */
  async lastOnByStates(viewer: Viewer, iso3s: readonly string[]): Promise<Map<string, string>> {
    const p = new SqlParams();
    const keys = p.add(iso3s);
    const rows = await this.db.query<LastOnRow[]>(
      `SELECT k.key, ${newestVisibleOn(viewer, p, 'k.key')} AS last FROM unnest(${keys}::char(3)[]) AS k(key)`,
      p.values,
    );
    return new Map(rows.filter((row) => row.last !== null).map((row) => [row.key, row.last as string]));
  }

  statesOf(ids: readonly string[]): Promise<(State & { __key: string })[]> {
    return this.db.query<(State & { __key: string })[]>(
      `SELECT l.interaction_id AS "__key", ${STATE_COLUMNS}
       FROM interaction_states l JOIN states s ON s.iso3 = l.state_iso3
       WHERE l.interaction_id = ANY($1::uuid[]) ORDER BY s.name`,
      [ids],
    );
  }

  contactsOf(ids: readonly string[]): Promise<(Contact & { __key: string })[]> {
    return this.db.query<(Contact & { __key: string })[]>(
      `SELECT l.interaction_id AS "__key", ${CONTACT_COLUMNS}
       FROM interaction_contacts l JOIN contacts c ON c.id = l.contact_id
       WHERE l.interaction_id = ANY($1::uuid[]) ORDER BY c.full_name, c.id`,
      [ids],
    );
  }

  /**
   * Logs an interaction in one statement: checks that its States and contacts exist, writes it, its
   * links and its activity event (the audit triggers run inside it, for the actor it names), or
   * writes nothing and reports the unknown codes. Alone, the statement is its own transaction.
   */
  async log(row: NewInteraction): Promise<LoggedInteraction> {
    const [result] = await this.db.query<LogInteractionRow[]>(LOG_INTERACTION, [
      row.authorId,
      row.action,
      row.id,
      row.type,
      row.occurredOn,
      row.subject,
      row.summary,
      row.outcome,
      row.followUpOn,
      row.visibility,
      row.organizationId,
      row.stateIso3s,
      row.contactIds,
      row.eventId,
      row.eventSummary,
      row.mandateId,
      row.key?.key ?? null,
      row.key?.operation ?? null,
      row.key?.fingerprint ?? null,
      KEY_RETENTION_HOURS,
    ]);
    const { missingStates, missingContacts, storedKey, event, ...interaction } = result;
    if (row.key && !event && (storedKey || !(missingStates.length || missingContacts.length))) {
      // The key was used before (or is being used at this moment, by a request that has now committed).
      return { first: storedKey ?? (await storedResult(this.db, row.key)) };
    }
    if (missingStates.length || missingContacts.length) return { missingStates, missingContacts };
    if (!event) throw new Error('logInteraction wrote an interaction without its activity event');
    return {
      interaction,
      event: { ...event, occurredAt: new Date(event.occurredAt), restricted: null },
    };
  }

  /**
   * What updateInteraction checks, in one statement: the interaction as the viewer may see it, its
   * team (see editableRow), whether it is a campaign's letter, and which of the States and contacts
   * it is to be linked to do not exist.
   */
  async beforeUpdate(
    viewer: Viewer,
    id: string,
    stateIso3s: readonly string[],
    contactIds: readonly string[],
  ): Promise<{ current: InteractionRow | null; team: Team; campaignLetter: boolean; missingStates: string[]; missingContacts: string[] }> {
    const p = new SqlParams();
    const [row] = await this.db.query<BeforeUpdateRow[]>(
      `SELECT x.*,
         ARRAY(SELECT k.iso3::text FROM unnest(${p.add(stateIso3s)}::char(3)[]) k(iso3) WHERE NOT EXISTS (SELECT 1 FROM states s WHERE s.iso3 = k.iso3)) AS "__missingStates",
         ARRAY(SELECT k.id::text FROM unnest(${p.add(contactIds)}::uuid[]) k(id) WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = k.id)) AS "__missingContacts"
       FROM (SELECT true) one LEFT JOIN LATERAL (
         SELECT ${INTERACTION_COLUMNS}, t.*, EXISTS (SELECT 1 FROM campaign_letters cl WHERE cl.interaction_id = i.id) AS "__campaignLetter"
         FROM interactions i CROSS JOIN LATERAL (SELECT ${TEAM_COLUMNS} FROM (SELECT i.id, i.mandate_id) t) t
         WHERE i.id = ${p.add(id)} AND ${visibleTo(viewer, p)}) x ON true`,
      p.values,
    );
    const { members, successors, __campaignLetter, __missingStates, __missingContacts, ...current } = row;
    return {
      current: current.id ? current : null,
      team: toTeam({ members, successors }),
      campaignLetter: !!__campaignLetter,
      missingStates: __missingStates,
      missingContacts: __missingContacts,
    };
  }

  /**
   * updateInteraction's write in one statement, guarded: the interaction with this id, at this
   * version (any without one), of this organization (any without one). With it, its links (when
   * given) and its activity event naming its type and the States it now concerns (the audit triggers
   * run inside it, for the actor it names). Null when no interaction passed the guard (nothing is
   * written).
   */
  async updateRead(
    actor: Viewer,
    guard: { id: string; version?: number; organizationId?: string },
    changes: InteractionChanges,
    links: { stateIso3s?: readonly string[]; contactIds?: readonly string[] },
  ): Promise<{ interaction: InteractionRow; event: ActivityEventRow } | null> {
    const p = new SqlParams();
    const sets = Object.entries(UPDATE_SPEC.columns)
      .filter(([field]) => (changes as Record<string, unknown>)[field] !== undefined)
      .map(([field, column]) => `${column} = ${p.add((changes as Record<string, unknown>)[field])}`);
    const where = [`id = ${p.add(guard.id)}::uuid`];
    if (guard.version !== undefined) where.push(`version = ${p.add(guard.version)}::int`);
    if (guard.organizationId !== undefined) where.push(`organization_id = ${p.add(guard.organizationId)}::uuid`);
    const ctes: string[] = [];
    let states = `ARRAY(SELECT l.state_iso3 FROM interaction_states l JOIN states s ON s.iso3 = l.state_iso3 WHERE l.interaction_id = updated.id ORDER BY s.name)`;
    if (links.stateIso3s) {
      const wanted = p.add(links.stateIso3s);
      ctes.push(
        `gone_states AS (DELETE FROM interaction_states l USING updated u WHERE l.interaction_id = u.id AND NOT (l.state_iso3 = ANY(${wanted}::char(3)[])))`,
        `new_states AS (INSERT INTO interaction_states (interaction_id, state_iso3, occurred_on, created_at, visibility, organization_id)
           SELECT u.id, k.iso3, u.occurred_on, u.created_at, u.visibility, u.organization_id FROM updated u, unnest(${wanted}::char(3)[]) k(iso3) ON CONFLICT DO NOTHING)`,
      );
      states = `ARRAY(SELECT s.iso3 FROM states s WHERE s.iso3 = ANY(${wanted}::char(3)[]) ORDER BY s.name)`;
    }
    if (links.contactIds) {
      const wanted = p.add(links.contactIds);
      ctes.push(
        `gone_contacts AS (DELETE FROM interaction_contacts l USING updated u WHERE l.interaction_id = u.id AND NOT (l.contact_id = ANY(${wanted}::uuid[])))`,
        `new_contacts AS (INSERT INTO interaction_contacts (interaction_id, contact_id) SELECT u.id, k.id FROM updated u, unnest(${wanted}::uuid[]) k(id) ON CONFLICT DO NOTHING)`,
      );
    }
    const event = eventInStatement(
      actor,
      {
        after: 'updated',
        interaction: 'updated',
        kind: ActivityKind.INTERACTION_UPDATED,
        stateIso3s: states,
        summary: '{type} updated with {states}: {text}',
        fill: { type: typeLabelSql('w.type') },
      },
      p,
    );
    const [row] = await this.db.query<UpdatedInteractionRow[]>(
      `WITH ${actorCte(actor.id, 'updateInteraction', p)},
       updated AS (
         UPDATE interactions SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} FROM actor
         WHERE ${where.join(' AND ')}
         RETURNING interactions.*),
       ${[...ctes, event].join(',\n')}
       SELECT ${INTERACTION_COLUMNS}, ${LIVE_EVENT_COLUMN} FROM updated i`,
      p.values,
    );
    if (!row) return null;
    const { __event, ...interaction } = row;
    return { interaction, event: liveEvent(__event)! };
  }

  /** Without an expectedVersion, the update applies whatever the current version. */
  update(id: string, expectedVersion: number | undefined, changes: InteractionChanges): Promise<InteractionRow> {
    return updateVersioned<InteractionChanges, InteractionRow>(this.db, UPDATE_SPEC, id, expectedVersion, changes);
  }

  delete(id: string, expectedVersion: number | undefined): Promise<void> {
    return deleteVersioned(this.db, UPDATE_SPEC, id, expectedVersion);
  }

  /** Whether this viewer may see the event (events follow the interaction rule). */
  async eventVisible(viewer: Viewer, eventId: string): Promise<boolean> {
    const p = new SqlParams();
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM events e WHERE e.id = ${p.add(eventId)} AND ${visibleTo(viewer, p, 'e')}`,
      p.values,
    );
    return rows.length > 0;
  }

  /** Records that the interaction took place at the event. */
  async linkEvent(id: string, eventId: string): Promise<void> {
    await this.db.query('INSERT INTO event_interactions (interaction_id, event_id) VALUES ($1, $2)', [id, eventId]);
  }
}
