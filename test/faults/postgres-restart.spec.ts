import { randomBytes, randomUUID } from 'node:crypto';
import {
  createServerDatabase,
  gql,
  login,
  postgresCluster,
  serverQuery,
  sleep,
  startService,
  watchServer,
  waitForServer,
  type GqlResult,
  type Service,
} from '../support/service.js';

/**
 * PostgreSQL goes away under a steady stream of writes and comes back. The service must
 * stay up, fail fast with SERVICE_UNAVAILABLE meanwhile, and recover on its own. Each write
 * carries an idempotency key and a failed one is sent again with the same key until it is
 * acknowledged, as a careful client does: every write must then be stored exactly once, even
 * one whose COMMIT went through but whose answer was lost.
 *
 * It stops and starts the cluster PG_FAULT_CLUSTER (default `main`): give it a private one, e.g.
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres PG_FAULT_CLUSTER=faults`.
 */

const LOG = `mutation($input: LogInteractionInput!, $key: String) { logInteraction(input: $input, idempotencyKey: $key) { id subject } }`;
const WRITERS = 4;
const FAST_MS = 2500;
const RECOVERY_MS = 5000;
/** How long a writer keeps retrying its last write once the load is stopped. */
const FINISH_MS = 15_000;

interface Call extends GqlResult {
  subject: string;
  attempt: number;
  startedAt: number;
  endedAt: number;
}

interface Probe {
  at: number;
  status: number;
  ms: number;
}

