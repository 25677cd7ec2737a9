import { randomUUID } from 'node:crypto';
import { buildSchema, isObjectType } from 'graphql';
import { createClient } from 'graphql-ws';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';
import { errorCodes, postGraphql } from '../support/http.js';

/**
 * Class 11: a create mutation sent with an idempotency key (the Idempotency-Key header, or the
 * idempotencyKey argument, also over WebSocket) is written once: the same key from the same user
 * within 24 hours returns the first result and writes nothing.
 */

const LOG = `mutation Log($input: LogInteractionInput!, $key: String) {
  logInteraction(input: $input, idempotencyKey: $key) { id subject occurredOn visibility createdAt version states { iso3 } author { displayName } }
}`;

/** The same, without the argument: the key comes in the header. */
const LOG_PLAIN = LOG.replace(', $key: String', '').replace(', idempotencyKey: $key', '');

const input = (subject: string) => ({ type: 'EMAIL', occurredOn: '2026-03-02', subject, stateIso3s: ['VUT', 'FJI'] });

/** Every mutation that creates something. */
const CREATE_MUTATIONS = [
  'addContactPosting',
  'addEventAttendance',
  'addObjective',
  'createContact',
  'createGrouping',
  'createLetterCampaign',
  'createOrganization',
  'createSurvey',
  'createUser',
  'logInteraction',
  'logMeetingHeld',
  'planActivity',
  'planMeeting',
  'recordEvent',
  'recordObstacle',
  'startMandate',
];

