import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, type GqlResponse, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

/**
 * Property-based fuzzing of every mutation: a valid call, with up to three of its values
 * replaced by hostile ones (wrong types, nulls, boundary dates, huge or odd strings, unknown
 * ids, ...) or left out, sent as variables or as literals. Whatever comes in, the answer is a
 * success or an error the client can act on (never INTERNAL_SERVER_ERROR), and a call that
 * fails leaves the database as it was.
 */

const CLIENT_ERRORS = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

const TABLES = [
  'contacts',
  'contact_postings',
  'interactions',
  'interaction_states',
  'interaction_contacts',
  'obstacles',
  'groupings',
  'grouping_states',
  'users',
  'organizations',
  'stage_changes',
  'events',
  'event_attendances',
  'planned_meetings',
  'planned_meeting_contacts',
  'letter_campaigns',
  'campaign_letters',
];

/** Calls per mutation; FUZZ_RUNS=500 npm test -- fuzz hunts longer. A failure prints fast-check's seed to replay it. */
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS || 40);

// ---------------------------------------------------------------- the schema, by introspection

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface SchemaType {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema { mutationType { name } types {
  kind name
  fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } }
  inputFields { name type { ${TYPE_REF} } }
  enumValues { name }
} } }`;

class Schema {
  private readonly types: Map<string, SchemaType>;

  constructor(types: SchemaType[], mutationTypeName: string) {
    this.types = new Map(types.map((type) => [type.name, type]));
    this.mutations = new Map(this.types.get(mutationTypeName)!.fields!.map((field) => [field.name, field]));
  }

  readonly mutations: Map<string, { name: string; args: InputValue[]; type: TypeRef }>;

  type(name: string): SchemaType | undefined {
    return this.types.get(name);
  }

  /** `[String!]!` */
  static render(ref: TypeRef): string {
    if (ref.kind === 'NON_NULL') return `${Schema.render(ref.ofType!)}!`;
    if (ref.kind === 'LIST') return `[${Schema.render(ref.ofType!)}]`;
    return ref.name!;
  }

  static named(ref: TypeRef): string {
    return ref.ofType ? Schema.named(ref.ofType) : ref.name!;
  }

  /** The leaf fields of an object type that need no arguments, to select from a mutation's result. */
  selection(ref: TypeRef): string {
    const type = this.types.get(Schema.named(ref))!;
    if (type.kind !== 'OBJECT') return '';
    const leaves = type.fields!.filter((field) => {
      const kind = this.types.get(Schema.named(field.type))!.kind;
      return (kind === 'SCALAR' || kind === 'ENUM') && field.args.every((arg) => arg.type.kind !== 'NON_NULL');
    });
    return `{ ${leaves.map((field) => field.name).join(' ')} }`;
  }

  /** A GraphQL literal of `value` where `ref` is expected (enum values bare, when they look like names). */
  literal(value: unknown, ref: TypeRef | undefined): string {
    const unwrapped = ref?.kind === 'NON_NULL' ? ref.ofType! : ref;
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) {
      const item = unwrapped?.kind === 'LIST' ? unwrapped.ofType! : undefined;
      return `[${value.map((v) => this.literal(v, item)).join(', ')}]`;
    }
    const type = unwrapped && unwrapped.kind !== 'LIST' ? this.types.get(unwrapped.name!) : undefined;
    if (typeof value === 'object') {
      const fields = new Map((type?.inputFields ?? []).map((field) => [field.name, field.type]));
      const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key));
      return `{ ${entries.map(([key, v]) => `${key}: ${this.literal(v, fields.get(key))}`).join(', ')} }`;
    }
    if (typeof value === 'string') {
      return type?.kind === 'ENUM' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
    }
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : String(value).replace('-', '');
    if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    throw new Error(`No GraphQL literal for a ${typeof value}`);
  }
}

// ---------------------------------------------------------------- hostile values

const BIG_STRINGS = ['x'.repeat(100_000), 'é'.repeat(50_000), '𝄞'.repeat(25_000), 'a\u0000'.repeat(1000)];

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil',
  '\uFEFF',
  '\t\n\r',
  "'; DROP TABLE states; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM users; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '%',
  '_',
  '\\',
  '$1',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '0x10',
  ' 1',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'ADMIN',
  'admin',
  'vut',
  'VUTX',
  'ZZZ',
  'XXX',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '@',
  'a@b',
  `${'x'.repeat(400)}@example.org`,
  'fuzz@example.org\u0000',
];

const DATES = [
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '2024-02-29',
  '2023-02-29',
  '2025-13-01',
  '2025-00-10',
  '2025-1-1',
  '',
  '2025-01-01T00:00:00Z',
  '+275760-09-13',
  '1970-01-01',
  '2100-02-29',
];

const NUMBERS = [
  0,
  -1,
  1,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  1.5,
  -0.5,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

/** Replaced, when a call is built, by an id of that kind that exists (of the wrong entity, mostly). */
const ID_KINDS = ['contact', 'interaction', 'obstacle', 'grouping', 'organization', 'user', 'event', 'campaign', 'meeting'] as const;
type IdKind = (typeof ID_KINDS)[number];
const ID_MARK = /^@id:(\w+)(:upper|:padded)?$/;

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}\u0000${b}`) },
  { weight: 1, arbitrary: fc.constantFrom(...BIG_STRINGS) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => 'y'.repeat(n)) },
  { weight: 3, arbitrary: fc.constantFrom(...DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom({}, { id: 1 }, [], [null], [1], ['VUT', 'VUT'], [[]], [{}]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.uuid().map(String) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...ID_KINDS), fc.constantFrom('', ':upper', ':padded')).map(([kind, how]) => `@id:${kind}${how}`),
  },
);

