import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import {
  eventInStatement,
  LIVE_EVENT_COLUMN,
  liveEvent,
  type ActivityEventRow,
  type StatementEvent,
} from '../activity/activity.repository.js';
import { ActivityKind, ObstacleCategory, ObstacleStatus, Visibility } from '../common/enums.js';
import { visibleTo } from '../auth/visibility.js';
import type { Page } from '../common/paging/page.js';
import { actorCte, pagedSql, splitPage, SqlParams, withTimestamps, type PagedRow } from '../common/sql.js';
import { JsonProjection } from '../common/json-projection.js';
import { deleteVersioned, updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import { table, type Projection } from '../database/table.js';
import { ObstacleEntity } from './obstacle.entity.js';
import type { Obstacle } from './obstacle.model.js';

const obstacles = table(ObstacleEntity);
const OBSTACLE: Projection<ObstacleEntity> = { as: { recordedBy: 'recordedById' } };

/** An obstacle's columns (alias `o`), as every read of one returns them. */
export const OBSTACLE_COLUMNS = obstacles.select('o', OBSTACLE);

/**
 * Who sees an obstacle at all, as SQL on the obstacles alias (default `o`): the interaction rule, with
 * the organization of the user who recorded it. Obstacles outside it are neither listed nor counted.
 */
export function obstacleVisibleTo(viewer: Viewer, p: SqlParams, alias = 'o'): string {
  return visibleTo(viewer, p, alias);
}

const COLUMNS = OBSTACLE_COLUMNS;
const RETURNING = obstacles.returning(OBSTACLE);
const INSERT_COLUMNS = obstacles.columns(
  'id',
  'stateIso3',
  'category',
  'description',
  'measures',
  'recordedOn',
  'recordedBy',
  'visibility',
  'organizationId',
  'mandateId',
);

const epochMs = (column: string) => `extract(epoch FROM ${column}) * 1000`;

/**
 * An obstacle read as JSON (`stateObstaclesJson`): the keys of OBSTACLE_COLUMNS, the timestamps as
 * epoch milliseconds (which cost less to read than text). Always its id, and its status, which the
 * `status` argument filters on.
 */
export const OBSTACLE_JSON = new JsonProjection<Obstacle>(
  {
    id: 'o.id',
    stateIso3: 'o.state_iso3',
    category: 'o.category',
    description: 'o.description',
    measures: 'o.measures',
    status: 'o.status',
    recordedOn: 'o.recorded_on',
    resolvedOn: 'o.resolved_on',
    recordedById: 'o.recorded_by',
    version: 'o.version',
    visibility: 'o.visibility',
    organizationId: 'o.organization_id',
    mandateId: 'o.mandate_id',
    createdAt: epochMs('o.created_at'),
    updatedAt: epochMs('o.updated_at'),
  },
  // ObstaclesResolver's fields, and the timestamps, which obstaclesFromJson reads together.
  { state: ['stateIso3'], recordedBy: ['recordedById'], createdAt: ['createdAt', 'updatedAt'], updatedAt: ['createdAt', 'updatedAt'] },
  ['id', 'status'],
);

export type ObstacleProperty = keyof Obstacle;

/**
 * A SQL expression: the obstacles this viewer may see of the State whose code is `iso3` (an SQL
 * expression) as a JSON array, in the order `byStates` lists them (open first, then the newest
 * recordedOn), each with these properties (default: all). Read it with `obstaclesFromJson`.
 */
export function stateObstaclesJson(viewer: Viewer, p: SqlParams, iso3: string, properties?: readonly ObstacleProperty[]): string {
  return `(SELECT coalesce(json_agg(${OBSTACLE_JSON.object(properties)} ORDER BY o.status = 'ADDRESSED', o.recorded_on DESC, o.id), '[]')
           FROM obstacles o WHERE o.state_iso3 = ${iso3} AND ${obstacleVisibleTo(viewer, p)})`;
}

/**
 * Obstacles read as JSON (`stateObstaclesJson`), as a row reads them: timestamps as Dates. Read with
 * only some properties, they are only good for the fields those properties serve.
 */
export function obstaclesFromJson(json: string): Obstacle[] {
  const obstacles = JSON.parse(json) as Obstacle[];
  return obstacles.length && 'createdAt' in obstacles[0] ? obstacles.map(withTimestamps) : obstacles;
}

export interface ObstacleFields {
  stateIso3?: string;
  category?: ObstacleCategory;
  description?: string;
  measures?: string | null;
  recordedOn?: string;
  status?: ObstacleStatus;
  resolvedOn?: string | null;
  visibility?: Visibility;
}

const UPDATE_SPEC = {
  table: obstacles.name,
  what: 'Obstacle',
  returning: RETURNING,
  columns: obstacles.columnMap(
    'stateIso3',
    'category',
    'description',
    'measures',
    'recordedOn',
    'status',
    'resolvedOn',
    'visibility',
  ) satisfies ColumnMap<ObstacleFields>,
};

export interface ObstacleQuery {
  stateIso3s?: string[];
  statuses?: ObstacleStatus[];
  categories?: ObstacleCategory[];
}

/** Newest recordedOn first, ties by id. */
export const obstacleSortKey = (row: Obstacle) => [row.recordedOn, row.id];
export const OBSTACLE_CURSOR = ['date', 'uuid'] as const;

/** An obstacle recordObstacle wrote, with its activity event (JSON). */
type RecordedObstacleRow = Obstacle & { __event: (ActivityEventRow & { storedSummary?: string }) | null };

/**
 * The activity event of a recorded obstacle, written by the same statement: `{text}` is the category
 * ("Legal"), as the obstacle has it when the feed is read; the event is seen as the obstacle is.
 */
const RECORDED_EVENT: StatementEvent = {
  after: 'written',
  kind: ActivityKind.OBSTACLE_RECORDED,
  subject: 'obstacle',
  summary: '{text} obstacle recorded for {states}',
};

@Injectable()
export class ObstaclesRepository {
  constructor(private readonly db: Db) {}

  /** An obstacle by id, when this viewer may see it. */
  async visibleById(viewer: Viewer, id: string): Promise<Obstacle | null> {
    if (!isUuid(id)) return null;
    const p = new SqlParams();
    const rows = await this.db.query<Obstacle[]>(
      `SELECT ${COLUMNS} FROM obstacles o WHERE o.id = ${p.add(id)} AND ${obstacleVisibleTo(viewer, p)}`,
      p.values,
    );
    return rows[0] ?? null;
  }

  /** Every obstacle this viewer may see of several States: each State's open ones first, then the newest. */
  byStates(viewer: Viewer, iso3s: readonly string[]): Promise<Obstacle[]> {
    const p = new SqlParams();
    return this.db.query<Obstacle[]>(
      `SELECT ${COLUMNS} FROM obstacles o WHERE o.state_iso3 = ANY(${p.add(iso3s)}::char(3)[]) AND ${obstacleVisibleTo(viewer, p)}
       ORDER BY o.state_iso3, o.status = 'ADDRESSED', o.recorded_on DESC, o.id`,
      p.values,
    );
  }

  async page(viewer: Viewer, query: ObstacleQuery, page: Page): Promise<{ rows: Obstacle[]; total: number | null }> {
    const p = new SqlParams();
    const where: string[] = [obstacleVisibleTo(viewer, p)];
    if (query.stateIso3s) where.push(`o.state_iso3 = ANY(${p.add(query.stateIso3s)}::char(3)[])`);
    if (query.statuses) where.push(`o.status = ANY(${p.add(query.statuses)}::obstacle_status[])`);
    if (query.categories) where.push(`o.category = ANY(${p.add(query.categories)}::obstacle_category[])`);
    const filtered = `SELECT ${COLUMNS} FROM obstacles o WHERE ${where.join(' AND ')}`;
    let cursor: string | null = null;
    if (page.after) {
      const [on, id] = [p.add(page.after[0]), p.add(page.after[1])];
      cursor = `("recordedOn" < ${on}::date OR ("recordedOn" = ${on}::date AND id > ${id}::uuid))`;
    }
    const rows = await this.db.query<PagedRow<Obstacle>[]>(pagedSql(filtered, cursor, '"recordedOn" DESC, id', page), p.values);
    return splitPage<Obstacle>(rows, 'id');
  }

  /**
   * recordObstacle's write in one statement: the obstacle and its activity event (the audit triggers
   * run inside it, for the actor it names), written only when its State exists and shows no deposit
   * on `recordedOn` (null otherwise). Alone, the statement is its own transaction.
   */
  async record(
    actor: Viewer,
    row: Required<Omit<ObstacleFields, 'status' | 'resolvedOn'>> & {
      id: string;
      stateIso3: string;
      organizationId: string;
      mandateId: string | null;
    },
  ): Promise<{ obstacle: Obstacle; event: ActivityEventRow } | null> {
    const p = new SqlParams();
    const event = eventInStatement(actor, RECORDED_EVENT, p);
    const [written] = await this.db.query<RecordedObstacleRow[]>(
      `WITH ${actorCte(actor.id, 'recordObstacle', p)},
       written AS (
         INSERT INTO obstacles (${INSERT_COLUMNS})
         SELECT ${p.add(row.id)}::uuid, ${p.add(row.stateIso3)}::char(3), ${p.add(row.category)}::obstacle_category, ${p.add(row.description)}::text,
           ${p.add(row.measures)}::text, ${p.add(row.recordedOn)}::date, ${p.add(actor.id)}::uuid, ${p.add(row.visibility)}::visibility,
           ${p.add(row.organizationId)}::uuid, ${p.add(row.mandateId)}::uuid
         FROM actor
         -- Only for a State not Party on the day (no deposit shown): otherwise nothing is written, and the service says why.
         JOIN states s ON s.iso3 = ${p.add(row.stateIso3)}::char(3)
           AND ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, ${p.add(row.recordedOn)}::date) NOT IN ('DEPOSITED', 'STATE_PARTY')
         RETURNING *),
       ${event}
       SELECT ${COLUMNS}, ${LIVE_EVENT_COLUMN} FROM written o`,
      p.values,
    );
    if (!written) return null;
    const { __event, ...obstacle } = written;
    return { obstacle, event: liveEvent(__event)! };
  }

  async insert(
    row: Required<Omit<ObstacleFields, 'status' | 'resolvedOn'>> & {
      id: string;
      stateIso3: string;
      recordedById: string;
      organizationId: string;
      mandateId: string | null;
    },
  ): Promise<Obstacle> {
    const rows = await this.db.query<Obstacle[]>(...obstacles.insertReturning(row, OBSTACLE));
    return rows[0];
  }

  update(id: string, expectedVersion: number, changes: ObstacleFields): Promise<Obstacle> {
    return updateVersioned<ObstacleFields, Obstacle>(this.db, UPDATE_SPEC, id, expectedVersion, changes);
  }

  delete(id: string, expectedVersion: number): Promise<void> {
    return deleteVersioned(this.db, UPDATE_SPEC, id, expectedVersion);
  }
}
