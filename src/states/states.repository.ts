import { unknownStates } from '../common/errors.js';
import type { TimelineState } from './treaty-timeline.js';
import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { eventInStatement, LIVE_EVENT_COLUMN, liveEvent, type ActivityEventRow } from '../activity/activity.repository.js';
import { ActivityKind, RatificationStage, RegionalGroup, TreatyStatus, Visibility } from '../common/enums.js';
import { visibleTo } from '../auth/visibility.js';
import type { Page } from '../common/paging/page.js';
import { actorCte, pagedSql, splitPage, SqlParams, type PagedRow } from '../common/sql.js';
import { JsonProjection } from '../common/json-projection.js';
import { closeness, searchCode, searchKey, searchWords, wordsMatch } from '../common/search.js';
import { table, type Projection } from '../database/table.js';
import { StageChangeEntity } from './stage-change.entity.js';
import { StateEntity } from './state.entity.js';
import type { State } from './state.model.js';
import { resolveRegions, type RegionFilter } from './regions.js';

/**
 * A State's columns (alias `s`) as the API reads them: the dates in force, not those of the
 * depositary's file (read where they are compared), nor its UN language.
 */
export const STATE_COLUMNS = table(StateEntity).select('s', {
  omit: ['unLanguage', 'fileSignatureDate', 'fileConsentDate', 'fileConsentType', 'fileWithdrawalDate', 'updatedAt'],
});

/**
 * A State read as JSON with only the properties a selection needs (see JsonProjection): the keys of
 * STATE_COLUMNS. StateFieldsResolver's fields need its code, and the computed ones their dates.
 */
export const STATE_JSON = new JsonProjection<State>(
  {
    iso3: 's.iso3',
    iso2: 's.iso2',
    name: 's.name',
    unMember: 's.un_member',
    regionalGroup: 's.regional_group',
    m49Region: 's.m49_region',
    subregion: 's.subregion',
    m49Code: 's.m49_code',
    intermediateRegion: 's.intermediate_region',
    signatureDate: 's.signature_date',
    consentDate: 's.consent_date',
    consentType: 's.consent_type',
    withdrawalDate: 's.withdrawal_date',
    statusAsOf: 's.status_as_of',
    ratificationStage: 's.ratification_stage',
    version: 's.version',
  },
  {
    treatyStatus: ['signatureDate', 'consentDate', 'withdrawalDate'],
    entryIntoForceDate: ['consentDate'],
    ratificationStageOn: ['ratificationStage'],
    ...Object.fromEntries(
      ['votes', 'votingRecord', 'contacts', 'interactions', 'lastInteractionOn', 'stageHistory', 'obstacles', 'groupings'].map((field) => [
        field,
        [],
      ]),
    ),
  },
  ['iso3'],
);

export type StateProperty = keyof State;

export interface StateQuery {
  regionalGroups?: RegionalGroup[];
  subregions?: string[];
  intermediateRegions?: string[];
  treatyStatuses?: TreatyStatus[];
  unMember?: boolean;
  search?: string;
  asOf: string;
}

export interface StageChangeRow {
  id: string;
  stateIso3: string;
  from: RatificationStage | null;
  to: RatificationStage;
  /** When it was recorded (also served as recordedAt). */
  changedAt: Date;
  recordedAt: Date;
  /** The day it took effect. */
  effectiveOn: string;
  changedById: string | null;
  note: string | null;
  /** Who reads the note and the author: the interaction rule, with the author's organization. */
  visibility: Visibility;
  organizationId: string | null;
  version: number;
}

const stageChanges = table(StageChangeEntity);
/** A stage change as the API reads it, with the note and author as they are stored: when it was recorded, and its day as text. */
const STAGE_CHANGE: Projection<StageChangeEntity> = {
  omit: ['effectiveOn', 'mandateId'],
  as: { fromStage: 'from', toStage: 'to', changedBy: 'changedById' },
  extra: (c) => [`${c}changed_at AS "recordedAt"`, `to_char(${c}effective_on, 'YYYY-MM-DD') AS "effectiveOn"`],
};
/** A stage change's columns (alias `c`). */
const STAGE_CHANGE_COLUMNS = stageChanges.select('c', STAGE_CHANGE);
const STAGE_CHANGE_RETURNING = stageChanges.returning(STAGE_CHANGE);

