import { codes, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const AUDIT = `query($filter: AuditFilter) { auditLog(filter: $filter, first: 200) { totalCount edges { node { at action entity } } } }`;

describe('the audit log between two instants', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_ON_START: 'false' });
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists only the changes at or after `since` and before `before`', async () => {
    const all = (await t.gql(AUDIT, { filter: { entity: 'users' } }, cast.admin.token)).data.auditLog;
    expect(all.totalCount).toBeGreaterThan(1);
    const times = all.edges.map((e: { node: { at: string } }) => e.node.at).sort();
    const middle = times[Math.floor(times.length / 2)];
    const before = (await t.gql(AUDIT, { filter: { entity: 'users', before: middle } }, cast.admin.token)).data.auditLog;
    const since = (await t.gql(AUDIT, { filter: { entity: 'users', since: middle } }, cast.admin.token)).data.auditLog;
    expect(before.edges.every((e: { node: { at: string } }) => e.node.at < middle)).toBe(true);
    expect(since.edges.every((e: { node: { at: string } }) => e.node.at >= middle)).toBe(true);
    expect(before.totalCount + since.totalCount).toBe(all.totalCount);
    expect(before.totalCount).toBeGreaterThan(0);
    const none = (await t.gql(AUDIT, { filter: { entity: 'users', since: middle, before: middle } }, cast.admin.token)).data.auditLog;
    expect(none.totalCount).toBe(0);
  });

  it('is for admins only', async () => {
    expect(codes(await t.gql(AUDIT, { filter: { before: new Date().toISOString() } }, cast.france.token))).toEqual(['FORBIDDEN']);
  });
});
