// The benchmark: `npm run bench -- --interactions 1000000 [--duration 20] [--warmup 5] [--connections 20]
//   [--only q1,q2,q3,w1,w2,w3,w4,w5] [--servers ratify,ceiling,postgraphile] [--seed N] [--fresh]
//   [--baseline DIR] [--rounds N]`
// and the CI smoke check: `npm run bench:smoke` (2,000 interactions, 2 s runs, answers compared).
//
// Loads (or reuses) the database, starts the three servers on core 0 with the statement-counting
// hook, checks that they give the same answers, then loads each question on each server with
// autocannon on core 1. Writes bench/results/<date>-<scale>.json and the EXPLAIN dumps of the
// service's statements beside it, and prints a Markdown table.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDatabase, VIEWER } from './generate.mjs';
import { log, readOptions, ROOT, withClient } from './lib/common.mjs';
import { randomUUID } from 'node:crypto';
import {
  difference,
  normalize as normalizeAnswer,
  problem,
  request as requestFor,
  variables,
  W1_KEY_HEADER,
  W1_STATES,
  W1_SUBJECT,
  W2_SUBJECT,
  W3_NOTE,
  W3_STAGES,
  W4_DESCRIPTION,
  W5_NAME,
} from './lib/questions.mjs';

/** The tables that the writes add to or change. */
const WRITTEN_TABLES = [
  'idempotency_keys',
  'obstacles',
  'contacts',
  'contact_postings',
  'activity_events',
  'audit_entries',
  'stage_changes',
  'states',
  'interactions',
  'interaction_states',
  'interaction_contacts',
  'state_interaction_counts',
];

const QUESTIONS = ['q1', 'q2', 'q3', 'w1', 'w2', 'w3', 'w4', 'w5'];
/** The questions sent with a new idempotency key each time (the ceiling stores it too; PostGraphile has none). */
const KEYED = new Set(['w1']);
const SERVERS = ['ratify', 'ceiling', 'postgraphile'];
/**
 * `--baseline DIR`: the service as built in another checkout (say a git worktree of the commit
 * before a change), run beside this one as the server "baseline" and asked the same questions, in
 * turn with this one, so that a change's effect is measured side by side rather than across runs.
 */
