import { ADMIN, codes, startTestApp, type TestApp } from '../support/app.js';

describe('smoke: a new user on first start', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reports a reachable database at /health, without a token', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('refuses GraphQL operations without a valid token', async () => {
    expect(codes(await t.gql('{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql('{ me { id } }', {}, 'not-a-token'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql('{ states { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('rejects a wrong password with the same error as an unknown account', async () => {
    const wrong = await t.gql('mutation { login(email: "admin@example.org", password: "wrong password!") { token } }');
    const unknown = await t.gql('mutation { login(email: "nobody@example.org", password: "wrong password!") { token } }');
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('logs the first admin in and shows the real States and votes', async () => {
    const token = await t.login(ADMIN.email, ADMIN.password);
    const me = await t.gql('{ me { email role organization { name kind } } }', {}, token);
    expect(me.data.me).toEqual({ email: ADMIN.email, role: 'ADMIN', organization: { name: 'Administration', kind: 'SECRETARIAT' } });

    const result = await t.gql(
      `{ states(first: 1) { totalCount }
         vanuatu: state(iso3: "VUT") { name treatyStatus entryIntoForceDate votingRecord { total lastChoice } }
         resolutions { symbol } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.states.totalCount).toBe(197);
    expect(result.data.vanuatu).toEqual({
      name: 'Vanuatu',
      treatyStatus: 'STATE_PARTY',
      entryIntoForceDate: '2026-03-01',
      votingRecord: { total: 10, lastChoice: 'YES' },
    });
    expect(result.data.resolutions).toHaveLength(10);
  });

  it('serves an offline GraphQL explorer at /graphiql', async () => {
    const page = await fetch(`${t.url}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source.startsWith('/')).toBe(true); // served here, never from a CDN
      const asset = await fetch(`${t.url}${source}`);
      expect(asset.status).toBe(200);
      const body = await asset.text();
      expect(body.length).toBeGreaterThan(10);
    }
  });
});
