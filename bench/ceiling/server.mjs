// The ceiling: a minimal Fastify + pg server answering the benchmark's questions with one
// hand-written SQL statement each, the JSON built in PostgreSQL, in the same shape as the
// service's GraphQL `data`, for one fixed viewer (no sign-in, no GraphQL, no validation).
//
//   POST /q1 {"regionalGroups": [...], "first": 50}   targets ordered by name
//   POST /q2 {"iso3": "IND", "first": 20}              a State, its votes and newest interactions
//   POST /q3 {"first": 50}                             the activity feed
//   POST /w1 {"input": LogInteractionInput}            logInteraction (with its Idempotency-Key header, if any)
//   POST /w2 {"id": ID, "input": {expectedVersion, outcome}}   updateInteraction
//   POST /w3 {"iso3", "stage", "note"}                  setRatificationStage
//   POST /w4 {"input": RecordObstacleInput}            recordObstacle
//   POST /w5 {"input": CreateContactInput}             createContact
import Fastify from 'fastify';
import pg from 'pg';

const VIEWER = {
  id: process.env.BENCH_VIEWER_ID,
  organizationId: process.env.BENCH_VIEWER_ORG,
  role: process.env.BENCH_VIEWER_ROLE ?? 'COORDINATOR',
};
if (!VIEWER.id || !VIEWER.organizationId) throw new Error('BENCH_VIEWER_ID and BENCH_VIEWER_ORG are required');

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
  application_name: 'bench-ceiling',
});

/** The service's visibility rule on the interactions alias `i`; $1 is the viewer's organization. */
const visible = (alias = 'i') =>
  VIEWER.role === 'PARTNER'
    ? `${alias}.visibility = 'SHARED'`
    : `(${alias}.visibility <> 'ORGANIZATION' OR ${alias}.organization_id = $1::uuid)`;

/**
 * The same rule as index ranges of interaction_states (alias `l`), whose rows carry their
 * interaction's visibility and organization: SHARED, COORDINATORS, and the viewer's organization's
 * ORGANIZATION links (ix_interaction_states_visible, ix_interaction_states_organization).
 */
const RANGES =
  VIEWER.role === 'PARTNER'
    ? [`l.visibility = 'SHARED'`]
    : [`l.visibility = 'SHARED'`, `l.visibility = 'COORDINATORS'`, `l.visibility = 'ORGANIZATION' AND l.organization_id = $1::uuid`];

/** The newest date a visible link of the State `iso3` has: the greatest of each range's max() (one index probe each). */
const lastVisibleOn = (iso3) => {
  const each = RANGES.map((range) => `(SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = ${iso3} AND ${range})`);
  return each.length === 1 ? each[0] : `greatest(${each.join(', ')})`;
};

/** The newest `limit` visible links of the State `iso3`: each range's index walk, LIMIT-ed, merged. */
const NEWEST = 'ORDER BY occurred_on DESC, created_at DESC, interaction_id DESC';
const newestVisibleLinks = (iso3, limit) =>
  `SELECT * FROM (${RANGES.map(
    (range) =>
      `(SELECT l.interaction_id, l.occurred_on, l.created_at FROM interaction_states l WHERE l.state_iso3 = ${iso3} AND ${range} ${NEWEST} LIMIT ${limit})`,
  ).join(' UNION ALL ')}) u ${NEWEST} LIMIT ${limit}`;

/** The number of visible links of the State `iso3`, from the kept counts (same key columns, so the same ranges). */
const visibleCount = (iso3) =>
  `(SELECT coalesce(sum(l.count), 0)::int FROM state_interaction_counts l WHERE l.state_iso3 = ${iso3} AND (${RANGES.map((r) => `(${r})`).join(' OR ')}))`;

const TODAY_STATUS = `ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, (now() AT TIME ZONE 'UTC')::date)`;