interface Edit {
  at: number;
  kind: 'replace' | 'remove' | 'unknown';
  value: unknown;
}

const edits = fc.array(
  fc.record({ at: fc.nat(), kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'replace', 'remove', 'unknown'), value: hostile }),
  { maxLength: 3 },
);

type Path = (string | number)[];

/** Every place in `value` that an edit can touch. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...children.flatMap((key) => paths((value as any)[key], [...prefix, key]))];
}

function applyEdit(args: Record<string, unknown>, edit: Edit): void {
  const all = paths(args).filter((path) => path.length > 0);
  if (all.length === 0) return;
  const path = all[edit.at % all.length];
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], args);
  const key = path[path.length - 1];
  // A copy of the value: the hostile constants are shared by every run, and a later edit of the same
  // call may write into what an earlier one put there (without the copy, into the constant itself,
  // which can then hold itself).
  if (edit.kind === 'replace') parent[key] = structuredClone(edit.value);
  else if (edit.kind === 'unknown' && parent[key] !== null && typeof parent[key] === 'object' && !Array.isArray(parent[key])) {
    parent[key].unexpectedField = structuredClone(edit.value);
  } else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
}

// ---------------------------------------------------------------- fixtures and valid calls

const TABLE_OF: Record<IdKind, string> = {
  contact: 'contacts',
  interaction: 'interactions',
  obstacle: 'obstacles',
  grouping: 'groupings',
  organization: 'organizations',
  user: 'users',
  event: 'events',
  campaign: 'letter_campaigns',
  meeting: 'planned_meetings',
};

/** What keeps a row of a kind usable by the seeds, beyond existing: a planned meeting is not yet held. */
const LIVE: Partial<Record<IdKind, string>> = { meeting: 'interaction_id IS NULL' };

/** One live row of each kind (made again if a fuzzed call deleted it), and unique names. */
class Fixtures {
  private readonly ids = new Map<IdKind, string>();
  private serial = 0;

  constructor(
    private readonly t: TestApp,
    private readonly db: DataSource,
    private readonly cast: Cast,
  ) {}

  unique(prefix: string): string {
    return `${prefix} ${++this.serial} ${randomUUID().slice(0, 8)}`;
  }

