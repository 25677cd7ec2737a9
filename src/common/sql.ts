import type { Page } from './paging/page.js';

/** Anything that runs SQL: Db (see database/db.ts), the DataSource, or a transaction's EntityManager. */
export interface Queryable {
  query<T>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** Collects positional parameters while a statement is composed: `where.push(\`x = ${p.add(v)}\`)`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The number of rows an UPDATE or DELETE run through TypeORM's `query()` touched. */
export function affectedRows(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/**
 * A page's LIMIT: its size and one more row, which says whether there is a next page. It is written
 * into the statement rather than passed as a parameter, so that the prepared statement's generic
 * plan knows how many rows it reads: PostgreSQL then reuses that plan instead of planning again on
 * every execution (with `LIMIT $n` it assumes a tenth of the rows, judges the generic plan dearer and
 * plans each time). A statement per page size in use, at most MAX_PAGE_SIZE of them.
 */
export function pageLimit(page: Page): string {
  const limit = page.first + 1;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`not a page size: ${page.first}`);
  return String(limit);
}

/**
 * One statement for a page, and its total when `page.withTotal`: `filtered` is the SELECT of every
 * matching row, `cursor` a condition on its columns (rows after the previous page), `order` its
 * ORDER BY, on columns that an index can serve. Without the total, the page is read in index order
 * and stops at the limit; counting reads every matching row, so it is done only when asked for.
 * Always returns at least one row, so the total arrives even when the page is empty. `extra`
 * columns are computed for the rows of the page only (as `p`), such as related rows read along.
 */
export function pagedSql(filtered: string, cursor: string | null, order: string, page: Page, extra: string[] = []): string {
  const rows = `SELECT * FROM (${filtered}) f ${cursor ? `WHERE ${cursor}` : ''} ORDER BY ${order} LIMIT ${pageLimit(page)}`;
  const columns = ['p.*', ...extra].join(', ');
  if (!page.withTotal) return `SELECT NULL AS "__total", ${columns} FROM (SELECT true) t LEFT JOIN (${rows}) p ON true ORDER BY ${order}`;
  return `SELECT t."__total", ${columns} FROM (SELECT count(*) AS "__total" FROM (${filtered}) c) t LEFT JOIN (${rows}) p ON true ORDER BY ${order}`;
}

/** A row of a `pagedSql` statement: a row of the page (its columns null on the row of an empty page), with the total. */
export type PagedRow<T> = T & { __total: number | null };

/**
 * Splits the rows of a `pagedSql` statement into the page and the total (null when not counted).
 * The rows keep their `__total` (GraphQL serves only the fields it is asked for): copying each row
 * without it cost more than reading it.
 */
export function splitPage<T>(rows: PagedRow<T>[], key: keyof T): { rows: T[]; total: number | null } {
  const total = rows[0] ? rows[0].__total : 0;
  return { rows: rows.filter((row) => row[key] !== null), total };
}

/**
 * A row read as JSON (to_json, json_agg) as a row read by the driver has it: its `createdAt` and
 * `updatedAt` (JSON text or epoch milliseconds) as Dates. Changes the row in place.
 */
export function withTimestamps<T extends { createdAt: Date; updatedAt: Date }>(row: T): T {
  row.createdAt = new Date(row.createdAt);
  row.updatedAt = new Date(row.updatedAt);
  return row;
}

/**
 * The first CTE of a write that is one statement: names its actor and action for the audit triggers
 * (which run at the statement's end, inside its own transaction). Read it (`FROM actor`) so that it runs.
 */
export function actorCte(actorId: string | null, action: string, p: SqlParams): string {
  return `actor AS (SELECT set_config('ratify.actor_id', ${p.add(actorId ?? '')}::text, true) AS actor_id, set_config('ratify.action', ${p.add(action)}::text, true) AS action)`;
}