const Q1 = `
  WITH t AS (
    SELECT s.* FROM states s
    WHERE s.regional_group = ANY($2::regional_group[]) AND ${TODAY_STATUS} IN ('SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN')),
  p AS (SELECT * FROM t ORDER BY name, iso3 LIMIT $3 + 1)
  SELECT json_build_object('targets', json_build_object(
    'totalCount', (SELECT count(*) FROM t),
    'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM p) > $3),
    'edges', coalesce((
      SELECT json_agg(json_build_object('node', json_build_object('state', json_build_object(
               'iso3', s.iso3, 'name', s.name, 'treatyStatus', ${TODAY_STATUS}, 'lastInteractionOn', li.last,
               'votingRecord', vr.record, 'obstacles', ob.list))) ORDER BY s.name, s.iso3)
      FROM (SELECT * FROM p ORDER BY name, iso3 LIMIT $3) s
      CROSS JOIN LATERAL (SELECT ${lastVisibleOn('s.iso3')} AS last) li
      LEFT JOIN LATERAL (
        SELECT json_build_object(
          'yes', count(*) FILTER (WHERE v.choice = 'YES'), 'no', count(*) FILTER (WHERE v.choice = 'NO'),
          'abstain', count(*) FILTER (WHERE v.choice = 'ABSTAIN'), 'nonVoting', count(*) FILTER (WHERE v.choice = 'NON_VOTING'),
          'total', count(*),
          'yesShare', CASE WHEN count(*) = 0 THEN 0 ELSE (count(*) FILTER (WHERE v.choice = 'YES'))::float8 / count(*) END,
          'consecutiveYes', coalesce(min(v.rn) FILTER (WHERE v.choice <> 'YES') - 1, count(*)),
          'lastChoice', min(v.choice::text) FILTER (WHERE v.rn = 1)) AS record
        FROM (SELECT v.choice, row_number() OVER (ORDER BY r.adopted_on DESC, r.symbol DESC) AS rn
              FROM votes v JOIN resolutions r ON r.symbol = v.resolution_symbol WHERE v.state_iso3 = s.iso3) v) vr ON true
      LEFT JOIN LATERAL (
        SELECT coalesce(json_agg(json_build_object('id', o.id, 'category', o.category, 'status', o.status, 'description', o.description,
                                                   'recordedOn', o.recorded_on) ORDER BY o.status = 'ADDRESSED', o.recorded_on DESC, o.id), '[]') AS list
        FROM obstacles o WHERE o.state_iso3 = s.iso3) ob ON true), '[]'))
  )::text AS data`;

const Q2 = `
  SELECT json_build_object('state', (
    SELECT json_build_object('iso3', s.iso3, 'name', s.name, 'treatyStatus', ${TODAY_STATUS}, 'ratificationStage', s.ratification_stage,
      'votes', (SELECT coalesce(json_agg(json_build_object('choice', v.choice, 'resolution', json_build_object('symbol', r.symbol, 'adoptedOn', r.adopted_on))
                                         ORDER BY r.adopted_on DESC, r.symbol DESC), '[]')
                FROM votes v JOIN resolutions r ON r.symbol = v.resolution_symbol WHERE v.state_iso3 = s.iso3),
      'interactions', json_build_object(
        'totalCount', ${visibleCount('s.iso3')},
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                           'id', x.id, 'type', x.type, 'occurredOn', x.occurred_on, 'subject', x.subject, 'visibility', x.visibility,
                           'contacts', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'fullName', c.full_name) ORDER BY c.full_name, c.id), '[]')
                                        FROM interaction_contacts ic JOIN contacts c ON c.id = ic.contact_id WHERE ic.interaction_id = x.id)))
                         ORDER BY x.occurred_on DESC, x.created_at DESC, x.id DESC), '[]')
                  FROM (SELECT i.* FROM (${newestVisibleLinks('s.iso3', '$3')}) l JOIN interactions i ON i.id = l.interaction_id) x)))
    FROM states s WHERE s.iso3 = $2))::text AS data`;

const Q3_VISIBLE = `CASE WHEN e.interaction_id IS NOT NULL THEN ${visible()} WHEN e.visibility IS NULL THEN true ELSE ${visible('e')} END`;
// A page without a total: the (occurred_at, id) index read backwards, each event checked against
// its interaction (a primary-key probe), stopping at first + 1 visible events.
const Q3 = `
  WITH p AS (
    SELECT e.*, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key
    FROM activity_events e LEFT JOIN interactions i ON i.id = e.interaction_id WHERE ${Q3_VISIBLE}
    ORDER BY e.occurred_at DESC, e.id DESC LIMIT $2 + 1),
  pg AS (SELECT * FROM p ORDER BY occurred_at DESC, id DESC LIMIT $2)
  SELECT json_build_object('activityFeed', json_build_object(
    'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM p) > $2,
      'endCursor', (SELECT rtrim(translate(encode(convert_to('["' || at_key || '","' || id || '"]', 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')
                    FROM pg ORDER BY occurred_at, id LIMIT 1)),
    'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                'id', p.id, 'kind', p.kind, 'occurredAt', to_char(p.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'summary', p.summary,
                'actor', (SELECT json_build_object('displayName', u.display_name) FROM users u WHERE u.id = p.actor_id),
                'organization', (SELECT json_build_object('name', o.name) FROM organizations o WHERE o.id = p.organization_id),
                'states', (SELECT coalesce(json_agg(json_build_object('iso3', s.iso3, 'name', s.name) ORDER BY k.ord), '[]')
                           FROM unnest(p.state_iso3s) WITH ORDINALITY k(iso3, ord) JOIN states s ON s.iso3 = k.iso3)))
              ORDER BY p.occurred_at DESC, p.id DESC), '[]')
              FROM pg p)))::text AS data`;