  /** The id and version of a live row of this kind. */
  async row(kind: IdKind): Promise<{ id: string; version: number }> {
    const table = TABLE_OF[kind];
    const known = this.ids.get(kind);
    const hasVersion = !['organization', 'user'].includes(kind);
    if (known) {
      const live = LIVE[kind] ? ` AND ${LIVE[kind]}` : '';
      const rows = await this.db.query(`SELECT ${hasVersion ? 'version' : '1 AS version'} FROM ${table} WHERE id = $1${live}`, [known]);
      if (rows.length) return { id: known, version: rows[0].version };
    }
    const id = await this.create(kind);
    this.ids.set(kind, id);
    return { id, version: 1 };
  }

  async id(kind: IdKind): Promise<string> {
    return (await this.row(kind)).id;
  }

  /** The live obstacle, first resolved or reopened through the API if it is not `status`. */
  async obstacle(status: 'OPEN' | 'ADDRESSED'): Promise<{ id: string; version: number }> {
    const { id, version } = await this.row('obstacle');
    const [{ status: current }] = await this.db.query('SELECT status FROM obstacles WHERE id = $1', [id]);
    if (current === status) return { id, version };
    const mutation =
      status === 'OPEN'
        ? 'mutation($id: ID!, $v: Int!) { reopenObstacle(id: $id, expectedVersion: $v) { version } }'
        : 'mutation($id: ID!, $v: Int!) { resolveObstacle(id: $id, expectedVersion: $v, resolvedOn: "2025-01-20") { version } }';
    const result = await this.t.gql(mutation, { id, v: version }, this.cast.admin.token);
    if (!result.data) throw new Error(`could not make the obstacle ${status}: ${JSON.stringify(result.errors)}`);
    return { id, version: version + 1 };
  }

  /** A posting of the live contact (the current one if any; recorded through the API if it has none), with the contact's version. */
  async posting(): Promise<{ id: string; version: number }> {
    const contact = await this.row('contact');
    const [found] = await this.db.query(
      'SELECT id FROM contact_postings WHERE contact_id = $1 ORDER BY to_date IS NULL DESC, from_date DESC LIMIT 1',
      [contact.id],
    );
    if (found) return { id: found.id, version: contact.version };
    const result = await this.t.gql(
      'mutation($input: AddContactPostingInput!) { addContactPosting(input: $input) { version postings { id } } }',
      { input: { contactId: contact.id, posting: 'CAPITAL', stateIso3: 'VUT', from: '2020-01-01', expectedVersion: contact.version } },
      this.cast.admin.token,
    );
    if (!result.data) throw new Error(`could not add a posting: ${JSON.stringify(result.errors)}`);
    return { id: result.data.addContactPosting.postings[0].id, version: result.data.addContactPosting.version };
  }

  /** The live planned meeting, with the last day of its event (a date it may move to). */
  async meeting(): Promise<{ id: string; version: number; lastDay: string }> {
    const { id, version } = await this.row('meeting');
    const [{ lastDay }] = await this.db.query(
      'SELECT e.ends_on AS "lastDay" FROM planned_meetings m JOIN events e ON e.id = m.event_id WHERE m.id = $1',
      [id],
    );
    return { id, version, lastDay };
  }

  /** The admin, who creates the fixtures: a user who may own them. */
  get adminId(): string {
    return this.cast.admin.id;
  }

  /** A new contact, to be merged away. */
  async spareContact(): Promise<{ id: string; version: number }> {
    return { id: await this.create('contact'), version: 1 };
  }

  async stateVersion(iso3: string): Promise<number> {
    return (await this.db.query('SELECT version FROM states WHERE iso3 = $1', [iso3]))[0].version;
  }

