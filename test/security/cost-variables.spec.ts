import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';
import { errorCodes, postGraphql, type RawResponse } from '../support/http.js';

/**
 * Class 4: the cost of a document and the size of its largest possible response are computed
 * with the request's variables (and their defaults) before it runs, over HTTP and over
 * graphql-ws alike: `first: $f` weighs what `first: 200` does.
 */

/** contacts → interactions → contacts → interactions, each page of `size` (a literal, or a variable). */
const nested = (size: string) =>
  `contacts(first: ${size}) { edges { node { fullName interactions(first: ${size}) { edges { node { subject contacts { fullName interactions(first: ${size}) { edges { node { id subject } } } } } } } } } }`;
const WITH_VARIABLE = `query Crash($f: Int) { ${nested('$f')} }`;
const literal = (f: number) => `query Crash { ${nested(String(f))} }`;

/** The same lists with their default page size (50) and no `first` at all. */
const DEFAULT_PAGES = `{ contacts { edges { node { interactions { edges { node { contacts { interactions { edges { node { id subject } } } } } } } } } } }`;

const ENV = {};

describe('cost limits with variables', () => {
  let t: TestApp;
  let cast: Cast;

  const send = (query: string, variables?: Record<string, unknown>, token = cast.partner.token) =>
    postGraphql(t.url, { query, variables }, { authorization: `Bearer ${token}` });

  const expectCostRefusal = (response: RawResponse) => {
    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty('data');
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  };

  /** A query over graphql-ws; resolves with what the server answered (data or errors). */
  async function overSocket(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }> {
    const client = createClient({
      url: t.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${cast.partner.token}` },
      retryAttempts: 0,
    });
    try {
      return await new Promise((resolve) => {
        let result: { data?: unknown; errors?: any[] } = {};
        client.subscribe(
          { query, variables },
          {
            next: (value) => (result = value as typeof result),
            error: (errors) => resolve({ errors: errors as any[] }),
            complete: () => resolve(result),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  beforeAll(async () => {
    t = await startTestApp(ENV);
    cast = await createCast(t);
    // A contact with a shared interaction, so that small documents return real rows.
    const contact = await t.gql(
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      { input: { fullName: 'Ana Example', stateIso3: 'VUT' } },
      cast.france.token,
    );
    expect(contact.errors).toBeUndefined();
    const logged = await t.gql(
      'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
      {
        input: {
          type: 'EMAIL',
          occurredOn: '2026-01-05',
          subject: 'Shared note',
          visibility: 'SHARED',
          stateIso3s: ['VUT'],
          contactIds: [contact.data.createContact.id],
        },
      },
      cast.france.token,
    );
    expect(logged.errors).toBeUndefined();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives a document the same verdict with literals and with variables: accepted when small', async () => {
    const withLiterals = await send(literal(2));
    const withVariables = await send(WITH_VARIABLE, { f: 2 });
    expect([withLiterals.status, withLiterals.body.errors]).toEqual([200, undefined]);
    expect(withVariables.body).toEqual(withLiterals.body);
    expect(withLiterals.body.data.contacts.edges[0].node.interactions.edges[0].node.subject).toBe('Shared note');
  });

  it.each([20, 200])('gives a document the same verdict with literals and with variables: refused with first = %i', async (f) => {
    const withLiterals = await send(literal(f));
    const withVariables = await send(WITH_VARIABLE, { f });
    expectCostRefusal(withLiterals);
    expectCostRefusal(withVariables);
    expect(withVariables.body.errors[0].message).toBe(withLiterals.body.errors[0].message);
    expect(withVariables.body.errors[0].message).toMatch(
      /^(Query Cost limit of 50000 exceeded, found \d+\.|The response could hold up to \d+ values, more than the limit of 250000)/,
    );
  });

  it("counts a variable's default value", async () => {
    const response = await send(`query Crash($f: Int = 200) { ${nested('$f')} }`);
    expectCostRefusal(response);
    expect(response.body.errors[0].message).toBe((await send(literal(200))).body.errors[0].message);
  });

  it('keeps no verdict from variables that did not fit: the next request with the same page size is measured', async () => {
    const withFlag = `query Crash($f: Int, $flag: Boolean!) { me { email @include(if: $flag) } ${nested('$f')} }`;
    const badFlag = await send(withFlag, { f: 200, flag: 5 });
    expect(errorCodes(badFlag)).toEqual(['BAD_USER_INPUT']);
    expectCostRefusal(await send(withFlag, { f: 200, flag: true }));
  });

  it('counts lists without `first` at the default page size: the response-size cap', async () => {
    const response = await send(DEFAULT_PAGES);
    expectCostRefusal(response);
    expect(response.body.errors[0].message).toMatch(
      /^The response could hold up to \d+ values, more than the limit of 250000: ask for smaller pages/,
    );
    // The same lists with small pages are fine.
    const small = await send(`{ ${nested('3')} }`);
    expect([small.status, small.body.errors]).toEqual([200, undefined]);
  });

  it('refuses the crash document over graphql-ws too, and the service keeps answering', async () => {
    const refused = await overSocket(WITH_VARIABLE, { f: 200 });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.errors?.[0].message).toMatch(/^Query Cost limit of 50000 exceeded/);
    const refusedDefaults = await overSocket(DEFAULT_PAGES, {});
    expect(refusedDefaults.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const small = await overSocket(WITH_VARIABLE, { f: 2 });
    expect(small.errors).toBeUndefined();
    expect((small.data as any).contacts.edges[0].node.fullName).toBe('Ana Example');

    for (let i = 0; i < 5; i++) expectCostRefusal(await send(WITH_VARIABLE, { f: 200 }));
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
    expect((await send('{ me { email } }')).body).toEqual({ data: { me: { email: 'partner@cmc.example' } } });
  });

  it('checks only the operation the request names', async () => {
    const document = `query Small { me { email } } query Crash($f: Int) { ${nested('$f')} }`;
    const small = await postGraphql(
      t.url,
      { query: document, operationName: 'Small', variables: { f: 200 } },
      { authorization: `Bearer ${cast.partner.token}` },
    );
    expect(small.body).toEqual({ data: { me: { email: 'partner@cmc.example' } } });
    const crash = await postGraphql(
      t.url,
      { query: document, operationName: 'Crash', variables: { f: 200 } },
      { authorization: `Bearer ${cast.partner.token}` },
    );
    expectCostRefusal(crash);
  });
});
