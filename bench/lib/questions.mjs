// The benchmark's questions: for each, the request every server gets, and a normalizer that maps
// each server's answer to one comparable form (PostGraphile's shape differs: see bench/README.md).

export const Q1_GROUPS = ['ASIA_PACIFIC'];
export const Q2_STATE = 'IND';
export const W1_STATES = ['KIR', 'FJI'];
/** The subject of every interaction W1 writes (they are removed after the run). */
export const W1_SUBJECT = 'Benchmark write: meeting with the Permanent Mission';
/** W1 is sent with an idempotency key, a new one with each request (the Idempotency-Key header). */
export const W1_KEY_HEADER = 'idempotency-key';
/** The State of W4's obstacles and W5's contacts; the description and name that mark them (removed after the run). */
export const W4_STATE = 'KIR';
export const W4_DESCRIPTION = 'Benchmark write: the translation of the Convention is not ready';
export const W5_NAME = 'Benchmark write: Tebwaa Kiribati';
/** W2 updates interactions made for it (this subject marks them), one per connection, each from the version it last answered. */
export const W2_SUBJECT = 'Benchmark write: interaction updated under load';
export const W2_OUTCOME = 'Benchmark write: the Mission will report to the capital';
/** Placeholders of W2's request, filled in for each request by the load generator (bench/load.mjs). */
export const ITEM_ID = '__ITEM_ID__';
export const ITEM_VERSION = '__ITEM_VERSION__';
/** W3 moves States without a deposit between these stages, with this note (the moves are removed after the run). */
export const W3_STAGES = ['SUPPORTIVE', 'ENGAGED'];
export const W3_NOTE = 'Benchmark write: stage move';

const VOTING_RECORD = 'votingRecord { yes no abstain nonVoting total yesShare consecutiveYes lastChoice }';

const RATIFY = {
  q1: `query Q1($groups: [RegionalGroup!], $first: Int!) {
  targets(filter: { regionalGroups: $groups }, orderBy: NAME, first: $first) {
    totalCount pageInfo { hasNextPage }
    edges { node { state { iso3 name treatyStatus lastInteractionOn ${VOTING_RECORD}
      obstacles { id category status description recordedOn } } } }
  }
}`,
  q2: `query Q2($iso3: String!, $first: Int!) {
  state(iso3: $iso3) {
    iso3 name treatyStatus ratificationStage
    votes { choice resolution { symbol adoptedOn } }
    interactions(first: $first) { totalCount edges { node { id type occurredOn subject visibility contacts { id fullName } } } }
  }
}`,
  q3: `query Q3($first: Int!) {
  activityFeed(first: $first) {
    pageInfo { hasNextPage endCursor }
    edges { node { id kind occurredAt summary actor { displayName } organization { name } states { iso3 name } } }
  }
}`,
  w1: `mutation W1($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`,
  w2: `mutation W2($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { id version } }`,
  w3: `mutation W3($iso3: String!, $stage: RatificationStage!, $note: String) { setRatificationStage(iso3: $iso3, stage: $stage, note: $note) { iso3 ratificationStage } }`,
  w4: `mutation W4($input: RecordObstacleInput!) { recordObstacle(input: $input) { id } }`,
  w5: `mutation W5($input: CreateContactInput!) { createContact(input: $input) { id } }`,
};

// The same questions for PostGraphile, aliased to the service's field names where the shape allows.
const POSTGRAPHILE = {
  q1: `query Q1($groups: [RegionalGroup], $first: Int!) {
  targets(groups: $groups, first: $first) {
    totalCount pageInfo { hasNextPage }
    edges { node { iso3 name treatyStatus lastInteractionOn ${VOTING_RECORD}
      obstacles: obstaclesList { id category status description recordedOn } } }
  }
}`,
  q2: `query Q2($iso3: String!, $first: Int!) {
  state: stateByIso3(iso3: $iso3) {
    iso3 name treatyStatus ratificationStage
    votes: votesNewestList { choice resolution: resolutionByResolutionSymbol { symbol adoptedOn } }
    interactionCount: visibleInteractionCount
    interactions: visibleInteractions(first: $first) {
      edges { node { id type occurredOn subject visibility contacts: contactsOrderedList { id fullName } } }
    }
  }
}`,
  q3: `query Q3($first: Int!) {
  activityFeed: feed(first: $first) {
    pageInfo { hasNextPage endCursor }
    edges { node { id kind occurredAt summary actor: userByActorId { displayName }
      organization: organizationByOrganizationId { name } states: statesList { iso3 name } } }
  }
}`,
  w1: `mutation W1($input: LogInteractionInput!) { logInteraction(input: $input) { interaction { id } } }`,
  w2: `mutation W2($input: UpdateInteractionInput!) { updateInteraction(input: $input) { interaction { id version } } }`,
  w3: `mutation W3($input: SetRatificationStageInput!) { setRatificationStage(input: $input) { state { iso3 ratificationStage } } }`,
  w4: `mutation W4($input: RecordObstacleInput!) { recordObstacle(input: $input) { obstacle { id } } }`,
  w5: `mutation W5($input: CreateContactInput!) { createContact(input: $input) { contact { id } } }`,
};

/**
 * Variables of each question; W1 needs a contact of its first State (found in the database), W2 the
 * interaction to update and its version (or the placeholders), W3 the State and its stage.
 */
