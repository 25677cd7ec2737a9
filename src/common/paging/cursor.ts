import { isIsoDate } from '../dates.js';
import { badInput } from '../errors.js';
import { isUuid } from '../ids.js';
import type { Connection } from './connection.js';
import { DEFAULT_PAGE_SIZE, type Page, type PageArgs } from './page.js';

/** What each part of a list's sort key is, so that a cursor from another list is refused. */
export type CursorPart = 'text' | 'number' | 'date' | 'uuid' | 'timestamp';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  date: (value) => typeof value === 'string' && isIsoDate(value),
  uuid: (value) => typeof value === 'string' && isUuid(value),
  timestamp: (value) => typeof value === 'string' && TIMESTAMP.test(value),
};

/** The page the arguments ask for, its cursor decoded for a list sorted by a key of this shape. */
export function toPage(args: PageArgs, shape: readonly CursorPart[], withTotal = true): Page {
  return {
    first: args.first ?? DEFAULT_PAGE_SIZE,
    after: args.after ? decodeCursor(args.after, shape) : undefined,
    withTotal,
  };
}

/** Cursors are opaque to clients: the row's sort key, as base64url JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly CursorPart[]): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && shape.every((part, i) => PART_CHECKS[part](key[i]))) {
      return key;
    }
  } catch {
    // fall through
  }
  throw badInput(`"${cursor.slice(0, 60)}" is not a valid cursor: pass the endCursor of a previous page`, { after: cursor });
}

/** A connection of rows fetched with `LIMIT first + 1`: the extra row only says whether there is a next page. */
export function toConnection<T>(rows: T[], first: number, totalCount: number | null, sortKey: (row: T) => unknown[]): Connection<T> {
  const hasNextPage = rows.length > first;
  const edges = (hasNextPage ? rows.slice(0, first) : rows).map((node) => ({ node, cursor: encodeCursor(sortKey(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}

/** What a list's repository answers for a page: one row more than asked when there is a next page. */
export interface PageRows<T> {
  rows: T[];
  total: number | null;
}

/**
 * A page of a list, as a Connection: the page the arguments ask for (its cursor decoded for a key
 * of this shape), read by `read`, each row's cursor made from its sort key.
 */
export async function pageOf<T>(
  args: PageArgs,
  shape: readonly CursorPart[],
  sortKey: (row: T) => unknown[],
  read: (page: Page) => Promise<PageRows<T>>,
  withTotal = true,
): Promise<Connection<T>> {
  const page = toPage(args, shape, withTotal);
  const { rows, total } = await read(page);
  return toConnection(rows, page.first, total, sortKey);
}
