import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, PROJECT_ROOT } from '../../src/config/config.js';
import { migrate, openDatabase } from '../../src/database/data-source.js';

/**
 * A new, empty database for one test file: a fresh database on the real PostgreSQL server
 * when DATABASE_URL is set (tests never touch the database it names), otherwise a fresh
 * embedded PGlite folder. `env` configures the service to use it.
 */
export interface ProvisionedDatabase {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function provisionDatabase({ migrated = false }: { migrated?: boolean } = {}): Promise<ProvisionedDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `ratify_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(base, migrated ? `CREATE DATABASE ${name} TEMPLATE ${await migratedTemplate(base)}` : `CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      dispose: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ratify-test-'));
  if (migrated) cpSync(await migratedEmbeddedTemplate(), join(dir, 'pglite'), { recursive: true });
  return {
    env: { DATABASE_URL: '', DATA_DIR: dir },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A database on the server with every migration run and nothing else, to copy (`CREATE DATABASE …
 * TEMPLATE`, a fraction of a second) rather than migrate each test file's database (seconds). Its
 * name carries a hash of the migrations' files, so a changed migration makes a new one; the first
 * test file to need it builds it, under an advisory lock, and older ones are dropped.
 */
let template: Promise<string> | undefined;

function migratedTemplate(base: string): Promise<string> {
  template ??= buildTemplate(base);
  return template;
}

/** A hash of the migrations' files: a changed migration makes a new template. */
function migrationsHash(): string {
  const dir = join(PROJECT_ROOT, 'migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

async function buildTemplate(base: string): Promise<string> {
  const name = `ratify_template_${migrationsHash()}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['ratify:test-template']);
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', ['ratify\\_template\\_%']);
    if (!rows.some((row) => row.datname === name)) {
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building}`);
      await client.query(`CREATE DATABASE ${building}`);
      const url = new URL(base);
      url.pathname = `/${building}`;
      const handle = await openDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString() }));
      try {
        await migrate(handle);
      } finally {
        await handle.close();
      }
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    for (const { datname } of rows) {
      if (datname !== name) await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['ratify:test-template']).catch(() => undefined);
    await client.end();
  }
  return name;
}

/**
 * The embedded database's twin of the template above: a PGlite folder with every migration run,
 * copied into each test file's folder (a fraction of a second) instead of initialising and
 * migrating a new one (seconds). Built once per set of migrations in the system's temporary folder;
 * two test workers that build it at once both finish, and the first rename wins.
 */
let embeddedTemplate: Promise<string> | undefined;

function migratedEmbeddedTemplate(): Promise<string> {
  embeddedTemplate ??= buildEmbeddedTemplate();
  return embeddedTemplate;
}

async function buildEmbeddedTemplate(): Promise<string> {
  const target = join(tmpdir(), `ratify-pglite-template-${migrationsHash()}`);
  if (existsSync(target)) return target;
  const building = mkdtempSync(join(tmpdir(), 'ratify-pglite-building-'));
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: '', DATA_DIR: building });
    const handle = await openDatabase(config);
    try {
      await migrate(handle);
    } finally {
      await handle.close();
    }
    try {
      renameSync(config.embeddedDir, target);
    } catch (error) {
      if (!existsSync(target)) throw error;
    }
    for (const entry of readdirSync(tmpdir())) {
      const path = join(tmpdir(), entry);
      if (entry.startsWith('ratify-pglite-template-') && path !== target) rmSync(path, { recursive: true, force: true });
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return target;
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