const BASELINE = 'baseline';
/** The server whose requests and answers a server shares: the baseline is the service too. */
const kind = (server) => (server === BASELINE ? 'ratify' : server);
const request = (server, question, vars) => requestFor(kind(server), question, vars);
const normalize = (server, question, data) => normalizeAnswer(kind(server), question, data);
/** A port nothing listens on now (so that two runs on one machine do not meet). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
const SERVER_CORE = '0';
const LOAD_CORE = '1';

const options = readOptions();
if (options.smoke) {
  options.interactions = 2000;
  options.duration = 2;
  options.warmup = 0;
  options.connections = Math.min(options.connections, 4);
  // One smoke database per checkout, so that two checkouts on one server do not share it.
  options.database ??= `ratify_bench_smoke_${basename(ROOT)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')}`;
}
const questions = options.only ?? QUESTIONS;
for (const q of questions) if (!QUESTIONS.includes(q)) throw new Error(`--only: unknown question ${q} (${QUESTIONS.join(', ')})`);
for (const s of options.servers ?? []) if (!SERVERS.includes(s)) throw new Error(`--servers: unknown server ${s} (${SERVERS.join(', ')})`);
const baselineDir = options.baseline && resolve(options.baseline);
if (baselineDir && !['dist/ratify.mjs', 'bench/hooks/count-sql.mjs'].every((file) => existsSync(join(baselineDir, file))))
  throw new Error(`--baseline: ${baselineDir} needs dist/ratify.mjs (npm run build there) and bench/hooks/count-sql.mjs`);
const servers = [...(baselineDir ? [BASELINE] : []), ...(options.servers ?? SERVERS)];

const PORTS = {};
const COUNTER_PORTS = {};
for (const server of [BASELINE, ...SERVERS]) {
  PORTS[server] = await freePort();
  COUNTER_PORTS[server] = await freePort();
}

const db = await ensureDatabase(options);
const startedAt = new Date();
/** W3's States (none with a deposit) as generated: their stage and version are put back after the run. */
let w3States = [];
const viewer = await withClient(db.url, async (c) => {
  const user = (await c.query(`SELECT id, organization_id FROM users WHERE email = $1`, [VIEWER.email])).rows[0];
  const contact = (await c.query(`SELECT id FROM contacts WHERE state_iso3 = $1 ORDER BY id LIMIT 1`, [W1_STATES[0]])).rows[0];
  await c.query(readFileSync(join(ROOT, 'bench/peer/schema.sql'), 'utf8'));
  return { id: user.id, organizationId: user.organization_id, contactId: contact?.id };
});
await withClient(db.url, async (c) => {
  // What an interrupted run left, then W2's interactions (one per connection, and one for the checks).
  await removeWrites(c);
  await c.query(
    `WITH made AS (
       INSERT INTO interactions (id, type, occurred_on, subject, visibility, organization_id, author_id)
       SELECT gen_random_uuid(), 'LETTER', DATE '2026-11-02', $1, 'COORDINATORS', $2, $3 FROM generate_series(1, $4) RETURNING id)
     INSERT INTO interaction_states (interaction_id, state_iso3) SELECT id, 'FJI' FROM made`,
    [W2_SUBJECT, viewer.organizationId, viewer.id, options.connections + 1],
  );
  w3States = (
    await c.query(
      `SELECT iso3, ratification_stage, version, updated_at FROM states
       WHERE consent_date IS NULL AND withdrawal_date IS NULL AND iso3 NOT IN ('KIR', 'IND', 'FJI') ORDER BY iso3 LIMIT 40`,
    )
  ).rows;
});

/** W2's interactions with their versions now. */
async function w2Items() {
  return withClient(
    db.url,
    async (c) => (await c.query('SELECT id::text, version FROM interactions WHERE subject = $1 ORDER BY id', [W2_SUBJECT])).rows,
  );
}

/** W3's moves in turn: each State to the first stage, then each to the second. */
const w3Moves = () => W3_STAGES.flatMap((stage) => w3States.map((state) => ({ iso3: state.iso3, stage })));

/** The variables of one request sent alone (W2 with an interaction's current version, W3 with the first move). */
async function singleVars(question, vars) {
  if (question === 'w2') return variables('w2', { item: (await w2Items())[0] });
  if (question === 'w3') return variables('w3', { move: w3Moves()[0] });
  return vars[question];
}

// ---- servers -------------------------------------------------------------------------------

function command(server) {
  // The hook patches the `pg` that the server loads: the one of the server's own checkout.
  const hook = ['--import', pathToFileURL(join(server === BASELINE ? baselineDir : ROOT, 'bench/hooks/count-sql.mjs')).href];
  // As `npm run start:prod` starts it: its Node.js flags, then the hook, then the bundle.
  if (kind(server) === 'ratify') return [...startFlags(server === BASELINE ? baselineDir : ROOT), ...hook, 'dist/ratify.mjs'];
  if (server === 'ceiling') return [...hook, 'bench/ceiling/server.mjs'];
  return [...hook, 'bench/peer/server.mjs'];
}

/** The Node.js flags of a checkout's `start:prod` script (`node <flags> dist/ratify.mjs`). */
function startFlags(dir) {
  const script = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts['start:prod'];
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/ratify.mjs')
    throw new Error(`start:prod is not "node [flags] dist/ratify.mjs": ${script}`);
  return words.slice(1, -1);
}

