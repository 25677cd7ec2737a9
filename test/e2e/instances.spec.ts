import { Redis } from 'ioredis';
import { ADMIN, gql, login, startService, type Service } from '../support/service.js';
import { provisionDatabase, type ProvisionedDatabase } from '../support/provision.js';
import { subscribe } from '../support/subscriptions.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const JWT_SECRET = 'a-jwt-secret-that-must-never-be-printed-0123456789';
const PARTNER = { email: 'partner@cmc.example', password: 'partner-password-never-logged' };
const ADDED = 'subscription { activityAdded { summary interaction { subject visibility } } }';
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }';

// Several instances share a PostgreSQL server (the embedded database has a single process).
const describeWithServer = process.env.DATABASE_URL ? describe : describe.skip;

describeWithServer('two instances behind a load balancer, sharing PostgreSQL and Redis', () => {
  let database: ProvisionedDatabase;
  let a: Service;
  let b: Service;
  let urlA: string;
  let urlB: string;

  beforeAll(async () => {
    // Sign-in failures from this address in an earlier run would still count in Redis.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys('ratify:rate:login:*');
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    database = await provisionDatabase();
    const env = { ...database.env, REDIS_URL, JWT_SECRET, LOG_LEVEL: 'debug', LOGIN_RATE_LIMIT: '8' };
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

  it('delivers activity logged on one instance to subscribers of the other within a second, per visibility', async () => {
    const admin = await login(urlA);
    const org = await gql(urlA, 'mutation { createOrganization(input: { name: "CMC", kind: CIVIL_SOCIETY }) { id } }', {}, admin);
    const input = {
      email: PARTNER.email,
      displayName: 'Partner',
      role: 'PARTNER',
      organizationId: org.data.createOrganization.id,
      password: PARTNER.password,
    };
    expect(
      (await gql(urlA, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }, admin)).errors,
    ).toBeUndefined();
    const partnerLogin = await gql(urlB, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: PARTNER.email,
      p: PARTNER.password,
    });
    const partnerToken = partnerLogin.data.login.token;

    const adminOnB = await subscribe(urlB, admin, ADDED);
    const partnerOnB = await subscribe(urlB, partnerToken, ADDED);
    try {
      const started = Date.now();
      const log = (subject: string, visibility: string) =>
        gql(urlA, LOG, { input: { type: 'DEMARCHE', occurredOn: '2026-11-25', subject, visibility, stateIso3s: ['LAO'] } }, admin);
      expect((await log('Organization only', 'ORGANIZATION')).errors).toBeUndefined();
      expect((await log('Shared with partners', 'SHARED')).errors).toBeUndefined();
      await adminOnB.waitFor(2, 1000);
      await partnerOnB.waitFor(1, 1000);
      expect(Date.now() - started).toBeLessThan(1500);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(adminOnB.received.map((r) => r.data.activityAdded.interaction.subject)).toEqual(['Organization only', 'Shared with partners']);
      expect(partnerOnB.received.map((r) => r.data.activityAdded.interaction.subject)).toEqual(['Shared with partners']);
    } finally {
      await Promise.all([adminOnB.close(), partnerOnB.close()]);
    }
  });

  it('never writes passwords, tokens or the JWT secret to its logs', async () => {
    const token = await login(urlB);
    const output = a.output() + b.output();
    expect(output.length).toBeGreaterThan(1000);
    for (const secret of [ADMIN.password, PARTNER.password, JWT_SECRET, token, token.split('.')[2]]) {
      expect(output.includes(secret)).toBe(false);
    }
  });
  it('counts sign-in attempts across instances', async () => {
    const nobody = `nobody-${Date.now()}@example.org`;
    const attempt = (url: string) =>
      gql(url, 'mutation($e: String!) { login(email: $e, password: "wrong password") { token } }', { e: nobody });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await attempt(urlA)).errors?.[0].extensions?.code);
      codes.push((await attempt(urlB)).errors?.[0].extensions?.code);
    }
    expect(codes.slice(0, 8).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(8)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});
