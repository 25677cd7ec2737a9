import { parse } from 'csv-parse/sync';
import { csvText, markdownText, toCsv } from '../../src/common/export-text.js';
import { ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const HOSTILE = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold* `code` a|b ![i](x) <javascript:alert(2)>\n# heading';

describe('text exports escape what users wrote', () => {
  it('CSV: a text cell that a spreadsheet would evaluate is prefixed with an apostrophe; numbers stay numbers', () => {
    const cells = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+cmd|" /C calc"!A0',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1',
      '\r=1',
      'Kiribati',
      "Côte d'Ivoire",
    ];
    const [row] = parse(toCsv([[...cells, -3, 4.5]]), { relax_column_count: true });
    expect(row).toEqual([
      `'=HYPERLINK("http://evil.example","x")`,
      `'+1+cmd|" /C calc"!A0`,
      `'-2+3`,
      `'@SUM(A1:A2)`,
      `'\t=1`,
      `'\r=1`,
      'Kiribati',
      "Côte d'Ivoire",
      '-3',
      '4.5',
    ]);
    expect(csvText('Plain text')).toBe('Plain text');
  });

  it('Markdown: HTML becomes entities, inline Markdown is escaped, line breaks become spaces', () => {
    expect(markdownText(HOSTILE)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\[click\\](javascript:alert(1)) \\*bold\\* \\`code\\` a\\|b \\!\\[i\\](x) &lt;javascript:alert(2)&gt; \\# heading',
    );
    expect(markdownText('Micronesia (Federated States of)')).toBe('Micronesia (Federated States of)');
  });

  describe('progress-report.md', () => {
    let t: TestApp;
    let cast: Cast;

    beforeAll(async () => {
      t = await startTestApp();
      cast = await createCast(t);
    });
    afterAll(() => t?.close());

    it('writes a mandate name and organization names as text, never as HTML or links', async () => {
      const organization = ok(
        await t.gql(
          'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
          {
            input: { name: '<script>alert(3)</script> Partners', kind: 'CIVIL_SOCIETY' },
          },
          cast.admin.token,
        ),
      ).createOrganization.id;
      const mandateId = ok(
        await t.gql(
          'mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }',
          {
            input: {
              name: HOSTILE,
              periodFrom: '2026-01-01',
              periodTo: '2026-06-30',
              organizationIds: [cast.france.organizationId, organization],
            },
          },
          cast.france.token,
        ),
      ).startMandate.id;
      const response = await fetch(`${t.url}/exports/progress-report.md?mandateId=${mandateId}`, {
        headers: { authorization: `Bearer ${cast.france.token}` },
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain(`- Mandate: ${markdownText(HOSTILE)}\n`);
      expect(text).toContain('&lt;script&gt;alert(3)&lt;/script&gt; Partners');
      // No HTML element, no link opened by an unescaped bracket, no heading of the user's own.
      expect(text).not.toMatch(/<img|<script|<javascript|(?<!\\)\[click|(?<!\\)\]\(javascript:|^# heading/m);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });
});

describe('security headers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const directives = (csp: string | null) =>
    new Map(
      (csp ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );

  it('serves the explorer under a strict Content-Security-Policy, with no inline script or style', async () => {
    const response = await fetch(`${t.url}/graphiql`);
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');

    const html = await response.text();
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBe(4);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/graphiql\/assets\/[a-z-]+\.js"/);
      expect(body.trim()).toBe('');
    }
    const css = await fetch(`${t.url}/graphiql/assets/explorer.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('#graphiql');
  });

  it.each([
    ['GET', '/health'],
    ['GET', '/graphiql/assets/explorer.js'],
    ['POST', '/graphql'],
    ['GET', '/exports/targets.csv'],
    ['GET', '/exports/contacts.csv'],
    ['GET', '/exports/interactions.csv'],
    ['GET', '/no-such-page'],
  ])('%s %s carries the same headers', async (method, path) => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
      body: method === 'POST' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