function startServer(server) {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    PORT: String(PORTS[server]),
    HOST: '127.0.0.1',
    BENCH_COUNTER_PORT: String(COUNTER_PORTS[server]),
    BENCH_VIEWER_ID: viewer.id,
    BENCH_VIEWER_ORG: viewer.organizationId,
    BENCH_VIEWER_ROLE: 'COORDINATOR',
    JWT_SECRET: 'benchmark-only-secret-0123456789abcdef',
    REQUEST_RATE_LIMIT: '0',
    // With 20 connections on a pool of 10, a request may wait for a connection longer than the
    // default 2 s when a question is slow: measure its throughput rather than its fast refusals.
    DB_CONNECT_TIMEOUT_MS: '30000',
    LOGIN_RATE_LIMIT: '1000000',
    LOG_LEVEL: 'warn',
  };
  delete env.REDIS_URL;
  const started = performance.now();
  const child = spawn('taskset', ['-c', SERVER_CORE, process.execPath, ...command(server)], {
    cwd: server === BASELINE ? baselineDir : ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  // BENCH_SERVER_LOG=dir keeps each server's whole output (say, with --trace-gc in start:prod).
  if (process.env.BENCH_SERVER_LOG) {
    mkdirSync(process.env.BENCH_SERVER_LOG, { recursive: true });
    const file = createWriteStream(join(process.env.BENCH_SERVER_LOG, `${server}.log`));
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  return { server, child, started, output: () => output, port: PORTS[server], counterPort: COUNTER_PORTS[server] };
}

async function post(port, path, body, headers = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // reported by problem()
  }
  return { status: response.status, json, text };
}

/** Waits for the first answered request; returns the milliseconds since the process started. */
async function waitUntilUp(handle) {
  for (let i = 0; i < 1200; i++) {
    if (handle.child.exitCode !== null) throw new Error(`${handle.server} exited:\n${handle.output()}`);
    try {
      const answer =
        handle.server === 'ceiling'
          ? await fetch(`http://127.0.0.1:${handle.port}/health`)
          : await post(handle.port, '/graphql', { query: '{ __typename }' });
      if (answer.status === 200) return Math.round(performance.now() - handle.started);
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`${handle.server} did not answer within 30 s:\n${handle.output()}`);
}

async function counter(handle, path = '/count') {
  const response = await fetch(`http://127.0.0.1:${handle.counterPort}${path}`, { method: path === '/count' ? 'GET' : 'POST' });
  return response.json();
}

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** The kernel's clock ticks per second, the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (ms) a process has used: user and system, its own and its reaped children's (/proc/<pid>/stat). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime: fields 14 to 17 of stat, 12 to 15 after the command name.
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * (1000 / CLOCK_TICKS);
  } catch {
    return 0; // exited meanwhile
  }
}

/**
 * CPU time (ms) used by PostgreSQL: every postgres process, with the backends that exited counted
 * in the postmaster's reaped children's time.
 */
function postgresCpuMs() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let comm = '';
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm === 'postgres') total += cpuMs(pid);
  }
  return total;
}

async function stopServer(handle) {
  if (handle.child.exitCode !== null) return;
  const exited = new Promise((resolve) => handle.child.once('exit', resolve));
  handle.child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (handle.child.exitCode === null) handle.child.kill('SIGKILL');
}

// ---- measuring -----------------------------------------------------------------------------

function load(spec) {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', LOAD_CORE, process.execPath, 'bench/load.mjs', JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop())) : reject(new Error(`load run exited with ${code}`)),
    );
  });
}

const APPLICATION_NAMES = { ratify: 'ratify', baseline: 'ratify', ceiling: 'bench-ceiling', postgraphile: 'bench-postgraphile' };

