import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';
import { subscribe } from '../support/subscriptions.js';

const FEED = `query($filter: ActivityFilter, $first: Int, $after: String) {
  activityFeed(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind summary occurredAt actor { id } organization { name } states { iso3 } interaction { id subject } } }
  }
}`;

const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version visibility } }';
const ADDED =
  'subscription($filter: ActivityFilter) { activityAdded(filter: $filter) { kind summary states { iso3 } interaction { subject } } }';

describe('sharing with partners', () => {
  let t: TestApp;
  let cast: Cast;
  const subjects = { org: 'France only: internal assessment', coord: 'Coordinators: briefing', shared: 'Shared: regional workshop' };
  const ids: Record<string, string> = {};

  const feed = async (token: string, filter: Record<string, unknown> = {}) =>
    ok(await t.gql(FEED, { filter, first: 200 }, token)).activityFeed as { totalCount: number; edges: { node: any }[] };
  const summaries = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node.summary);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    for (const [key, visibility] of [
      ['org', 'ORGANIZATION'],
      ['coord', 'COORDINATORS'],
      ['shared', 'SHARED'],
    ] as const) {
      const input = { type: 'BILATERAL_MEETING', occurredOn: '2026-11-02', subject: subjects[key], visibility, stateIso3s: ['KIR'] };
      ids[key] = ok(await t.gql(LOG, { input }, cast.france.token)).logInteraction.id;
    }
    ok(
      await t.gql(
        'mutation { setRatificationStage(iso3: "KIR", stage: ENGAGED, note: "Open to joining") { version } }',
        {},
        cast.france.token,
      ),
    );
    ok(
      await t.gql(
        'mutation { recordObstacle(input: { stateIso3: "KIR", category: TECHNICAL, description: "Stockpile survey" }) { id } }',
        {},
        cast.france.token,
      ),
    );
    ok(
      await t.gql(
        'mutation { createContact(input: { fullName: "Ambassador of Kiribati", stateIso3: "KIR" }) { id } }',
        {},
        cast.france.token,
      ),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the activity feed', () => {
    it('shows each viewer only the events whose subject it may see', async () => {
      const facts = [
        'Kiribati moved from NOT_ENGAGED to ENGAGED: Open to joining',
        'Technical obstacle recorded for Kiribati',
        'Contact added for Kiribati: Ambassador of Kiribati',
      ];
      const about = (subject: string) => `Bilateral meeting with Kiribati: ${subject}`;
      expect(summaries(await feed(cast.france.token)).sort()).toEqual(
        [...facts, about(subjects.org), about(subjects.coord), about(subjects.shared)].sort(),
      );
      for (const token of [cast.panama.token, cast.admin.token]) {
        expect(summaries(await feed(token)).sort()).toEqual([...facts, about(subjects.coord), about(subjects.shared)].sort());
      }
      // The stage note and the obstacle are COORDINATORS (their default): a partner sees the move only.
      const partner = await feed(cast.partner.token);
      const partnerFacts = ['Kiribati moved from NOT_ENGAGED to ENGAGED', 'Contact added for Kiribati: Ambassador of Kiribati'];
      expect(summaries(partner).sort()).toEqual([...partnerFacts, about(subjects.shared)].sort());
      expect(partner.totalCount).toBe(3);
    });

    it('names the actor, the organization, the States and the interaction, newest first', async () => {
      const { edges } = await feed(cast.partner.token);
      const times = edges.map((e) => Date.parse(e.node.occurredAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const shared = edges.find((e) => e.node.kind === 'INTERACTION_LOGGED')!.node;
      expect(shared).toMatchObject({
        actor: { id: cast.france.id },
        organization: { name: 'France' },
        states: [{ iso3: 'KIR' }],
        interaction: { id: ids.shared, subject: subjects.shared },
      });
    });

    it('filters by kind, State, region, interaction type and time, and pages back', async () => {
      expect((await feed(cast.france.token, { kinds: ['STAGE_CHANGED'] })).totalCount).toBe(1);
      expect((await feed(cast.france.token, { stateIso3s: ['TUV'] })).totalCount).toBe(0);
      expect((await feed(cast.france.token, { regionalGroups: ['ASIA_PACIFIC'] })).totalCount).toBe(6);
      expect((await feed(cast.france.token, { regionalGroups: ['AFRICAN'] })).totalCount).toBe(0);
      expect((await feed(cast.france.token, { interactionTypes: ['BILATERAL_MEETING'] })).totalCount).toBe(3);
      expect((await feed(cast.france.token, { since: new Date(Date.now() + 60_000).toISOString() })).totalCount).toBe(0);
      const all = summaries(await feed(cast.france.token));
      const walked: string[] = [];
      let after: string | null = null;
      do {
        const page: any = ok(await t.gql(FEED, { first: 4, after }, cast.france.token)).activityFeed;
        walked.push(...summaries(page));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(walked).toEqual(all);
    });

    it('hides the events about an interaction once it is no longer shared, and audits the change', async () => {
      const current = ok(await t.gql(`{ interaction(id: "${ids.shared}") { version } }`, {}, cast.france.token)).interaction;
      ok(
        await t.gql(
          'mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { version } }',
          { id: ids.shared, input: { expectedVersion: current.version, visibility: 'ORGANIZATION' } },
          cast.france.token,
        ),
      );
      const partner = summaries(await feed(cast.partner.token));
      expect(partner.some((s: string) => s.includes(subjects.shared))).toBe(false);
      const audit = ok(
        await t.gql(
          `{ auditLog(filter: { entity: "interactions", entityId: "${ids.shared}" }) { edges { node { action actor { email } before after } } } }`,
          {},
          cast.admin.token,
        ),
      ).auditLog.edges.map((e: any) => e.node);
      const change = audit.find((entry: any) => entry.action === 'updateInteraction');
      expect(change.actor.email).toBe('coordinator@france.example');
      expect([change.before.visibility, change.after.visibility]).toEqual(['SHARED', 'ORGANIZATION']);
      expect(audit.find((entry: any) => entry.action === 'logInteraction').before).toBeNull();
    });
  });

  describe('partners', () => {
    it('log their own interactions, always shared, and coordinators see them', async () => {
      const input = { type: 'BILATERAL_MEETING', occurredOn: '2026-11-10', subject: 'CMC met the ministry', stateIso3s: ['TUV'] };
      const logged = ok(await t.gql(LOG, { input }, cast.partner.token)).logInteraction;
      expect(logged.visibility).toBe('SHARED');
      expect(codes(await t.gql(LOG, { input: { ...input, visibility: 'ORGANIZATION' } }, cast.partner.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(LOG, { input: { ...input, visibility: 'COORDINATORS' } }, cast.partner.token))).toEqual(['BAD_USER_INPUT']);
      const seen = ok(
        await t.gql(`{ interaction(id: "${logged.id}") { subject organization { name } } }`, {}, cast.panama.token),
      ).interaction;
      expect(seen).toEqual({ subject: 'CMC met the ministry', organization: { name: 'Cluster Munition Coalition' } });
      const update = await t.gql(
        'mutation($id: ID!) { updateInteraction(id: $id, input: { expectedVersion: 1, subject: "Changed" }) { id } }',
        { id: logged.id },
        cast.partner.token,
      );
      expect(codes(update)).toEqual(['FORBIDDEN']);
    });
  });

  describe('live activity over graphql-ws', () => {
    it('delivers new events within a second, per subscriber visibility and filter', async () => {
      const france = await subscribe(t.url, cast.france.token, ADDED);
      const partner = await subscribe(t.url, cast.partner.token, ADDED);
      const onlyFiji = await subscribe(t.url, cast.panama.token, ADDED, { filter: { stateIso3s: ['FJI'] } });
      try {
        const started = Date.now();
        const log = (subject: string, visibility: string, iso3: string) =>
          t.gql(
            LOG,
            { input: { type: 'PHONE_CALL', occurredOn: '2026-11-20', subject, visibility, stateIso3s: [iso3] } },
            cast.france.token,
          );
        ok(await log('Confidential call', 'ORGANIZATION', 'TON'));
        ok(await log('Shared call', 'SHARED', 'FJI'));
        await france.waitFor(2, 1000);
        await partner.waitFor(1, 1000);
        await onlyFiji.waitFor(1, 1000);
        expect(Date.now() - started).toBeLessThan(1500);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(france.received.map((r) => r.data.activityAdded.interaction.subject)).toEqual(['Confidential call', 'Shared call']);
        expect(partner.received.map((r) => r.data.activityAdded.interaction.subject)).toEqual(['Shared call']);
        expect(onlyFiji.received.map((r) => r.data.activityAdded.states)).toEqual([[{ iso3: 'FJI' }]]);
      } finally {
        await Promise.all([france.close(), partner.close(), onlyFiji.close()]);
      }
    });

    it('refuses a connection without a valid token', async () => {
      await expect(subscribe(t.url, 'not-a-token', ADDED)).rejects.toThrow('closed: 4403');
    });
  });

  describe('the audit trail', () => {
    it('is for admins only', async () => {
      for (const token of [cast.france.token, cast.partner.token]) {
        expect(codes(await t.gql('{ auditLog { totalCount } }', {}, token))).toEqual(['FORBIDDEN']);
      }
    });

    it('records every write with its actor, never a password hash, and nothing for a write that failed', async () => {
      const count = async () =>
        ok(await t.gql('{ auditLog(first: 1) { totalCount } activityFeed(first: 1) { totalCount } }', {}, cast.admin.token));
      const before = await count();
      const failed = await t.gql(
        LOG,
        { input: { type: 'LETTER', occurredOn: '2026-11-20', subject: 'Nowhere', stateIso3s: ['ZZZ'] } },
        cast.france.token,
      );
      expect(codes(failed)).toEqual(['NOT_FOUND']);
      expect(await count()).toEqual(before);

      const users = ok(
        await t.gql(
          '{ auditLog(filter: { entity: "users" }, first: 200) { edges { node { action actor { email } after } } } }',
          {},
          cast.admin.token,
        ),
      );
      const created = users.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.action === 'createUser');
      expect(created).toHaveLength(3);
      for (const entry of created) {
        expect(entry.actor.email).toBe('admin@example.org');
        expect(JSON.stringify(entry.after)).not.toMatch(/password|argon2/i);
      }
    });
  });

  describe('accounts', () => {
    it('a disabled user loses access at the next request, and regains it when enabled', async () => {
      const me = '{ me { email } }';
      expect(ok(await t.gql(me, {}, cast.panama.token)).me.email).toBe('coordinator@panama.example');
      const disabled = ok(await t.gql(`mutation { disableUser(id: "${cast.panama.id}") { disabled } }`, {}, cast.admin.token));
      expect(disabled.disableUser.disabled).toBe(true);
      expect(codes(await t.gql(me, {}, cast.panama.token))).toEqual(['UNAUTHENTICATED']);
      expect(
        codes(await t.gql('mutation { login(email: "coordinator@panama.example", password: "a-long-test-password") { token } }')),
      ).toEqual(['UNAUTHENTICATED']);
      ok(await t.gql(`mutation { enableUser(id: "${cast.panama.id}") { disabled } }`, {}, cast.admin.token));
      expect(ok(await t.gql(me, {}, cast.panama.token)).me.email).toBe('coordinator@panama.example');
      expect(codes(await t.gql(`mutation { disableUser(id: "${cast.admin.id}") { id } }`, {}, cast.admin.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(codes(await t.gql(`mutation { disableUser(id: "${cast.panama.id}") { id } }`, {}, cast.france.token))).toEqual(['FORBIDDEN']);
    });
  });

  describe('no lost updates', () => {
    it('lets exactly one of two concurrent updates from the same version win, 50 times over', async () => {
      const created = ok(
        await t.gql('mutation { createContact(input: { fullName: "Contested Contact" }) { id version } }', {}, cast.france.token),
      );
      const update = (version: number, notes: string) =>
        t.gql(
          'mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { version } }',
          { id: created.createContact.id, input: { expectedVersion: version, notes } },
          cast.france.token,
        );
      let version = created.createContact.version;
      const outcomes: string[] = [];
      for (let pair = 0; pair < 50; pair++) {
        const results = await Promise.all([update(version, `A${pair}`), update(version, `B${pair}`)]);
        outcomes.push(...results.map((r) => (r.errors ? r.errors[0].extensions!.code! : 'OK')));
        version += 1;
      }
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(50);
      expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(50);
      const final = ok(await t.gql(`{ contact(id: "${created.createContact.id}") { version } }`, {}, cast.france.token));
      expect(final.contact.version).toBe(created.createContact.version + 50);
    });
  });
});