export function variables(question, { first, contactId, item, move } = {}) {
  switch (question) {
    case 'q1':
      return { groups: Q1_GROUPS, first: first ?? 50 };
    case 'q2':
      return { iso3: Q2_STATE, first: first ?? 20 };
    case 'q3':
      return { first: first ?? 50 };
    case 'w1':
      return {
        input: {
          type: 'BILATERAL_MEETING',
          occurredOn: '2026-11-20',
          subject: W1_SUBJECT,
          visibility: 'COORDINATORS',
          stateIso3s: W1_STATES,
          contactIds: contactId ? [contactId] : [],
        },
      };
    case 'w2':
      return { id: item?.id ?? ITEM_ID, input: { expectedVersion: item?.version ?? ITEM_VERSION, outcome: W2_OUTCOME } };
    case 'w3':
      return { iso3: move?.iso3, stage: move?.stage ?? W3_STAGES[0], note: W3_NOTE };
    case 'w4':
      return { input: { stateIso3: W4_STATE, category: 'TECHNICAL', description: W4_DESCRIPTION, visibility: 'COORDINATORS' } };
    case 'w5':
      return { input: { fullName: W5_NAME, stateIso3: W4_STATE, posting: 'CAPITAL', position: 'Secretary', languages: ['en'] } };
    default:
      throw new Error(`unknown question ${question}`);
  }
}

/** The HTTP request a server gets for a question: { path, body } (JSON). */
export function request(server, question, vars) {
  if (server === 'ratify') return { path: '/graphql', body: { query: RATIFY[question], variables: vars } };
  if (server === 'ceiling') {
    const body = question === 'q1' ? { regionalGroups: vars.groups, first: vars.first } : vars;
    return { path: `/${question}`, body };
  }
  if (server === 'postgraphile') {
    let pgVars = vars;
    if (question === 'w1') {
      const { type, occurredOn, subject, visibility, stateIso3s, contactIds } = vars.input;
      pgVars = { input: { type, occurredOn, subject, visibility, stateCodes: stateIso3s, contactIds } };
    }
    if (question === 'w2') pgVars = { input: { id: vars.id, expectedVersion: vars.input.expectedVersion, outcome: vars.input.outcome } };
    if (question === 'w3') pgVars = { input: vars };
    if (question === 'w5') {
      const { stateIso3, ...rest } = vars.input;
      pgVars = { input: { ...rest, stateCode: stateIso3 } };
    }
    if (question === 'w4') {
      const { stateIso3, ...rest } = vars.input;
      pgVars = { input: { ...rest, stateCode: stateIso3 } };
    }
    return { path: '/graphql', body: { query: POSTGRAPHILE[question], variables: pgVars } };
  }
  throw new Error(`unknown server ${server}`);
}

/** A problem with an answer (GraphQL errors, missing data), or null. */
export function problem(json) {
  if (!json || typeof json !== 'object') return 'not JSON';
  if (json.errors?.length) return `errors: ${JSON.stringify(json.errors).slice(0, 300)}`;
  if (!json.data) return 'no data';
  return null;
}

const instant = (value) => new Date(value).toISOString();

/**
 * Cursors are each server's own: the service's (and the ceiling's, built the same way) is its last
 * event's sort key, [occurredAt with microseconds, id], as base64url JSON; PostGraphile's is its own
 * opaque string. Compared as "names the last event" (decoded where the format is known).
 */
function endCursorPlace(server, cursor, edges) {
  if (!edges.length) return cursor === null ? 'none' : `unexpected ${cursor}`;
  if (typeof cursor !== 'string' || !cursor) return `missing ${cursor}`;
  if (server === 'postgraphile') return 'last edge';
  let key;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return `not a cursor: ${cursor}`;
  }
  const last = edges[edges.length - 1];
  return key[1] === last.id && instant(key[0]) === last.occurredAt ? 'last edge' : `names ${JSON.stringify(key)}`;
}

/** Maps an answer to a form that is the same for every server when they agree. */
export function normalize(server, question, data) {
  switch (question) {
    case 'q1': {
      const t = data.targets;
      const states = t.edges.map((e) => (server === 'postgraphile' ? e.node : e.node.state));
      return { totalCount: t.totalCount, hasNextPage: t.pageInfo.hasNextPage, states };
    }
    case 'q2': {
      if (server !== 'postgraphile' || !data.state) return data.state;
      const { interactionCount, interactions, ...state } = data.state;
      return { ...state, interactions: { totalCount: interactionCount, ...interactions } };
    }
    case 'q3': {
      const f = data.activityFeed;
      const edges = f.edges.map((e) => ({ ...e.node, occurredAt: instant(e.node.occurredAt) }));
      return { hasNextPage: f.pageInfo.hasNextPage, endCursor: endCursorPlace(server, f.pageInfo.endCursor, edges), edges };
    }
    case 'w2': {
      const row = server === 'postgraphile' ? data.updateInteraction?.interaction : data.updateInteraction;
      return { updated: typeof row?.id === 'string' && Number.isInteger(row?.version) };
    }
    case 'w3': {
      const row = server === 'postgraphile' ? data.setRatificationStage?.state : data.setRatificationStage;
      return row;
    }
    case 'w1':
    case 'w4':
    case 'w5': {
      const field = { w1: ['logInteraction', 'interaction'], w4: ['recordObstacle', 'obstacle'], w5: ['createContact', 'contact'] }[
        question
      ];
      const id = server === 'postgraphile' ? data[field[0]]?.[field[1]]?.id : data[field[0]]?.id;
      return { written: typeof id === 'string' && id.length === 36 };
    }
    default:
      throw new Error(`unknown question ${question}`);
  }
}

/** The first difference between two normalized answers, as a path, or null. */
export function difference(a, b, path = '') {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${path || '.'}: ${JSON.stringify(a)?.slice(0, 100)} ≠ ${JSON.stringify(b)?.slice(0, 100)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  if (Array.isArray(a) && a.length !== b.length) return `${path}: ${a.length} items ≠ ${b.length} items`;
  for (const key of keys) {
    const d = difference(a[key], b[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}