// One statement: the audit triggers read the actor and action set in the first CTE (they fire at
// the end of the statement), and the activity event names the States like the service's.
const W1 = `
  WITH cfg AS (SELECT set_config('ratify.actor_id', $2::text, true) AS actor, set_config('ratify.action', 'logInteraction', true) AS action),
  st AS (SELECT iso3, name FROM states WHERE iso3 = ANY($8::char(3)[])),
  ct AS (SELECT id FROM contacts WHERE id = ANY($9::uuid[])),
  nid AS (SELECT gen_random_uuid() AS id),
  -- The idempotency key, stored with the answer; a key already taken writes nothing.
  k AS (
    INSERT INTO idempotency_keys (user_id, key, operation, fingerprint, result)
    SELECT $2::uuid, $11::text, 'logInteraction', '', json_build_object('id', nid.id) FROM nid WHERE $11::text IS NOT NULL
    ON CONFLICT (user_id, key) DO NOTHING RETURNING key),
  ins AS (
    INSERT INTO interactions (id, type, occurred_on, subject, summary, follow_up_on, visibility, organization_id, author_id)
    SELECT nid.id, $3::interaction_type, $4::date, $5, $6, $10::date, $7::visibility, $1::uuid, cfg.actor::uuid FROM cfg, nid
    WHERE (SELECT count(*) FROM st) = cardinality($8::char(3)[]) AND (SELECT count(*) FROM ct) = coalesce(cardinality($9::uuid[]), 0)
      AND ($11::text IS NULL OR EXISTS (SELECT 1 FROM k))
    RETURNING id, type, subject),
  ls AS (INSERT INTO interaction_states (interaction_id, state_iso3) SELECT ins.id, st.iso3 FROM ins, st),
  lc AS (INSERT INTO interaction_contacts (interaction_id, contact_id) SELECT ins.id, ct.id FROM ins, ct),
  ev AS (
    INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary)
    SELECT gen_random_uuid(), 'INTERACTION_LOGGED', clock_timestamp(), $2::uuid, $1::uuid, ins.id, $8::char(3)[],
      CASE ins.type WHEN 'LETTER' THEN 'Letter' WHEN 'BILATERAL_MEETING' THEN 'Bilateral meeting' WHEN 'PHONE_CALL' THEN 'Phone call'
        WHEN 'EMAIL' THEN 'E-mail' WHEN 'DEMARCHE' THEN 'Démarche' WHEN 'WORKSHOP' THEN 'Workshop'
        WHEN 'EVENT_MEETING' THEN 'Meeting at an event' ELSE 'Interaction' END
      || ' with ' || (SELECT string_agg(name, ', ' ORDER BY name) FROM st) || ': ' || ins.subject
    FROM ins)
  SELECT json_build_object('logInteraction', json_build_object('id', id))::text AS data FROM ins`;

const TYPE_LABEL = (
  type,
) => `CASE ${type} WHEN 'LETTER' THEN 'Letter' WHEN 'BILATERAL_MEETING' THEN 'Bilateral meeting' WHEN 'PHONE_CALL' THEN 'Phone call'
  WHEN 'EMAIL' THEN 'E-mail' WHEN 'DEMARCHE' THEN 'Démarche' WHEN 'WORKSHOP' THEN 'Workshop' WHEN 'EVENT_MEETING' THEN 'Meeting at an event' ELSE 'Interaction' END`;

