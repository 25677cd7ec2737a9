import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/** The real PostgreSQL server of this machine (or the one DATABASE_URL names). */
export const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export const ADMIN = { email: 'admin@example.org', password: 'admin-password-for-faults' };

/** The service as `npm run start:prod` runs it: the bundle `npm run build` writes. */
export const SERVICE_MAIN = join(process.cwd(), 'dist', 'ratify.mjs');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Service {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the base URL once it listens; rejects if it exits first. */
  url: Promise<string>;
  /** Resolves with the exit code (or the signal's name) when it exits. */
  exited: Promise<number | string>;
  /** Resolves when a line matching `pattern` appears in its output. */
  waitFor(pattern: RegExp): Promise<void>;
}

/** Starts `node dist/ratify.mjs` (run `npm run build` first) with these variables. */
export function startService(env: Record<string, string>): Service {
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const watcher of watchers.filter((w) => w.pattern.test(text))) {
      watchers.splice(watchers.indexOf(watcher), 1);
      watcher.resolve();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(text)) return resolve();
      watchers.push({ pattern, resolve });
      void exited.then((code) => reject(new Error(`exited (${code}) before printing ${pattern}: ${text}`)));
    });
  const url = waitFor(/GraphQL at http:\/\/[^\s/]+\/graphql/).then(() => text.match(/GraphQL at (http:\/\/[^\s/]+)\/graphql/)![1]);
  url.catch(() => undefined);
  return { child, output: () => text, url, exited, waitFor };
}

export interface GqlResult {
  status: number;
  ms: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** Set when no HTTP response came (connection refused, reset, ...). */
  failure?: string;
}

export async function gql(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult> {
  const started = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: object;
    try {
      body = JSON.parse(text) as object;
    } catch {
      body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
    return { status: response.status, ms: Date.now() - started, ...body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, ms: Date.now() - started, failure: cause?.code ?? cause?.message ?? String(error) };
  }
}

export async function login(url: string): Promise<string> {
  const result = await gql(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: ADMIN.email,
    p: ADMIN.password,
  });
  if (!result.data) throw new Error(`login failed: ${JSON.stringify(result)}`);
  return result.data.login.token as string;
}

/** A fresh database on the real server; `url` points at it. */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ratify_fault_${randomBytes(6).toString('hex')}`;
  await serverQuery(SERVER_URL, `CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await serverQuery(SERVER_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export async function serverQuery<T = any>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  // A server shutting down ends idle connections with an error event: not a crash of the test.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** True when the server accepts a connection and answers a query. */
export async function serverAnswers(): Promise<boolean> {
  try {
    await serverQuery(SERVER_URL, 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls the server every 50 ms until stopped; tells when it first stopped answering and
 * when it first answered again after that.
 */
export function watchServer(): { stop(): Promise<{ wentDownAt?: number; cameBackAt?: number }> } {
  let running = true;
  let wentDownAt: number | undefined;
  let cameBackAt: number | undefined;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      const answers = await serverAnswers();
      if (!answers && wentDownAt === undefined) wentDownAt = at;
      if (answers && wentDownAt !== undefined && cameBackAt === undefined) cameBackAt = at;
      await sleep(50);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { wentDownAt, cameBackAt };
    },
  };
}

/** Waits until the server answers; returns when it first did (ms since the epoch). */
export async function waitForServer(timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await serverAnswers()) return Date.now();
    await sleep(50);
  }
  throw new Error(`PostgreSQL did not answer within ${timeoutMs} ms`);
}

/**
 * The local cluster the fault tests stop and start: `main` unless PG_FAULT_CLUSTER names another
 * (a private one, so that a fault test never takes down a server others are using; point
 * DATABASE_URL at it as well).
 */
export const FAULT_CLUSTER = process.env.PG_FAULT_CLUSTER || 'main';

/** Runs pg_ctlcluster on that cluster: 'stop', 'start' or 'restart' (fast shutdown). */
export async function postgresCluster(action: 'stop' | 'start' | 'restart'): Promise<void> {
  const version = readdirSync('/etc/postgresql').sort()[0];
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, FAULT_CLUSTER, action]);
}
