import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { provisionDatabase, type ProvisionedDatabase } from '../support/provision.js';
import { SERVICE_MAIN } from '../support/service.js';

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; url: Promise<string> } {
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: { PATH: process.env.PATH, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = text.match(/GraphQL at (http:\/\/[^\s/]+)\/graphql/);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)));
  });
  return { child, output: () => text, url };
}

function exit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('the service as a process (npm start)', () => {
  let database: ProvisionedDatabase;
  let dataDir: string;

  beforeAll(async () => {
    database = await provisionDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'ratify-process-'));
  });

  afterAll(async () => {
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, reports health, and exits 0 on SIGTERM', async () => {
    const service = start({ ...database.env, DATA_DIR: database.env.DATA_DIR ?? dataDir });
    const url = await service.url;
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const exited = exit(service.child);
    const stoppedAt = Date.now();
    service.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  });

  it('serves, as the bundle that runs in production, exactly the schema of the code (schema.graphql)', async () => {
    const service = start({ ...database.env, DATA_DIR: database.env.DATA_DIR ?? dataDir });
    try {
      const url = await service.url;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: getIntrospectionQuery({ specifiedByUrl: true }) }),
      });
      const { data } = (await response.json()) as { data: IntrospectionQuery };
      const served = printSchema(lexicographicSortSchema(buildClientSchema(data)));
      const committed = printSchema(lexicographicSortSchema(buildSchema(readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8'))));
      expect(served).toBe(committed);
    } finally {
      const exited = exit(service.child);
      service.child.kill('SIGTERM');
      await exited;
    }
  });

  it('stops with one clear line when DATABASE_URL is malformed', async () => {
    const service = start({ DATABASE_URL: 'mysql://localhost/db', DATA_DIR: dataDir });
    service.url.catch(() => undefined);
    expect(await exit(service.child)).toBe(1);
    expect(service.output().trim()).toBe('Configuration error: DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"');
  });

  it('refuses to start in production without a JWT secret', async () => {
    const service = start({ ...database.env, NODE_ENV: 'production', DATA_DIR: dataDir });
    service.url.catch(() => undefined);
    expect(await exit(service.child)).toBe(1);
    expect(service.output().trim()).toBe('Configuration error: JWT_SECRET is required when NODE_ENV=production');
  });

  it('stops with one clear line when the database cannot be reached', async () => {
    const service = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing', DATA_DIR: dataDir });
    service.url.catch(() => undefined);
    expect(await exit(service.child)).toBe(1);
    expect(service.output().trim()).toBe('Cannot start: could not connect to postgres://postgres@127.0.0.1:1/nothing (ECONNREFUSED)');
  });
});
