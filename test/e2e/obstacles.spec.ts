import { randomUUID } from 'node:crypto';
import { todayIso } from '../../src/common/dates.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node);

const FIELDS = `id category description measures status recordedOn resolvedOn version createdAt updatedAt
  state { iso3 } recordedBy { id }`;

const RECORD = `mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateObstacleInput!) { updateObstacle(id: $id, input: $input) { ${FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $expectedVersion: Int!, $resolvedOn: Date, $measures: String) {
  resolveObstacle(id: $id, expectedVersion: $expectedVersion, resolvedOn: $resolvedOn, measures: $measures) { ${FIELDS} } }`;
const REOPEN = `mutation($id: ID!, $expectedVersion: Int!) { reopenObstacle(id: $id, expectedVersion: $expectedVersion) { ${FIELDS} } }`;
const READ = `query($id: ID!) { obstacle(id: $id) { ${FIELDS} } }`;

describe('obstacles', () => {
  let t: TestApp;
  let cast: Cast;
  let parliament: any;
  let translation: any;
  let stockpile: any;

  const record = async (input: Record<string, unknown>, actor: Actor = cast.france) =>
    ok(await t.gql(RECORD, { input }, actor.token)).recordObstacle;
  const read = async (id: string, actor: Actor = cast.france) => ok(await t.gql(READ, { id }, actor.token)).obstacle;
  const total = async () => ok(await t.gql('{ obstacles { totalCount } }', {}, cast.france.token)).obstacles.totalCount;
  const ofState = async (iso3: string, args = '', actor: Actor = cast.france) =>
    ok(await t.gql(`{ state(iso3: "${iso3}") { obstacles${args} { description status } } }`, {}, actor.token)).state.obstacles;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('recording and reading', () => {
    it('records an OPEN obstacle at version 1, by the coordinator who recorded it', async () => {
      parliament = await record({
        stateIso3: 'KIR',
        category: 'PROCEDURAL',
        description: '  Parliament sits twice a year  ',
        measures: 'Prepare the accession bill before the next session',
        recordedOn: '2026-03-01',
      });
      expect(parliament).toEqual({
        id: expect.any(String),
        category: 'PROCEDURAL',
        description: 'Parliament sits twice a year',
        measures: 'Prepare the accession bill before the next session',
        status: 'OPEN',
        recordedOn: '2026-03-01',
        resolvedOn: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        state: { iso3: 'KIR' },
        recordedBy: { id: cast.france.id },
      });
      expect(await read(parliament.id)).toEqual(parliament);
    });

    it('records today by default, and no measures', async () => {
      translation = await record({ stateIso3: 'KIR', category: 'TECHNICAL', description: 'No translation of the Convention' }, cast.admin);
      expect(translation).toMatchObject({ recordedOn: todayIso(), measures: null, recordedBy: { id: cast.admin.id } });
      stockpile = await record(
        { stateIso3: 'TUV', category: 'SUBSTANTIVE', description: 'Security concerns', recordedOn: '2026-01-10' },
        cast.panama,
      );
    });

    it('lets the coordinators of every organization read them, and partners none of these COORDINATORS ones', async () => {
      expect(await read(parliament.id, cast.panama)).toEqual(parliament);
      const listed = async (actor: Actor) =>
        ok(await t.gql('{ obstacles { totalCount edges { node { id } } } }', {}, actor.token)).obstacles;
      expect((await listed(cast.panama)).totalCount).toBe(3);
      expect(await ofState('KIR', '', cast.panama)).toHaveLength(2);
      expect(await read(parliament.id, cast.partner)).toBeNull();
      expect(await listed(cast.partner)).toEqual({ totalCount: 0, edges: [] });
      expect(await ofState('KIR', '', cast.partner)).toEqual([]);
    });

    it('returns null for an unknown or malformed id', async () => {
      expect(await read(randomUUID())).toBeNull();
      expect(await read('not-a-uuid')).toBeNull();
    });

    it("lists a State's obstacles open first, then newest, and filters them by status", async () => {
      expect(await ofState('KIR')).toEqual([
        { description: translation.description, status: 'OPEN' },
        { description: parliament.description, status: 'OPEN' },
      ]);
      expect(await ofState('KIR', '(status: ADDRESSED)')).toEqual([]);
      expect(await ofState('TUV', '(status: OPEN)')).toEqual([{ description: 'Security concerns', status: 'OPEN' }]);
      expect(await ofState('FRA')).toEqual([]);
    });
  });

  describe('updating', () => {
    it('changes only the fields it is given, clears measures with null, and bumps the version', async () => {
      const updated = ok(
        await t.gql(
          UPDATE,
          { id: parliament.id, input: { expectedVersion: 1, category: 'SUBSTANTIVE', measures: null } },
          cast.panama.token,
        ),
      ).updateObstacle;
      expect(updated).toEqual({ ...parliament, category: 'SUBSTANTIVE', measures: null, version: 2, updatedAt: expect.any(String) });
      parliament = updated;
      const again = ok(
        await t.gql(
          UPDATE,
          { id: parliament.id, input: { expectedVersion: 2, description: 'Parliament sits in March only', recordedOn: '2026-02-20' } },
          cast.france.token,
        ),
      ).updateObstacle;
      expect(again).toEqual({
        ...parliament,
        description: 'Parliament sits in March only',
        recordedOn: '2026-02-20',
        version: 3,
        updatedAt: expect.any(String),
      });
      parliament = again;
    });

    it('rejects a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const result = await t.gql(
        UPDATE,
        { id: parliament.id, input: { expectedVersion: 2, description: 'Overwritten' } },
        cast.france.token,
      );
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(result.errors![0].extensions!.details).toMatchObject({ expectedVersion: 2, actualVersion: 3 });
      expect(await read(parliament.id)).toEqual(parliament);
    });

    it('rejects an unknown or malformed id with NOT_FOUND', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        expect(codes(await t.gql(UPDATE, { id, input: { expectedVersion: 1, description: 'Nothing' } }, cast.france.token))).toEqual([
          'NOT_FOUND',
        ]);
      }
    });
  });

  describe('resolving and reopening', () => {
    it('marks an obstacle ADDRESSED on the given date, replacing the measures', async () => {
      const variables = { id: parliament.id, expectedVersion: 3, resolvedOn: '2026-04-15', measures: 'Bill passed in the March session' };
      const resolved = ok(await t.gql(RESOLVE, variables, cast.france.token)).resolveObstacle;
      expect(resolved).toEqual({
        ...parliament,
        status: 'ADDRESSED',
        resolvedOn: '2026-04-15',
        measures: 'Bill passed in the March session',
        version: 4,
        updatedAt: expect.any(String),
      });
      parliament = resolved;
      expect(await ofState('KIR')).toEqual([
        { description: translation.description, status: 'OPEN' },
        { description: parliament.description, status: 'ADDRESSED' },
      ]);
      expect(await ofState('KIR', '(status: ADDRESSED)')).toEqual([{ description: parliament.description, status: 'ADDRESSED' }]);
    });

    it('rejects resolving an ADDRESSED obstacle with CONFLICT', async () => {
      const result = await t.gql(RESOLVE, { id: parliament.id, expectedVersion: 4 }, cast.france.token);
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(await read(parliament.id)).toEqual(parliament);
    });

    it('refuses a recordedOn after resolvedOn', async () => {
      const result = await t.gql(UPDATE, { id: parliament.id, input: { expectedVersion: 4, recordedOn: '2026-04-16' } }, cast.france.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await read(parliament.id)).toEqual(parliament);
    });

    it('reopens it, clearing resolvedOn and keeping the measures', async () => {
      const reopened = ok(await t.gql(REOPEN, { id: parliament.id, expectedVersion: 4 }, cast.panama.token)).reopenObstacle;
      expect(reopened).toEqual({ ...parliament, status: 'OPEN', resolvedOn: null, version: 5, updatedAt: expect.any(String) });
      parliament = reopened;
    });

    it('rejects reopening an OPEN obstacle with CONFLICT, and a stale version with CONFLICT', async () => {
      expect(codes(await t.gql(REOPEN, { id: parliament.id, expectedVersion: 5 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(codes(await t.gql(RESOLVE, { id: parliament.id, expectedVersion: 4 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(await read(parliament.id)).toEqual(parliament);
    });

    it('resolves today by default, and keeps the measures when none are given', async () => {
      const resolved = ok(await t.gql(RESOLVE, { id: translation.id, expectedVersion: 1 }, cast.france.token)).resolveObstacle;
      expect(resolved).toMatchObject({ status: 'ADDRESSED', resolvedOn: todayIso(), measures: null, version: 2 });
      translation = resolved;
    });

    it('refuses a resolvedOn before recordedOn, and an impossible one', async () => {
      for (const resolvedOn of ['2026-01-09', '2026-02-30']) {
        const result = await t.gql(RESOLVE, { id: stockpile.id, expectedVersion: 1, resolvedOn }, cast.france.token);
        expect([resolvedOn, codes(result)]).toEqual([resolvedOn, ['BAD_USER_INPUT']]);
      }
      expect(await read(stockpile.id)).toEqual(stockpile);
    });

    it('rejects an unknown obstacle with NOT_FOUND', async () => {
      expect(codes(await t.gql(RESOLVE, { id: randomUUID(), expectedVersion: 1 }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(REOPEN, { id: randomUUID(), expectedVersion: 1 }, cast.france.token))).toEqual(['NOT_FOUND']);
    });
  });

  describe('invalid input', () => {
    const valid = { stateIso3: 'MHL', category: 'TECHNICAL', description: 'No legal drafter available' };

    const cases: [string, Record<string, unknown>, string][] = [
      ['an empty description', { description: '' }, 'BAD_USER_INPUT'],
      ['a blank description', { description: '   ' }, 'BAD_USER_INPUT'],
      ['a description of 5001 characters', { description: 'd'.repeat(5001) }, 'BAD_USER_INPUT'],
      ['measures of 10001 characters', { measures: 'm'.repeat(10001) }, 'BAD_USER_INPUT'],
      ['an unknown category', { category: 'POLITICAL' }, 'BAD_USER_INPUT'],
      ['an impossible recordedOn', { recordedOn: '2025-02-30' }, 'BAD_USER_INPUT'],
      ['a malformed recordedOn', { recordedOn: '01/03/2026' }, 'BAD_USER_INPUT'],
      ['a malformed State code', { stateIso3: 'nru' }, 'BAD_USER_INPUT'],
      ['an unknown State', { stateIso3: 'ZZZ' }, 'NOT_FOUND'],
    ];

    it.each(cases)('refuses to record an obstacle with %s, writing nothing', async (_case, change, code) => {
      const before = await total();
      const result = await t.gql(RECORD, { input: { ...valid, ...change } }, cast.france.token);
      expect(codes(result)).toEqual([code]);
      expect(result.data).toBeNull();
      expect(await total()).toBe(before);
    });

    it('accepts the longest description and measures', async () => {
      const created = await record({ ...valid, description: 'd'.repeat(5000), measures: 'm'.repeat(10000) });
      expect(created.description).toHaveLength(5000);
      expect(created.measures).toHaveLength(10000);
    });

    it('refuses an unknown category written as a literal', async () => {
      const result = await t.gql(
        'mutation { recordObstacle(input: { stateIso3: "MHL", category: POLITICAL, description: "x" }) { id } }',
        {},
        cast.france.token,
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    });

    it.each(cases.filter(([, change]) => !('stateIso3' in change)))(
      'refuses to update an obstacle with %s, changing nothing',
      async (_case, change) => {
        const result = await t.gql(UPDATE, { id: stockpile.id, input: { expectedVersion: 1, ...change } }, cast.france.token);
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(await read(stockpile.id)).toEqual(stockpile);
      },
    );

    it('refuses null for a required field on update', async () => {
      for (const field of ['category', 'description', 'recordedOn']) {
        const result = await t.gql(UPDATE, { id: stockpile.id, input: { expectedVersion: 1, [field]: null } }, cast.france.token);
        expect([field, codes(result)]).toEqual([field, ['BAD_USER_INPUT']]);
      }
      expect(await read(stockpile.id)).toEqual(stockpile);
    });

    it('refuses measures of 10001 characters when resolving', async () => {
      const result = await t.gql(RESOLVE, { id: stockpile.id, expectedVersion: 1, measures: 'm'.repeat(10001) }, cast.france.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await read(stockpile.id)).toEqual(stockpile);
    });
  });

  describe('roles', () => {
    const writes: [string, string, () => Record<string, unknown>][] = [
      ['recordObstacle', RECORD, () => ({ input: { stateIso3: 'KIR', category: 'TECHNICAL', description: 'Partner note' } })],
      ['updateObstacle', UPDATE, () => ({ id: stockpile.id, input: { expectedVersion: 1, description: 'Partner edit' } })],
      ['resolveObstacle', RESOLVE, () => ({ id: stockpile.id, expectedVersion: 1 })],
      ['reopenObstacle', REOPEN, () => ({ id: parliament.id, expectedVersion: parliament.version })],
    ];

    const snapshot = async () =>
      ok(await t.gql(`{ obstacles(first: 200) { totalCount edges { node { ${FIELDS} } } } }`, {}, cast.admin.token));

    it.each(writes)('refuses %s to the partner with FORBIDDEN and changes nothing', async (_name, mutation, variables) => {
      const before = await snapshot();
      const result = await t.gql(mutation, variables(), cast.partner.token);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toBeNull();
      expect(await snapshot()).toEqual(before);
    });

    it('refuses reads and writes without a token', async () => {
      expect(codes(await t.gql('{ obstacles { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(RESOLVE, { id: stockpile.id, expectedVersion: 1 }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('the obstacles list', () => {
    const PAGE = `query($after: String, $filter: ObstacleFilter) { obstacles(first: 2, after: $after, filter: $filter) {
      totalCount edges { cursor node { id recordedOn } } pageInfo { hasNextPage endCursor } } }`;
    const dates = ['2025-11-02', '2025-12-20', '2025-12-20', '2025-12-20', '2025-12-20', '2026-01-05', '2025-10-01'];
    let recorded: { id: string; recordedOn: string }[] = [];

    beforeAll(async () => {
      recorded = [];
      for (const [index, recordedOn] of dates.entries()) {
        const created = await record({
          stateIso3: 'FSM',
          category: index % 2 ? 'SUBSTANTIVE' : 'PROCEDURAL',
          description: `Micronesia ${index}`,
          recordedOn,
        });
        recorded.push({ id: created.id, recordedOn: created.recordedOn });
      }
    });

    const list = async (filter: Record<string, unknown>) =>
      nodes(
        ok(
          await t.gql(
            'query($filter: ObstacleFilter) { obstacles(first: 200, filter: $filter) { edges { node { description } } } }',
            { filter },
            cast.france.token,
          ),
        ).obstacles,
      ).map((node: any) => node.description);

    it('filters by States, statuses and categories', async () => {
      expect(await list({ stateIso3s: ['KIR', 'TUV'] })).toEqual([translation.description, parliament.description, stockpile.description]);
      expect(await list({ stateIso3s: ['KIR'], statuses: ['ADDRESSED'] })).toEqual([translation.description]);
      expect(await list({ statuses: ['OPEN'], categories: ['SUBSTANTIVE'], stateIso3s: ['TUV', 'KIR'] })).toEqual([
        parliament.description,
        stockpile.description,
      ]);
      expect((await list({ stateIso3s: ['FSM'], categories: ['SUBSTANTIVE'] })).sort()).toEqual([
        'Micronesia 1',
        'Micronesia 3',
        'Micronesia 5',
      ]);
      expect(await list({ stateIso3s: ['FRA'] })).toEqual([]);
    });

    it('walks the list two at a time, newest recordedOn first and ties by id, without gaps or repeats', async () => {
      const seen: { id: string; recordedOn: string }[] = [];
      const sizes: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const connection: any = ok(await t.gql(PAGE, { after, filter: { stateIso3s: ['FSM'] } }, cast.panama.token)).obstacles;
        expect(connection.totalCount).toBe(dates.length);
        sizes.push(connection.edges.length);
        seen.push(...nodes(connection));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(sizes).toEqual([2, 2, 2, 1]);
      const expected = [...recorded].sort((a, b) =>
        a.recordedOn === b.recordedOn ? (a.id < b.id ? -1 : 1) : a.recordedOn < b.recordedOn ? 1 : -1,
      );
      expect(seen).toEqual(expected);
    });

    it('rejects an invalid cursor and the cursor of another list with BAD_USER_INPUT', async () => {
      expect(codes(await t.gql(PAGE, { after: 'not-a-cursor' }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      const states = ok(await t.gql('{ states(first: 1) { pageInfo { endCursor } } }', {}, cast.france.token)).states;
      expect(codes(await t.gql(PAGE, { after: states.pageInfo.endCursor }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    });

    it('rejects an unknown status or category in the filter with BAD_USER_INPUT', async () => {
      expect(codes(await t.gql(PAGE, { filter: { statuses: ['CLOSED'] } }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql('{ obstacles(filter: { categories: [POLITICAL] }) { totalCount } }', {}, cast.france.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
    });
  });
});
