import { randomUUID } from 'node:crypto';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const FIELDS = 'id name description version createdAt updatedAt createdBy { id } states { iso3 name }';

const CREATE = `mutation($input: CreateGroupingInput!) { createGrouping(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateGroupingInput!) { updateGrouping(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $expectedVersion: Int) { deleteGrouping(id: $id, expectedVersion: $expectedVersion) }';
const READ = `query($id: ID!) { grouping(id: $id) { ${FIELDS} } }`;

const iso3s = (grouping: any) => grouping.states.map((state: any) => state.iso3);

describe('groupings', () => {
  let t: TestApp;
  let cast: Cast;
  let pacific: any;
  let asean: any;

  const create = async (input: Record<string, unknown>, actor: Actor = cast.france) =>
    ok(await t.gql(CREATE, { input }, actor.token)).createGrouping;
  const read = async (id: string, actor: Actor = cast.france) => ok(await t.gql(READ, { id }, actor.token)).grouping;
  const all = async (actor: Actor = cast.france) => ok(await t.gql(`{ groupings { ${FIELDS} } }`, {}, actor.token)).groupings;
  const names = async () => (await all()).map((grouping: any) => grouping.name);
  const groupingsOf = async (iso3: string) =>
    ok(await t.gql(`{ state(iso3: "${iso3}") { groupings { name } } }`, {}, cast.france.token)).state.groupings.map((g: any) => g.name);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('creating and reading', () => {
    it('creates a grouping with its States listed by name, at version 1', async () => {
      pacific = await create({ name: '  Pacific focus  ', description: 'Small island States', stateIso3s: ['VUT', 'KIR', 'TUV', 'FJI'] });
      expect(pacific).toEqual({
        id: expect.any(String),
        name: 'Pacific focus',
        description: 'Small island States',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        createdBy: { id: cast.france.id },
        states: [
          { iso3: 'FJI', name: 'Fiji' },
          { iso3: 'KIR', name: 'Kiribati' },
          { iso3: 'TUV', name: 'Tuvalu' },
          { iso3: 'VUT', name: 'Vanuatu' },
        ],
      });
      expect(await read(pacific.id)).toEqual(pacific);
    });

    it('creates a grouping without States or description', async () => {
      const empty = await create({ name: 'Watch list' }, cast.admin);
      expect(empty).toMatchObject({ name: 'Watch list', description: null, states: [], createdBy: { id: cast.admin.id } });
      asean = await create(
        { name: 'asean', stateIso3s: ['IDN', 'VNM', 'LAO', 'MMR', 'THA', 'PHL', 'SGP', 'MYS', 'KHM', 'BRN'] },
        cast.panama,
      );
      expect(iso3s(asean)).toHaveLength(10);
    });

    it('lists every grouping by name regardless of case, to every role', async () => {
      expect(await names()).toEqual(['asean', 'Pacific focus', 'Watch list']);
      expect(await all(cast.partner)).toEqual(await all());
    });

    it('shows the groupings of a State by name', async () => {
      const more = await create({ name: 'Accession candidates', stateIso3s: ['KIR', 'IDN'] });
      expect(await groupingsOf('KIR')).toEqual(['Accession candidates', 'Pacific focus']);
      expect(await groupingsOf('IDN')).toEqual(['Accession candidates', 'asean']);
      expect(await groupingsOf('FRA')).toEqual([]);
      ok(await t.gql(DELETE, { id: more.id }, cast.france.token));
    });

    it('returns null for an unknown or malformed id', async () => {
      expect(await read(randomUUID())).toBeNull();
      expect(await read('not-a-uuid')).toBeNull();
    });
  });

  describe('invalid input', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an empty name', { name: '' }, 'BAD_USER_INPUT'],
      ['a blank name', { name: '   ' }, 'BAD_USER_INPUT'],
      ['a name of 201 characters', { name: 'n'.repeat(201) }, 'BAD_USER_INPUT'],
      ['a description of 2001 characters', { description: 'd'.repeat(2001) }, 'BAD_USER_INPUT'],
      [
        '251 States',
        {
          stateIso3s: Array.from(
            { length: 251 },
            (_, i) => `A${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
          ),
        },
        'BAD_USER_INPUT',
      ],
      ['a repeated State', { stateIso3s: ['KIR', 'KIR'] }, 'BAD_USER_INPUT'],
      ['a malformed State code', { stateIso3s: ['kir'] }, 'BAD_USER_INPUT'],
      ['unknown States', { stateIso3s: ['KIR', 'ZZZ', 'QQQ'] }, 'NOT_FOUND'],
      ['the name of another grouping in another case', { name: 'PACIFIC FOCUS' }, 'CONFLICT'],
    ];

    it.each(cases)('refuses to create a grouping with %s, writing nothing', async (_case, change, code) => {
      const before = await all();
      const result = await t.gql(CREATE, { input: { name: 'Sahel', ...change } }, cast.france.token);
      expect(codes(result)).toEqual([code]);
      expect(result.data).toBeNull();
      expect(await all()).toEqual(before);
    });

    it.each(cases)('refuses to update a grouping with %s, changing nothing', async (_case, change, code) => {
      const before = await all();
      const result = await t.gql(UPDATE, { id: asean.id, input: { expectedVersion: asean.version, ...change } }, cast.france.token);
      expect(codes(result)).toEqual([code]);
      expect(await all()).toEqual(before);
    });

    it('lists the unknown States in the NOT_FOUND error', async () => {
      const result = await t.gql(CREATE, { input: { name: 'Sahel', stateIso3s: ['MLI', 'ZZZ', 'NER', 'QQQ'] } }, cast.france.token);
      expect(result.errors![0].extensions).toEqual({ code: 'NOT_FOUND', details: { stateIso3s: ['ZZZ', 'QQQ'] } });
      expect(result.errors![0].message).toContain('ZZZ, QQQ');
    });

    it('accepts the longest name and description, and the most States', async () => {
      const states = ok(await t.gql('{ states(first: 200) { edges { node { iso3 } } } }', {}, cast.france.token)).states.edges.map(
        (e: any) => e.node.iso3,
      );
      const big = await create({ name: 'n'.repeat(200), description: 'd'.repeat(2000), stateIso3s: states });
      expect(big.states).toHaveLength(197);
      ok(await t.gql(DELETE, { id: big.id }, cast.france.token));
    });

    it('refuses null for the name and the States on update', async () => {
      for (const field of ['name', 'stateIso3s']) {
        const result = await t.gql(UPDATE, { id: asean.id, input: { expectedVersion: asean.version, [field]: null } }, cast.france.token);
        expect([field, codes(result)]).toEqual([field, ['BAD_USER_INPUT']]);
      }
      expect(await read(asean.id)).toEqual(asean);
    });

    it('lets exactly one of several concurrent creations of one name, in any case, win', async () => {
      const results = await Promise.all(['Sahel', 'SAHEL', 'sahel'].map((name) => t.gql(CREATE, { input: { name } }, cast.france.token)));
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      expect(results.flatMap(codes)).toEqual(['CONFLICT', 'CONFLICT']);
      expect((await names()).filter((name: string) => name.toLowerCase() === 'sahel')).toHaveLength(1);
    });
  });

  describe('updating', () => {
    it('renames, describes and replaces the States, bumping the version', async () => {
      const input = {
        expectedVersion: 1,
        name: 'ASEAN',
        description: 'Association of Southeast Asian Nations',
        stateIso3s: ['VNM', 'LAO', 'KIR'],
      };
      const updated = ok(await t.gql(UPDATE, { id: asean.id, input }, cast.france.token)).updateGrouping;
      expect(updated).toEqual({
        ...asean,
        name: 'ASEAN',
        description: 'Association of Southeast Asian Nations',
        version: 2,
        updatedAt: expect.any(String),
        states: [
          { iso3: 'KIR', name: 'Kiribati' },
          { iso3: 'LAO', name: "Lao People's Democratic Republic" },
          { iso3: 'VNM', name: 'Viet Nam' },
        ],
      });
      asean = updated;
      expect(await read(asean.id)).toEqual(asean);
      expect(await groupingsOf('KIR')).toEqual(['ASEAN', 'Pacific focus']);
      expect(await groupingsOf('IDN')).toEqual([]);
    });

    it('changes only what it is given, clearing the description with null and emptying the States', async () => {
      const onlyDescription = ok(
        await t.gql(UPDATE, { id: asean.id, input: { expectedVersion: 2, description: null } }, cast.admin.token),
      ).updateGrouping;
      expect(onlyDescription).toEqual({ ...asean, description: null, version: 3, updatedAt: expect.any(String) });
      const emptied = ok(
        await t.gql(UPDATE, { id: asean.id, input: { expectedVersion: 3, stateIso3s: [] } }, cast.admin.token),
      ).updateGrouping;
      expect(emptied).toEqual({ ...onlyDescription, states: [], version: 4, updatedAt: expect.any(String) });
      asean = emptied;
    });

    it('rejects a stale expectedVersion with CONFLICT and changes nothing, States included', async () => {
      const result = await t.gql(
        UPDATE,
        { id: pacific.id, input: { expectedVersion: 7, name: 'Overwritten', stateIso3s: ['FRA'] } },
        cast.france.token,
      );
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(result.errors![0].extensions!.details).toMatchObject({ expectedVersion: 7, actualVersion: 1 });
      expect(await read(pacific.id)).toEqual(pacific);
    });

    it('lets a grouping change the case of its own name', async () => {
      const renamed = ok(
        await t.gql(UPDATE, { id: pacific.id, input: { expectedVersion: 1, name: 'PACIFIC FOCUS' } }, cast.france.token),
      ).updateGrouping;
      expect(renamed).toMatchObject({ name: 'PACIFIC FOCUS', version: 2 });
      pacific = renamed;
    });

    it('rejects an unknown or malformed id with NOT_FOUND', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        expect(codes(await t.gql(UPDATE, { id, input: { expectedVersion: 1, description: 'x' } }, cast.france.token))).toEqual([
          'NOT_FOUND',
        ]);
      }
    });
  });

  describe('roles', () => {
    const writes: [string, string, () => Record<string, unknown>][] = [
      ['createGrouping', CREATE, () => ({ input: { name: 'Partner list', stateIso3s: ['KIR'] } })],
      ['updateGrouping', UPDATE, () => ({ id: pacific.id, input: { expectedVersion: pacific.version, name: 'Partner edit' } })],
      ['deleteGrouping', DELETE, () => ({ id: pacific.id })],
    ];

    it.each(writes)('refuses %s to the partner with FORBIDDEN and changes nothing', async (_name, mutation, variables) => {
      const before = await all();
      const result = await t.gql(mutation, variables(), cast.partner.token);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toBeNull();
      expect(await all()).toEqual(before);
    });

    it('refuses reads and writes without a token', async () => {
      expect(codes(await t.gql('{ groupings { name } }'))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(DELETE, { id: pacific.id }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('deleting', () => {
    it('rejects a stale expectedVersion with CONFLICT and keeps the grouping', async () => {
      expect(codes(await t.gql(DELETE, { id: pacific.id, expectedVersion: 1 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(await read(pacific.id)).toEqual(pacific);
    });

    it('deletes the grouping, leaving its States', async () => {
      const deleted = ok(await t.gql(DELETE, { id: pacific.id, expectedVersion: pacific.version }, cast.panama.token)).deleteGrouping;
      expect(deleted).toBe(pacific.id);
      expect(await read(pacific.id)).toBeNull();
      expect(await groupingsOf('KIR')).toEqual([]);
      expect(ok(await t.gql('{ state(iso3: "KIR") { name } }', {}, cast.france.token)).state).toEqual({ name: 'Kiribati' });
      expect(await names()).not.toContain('PACIFIC FOCUS');
    });

    it('frees the name of a deleted grouping', async () => {
      expect(await create({ name: 'Pacific focus' })).toMatchObject({ name: 'Pacific focus', version: 1 });
    });

    it('rejects an unknown or malformed id with NOT_FOUND', async () => {
      expect(codes(await t.gql(DELETE, { id: pacific.id }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(DELETE, { id: 'not-a-uuid' }, cast.france.token))).toEqual(['NOT_FOUND']);
    });
  });
});
