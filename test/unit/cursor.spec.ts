import type { AppError } from '../../src/common/errors.js';
import { decodeCursor, encodeCursor, toConnection, toPage, type CursorPart } from '../../src/common/paging/cursor.js';
import { DEFAULT_PAGE_SIZE } from '../../src/common/paging/page.js';

const UUID = '0b5c8a52-6a0f-4d0e-9a57-3c1c2b4d5e6f';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(cursor: string, shape: readonly CursorPart[]): AppError {
  try {
    decodeCursor(cursor, shape);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`expected ${cursor} to be refused`);
}

describe('the cursor codec', () => {
  it('encodes a sort key as base64url JSON and decodes it back', () => {
    const key = ['Côte d’Ivoire', 12.5, '2024-02-29', UUID, '2026-01-02T03:04:05.123456Z'];
    const cursor = encodeCursor(key);
    expect(cursor).toBe(Buffer.from(JSON.stringify(key), 'utf8').toString('base64url'));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['text', 'number', 'date', 'uuid', 'timestamp'])).toEqual(key);
  });

  it.each<[string, CursorPart, unknown]>([
    ['a number for text', 'text', 1],
    ['null for text', 'text', null],
    ['text for a number', 'number', '1'],
    ['an infinite number', 'number', 1e999],
    ['a date that does not exist', 'date', '2023-02-29'],
    ['a number for a date', 'date', 20230101],
    ['a timestamp for a date', 'date', '2023-01-01T00:00:00.000000Z'],
    ['something else for a uuid', 'uuid', 'not-a-uuid'],
    ['a number for a uuid', 'uuid', 7],
    ['a timestamp without microseconds', 'timestamp', '2026-01-02T03:04:05.123Z'],
    ['a timestamp with text after it', 'timestamp', '2026-01-02T03:04:05.123456Z!'],
    ['a timestamp with text before it', 'timestamp', 'x2026-01-02T03:04:05.123456Z'],
    ['a number for a timestamp', 'timestamp', 0],
    // Lists whose text would pass the pattern.
    ['a list for a date', 'date', ['2024-02-29']],
    ['a list for a uuid', 'uuid', [UUID]],
    ['a list for a timestamp', 'timestamp', ['2026-01-02T03:04:05.123456Z']],
  ])('refuses %s', (_, part, value) => {
    const error = refusal(raw([value]), [part]);
    expect(error.code).toBe('BAD_USER_INPUT');
  });

  it('accepts every kind of part at its edge', () => {
    expect(decodeCursor(raw(['']), ['text'])).toEqual(['']);
    expect(decodeCursor(raw([-0.5]), ['number'])).toEqual([-0.5]);
    expect(decodeCursor(raw(['2024-02-29']), ['date'])).toEqual(['2024-02-29']);
    expect(decodeCursor(raw([UUID.toUpperCase()]), ['uuid'])).toEqual([UUID.toUpperCase()]);
    expect(decodeCursor(raw(['1999-12-31T23:59:59.000000Z']), ['timestamp'])).toEqual(['1999-12-31T23:59:59.000000Z']);
  });

  it('refuses a key of another length or shape, something not JSON, and says which cursor', () => {
    for (const cursor of [raw(['a', 'b']), raw([]), raw('a'), raw({ 0: 'a', length: 1 }), 'not base64 json', raw(['a']).slice(2)]) {
      const error = refusal(cursor, ['text']);
      expect([error.code, error.message, error.details]).toEqual([
        'BAD_USER_INPUT',
        `"${cursor.slice(0, 60)}" is not a valid cursor: pass the endCursor of a previous page`,
        { after: cursor },
      ]);
    }
    const long = raw(['x'.repeat(100)]);
    expect(refusal(long, ['number']).message).toBe(`"${long.slice(0, 60)}" is not a valid cursor: pass the endCursor of a previous page`);
    // JSON reads 1e999 as Infinity, which no sort key holds.
    expect(refusal(Buffer.from('[1e999]').toString('base64url'), ['number']).code).toBe('BAD_USER_INPUT');
    // Every part is checked, not only the first.
    expect(refusal(raw(['a', 'b']), ['text', 'number']).code).toBe('BAD_USER_INPUT');
    // A part checked against the wrong position's kind.
    expect(refusal(raw([1, 'a']), ['text', 'number']).code).toBe('BAD_USER_INPUT');
    expect(decodeCursor(raw(['a', 1]), ['text', 'number'])).toEqual(['a', 1]);
  });
});

describe('pages', () => {
  it('reads the page size (50 by default) and the key after which it starts', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(50);
    expect(toPage({}, ['text'])).toEqual({ first: 50, after: undefined, withTotal: true });
    expect(toPage({ first: 3, after: encodeCursor(['m']) }, ['text'])).toEqual({ first: 3, after: ['m'], withTotal: true });
    expect(toPage({ after: '' }, ['text'])).toEqual({ first: 50, after: undefined, withTotal: true });
    expect(() => toPage({ after: raw([1]) }, ['text'])).toThrow('is not a valid cursor');
  });

  it('counts the total only when its reader asks for it', () => {
    expect(toPage({}, ['text'], false).withTotal).toBe(false);
    expect(toPage({}, ['text'], true).withTotal).toBe(true);
  });

  it('makes a connection of the rows, the extra row saying that there is a next page', () => {
    const rows = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
    const key = (row: { name: string }) => [row.name];
    expect(toConnection(rows, 2, 7, key)).toEqual({
      edges: [
        { node: rows[0], cursor: encodeCursor(['a']) },
        { node: rows[1], cursor: encodeCursor(['b']) },
      ],
      pageInfo: { hasNextPage: true, endCursor: encodeCursor(['b']) },
      totalCount: 7,
    });
    expect(toConnection(rows, 3, null, key)).toEqual({
      edges: rows.map((node) => ({ node, cursor: encodeCursor([node.name]) })),
      pageInfo: { hasNextPage: false, endCursor: encodeCursor(['c']) },
      totalCount: null,
    });
    expect(toConnection([], 3, 0, key)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });
});
