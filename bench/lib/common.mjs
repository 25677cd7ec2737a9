// Shared helpers of the benchmark scripts: options, database URLs, child processes.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The PostgreSQL server: DATABASE_URL names the server (its database part is replaced). */
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseName(interactions) {
  return `ratify_bench_${interactions}`;
}

export const OPTIONS = {
  interactions: { type: 'string', default: '100000' },
  seed: { type: 'string', default: '1' },
  fresh: { type: 'boolean', default: false },
  duration: { type: 'string', default: '20' },
  warmup: { type: 'string', default: '5' },
  connections: { type: 'string', default: '20' },
  only: { type: 'string' },
  servers: { type: 'string' },
  database: { type: 'string' },
  smoke: { type: 'boolean', default: false },
  baseline: { type: 'string' },
  rounds: { type: 'string', default: '1' },
  label: { type: 'string' },
  'no-audit': { type: 'boolean', default: false },
};

export function readOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  const number = (name) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${values[name]}"`);
    return value;
  };
  return {
    interactions: number('interactions'),
    seed: number('seed'),
    fresh: values.fresh,
    duration: number('duration'),
    warmup: number('warmup'),
    connections: number('connections'),
    only: values.only?.split(',').map((s) => s.trim().toLowerCase()),
    servers: values.servers?.split(',').map((s) => s.trim().toLowerCase()),
    database: values.database,
    smoke: values.smoke,
    baseline: values.baseline,
    rounds: Math.max(1, number('rounds')),
    label: label(values.label),
    audit: !values['no-audit'],
  };
}

function label(value) {
  if (value !== undefined && !/^[a-z0-9-]+$/.test(value))
    throw new Error(`--label must be lowercase letters, digits and dashes, got "${value}"`);
  return value;
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs a command to completion, inheriting stdio; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

export function seconds(since) {
  return Math.round((performance.now() - since) / 100) / 10;
}

export const log = (...parts) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);
