// Loads a benchmark database: creates it, runs the service's migrations and importer (the real
// States, treaty record and votes), then bulk-loads seeded synthetic outreach data in SQL.
//
//   node bench/generate.mjs --interactions 1000000 [--seed 1] [--fresh] [--database name] [--no-audit]
//
// Everything synthetic is computed inside PostgreSQL from generate_series and a seeded hash
// (hashint8extended), so a scale and a seed always give the same rows. A database already loaded
// at the same scale and seed is reused (see bench.meta) unless --fresh is given.
import { hash } from '@node-rs/argon2';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SERVER_URL, databaseName, databaseUrl, log, readOptions, run, seconds, withClient } from './lib/common.mjs';

/** Bumped whenever the generated data changes, so that an older database is loaded again. */
export const GENERATOR_VERSION = 3;

/**
 * Older versions whose databases a migration brings to the current data, by version: the name of
 * that migration. None today: version 3 writes a fixed number of obstacles, where versions 1 and 2
 * wrote one per 1,000 interactions. A reused database of such a version would be migrated,
 * recorded as the current version (with where it came from) and vacuumed.
 */
const MIGRATED_FORWARD = {};

/** The viewer every server answers for: a coordinator of France. */
export const VIEWER = {
  email: 'bench.viewer@france.example',
  password: 'bench viewer password',
  organization: 'France',
};

// Organizations and their users: [name, kind, role, users, share of the interactions].
const ORGANIZATIONS = [
  ['France', 'GOVERNMENT', 'COORDINATOR', 4, 0.35],
  ['Panama', 'GOVERNMENT', 'COORDINATOR', 3, 0.3],
  ['Cluster Munition Coalition', 'CIVIL_SOCIETY', 'PARTNER', 3, 0.25],
  ['International Committee of the Red Cross', 'INTERNATIONAL_ORGANIZATION', 'PARTNER', 2, 0.1],
];

const DATE_FROM = '2009-01-01';
const DATE_TO = '2026-10-31';

export function loadedDatabaseMeta(client) {
  return client
    .query(`SELECT value FROM bench.meta WHERE key = 'load'`)
    .then((r) => r.rows[0]?.value ?? null)
    .catch(() => null);
}

