import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ObstacleCategory, ObstacleStatus } from '../common/enums.js';
import type { Page } from '../common/pagination.js';
import { pagedSql, splitPage, SqlParams, withTimestamps, type Queryable } from '../common/sql.js';
import { JsonProjection } from '../common/json-projection.js';
import { updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import type { Obstacle } from './obstacle.model.js';

/** An obstacle's columns (alias `o`), as every read of one returns them. */
export const OBSTACLE_COLUMNS = `o.id, o.state_iso3 AS "stateIso3", o.category, o.description, o.measures, o.status,
  o.recorded_on AS "recordedOn", o.resolved_on AS "resolvedOn", o.recorded_by AS "recordedById", o.version,
  o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

const COLUMNS = OBSTACLE_COLUMNS;
const RETURNING = COLUMNS.replace(/\bo\./g, '');

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
    createdAt: epochMs('o.created_at'),
    updatedAt: epochMs('o.updated_at'),
  },
  // ObstaclesResolver's fields, and the timestamps, which obstaclesFromJson reads together.
  { state: ['stateIso3'], recordedBy: ['recordedById'], createdAt: ['createdAt', 'updatedAt'], updatedAt: ['createdAt', 'updatedAt'] },
  ['id', 'status'],
);

export type ObstacleProperty = keyof Obstacle;

/**
 * A SQL expression: the obstacles of the State whose code is `iso3` (an SQL expression) as a JSON
 * array, in the order `byStates` lists them (open first, then the newest recordedOn), each with
 * these properties (default: all). Read it with `obstaclesFromJson`.
 */
export function stateObstaclesJson(iso3: string, properties?: readonly ObstacleProperty[]): string {
  return `(SELECT coalesce(json_agg(${OBSTACLE_JSON.object(properties)} ORDER BY o.status = 'ADDRESSED', o.recorded_on DESC, o.id), '[]')
           FROM obstacles o WHERE o.state_iso3 = ${iso3})`;
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
  category?: ObstacleCategory;
  description?: string;
  measures?: string | null;
  recordedOn?: string;
  status?: ObstacleStatus;
  resolvedOn?: string | null;
}

const UPDATE_SPEC = {
  table: 'obstacles',
  what: 'Obstacle',
  returning: RETURNING,
  columns: {
    category: 'category',
    description: 'description',
    measures: 'measures',
    recordedOn: 'recorded_on',
    status: 'status',
    resolvedOn: 'resolved_on',
  } satisfies ColumnMap<ObstacleFields>,
};

export interface ObstacleQuery {
  stateIso3s?: string[];
  statuses?: ObstacleStatus[];
  categories?: ObstacleCategory[];
}

/** Newest recordedOn first, ties by id. */
export const obstacleSortKey = (row: Obstacle) => [row.recordedOn, row.id];
export const OBSTACLE_CURSOR = ['date', 'uuid'] as const;

@Injectable()
export class ObstaclesRepository {
  constructor(private readonly db: DataSource) {}

  async byId(id: string, db: Queryable = this.db): Promise<Obstacle | null> {
    const rows = await db.query(`SELECT ${COLUMNS} FROM obstacles o WHERE o.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Every obstacle of several States: each State's open ones first, then the newest. */
  byStates(iso3s: readonly string[]): Promise<Obstacle[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM obstacles o WHERE o.state_iso3 = ANY($1::char(3)[])
       ORDER BY o.state_iso3, o.status = 'ADDRESSED', o.recorded_on DESC, o.id`,
      [iso3s],
    );
  }

  async page(query: ObstacleQuery, page: Page): Promise<{ rows: Obstacle[]; total: number | null }> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.stateIso3s) where.push(`o.state_iso3 = ANY(${p.add(query.stateIso3s)}::char(3)[])`);
    if (query.statuses) where.push(`o.status = ANY(${p.add(query.statuses)}::obstacle_status[])`);
    if (query.categories) where.push(`o.category = ANY(${p.add(query.categories)}::obstacle_category[])`);
    const filtered = `SELECT ${COLUMNS} FROM obstacles o ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    let cursor: string | null = null;
    if (page.after) {
      const [on, id] = [p.add(page.after[0]), p.add(page.after[1])];
      cursor = `("recordedOn" < ${on}::date OR ("recordedOn" = ${on}::date AND id > ${id}::uuid))`;
    }
    const rows = await this.db.query(pagedSql(filtered, cursor, '"recordedOn" DESC, id', page), p.values);
    return splitPage<Obstacle>(rows, 'id');
  }

  async insert(
    row: Required<Omit<ObstacleFields, 'status' | 'resolvedOn'>> & { id: string; stateIso3: string; recordedById: string },
    db: Queryable,
  ): Promise<Obstacle> {
    const rows = await db.query(
      `INSERT INTO obstacles (id, state_iso3, category, description, measures, recorded_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${RETURNING}`,
      [row.id, row.stateIso3, row.category, row.description, row.measures, row.recordedOn, row.recordedById],
    );
    return rows[0];
  }

  update(id: string, expectedVersion: number, changes: ObstacleFields, db: Queryable): Promise<Obstacle> {
    return updateVersioned<ObstacleFields, Obstacle>(db, UPDATE_SPEC, id, expectedVersion, changes);
  }
}