/** The server's statements still running in PostgreSQL. */
async function running(handle) {
  return withClient(db.url, async (c) => {
    const { rows } = await c.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND state = 'active'`,
      [APPLICATION_NAMES[handle.server]],
    );
    return rows[0].n;
  });
}

/**
 * The statement count once the server is idle: no statement sent for half a second and none
 * running. Requests the load generator gave up on keep running in the server and the database; after
 * `patience` seconds what is left is cancelled, so that it does not slow down the next run.
 */
async function quietCount(handle, patience = 30) {
  let last = (await counter(handle)).count;
  let quiet = 0;
  let cancelled = 0;
  const started = performance.now();
  while (quiet < 2) {
    await sleep(250);
    const now = (await counter(handle)).count;
    quiet = now === last && (await running(handle)) === 0 ? quiet + 1 : 0;
    last = now;
    if (quiet < 2 && performance.now() - started > patience * 1000) {
      cancelled += await withClient(db.url, async (c) => {
        const { rows } = await c.query(
          `SELECT count(*) FILTER (WHERE pg_cancel_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = $1 AND state = 'active'`,
          [APPLICATION_NAMES[handle.server]],
        );
        return rows[0].n;
      });
      await sleep(1000);
    }
  }
  handle.cancelled = (handle.cancelled ?? 0) + cancelled;
  return last;
}

/** The headers of one request: the server's, with a new idempotency key for a keyed question. */
function headersOf(server, question, base = {}) {
  return KEYED.has(question) && server !== 'postgraphile' ? { ...base, [W1_KEY_HEADER]: randomUUID() } : base;
}

/** Statements per request, from single requests sent one after the other. */
async function statementsPerRequest(handle, req, headers, times = 3) {
  await post(handle.port, req.path, req.body, headers);
  const before = (await counter(handle)).count;
  for (let i = 0; i < times; i++) {
    const answer = await post(handle.port, req.path, req.body, headers);
    const trouble = answer.status === 200 ? problem(answer.json) : `HTTP ${answer.status}`;
    if (trouble) return `failed: ${trouble.slice(0, 200)}`;
  }
  return ((await counter(handle)).count - before) / times;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement a server sent for one request, in one transaction
 * rolled back at the end: the settings it made (set_config, such as PostGraphile's viewer) are
 * replayed rather than explained, so that each statement runs as it did.
 */
async function explainAll(statements, dir, prefix) {
  const files = [];
  await withClient(db.url, async (client) => {
    let n = 0;
    await client.query('BEGIN');
    try {
      for (const { text, values } of statements) {
        if (!text || /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|SELECT 1\b)/i.test(text)) continue;
        if (/^\s*SELECT set_config/i.test(text)) {
          await client.query(text, values);
          continue;
        }
        n++;
        let plan;
        await client.query('SAVEPOINT explain');
        try {
          const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
          plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
          await client.query('RELEASE SAVEPOINT explain');
        } catch (error) {
          plan = `EXPLAIN failed: ${error.message}`;
          await client.query('ROLLBACK TO SAVEPOINT explain');
        }
        const file = join(dir, `${prefix}-${n}.txt`);
        writeFileSync(file, `-- ${prefix}, statement ${n}\n${text.trim()}\n\n-- parameters: ${JSON.stringify(values)}\n\n${plan}\n`);
        files.push(file.slice(ROOT.length + 1));
      }
    } finally {
      await client.query('ROLLBACK');
    }
  });
  return files;
}

/** Removes what the writes wrote (and their audit trail and keys) and puts W3's States back, so that the database stays as generated for the next run. */
async function removeWrites(client) {
  await client.query('BEGIN');
  // No audit trail of the removal, nor the triggers that keep the State link counts (see below).
  await client.query('SET LOCAL session_replication_role = replica');
  await client.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND operation = 'logInteraction'`, [viewer.id]);
  await client.query('CREATE TEMPORARY TABLE obstacles_written ON COMMIT DROP AS SELECT id FROM obstacles WHERE description = $1', [
    W4_DESCRIPTION,
  ]);
  await client.query('CREATE TEMPORARY TABLE contacts_written ON COMMIT DROP AS SELECT id FROM contacts WHERE full_name = $1', [W5_NAME]);
  await client.query('DELETE FROM activity_events WHERE subject_id IN (SELECT id FROM obstacles_written)');
  await client.query(`DELETE FROM activity_events WHERE kind = 'CONTACT_ADDED' AND summary LIKE '%' || $1 || '%'`, [W5_NAME]);
  await client.query(`DELETE FROM audit_entries WHERE entity = 'obstacles' AND entity_id IN (SELECT id::text FROM obstacles_written)`);
  await client.query(
    `DELETE FROM audit_entries WHERE (entity = 'contacts' AND entity_id IN (SELECT id::text FROM contacts_written))
       OR (entity = 'contact_postings' AND after ->> 'contact_id' IN (SELECT id::text FROM contacts_written))`,
  );
  const obstacles = await client.query('DELETE FROM obstacles WHERE id IN (SELECT id FROM obstacles_written)');
  await client.query('DELETE FROM contact_postings WHERE contact_id IN (SELECT id FROM contacts_written)');
  const contacts = await client.query('DELETE FROM contacts WHERE id IN (SELECT id FROM contacts_written)');
  if (obstacles.rowCount || contacts.rowCount)
    log(`removed the ${obstacles.rowCount} obstacles written by W4 and the ${contacts.rowCount} contacts written by W5`);
  await client.query('DELETE FROM activity_events WHERE subject_id IN (SELECT id FROM stage_changes WHERE note = $1)', [W3_NOTE]);
  const moves = await client.query('DELETE FROM stage_changes WHERE note = $1', [W3_NOTE]);
  if (w3States.length) {
    await client.query(`DELETE FROM audit_entries WHERE entity = 'states' AND action = 'setRatificationStage' AND at >= $1`, [startedAt]);
    await client.query(
      `UPDATE states s SET ratification_stage = o.ratification_stage, version = o.version, updated_at = o.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS o(iso3 text, ratification_stage ratification_stage, version int, updated_at timestamptz) WHERE s.iso3 = o.iso3`,
      [JSON.stringify(w3States)],
    );
  }
  if (moves.rowCount) log(`removed the ${moves.rowCount} stage moves written by W3`);
  await client.query('CREATE TEMPORARY TABLE written ON COMMIT DROP AS SELECT id FROM interactions WHERE subject = ANY($1::text[])', [
    [W1_SUBJECT, W2_SUBJECT],
  ]);
  await client.query('DELETE FROM activity_events WHERE interaction_id IN (SELECT id FROM written)');
  // The triggers that keep the State link counts are off: take the removed links off by hand.
  await client.query(
    `UPDATE state_interaction_counts c SET count = c.count - d.n
     FROM (SELECT state_iso3, visibility, organization_id, count(*) AS n FROM interaction_states
           WHERE interaction_id IN (SELECT id FROM written) GROUP BY 1, 2, 3) d
     WHERE (c.state_iso3, c.visibility, c.organization_id) = (d.state_iso3, d.visibility, d.organization_id)`,
  );
  await client.query('DELETE FROM interaction_states WHERE interaction_id IN (SELECT id FROM written)');
  await client.query('DELETE FROM interaction_contacts WHERE interaction_id IN (SELECT id FROM written)');
  await client.query(
    `DELETE FROM audit_entries WHERE entity IN ('interactions', 'interaction_states', 'interaction_contacts') AND entity_id IN (SELECT id::text FROM written)`,
  );
  const { rowCount } = await client.query('DELETE FROM interactions WHERE id IN (SELECT id FROM written)');
  await client.query('COMMIT');
  if (rowCount) log(`removed the ${rowCount} interactions written by W1 and for W2`);
  // Tens of thousands of dead rows (W4 alone writes one obstacle per request) slow down every
  // index scan that meets them until autovacuum gets there: the next run starts on clean tables.
  await client.query(`VACUUM (ANALYZE) ${WRITTEN_TABLES.join(', ')}`);
}

// ---- the run -------------------------------------------------------------------------------

const date = new Date().toISOString().slice(0, 10);
const scale = options.smoke ? 'smoke' : String(options.interactions);
const resultsDir = join(ROOT, 'bench/results');
// A run's files: <date>-<scale>[-<label>].json and its -explain folder.
const runName = [date, scale, options.label].filter(Boolean).join('-');
const explainDir = join(resultsDir, `${runName}-explain`);
const handles = {};
const results = [];
const report = {
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version, postgres: null },
  database: { name: db.name, interactions: options.interactions, seed: options.seed, reused: db.reused, load: db.meta },
  options: {
    duration: options.duration,
    warmup: options.warmup,
    connections: options.connections,
    rounds: options.rounds,
    questions,
    servers,
    ...(baselineDir ? { baseline: baselineDir } : {}),
  },
  startup: {},
  statementsByPageSize: {},
  correctness: {},
  results,
  explain: {},
};
let failed = false;

try {
  report.machine.postgres = await withClient(db.url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
  for (const server of servers) {
    handles[server] = startServer(server);
    report.startup[server] = await waitUntilUp(handles[server]);
    log(`${server} up in ${report.startup[server]} ms (pid ${handles[server].child.pid})`);
  }
  const headers = {};
  for (const server of servers.filter((server) => kind(server) === 'ratify')) {
    const login = await post(PORTS[server], '/graphql', {
      query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      variables: { email: VIEWER.email, password: VIEWER.password },
    });
    const token = login.json?.data?.login?.token;
    if (!token) throw new Error(`${server} login failed: ${login.text}`);
    headers[server] = { authorization: `Bearer ${token}` };
  }
  const vars = Object.fromEntries(QUESTIONS.map((q) => [q, variables(q, { contactId: viewer.contactId })]));

  // Correctness: every server answers every question without errors, and (reads) the same data.
  for (const question of questions) {
    const answers = {};
    for (const server of servers) {
      const req = request(server, question, await singleVars(question, vars));
      const answer = await post(PORTS[server], req.path, req.body, headersOf(server, question, headers[server]));
      const trouble = answer.status === 200 ? problem(answer.json) : `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`;
      if (trouble) {
        failed = true;
        log(`✗ ${server} ${question}: ${trouble}`);
        continue;
      }
      answers[server] = normalize(server, question, answer.json.data);
    }
    const reference = answers.ratify ?? Object.values(answers)[0];
    const verdict = {};
    for (const server of Object.keys(answers)) {
      const diff = difference(reference, answers[server]);
      verdict[server] = diff ?? 'same';
      if (diff) {
        failed = true;
        log(`✗ ${server} ${question} differs: ${diff.slice(0, 300)}`);
      }
    }
    report.correctness[question] = verdict;
    log(
      `${question}: ${Object.entries(verdict)
        .map(([s, v]) => `${s} ${v === 'same' ? '✓' : '✗'}`)
        .join(', ')}`,
    );
  }

  // Statements per request for Q1 at page sizes 10, 50 and 100 (constant when there is no N+1).
  for (const server of servers) {
    report.statementsByPageSize[server] = {};
    for (const first of [10, 50, 100]) {
      const req = request(server, 'q1', variables('q1', { first }));
      report.statementsByPageSize[server][first] = await statementsPerRequest(handles[server], req, headers[server]);
    }
  }
  log(`Q1 statements per request by page size: ${JSON.stringify(report.statementsByPageSize)}`);

  // EXPLAIN of every server's statements for each question (the service's as q1-1.txt…, the
  // others' as ceiling-q1-1.txt…, postgraphile-q1-1.txt…).
  mkdirSync(resultsDir, { recursive: true });
  rmSync(explainDir, { recursive: true, force: true });
  mkdirSync(explainDir, { recursive: true });
  for (const question of questions) {
    report.explain[question] = [];
    for (const server of servers) {
      const req = request(server, question, await singleVars(question, vars));
      await counter(handles[server], '/log/start');
      await post(PORTS[server], req.path, req.body, headersOf(server, question, headers[server]));
      const statements = await counter(handles[server], '/log/stop');
      const prefix = server === 'ratify' ? question : `${server}-${question}`;
      report.explain[question].push(...(await explainAll(statements, explainDir, prefix)));
    }
  }
  log(`EXPLAIN dumps in ${explainDir.slice(ROOT.length + 1)}`);

  // Load: writes last, so that the reads see the data they were checked against. With --rounds N
  // each question is loaded N times on each server, the servers' order reversed every other round.
  for (const question of questions) {
    for (let round = 1; round <= options.rounds; round++) {
      for (const server of round % 2 ? servers : [...servers].reverse()) {
        const handle = handles[server];
        const req = request(server, question, vars[question]);
        const spec = {
          url: `http://127.0.0.1:${handle.port}${req.path}`,
          body: req.body,
          headers: headers[server] ?? {},
          connections: options.connections,
        };
        if (KEYED.has(question) && server !== 'postgraphile') spec.uniqueHeader = W1_KEY_HEADER;
        if (question === 'w3') spec.bodies = w3Moves().map((move) => request(server, 'w3', variables('w3', { move })).body);
        if (question === 'w2' && options.warmup > 0) spec.items = await w2Items();
        if (options.warmup > 0) await load({ ...spec, duration: options.warmup });
        if (question === 'w2') spec.items = await w2Items();
        // Requests still running when a load run ends finish before the count is read.
        const before = await quietCount(handle);
        const cpuBefore = { server: cpuMs(handle.child.pid), postgres: postgresCpuMs() };
        const run = await load({ ...spec, duration: options.duration });
        const cpuAfter = { server: cpuMs(handle.child.pid), postgres: postgresCpuMs() };
        const perRequest = (ms) => (run.requests ? Math.round((ms / run.requests) * 1000) / 1000 : null);
        handle.cancelled = 0;
        const statements = (await quietCount(handle)) - before;
        const row = {
          server,
          question,
          round,
          rps: Math.round(run.rps * 10) / 10,
          p50: run.p50,
          p99: run.p99,
          requests: run.requests,
          non2xx: run.non2xx,
          graphqlErrors: run.graphqlErrors,
          socketErrors: run.errors + run.timeouts,
          statementsPerRequest: run.sent ? Math.round((statements / run.sent) * 100) / 100 : null,
          // CPU time per answered request during the run: the server process's and PostgreSQL's.
          serverCpuMs: perRequest(cpuAfter.server - cpuBefore.server),
          postgresCpuMs: perRequest(cpuAfter.postgres - cpuBefore.postgres),
          // Statements still running after the run and its patience, cancelled (not in the errors).
          cancelledAfterRun: handle.cancelled,
          ...memory(handle.child.pid),
        };
        if (row.non2xx || row.graphqlErrors) {
          const sample = request(server, question, await singleVars(question, vars));
          const answer = await post(handle.port, sample.path, sample.body, headersOf(server, question, headers[server]));
          row.sampleAnswer = answer.text.slice(0, 500);
        }
        results.push(row);
        if (row.non2xx || row.graphqlErrors || row.socketErrors) failed = options.smoke ? true : failed;
        log(
          `${question} ${server}${options.rounds > 1 ? ` (round ${round})` : ''}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.statementsPerRequest} statements/request, errors ${row.non2xx + row.graphqlErrors + row.socketErrors}, peak RSS ${row.peakRssMb} MB`,
        );
      }
    }
  }
} finally {
  for (const handle of Object.values(handles)) await stopServer(handle);
  await withClient(db.url, async (c) => {
    await c.query(readFileSync(join(ROOT, 'bench/peer/drop.sql'), 'utf8'));
    await removeWrites(c);
  });
}

// ---- report --------------------------------------------------------------------------------

const lines = [
  `Ratify benchmark — ${options.interactions.toLocaleString('en')} interactions (seed ${options.seed}), ${options.connections} connections, ${options.duration} s per run after ${options.warmup} s warm-up`,
  '',
  '| question | server | req/s | × ceiling req/s | p50 ms | p99 ms | ceiling p99 ms | p99 ÷ ceiling p99 | errors | SQL statements / request | server CPU ms / request | PostgreSQL CPU ms / request | peak RSS MB |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) => {
    const ceiling = results.find((c) => c.server === 'ceiling' && c.question === r.question);
    const ratio = (a, b) => (b ? (a / b).toFixed(2) : '–');
    return `| ${r.question.toUpperCase()} | ${r.server} | ${r.rps} | ${ratio(r.rps, ceiling?.rps)} | ${r.p50} | ${r.p99} | ${ceiling?.p99 ?? '–'} | ${ratio(r.p99, ceiling?.p99)} | ${r.non2xx + r.graphqlErrors + r.socketErrors} | ${r.statementsPerRequest} | ${r.serverCpuMs ?? '–'} | ${r.postgresCpuMs ?? '–'} | ${r.peakRssMb} |`;
  }),
  '',
  `Start-up to first answer: ${Object.entries(report.startup)
    .map(([s, ms]) => `${s} ${ms} ms`)
    .join(', ')}`,
  `Q1 statements per request at page sizes 10 / 50 / 100: ${Object.entries(report.statementsByPageSize)
    .map(([s, by]) => `${s} ${by[10]} / ${by[50]} / ${by[100]}`)
    .join(', ')}`,
  `Database load: ${db.reused ? `reused (loaded earlier in ${db.meta.loadSeconds} s)` : `${db.meta.loadSeconds} s`}`,
  ...medians(),
];

