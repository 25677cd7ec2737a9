import { randomBytes, randomInt } from 'node:crypto';
import { request } from 'node:http';
import { passwordChecks } from '../../src/auth/passwords.js';
import { ADMIN, startTestApp, type TestApp } from '../support/app.js';

/**
 * Class 3: sign-in attempts are counted before the password is checked, atomically, per IP
 * address and per account, so parallel guesses get no more password checks than
 * LOGIN_RATE_LIMIT. The whole 127.0.0.0/8 range is loopback on Linux: requests sent from
 * 127.x.y.z reach the service from that client address, as from different machines.
 */

const LIMIT = 5;
// Long enough that a burst of parallel sign-ins on a loaded machine falls within one window.
const WINDOW_SECONDS = 8;
const PASSWORD = 'the-right-password-for-this-test';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** A loopback address of its own for each use, so runs sharing one Redis never share a window. */
const freshIp = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** Signs in from `ip`: the token, or the error code. */
function signInFrom(url: string, ip: string, email: string, password: string): Promise<{ token?: string; code: string }> {
  const target = new URL(`${url}/graphql`);
  const body = JSON.stringify({ query: LOGIN, variables: { email, password } });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress: ip,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { data?: { login?: { token?: string } }; errors?: { extensions?: { code?: string } }[] };
          const token = parsed.data?.login?.token;
          resolve({ token, code: token ? 'OK' : (parsed.errors?.[0]?.extensions?.code ?? 'NONE') });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs in from `ip`; answers the error code, or 'OK' with a token. */
const loginFrom = async (url: string, ip: string, email: string, password: string): Promise<string> =>
  (await signInFrom(url, ip, email, password)).code;

const tally = (results: string[]) =>
  results.reduce<Record<string, number>>((counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }), {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379' }],
])('sign-in limit %s', (_where, env: Record<string, string>) => {
  let t: TestApp;
  let adminToken: string;
  const run = randomBytes(4).toString('hex');

  /** A new account with PASSWORD. */
  async function account(name: string): Promise<string> {
    const email = `${name}-${run}@limits.example`;
    const me = await t.gql('{ me { organization { id } } }', {}, adminToken);
    const created = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, displayName: name, role: 'COORDINATOR', organizationId: me.data.me.organization.id, password: PASSWORD } },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    return email;
  }

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: String(LIMIT), LOGIN_RATE_WINDOW_SECONDS: String(WINDOW_SECONDS), ...env });
    // From an address of its own: other test files sharing the Redis server sign in (and guess
    // wrong, on purpose) from 127.0.0.1, whose window this file's low limit must not inherit.
    const admin = await signInFrom(t.url, freshIp(), ADMIN.email, ADMIN.password);
    if (!admin.token) throw new Error(`the admin could not sign in: ${admin.code}`);
    adminToken = admin.token;
  });

  afterAll(async () => {
    await t?.close();
  });

  it(`lets at most ${LIMIT} of 50 parallel wrong guesses reach the password check; then refuses the right password until the window ends`, async () => {
    const email = await account('target');
    const ip = freshIp();
    const checksBefore = passwordChecks.count;
    const results = await Promise.all(Array.from({ length: 50 }, () => loginFrom(t.url, ip, email, 'a wrong guess')));
    expect(passwordChecks.count - checksBefore).toBe(LIMIT);
    expect(tally(results)).toEqual({ UNAUTHENTICATED: LIMIT, RATE_LIMITED: 50 - LIMIT });

    // The limit holds against the right password too, from the same address or another one.
    expect(await loginFrom(t.url, ip, email, PASSWORD)).toBe('RATE_LIMITED');
    expect(await loginFrom(t.url, freshIp(), email, PASSWORD)).toBe('RATE_LIMITED');
    expect(passwordChecks.count - checksBefore).toBe(LIMIT);

    await sleep(WINDOW_SECONDS * 1000 + 1200);
    expect(await loginFrom(t.url, ip, email, PASSWORD)).toBe('OK');
  }, 30_000);

  it('limits one account guessed from many addresses (the per-account key on its own)', async () => {
    const email = await account('spread');
    const checksBefore = passwordChecks.count;
    const results = await Promise.all(Array.from({ length: 12 }, () => loginFrom(t.url, freshIp(), email, 'a wrong guess')));
    expect(tally(results)).toEqual({ UNAUTHENTICATED: LIMIT, RATE_LIMITED: 12 - LIMIT });
    expect(passwordChecks.count - checksBefore).toBe(LIMIT);
    expect(await loginFrom(t.url, freshIp(), email, PASSWORD)).toBe('RATE_LIMITED');
  });

  it('limits one address guessing many accounts (the per-IP key on its own)', async () => {
    const ip = freshIp();
    const emails = Array.from({ length: 12 }, (_, i) => `nobody-${i}-${run}@limits.example`);
    const checksBefore = passwordChecks.count;
    const results = await Promise.all(emails.map((email) => loginFrom(t.url, ip, email, 'a wrong guess')));
    expect(tally(results)).toEqual({ UNAUTHENTICATED: LIMIT, RATE_LIMITED: 12 - LIMIT });
    expect(passwordChecks.count - checksBefore).toBe(LIMIT);
    // An account that exists, with its right password, from that address: refused too.
    const email = await account('bystander');
    expect(await loginFrom(t.url, ip, email, PASSWORD)).toBe('RATE_LIMITED');
    // ... and accepted from another address.
    expect(await loginFrom(t.url, freshIp(), email, PASSWORD)).toBe('OK');
  });

  it('gives back the attempt of a successful sign-in: successes never use up the limit', async () => {
    const email = await account('regular');
    const ip = freshIp();
    for (let i = 0; i < LIMIT * 2; i++) expect(await loginFrom(t.url, ip, email, PASSWORD)).toBe('OK');
    for (let i = 0; i < LIMIT; i++) expect(await loginFrom(t.url, ip, email, 'a wrong guess')).toBe('UNAUTHENTICATED');
    expect(await loginFrom(t.url, ip, email, PASSWORD)).toBe('RATE_LIMITED');
  });
});
