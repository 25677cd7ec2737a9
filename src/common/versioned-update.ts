import { conflict, notFound } from './errors.js';
import { affectedRows, SqlParams, type Queryable } from './sql.js';

/** Maps input field names to their columns, for partial updates. */
export type ColumnMap<T> = { [K in keyof T]?: string };

/**
 * Optimistic concurrency in one statement: `UPDATE ... WHERE id = $id AND version = $expected`.
 * A stale version changes nothing and raises CONFLICT; an unknown id raises NOT_FOUND.
 * Without an expected version the row is updated whatever its version.
 * Fields left undefined are not touched; null clears a column.
 */
export async function updateVersioned<T extends object, R>(
  db: Queryable,
  spec: { table: string; what: string; returning: string; columns: ColumnMap<T> },
  id: string,
  expectedVersion: number | undefined,
  changes: T,
): Promise<R> {
  const p = new SqlParams();
  const sets = Object.entries<string | undefined>(spec.columns)
    .filter(([field]) => (changes as Record<string, unknown>)[field] !== undefined)
    .map(([field, column]) => `${column} = ${p.add((changes as Record<string, unknown>)[field])}`);
  const where = [`id = ${p.add(id)}`];
  if (expectedVersion !== undefined) where.push(`version = ${p.add(expectedVersion)}`);
  const rows = await db.query<[R[], number]>(
    `UPDATE ${spec.table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE ${where.join(' AND ')} RETURNING ${spec.returning}`,
    p.values,
  );
  const updated = rows[0]?.[0];
  if (updated) return updated;
  throw await missingOrStale(db, spec, id, expectedVersion ?? 0);
}

/** Deletes a row, checking its version when one is given. */
export async function deleteVersioned(
  db: Queryable,
  spec: { table: string; what: string },
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const result = await db.query(`DELETE FROM ${spec.table} WHERE id = $1 AND ($2::int IS NULL OR version = $2)`, [
    id,
    expectedVersion ?? null,
  ]);
  if (affectedRows(result) === 0) throw await missingOrStale(db, spec, id, expectedVersion ?? 0);
}

async function missingOrStale(db: Queryable, spec: { table: string; what: string }, id: string, expected: number) {
  const current = await db.query<VersionRow[]>(`SELECT version FROM ${spec.table} WHERE id = $1`, [id]);
  return current.length ? conflict(spec.what, id, expected, current[0].version) : notFound(spec.what, id);
}

/** A row's version, read to tell a stale version from a missing row. */
interface VersionRow {
  version: number;
}
