import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startTestApp, type TestApp } from '../support/app.js';
import { errorCodes, GRAPHQL_RESPONSE, postGraphql, rawGraphql, type GraphqlRequest, type RawResponse } from '../support/http.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** A document of about `bytes` bytes: `{ f0: __typename f1: __typename … }`. */
const bigQuery = (bytes: number) => `{ ${Array.from({ length: Math.ceil(bytes / 18) }, (_, i) => `f${i}: __typename`).join(' ')} }`;
const thousandAliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: states { totalCount }`).join(' ')} }`;
const depth50 = `{ ${'groupings { states { '.repeat(24)}groupings { name }${' } }'.repeat(24)} }`;

/** Requests that are not well-formed GraphQL-over-HTTP requests: a 4xx whatever the Accept header. */
const MALFORMED: [string, number, () => GraphqlRequest, RegExp][] = [
  ['an invalid JSON body', 400, () => ({ headers: JSON_HEADERS, body: '{ "query": "{ __typename }"' }), /not valid JSON/],
  ['an empty JSON body', 400, () => ({ headers: JSON_HEADERS, body: '' }), /empty/],
  [
    'a text/plain body',
    415,
    () => ({ headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' }),
    /application\/json/,
  ],
  [
    'a form-encoded body',
    415,
    () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' }),
    /application\/json/,
  ],
  ['an unknown content type', 415, () => ({ headers: { 'content-type': 'application/xml' }, body: '<query/>' }), /application\/json/],
  [
    'a batched array body',
    400,
    () => ({ headers: JSON_HEADERS, body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] }),
    /Batched requests are not supported/,
  ],
  ['a JSON body that is not an object', 400, () => ({ headers: JSON_HEADERS, body: '"{ __typename }"' }), /must be a JSON object/],
  ['no query', 400, () => ({ headers: JSON_HEADERS, body: { variables: {} } }), /Missing "query"/],
  ['an empty query', 400, () => ({ headers: JSON_HEADERS, body: { query: '' } }), /Missing "query"/],
  [
    'a query that is not a string',
    400,
    () => ({ headers: JSON_HEADERS, body: { query: { field: '__typename' } } }),
    /"query" must be a string/,
  ],
  [
    'variables that are not an object',
    400,
    () => ({ headers: JSON_HEADERS, body: { query: '{ __typename }', variables: '{"a":1}' } }),
    /"variables" must be a JSON object/,
  ],
  [
    'variables that are a list',
    400,
    () => ({ headers: JSON_HEADERS, body: { query: '{ __typename }', variables: [1] } }),
    /"variables" must be a JSON object/,
  ],
  [
    'an operationName that is not a string',
    400,
    () => ({ headers: JSON_HEADERS, body: { query: '{ __typename }', operationName: 7 } }),
    /"operationName" must be a string/,
  ],
  [
    'extensions that are not an object',
    400,
    () => ({ headers: JSON_HEADERS, body: { query: '{ __typename }', extensions: 'x' } }),
    /"extensions" must be a JSON object/,
  ],
  ['a GET without a query', 400, () => ({}), /Missing "query"/],
  [
    'GET variables that are not JSON',
    400,
    () => ({ query: { query: '{ __typename }', variables: '{oops' } }),
    /"variables" must be URL-encoded JSON/,
  ],
  [
    'a mutation sent with GET',
    405,
    () => ({ query: { query: 'mutation { login(email: "a@b.c", password: "p") { token } }' } }),
    /send mutations with POST/,
  ],
  [
    'an Accept header with neither JSON type',
    406,
    () => ({ headers: { ...JSON_HEADERS, accept: 'text/html' }, body: { query: '{ __typename }' } }),
    /Not acceptable/,
  ],
  ['a body over the 1 MiB limit', 413, () => ({ headers: JSON_HEADERS, body: { query: bigQuery(1100 * 1024) } }), /too large/i],
];

/** Well-formed requests whose document fails before execution: 400 with graphql-response+json, 200 with application/json. */
const REQUEST_ERRORS: [string, unknown, string, RegExp][] = [
  ['a 100 KB query', { query: bigQuery(100 * 1024) }, 'GRAPHQL_PARSE_FAILED', /more than 1000 tokens/],
  ['1,000 aliases', { query: thousandAliases }, 'GRAPHQL_PARSE_FAILED', /more than 1000 tokens/],
  ['depth 50', { query: depth50 }, 'GRAPHQL_VALIDATION_FAILED', /Query depth limit of 12 exceeded, found 50/],
  ['a syntax error', { query: '{ __typename' }, 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
  ['an unknown field', { query: '{ nothingHere }' }, 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nothingHere"/],
  [
    'a variable of the wrong type',
    { query: 'query($first: Int) { states(first: $first) { totalCount } }', variables: { first: 'ten' } },
    'BAD_USER_INPUT',
    /\$first/,
  ],
];

const messages = (response: RawResponse) => (response.body?.errors ?? []).map((e: { message: string }) => e.message).join('\n');

/** A forced garbage collection, when V8 allows it to be turned on at run time. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('malformed HTTP requests to /graphql', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_ON_START: 'false' });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe.each([GRAPHQL_RESPONSE, 'application/json'])('accepting %s', (accept) => {
    it.each(MALFORMED)('refuses %s with %i and says what to fix', async (_case, status, request, message) => {
      const init = request();
      const response = await rawGraphql(t.url, { ...init, headers: { accept, ...init.headers } });
      expect(response.status).toBe(status);
      expect(response.contentType).toMatch(/json/);
      expect(errorCodes(response)).toEqual(['BAD_REQUEST']);
      expect(messages(response)).toMatch(message);
      expect(response.body).not.toHaveProperty('data');
      if (status === 405) expect(response.headers.get('allow')).toBe('POST');
    });

    it.each(REQUEST_ERRORS)('answers %s with a GraphQL error', async (_case, payload, code, message) => {
      const response = await postGraphql(t.url, payload, { accept });
      expect(response.contentType.startsWith(accept)).toBe(true);
      expect(errorCodes(response)).toContain(code);
      expect(messages(response)).toMatch(message);
      if (accept === GRAPHQL_RESPONSE) {
        expect(response.status).toBe(400);
        expect(response.body).not.toHaveProperty('data');
      } else {
        expect(response.status).toBe(200);
        expect(response.body.data).toBeNull();
      }
    });
  });

  it('runs queries sent with GET', async () => {
    const response = await rawGraphql(t.url, {
      query: { query: 'query($n: String!) { __type(name: $n) { name } }', variables: '{"n":"State"}' },
    });
    expect([response.status, response.body]).toEqual([200, { data: { __type: { name: 'State' } } }]);
  });

  it('says which operation to run when a GET document has several', async () => {
    const query = 'query A { __typename } query B { __typename }';
    const unnamed = await rawGraphql(t.url, { query: { query }, headers: { accept: GRAPHQL_RESPONSE } });
    expect([unnamed.status, errorCodes(unnamed), messages(unnamed)]).toEqual([
      400,
      ['GRAPHQL_VALIDATION_FAILED'],
      'Must provide operation name if query contains multiple operations.',
    ]);
    const named = await rawGraphql(t.url, { query: { query, operationName: 'B' } });
    expect(named.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps memory bounded over 10,000 malformed requests', async () => {
    const kinds = [
      ...MALFORMED.filter(([, status]) => status !== 413).map(([, , request]) => request),
      ...REQUEST_ERRORS.map(([, payload]) => () => ({ headers: { ...JSON_HEADERS, accept: GRAPHQL_RESPONSE }, body: payload })),
    ];
    /** A numbered comment makes each document new, so that the caches of parsed documents fill up. */
    const vary = (body: unknown, i: number) => {
      const query = (body as { query?: unknown } | undefined)?.query;
      return typeof query === 'string' && query ? { ...(body as object), query: `${query}\n# ${i}` } : body;
    };
    const send = async (i: number) => {
      const init = kinds[i % kinds.length]();
      const response = await rawGraphql(t.url, { ...init, body: vary(init.body, i) });
      expect(response.status).toBeGreaterThanOrEqual(400);
    };
    const run = async (from: number, count: number, parallel = 50) => {
      for (let start = from; start < from + count; start += parallel) {
        await Promise.all(Array.from({ length: parallel }, (_, k) => send(start + k)));
      }
    };
    await run(0, 1000);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    await run(1000, 10000);
    collectGarbage();
    const growth = process.memoryUsage().heapUsed - before;
    expect(growth).toBeLessThan(50 * 1024 * 1024);
  }, 240_000);
});
