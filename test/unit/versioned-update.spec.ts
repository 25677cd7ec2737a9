import type { AppError } from '../../src/common/errors.js';
import { deleteVersioned, updateVersioned } from '../../src/common/versioned-update.js';
import { fakeDb } from '../support/fake-db.js';

async function failure(call: () => Promise<unknown>): Promise<AppError> {
  try {
    await call();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

const spec = {
  table: 'obstacles',
  what: 'Obstacle',
  returning: 'to_jsonb(obstacles)',
  columns: { title: 'title', note: 'note', dueOn: 'due_on' },
};

describe('optimistic locking of updates', () => {
  it('sets the given fields, bumps the version and checks the expected one, in one statement', async () => {
    const { db, sent } = fakeDb([[{ id: 'o1', version: 4 }], 1]);
    const row = await updateVersioned(db, spec, 'o1', 3, { title: 'New', note: null, dueOn: undefined });
    expect(row).toEqual({ id: 'o1', version: 4 });
    expect(sent).toEqual([
      {
        sql: 'UPDATE obstacles SET title = $1, note = $2, version = version + 1, updated_at = now() WHERE id = $3 AND version = $4 RETURNING to_jsonb(obstacles)',
        values: ['New', null, 'o1', 3],
      },
    ]);
  });

  it('updates whatever the version without an expected one, and only bumps it with no field to set', async () => {
    const { db, sent } = fakeDb([[{ id: 'o1', version: 9 }], 1]);
    await updateVersioned(db, spec, 'o1', undefined, {});
    expect(sent).toEqual([
      { sql: 'UPDATE obstacles SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING to_jsonb(obstacles)', values: ['o1'] },
    ]);
  });

  it('ignores input fields that are not columns', async () => {
    const { db, sent } = fakeDb([[{ id: 'o1' }], 1]);
    await updateVersioned(db, spec, 'o1', 0, { title: 'T', version: 99 } as { title?: string });
    expect(sent[0].values).toEqual(['T', 'o1', 0]);
  });

  it('raises CONFLICT with both versions when the row has another version', async () => {
    const { db, sent } = fakeDb([[], 0], [{ version: 5 }]);
    const error = await failure(() => updateVersioned(db, spec, 'o1', 3, { title: 'New' }));
    expect([error.code, error.details]).toEqual(['CONFLICT', { id: 'o1', expectedVersion: 3, actualVersion: 5 }]);
    expect(error.message).toBe(
      'Obstacle "o1" was changed by someone else: you sent version 3, the current version is 5. Reload it and apply your change again.',
    );
    expect(sent[1]).toEqual({ sql: 'SELECT version FROM obstacles WHERE id = $1', values: ['o1'] });
  });

  it('raises NOT_FOUND for an unknown id, with or without an expected version', async () => {
    for (const expected of [2, undefined]) {
      const { db } = fakeDb([[], 0], []);
      const error = await failure(() => updateVersioned(db, spec, 'nope', expected, { title: 'New' }));
      expect([error.code, error.message, error.details]).toEqual(['NOT_FOUND', 'Obstacle "nope" was not found', { id: 'nope' }]);
    }
  });

  it('reads an empty reply from the driver as no row updated', async () => {
    const { db } = fakeDb([], []);
    expect((await failure(() => updateVersioned(db, spec, 'o1', 1, { title: 'New' }))).code).toBe('NOT_FOUND');
  });

  it('reports version 0 as the expected one when none was sent and the row vanished between the statements', async () => {
    const { db } = fakeDb([[], 0], [{ version: 7 }]);
    const error = await failure(() => updateVersioned(db, spec, 'o1', undefined, {}));
    expect(error.details).toEqual({ id: 'o1', expectedVersion: 0, actualVersion: 7 });
  });
});

describe('optimistic locking of deletes', () => {
  const target = { table: 'obstacles', what: 'Obstacle' };

  it('deletes the row with the expected version, or whatever its version without one', async () => {
    const { db, sent } = fakeDb([[], 1], [[], 1]);
    await deleteVersioned(db, target, 'o1', 3);
    await deleteVersioned(db, target, 'o2', undefined);
    expect(sent).toEqual([
      { sql: 'DELETE FROM obstacles WHERE id = $1 AND ($2::int IS NULL OR version = $2)', values: ['o1', 3] },
      { sql: 'DELETE FROM obstacles WHERE id = $1 AND ($2::int IS NULL OR version = $2)', values: ['o2', null] },
    ]);
  });

  it('raises CONFLICT when nothing was deleted and the row has another version, NOT_FOUND when there is no row', async () => {
    const stale = fakeDb([[], 0], [{ version: 6 }]);
    const conflict = await failure(() => deleteVersioned(stale.db, target, 'o1', 2));
    expect([conflict.code, conflict.details]).toEqual(['CONFLICT', { id: 'o1', expectedVersion: 2, actualVersion: 6 }]);
    expect(stale.sent[1]).toEqual({ sql: 'SELECT version FROM obstacles WHERE id = $1', values: ['o1'] });

    const gone = fakeDb([[], 0], []);
    const missing = await failure(() => deleteVersioned(gone.db, target, 'o1', undefined));
    expect([missing.code, missing.details]).toEqual(['NOT_FOUND', { id: 'o1' }]);

    const vanished = fakeDb([[], 0], [{ version: 1 }]);
    expect((await failure(() => deleteVersioned(vanished.db, target, 'o1', undefined))).details).toEqual({
      id: 'o1',
      expectedVersion: 0,
      actualVersion: 1,
    });
  });

  it('counts a reply without a row count as nothing deleted', async () => {
    const { db } = fakeDb({ rowCount: 1 }, []);
    expect((await failure(() => deleteVersioned(db, target, 'o1', 1))).code).toBe('NOT_FOUND');
  });
});