describe('idempotency keys on create mutations', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;

  const copies = async (table: string, column: string, value: string) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [value]))[0].n);

  /** logInteraction with the key in the Idempotency-Key header. */
  const logWithHeader = (token: string, subject: string, key: string) =>
    postGraphql(
      t.url,
      { query: LOG_PLAIN, variables: { input: input(subject) } },
      { authorization: `Bearer ${token}`, 'idempotency-key': key },
    );

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('accepts a key on every create mutation, and only there', () => {
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const mutation = schema.getMutationType();
    expect(isObjectType(mutation)).toBe(true);
    const withKey = Object.values(mutation!.getFields())
      .filter((field) => field.args.some((arg) => arg.name === 'idempotencyKey'))
      .map((field) => field.name)
      .sort();
    expect(withKey).toEqual(CREATE_MUTATIONS);
  });

  it('writes once and answers the first result again for the same key (Idempotency-Key header)', async () => {
    const key = randomUUID();
    const first = await logWithHeader(cast.france.token, 'Header key', key);
    expect(first.body.errors).toBeUndefined();
    const again = await logWithHeader(cast.france.token, 'Header key', key);
    expect(again.body).toEqual(first.body);
    expect(await copies('interactions', 'subject', 'Header key')).toBe(1);
    // One activity event, too: the retry wrote nothing at all.
    expect(await copies('activity_events', 'interaction_id', first.body.data.logInteraction.id)).toBe(1);
  });

  it('does the same with the idempotencyKey argument, over HTTP and over WebSocket', async () => {
    const key = randomUUID();
    const overHttp = await t.gql(LOG, { input: input('Argument key'), key }, cast.france.token);
    expect(overHttp.errors).toBeUndefined();
    const client = createClient({
      url: t.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${cast.france.token}` },
      retryAttempts: 0,
    });
    try {
      const overSocket = await new Promise<any>((resolve, reject) => {
        let value: unknown;
        client.subscribe(
          { query: LOG, variables: { input: input('Argument key'), key } },
          { next: (v) => (value = v), error: reject, complete: () => resolve(value) },
        );
      });
      expect(overSocket.data).toEqual(overHttp.data);
    } finally {
      await client.dispose();
    }
    expect(await copies('interactions', 'subject', 'Argument key')).toBe(1);
  });

  it('keeps keys apart per user: the same key from another user writes again', async () => {
    const key = randomUUID();
    const france = await logWithHeader(cast.france.token, 'Per-user key', key);
    const panama = await logWithHeader(cast.panama.token, 'Per-user key', key);
    expect(france.body.errors).toBeUndefined();
    expect(panama.body.errors).toBeUndefined();
    expect(panama.body.data.logInteraction.id).not.toBe(france.body.data.logInteraction.id);
    expect(await copies('interactions', 'subject', 'Per-user key')).toBe(2);
  });

  it('refuses a key reused for other arguments or another mutation with BAD_USER_INPUT, writing nothing', async () => {
    const key = randomUUID();
    expect((await logWithHeader(cast.france.token, 'Reused key', key)).body.errors).toBeUndefined();
    const otherInput = await logWithHeader(cast.france.token, 'Reused key, other subject', key);
    expect(errorCodes(otherInput)).toEqual(['BAD_USER_INPUT']);
    expect(otherInput.body.errors[0].message).toMatch(
      /^The idempotency key ".+" was used in the last 24 hours for another request \(logInteraction with other arguments\)/,
    );
    const otherMutation = await t.gql(
      'mutation($key: String) { createContact(input: { fullName: "Reused key" }, idempotencyKey: $key) { id } }',
      { key },
      cast.france.token,
    );
    expect(otherMutation.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', expect.stringMatching(/for another request \(logInteraction\)/)],
    ]);
    expect(await copies('interactions', 'subject', 'Reused key, other subject')).toBe(0);
    expect(await copies('contacts', 'full_name', 'Reused key')).toBe(0);
  });

  it('forgets a key after 24 hours', async () => {
    const key = randomUUID();
    const first = await logWithHeader(cast.france.token, 'Expired key', key);
    await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const later = await logWithHeader(cast.france.token, 'Expired key', key);
    expect(later.body.errors).toBeUndefined();
    expect(later.body.data.logInteraction.id).not.toBe(first.body.data.logInteraction.id);
    expect(await copies('interactions', 'subject', 'Expired key')).toBe(2);
    // ... and remembers it again from the new write.
    expect((await logWithHeader(cast.france.token, 'Expired key', key)).body).toEqual(later.body);
    expect(await copies('interactions', 'subject', 'Expired key')).toBe(2);
  });

  it('writes once when the same key arrives several times at once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => logWithHeader(cast.france.token, 'Concurrent key', key)));
    expect(answers.map((a) => a.body.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(answers.map((a) => a.body.data.logInteraction.id)).size).toBe(1);
    expect(await copies('interactions', 'subject', 'Concurrent key')).toBe(1);
  });

  it.each([
    [
      'createContact',
      'mutation($key: String) { createContact(input: { fullName: "Keyed contact" }, idempotencyKey: $key) { id fullName version } }',
      'contacts',
      'full_name',
      'Keyed contact',
    ],
    [
      'createGrouping',
      'mutation($key: String) { createGrouping(input: { name: "Keyed grouping", stateIso3s: ["VUT"] }, idempotencyKey: $key) { id name states { iso3 } } }',
      'groupings',
      'name',
      'Keyed grouping',
    ],
    [
      'recordObstacle',
      'mutation($key: String) { recordObstacle(input: { stateIso3: "TUV", category: TECHNICAL, description: "Keyed obstacle" }, idempotencyKey: $key) { id description recordedOn } }',
      'obstacles',
      'description',
      'Keyed obstacle',
    ],
    [
      'recordEvent',
      'mutation($key: String) { recordEvent(input: { name: "Keyed event", kind: FIRST_COMMITTEE, startsOn: "2026-10-01", endsOn: "2026-10-30" }, idempotencyKey: $key) { id name } }',
      'events',
      'name',
      'Keyed event',
    ],
  ])('%s: the same key twice creates one row and answers the same', async (_name, mutation, table, column, value) => {
    const key = randomUUID();
    const first = await t.gql(mutation, { key }, cast.france.token);
    expect(first.errors).toBeUndefined();
    const again = await t.gql(mutation, { key }, cast.france.token);
    expect(again).toEqual(first);
    expect(await copies(table, column, value)).toBe(1);
  });

  it('returns the first result to a retry whose first answer was lost after the commit', async () => {
    const key = randomUUID();
    const body = JSON.stringify({ query: LOG_PLAIN, variables: { input: input('Lost answer') } });
    const target = new URL(`${t.url}/graphql`);
    // The request is sent whole, then the connection is dropped: the write goes on, its answer is lost.
    await new Promise<void>((resolve) => {
      const req = request({
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${cast.france.token}`,
          'idempotency-key': key,
        },
      });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      req.end(body, () => {
        req.destroy();
        resolve();
      });
    });
    const deadline = Date.now() + 5000;
    while ((await copies('interactions', 'subject', 'Lost answer')) === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const [row] = await db.query(`SELECT id FROM interactions WHERE subject = 'Lost answer'`);
    expect(row).toEqual({ id: expect.any(String) });
    const retry = await logWithHeader(cast.france.token, 'Lost answer', key);
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data.logInteraction.id).toBe(row.id);
    expect(await copies('interactions', 'subject', 'Lost answer')).toBe(1);
  });

  it('refuses a malformed key', async () => {
    const response = await logWithHeader(cast.france.token, 'Malformed key', 'x'.repeat(256));
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await copies('interactions', 'subject', 'Malformed key')).toBe(0);
  });

  it('writes as before without a key', async () => {
    for (let i = 0; i < 2; i++) expect((await t.gql(LOG_PLAIN, { input: input('No key') }, cast.france.token)).errors).toBeUndefined();
    expect(await copies('interactions', 'subject', 'No key')).toBe(2);
  });
});
