import { randomUUID } from 'node:crypto';
import { LocalActivityBus } from '../../src/activity/activity-bus.js';
import type { ActivityEventRow } from '../../src/activity/activity.repository.js';
import { ActivityRepository } from '../../src/activity/activity.repository.js';
import { ActivityKind, OrganizationKind } from '../../src/common/enums.js';
import { Db } from '../../src/database/db.js';
import { Writes } from '../../src/database/writes.js';
import { OrganizationsRepository } from '../../src/organizations/organizations.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * A write's transaction reaches the repositories through the async context: every statement sent
 * while Writes.run's work runs is part of it, and none sent outside it is.
 */
describe('the transaction of a write, in the async context', () => {
  let database: TestDatabase;
  let db: Db;
  let writes: Writes;
  let organizations: OrganizationsRepository;
  let published: ActivityEventRow[];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Db(database.dataSource);
    const bus = new LocalActivityBus();
    bus.subscribe((event) => published.push(event));
    writes = new Writes(database.dataSource, new ActivityRepository(db), bus);
    organizations = new OrganizationsRepository(db);
  });

  afterAll(() => database?.dispose());

  beforeEach(() => {
    published = [];
  });

  const organization = (name: string) => ({ id: randomUUID(), name, kind: OrganizationKind.CIVIL_SOCIETY });
  const actionSeen = async () =>
    (await db.query<{ action: string | null }[]>(`SELECT nullif(current_setting('ratify.action', true), '') AS action`))[0].action;

  it("runs a repository's statements inside Writes.run in the write's transaction", async () => {
    const seen = await writes.run(null, 'contextTest', async () => {
      await organizations.insert(organization('Written inside'));
      // The action is set for the transaction only (set_config(…, true)): seen only on its connection.
      return { action: await actionSeen(), found: await organizations.byName('Written inside') };
    });
    expect(seen.action).toBe('contextTest');
    expect(seen.found?.name).toBe('Written inside');
    expect(await organizations.byName('Written inside')).not.toBeNull();
  });

  it('rolls back what the repositories wrote when the work throws later, events included', async () => {
    const failing = writes.run(null, 'contextTest', async ({ emit }) => {
      await organizations.insert(organization('Rolled back'));
      await emit({ kind: ActivityKind.SPREADSHEET_IMPORTED, stateIso3s: [], summary: 'never committed' });
      throw new Error('later failure');
    });
    await expect(failing).rejects.toThrow('later failure');
    expect(await organizations.byName('Rolled back')).toBeNull();
    expect(await db.query<unknown[]>(`SELECT 1 FROM activity_events WHERE summary = 'never committed'`)).toEqual([]);
    expect(published).toEqual([]);
  });

  it('runs statements outside a write on the pool, each its own transaction', async () => {
    expect(await actionSeen()).toBeNull();
    await writes.run(null, 'contextTest', () => organizations.insert(organization('Before')));
    // Once the write has returned, its transaction is no longer the context's.
    expect(await actionSeen()).toBeNull();
    await organizations.insert(organization('Outside'));
    expect(await organizations.byName('Outside')).not.toBeNull();
  });

  it('joins a write started inside another: one transaction, rolled back as a whole', async () => {
    const failing = writes.run(null, 'outerWrite', async () => {
      const inner = await writes.run(null, 'innerWrite', async () => {
        await organizations.insert(organization('Inner'));
        return actionSeen();
      });
      expect(inner).toBe('outerWrite');
      throw new Error('outer failure');
    });
    await expect(failing).rejects.toThrow('outer failure');
    expect(await organizations.byName('Inner')).toBeNull();
  });

  it('keeps concurrent writes apart: each statement runs in the transaction of its own write', async () => {
    const write = (action: string) =>
      writes.run(null, action, async () => {
        const seen: (string | null)[] = [];
        for (let i = 0; i < 3; i++) {
          seen.push(await actionSeen());
          await new Promise((resolve) => setImmediate(resolve));
        }
        return seen;
      });
    const [first, second] = await Promise.all([write('firstWrite'), write('secondWrite')]);
    expect(first).toEqual(['firstWrite', 'firstWrite', 'firstWrite']);
    expect(second).toEqual(['secondWrite', 'secondWrite', 'secondWrite']);
  });
});
