import type { EntityManager } from 'typeorm';

export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** What an upsert wrote, as `countUpsert` counts it. */
interface UpsertCountRow {
  inserted: number;
  updated: number;
}

/**
 * Runs an `INSERT ... ON CONFLICT DO UPDATE ... WHERE <changed>` and counts the rows it
 * inserted and updated. A row the upsert inserted has xmax = 0; rows the WHERE clause
 * left alone are not returned at all.
 */
export async function countUpsert(manager: EntityManager, upsert: string, parameters: unknown[], total: number): Promise<TableCounts> {
  const [row] = await manager.query<UpsertCountRow[]>(
    `WITH written AS (${upsert} RETURNING (xmax = 0) AS inserted)
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
            count(*) FILTER (WHERE NOT inserted)::int AS updated
       FROM written`,
    parameters,
  );
  return { inserted: row.inserted, updated: row.updated, unchanged: total - row.inserted - row.updated, deleted: 0 };
}
