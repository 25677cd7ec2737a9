import { ADMIN, codes, startTestApp, type TestApp } from '../support/app.js';

describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '5', LOGIN_RATE_WINDOW_SECONDS: '60', REQUEST_RATE_LIMIT: '20' });
  });

  afterAll(async () => {
    await t?.close();
  });

  const attempt = (email: string, password = 'not the password') =>
    t.gql('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', { email, password });

  it('limits sign-in attempts per account, with RATE_LIMITED', async () => {
    const first = [];
    for (let i = 0; i < 5; i++) first.push(codes(await attempt('target@example.org'))[0]);
    expect(first).toEqual(Array(5).fill('UNAUTHENTICATED'));
    const limited = await attempt('target@example.org');
    expect(codes(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.errors![0].message).toMatch(/Too many sign-in attempts; try again in \d+ s/);
  });

  it('limits sign-in attempts per IP address, whatever the account, and even with the right password', async () => {
    // The per-IP window already counts the six attempts above.
    expect(codes(await attempt(ADMIN.email, ADMIN.password))).toEqual(['RATE_LIMITED']);
  });

  it('limits requests per token', async () => {
    const limited = await startTestApp({ REQUEST_RATE_LIMIT: '20' });
    try {
      const token = await limited.login(ADMIN.email, ADMIN.password);
      const results = [];
      for (let i = 0; i < 21; i++) results.push(codes(await limited.gql('{ me { email } }', {}, token))[0]);
      expect(results.slice(0, 20).every((code) => code === undefined)).toBe(true);
      expect(results[20]).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
