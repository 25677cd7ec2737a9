import WebSocket from 'ws';
import { ADMIN, startTestApp, type TestApp } from '../support/app.js';

const SUBSCRIPTION = 'subscription { activityAdded { summary } }';

interface Probe {
  socket: WebSocket;
  messages: any[];
  send(message: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
  next(type: string, timeoutMs?: number): Promise<any>;
}

/** A bare graphql-ws (graphql-transport-ws) connection, to check the protocol itself. */
async function connect(url: string): Promise<Probe> {
  const socket = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse((data as Buffer).toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    async next(type, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.type === type);
        if (found) {
          messages.splice(messages.indexOf(found), 1);
          return found;
        }
        if (Date.now() > deadline) throw new Error(`no ${type} message; got ${JSON.stringify(messages)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

describe('GraphQL over WebSocket (graphql-ws protocol)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ WS_INIT_TIMEOUT_MS: '500' });
    token = await t.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  const init = (probe: Probe, authorization = `Bearer ${token}`) => probe.send({ type: 'connection_init', payload: { authorization } });

  it('acknowledges an authenticated connection_init and answers ping with pong', async () => {
    const probe = await connect(t.url);
    init(probe);
    await probe.next('connection_ack');
    probe.send({ type: 'ping' });
    await probe.next('pong');
    probe.socket.close(1000);
  });

  it('closes with 4400 on a message that is not valid', async () => {
    const probe = await connect(t.url);
    probe.send('this is not JSON');
    expect((await probe.closed).code).toBe(4400);
  });

  it('closes with 4401 on a subscribe before the connection is acknowledged', async () => {
    const probe = await connect(t.url);
    probe.send({ type: 'subscribe', id: '1', payload: { query: SUBSCRIPTION } });
    expect((await probe.closed).code).toBe(4401);
  });

  it('closes with 4403 when the token is missing or invalid', async () => {
    const probe = await connect(t.url);
    init(probe, 'Bearer not-a-token');
    expect((await probe.closed).code).toBe(4403);
  });

  it('closes with 4408 when no connection_init comes in time', async () => {
    const probe = await connect(t.url);
    expect((await probe.closed).code).toBe(4408);
  });

  it('closes with 4429 on a second connection_init', async () => {
    const probe = await connect(t.url);
    init(probe);
    await probe.next('connection_ack');
    init(probe);
    expect((await probe.closed).code).toBe(4429);
  });

  it('closes with 4409 when a subscription id is already in use', async () => {
    const probe = await connect(t.url);
    init(probe);
    await probe.next('connection_ack');
    probe.send({ type: 'subscribe', id: 'same', payload: { query: SUBSCRIPTION } });
    probe.send({ type: 'subscribe', id: 'same', payload: { query: SUBSCRIPTION } });
    expect((await probe.closed).code).toBe(4409);
  });

  it('stops a subscription on complete', async () => {
    const probe = await connect(t.url);
    init(probe);
    await probe.next('connection_ack');
    const log = (subject: string) =>
      t.gql(
        'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
        { input: { type: 'EMAIL', occurredOn: '2026-11-26', subject, stateIso3s: ['NPL'] } },
        token,
      );
    probe.send({ type: 'subscribe', id: 'live', payload: { query: SUBSCRIPTION } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await log('Before complete');
    const first = await probe.next('next');
    expect(first).toEqual({
      type: 'next',
      id: 'live',
      payload: { data: { activityAdded: { summary: 'E-mail with Nepal: Before complete' } } },
    });
    probe.send({ type: 'complete', id: 'live' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await log('After complete');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(probe.messages.filter((m) => m.type === 'next')).toEqual([]);
    probe.socket.close(1000);
  });

  it('refuses an invalid subscription document with an error message and keeps the connection', async () => {
    const probe = await connect(t.url);
    init(probe);
    await probe.next('connection_ack');
    probe.send({ type: 'subscribe', id: 'bad', payload: { query: 'subscription { nope }' } });
    const error = await probe.next('error');
    expect(error.id).toBe('bad');
    expect(error.payload[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    probe.send({ type: 'ping' });
    await probe.next('pong');
    probe.socket.close(1000);
  });
});