/** A stage change as stored, with the mandate its note belongs to and who reads that mandate. */
type StoredStageChangeRow = StageChangeRow & { mandateId: string | null; mandateReaderIds: string[] };

/** A State as a stage move was checked against it: the day its latest move took effect, and the mandate of a MANDATE note. */
export type StateBeforeMove = State & { lastMoveOn: string | null; mandateId: string | null };

/** The rows of a stage move: the State as read (`before`), then as moved with the move's event (`moved`), if it was. */
type MoveRow = StateBeforeMove & { __row: 'before' | 'moved'; __event: (ActivityEventRow & { storedSummary?: string }) | null };

/** What a stage move must hold to be written, beside the move itself. */
export interface MoveGuard {
  /** The State's version the caller expects, if any. */
  expectedVersion?: number;
  /** The treaty statuses, on the move's day, that the new stage agrees with. */
  statuses: readonly TreatyStatus[];
  /** With a MANDATE note: the SQL of the mandate it belongs to (none refuses the move). */
  mandate: ((p: SqlParams) => string) | null;
}

/**
 * A State (alias `alias`, with `iso3`, `iso2` and `name`) found by a search: the whole search as its
 * ISO3 or ISO2 code, or every word of it in its name or in one of its other names (state_names).
 */
export function stateSearchMatch(p: SqlParams, alias: string, search: string): string {
  const words = searchWords(search);
  const code = searchCode(search);
  const ors = [
    wordsMatch(p, [searchKey(`${alias}.name`)], words),
    `EXISTS (SELECT 1 FROM state_names n WHERE n.state_iso3 = ${alias}.iso3 AND ${wordsMatch(p, [searchKey('n.name')], words)})`,
  ];
  if (code?.iso3) ors.push(`${alias}.iso3 = ${p.add(code.iso3)}`);
  if (code?.iso2) ors.push(`${alias}.iso2 = ${p.add(code.iso2)}`);
  return `(${ors.join(' OR ')})`;
}

/** How close a State is to a search (smaller is closer): its code first, then its closest name (see closeness). */
export function stateSearchCloseness(p: SqlParams, alias: string, search: string): string {
  const code = searchCode(search);
  const byName = `least(${closeness(p, searchKey(`${alias}.name`), search)},
    (SELECT min(${closeness(p, searchKey('n.name'), search)}) FROM state_names n WHERE n.state_iso3 = ${alias}.iso3))`;
  if (!code) return `(1 + ${byName})`;
  const codeMatch = code.iso3 ? `${alias}.iso3 = ${p.add(code.iso3)}` : `${alias}.iso2 = ${p.add(code.iso2)}`;
  return `(CASE WHEN ${codeMatch} THEN 0 ELSE 1 + ${byName} END)`;
}

/** The stage a move left, for its summary's `{from}`. */
const FROM_STAGE = { from: 'w.from_stage::text' };

@Injectable()
export class StatesRepository {
  constructor(private readonly db: Db) {}

  findByIso3s(iso3s: readonly string[]): Promise<State[]> {
    return this.db.query<State[]>(`SELECT ${STATE_COLUMNS} FROM states s WHERE s.iso3 = ANY($1::char(3)[])`, [iso3s]);
  }

  /** Every State's regional group and treaty dates (for the treaty timeline). */
  treatyDates(): Promise<TimelineState[]> {
    return this.db.query<TimelineState[]>(
      `SELECT s.regional_group AS "regionalGroup", s.signature_date::text AS "signatureDate",
         s.consent_date::text AS "consentDate", s.withdrawal_date::text AS "withdrawalDate" FROM states s`,
    );
  }