// updateInteraction (its outcome): the viewer's organization's interaction, from the version the
// client read (none updated otherwise), and the activity event naming its States.
const W2 = `
  WITH cfg AS (SELECT set_config('ratify.actor_id', $2::text, true) AS actor, set_config('ratify.action', 'updateInteraction', true) AS action),
  up AS (
    UPDATE interactions i SET outcome = $4, version = i.version + 1, updated_at = now() FROM cfg
    WHERE i.id = $3::uuid AND i.version = $5::int AND i.organization_id = $1::uuid
    RETURNING i.id, i.version, i.type, i.subject),
  st AS (SELECT array_agg(s.iso3 ORDER BY s.name) AS codes, string_agg(s.name, ', ' ORDER BY s.name) AS names
         FROM up JOIN interaction_states l ON l.interaction_id = up.id JOIN states s ON s.iso3 = l.state_iso3),
  ev AS (
    INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary, template)
    SELECT gen_random_uuid(), 'INTERACTION_UPDATED', clock_timestamp(), $2::uuid, $1::uuid, up.id, coalesce(st.codes, '{}'),
      ${TYPE_LABEL('up.type')} || ' updated with ' || coalesce(st.names, '') || ': ' || up.subject,
      ${TYPE_LABEL('up.type')} || ' updated with ' || coalesce(st.names, '') || ': {text}'
    FROM up, st)
  SELECT json_build_object('updateInteraction', json_build_object('id', id, 'version', version))::text AS data FROM up`;

// setRatificationStage: moves the State (none with a deposit: the stages W3 uses are before one)
// and records the move and its event; a State already at the stage is answered as it is.
const W3 = `
  WITH cfg AS (SELECT set_config('ratify.actor_id', $2::text, true) AS actor, set_config('ratify.action', 'setRatificationStage', true) AS action),
  old AS (SELECT iso3, name, ratification_stage FROM states WHERE iso3 = $3::char(3) AND consent_date IS NULL),
  moved AS (
    UPDATE states s SET ratification_stage = $4::ratification_stage, version = s.version + 1, updated_at = now() FROM old, cfg
    WHERE s.iso3 = old.iso3 AND old.ratification_stage <> $4::ratification_stage
    RETURNING s.iso3, old.name, old.ratification_stage AS from_stage),
  ch AS (
    INSERT INTO stage_changes (id, state_iso3, from_stage, to_stage, changed_by, note, visibility, organization_id, effective_on)
    SELECT gen_random_uuid(), iso3, from_stage, $4::ratification_stage, $2::uuid, $5, 'COORDINATORS', $1::uuid, current_date FROM moved
    RETURNING id),
  ev AS (
    INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, state_iso3s, summary, subject_id, template)
    SELECT gen_random_uuid(), 'STAGE_CHANGED', clock_timestamp(), $2::uuid, $1::uuid, ARRAY[moved.iso3],
      moved.name || ' moved from ' || moved.from_stage || ' to ' || $4, ch.id, moved.name || ' moved from ' || moved.from_stage || ' to ' || $4 || '{extra}'
    FROM moved, ch)
  SELECT json_build_object('setRatificationStage', json_build_object('iso3', iso3, 'ratificationStage', $4::text))::text AS data FROM old`;

// recordObstacle: the State must not have deposited on the day (an obstacle to joining); the event
// follows the obstacle (its subject) and names its category and State like the service's.
const W4 = `
  WITH cfg AS (SELECT set_config('ratify.actor_id', $2::text, true) AS actor, set_config('ratify.action', 'recordObstacle', true) AS action),
  st AS (SELECT iso3, name FROM states WHERE iso3 = $3::char(3)
         AND NOT (consent_date IS NOT NULL AND consent_date <= $6::date AND (withdrawal_date IS NULL OR withdrawal_date > $6::date))),
  ins AS (
    INSERT INTO obstacles (id, state_iso3, category, description, measures, recorded_on, recorded_by, visibility, organization_id)
    SELECT gen_random_uuid(), st.iso3, $4::obstacle_category, $5, $7, $6::date, cfg.actor::uuid, $8::visibility, $1::uuid FROM cfg, st
    RETURNING id, category),
  ev AS (
    INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, state_iso3s, summary, subject_id, template)
    SELECT gen_random_uuid(), 'OBSTACLE_RECORDED', clock_timestamp(), $2::uuid, $1::uuid, ARRAY[st.iso3], initcap(ins.category::text) || ' obstacle recorded for ' || st.name,
      ins.id, '{text} obstacle recorded for ' || st.name
    FROM ins, st)
  SELECT json_build_object('recordObstacle', json_build_object('id', id))::text AS data FROM ins`;