  private async create(kind: IdKind): Promise<string> {
    const token = this.cast.admin.token;
    const make = async (mutation: string, input: Record<string, unknown>) => {
      const name = mutation.match(/\{\s*(\w+)\(/)![1];
      const result = await this.t.gql(mutation, { input }, token);
      if (!result.data) throw new Error(`could not create a ${kind}: ${JSON.stringify(result.errors)}`);
      return result.data[name].id as string;
    };
    switch (kind) {
      case 'contact':
        return make('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
          fullName: 'Fuzz Contact',
          stateIso3: 'VUT',
        });
      case 'interaction':
        return make('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', {
          type: 'LETTER',
          occurredOn: '2025-01-10',
          subject: 'Fuzz letter',
          followUpOn: '2025-02-01',
          stateIso3s: ['VUT'],
        });
      case 'obstacle':
        return make('mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id } }', {
          stateIso3: 'VUT',
          category: 'PROCEDURAL',
          description: 'Fuzz obstacle',
          recordedOn: '2025-01-10',
        });
      case 'grouping':
        return make('mutation($input: CreateGroupingInput!) { createGrouping(input: $input) { id } }', {
          name: this.unique('Fuzz grouping'),
          stateIso3s: ['VUT'],
        });
      case 'event':
        return make('mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }', {
          name: 'Fuzz event',
          kind: 'WORKSHOP',
          startsOn: '2025-01-10',
          endsOn: '2025-01-12',
          visibility: 'COORDINATORS',
          attendingStateIso3s: ['VUT'],
        });
      case 'campaign':
        return make('mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id } }', {
          name: 'Fuzz campaign',
          templateRef: 'letters/fuzz.docx',
          sendingDate: '2025-01-10',
          stateIso3s: ['VUT', 'TUV'],
        });
      case 'meeting': {
        const eventId = await this.id('event');
        const [{ startsOn }] = await this.db.query('SELECT starts_on AS "startsOn" FROM events WHERE id = $1', [eventId]);
        return make('mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }', {
          eventId,
          stateIso3: 'VUT',
          plannedOn: startsOn,
          objective: 'Fuzz meeting',
          visibility: 'COORDINATORS',
        });
      }
      case 'organization':
        return this.cast.france.organizationId;
      case 'user':
        return this.cast.france.id;
    }
  }
}

type Seed = (f: Fixtures) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** A call of each mutation that is valid (or nearly: some depend on the row's current state). */
const SEEDS: Record<string, Seed> = {
  createContact: async (f) => ({
    input: {
      fullName: 'Ana Fuzz',
      title: 'Dr',
      position: 'Counsellor',
      posting: 'CAPITAL',
      stateIso3: 'VUT',
      organizationId: await f.id('organization'),
      email: 'ana@example.org',
      phone: '+678 22 000',
      languages: ['en', 'fr'],
      notes: 'Met in Geneva',
    },
  }),
  updateContact: async (f) => {
    const { id, version } = await f.row('contact');
    return {
      id,
      input: { expectedVersion: version, fullName: 'Ana Updated', posting: 'GENEVA_MISSION', languages: ['es'], notes: 'Moved' },
    };
  },
  deleteContact: async (f) => {
    const { id, version } = await f.row('contact');
    return { id, expectedVersion: version };
  },
  addContactPosting: async (f) => {
    const { id, version } = await f.row('contact');
    return {
      input: {
        contactId: id,
        posting: 'GENEVA_MISSION',
        stateIso3: 'VUT',
        organizationId: await f.id('organization'),
        position: 'Ambassador',
        from: '2015-01-01',
        to: '2016-06-30',
        expectedVersion: version,
      },
    };
  },
  endContactPosting: async (f) => {
    const { id, version } = await f.posting();
    return { input: { postingId: id, to: '2099-12-31', expectedVersion: version } };
  },
  updateContactPosting: async (f) => {
    const { id, version } = await f.posting();
    return {
      input: {
        postingId: id,
        posting: 'NEW_YORK_MISSION',
        stateIso3: 'FJI',
        organizationId: null,
        position: 'Counsellor',
        from: '2014-01-01',
        expectedVersion: version,
      },
    };
  },
  deleteContactPosting: async (f) => {
    const { id, version } = await f.posting();
    return { postingId: id, expectedVersion: version };
  },
  mergeContacts: async (f) => {
    const survivor = await f.row('contact');
    const duplicate = await f.spareContact();
    return {
      input: {
        survivorId: survivor.id,
        duplicateIds: [duplicate.id],
        survivorExpectedVersion: survivor.version,
        duplicateExpectedVersions: [duplicate.version],
      },
    };
  },
  logInteraction: async (f) => ({
    input: {
      type: 'LETTER',
      occurredOn: '2025-01-10',
      subject: 'Invitation to the Meeting of States Parties',
      summary: 'Sent by post',
      outcome: null,
      followUpOn: '2025-02-10',
      visibility: 'ORGANIZATION',
      stateIso3s: ['VUT', 'FJI'],
      contactIds: [await f.id('contact')],
    },
  }),
  updateInteraction: async (f) => {
    const { id, version } = await f.row('interaction');
    return {
      id,
      input: {
        expectedVersion: version,
        type: 'LETTER',
        occurredOn: '2025-01-11',
        subject: 'Follow-up letter',
        summary: 'Resent',
        outcome: 'Reply expected',
        followUpOn: '2025-03-01',
        replyReceivedOn: '2025-01-20',
        visibility: 'COORDINATORS',
        stateIso3s: ['VUT'],
        contactIds: [await f.id('contact')],
      },
    };
  },
  deleteInteraction: async (f) => {
    const { id, version } = await f.row('interaction');
    return { id, expectedVersion: version };
  },
  markFollowUpDone: async (f) => {
    const { id, version } = await f.row('interaction');
    return { id, done: true, expectedVersion: version };
  },
  recordReply: async (f) => {
    const { id, version } = await f.row('interaction');
    return { id, receivedOn: '2025-01-25', expectedVersion: version };
  },
  setRatificationStage: async (f) => ({
    iso3: 'TUV',
    stage: 'ENGAGED',
    note: 'Positive meeting',
    expectedVersion: await f.stateVersion('TUV'),
  }),
  createUser: async (f) => ({
    input: {
      email: `${f.unique('fuzz').replace(/\s+/g, '-')}@example.org`,
      displayName: 'Fuzz User',
      role: 'COORDINATOR',
      organizationId: await f.id('organization'),
      password: 'a-long-password-for-fuzzing',
    },
  }),
  createOrganization: (f) => ({ input: { name: f.unique('Fuzz organization'), kind: 'CIVIL_SOCIETY' } }),
  recordObstacle: () => ({
    input: {
      stateIso3: 'VUT',
      category: 'SUBSTANTIVE',
      description: 'Interoperability concerns',
      measures: 'Legal briefing',
      recordedOn: '2025-01-10',
    },
  }),
  updateObstacle: async (f) => {
    const { id, version } = await f.row('obstacle');
    return {
      id,
      input: {
        expectedVersion: version,
        category: 'TECHNICAL',
        description: 'Stockpile questions',
        measures: null,
        recordedOn: '2025-01-12',
      },
    };
  },
  resolveObstacle: async (f) => {
    const { id, version } = await f.obstacle('OPEN');
    return { id, expectedVersion: version, resolvedOn: '2025-02-01', measures: 'Workshop held' };
  },
  reopenObstacle: async (f) => {
    const { id, version } = await f.obstacle('ADDRESSED');
    return { id, expectedVersion: version };
  },
  createGrouping: (f) => ({ input: { name: f.unique('Fuzz grouping'), description: 'Pacific', stateIso3s: ['VUT', 'FJI'] } }),
  updateGrouping: async (f) => {
    const { id, version } = await f.row('grouping');
    return { id, input: { expectedVersion: version, name: f.unique('Fuzz grouping'), description: null, stateIso3s: ['FJI'] } };
  },
  deleteGrouping: async (f) => {
    const { id, version } = await f.row('grouping');
    return { id, expectedVersion: version };
  },
  updateEvent: async (f) => {
    const { id, version } = await f.row('event');
    return {
      input: {
        id,
        expectedVersion: version,
        name: f.unique('Fuzz event'),
        kind: 'REGIONAL_CONFERENCE',
        place: 'Port Vila',
        startsOn: '2025-01-09',
        endsOn: '2025-01-13',
        visibility: 'SHARED',
      },
    };
  },
  deleteEvent: async (f) => {
    const { id, version } = await f.row('event');
    return { id, expectedVersion: version };
  },
  updateLetterCampaign: async (f) => {
    const { id, version } = await f.row('campaign');
    return {
      input: {
        id,
        expectedVersion: version,
        name: f.unique('Fuzz campaign'),
        templateRef: 'letters/fuzz-2.docx',
        sendingDate: '2025-01-11',
        visibility: 'COORDINATORS',
        ownerId: f.adminId,
      },
    };
  },
  deleteLetterCampaign: async (f) => {
    const { id, version } = await f.row('campaign');
    return { id, expectedVersion: version };
  },
  updatePlannedMeeting: async (f) => {
    const { id, version, lastDay } = await f.meeting();
    return {
      input: {
        id,
        expectedVersion: version,
        plannedOn: lastDay,
        objective: f.unique('Fuzz objective'),
        contactIds: [await f.id('contact')],
        visibility: 'SHARED',
      },
    };
  },
  deletePlannedMeeting: async (f) => {
    const { id, version } = await f.row('meeting');
    return { id, expectedVersion: version };
  },
};

/** A plausible call of a mutation this file has no seed for, made from its argument types. */
function generatedSeed(schema: Schema, mutation: string, args: InputValue[]): Seed {
  const ownKind = ID_KINDS.find((kind) => mutation.toLowerCase().includes(kind)) ?? 'interaction';
  return async (f) => {
    const build = async (ref: TypeRef, name: string): Promise<unknown> => {
      if (ref.kind === 'NON_NULL') return build(ref.ofType!, name);
      if (ref.kind === 'LIST') return [await build(ref.ofType!, name.replace(/s$/, ''))];
      const type = schema.type(ref.name!)!;
      if (type.kind === 'ENUM') return type.enumValues![0].name;
      if (type.kind === 'INPUT_OBJECT') {
        const entries = await Promise.all(
          type.inputFields!.map(async (field) => [field.name, await build(field.type, field.name)] as const),
        );
        return Object.fromEntries(entries);
      }
      const kind = ID_KINDS.find((k) => name.toLowerCase().startsWith(k));
      if (ref.name === 'ID' || /Id$/.test(name)) return f.id(kind ?? ownKind);
      if (ref.name === 'Int') return 1;
      if (ref.name === 'Float') return 0.5;
      if (ref.name === 'Boolean') return true;
      if (ref.name === 'Date') return '2025-01-10';
      if (ref.name === 'DateTime') return '2025-01-10T10:00:00Z';
      if (/iso3/i.test(name)) return 'VUT';
      if (/email/i.test(name)) return `${f.unique('fuzz').replace(/\s+/g, '-')}@example.org`;
      return f.unique('fuzz');
    };
    const entries = await Promise.all(args.map(async (arg) => [arg.name, await build(arg.type, arg.name)] as const));
    return Object.fromEntries(entries);
  };
}

// ---------------------------------------------------------------- the property

describe('fuzzing every mutation', () => {
  let t: TestApp;
  let db: DataSource;
  let cast: Cast;
  let schema: Schema;
  let fixtures: Fixtures;
  const tally = new Map<string, Map<string, number>>();

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    cast = await createCast(t);
    const introspection = await t.gql(INTROSPECTION, {}, cast.admin.token);
    schema = new Schema(introspection.data.__schema.types, introspection.data.__schema.mutationType.name);
    fixtures = new Fixtures(t, db, cast);
  });

  afterAll(async () => {
    const lines = [...tally].map(([mutation, outcomes]) => `${mutation}: ${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')}`);
    console.log(`outcomes per mutation:\n${lines.join('\n')}`);
    await t?.close();
  });

  /** Per table: row count and a digest of every row. */
  async function fingerprint(): Promise<Record<string, string>> {
    const sql = TABLES.map(
      (table) =>
        `SELECT '${table}' AS t, count(*)::int || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS f FROM ${table} x`,
    ).join(' UNION ALL ');
    const rows: { t: string; f: string }[] = await db.query(sql);
    return Object.fromEntries(rows.map((row) => [row.t, row.f]));
  }

  async function resolveIds(value: unknown): Promise<unknown> {
    if (typeof value === 'string') {
      const match = ID_MARK.exec(value);
      if (!match) return value;
      const id = await fixtures.id(match[1] as IdKind);
      return match[2] === ':upper' ? id.toUpperCase() : match[2] === ':padded' ? ` ${id} ` : id;
    }
    if (Array.isArray(value)) return Promise.all(value.map(resolveIds));
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveIds(v)] as const));
      return Object.fromEntries(entries);
    }
    return value;
  }

  function document(name: string, args: Record<string, unknown>, literal: boolean): { query: string; variables?: Record<string, unknown> } {
    const field = schema.mutations.get(name)!;
    const selection = schema.selection(field.type);
    const present = field.args.filter((arg) => arg.name in args);
    if (literal) {
      const list = present.map((arg) => `${arg.name}: ${schema.literal(args[arg.name], arg.type)}`).join(', ');
      return { query: `mutation Fuzz { ${name}${list ? `(${list})` : ''} ${selection} }` };
    }
    const declared = present.map((arg) => `$${arg.name}: ${Schema.render(arg.type)}`).join(', ');
    const passed = present.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    return {
      query: `mutation Fuzz${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''} ${selection} }`,
      variables: Object.fromEntries(present.map((arg) => [arg.name, args[arg.name]])),
    };
  }

  function record(mutation: string, outcome: string): void {
    const outcomes = tally.get(mutation) ?? new Map<string, number>();
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    tally.set(mutation, outcomes);
  }

  async function fuzz(name: string, seed: Seed, runs: number): Promise<void> {
    const who = fc.constantFrom<'admin' | 'france' | 'partner' | 'nobody'>(
      'admin',
      'admin',
      'admin',
      'admin',
      'france',
      'partner',
      'nobody',
    );
    await fc.assert(
      fc.asyncProperty(edits, fc.boolean(), who, async (changes, literal, as) => {
        const args = await seed(fixtures);
        for (const edit of changes) applyEdit(args, edit);
        const resolved = (await resolveIds(args)) as Record<string, unknown>;
        const { query, variables } = document(name, resolved, literal);
        const token = as === 'nobody' ? undefined : cast[as].token;

        const before = await fingerprint();
        const response: GqlResponse = await t.gql(query, variables, token);
        const after = await fingerprint();

        const codes = (response.errors ?? []).map((error) => error.extensions?.code ?? '(none)');
        const succeeded = codes.length === 0 && response.data?.[name] != null;
        record(name, succeeded ? 'ok' : [...new Set(codes)].join('+') || `HTTP ${response.status}`);
        const context = {
          query: query.slice(0, 2000),
          variables: JSON.stringify(variables)?.slice(0, 2000),
          response: JSON.stringify(response).slice(0, 2000),
        };
        expect({ ...context, unexpected: codes.filter((code) => !CLIENT_ERRORS.has(code)) }).toEqual({ ...context, unexpected: [] });
        if (!succeeded) {
          expect({ ...context, codes, changed: TABLES.filter((table) => before[table] !== after[table]) }).toEqual({
            ...context,
            codes,
            changed: [],
          });
        }
      }),
      { numRuns: runs, endOnFailure: true },
    );
  }

  it('knows every mutation named in the brief of this test', () => {
    expect([...schema.mutations.keys()]).toEqual(expect.arrayContaining(Object.keys(SEEDS)));
  });

  it.each(Object.keys(SEEDS))('%s: only successes and client errors; a failed call changes nothing', async (name) => {
    await fuzz(name, SEEDS[name], RUNS_PER_MUTATION);
  });

  // Not login, which is rate limited, nor logout, which would revoke the tokens the fuzzer signs its calls with.
  it('any other mutation of the schema (but login and logout) holds to the same', async () => {
    const others = [...schema.mutations.values()].filter(
      (field) => !(field.name in SEEDS) && field.name !== 'login' && field.name !== 'logout',
    );
    for (const field of others) await fuzz(field.name, generatedSeed(schema, field.name, field.args), 10);
  });
});