/** With several rounds or a baseline: each server's median per question, and the service's against the baseline's. */
function medians() {
  if (options.rounds === 1 && !baselineDir) return [];
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const of = (server, question) => {
    const rows = results.filter((r) => r.server === server && r.question === question);
    return rows.length
      ? {
          rps: median(rows.map((r) => r.rps)),
          p99: median(rows.map((r) => r.p99)),
          runs: rows.map((r) => r.rps),
          serverCpuMs: median(rows.map((r) => r.serverCpuMs)),
          postgresCpuMs: median(rows.map((r) => r.postgresCpuMs)),
        }
      : null;
  };
  report.medians = {};
  const lines = [
    '',
    `Medians over ${options.rounds} round(s)${baselineDir ? `; baseline: the service built in ${baselineDir}` : ''}`,
    '',
    `| question | server | median req/s | runs (req/s) | median p99 ms | median server CPU ms / request | median PostgreSQL CPU ms / request |${baselineDir ? ' req/s ÷ baseline |' : ''}`,
    `| --- | --- | ---: | --- | ---: | ---: | ---: |${baselineDir ? ' ---: |' : ''}`,
  ];
  for (const question of questions) {
    report.medians[question] = {};
    for (const server of servers) {
      const m = of(server, question);
      if (!m) continue;
      report.medians[question][server] = m;
      const base = baselineDir && server === 'ratify' ? of(BASELINE, question) : null;
      const ratio = base ? ` ${(m.rps / base.rps).toFixed(3)} |` : baselineDir ? ' – |' : '';
      lines.push(
        `| ${question.toUpperCase()} | ${server} | ${m.rps} | ${m.runs.join(', ')} | ${m.p99} | ${m.serverCpuMs} | ${m.postgresCpuMs} |${ratio}`,
      );
    }
  }
  return lines;
}
report.markdown = lines.join('\n');
console.log(`\n${report.markdown}\n`);
if (!options.smoke) {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${runName}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`results in ${file.slice(ROOT.length + 1)}`);
} else {
  rmSync(explainDir, { recursive: true, force: true });
}
if (failed) {
  console.error('The servers did not all answer every question correctly (see ✗ above).');
  process.exitCode = 1;
}
