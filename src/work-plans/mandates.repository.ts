import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { RegionalGroup, Visibility } from '../common/enums.js';
import type { Page } from '../common/paging/page.js';
import { pagedSql, splitPage, SqlParams, type PagedRow } from '../common/sql.js';
import { deleteVersioned, updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import { table, type Projection } from '../database/table.js';
import { GROUPING_COLUMNS } from '../groupings/groupings.repository.js';
import type { Grouping } from '../groupings/grouping.model.js';
import type { State } from '../states/state.model.js';
import { STATE_COLUMNS } from '../states/states.repository.js';
import { INTERACTION_COLUMNS, type InteractionRow } from '../interactions/interactions.repository.js';
import { visibleTo } from '../auth/visibility.js';
import type { Obstacle } from '../obstacles/obstacle.model.js';
import { OBSTACLE_COLUMNS, obstacleVisibleTo } from '../obstacles/obstacles.repository.js';
import { mandateVisibleTo } from '../auth/visibility.js';
import { MandateEntity, ObjectiveEntity, PlannedActivityEntity } from './mandate.entity.js';
import { PlannedActivityKind, PlannedActivityStatus } from './work-plan.enums.js';
import type { Mandate, Objective, PlannedActivity } from './work-plan.models.js';

const mandates = table(MandateEntity);
/** A mandate as the API reads it: its target lists as handed over are read on their own. */
const MANDATE: Projection<MandateEntity> = { omit: ['targetListsAtHandOver'], as: { createdBy: 'createdById' } };
const MANDATE_COLUMNS = mandates.select('m', MANDATE);
const MANDATE_INSERT = mandates.columns(
  'id',
  'name',
  'periodFrom',
  'periodTo',
  'organizationIds',
  'visibility',
  'previousMandateId',
  'groupingIds',
  'carriedFollowUpIds',
  'carriedObstacleIds',
  'carriedGroupingIds',
  'createdBy',
);

const objectives = table(ObjectiveEntity);
const OBJECTIVE_COLUMNS = objectives.select('o');
const OBJECTIVE_INSERT = objectives.columns('id', 'mandateId', 'title', 'description', 'indicators');

const activities = table(PlannedActivityEntity);
const ACTIVITY_COLUMNS = activities.select('a');
/** What a client writes of a planned activity (ActivityFields), in the order of its INSERT's values. */
const ACTIVITY_FIELDS = [
  'title',
  'kind',
  'plannedOn',
  'plannedUntil',
  'regionalGroup',
  'stateIso3s',
  'status',
  'notes',
  'interactionIds',
] as const satisfies readonly (keyof ActivityFields)[];
const ACTIVITY_INSERT = activities.columns('id', 'mandateId', ...ACTIVITY_FIELDS);
/** A PLANNED activity carried over at a hand-over, naming the one it was carried from. */
const CARRIED_ACTIVITY_INSERT = activities.columns('id', 'mandateId', ...ACTIVITY_FIELDS, 'carriedFromId');

/** A follow-up still to do. */
const PENDING = 'i.follow_up_on IS NOT NULL AND i.follow_up_done_at IS NULL';

/**
 * A mandate's open follow-ups: pending follow-ups it took over at its hand-over, and those of
 * interactions its organizations logged up to the end of its period.
 */
const OPEN_FOLLOW_UP_OF_M = `${PENDING} AND (i.id = ANY(m.carried_follow_up_ids)
  OR (i.organization_id = ANY(m.organization_ids) AND i.occurred_on <= m.period_to))`;

/** A mandate's open obstacles: OPEN ones it took over, and OPEN ones recorded up to the end of its period. */
const OPEN_OBSTACLE_OF_M = `o.status = 'OPEN' AND (o.id = ANY(m.carried_obstacle_ids) OR o.recorded_on <= m.period_to)`;

/** The work a mandate holds, read per mandate: which rows, joined how, seen by whom, in which order. */
interface MandateWork {
  columns: string;
  table: string;
  open: string;
  carried: string;
  visibleTo: (viewer: Viewer, p: SqlParams) => string;
  order: string;
}

const MANDATE_WORK = {
  followUps: {
    columns: INTERACTION_COLUMNS,
    table: 'interactions i',
    open: OPEN_FOLLOW_UP_OF_M,
    carried: 'i.id = ANY(m.carried_follow_up_ids)',
    visibleTo,
    order: 'i.follow_up_on, i.id',
  },
  obstacles: {
    columns: OBSTACLE_COLUMNS,
    table: 'obstacles o',
    open: OPEN_OBSTACLE_OF_M,
    carried: 'o.id = ANY(m.carried_obstacle_ids)',
    visibleTo: obstacleVisibleTo,
    order: 'o.recorded_on, o.id',
  },
} satisfies Record<string, MandateWork>;

/** pg may return arrays of types it does not know as '{a,b}' strings. */
function asArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value.map((v) => v.trim());
  if (!value) return [];
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((v) => v.replace(/^"|"$/g, '').trim()) : [];
}

