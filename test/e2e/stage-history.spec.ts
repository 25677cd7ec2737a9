import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node);

const SET = `mutation($iso3: String!, $stage: RatificationStage!, $note: String, $expectedVersion: Int) {
  setRatificationStage(iso3: $iso3, stage: $stage, note: $note, expectedVersion: $expectedVersion) { ratificationStage version } }`;
const HISTORY = `query($iso3: String!) { state(iso3: $iso3) {
  ratificationStage version stageHistory { from to changedAt note changedBy { id } } } }`;

/**
 * The stage history as the API serves it. Its rules (where the import starts each State, a move
 * that changes nothing, who reads a note, the treaty record) are tested on the services:
 * test/service/stage-rules.spec.ts.
 */
describe('stage history', () => {
  let t: TestApp;
  let cast: Cast;

  const history = async (iso3: string, token = cast.france.token) => ok(await t.gql(HISTORY, { iso3 }, token)).state;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('after the import', () => {
    it('shows Kiribati starting at NOT_ENGAGED and Vanuatu at JOINED', async () => {
      const kiribati = await history('KIR');
      expect(kiribati.stageHistory).toEqual([
        { from: null, to: 'NOT_ENGAGED', changedAt: expect.any(String), note: expect.any(String), changedBy: null },
      ]);
      expect(new Date(kiribati.stageHistory[0].changedAt).toISOString()).toBe(kiribati.stageHistory[0].changedAt);
      expect((await history('VUT')).stageHistory).toMatchObject([{ from: null, to: 'JOINED', changedBy: null }]);
    });
  });

  describe('after setRatificationStage', () => {
    it('lists each move newest first, with who made it and why', async () => {
      const start = await history('KIR');
      ok(
        await t.gql(
          SET,
          { iso3: 'KIR', stage: 'ENGAGED', note: 'Met the Permanent Representative', expectedVersion: start.version },
          cast.france.token,
        ),
      );
      ok(await t.gql(SET, { iso3: 'KIR', stage: 'SUPPORTIVE' }, cast.admin.token));

      const kiribati = await history('KIR');
      expect(kiribati.ratificationStage).toBe('SUPPORTIVE');
      expect(kiribati.stageHistory).toEqual([
        { from: 'ENGAGED', to: 'SUPPORTIVE', changedAt: expect.any(String), note: null, changedBy: { id: cast.admin.id } },
        {
          from: 'NOT_ENGAGED',
          to: 'ENGAGED',
          changedAt: expect.any(String),
          note: 'Met the Permanent Representative',
          changedBy: { id: cast.france.id },
        },
        { ...start.stageHistory[0] },
      ]);
      const times = kiribati.stageHistory.map((change: any) => change.changedAt);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('records nothing for a stale expectedVersion (CONFLICT), an unknown stage or a partner', async () => {
      const before = await history('KIR');
      const stale = await t.gql(SET, { iso3: 'KIR', stage: 'DECLINED', expectedVersion: before.version - 1 }, cast.france.token);
      expect(codes(stale)).toEqual(['CONFLICT']);
      expect(codes(await t.gql(SET, { iso3: 'KIR', stage: 'RATIFIED' }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(SET, { iso3: 'KIR', stage: 'DECLINED' }, cast.partner.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(SET, { iso3: 'XYZ', stage: 'DECLINED' }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(await history('KIR')).toEqual(before);
    });

    it('shows the history through nested paths too', async () => {
      const query =
        '{ states(filter: { search: "Kiribati" }) { edges { node { stageHistory { to changedBy { id email organization { name } } } } } } }';
      expect(nodes(ok(await t.gql(query, {}, cast.panama.token)).states)[0].stageHistory).toEqual([
        // Another government's coordinator sees who made each move and their organization, not their e-mail.
        { to: 'SUPPORTIVE', changedBy: { id: cast.admin.id, email: null, organization: { name: 'Administration' } } },
        { to: 'ENGAGED', changedBy: { id: cast.france.id, email: null, organization: { name: 'France' } } },
        { to: 'NOT_ENGAGED', changedBy: null },
      ]);
      // A partner sees the moves, not who made the COORDINATORS ones.
      expect(nodes(ok(await t.gql(query, {}, cast.partner.token)).states)[0].stageHistory).toEqual([
        { to: 'SUPPORTIVE', changedBy: null },
        { to: 'ENGAGED', changedBy: null },
        { to: 'NOT_ENGAGED', changedBy: null },
      ]);
    });
  });

  describe('cost of a page of States with their history, obstacles and groupings', () => {
    const PAGE = `query($first: Int!) { states(first: $first) { edges { node {
      iso3 stageHistory { from to changedBy { id } } obstacles { id } groupings { name } } } } }`;

    beforeAll(async () => {
      const page = nodes(ok(await t.gql('{ states(first: 50) { edges { node { iso3 treatyStatus } } } }', {}, cast.france.token)).states);
      const first = page.map((s: any) => s.iso3);
      // Moves and obstacles for States not Party (a State Party is JOINED, and has no obstacle to joining), spread over the page.
      const notParty = page.filter((s: any) => ['SIGNATORY', 'NOT_SIGNED'].includes(s.treatyStatus)).map((s: any) => s.iso3);
      const picked = [notParty[0], notParty[3], notParty[7], notParty[12], notParty[notParty.length - 1]];
      for (const [index, iso3] of picked.entries()) {
        ok(await t.gql(SET, { iso3, stage: 'ENGAGED', note: `Outreach ${index}` }, index % 2 ? cast.panama.token : cast.france.token));
        const input = { stateIso3: iso3, category: 'PROCEDURAL', description: `Parliament calendar of ${iso3}` };
        ok(await t.gql('mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id } }', { input }, cast.france.token));
      }
      for (const [name, stateIso3s] of [
        ['First ten', first.slice(0, 10)],
        ['Later ones', first.slice(20, 50)],
        ['Mixed', [first[1], first[45]]],
      ] as const) {
        ok(
          await t.gql(
            'mutation($input: CreateGroupingInput!) { createGrouping(input: $input) { id } }',
            { input: { name, stateIso3s } },
            cast.france.token,
          ),
        );
      }
    });

    it('costs the same small number of statements for 10 and for 50 States', async () => {
      const ten = await t.counter.measure(() => t.gql(PAGE, { first: 10 }, cast.france.token));
      const fifty = await t.counter.measure(() => t.gql(PAGE, { first: 50 }, cast.france.token));
      expect(ten.result.errors).toBeUndefined();
      expect(fifty.result.errors).toBeUndefined();
      const states = nodes(fifty.result.data.states);
      expect(states).toHaveLength(50);
      expect(states.filter((s: any) => s.stageHistory.length === 2)).toHaveLength(5);
      expect(states.filter((s: any) => s.stageHistory[0].changedBy?.id === cast.panama.id)).toHaveLength(2);
      expect(states.filter((s: any) => s.obstacles.length === 1)).toHaveLength(5);
      expect(states.filter((s: any) => s.groupings.length > 0)).toHaveLength(40);
      expect(nodes(ten.result.data.states)[1].groupings).toEqual([{ name: 'First ten' }, { name: 'Mixed' }]);
      expect(fifty.statements).toBe(ten.statements);
      expect(fifty.statements).toBeLessThanOrEqual(6);
    });
  });
});