  /** The ISO3 codes among `iso3s` that name a State. */
  async existing(iso3s: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ iso3: string }[]>('SELECT iso3 FROM states WHERE iso3 = ANY($1::char(3)[])', [iso3s]);
    return new Set(rows.map((row) => row.iso3));
  }

  /** Refuses, with one NOT_FOUND that lists them (unknownStates), the codes among `iso3s` that name no State. */
  async checkStates(iso3s: readonly string[]): Promise<void> {
    if (!iso3s.length) return;
    const known = await this.existing(iso3s);
    const unknown = iso3s.filter((iso3) => !known.has(iso3));
    if (unknown.length) throw unknownStates(unknown);
  }

  /** The filter with its region names checked and written as the States table writes them (see resolveRegions). */
  resolveRegions<T extends RegionFilter>(filter: T): Promise<T> {
    return resolveRegions(filter, this.db);
  }

  /** One page ordered by name, with the filtered total, in one statement. */
  async page(query: StateQuery, page: Page): Promise<{ rows: State[]; total: number | null }> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.regionalGroups) where.push(`s.regional_group = ANY(${p.add(query.regionalGroups)}::regional_group[])`);
    if (query.subregions) where.push(`s.subregion = ANY(${p.add(query.subregions)}::text[])`);
    if (query.intermediateRegions) where.push(`s.intermediate_region = ANY(${p.add(query.intermediateRegions)}::text[])`);
    if (query.unMember !== undefined) where.push(`s.un_member = ${p.add(query.unMember)}`);
    if (query.treatyStatuses) {
      where.push(
        `ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, ${p.add(query.asOf)}::date) = ANY(${p.add(query.treatyStatuses)}::text[])`,
      );
    }
    const search = query.search?.trim();
    if (search) {
      where.push(stateSearchMatch(p, 's', search));
      const filtered = `SELECT ${STATE_COLUMNS}, ${stateSearchCloseness(p, 's', search)} AS "searchCloseness"
        FROM states s WHERE ${where.join(' AND ')}`;
      const after = page.after;
      const cursor = after ? `("searchCloseness", name, iso3) > (${p.add(after[0])}::int, ${p.add(after[1])}, ${p.add(after[2])})` : null;
      const rows = await this.db.query<PagedRow<State>[]>(pagedSql(filtered, cursor, '"searchCloseness", name, iso3', page), p.values);
      return splitPage<State>(rows, 'iso3');
    }
    const filtered = `SELECT ${STATE_COLUMNS} FROM states s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const cursor = page.after ? `(name, iso3) > (${p.add(page.after[0])}, ${p.add(page.after[1])})` : null;
    const rows = await this.db.query<PagedRow<State>[]>(pagedSql(filtered, cursor, 'name, iso3', page), p.values);
    return splitPage<State>(rows, 'iso3');
  }

  /**
   * The stage changes of several States, each State's newest first: the moves by the day they took
   * effect (then by when they were recorded, then id), and last the stage the State started at. Every
   * user sees each move; its note and author only those who may see it under its visibility (else
   * both are null).
   */
  stageChangesOf(viewer: Viewer, iso3s: readonly string[]): Promise<StageChangeRow[]> {
    const p = new SqlParams();
    const codes = p.add(iso3s);
    const visible = visibleTo(viewer, p, 'c');
    return this.db.query<StageChangeRow[]>(
      `SELECT c.id, c.state_iso3 AS "stateIso3", c.from_stage AS "from", c.to_stage AS "to", c.changed_at AS "changedAt",
         c.changed_at AS "recordedAt", to_char(c.effective_on, 'YYYY-MM-DD') AS "effectiveOn",
         CASE WHEN ${visible} THEN c.changed_by END AS "changedById", CASE WHEN ${visible} THEN c.note END AS note,
         c.visibility, c.organization_id AS "organizationId", c.version
       FROM stage_changes c WHERE c.state_iso3 = ANY(${codes}::char(3)[])
       ORDER BY c.state_iso3, c.from_stage IS NULL, c.effective_on DESC, c.changed_at DESC, c.id`,
      p.values,
    );
  }

  /** A stage change by id, as stored (for its editors). */
  async stageChangeById(id: string): Promise<StoredStageChangeRow | null> {
    const rows = await this.db.query<StoredStageChangeRow[]>(
      `SELECT ${STAGE_CHANGE_COLUMNS}, c.mandate_id AS "mandateId", to_json(ratify_mandate_readers(c.mandate_id)) AS "mandateReaderIds"
       FROM stage_changes c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * A stage move in one statement. It reads the State (its latest move's day, the mandate of a
   * MANDATE note) and moves it only if the move holds on what it read: the version expected, a
   * stage other than the current one, a day on or after the latest move, a treaty status on that day
   * in `guard.statuses`, a mandate for a MANDATE note; then it records the move and its activity
   * event (the audit triggers run inside it, for the actor it names). Returns the State as read and,
   * when the move was written, the State after it with the event; null for an unknown State. The
   * caller says why a move was not written from the State as read (StatesService.setStage).
   */
  async move(
    actor: Viewer,
    iso3: string,
    guard: MoveGuard,
    change: Pick<StageChangeRow, 'id' | 'to' | 'note' | 'visibility' | 'effectiveOn'>,
    summary: string,
  ): Promise<{ before: StateBeforeMove; moved: { state: State; event: ActivityEventRow } | null } | null> {
    const p = new SqlParams();
    const event = eventInStatement(
      actor,
      { after: 'change', kind: ActivityKind.STAGE_CHANGED, subject: 'stageChange', summary, fill: FROM_STAGE },
      p,
    );
    const to = p.add(change.to);
    const on = p.add(change.effectiveOn);
    const expected = p.add(guard.expectedVersion ?? null);
    const rows = await this.db.query<MoveRow[]>(
      `WITH ${actorCte(actor.id, 'setRatificationStage', p)},
       before AS MATERIALIZED (
         SELECT s.*, (SELECT effective_on FROM stage_changes WHERE state_iso3 = s.iso3 AND from_stage IS NOT NULL
             ORDER BY effective_on DESC LIMIT 1) AS last_move_on,
           ${guard.mandate ? guard.mandate(p) : 'NULL::uuid'} AS move_mandate_id
         FROM states s WHERE s.iso3 = ${p.add(iso3)}::char(3)),
       moved AS (
         UPDATE states s SET ratification_stage = ${to}::ratification_stage, version = s.version + 1, updated_at = now() FROM actor, before b
         WHERE s.iso3 = b.iso3 AND s.version = b.version AND (${expected}::int IS NULL OR b.version = ${expected}::int)
           AND b.ratification_stage <> ${to}::ratification_stage
           AND (b.last_move_on IS NULL OR b.last_move_on <= ${on}::date)
           AND ccm_treaty_status(b.signature_date, b.consent_date, b.withdrawal_date, ${on}::date)::text = ANY(${p.add(guard.statuses)}::text[])
           AND ${guard.mandate ? 'b.move_mandate_id IS NOT NULL' : 'true'}
         RETURNING s.*),
       change AS (
         INSERT INTO stage_changes (id, state_iso3, from_stage, to_stage, changed_by, note, visibility, organization_id, effective_on, mandate_id)
         SELECT ${p.add(change.id)}::uuid, m.iso3, b.ratification_stage, m.ratification_stage, ${p.add(actor.id)}::uuid,
           ${p.add(change.note)}::text, ${p.add(change.visibility)}::visibility, ${p.add(actor.organizationId)}::uuid, ${on}::date,
           ${guard.mandate ? 'b.move_mandate_id' : 'NULL::uuid'}
         FROM moved m CROSS JOIN before b
         RETURNING *),
       ${event}
       SELECT 'before' AS "__row", ${STATE_COLUMNS}, to_char(s.last_move_on, 'YYYY-MM-DD') AS "lastMoveOn", s.move_mandate_id AS "mandateId", NULL::json AS "__event"
       FROM before s
       UNION ALL
       SELECT 'moved', ${STATE_COLUMNS}, NULL, NULL, ${LIVE_EVENT_COLUMN} FROM moved s`,
      p.values,
    );
    const read = rows.find((row) => row.__row === 'before');
    if (!read) return null;
    const moved = rows.find((row) => row.__row === 'moved');
    return {
      before: { ...stateOfMoveRow(read), lastMoveOn: read.lastMoveOn, mandateId: read.mandateId },
      moved: moved ? { state: stateOfMoveRow(moved), event: liveEvent(moved.__event)! } : null,
    };
  }

  /**
   * Changes who reads a stage change's note, checking the version when one is given: null when no
   * row was changed (unknown id or stale version).
   */
  async setStageChangeVisibility(id: string, visibility: Visibility, expectedVersion: number | undefined): Promise<StageChangeRow | null> {
    const [rows] = await this.db.query<[StageChangeRow[], number]>(
      `UPDATE stage_changes SET visibility = $2, version = version + 1 WHERE id = $1 AND ($3::int IS NULL OR version = $3::int)
       RETURNING ${STAGE_CHANGE_RETURNING}`,
      [id, visibility, expectedVersion ?? null],
    );
    return rows[0] ?? null;
  }
}

/** The State of a row of StatesRepository.move. */
function stateOfMoveRow({ __row, __event, lastMoveOn: _lastMoveOn, mandateId: _mandateId, ...state }: MoveRow): State {
  return state;
}