function mandateRow<T extends Mandate>(row: T): T {
  return {
    ...row,
    organizationIds: asArray(row.organizationIds),
    groupingIds: asArray(row.groupingIds),
    carriedFollowUpIds: asArray(row.carriedFollowUpIds),
    carriedObstacleIds: asArray(row.carriedObstacleIds),
    carriedGroupingIds: asArray(row.carriedGroupingIds),
  };
}

function activityRow<T extends PlannedActivity>(row: T): T {
  return { ...row, stateIso3s: asArray(row.stateIso3s), interactionIds: asArray(row.interactionIds) };
}

export interface MandateFields {
  name?: string;
  periodFrom?: string;
  periodTo?: string;
  organizationIds?: string[];
  visibility?: Visibility;
  groupingIds?: string[];
}

export interface ObjectiveFields {
  title?: string;
  description?: string | null;
  indicators?: string;
}

export interface ActivityFields {
  title?: string;
  kind?: PlannedActivityKind;
  plannedOn?: string;
  plannedUntil?: string | null;
  regionalGroup?: RegionalGroup | null;
  stateIso3s?: string[];
  status?: PlannedActivityStatus;
  notes?: string | null;
  interactionIds?: string[];
}

const MANDATE_SPEC = {
  table: mandates.name,
  what: 'Mandate',
  returning: mandates.returning(MANDATE),
  columns: mandates.columnMap(
    'name',
    'periodFrom',
    'periodTo',
    'organizationIds',
    'visibility',
    'groupingIds',
  ) satisfies ColumnMap<MandateFields>,
};

const OBJECTIVE_SPEC = {
  table: objectives.name,
  what: 'Objective',
  returning: objectives.returning(),
  columns: objectives.columnMap('title', 'description', 'indicators') satisfies ColumnMap<ObjectiveFields>,
};

const ACTIVITY_SPEC = {
  table: activities.name,
  what: 'PlannedActivity',
  returning: activities.returning(),
  columns: activities.columnMap(...ACTIVITY_FIELDS) satisfies ColumnMap<ActivityFields>,
};

export const mandateSortKey = (row: Mandate) => [row.periodFrom, row.id];
export const MANDATE_CURSOR = ['date', 'uuid'] as const;

type Keyed<T> = T & { __key: string };

/** A mandate's open items, as openItems reads them (arrays pg may return as '{a,b}' text). */
interface OpenItemsRow {
  followUpIds: string[] | string | null;
  obstacleIds: string[] | string | null;
}

interface IdRow {
  id: string;
}

/** A target list as groupingsOf reads it: with its States then, when it was handed over. */
type TargetListRow = Keyed<Grouping> & { frozenStates: State[] | null };

@Injectable()
export class MandatesRepository {
  constructor(private readonly db: Db) {}

  /** Mandates the viewer may read, by id. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<Mandate[]> {
    const p = new SqlParams();
    const rows = await this.db.query<Mandate[]>(
      `SELECT ${MANDATE_COLUMNS} FROM mandates m WHERE m.id = ANY(${p.add(ids)}::uuid[]) AND ${mandateVisibleTo(viewer, p)}`,
      p.values,
    );
    return rows.map(mandateRow);
  }

  /** The mandates the viewer may read that took over from these, keyed by the previous one. */
  async successorsOf(viewer: Viewer, ids: readonly string[]): Promise<Keyed<Mandate>[]> {
    const p = new SqlParams();
    const rows = await this.db.query<Keyed<Mandate>[]>(
      `SELECT m.previous_mandate_id AS "__key", ${MANDATE_COLUMNS} FROM mandates m
       WHERE m.previous_mandate_id = ANY(${p.add(ids)}::uuid[]) AND ${mandateVisibleTo(viewer, p)}`,
      p.values,
    );
    return rows.map(mandateRow);
  }

