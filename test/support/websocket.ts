import WebSocket from 'ws';
import type { GqlResponse } from './app.js';

export interface Closed {
  code: number;
  reason: string;
  /** When the close arrived (ms since the epoch). */
  at: number;
}

/** A bare graphql-ws (graphql-transport-ws) connection, to drive the protocol message by message. */
export interface Probe {
  socket: WebSocket;
  /** Every message received and not yet taken by `next`. */
  messages: any[];
  /** Every `next` message received, per operation id (kept even after `next` took them). */
  delivered(id: string): any[];
  send(message: unknown): void;
  closed: Promise<Closed>;
  /** How the socket closed, or 'still open' if it did not within `timeoutMs`. */
  closedWithin(timeoutMs: number): Promise<Closed | 'still open'>;
  /** Takes the first message of this type, waiting up to `timeoutMs`. */
  next(type: string, timeoutMs?: number): Promise<any>;
  /** Sends connection_init with this authorization and waits for the acknowledgement. */
  init(authorization?: string): Promise<void>;
  /**
   * Runs one query or mutation (a subscribe that yields one result) and resolves with its
   * outcome in the shape of an HTTP response (status 0: there is none over a WebSocket).
   */
  request(query: string, variables?: Record<string, unknown>): Promise<GqlResponse>;
  /** Starts a subscription under this id. */
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
}

export function wsUrl(url: string): string {
  return url.replace(/^http/, 'ws') + '/graphql';
}

let requests = 0;

export async function connect(url: string): Promise<Probe> {
  const socket = new WebSocket(wsUrl(url), 'graphql-transport-ws');
  const messages: any[] = [];
  const nexts = new Map<string, any[]>();
  socket.on('message', (data) => {
    const message = JSON.parse((data as Buffer).toString());
    messages.push(message);
    if (message.type === 'next') nexts.set(message.id, [...(nexts.get(message.id) ?? []), message.payload]);
  });
  const closed = new Promise<Closed>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const send = (message: unknown) => socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  const probe: Probe = {
    socket,
    messages,
    closed,
    closedWithin: (timeoutMs) =>
      Promise.race([closed, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), timeoutMs).unref())]),
    delivered: (id) => nexts.get(id) ?? [],
    send,
    async next(type, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.type === type);
        if (found) {
          messages.splice(messages.indexOf(found), 1);
          return found;
        }
        if (isClosed || Date.now() > deadline)
          throw new Error(`no ${type} message${isClosed ? ' before the socket closed' : ''}; got ${JSON.stringify(messages)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async init(authorization) {
      send({ type: 'connection_init', payload: authorization ? { authorization } : {} });
      await probe.next('connection_ack');
    },
    async request(query, variables) {
      const id = `request-${++requests}`;
      send({ type: 'subscribe', id, payload: { query, variables } });
      for (;;) {
        const answer = messages.find((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
        if (answer) {
          messages.splice(messages.indexOf(answer), 1);
          if (answer.type === 'error') return { status: 0, data: null, errors: answer.payload };
          return { status: 0, data: answer.payload.data ?? null, ...(answer.payload.errors ? { errors: answer.payload.errors } : {}) };
        }
        if (isClosed) {
          const { code, reason } = await closed;
          throw new Error(`the socket closed (${code} ${reason}) before answering`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    subscribe(id, query, variables) {
      send({ type: 'subscribe', id, payload: { query, variables } });
    },
  };
  return probe;
}

/** Opens a socket and signs in with this token. */
export async function openSession(url: string, token: string): Promise<Probe> {
  const probe = await connect(url);
  await probe.init(`Bearer ${token}`);
  return probe;
}

/**
 * One operation over its own graphql-ws connection, with the outcome in the shape `TestApp.gql`
 * gives over HTTP. A connection_init refused before the acknowledgement (4403: no token, or one
 * that is not valid) is how the protocol says UNAUTHENTICATED, and is reported as that.
 */
export async function wsGql(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse> {
  const probe = await connect(url);
  try {
    probe.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
    const acknowledged = await probe.next('connection_ack', 5000).then(
      () => true,
      () => false,
    );
    if (!acknowledged) {
      const { code, reason } = await Promise.race([
        probe.closed,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('neither acknowledged nor closed')), 1000)),
      ]);
      if (code !== 4403) throw new Error(`connection_init refused with ${code} ${reason}`);
      return { status: 0, data: null, errors: [{ message: reason, extensions: { code: 'UNAUTHENTICATED' } }] };
    }
    return await probe.request(query, variables);
  } finally {
    probe.socket.close(1000);
  }
}