/** Creates (or reuses) the database for a scale and seed; returns its URL and what was done. */
export async function ensureDatabase({ interactions, seed, fresh, database, audit = true }) {
  const name = database ?? databaseName(interactions);
  const url = databaseUrl(name);
  const exists = await withClient(
    SERVER_URL,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0,
  );
  if (exists && !fresh) {
    const meta = await withClient(url, loadedDatabaseMeta);
    const forward = meta && MIGRATED_FORWARD[meta.version];
    if (
      meta &&
      meta.interactions === interactions &&
      meta.seed === seed &&
      (meta.version === GENERATOR_VERSION || forward) &&
      meta.complete
    ) {
      log(
        `reusing ${name} (${interactions} interactions, seed ${seed}, version ${meta.version}, loaded in ${meta.loadSeconds} s); applying pending migrations`,
      );
      if (!existsSync(join(ROOT, 'dist/src/cli/migrate.js'))) await run('npm', ['run', 'build', '--silent']);
      // No statement timeout: a migration over millions of rows (an UPDATE, an index) takes minutes.
      const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', DB_STATEMENT_TIMEOUT_MS: '0' };
      const started = performance.now();
      await run(process.execPath, ['dist/src/cli/migrate.js', 'run'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      if (meta.version === GENERATOR_VERSION) return { url, name, reused: true, meta };
      const applied = await withClient(
        url,
        async (c) => (await c.query('SELECT 1 FROM migrations WHERE name = $1', [forward])).rowCount > 0,
      );
      if (!applied) throw new Error(`${name}: version ${meta.version}, and the migration ${forward} that brings it forward is not applied`);
      const migrateSeconds = seconds(started);
      log(`${name}: migrated from generator version ${meta.version} to ${GENERATOR_VERSION} in ${migrateSeconds} s; vacuum analyze`);
      const vacuumStarted = performance.now();
      await withClient(url, (c) => c.query('VACUUM ANALYZE'));
      const upgraded = {
        ...meta,
        version: GENERATOR_VERSION,
        migratedForward: {
          from: meta.version,
          by: forward,
          migrateSeconds,
          vacuumSeconds: seconds(vacuumStarted),
          at: new Date().toISOString(),
        },
      };
      await withClient(url, (c) => c.query(`UPDATE bench.meta SET value = $1 WHERE key = 'load'`, [upgraded]));
      return { url, name, reused: true, meta: upgraded };
    }
  }
  const started = performance.now();
  await withClient(SERVER_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  log(`created ${name}; migrating and importing the public data`);
  if (!existsSync(join(ROOT, 'dist/src/cli/import.js'))) await run('npm', ['run', 'build', '--silent']);
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', DB_STATEMENT_TIMEOUT_MS: '0' };
  await run(process.execPath, ['dist/src/cli/migrate.js', 'run'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  await run(process.execPath, ['dist/src/cli/import.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const steps = await withClient(url, (client) => generate(client, { interactions, seed, audit }));
  const meta = {
    interactions,
    seed,
    version: GENERATOR_VERSION,
    audit,
    complete: true,
    loadSeconds: seconds(started),
    steps,
    loadedAt: new Date().toISOString(),
  };
  await withClient(url, (c) => c.query(`INSERT INTO bench.meta (key, value) VALUES ('load', $1)`, [meta]));
  log(`loaded ${name} in ${meta.loadSeconds} s`);
  return { url, name, reused: false, meta };
}

/** Runs one step and records how long it took. */
async function step(steps, client, name, sql, params = []) {
  const started = performance.now();
  const result = await client.query(sql, params);
  const took = seconds(started);
  steps.push({ step: name, seconds: took, rows: result.rowCount ?? null });
  log(`  ${name}: ${result.rowCount ?? ''} rows, ${took} s`);
  return result;
}

async function generate(client, { interactions: N, seed, audit }) {
  const steps = [];
  const contacts = Math.max(Math.round(N * 0.05), 200);
  // Obstacles are a State's survey findings, a handful each, not a share of the outreach activity: the
  // same number at every scale, so that a question showing a State's obstacles has the same answer.
  const obstacles = Math.min(1000, Math.max(Math.round(N / 100), 40));
  log(`generating ${N} interactions, ${contacts} contacts, ${obstacles} obstacles (seed ${seed})`);

  await client.query(`CREATE SCHEMA bench`);
  await client.query(`CREATE TABLE bench.meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
  await client.query(`COMMENT ON SCHEMA bench IS 'Benchmark data: see bench.meta for the scale and seed'`);
  await client.query(`CREATE SCHEMA bench_gen`);
  // r(n, salt): a seeded uniform number in [0, 1) for row n; uid(kind, n): a UUID that looks random
  // but keeps n in its last 12 hex digits (n_of), so later steps can recompute a row's choices.
  await client.query(`CREATE FUNCTION bench_gen.r(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (hashint8extended(n, ${seed}::bigint * 1000003 + salt) & 2147483647)::float8 / 2147483648.0`);
  await client.query(`CREATE FUNCTION bench_gen.uid(kind int, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 13, 3) || '-8' || substr(h, 16, 3) || '-' || lpad(to_hex(n), 12, '0'))::uuid
            FROM (SELECT md5(${seed} || ':' || kind || ':' || n) AS h) x)`);
  await client.query(`CREATE FUNCTION bench_gen.n_of(id uuid) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ('x' || right(id::text, 12))::bit(48)::bigint`);
  await client.query(`CREATE FUNCTION bench_gen.pick(arr anyarray, n bigint, salt int) RETURNS anyelement LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT arr[1 + floor(bench_gen.r(n, salt) * cardinality(arr))::int] $$`);
  await client.query(`CREATE FUNCTION bench_gen.day(n bigint, salt int) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN DATE '${DATE_FROM}' + floor(bench_gen.r(n, salt) * (DATE '${DATE_TO}' - DATE '${DATE_FROM}' + 1))::int`);

  // Organizations and users, written as the service would (the audit triggers run for these few rows).
  await client.query(`SELECT set_config('ratify.action', 'benchGenerate', false)`);
  const viewerHash = await hash(VIEWER.password);
  const users = [];
  let orgIndex = 0;
  for (const [name, kind, role, count, share] of ORGANIZATIONS) {
    orgIndex++;
    const org = await client.query(
      `INSERT INTO organizations (id, name, kind) VALUES (bench_gen.uid(9, $1), $2, $3)
       ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
      [orgIndex, name, kind],
    );
    const orgId = org.rows[0].id;
    for (let k = 1; k <= count; k++) {
      const index = orgIndex * 100 + k;
      const viewer = name === VIEWER.organization && k === 1;
      const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
      const email = viewer ? VIEWER.email : `user${k}@${slug}.example`;
      // Only the viewer signs in; the other accounts get a hash no password matches.
      const passwordHash = viewer
        ? viewerHash
        : '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hiZW5jaGJlbmNo$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      const user = await client.query(
        `INSERT INTO users (id, email, password_hash, display_name, role, organization_id, created_at, updated_at)
         VALUES (bench_gen.uid(8, $1), $2, $3, $4, $5, $6, TIMESTAMPTZ '2009-01-01 09:00Z', TIMESTAMPTZ '2009-01-01 09:00Z') RETURNING id`,
        [index, email, passwordHash, viewer ? 'Bench Viewer' : `${name} user ${k}`, role, orgId],
      );
      users.push({ id: user.rows[0].id, orgId, partner: role === 'PARTNER', weight: share / count });
    }
  }
  // The pool of authors: each user repeated in proportion to its organization's share.
  await client.query(
    `CREATE TABLE bench_gen.authors (idx int PRIMARY KEY, user_id uuid NOT NULL, organization_id uuid NOT NULL, partner boolean NOT NULL)`,
  );
  let idx = 0;
  for (const user of users) {
    for (let k = 0; k < Math.round(user.weight * 100); k++) {
      idx++;
      await client.query(`INSERT INTO bench_gen.authors VALUES ($1, $2, $3, $4)`, [idx, user.id, user.orgId, user.partner]);
    }
  }
  const authorCount = idx;
  const coordinators = users.filter((u) => !u.partner).map((u) => u.id);

  // States: every State once, each State not Party (as of the end of the data) four more times.
  await client.query(`CREATE TABLE bench_gen.pool AS
    SELECT array_agg(iso3 ORDER BY iso3, copy) AS states FROM (
      SELECT s.iso3, c.copy FROM states s CROSS JOIN generate_series(1, 5) c(copy)
      WHERE c.copy = 1 OR ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, DATE '${DATE_TO}') IN ('SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN')) x`);
  await client.query(`CREATE TABLE bench_gen.all_states AS SELECT array_agg(iso3 ORDER BY iso3) AS states, count(*)::int AS n FROM states`);
  await client.query(`CREATE TABLE bench_gen.coordinators AS SELECT $1::uuid[] AS ids`, [coordinators]);

  // The bulk load: audit triggers (and foreign-key triggers) off in this session.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET work_mem = '64MB'`);
  await client.query(`SET synchronous_commit = off`);

  // Indexes are built once, after the load: the secondary indexes of the bulk-loaded tables, and
  // the primary keys of those no foreign key refers to, are dropped here and created again below.
  const { rows: dropped } = await client.query(
    `SELECT 'DROP INDEX ' || i.indexrelid::regclass::text AS drop, pg_get_indexdef(i.indexrelid) AS create, i.indexrelid::regclass::text AS name
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND NOT i.indisprimary
     UNION ALL
     SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, c.conname), format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, c.conname, pg_get_constraintdef(c.oid)), c.conname
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($2) AND c.contype = 'p'`,
    [
      ['contacts', 'interactions', 'interaction_states', 'interaction_contacts', 'activity_events', 'audit_entries'],
      ['interaction_states', 'interaction_contacts', 'activity_events', 'audit_entries'],
    ],
  );
  for (const index of dropped) await client.query(index.drop);

  // Contacts: the first ones give every State one, the rest follow the skew toward States not Party.
  await step(
    steps,
    client,
    'contacts',
    `INSERT INTO contacts (id, full_name, title, position, posting, state_iso3, organization_id, email, phone, languages, notes, version, created_by, created_at, updated_at)
     SELECT bench_gen.uid(2, n), x.full_name,
       CASE WHEN bench_gen.r(n, 103) < 0.25 THEN 'H.E.' WHEN bench_gen.r(n, 103) < 0.35 THEN 'Dr' END,
       bench_gen.pick(ARRAY['Permanent Representative', 'Deputy Permanent Representative', 'Counsellor', 'First Secretary', 'Director of Multilateral Affairs', 'Legal Adviser', 'Defence Attaché', 'Head of Disarmament Division'], n, 104),
       bench_gen.pick(ARRAY['CAPITAL', 'GENEVA_MISSION', 'NEW_YORK_MISSION', 'OTHER_MISSION', 'OTHER']::posting[], n, 105),
       x.iso3, NULL,
       lower(replace(x.full_name, ' ', '.')) || '.' || n || '@mfa.example', NULL,
       string_to_array(bench_gen.pick(ARRAY['en', 'fr,en', 'es', 'ar,en', 'ru'], n, 106), ','),
       NULL, 1, bench_gen.pick((SELECT ids FROM bench_gen.coordinators), n, 107), x.at, x.at
     FROM generate_series(1, ${contacts}) n
     CROSS JOIN LATERAL (SELECT
       bench_gen.pick(ARRAY['Amina', 'Carlos', 'Mei', 'Olga', 'Kofi', 'Aroha', 'Farid', 'Lucía', 'Tevita', 'Priya', 'Jean', 'Nour', 'Ivan', 'Sione', 'Ana', 'Kwame'], n, 101)
         || ' ' || bench_gen.pick(ARRAY['Mensah', 'Fernández', 'Chen', 'Petrova', 'Tuilagi', 'Haddad', 'Nguyen', 'Okafor', 'Silva', 'Kaur', 'Dubois', 'Morales', 'Taufa', 'Ivanova', 'Rahman', 'Kiplagat'], n, 102) AS full_name,
       CASE WHEN n <= (SELECT n FROM bench_gen.all_states) THEN (SELECT states FROM bench_gen.all_states)[n]
            ELSE bench_gen.pick((SELECT states FROM bench_gen.pool), n, 100) END AS iso3,
       (bench_gen.day(n, 108) + TIME '10:00')::timestamp AT TIME ZONE 'UTC' AS at) x`,
  );
  await step(
    steps,
    client,
    'contacts by State',
    `CREATE TABLE bench_gen.state_contacts AS SELECT state_iso3 AS iso3, array_agg(id ORDER BY id) AS ids FROM contacts GROUP BY state_iso3`,
  );
  await client.query(`ALTER TABLE bench_gen.state_contacts ADD PRIMARY KEY (iso3)`);

  // Interactions: one author (its organization's share), visibilities 40/30/30 for coordinators
  // (partners always SHARED), dates 2009–2026, some follow-ups and replies.
  await step(
    steps,
    client,
    'interactions',
    `INSERT INTO interactions (id, type, occurred_on, subject, summary, outcome, follow_up_on, follow_up_done_at, reply_received_on,
                               visibility, organization_id, author_id, version, created_at, updated_at)
     SELECT bench_gen.uid(1, n), t.type, t.occurred_on, t.subject,
       CASE WHEN bench_gen.r(n, 6) < 0.7 THEN 'Discussed ' || lower(t.topic) || '; the interlocutor asked for ' ||
         bench_gen.pick(ARRAY['the text of the Convention in a national language', 'examples of national implementation legislation', 'a briefing for the parliamentary committee', 'support from the Implementation Support Unit', 'the position of neighbouring States'], n, 7) || '.' END,
       CASE WHEN bench_gen.r(n, 8) < 0.4 THEN bench_gen.pick(ARRAY['Positive: will raise with the minister', 'No change in position', 'Agreed to attend the Meeting of States Parties', 'Asked for a follow-up meeting', 'Referred to the Ministry of Defence'], n, 9) END,
       f.follow_up_on,
       CASE WHEN f.follow_up_on < DATE '${DATE_TO}' - 30 AND bench_gen.r(n, 11) < 0.8 THEN (f.follow_up_on + TIME '12:00')::timestamp AT TIME ZONE 'UTC' END,
       CASE WHEN t.type IN ('LETTER', 'EMAIL') AND bench_gen.r(n, 12) < 0.5 THEN least(t.occurred_on + 3 + floor(bench_gen.r(n, 13) * 60)::int, DATE '${DATE_TO}') END,
       CASE WHEN a.partner OR bench_gen.r(n, 5) < 0.4 THEN 'SHARED' WHEN bench_gen.r(n, 5) < 0.7 THEN 'COORDINATORS' ELSE 'ORGANIZATION' END::visibility,
       a.organization_id, a.user_id, 1, t.created_at, t.created_at
     FROM generate_series(1, ${N}) n
     JOIN bench_gen.authors a ON a.idx = 1 + floor(bench_gen.r(n, 1) * ${authorCount})::int
     CROSS JOIN LATERAL (SELECT
       CASE WHEN bench_gen.r(n, 2) < 0.15 THEN 'LETTER' WHEN bench_gen.r(n, 2) < 0.40 THEN 'BILATERAL_MEETING' WHEN bench_gen.r(n, 2) < 0.50 THEN 'PHONE_CALL'
            WHEN bench_gen.r(n, 2) < 0.70 THEN 'EMAIL' WHEN bench_gen.r(n, 2) < 0.80 THEN 'DEMARCHE' WHEN bench_gen.r(n, 2) < 0.88 THEN 'WORKSHOP'
            WHEN bench_gen.r(n, 2) < 0.98 THEN 'EVENT_MEETING' ELSE 'OTHER' END::interaction_type AS type,
       bench_gen.day(n, 3) AS occurred_on,
       bench_gen.pick(ARRAY['Accession to the Convention', 'Ratification procedure', 'Vote on the General Assembly resolution', 'Participation in the Meeting of States Parties',
         'Stockpile destruction', 'Victim assistance', 'Clearance cooperation', 'National implementation legislation', 'Regional workshop follow-up', 'Transparency report'], n, 4) AS topic) t0
     CROSS JOIN LATERAL (SELECT t0.type, t0.occurred_on, t0.topic,
       t0.topic || CASE WHEN bench_gen.r(n, 14) < 0.5 THEN '' ELSE ' (' || to_char(t0.occurred_on, 'Mon YYYY') || ')' END AS subject,
       (t0.occurred_on + TIME '08:00' + floor(bench_gen.r(n, 15) * 36000) * INTERVAL '1 second')::timestamp AT TIME ZONE 'UTC' AS created_at) t
     CROSS JOIN LATERAL (SELECT CASE WHEN bench_gen.r(n, 10) < 0.25 THEN t.occurred_on + 7 + floor(bench_gen.r(n, 16) * 60)::int END AS follow_up_on) f`,
  );

  // Links, joined to interactions (add a denormalized column here by selecting it from i).
  // 1 to 3 States (60/30/10), the first one from the skewed pool.
  await step(
    steps,
    client,
    'interaction_states',
    `INSERT INTO interaction_states (interaction_id, state_iso3, occurred_on, created_at, visibility, organization_id)
     SELECT DISTINCT i.id, bench_gen.pick((SELECT states FROM bench_gen.pool), x.n, 20 + k), i.occurred_on, i.created_at, i.visibility, i.organization_id
     FROM interactions i
     CROSS JOIN LATERAL (SELECT bench_gen.n_of(i.id) AS n) x
     CROSS JOIN LATERAL generate_series(1, CASE WHEN bench_gen.r(x.n, 19) < 0.6 THEN 1 WHEN bench_gen.r(x.n, 19) < 0.9 THEN 2 ELSE 3 END) k`,
  );
  // What the link triggers keep: the number of links per State, visibility and organization.
  await step(
    steps,
    client,
    'state_interaction_counts',
    `INSERT INTO state_interaction_counts SELECT state_iso3, visibility, organization_id, count(*) FROM interaction_states GROUP BY 1, 2, 3`,
  );
  // 1 or 2 contacts (70/30) of the interaction's first State.
  await step(
    steps,
    client,
    'interaction_contacts',
    `INSERT INTO interaction_contacts (interaction_id, contact_id)
     SELECT i.id, c.ids[1 + (first_pick + k) % cardinality(c.ids)]
     FROM interactions i
     CROSS JOIN LATERAL (SELECT bench_gen.n_of(i.id) AS n) x
     JOIN bench_gen.state_contacts c ON c.iso3 = bench_gen.pick((SELECT states FROM bench_gen.pool), x.n, 21)
     CROSS JOIN LATERAL (SELECT floor(bench_gen.r(x.n, 30) * cardinality(c.ids))::int AS first_pick) p
     CROSS JOIN LATERAL generate_series(0, CASE WHEN bench_gen.r(x.n, 31) < 0.7 OR cardinality(c.ids) = 1 THEN 0 ELSE 1 END) k`,
  );

  // Obstacles raised by States (skewed like the interactions), 60% still open.
  await step(
    steps,
    client,
    'obstacles',
    `INSERT INTO obstacles (id, state_iso3, category, description, measures, status, recorded_on, resolved_on, recorded_by, version, created_at, updated_at)
     SELECT bench_gen.uid(3, n), bench_gen.pick((SELECT states FROM bench_gen.pool), n, 200),
       bench_gen.pick(ARRAY['SUBSTANTIVE', 'PROCEDURAL', 'TECHNICAL']::obstacle_category[], n, 201),
       bench_gen.pick(ARRAY['Relies on cluster munitions in its defence doctrine', 'Ratification bill pending in parliament', 'Awaits the position of a neighbouring State',
         'Stockpile destruction costs', 'Translation of the treaty text', 'Inter-ministerial coordination'], n, 202),
       CASE WHEN bench_gen.r(n, 203) < 0.5 THEN 'Offer of technical assistance' END,
       CASE WHEN bench_gen.r(n, 204) < 0.6 THEN 'OPEN' ELSE 'ADDRESSED' END::obstacle_status,
       bench_gen.day(n, 205),
       CASE WHEN bench_gen.r(n, 204) >= 0.6 THEN least(bench_gen.day(n, 205) + 30 + floor(bench_gen.r(n, 206) * 700)::int, DATE '${DATE_TO}') END,
       bench_gen.pick((SELECT ids FROM bench_gen.coordinators), n, 207), 1,
       (bench_gen.day(n, 205) + TIME '11:00')::timestamp AT TIME ZONE 'UTC', (bench_gen.day(n, 205) + TIME '11:00')::timestamp AT TIME ZONE 'UTC'
     FROM generate_series(1, ${obstacles}) n`,
  );

  // Stage changes: each State not Party moves 0 to 4 steps along its path (one in ten ends DECLINED).
  await step(
    steps,
    client,
    'stage_changes',
    `INSERT INTO stage_changes (id, state_iso3, from_stage, to_stage, changed_at, changed_by, note, effective_on)
     SELECT g.*, (g.changed_at AT TIME ZONE 'UTC')::date FROM (SELECT bench_gen.uid(4, s.j * 10 + t), s.iso3,
       (ARRAY['NOT_ENGAGED', 'ENGAGED', 'SUPPORTIVE', 'DOMESTIC_PROCESS']::ratification_stage[])[t],
       CASE WHEN t = s.moves AND bench_gen.r(s.j, 302) < 0.1 THEN 'DECLINED'
            ELSE (ARRAY['ENGAGED', 'SUPPORTIVE', 'DOMESTIC_PROCESS', 'APPROVED']::ratification_stage[])[t] END,
       (DATE '2012-01-01' + (t - 1) * 900 + floor(bench_gen.r(s.j * 10 + t, 303) * 800)::int + TIME '15:00')::timestamp AT TIME ZONE 'UTC' AS changed_at,
       bench_gen.pick((SELECT ids FROM bench_gen.coordinators), s.j * 10 + t, 304),
       CASE WHEN bench_gen.r(s.j * 10 + t, 305) < 0.5 THEN 'Assessment after the latest bilateral meeting' END
     FROM (SELECT iso3, row_number() OVER (ORDER BY iso3) AS j, floor(bench_gen.r(row_number() OVER (ORDER BY iso3), 301) * 5)::int AS moves
           FROM states WHERE ratification_stage = 'NOT_ENGAGED') s
     CROSS JOIN LATERAL generate_series(1, s.moves) t) g`,
  );
  await step(
    steps,
    client,
    'states: current stage',
    `UPDATE states s SET ratification_stage = c.to_stage, version = s.version + 1, updated_at = c.changed_at
     FROM (SELECT DISTINCT ON (state_iso3) state_iso3, to_stage, changed_at FROM stage_changes WHERE changed_by IS NOT NULL
           ORDER BY state_iso3, changed_at DESC, id) c
     WHERE c.state_iso3 = s.iso3`,
  );

  // Activity events, as the service writes them: one per interaction (its States by name in the
  // summary), one per stage change, obstacle and contact.
  await step(
    steps,
    client,
    'activity_events: interactions',
    `INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary, visibility)
     SELECT bench_gen.uid(5, bench_gen.n_of(i.id)), 'INTERACTION_LOGGED', i.created_at, i.author_id, i.organization_id, i.id, l.iso3s,
       CASE i.type WHEN 'LETTER' THEN 'Letter' WHEN 'BILATERAL_MEETING' THEN 'Bilateral meeting' WHEN 'PHONE_CALL' THEN 'Phone call'
         WHEN 'EMAIL' THEN 'E-mail' WHEN 'DEMARCHE' THEN 'Démarche' WHEN 'WORKSHOP' THEN 'Workshop'
         WHEN 'EVENT_MEETING' THEN 'Meeting at an event' ELSE 'Interaction' END || ' with ' || l.names || ': ' || i.subject,
       NULL
     FROM interactions i
     JOIN (SELECT ls.interaction_id, array_agg(ls.state_iso3 ORDER BY ls.state_iso3) AS iso3s, string_agg(s.name, ', ' ORDER BY s.name) AS names
           FROM interaction_states ls JOIN states s ON s.iso3 = ls.state_iso3 GROUP BY ls.interaction_id) l ON l.interaction_id = i.id`,
  );
  await step(
    steps,
    client,
    'activity_events: stage changes, obstacles, contacts',
    `INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary, visibility)
     SELECT bench_gen.uid(6, bench_gen.n_of(c.id)), 'STAGE_CHANGED'::activity_kind, c.changed_at, c.changed_by, u.organization_id, NULL::uuid, ARRAY[c.state_iso3]::char(3)[],
            s.name || ' moved from ' || c.from_stage || ' to ' || c.to_stage || coalesce(': ' || c.note, ''), NULL::visibility
       FROM stage_changes c JOIN states s ON s.iso3 = c.state_iso3 JOIN users u ON u.id = c.changed_by
     UNION ALL
     SELECT bench_gen.uid(7, bench_gen.n_of(o.id)), 'OBSTACLE_RECORDED'::activity_kind, o.created_at, o.recorded_by, u.organization_id, NULL::uuid, ARRAY[o.state_iso3]::char(3)[],
            o.category || ' obstacle recorded for ' || s.name, NULL::visibility
       FROM obstacles o JOIN states s ON s.iso3 = o.state_iso3 JOIN users u ON u.id = o.recorded_by
     UNION ALL
     SELECT bench_gen.uid(10, bench_gen.n_of(c.id)), 'CONTACT_ADDED'::activity_kind, c.created_at, c.created_by, u.organization_id, NULL::uuid, ARRAY[c.state_iso3]::char(3)[],
            'Contact added for ' || s.name || ': ' || c.full_name || coalesce(', ' || c.position, ''), NULL::visibility
       FROM contacts c JOIN states s ON s.iso3 = c.state_iso3 JOIN users u ON u.id = c.created_by`,
  );

  // What the audit triggers would have written: one entry per inserted (or, for States, updated) row.
  if (audit) {
    const entry = (table, key, action, at, actor, alias = 't') =>
      `INSERT INTO audit_entries (id, at, actor_id, action, entity, entity_id, before, after)
       SELECT md5('${table}:' || ${key})::uuid, ${at}, ${actor}, '${action}', '${table}', ${key}, NULL, to_jsonb(${alias}) FROM ${table} ${alias}`;
    await step(steps, client, 'audit: contacts', `${entry('contacts', 't.id::text', 'createContact', 't.created_at', 't.created_by')}`);
    await step(
      steps,
      client,
      'audit: interactions',
      `${entry('interactions', 't.id::text', 'logInteraction', 't.created_at', 't.author_id')}`,
    );
    await step(
      steps,
      client,
      'audit: interaction_states',
      `INSERT INTO audit_entries (id, at, actor_id, action, entity, entity_id, before, after)
       SELECT md5('interaction_states:' || t.interaction_id || t.state_iso3)::uuid, i.created_at, i.author_id, 'logInteraction', 'interaction_states',
              t.interaction_id::text, NULL, to_jsonb(t) - ARRAY['occurred_on', 'created_at', 'visibility', 'organization_id']
       FROM interaction_states t JOIN interactions i ON i.id = t.interaction_id`,
    );
    await step(
      steps,
      client,
      'audit: interaction_contacts',
      `INSERT INTO audit_entries (id, at, actor_id, action, entity, entity_id, before, after)
       SELECT md5('interaction_contacts:' || t.interaction_id || t.contact_id)::uuid, i.created_at, i.author_id, 'logInteraction', 'interaction_contacts',
              t.interaction_id::text, NULL, to_jsonb(t)
       FROM interaction_contacts t JOIN interactions i ON i.id = t.interaction_id`,
    );
    await step(steps, client, 'audit: obstacles', `${entry('obstacles', 't.id::text', 'recordObstacle', 't.created_at', 't.recorded_by')}`);
    await step(
      steps,
      client,
      'audit: states',
      `INSERT INTO audit_entries (id, at, actor_id, action, entity, entity_id, before, after)
       SELECT md5('states:' || c.id)::uuid, c.changed_at, c.changed_by, 'setRatificationStage', 'states', c.state_iso3,
              jsonb_build_object('ratification_stage', c.from_stage), jsonb_build_object('ratification_stage', c.to_stage)
       FROM stage_changes c WHERE c.changed_by IS NOT NULL`,
    );
  }

  for (const index of dropped) await step(steps, client, `index ${index.name}`, index.create);
  await client.query(`SET session_replication_role = origin`);
  await client.query(`DROP SCHEMA bench_gen CASCADE`);
  await step(steps, client, 'vacuum analyze', 'VACUUM ANALYZE');
  return steps;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = readOptions();
  ensureDatabase(options).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