  /** Newest period first. */
  async page(viewer: Viewer, page: Page): Promise<{ rows: Mandate[]; total: number | null }> {
    const p = new SqlParams();
    const filtered = `SELECT ${MANDATE_COLUMNS} FROM mandates m WHERE ${mandateVisibleTo(viewer, p)}`;
    const cursor = page.after ? `("periodFrom", id) < (${p.add(page.after[0])}::date, ${p.add(page.after[1])}::uuid)` : null;
    const rows = await this.db.query<PagedRow<Mandate>[]>(pagedSql(filtered, cursor, '"periodFrom" DESC, id DESC', page), p.values);
    const result = splitPage<Mandate>(rows, 'id');
    return { rows: result.rows.map(mandateRow), total: result.total };
  }

  /** The row, locked until the transaction ends, whoever may read it. */
  async lock(id: string): Promise<Mandate | null> {
    const rows = await this.db.query<Mandate[]>(`SELECT ${MANDATE_COLUMNS} FROM mandates m WHERE m.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? mandateRow(rows[0]) : null;
  }

  async hasSuccessor(id: string): Promise<boolean> {
    return (await this.db.query<unknown[]>('SELECT 1 FROM mandates WHERE previous_mandate_id = $1', [id])).length > 0;
  }

  async insert(
    row: Required<MandateFields> & {
      id: string;
      previousMandateId: string | null;
      carriedFollowUpIds: string[];
      carriedObstacleIds: string[];
      carriedGroupingIds: string[];
      createdById: string;
    },
  ): Promise<Mandate> {
    const rows = await this.db.query<Mandate[]>(
      `INSERT INTO mandates (${MANDATE_INSERT})
       VALUES ($1, $2, $3, $4, $5::uuid[], $6, $7, $8::uuid[], $9::uuid[], $10::uuid[], $11::uuid[], $12)
       RETURNING ${MANDATE_SPEC.returning}`,
      [
        row.id,
        row.name,
        row.periodFrom,
        row.periodTo,
        row.organizationIds,
        row.visibility,
        row.previousMandateId,
        row.groupingIds,
        row.carriedFollowUpIds,
        row.carriedObstacleIds,
        row.carriedGroupingIds,
        row.createdById,
      ],
    );
    return mandateRow(rows[0]);
  }

  async update(id: string, expectedVersion: number, changes: MandateFields): Promise<Mandate> {
    return mandateRow(await updateVersioned<MandateFields, Mandate>(this.db, MANDATE_SPEC, id, expectedVersion, changes));
  }

  delete(id: string, expectedVersion: number): Promise<void> {
    return deleteVersioned(this.db, MANDATE_SPEC, id, expectedVersion);
  }

  /** The ids of a mandate's open follow-ups and open obstacles, whoever logged them (for a hand-over). */
  async openItems(id: string): Promise<{ followUpIds: string[]; obstacleIds: string[] }> {
    const rows = await this.db.query<OpenItemsRow[]>(
      `SELECT
         coalesce((SELECT array_agg(i.id ORDER BY i.follow_up_on, i.id) FROM interactions i WHERE ${OPEN_FOLLOW_UP_OF_M}), '{}') AS "followUpIds",
         coalesce((SELECT array_agg(o.id ORDER BY o.recorded_on, o.id) FROM obstacles o WHERE ${OPEN_OBSTACLE_OF_M}), '{}') AS "obstacleIds"
       FROM mandates m WHERE m.id = $1`,
      [id],
    );
    return { followUpIds: asArray(rows[0].followUpIds), obstacleIds: asArray(rows[0].obstacleIds) };
  }

  /** Copies the PLANNED activities of one mandate into another, each naming the one it was carried from. */
  async carryActivities(fromMandateId: string, toMandateId: string): Promise<number> {
    const rows = await this.db.query<IdRow[]>(
      `INSERT INTO planned_activities (${CARRIED_ACTIVITY_INSERT})
       SELECT gen_random_uuid(), $2, a.title, a.kind, a.planned_on, a.planned_until, a.regional_group, a.state_iso3s, 'PLANNED', a.notes,
         a.interaction_ids, a.id
       FROM planned_activities a WHERE a.mandate_id = $1 AND a.status = 'PLANNED' RETURNING id`,
      [fromMandateId, toMandateId],
    );
    return rows.length;
  }

  async existingOrganizations(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<IdRow[]>('SELECT id FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  async existingGroupings(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<IdRow[]>('SELECT id FROM groupings WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Those of these interactions the viewer may see. */
  async visibleInteractionIds(viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
    const p = new SqlParams();
    const rows = await this.db.query<IdRow[]>(
      `SELECT i.id FROM interactions i WHERE i.id = ANY(${p.add(ids)}::uuid[]) AND ${visibleTo(viewer, p)}`,
      p.values,
    );
    return new Set(rows.map((r) => r.id));
  }

  // Objectives

  async objectiveById(id: string): Promise<Objective | null> {
    const rows = await this.db.query<Objective[]>(`SELECT ${OBJECTIVE_COLUMNS} FROM mandate_objectives o WHERE o.id = $1`, [id]);
    return rows[0] ?? null;
  }

  objectivesOf(mandateIds: readonly string[]): Promise<Objective[]> {
    return this.db.query<Objective[]>(
      `SELECT ${OBJECTIVE_COLUMNS} FROM mandate_objectives o WHERE o.mandate_id = ANY($1::uuid[]) ORDER BY o.created_at, o.id`,
      [mandateIds],
    );
  }

  async insertObjective(row: {
    id: string;
    mandateId: string;
    title: string;
    description: string | null;
    indicators: string;
  }): Promise<Objective> {
    const rows = await this.db.query<Objective[]>(
      `INSERT INTO mandate_objectives (${OBJECTIVE_INSERT}) VALUES ($1, $2, $3, $4, $5::jsonb)
       RETURNING ${OBJECTIVE_SPEC.returning}`,
      [row.id, row.mandateId, row.title, row.description, row.indicators],
    );
    return rows[0];
  }

  updateObjective(id: string, expectedVersion: number, changes: ObjectiveFields): Promise<Objective> {
    return updateVersioned<ObjectiveFields, Objective>(this.db, OBJECTIVE_SPEC, id, expectedVersion, changes);
  }

  deleteObjective(id: string, expectedVersion: number): Promise<void> {
    return deleteVersioned(this.db, OBJECTIVE_SPEC, id, expectedVersion);
  }

  // Planned activities

  async activityById(id: string): Promise<PlannedActivity | null> {
    const rows = await this.db.query<PlannedActivity[]>(`SELECT ${ACTIVITY_COLUMNS} FROM planned_activities a WHERE a.id = $1`, [id]);
    return rows[0] ? activityRow(rows[0]) : null;
  }

  /** Activities by id, of mandates the viewer may read. */
  async visibleActivities(viewer: Viewer, ids: readonly string[]): Promise<PlannedActivity[]> {
    const p = new SqlParams();
    const rows = await this.db.query<PlannedActivity[]>(
      `SELECT ${ACTIVITY_COLUMNS} FROM planned_activities a JOIN mandates m ON m.id = a.mandate_id
       WHERE a.id = ANY(${p.add(ids)}::uuid[]) AND ${mandateVisibleTo(viewer, p)}`,
      p.values,
    );
    return rows.map(activityRow);
  }

  /** The activities of mandates, by date; only those carried over at the hand-over when `carried`. */
  async activitiesOf(mandateIds: readonly string[], carried = false): Promise<PlannedActivity[]> {
    const rows = await this.db.query<PlannedActivity[]>(
      `SELECT ${ACTIVITY_COLUMNS} FROM planned_activities a
       WHERE a.mandate_id = ANY($1::uuid[]) ${carried ? 'AND a.carried_from_id IS NOT NULL' : ''}
       ORDER BY a.planned_on, a.created_at, a.id`,
      [mandateIds],
    );
    return rows.map(activityRow);
  }

  async insertActivity(row: Required<ActivityFields> & { id: string; mandateId: string }): Promise<PlannedActivity> {
    const rows = await this.db.query<PlannedActivity[]>(
      `INSERT INTO planned_activities (${ACTIVITY_INSERT})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::char(3)[], $9, $10, $11::uuid[]) RETURNING ${ACTIVITY_SPEC.returning}`,
      [row.id, row.mandateId, ...ACTIVITY_FIELDS.map((field) => row[field])],
    );
    return activityRow(rows[0]);
  }

  async updateActivity(id: string, expectedVersion: number, changes: ActivityFields): Promise<PlannedActivity> {
    return activityRow(await updateVersioned<ActivityFields, PlannedActivity>(this.db, ACTIVITY_SPEC, id, expectedVersion, changes));
  }

  deleteActivity(id: string, expectedVersion: number): Promise<void> {
    return deleteVersioned(this.db, ACTIVITY_SPEC, id, expectedVersion);
  }

  // What mandates list, for the viewer

  /**
   * Target lists of mandates; only those taken over at the hand-over when `carried`. A mandate that
   * was handed over lists them as they were then (with their States then, `frozenStates`).
   */
  async groupingsOf(mandateIds: readonly string[], carried = false): Promise<Keyed<Grouping>[]> {
    if (carried) {
      return this.db.query<Keyed<Grouping>[]>(
        `SELECT m.id AS "__key", ${GROUPING_COLUMNS} FROM mandates m JOIN groupings g ON g.id = ANY(m.carried_grouping_ids)
         WHERE m.id = ANY($1::uuid[]) ORDER BY lower(g.name), g.id`,
        [mandateIds],
      );
    }
    // A list as it was handed over carries its States then, read along (not by a loader in a later tick).
    const rows = await this.db.query<TargetListRow[]>(
      `SELECT * FROM (
         SELECT m.id AS "__key", ${GROUPING_COLUMNS}, NULL::json AS "frozenStates" FROM mandates m JOIN groupings g ON g.id = ANY(m.grouping_ids)
         WHERE m.id = ANY($1::uuid[]) AND m.target_lists_at_hand_over IS NULL
         UNION ALL
         SELECT m.id, (snap->>'id')::uuid, snap->>'name', snap->>'description', (snap->>'createdById')::uuid, (snap->>'version')::int,
           (snap->>'createdAt')::timestamptz, (snap->>'updatedAt')::timestamptz,
           coalesce((SELECT json_agg(x ORDER BY x.name, x.iso3) FROM (SELECT ${STATE_COLUMNS} FROM states s
                     WHERE s.iso3 IN (SELECT jsonb_array_elements_text(snap->'stateIso3s'))) x), '[]')
         FROM mandates m CROSS JOIN LATERAL jsonb_array_elements(m.target_lists_at_hand_over) snap
         WHERE m.id = ANY($1::uuid[])) g
       ORDER BY lower(g.name), g.id`,
      [mandateIds],
    );
    return rows.map(({ frozenStates, ...row }) => (frozenStates ? { ...row, frozenStates } : row));
  }

  /**
   * At its hand-over, a mandate keeps its target lists as they are (each grouping with its States):
   * the groupings go on changing for the next mandate, and its record stays as it was.
   */
  async freezeTargetLists(id: string): Promise<void> {
    await this.db.query(
      `UPDATE mandates m SET target_lists_at_hand_over = coalesce((
         SELECT jsonb_agg(jsonb_build_object('id', g.id, 'name', g.name, 'description', g.description, 'createdById', g.created_by,
           'version', g.version, 'createdAt', g.created_at, 'updatedAt', g.updated_at,
           'stateIso3s', coalesce((SELECT jsonb_agg(l.state_iso3 ORDER BY l.state_iso3) FROM grouping_states l WHERE l.grouping_id = g.id), '[]'::jsonb)))
         FROM groupings g WHERE g.id = ANY(m.grouping_ids)), '[]'::jsonb)
       WHERE m.id = $1`,
      [id],
    );
  }

  /** Open follow-ups of mandates, or those taken over at the hand-over (done or not) when `carried`; soonest first. */
  followUpsOf(viewer: Viewer, mandateIds: readonly string[], carried = false): Promise<Keyed<InteractionRow>[]> {
    return this.workOf<InteractionRow>(MANDATE_WORK.followUps, viewer, mandateIds, carried);
  }

  /** Open obstacles of mandates this viewer may see, or those taken over at the hand-over when `carried`; oldest first. */
  obstaclesOf(viewer: Viewer, mandateIds: readonly string[], carried = false): Promise<Keyed<Obstacle>[]> {
    return this.workOf<Obstacle>(MANDATE_WORK.obstacles, viewer, mandateIds, carried);
  }

  private workOf<T>(work: MandateWork, viewer: Viewer, mandateIds: readonly string[], carried: boolean): Promise<Keyed<T>[]> {
    const p = new SqlParams();
    return this.db.query<Keyed<T>[]>(
      `SELECT m.id AS "__key", ${work.columns} FROM mandates m JOIN ${work.table} ON ${carried ? work.carried : work.open}
       WHERE m.id = ANY(${p.add(mandateIds)}::uuid[]) AND ${work.visibleTo(viewer, p)} ORDER BY ${work.order}`,
      p.values,
    );
  }
}
