import { execFileSync } from 'node:child_process';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { createServerDatabase, gql, login, sleep, startService, type Service } from '../support/service.js';

/**
 * Losing Redis: queries and mutations keep working, live subscribers are told their stream was
 * interrupted (and the client subscribes again), and live delivery comes back by itself.
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
const START_REDIS = [
  '--daemonize',
  'yes',
  '--bind',
  '127.0.0.1',
  '-::1',
  '--port',
  '6379',
  '--save',
  '',
  '--appendonly',
  'no',
  '--dir',
  '/var/lib/redis',
  '--logfile',
  '/var/log/redis/ci.log',
];

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
  return Date.now() - started;
}

describe('Redis lost and back', () => {
  let database: { url: string; drop(): Promise<void> };
  let service: Service;

  beforeAll(async () => {
    if (!(await redisAnswers())) execFileSync('redis-server', START_REDIS);
    database = await createServerDatabase();
    service = startService({ DATABASE_URL: database.url, REDIS_URL, LOGIN_RATE_LIMIT: '1000' });
  }, 60_000);

  afterAll(async () => {
    if (!(await redisAnswers())) execFileSync('redis-server', START_REDIS);
    if (service && service.child.exitCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    await database?.drop();
  });

  it('keeps serving, tells subscribers, and recovers live delivery without a restart', async () => {
    const url = await service.url;
    const token = await login(url);
    const received: string[] = [];
    const errors: unknown[] = [];
    let connections = 0;
    const client = createClient({
      url: url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: Infinity,
      retryWait: async () => {
        await sleep(300);
      },
      shouldRetry: () => true,
      on: { connected: () => connections++ },
    });
    const listen = () =>
      client.subscribe(
        { query: 'subscription { activityAdded { summary } }' },
        {
          next: (value: any) => received.push(value.data.activityAdded.summary),
          error: (error) => {
            errors.push(error);
            setTimeout(listen, 300); // told: subscribe again
          },
          complete: () => undefined,
        },
      );
    listen();
    await until(() => connections > 0, 5000, 'the subscription');
    await sleep(200);
    const log = (subject: string) =>
      gql(
        url,
        'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
        {
          input: { type: 'EMAIL', occurredOn: '2026-11-27', subject, stateIso3s: ['BTN'], visibility: 'SHARED' },
        },
        token,
      );

    expect((await log('Before the outage')).errors).toBeUndefined();
    await until(() => received.includes('E-mail with Bhutan: Before the outage'), 2000, 'the first event');

    execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'shutdown', 'nosave']);
    await until(async () => !(await redisAnswers()), 5000, 'Redis to stop');
    await until(() => errors.length > 0, 5000, 'subscribers to be told');
    const during = await log('During the outage');
    expect(during.errors).toBeUndefined();
    expect((await gql(url, '{ states(first: 1) { totalCount } }', {}, token)).data.states.totalCount).toBe(197);

    execFileSync('redis-server', START_REDIS);
    await until(redisAnswers, 10_000, 'Redis to start');
    const recovery = await until(
      async () => {
        const subject = `After the outage ${Date.now()}`;
        await log(subject);
        await sleep(300);
        return received.includes(`E-mail with Bhutan: ${subject}`);
      },
      15_000,
      'live delivery to come back',
    );
    console.log(`live delivery back ${recovery} ms after Redis answered; subscribers told ${errors.length} time(s)`);
    void client.dispose();
    const feed = await gql(url, '{ activityFeed(first: 50) { edges { node { summary } } } }', {}, token);
    expect(feed.data.activityFeed.edges.map((e: any) => e.node.summary)).toContain('E-mail with Bhutan: During the outage');
  }, 60_000);
});
