import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A new, empty database for one test file: a fresh database on the real PostgreSQL server
 * when DATABASE_URL is set (tests never touch the database it names), otherwise a fresh
 * embedded PGlite folder. `env` configures the service to use it.
 */
export interface ProvisionedDatabase {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function provisionDatabase(): Promise<ProvisionedDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `ratify_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(base, `CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      dispose: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ratify-test-'));
  return {
    env: { DATABASE_URL: '', DATA_DIR: dir },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