// createContact: the contact, its first posting, and the activity event.
const W5 = `
  WITH cfg AS (SELECT set_config('ratify.actor_id', $2::text, true) AS actor, set_config('ratify.action', 'createContact', true) AS action),
  ins AS (
    INSERT INTO contacts (id, full_name, position, posting, state_iso3, languages, created_by)
    SELECT gen_random_uuid(), $3, $4, $5::posting, s.iso3, $7::text[], cfg.actor::uuid
    FROM cfg LEFT JOIN states s ON s.iso3 = $6::char(3) WHERE $6::char(3) IS NULL OR s.iso3 IS NOT NULL
    RETURNING id, full_name, position, posting, state_iso3),
  po AS (
    INSERT INTO contact_postings (id, contact_id, posting, state_iso3, position, from_date, created_by)
    SELECT gen_random_uuid(), id, posting, state_iso3, position, current_date, $2::uuid FROM ins WHERE posting IS NOT NULL OR state_iso3 IS NOT NULL),
  ev AS (
    INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, state_iso3s, summary)
    SELECT gen_random_uuid(), 'CONTACT_ADDED', clock_timestamp(), $2::uuid, $1::uuid, CASE WHEN ins.state_iso3 IS NULL THEN '{}' ELSE ARRAY[ins.state_iso3] END,
      'Contact added' || coalesce(' for ' || (SELECT name FROM states WHERE iso3 = ins.state_iso3), '') || ': ' || ins.full_name || coalesce(', ' || ins.position, '')
    FROM ins)
  SELECT json_build_object('createContact', json_build_object('id', id))::text AS data FROM ins`;

const app = Fastify({ logger: false });

async function answer(reply, sql, params) {
  const { rows } = await pool.query({ text: sql, values: params });
  if (!rows[0]) {
    reply.code(200).header('content-type', 'application/json');
    return `{"data":null,"errors":[{"message":"not found"}]}`;
  }
  reply.header('content-type', 'application/json');
  return `{"data":${rows[0].data}}`;
}

app.post('/q1', (req, reply) =>
  answer(reply, Q1, [VIEWER.organizationId, req.body?.regionalGroups ?? ['ASIA_PACIFIC'], Math.min(Number(req.body?.first ?? 50), 200)]),
);
app.post('/q2', (req, reply) => answer(reply, Q2, [VIEWER.organizationId, req.body?.iso3, Math.min(Number(req.body?.first ?? 20), 200)]));
app.post('/q3', (req, reply) => answer(reply, Q3, [VIEWER.organizationId, Math.min(Number(req.body?.first ?? 50), 200)]));
app.post('/w1', (req, reply) => {
  const input = req.body?.input ?? {};
  const visibility = VIEWER.role === 'PARTNER' ? 'SHARED' : (input.visibility ?? 'ORGANIZATION');
  return answer(reply, W1, [
    VIEWER.organizationId,
    VIEWER.id,
    input.type,
    input.occurredOn,
    input.subject,
    input.summary ?? null,
    visibility,
    input.stateIso3s ?? [],
    input.contactIds ?? [],
    input.followUpOn ?? null,
    req.headers['idempotency-key'] ?? null,
  ]);
});
app.post('/w2', (req, reply) =>
  answer(reply, W2, [VIEWER.organizationId, VIEWER.id, req.body?.id, req.body?.input?.outcome ?? null, req.body?.input?.expectedVersion]),
);
app.post('/w3', (req, reply) =>
  answer(reply, W3, [VIEWER.organizationId, VIEWER.id, req.body?.iso3, req.body?.stage, req.body?.note ?? null]),
);
app.post('/w4', (req, reply) => {
  const input = req.body?.input ?? {};
  const today = new Date().toISOString().slice(0, 10);
  return answer(reply, W4, [
    VIEWER.organizationId,
    VIEWER.id,
    input.stateIso3,
    input.category,
    input.description,
    input.recordedOn ?? today,
    input.measures ?? null,
    input.visibility ?? 'COORDINATORS',
  ]);
});
app.post('/w5', (req, reply) => {
  const input = req.body?.input ?? {};
  return answer(reply, W5, [
    VIEWER.organizationId,
    VIEWER.id,
    input.fullName,
    input.position ?? null,
    input.posting ?? null,
    input.stateIso3 ?? null,
    input.languages ?? [],
  ]);
});
app.get('/health', async () => ({ ok: true }));

await app.listen({ port: Number(process.env.PORT ?? 3100), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
