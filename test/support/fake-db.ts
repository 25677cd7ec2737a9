import type { Queryable } from '../../src/common/sql.js';

/** A database that answers each statement with the next of `replies`, and records what it was sent (whitespace collapsed). */
export function fakeDb(...replies: unknown[]) {
  const sent: { sql: string; values: unknown[] | undefined }[] = [];
  const db: Queryable = {
    query(sql: string, values?: unknown[]) {
      sent.push({ sql: sql.replace(/\s+/g, ' ').trim(), values });
      return Promise.resolve(replies.shift() as never);
    },
  };
  return { db, sent };
}
