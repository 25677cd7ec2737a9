import { createSigner } from 'fast-jwt';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { ADMIN, codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { provisionDatabase, type ProvisionedDatabase } from '../support/provision.js';
import { gql, login, sleep, startService, type Service } from '../support/service.js';
import { openSession, type Closed, type Probe } from '../support/websocket.js';

const JWT_SECRET = 'a-secret-for-the-websocket-session-tests-0123456789';
const PASSWORD = 'a-long-test-password';
const ADDED = 'subscription { activityAdded { summary } }';
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }';
const UPDATE_USER = 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id role displayName organization { name } } }';
const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id disabled } }';
const ME = '{ me { id role displayName } }';

interface Person {
  id: string;
  organizationId: string;
  token: string;
}

/** A new organization and a coordinator in it, created over HTTP as the admin. */
async function newCoordinator(t: Pick<TestApp, 'gql' | 'login'>, admin: string, name: string): Promise<Person> {
  const organization = ok(
    await t.gql(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name, kind: 'GOVERNMENT' } },
      admin,
    ),
  );
  const organizationId = organization.createOrganization.id;
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}@sessions.example`;
  const input = { email, displayName: name, role: 'COORDINATOR', organizationId, password: PASSWORD };
  const user = ok(await t.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }, admin));
  return { id: user.createUser.id, organizationId, token: await t.login(email, PASSWORD) };
}

const logShared = (t: TestApp, token: string, subject: string) =>
  t.gql(LOG, { input: { type: 'EMAIL', occurredOn: '2026-11-30', subject, stateIso3s: ['NPL'], visibility: 'SHARED' } }, token);

const subjectsOf = (probe: Probe, id: string) => probe.delivered(id).map((payload) => payload.data.activityAdded.summary);

/** Whether an interaction with this subject was stored, as the admin sees it. */
async function stored(t: TestApp, admin: string, subject: string): Promise<boolean> {
  const feed = ok(
    await t.gql('{ activityFeed(filter: { kinds: [INTERACTION_LOGGED] }, first: 200) { edges { node { summary } } } }', {}, admin),
  );
  return feed.activityFeed.edges.some((e: { node: { summary: string } }) => e.node.summary.includes(subject));
}

describe('WebSocket sessions follow the account and the token', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    // A long user cache and sweep: what closes the sockets within 2 s here is the change itself.
    t = await startTestApp({ USER_CACHE_SECONDS: '60', JWT_SECRET });
    admin = await t.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('closes a subscribed socket with 4403 within 2 s of disableUser, and delivers nothing after the change', async () => {
    const user = await newCoordinator(t, admin, 'Disabled Land');
    const probe = await openSession(t.url, user.token);
    probe.subscribe('live', ADDED);
    await sleep(150);
    ok(await logShared(t, admin, 'Before the disable'));
    await probe.next('next');

    const disabledAt = Date.now();
    ok(await t.gql(DISABLE, { id: user.id }, admin));
    // Logged as soon as the disable is answered: the socket must not receive it.
    ok(await logShared(t, admin, 'Right after the disable'));
    const closed = await probe.closedWithin(3000);
    expect(closed).toMatchObject({ code: 4403 });
    expect((closed as Closed).at - disabledAt).toBeLessThan(2000);
    await sleep(200);
    expect(subjectsOf(probe, 'live')).toEqual(['E-mail with Nepal: Before the disable']);
    expect(codes(await t.gql(ME, {}, user.token))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses writes on an open socket once the account is disabled', async () => {
    const user = await newCoordinator(t, admin, 'Writer Land');
    const probe = await openSession(t.url, user.token);
    expect(ok(await probe.request(ME)).me.id).toBe(user.id);

    ok(await t.gql(DISABLE, { id: user.id }, admin));
    // Sent at once on the same socket, without waiting for it to close.
    probe.subscribe('write', LOG, {
      input: { type: 'EMAIL', occurredOn: '2026-11-30', subject: 'Written after the disable', stateIso3s: ['NPL'] },
    });
    expect(await probe.closedWithin(2000)).toMatchObject({ code: 4403 });
    expect(probe.delivered('write')).toEqual([]);
    expect(await stored(t, admin, 'Written after the disable')).toBe(false);
  });

  it('closes the socket with 4403 within 2 s of a role change, and leaves it open for a new display name', async () => {
    const user = await newCoordinator(t, admin, 'Role Land');
    const probe = await openSession(t.url, user.token);
    probe.subscribe('live', ADDED);
    await sleep(150);

    ok(await t.gql(UPDATE_USER, { input: { id: user.id, displayName: 'Role Land (renamed)' } }, admin));
    await sleep(300);
    expect(probe.socket.readyState).toBe(probe.socket.OPEN);
    expect(ok(await probe.request(ME)).me).toEqual({ id: user.id, role: 'COORDINATOR', displayName: 'Role Land (renamed)' });

    const changedAt = Date.now();
    expect(ok(await t.gql(UPDATE_USER, { input: { id: user.id, role: 'PARTNER' } }, admin)).updateUser.role).toBe('PARTNER');
    ok(await logShared(t, admin, 'After the role change'));
    const closed = await probe.closedWithin(3000);
    expect(closed).toMatchObject({ code: 4403 });
    expect((closed as Closed).at - changedAt).toBeLessThan(2000);
    expect(probe.delivered('live')).toEqual([]);
    // Over HTTP the same token now acts as a partner.
    expect(ok(await t.gql(ME, {}, user.token)).me.role).toBe('PARTNER');
  });

  it('closes the socket with 4403 within 2 s of an organization change', async () => {
    const user = await newCoordinator(t, admin, 'Moving Land');
    const other = await newCoordinator(t, admin, 'Destination Land');
    const probe = await openSession(t.url, user.token);
    const bystander = await openSession(t.url, other.token);
    const changedAt = Date.now();
    ok(await t.gql(UPDATE_USER, { input: { id: user.id, organizationId: other.organizationId } }, admin));
    const closed = await probe.closedWithin(3000);
    expect(closed).toMatchObject({ code: 4403 });
    expect((closed as Closed).at - changedAt).toBeLessThan(2000);
    // Another user's socket is not touched.
    expect(ok(await bystander.request(ME)).me.id).toBe(other.id);
    bystander.socket.close(1000);
  });

  it('refuses to let an admin demote themselves, and unknown users or organizations', async () => {
    const me = ok(await t.gql(ME, {}, admin)).me;
    expect(codes(await t.gql(UPDATE_USER, { input: { id: me.id, role: 'COORDINATOR' } }, admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATE_USER, { input: { id: '00000000-0000-4000-8000-000000000000', role: 'PARTNER' } }, admin))).toEqual([
      'NOT_FOUND',
    ]);
    const user = await newCoordinator(t, admin, 'Checked Land');
    expect(
      codes(await t.gql(UPDATE_USER, { input: { id: user.id, organizationId: '00000000-0000-4000-8000-000000000000' } }, admin)),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(UPDATE_USER, { input: { id: user.id, role: 'ADMIN' } }, user.token))).toEqual(['FORBIDDEN']);
    expect(ok(await t.gql(ME, {}, user.token)).me.role).toBe('COORDINATOR');
  });

  it("closes the socket with 4401 at the token's expiry", async () => {
    const user = await newCoordinator(t, admin, 'Expiring Land');
    // A token as the service issues them, signed with its secret, that lives 1.5 s.
    const sign = createSigner({ key: JWT_SECRET, algorithm: 'HS256', expiresIn: 1500 });
    const token = sign({ sub: user.id, role: 'COORDINATOR', org: user.organizationId });
    const expiresAt = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp * 1000;
    const probe = await openSession(t.url, token);
    probe.subscribe('live', ADDED);
    expect(ok(await probe.request(ME)).me.id).toBe(user.id);
    const closed = await probe.closedWithin(expiresAt - Date.now() + 3000);
    expect(closed).toMatchObject({ code: 4401 });
    expect((closed as Closed).at).toBeGreaterThanOrEqual(expiresAt - 50);
    expect((closed as Closed).at - expiresAt).toBeLessThan(2000);
    ok(await logShared(t, admin, 'After the expiry'));
    await sleep(200);
    expect(probe.delivered('live')).toEqual([]);
  });
});

describe('WebSocket sessions and changes made outside the service', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ USER_CACHE_SECONDS: '1' });
    admin = await t.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('closes the socket of a user disabled in SQL within two sweeps (USER_CACHE_SECONDS)', async () => {
    const user = await newCoordinator(t, admin, 'Command Line Land');
    const probe = await openSession(t.url, user.token);
    const changedAt = Date.now();
    await t.app.get(DataSource).query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
    const closed = await probe.closedWithin(3500);
    expect(closed).toMatchObject({ code: 4403 });
    expect((closed as Closed).at - changedAt).toBeLessThan(2500);
  });
});

describe('WebSocket operations count against the request limit', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ REQUEST_RATE_LIMIT: '6' });
    admin = await t.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses socket operations past REQUEST_RATE_LIMIT with RATE_LIMITED, counted with HTTP requests', async () => {
    const probe = await openSession(t.url, admin); // connection_init: 1
    ok(await t.gql(ME, {}, admin)); // 2
    for (let i = 0; i < 4; i++) expect(ok(await probe.request(ME)).me.role).toBe('ADMIN'); // 3 to 6
    const refused = await probe.request(ME);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.errors![0].extensions!.details.retryAfterSeconds).toBeGreaterThan(0);
    probe.subscribe('live', ADDED);
    expect((await probe.next('error')).payload[0].extensions.code).toBe('RATE_LIMITED');
    expect(codes(await t.gql(ME, {}, admin))).toEqual(['RATE_LIMITED']);
    // A refused operation does not end the session.
    probe.send({ type: 'ping' });
    await probe.next('pong');
    probe.socket.close(1000);
  });
});

// Several instances share a PostgreSQL server (the embedded database has a single process).
const describeWithServer = process.env.DATABASE_URL ? describe : describe.skip;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

describeWithServer('WebSocket sessions across instances (Redis)', () => {
  let database: ProvisionedDatabase;
  let a: Service;
  let b: Service;
  let urlA: string;
  let urlB: string;

  beforeAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys('ratify:rate:login:*');
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    database = await provisionDatabase();
    // A long user cache and sweep: only the message between the instances can close B's socket in time.
    const env = { ...database.env, REDIS_URL, JWT_SECRET, USER_CACHE_SECONDS: '60', LOG_LEVEL: 'log' };
    a = startService(env);
    urlA = await a.url;
    b = startService(env);
    urlB = await b.url;
  }, 60_000);

  afterAll(async () => {
    for (const service of [a, b]) {
      if (service && service.child.exitCode === null) {
        service.child.kill('SIGTERM');
        await service.exited;
      }
    }
    await database?.dispose();
  });

  it('closes the socket on instance B within 2 s of disableUser on instance A, and B delivers nothing more', async () => {
    const adminToken = await login(urlA);
    const instance = (url: string) => ({
      gql: (query: string, variables?: Record<string, unknown>, token?: string) => gql(url, query, variables, token) as never,
      login: async (email: string, password: string) =>
        (await gql(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password })).data
          .login.token as string,
    });
    const user = await newCoordinator(instance(urlA), adminToken, 'Two Instances Land');
    const probe = await openSession(urlB, user.token);
    probe.subscribe('live', ADDED);
    // B has read the user, and keeps it for 60 s.
    expect(ok(await probe.request(ME)).me.id).toBe(user.id);
    await sleep(150);

    const disabledAt = Date.now();
    expect((await gql(urlA, DISABLE, { id: user.id }, adminToken)).errors).toBeUndefined();
    const closed = await probe.closedWithin(3000);
    expect(closed).toMatchObject({ code: 4403 });
    expect((closed as Closed).at - disabledAt).toBeLessThan(2000);
    expect(
      (
        await gql(
          urlB,
          LOG,
          { input: { type: 'EMAIL', occurredOn: '2026-11-30', subject: 'After', stateIso3s: ['NPL'], visibility: 'SHARED' } },
          adminToken,
        )
      ).errors,
    ).toBeUndefined();
    await sleep(300);
    expect(probe.delivered('live')).toEqual([]);
    // And B refuses the token over HTTP too, although it cached the user a moment ago.
    expect((await gql(urlB, ME, {}, user.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
