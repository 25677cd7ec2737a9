import { codes, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';
import { subscribe } from '../support/subscriptions.js';

const READ_AT = '{ activityReadAt }';
const MARK = 'mutation($upTo: DateTime) { markActivityRead(upTo: $upTo) }';

describe('when each user last read the activity feed', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is null until the first visit, then kept for that user only', async () => {
    expect((await t.gql(READ_AT, {}, cast.partner.token)).data.activityReadAt).toBeNull();
    const before = Date.now();
    const marked = await t.gql(MARK, {}, cast.partner.token);
    expect(marked.errors).toBeUndefined();
    const at = Date.parse(marked.data.markActivityRead);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await t.gql(READ_AT, {}, cast.partner.token)).data.activityReadAt).toBe(marked.data.markActivityRead);
    // A new sign-in of the same user finds it; another user has their own.
    const again = await t.login('partner@cmc.example', 'a-long-test-password');
    expect((await t.gql(READ_AT, {}, again)).data.activityReadAt).toBe(marked.data.markActivityRead);
    expect((await t.gql(READ_AT, {}, cast.france.token)).data.activityReadAt).toBeNull();
  });

  it('never moves back, nor past now', async () => {
    const current = (await t.gql(READ_AT, {}, cast.partner.token)).data.activityReadAt;
    const older = await t.gql(MARK, { upTo: '2020-01-01T00:00:00.000Z' }, cast.partner.token);
    expect(older.data.markActivityRead).toBe(current);
    const future = await t.gql(MARK, { upTo: '2999-01-01T00:00:00.000Z' }, cast.partner.token);
    expect(Date.parse(future.data.markActivityRead)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(future.data.markActivityRead)).toBeGreaterThanOrEqual(Date.parse(current));
  });

  it('is not an audited change of the account', async () => {
    await t.gql(MARK, {}, cast.france.token);
    const audit = await t.gql(
      `query($id: String) { auditLog(filter: { entity: "users", entityId: $id }) { edges { node { action } } } }`,
      { id: cast.france.id },
      cast.admin.token,
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data.auditLog.edges.map((e: { node: { action: string } }) => e.node.action)).not.toContain('markActivityRead');
  });

  it('takes an explicit null filter as no filter, in the feed and live, and a writer is not disturbed by it', async () => {
    const feed = await t.gql(
      'query($filter: ActivityFilter) { activityFeed(filter: $filter, first: 5) { totalCount } }',
      { filter: null },
      cast.partner.token,
    );
    expect(feed.errors).toBeUndefined();
    const live = await subscribe(
      t.url,
      cast.partner.token,
      'subscription($filter: ActivityFilter) { activityAdded(filter: $filter) { summary } }',
      { filter: null },
    );
    try {
      const logged = await t.gql(
        'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
        { input: { type: 'LETTER', occurredOn: '2026-11-20', stateIso3s: ['KIR'], subject: 'Shared letter', visibility: 'SHARED' } },
        cast.france.token,
      );
      expect(logged.errors).toBeUndefined();
      const [event] = await live.waitFor(1);
      expect(event.data.activityAdded.summary).toContain('Shared letter');
    } finally {
      await live.close();
    }
  });

  it('needs a signed-in user', async () => {
    expect(codes(await t.gql(READ_AT, {}))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(MARK, {}))).toEqual(['UNAUTHENTICATED']);
  });
});
