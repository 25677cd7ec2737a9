import { TokenService } from '../../src/auth/tokens.js';
import { Role } from '../../src/common/enums.js';
import { loadConfig } from '../../src/config/config.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';
import { subscribe } from '../support/subscriptions.js';

const PASSWORD = 'a-long-test-password';
const ME = '{ me { id email } }';
const CHANGE =
  'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { id email role } } }';
const RESET = 'mutation($u: ID!, $n: String!) { resetPassword(userId: $u, newPassword: $n) { id email } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const LOGIN_LIMIT = 8;

describe('accounts: changing and resetting passwords, signing out, the password policy', () => {
  let t: TestApp;
  let cast: Cast;
  const login = (email: string, password: string) => t.gql(LOGIN, { e: email, p: password });

  beforeAll(async () => {
    // Users are kept for a minute: revocation must not wait for the cache.
    t = await startTestApp({ USER_CACHE_SECONDS: '60', LOGIN_RATE_LIMIT: String(LOGIN_LIMIT) });
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('changePassword revokes every earlier token of the user, and only the new password signs in', async () => {
    const other = await t.login('coordinator@panama.example', PASSWORD);
    ok(await t.gql(ME, {}, cast.panama.token)); // both tokens are cached as valid
    ok(await t.gql(ME, {}, other));
    const changed = ok(await t.gql(CHANGE, { c: PASSWORD, n: 'a brand new passphrase' }, cast.panama.token)).changePassword;
    expect(changed.user).toEqual({ id: cast.panama.id, email: 'coordinator@panama.example', role: 'COORDINATOR' });

    expect(codes(await t.gql(ME, {}, cast.panama.token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME, {}, other))).toEqual(['UNAUTHENTICATED']);
    expect(ok(await t.gql(ME, {}, changed.token)).me.id).toBe(cast.panama.id);
    expect(codes(await login('coordinator@panama.example', PASSWORD))).toEqual(['UNAUTHENTICATED']);
    const fresh = await t.login('coordinator@panama.example', 'a brand new passphrase');
    expect(ok(await t.gql(ME, {}, fresh)).me.email).toBe('coordinator@panama.example');
    // Exports read the same token check.
    expect((await fetch(`${t.url}/exports/targets.csv`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(401);
    expect((await fetch(`${t.url}/exports/targets.csv`, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);
    cast.panama.token = fresh;
  });

  it('changePassword refuses a wrong current password and a password the policy refuses, changing nothing', async () => {
    const wrong = await t.gql(CHANGE, { c: 'not my password at all', n: 'another new passphrase' }, cast.panama.token);
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors![0].message).toBe('The current password is wrong');
    expect(codes(await t.gql(CHANGE, { c: 'a brand new passphrase', n: 'short pass1' }, cast.panama.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CHANGE, { c: 'a brand new passphrase', n: 'QWERTY123456' }, cast.panama.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CHANGE, { c: 'x', n: 'another new passphrase' }))).toEqual(['UNAUTHENTICATED']);
    ok(await t.gql(ME, {}, cast.panama.token));
    expect(codes(await login('coordinator@panama.example', 'another new passphrase'))).toEqual(['UNAUTHENTICATED']);
  });

  it('resetPassword (admins only) revokes the earlier tokens of that user and sets the new password', async () => {
    const before = cast.france.token;
    expect(codes(await t.gql(RESET, { u: cast.france.id, n: 'reset by the secretariat' }, cast.panama.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RESET, { u: cast.france.id, n: 'reset by the secretariat' }, cast.partner.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RESET, { u: cast.france.id, n: 'password' }, cast.admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await t.gql(RESET, { u: '00000000-0000-4000-8000-000000000000', n: 'reset by the secretariat' }, cast.admin.token)),
    ).toEqual(['NOT_FOUND']);
    ok(await t.gql(ME, {}, before)); // nothing was changed so far

    const reset = ok(await t.gql(RESET, { u: cast.france.id, n: 'reset by the secretariat' }, cast.admin.token)).resetPassword;
    expect(reset).toEqual({ id: cast.france.id, email: 'coordinator@france.example' });
    expect(codes(await t.gql(ME, {}, before))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await login('coordinator@france.example', PASSWORD))).toEqual(['UNAUTHENTICATED']);
    cast.france.token = await t.login('coordinator@france.example', 'reset by the secretariat');
    expect(ok(await t.gql(ME, {}, cast.france.token)).me.id).toBe(cast.france.id);
    ok(await t.gql(ME, {}, cast.admin.token)); // the admin's own token is untouched
  });

  it('logout revokes the token it was sent with, on HTTP and WebSocket, and no other token of the user', async () => {
    const first = await t.login('partner@cmc.example', PASSWORD);
    const second = await t.login('partner@cmc.example', PASSWORD);
    ok(await t.gql(ME, {}, first));
    expect(ok(await t.gql('mutation { logout }', {}, first))).toEqual({ logout: true });

    expect(codes(await t.gql(ME, {}, first))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql('mutation { logout }', {}, first))).toEqual(['UNAUTHENTICATED']);
    await expect(subscribe(t.url, first, 'subscription { activityAdded { id } }')).rejects.toThrow(/closed: 4403/);
    expect((await fetch(`${t.url}/exports/targets.csv`, { headers: { authorization: `Bearer ${first}` } })).status).toBe(401);

    expect(ok(await t.gql(ME, {}, second)).me.email).toBe('partner@cmc.example');
    expect(ok(await t.gql(ME, {}, cast.partner.token)).me.email).toBe('partner@cmc.example');
    const live = await subscribe(t.url, second, 'subscription { activityAdded { id } }');
    await live.close();
  });

  it('refuses passwords shorter than 12 characters or among the 10,000 most used, whatever their case', async () => {
    const input = (email: string, password: string) => ({
      input: { email, displayName: 'New', role: 'PARTNER', organizationId: cast.partner.organizationId, password },
    });
    const short = await t.gql(CREATE_USER, input('short@cmc.example', 'eleven char'), cast.admin.token);
    expect(codes(short)).toEqual(['BAD_USER_INPUT']);
    expect(short.errors![0].message).toMatch(/at least 12 characters/);
    for (const common of ['qwerty123456', 'LeaveMeAlone', '1q2w3e4r5t6y']) {
      const refused = await t.gql(CREATE_USER, input('common@cmc.example', common), cast.admin.token);
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].message).toBe('This password is one of the 10,000 most used passwords: choose another');
    }
    ok(await t.gql(CREATE_USER, input('good@cmc.example', 'mauve lighthouse 1997'), cast.admin.token));
    const users = ok(await t.gql('{ users { email } }', {}, cast.admin.token)).users.map((u: { email: string }) => u.email);
    expect(users.filter((email: string) => email.endsWith('@cmc.example')).sort()).toEqual(['good@cmc.example', 'partner@cmc.example']);
    expect(ok(await t.gql(ME, {}, await t.login('good@cmc.example', 'mauve lighthouse 1997'))).me.email).toBe('good@cmc.example');
  });

  it('counts a wrong current password as a failed sign-in (LOGIN_RATE_LIMIT)', async () => {
    const attempt = () => t.gql(CHANGE, { c: 'guessing the password', n: 'another new passphrase' }, cast.france.token);
    const seen: string[] = [];
    for (let i = 0; i < LOGIN_LIMIT; i++) seen.push(...(codes(await attempt()) as string[]));
    expect(seen).toContain('BAD_USER_INPUT');
    expect(seen[seen.length - 1]).toBe('RATE_LIMITED');
    // Now even the right password is refused, for changing it and for signing in.
    expect(codes(await t.gql(CHANGE, { c: 'reset by the secretariat', n: 'another new passphrase' }, cast.france.token))).toEqual([
      'RATE_LIMITED',
    ]);
    expect(codes(await login('coordinator@france.example', 'reset by the secretariat'))).toEqual(['RATE_LIMITED']);
  });
});

describe('the first admin from ADMIN_PASSWORD', () => {
  it('is refused at start-up when ADMIN_PASSWORD is too common', async () => {
    await expect(startTestApp({ ADMIN_PASSWORD: 'Qwerty123456' })).rejects.toThrow(
      /ADMIN_PASSWORD is not acceptable: This password is one of the 10,000 most used passwords/,
    );
  });
});

describe('rotating JWT_SECRET', () => {
  const OLD = 'the-old-secret-of-at-least-32-characters';
  const NEW = 'the-new-secret-of-at-least-32-characters';
  const tokens = (env: Record<string, string>) => new TokenService(loadConfig({ NODE_ENV: 'test', ...env }));
  const claims = {
    sub: '00000000-0000-4000-8000-000000000001',
    role: Role.COORDINATOR,
    org: '00000000-0000-4000-8000-000000000002',
    gen: 0,
  };

  it('accepts tokens signed with JWT_PREVIOUS_SECRET during a rotation, and not once it is removed', () => {
    const before = tokens({ JWT_SECRET: OLD }).issue(claims);
    const rotating = tokens({ JWT_SECRET: NEW, JWT_PREVIOUS_SECRET: OLD });
    const after = tokens({ JWT_SECRET: NEW });
    expect(rotating.verify(before)).toMatchObject(claims);
    expect(rotating.verify(rotating.issue(claims))).toMatchObject(claims);
    expect(after.verify(rotating.issue(claims))).toMatchObject(claims);
    expect(after.verify(before)).toBeNull();
    expect(tokens({ JWT_SECRET: 'another-secret-of-at-least-32-chars', JWT_PREVIOUS_SECRET: NEW }).verify(before)).toBeNull();
  });

  it('refuses a previous secret shorter than 32 characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', JWT_SECRET: NEW, JWT_PREVIOUS_SECRET: 'short' })).toThrow(
      'JWT_PREVIOUS_SECRET must be at least 32 characters long',
    );
  });
});
