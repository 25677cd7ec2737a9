import { CALLERS, type MatrixCase } from '../support/authorization.js';
import { codes, startTestApp, type GqlResponse, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';
import { wsGql } from '../support/websocket.js';
import { ADMIN_CASES } from './authorization/admin.cases.js';
import { CALENDAR_CASES } from './authorization/calendar.cases.js';
import { CAMPAIGN_CASES } from './authorization/campaigns.cases.js';
import { DIGEST_CASES } from './authorization/digest.cases.js';
import { EVENT_CASES } from './authorization/events.cases.js';
import { LETTERS_CASES } from './authorization/letters.cases.js';
import { MANDATE_CASES } from './authorization/mandate.cases.js';
import { CONTACTS_CASES } from './authorization/contacts.cases.js';
import { SHARING_CASES } from './authorization/sharing.cases.js';
import { SURVEY_CASES } from './authorization/survey.cases.js';
import { WORK_PLANS_CASES } from './authorization/work-plans.cases.js';

/**
 * Who may do what, in one table: every operation of the workflows, for every kind of caller
 * (admin, a coordinator who owns the thing, a coordinator of another government, a partner,
 * and no token). Each feature lists its rows in `authorization/<feature>.cases.ts`. The whole table
 * runs over both transports, HTTP and graphql-ws (where a query or mutation is a subscribe that
 * yields one result), each on its own database, with the same expected outcomes.
 */
const CASES: MatrixCase[] = [
  ...SHARING_CASES,
  ...CAMPAIGN_CASES,
  ...LETTERS_CASES,
  ...CALENDAR_CASES,
  ...EVENT_CASES,
  ...CONTACTS_CASES,
  ...WORK_PLANS_CASES,
  ...MANDATE_CASES,
  ...ADMIN_CASES,
  ...DIGEST_CASES,
  ...SURVEY_CASES,
];

type Transport = 'HTTP' | 'WebSocket';

/** The app as the rows see it: over WebSocket, every `gql` call of a row (and of its helpers) goes through graphql-ws. */
function over(t: TestApp, transport: Transport): TestApp {
  return transport === 'HTTP' ? t : { ...t, gql: (query, variables, token) => wsGql(t.url, query, variables, token) as never };
}

/** What `expect` says of the response: ok, hidden, or its error codes (one, when the row is right). */
function outcome(response: GqlResponse, seen: boolean): string {
  const errors = codes(response);
  if (errors.length) return errors.join(',');
  return seen ? 'ok' : 'hidden';
}

describe.each<Transport>(['HTTP', 'WebSocket'])('authorization matrix over %s', (transport) => {
  let t: TestApp;
  let cast: Cast;
  const contexts = new Map<MatrixCase, unknown>();

  beforeAll(async () => {
    t = over(await startTestApp(), transport);
    cast = await createCast(t);
    for (const row of CASES) contexts.set(row, row.setup ? await row.setup(t, cast) : undefined);
  });
  afterAll(() => t?.close());

  describe.each(CASES.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const token = caller === 'anonymous' ? null : cast[caller].token;
      const context = contexts.get(row);
      const response = await row.run(t, cast, token, context, caller);
      const seen = row.seen ? row.seen(response, context) : response.data !== null;
      expect(outcome(response, seen)).toBe(row.expect[caller]);
    });
  });
});
