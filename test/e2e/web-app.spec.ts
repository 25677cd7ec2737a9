import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIR } from '../../src/common/web-app.js';
import { startTestApp, type TestApp } from '../support/app.js';

/** The web application served at `/` next to the API (run `npm run build` first: it builds dist/web). */
describe('the web application', () => {
  let t: TestApp;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error(`${WEB_DIR} is missing: run npm run build`);
    t = await startTestApp({ IMPORT_ON_START: 'false' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is served at / and at every client route, never cached, under the strict Content-Security-Policy', async () => {
    for (const path of ['/', '/states/KIR', '/targets?treatyStatuses=SIGNATORY', '/sign-in']) {
      const response = await fetch(`${t.url}${path}`);
      expect([path, response.status]).toEqual([path, 200]);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self';script-src 'self';style-src 'self'");
      const html = await response.text();
      expect(html).toContain('<div id="root"></div>');
      // Only scripts from this origin: no inline script.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('serves its hashed files for a year', async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const response = await fetch(`${t.url}${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it("leaves the service's own paths as they were: unknown ones are 404, not the application's page", async () => {
    for (const path of ['/assets/missing.js', '/exports/missing.csv', '/imports/missing', '/graphiql/missing', '/health/missing']) {
      const response = await fetch(`${t.url}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect((await fetch(`${t.url}/graphiql`)).headers.get('content-type')).toMatch(/^text\/html/);
    const graphql = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