const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${ms} ms`;

/** How many failed calls answered each (status, code, message). */
function tally(calls: GqlResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) {
    const error = call.errors?.[0];
    const key = call.failure ?? `${call.status} ${error?.extensions?.code ?? '-'} ${error?.message ?? ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('PostgreSQL restart under write load', () => {
  let database: { url: string; drop(): Promise<void> };
  let service: Service;
  let url: string;
  let token: string;

  beforeAll(async () => {
    await waitForServer();
    database = await createServerDatabase();
    service = startService({ DATABASE_URL: database.url, LOG_LEVEL: 'log', REQUEST_RATE_LIMIT: '0' });
    url = await service.url;
    token = await login(url);
  });

  afterAll(async () => {
    await waitForServer();
    if (service.child.exitCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    await database?.drop();
  });

  /** Writes and health probes until `stop()` is called. */
  function load(run: string) {
    const calls: Call[] = [];
    const probes: Probe[] = [];
    let running = true;
    let stoppedAt = Infinity;
    const writer = async (n: number) => {
      for (let i = 0; running; i++) {
        const subject = `${run}-${n}-${i}`;
        const key = randomUUID();
        const input = { type: 'EMAIL', occurredOn: '2025-06-01', subject, stateIso3s: ['VUT'] };
        // Until acknowledged, with the same key: the service writes it once whatever happened to earlier answers.
        for (let attempt = 1; ; attempt++) {
          const startedAt = Date.now();
          const result = await gql(url, LOG, { input, key }, token);
          calls.push({ ...result, subject, attempt, startedAt, endedAt: Date.now() });
          if (result.data?.logInteraction) break;
          if (Date.now() - stoppedAt > FINISH_MS) break;
          await sleep(result.failure ? 20 : 50);
        }
      }
    };
    const prober = async () => {
      while (running) {
        const at = Date.now();
        try {
          const response = await fetch(`${url}/health`);
          await response.arrayBuffer();
          probes.push({ at, status: response.status, ms: Date.now() - at });
        } catch {
          probes.push({ at, status: 0, ms: Date.now() - at });
        }
        await sleep(100);
      }
    };
    const workers = [...Array.from({ length: WRITERS }, (_, n) => writer(n)), prober()];
    return {
      calls,
      probes,
      async stop() {
        running = false;
        stoppedAt = Date.now();
        await Promise.all(workers);
      },
    };
  }

  async function outage(action: () => Promise<void>) {
    const run = `fault-${randomBytes(4).toString('hex')}`;
    const traffic = load(run);
    await sleep(1500);
    const watcher = watchServer();
    const commandAt = Date.now();
    await action();
    await waitForServer();
    await sleep(RECOVERY_MS + 3000);
    await traffic.stop();
    const { wentDownAt, cameBackAt } = await watcher.stop();
    const downAt = wentDownAt ?? commandAt;
    const upAt = cameBackAt ?? Date.now();

    const { calls, probes } = traffic;
    const failed = calls.filter((c) => !c.data);
    const acknowledged = calls.filter((c) => c.data?.logInteraction?.subject === c.subject);
    const firstSuccessAfterUp = acknowledged.filter((c) => c.startedAt >= upAt).sort((a, b) => a.endedAt - b.endedAt)[0];
    const window = failed.length
      ? { first: Math.min(...failed.map((c) => c.startedAt)), last: Math.max(...failed.map((c) => c.endedAt)) }
      : undefined;
    const stored = await serverQuery<{ subject: string; copies: number; id: string; createdAt: string }>(
      database.url,
      `SELECT subject, count(*)::int AS copies, min(id::text) AS id, min(created_at) AS "createdAt" FROM interactions WHERE subject LIKE $1 GROUP BY subject`,
      [`${run}-%`],
    );
    const copies = new Map(stored.map((row) => [row.subject, row.copies]));
    const storedIds = new Map(stored.map((row) => [row.subject, row.id]));
    const subjects = [...new Set(calls.map((c) => c.subject))];
    const retried = subjects.filter((subject) => calls.some((c) => c.subject === subject && c.attempt > 1));
    // Committed before the end of a failed attempt: the answer was lost, and the retry found the key.
    const createdAt = new Map(stored.map((row) => [row.subject, new Date(row.createdAt).getTime()]));
    const storedDespiteError = retried.filter((subject) =>
      failed.some((c) => c.subject === subject && createdAt.get(subject)! <= c.endedAt),
    );

    console.log(
      [
        `${calls.length} writes, ${acknowledged.length} acknowledged, ${failed.length} failed`,
        `database unreachable for ${upAt - downAt} ms (it stopped answering ${downAt - commandAt} ms after the command)`,
        window
          ? `error window: ${window.last - window.first} ms, from ${signed(window.first - downAt)} of the database going away to ${signed(window.last - upAt)} of its answering again`
          : 'error window: none',
        `slowest failed write: ${Math.max(0, ...failed.map((c) => c.ms))} ms`,
        `first write acknowledged ${firstSuccessAfterUp ? firstSuccessAfterUp.endedAt - upAt : 'never'} ms after the database answered again`,
        `health: ${probes.filter((p) => p.status === 503).length} probes answered 503, slowest ${Math.max(0, ...probes.map((p) => p.ms))} ms`,
        `failures: ${JSON.stringify(tally(failed))}`,
        `writes retried with their key: ${retried.length}; of them committed during a failed attempt: ${storedDespiteError.length ? storedDespiteError.join(', ') : 'none'}`,
      ].join('\n'),
    );

    const unexpected = service
      .output()
      .split('\n')
      .filter((line) => line.includes('unexpected error'));
    if (unexpected.length) console.log(`the service logged unexpected errors:\n${unexpected.join('\n')}`);
    return { calls, probes, failed, acknowledged, copies, storedIds, subjects, retried, upAt, firstSuccessAfterUp };
  }

  function expectResilience(result: Awaited<ReturnType<typeof outage>>) {
    const { calls, probes, failed, acknowledged, copies, storedIds, subjects, retried, upAt, firstSuccessAfterUp } = result;
    // The process stayed up.
    expect(service.child.exitCode).toBeNull();
    expect(service.child.signalCode).toBeNull();
    // The outage was felt, and answered fast with SERVICE_UNAVAILABLE.
    expect(failed.length).toBeGreaterThan(0);
    for (const call of failed) {
      expect({
        subject: call.subject,
        status: call.status,
        codes: (call.errors ?? []).map((e) => e.extensions?.code),
        failure: call.failure,
      }).toEqual({
        subject: call.subject,
        status: 200,
        codes: ['SERVICE_UNAVAILABLE'],
        failure: undefined,
      });
      expect(call.ms).toBeLessThan(FAST_MS);
    }
    // It recovered on its own, within RECOVERY_MS of the database answering.
    expect(firstSuccessAfterUp.endedAt - upAt).toBeLessThan(RECOVERY_MS);
    const late = calls.filter((c) => c.startedAt >= upAt + RECOVERY_MS);
    expect(late.length).toBeGreaterThan(0);
    expect(late.filter((c) => !c.data)).toEqual([]);
    // Health said so.
    expect(probes.some((p) => p.status === 503)).toBe(true);
    expect(probes.filter((p) => p.at >= upAt + RECOVERY_MS).every((p) => p.status === 200)).toBe(true);
    expect(Math.max(...probes.map((p) => p.ms))).toBeLessThan(FAST_MS);
    // Every write was retried until acknowledged, and is stored exactly once; nothing is stored twice.
    expect(retried.length).toBeGreaterThan(0);
    expect(subjects.filter((subject) => !acknowledged.some((c) => c.subject === subject))).toEqual([]);
    expect(subjects.filter((subject) => copies.get(subject) !== 1)).toEqual([]);
    expect([...copies].filter(([, n]) => n !== 1)).toEqual([]);
    // A retry answered the row the first attempt wrote.
    expect(acknowledged.filter((c) => c.data.logInteraction.id !== storedIds.get(c.subject)).map((c) => c.subject)).toEqual([]);
  }

  it('survives a restart (fast shutdown, then start)', async () => {
    expectResilience(await outage(() => postgresCluster('restart')));
  }, 60_000);

  it('fails fast through a longer outage and resumes when PostgreSQL is back', async () => {
    expectResilience(
      await outage(async () => {
        await postgresCluster('stop');
        await sleep(4000);
        await postgresCluster('start');
      }),
    );
  }, 60_000);
});
