import { ADMIN, startTestApp, type TestApp } from '../support/app.js';
import { errorCodes, postGraphql, type RawResponse } from '../support/http.js';

/** groupings { states { groupings { … name } } }: a valid document of any depth. */
function deep(depth: number): string {
  let selection = 'name';
  for (let level = depth - 1; level >= 1; level--) selection = `${level % 2 ? 'groupings' : 'states'} { ${selection} }`;
  return `{ ${selection} }`;
}

/** A valid document of depth 12 whose lists are small: pages of one, contacts of one State. */
const DEPTH_12_SMALL =
  '{ states(first: 1) { edges { node { contacts { interactions(first: 1) { edges { node { contacts { interactions(first: 1) { edges { node { subject } } } } } } } } } } } }';

/** `me { a0: id a1: id … }` (aliases of __typename are free). */
const aliases = (count: number) => `{ me { ${Array.from({ length: count }, (_, i) => `a${i}: id`).join(' ')} } }`;
const directives = (count: number) => `{ ${'__typename @include(if: true) '.repeat(count)}}`;

/** Exactly `count` tokens: `{ t0: __typename t1: __typename … }`, each a different response name. */
function tokens(count: number): string {
  const fields = Array.from({ length: Math.floor((count - 2) / 3) }, (_, i) => `t${i}: __typename`);
  return `{ ${[...fields, ...Array((count - 2) % 3).fill('__typename')].join(' ')} }`;
}

/** The production defaults, with a smaller body limit to show that it is configurable. */
const ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  IMPORT_ON_START: 'false',
  HTTP_BODY_LIMIT_BYTES: '65536',
};

describe('query limits (production defaults)', () => {
  let t: TestApp;
  let token: string;
  /** Statements an authenticated request costs before any resolver: reading the viewer. */
  let baseline: number;

  const send = (query: string, variables?: Record<string, unknown>, auth = token) =>
    postGraphql(t.url, { query, variables }, auth ? { authorization: `Bearer ${auth}` } : {});

  /** Sends the document as the signed-in user and returns the response and the SQL it cost beyond the baseline. */
  const measure = async (query: string, variables?: Record<string, unknown>) => {
    const { result, statements } = await t.counter.measure(() => send(query, variables));
    return { response: result, extra: statements - baseline };
  };

  const expectRefused = (response: RawResponse, code: string, message: RegExp) => {
    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty('data');
    expect(errorCodes(response)).toContain(code);
    expect(response.body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(message);
  };

  beforeAll(async () => {
    t = await startTestApp(ENV);
    token = await t.login(ADMIN.email, ADMIN.password);
    baseline = (await t.counter.measure(() => send('{ __typename }'))).statements;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('documents over a limit are refused at validation: no resolver runs, no SQL is sent', () => {
    it.each([
      ['depth 13 (limit 12)', deep(13), 'GRAPHQL_VALIDATION_FAILED', /Query depth limit of 12 exceeded, found 13/],
      ['depth 50', deep(50), 'GRAPHQL_VALIDATION_FAILED', /Query depth limit of 12 exceeded, found 50/],
      ['31 aliases (limit 30)', aliases(31), 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 30 exceeded, found 31/],
      ['51 directives (limit 50)', directives(51), 'GRAPHQL_VALIDATION_FAILED', /Directives limit of 50 exceeded, found 51/],
      [
        'a nested list of 200 × 200 (cost limit 50000)',
        '{ states(first: 200) { edges { node { interactions(first: 200) { totalCount } } } } }',
        'GRAPHQL_VALIDATION_FAILED',
        /Query Cost limit of 50000 exceeded, found \d+/,
      ],
      ['1,001 tokens (limit 1000)', tokens(1001), 'GRAPHQL_PARSE_FAILED', /more than 1000 tokens/],
    ])('%s', async (_case, query, code, message) => {
      const { response, extra } = await measure(query);
      expectRefused(response, code, message);
      expect(extra).toBe(0);
    });

    it('sends no SQL at all for a refused document without a token', async () => {
      const { result, statements } = await t.counter.measure(() => send(deep(50), undefined, ''));
      expectRefused(result, 'GRAPHQL_VALIDATION_FAILED', /depth limit/);
      expect(statements).toBe(0);
    });

    it('answers the same refusal with status 200 and application/json to a client that asks for it', async () => {
      const response = await postGraphql(t.url, { query: deep(13) }, { accept: 'application/json' });
      expect(response.status).toBe(200);
      expect(response.contentType).toMatch(/^application\/json/);
      expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });
  });

  it('accepts documents at the limits', async () => {
    for (const query of [DEPTH_12_SMALL, aliases(30), directives(50), tokens(1000), '{ states(first: 200) { edges { node { name } } } }']) {
      const response = await send(query);
      expect([response.status, response.body.errors]).toEqual([200, undefined]);
    }
  });

  it('refuses a document within the depth limit whose nested lists could hold too many values', async () => {
    // groupings { states { groupings { … } } }: eleven nested lists without a page size.
    const { response, extra } = await measure(deep(12));
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED', /The response could hold up to \d+ values, more than the limit of 250000/);
    expect(extra).toBe(0);
  });

  it('caps page sizes at 200, before the resolver runs', async () => {
    for (const [query, variables] of [
      ['{ states(first: 201) { totalCount } }', undefined],
      ['query($first: Int) { targets(first: $first) { totalCount } }', { first: 1000 }],
    ] as const) {
      const { response, extra } = await measure(query, variables);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors[0].message).toMatch(/first must not be greater than 200/);
      expect(extra).toBe(0);
    }
  });

  it('refuses a body over HTTP_BODY_LIMIT_BYTES with 413', async () => {
    const padding = 'x'.repeat(70 * 1024);
    const response = await send(`{ __typename } # ${padding}`);
    expect(response.status).toBe(413);
    expect(errorCodes(response)).toEqual(['BAD_REQUEST']);
    expect(response.body.errors[0].message).toMatch(/too large/i);
  });

  describe('in production, the schema stays private', () => {
    it.each([
      ['__schema', '{ __schema { types { name } } }'],
      ['__type', '{ __type(name: "State") { fields { name } } }'],
    ])('refuses introspection through %s', async (_field, query) => {
      expectRefused(await send(query), 'GRAPHQL_VALIDATION_FAILED', /introspection has been disabled/);
    });

    it('still answers __typename, without a token', async () => {
      const response = await send('{ __typename }', undefined, '');
      expect(response.body).toEqual({ data: { __typename: 'Query' } });
    });

    it.each([
      ['a misspelt field', '{ stats { totalCount } }', 'Cannot query field "stats" on type "Query".'],
      ['a misspelt argument', '{ states(frist: 1) { totalCount } }', 'Unknown argument "frist" on field "Query.states".'],
      ['a misspelt enum value', '{ targets(orderBy: SCOR) { totalCount } }', 'Value "SCOR" does not exist in "TargetOrder" enum.'],
    ])('does not suggest names for %s', async (_case, query, message) => {
      const response = await send(query);
      expect(response.body.errors.map((e: { message: string }) => e.message)).toEqual([message]);
    });
  });
});
