import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscriber {
  received: any[];
  /** Resolves once `count` events have arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<any[]>;
  close(): Promise<void>;
}

/** A graphql-ws client subscribed to one operation, collecting what it receives. */
export async function subscribe(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Subscriber> {
  const client: Client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
  });
  await new Promise<void>((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      resolve();
    });
    client.on('closed', (event) => reject(new Error(`closed: ${(event as { code?: number }).code}`)));
  });
  const received: any[] = [];
  const waiters: (() => void)[] = [];
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        received.push(value);
        waiters.splice(0).forEach((wake) => wake());
      },
      error: (error) => received.push({ error }),
      complete: () => undefined,
    },
  );
  // The subscription is registered once the server has seen the subscribe message.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return {
    received,
    async waitFor(count, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} events, got ${received.length}: ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received;
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}
