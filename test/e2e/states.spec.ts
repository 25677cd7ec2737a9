import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node);

const PACIFIC_ISLANDS = ['COK', 'FJI', 'FSM', 'KIR', 'MHL', 'NIU', 'NRU', 'PLW', 'PNG', 'SLB', 'TON', 'TUV', 'VUT', 'WSM'];

describe('States, votes and ratification stages', () => {
  let t: TestApp;
  let cast: Cast;

  const query = (source: string, variables: Record<string, unknown> = {}) => t.gql(source, variables, cast.france.token);
  const statesWhere = async (filter: Record<string, unknown>, fields = 'iso3 name treatyStatus') =>
    ok(
      await query(`query($filter: StateFilter) { states(first: 200, filter: $filter) { totalCount edges { node { ${fields} } } } }`, {
        filter,
      }),
    ).states;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('listing and filtering', () => {
    it('holds the 197 States, 193 of them UN members', async () => {
      expect((await statesWhere({})).totalCount).toBe(197);
      expect((await statesWhere({ unMember: true })).totalCount).toBe(193);
      expect(
        nodes(await statesWhere({ unMember: false }))
          .map((s: any) => s.iso3)
          .sort(),
      ).toEqual(['COK', 'NIU', 'PSE', 'VAT']);
    });

    it('filters by regional group and treaty status together', async () => {
      const filter = { regionalGroups: ['ASIA_PACIFIC'], treatyStatuses: ['SIGNATORY', 'NOT_SIGNED'] };
      const found = await statesWhere(filter, 'iso3 regionalGroup treatyStatus');
      const iso3s = nodes(found).map((s: any) => s.iso3);
      expect(found.totalCount).toBe(iso3s.length);
      expect(iso3s).toEqual(expect.arrayContaining(['IDN', 'KIR', 'VNM']));
      expect(iso3s).not.toContain('VUT');
      for (const state of nodes(found)) {
        expect(state.regionalGroup).toBe('ASIA_PACIFIC');
        expect(['SIGNATORY', 'NOT_SIGNED']).toContain(state.treatyStatus);
      }

      // The database's treaty status agrees with the one computed for each State.
      const region = nodes(await statesWhere({ regionalGroups: ['ASIA_PACIFIC'] }, 'iso3 treatyStatus'));
      const expected = region.filter((s: any) => ['SIGNATORY', 'NOT_SIGNED'].includes(s.treatyStatus)).map((s: any) => s.iso3);
      expect(iso3s).toEqual(expected);
    });

    it('filters by UN M49 sub-region', async () => {
      const found = await statesWhere({ subregions: ['Melanesia', 'Micronesia', 'Polynesia'] }, 'iso3 subregion m49Region');
      expect(found.totalCount).toBe(PACIFIC_ISLANDS.length);
      expect(
        nodes(found)
          .map((s: any) => s.iso3)
          .sort(),
      ).toEqual(PACIFIC_ISLANDS);
      for (const state of nodes(found)) expect(state.m49Region).toBe('Oceania');
    });

    it('computes treaty statuses for the date of the last treaty record (2026-02-03)', async () => {
      const parties = await statesWhere({ treatyStatuses: ['STATE_PARTY'], asOf: '2026-02-03' });
      expect(parties.totalCount).toBe(111);
      expect(nodes(parties).every((s: any) => s.treatyStatus === 'STATE_PARTY')).toBe(true);

      const deposited = await statesWhere({ treatyStatuses: ['DEPOSITED'], asOf: '2026-02-03' });
      expect(nodes(deposited)).toEqual([{ iso3: 'VUT', name: 'Vanuatu', treatyStatus: 'DEPOSITED' }]);
    });

    it('computes treaty statuses for today by default', async () => {
      const parties = await statesWhere({ treatyStatuses: ['STATE_PARTY'] });
      expect(parties.totalCount).toBe(112);
      expect(nodes(parties).map((s: any) => s.iso3)).toContain('VUT');
      expect((await statesWhere({ treatyStatuses: ['DEPOSITED'] })).totalCount).toBe(0);
      expect(nodes(await statesWhere({ treatyStatuses: ['WITHDRAWN'] }))).toEqual([
        { iso3: 'LTU', name: 'Lithuania', treatyStatus: 'WITHDRAWN' },
      ]);
    });

    it('finds States by part of the name, or by ISO3 code', async () => {
      expect(nodes(await statesWhere({ search: 'viet' }))).toEqual([{ iso3: 'VNM', name: 'Viet Nam', treatyStatus: 'NOT_SIGNED' }]);
      expect(nodes(await statesWhere({ search: 'KIR' })).map((s: any) => s.iso3)).toEqual(['KIR']);
      expect((await statesWhere({ search: 'no such country' })).totalCount).toBe(0);
    });

    it('walks all 197 States fifty at a time, each exactly once, in the order of a single page', async () => {
      const single = nodes(ok(await query('{ states(first: 200) { edges { node { iso3 } } } }')).states).map((s: any) => s.iso3);
      const walked: string[] = [];
      const sizes: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const states: any = ok(
          await query(
            'query($after: String) { states(first: 50, after: $after) { totalCount edges { node { iso3 } } pageInfo { hasNextPage endCursor } } }',
            { after },
          ),
        ).states;
        expect(states.totalCount).toBe(197);
        sizes.push(states.edges.length);
        walked.push(...nodes(states).map((s: any) => s.iso3));
        if (!states.pageInfo.hasNextPage) break;
        after = states.pageInfo.endCursor;
      }
      expect(sizes).toEqual([50, 50, 50, 47]);
      expect(new Set(walked).size).toBe(197);
      expect(walked).toEqual(single);
    });

    it.each([
      ['a string that is not a cursor', 'not-a-cursor'],
      ['a cursor of the wrong shape', Buffer.from(JSON.stringify({ name: 'Kiribati' })).toString('base64url')],
      ['an empty key', Buffer.from('[]').toString('base64url')],
    ])('rejects %s as `after` with BAD_USER_INPUT', async (_case, after) => {
      expect(codes(await query('query($after: String) { states(after: $after) { totalCount } }', { after }))).toEqual(['BAD_USER_INPUT']);
    });

    it.each([0, -1, 201])('rejects first: %i with BAD_USER_INPUT', async (first) => {
      expect(codes(await query('query($first: Int) { states(first: $first) { totalCount } }', { first }))).toEqual(['BAD_USER_INPUT']);
    });

    it('rejects an unknown regional group and an impossible asOf with BAD_USER_INPUT', async () => {
      expect(codes(await query('{ states(filter: { regionalGroups: [OCEANIA] }) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await query('{ states(filter: { asOf: "2026-02-30" }) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('single States', () => {
    it('shows Lithuania as withdrawn since 2025-03-06, and a State Party the day before', async () => {
      const { state } = ok(
        await query('{ state(iso3: "LTU") { name treatyStatus withdrawalDate before: treatyStatus(asOf: "2025-03-05") } }'),
      );
      expect(state).toEqual({ name: 'Lithuania', treatyStatus: 'WITHDRAWN', withdrawalDate: '2025-03-06', before: 'STATE_PARTY' });
    });

    it('shows Indonesia as a signatory', async () => {
      const { state } = ok(await query('{ state(iso3: "IDN") { name treatyStatus signatureDate consentDate } }'));
      expect(state).toEqual({ name: 'Indonesia', treatyStatus: 'SIGNATORY', signatureDate: '2008-12-03', consentDate: null });
    });

    it('shows Vanuatu as deposited until its entry into force on 2026-03-01', async () => {
      const { state } = ok(
        await query(`{ state(iso3: "VUT") { consentDate entryIntoForceDate treatyStatus
          lastDay: treatyStatus(asOf: "2026-02-28") firstDay: treatyStatus(asOf: "2026-03-01") beforeDeposit: treatyStatus(asOf: "2025-09-04") } }`),
      );
      expect(state).toEqual({
        consentDate: '2025-09-05',
        entryIntoForceDate: '2026-03-01',
        treatyStatus: 'STATE_PARTY',
        lastDay: 'DEPOSITED',
        firstDay: 'STATE_PARTY',
        beforeDeposit: 'NOT_SIGNED',
      });
    });

    it('shows Kiribati as not signed, with its votes newest first and a voting record that matches them', async () => {
      const { state } = ok(
        await query(`{ state(iso3: "KIR") { name treatyStatus regionalGroup subregion m49Code intermediateRegion
          votes { choice resolution { symbol adoptedOn } }
          votingRecord { yes no abstain nonVoting total yesShare lastChoice consecutiveYes } } }`),
      );
      expect(state).toMatchObject({
        name: 'Kiribati',
        treatyStatus: 'NOT_SIGNED',
        regionalGroup: 'ASIA_PACIFIC',
        subregion: 'Micronesia',
        m49Code: '296',
        intermediateRegion: null,
      });

      const votes: { choice: string; resolution: { symbol: string; adoptedOn: string } }[] = state.votes;
      expect(votes).toHaveLength(10);
      const dates = votes.map((v) => v.resolution.adoptedOn);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(votes.find((v) => v.resolution.symbol === 'A/RES/72/54')?.choice).toBe('YES');

      const count = (choice: string) => votes.filter((v) => v.choice === choice).length;
      const firstNotYes = votes.findIndex((v) => v.choice !== 'YES');
      expect(state.votingRecord).toEqual({
        yes: count('YES'),
        no: count('NO'),
        abstain: count('ABSTAIN'),
        nonVoting: count('NON_VOTING'),
        total: votes.length,
        yesShare: count('YES') / votes.length,
        lastChoice: votes[0].choice,
        consecutiveYes: firstNotYes === -1 ? votes.length : firstNotYes,
      });
      expect(state.votingRecord).toMatchObject({ yes: 9, nonVoting: 1, total: 10, consecutiveYes: 6, lastChoice: 'YES' });
    });

    it('returns null for an unknown ISO3 code, and accepts a lower-case one', async () => {
      const result = ok(
        await query(
          '{ unknown: state(iso3: "XYZ") { name } malformed: state(iso3: "Kiribati") { name } lower: state(iso3: "kir") { name } }',
        ),
      );
      expect(result).toEqual({ unknown: null, malformed: null, lower: { name: 'Kiribati' } });
    });
  });

  describe('resolutions', () => {
    it('lists the ten resolutions newest first, each with the 193 Member States counted once', async () => {
      const { resolutions } = ok(await query('{ resolutions { symbol session adoptedOn yes no abstain nonVoting } }'));
      expect(resolutions).toHaveLength(10);
      expect(resolutions[0]).toMatchObject({ symbol: 'A/RES/79/58', session: 79, adoptedOn: '2024-12-02' });
      const dates = resolutions.map((r: any) => r.adoptedOn);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const r of resolutions) expect([r.symbol, r.yes + r.no + r.abstain + r.nonVoting]).toEqual([r.symbol, 193]);
    });

    it("matches each resolution's totals with the votes recorded for the States", async () => {
      const { resolutions } = ok(await query('{ resolutions { symbol yes no abstain nonVoting } }'));
      const { states } = ok(await query('{ states(first: 200) { edges { node { votes { choice resolution { symbol } } } } } }'));
      const tally = new Map<string, { yes: number; no: number; abstain: number; nonVoting: number }>();
      const field = { YES: 'yes', NO: 'no', ABSTAIN: 'abstain', NON_VOTING: 'nonVoting' } as const;
      for (const state of nodes(states)) {
        for (const vote of state.votes) {
          const counts = tally.get(vote.resolution.symbol) ?? { yes: 0, no: 0, abstain: 0, nonVoting: 0 };
          counts[field[vote.choice as keyof typeof field]]++;
          tally.set(vote.resolution.symbol, counts);
        }
      }
      for (const { symbol, ...totals } of resolutions) expect([symbol, tally.get(symbol)]).toEqual([symbol, totals]);
    });
  });

  describe('setRatificationStage', () => {
    const SET = `mutation($iso3: String!, $stage: RatificationStage!, $note: String, $expectedVersion: Int) {
      setRatificationStage(iso3: $iso3, stage: $stage, note: $note, expectedVersion: $expectedVersion) { iso3 ratificationStage version } }`;
    const kiribati = async () => ok(await query('{ state(iso3: "KIR") { iso3 ratificationStage version } }')).state;

    it('starts Kiribati at NOT_ENGAGED and Vanuatu at JOINED', async () => {
      const result = ok(await query('{ kir: state(iso3: "KIR") { ratificationStage } vut: state(iso3: "VUT") { ratificationStage } }'));
      expect(result).toEqual({ kir: { ratificationStage: 'NOT_ENGAGED' }, vut: { ratificationStage: 'JOINED' } });
    });

    it('lets a coordinator move Kiribati from NOT_ENGAGED to ENGAGED, bumping its version', async () => {
      const before = await kiribati();
      const variables = {
        iso3: 'KIR',
        stage: 'ENGAGED',
        note: 'Met the Permanent Representative in New York',
        expectedVersion: before.version,
      };
      const moved = ok(await t.gql(SET, variables, cast.france.token)).setRatificationStage;
      expect(moved).toEqual({ iso3: 'KIR', ratificationStage: 'ENGAGED', version: before.version + 1 });
      expect(await kiribati()).toEqual(moved);
    });

    it('lets an admin move it further without an expectedVersion', async () => {
      const before = await kiribati();
      const moved = ok(await t.gql(SET, { iso3: 'KIR', stage: 'SUPPORTIVE' }, cast.admin.token)).setRatificationStage;
      expect(moved).toEqual({ iso3: 'KIR', ratificationStage: 'SUPPORTIVE', version: before.version + 1 });
    });

    it('rejects a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const before = await kiribati();
      const result = await t.gql(SET, { iso3: 'KIR', stage: 'DECLINED', expectedVersion: before.version - 1 }, cast.panama.token);
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(result.errors![0].extensions!.details).toMatchObject({ expectedVersion: before.version - 1, actualVersion: before.version });
      expect(await kiribati()).toEqual(before);
    });

    it('records nothing when the State is already at that stage', async () => {
      const before = await kiribati();
      const same = ok(
        await t.gql(SET, { iso3: 'KIR', stage: before.ratificationStage, expectedVersion: before.version }, cast.france.token),
      );
      expect(same.setRatificationStage).toEqual(before);
      expect(await kiribati()).toEqual(before);
    });

    it('lets exactly one of several concurrent moves from the same version win', async () => {
      const before = await kiribati();
      const results = await Promise.all(
        ['DOMESTIC_PROCESS', 'DECLINED', 'ENGAGED'].map((stage) =>
          t.gql(SET, { iso3: 'KIR', stage, expectedVersion: before.version }, cast.france.token),
        ),
      );
      const winners = results.filter((result) => !result.errors);
      expect(winners).toHaveLength(1);
      expect(results.flatMap(codes).sort()).toEqual(['CONFLICT', 'CONFLICT']);
      expect(winners[0].data.setRatificationStage.version).toBe(before.version + 1);
      expect(await kiribati()).toEqual(winners[0].data.setRatificationStage);
    });

    it('records each of several concurrent moves without an expected version, one after the other', async () => {
      const before = await kiribati();
      const stages = ['SUPPORTIVE', 'DOMESTIC_PROCESS', 'ENGAGED', 'DECLINED'].filter((stage) => stage !== before.ratificationStage);
      // Read at the same version, all but one find the State moved when they write: each reads it again and
      // moves it (or finds it at its stage already). None is refused.
      const moves = [...stages, ...stages];
      const results = await Promise.all(moves.map((stage) => t.gql(SET, { iso3: 'KIR', stage }, cast.france.token)));
      expect(results.flatMap(codes)).toEqual([]);
      const versions = results.map((result) => result.data.setRatificationStage.version as number);
      const after = await kiribati();
      expect(after.version).toBe(Math.max(...versions));
      expect(after.version).toBeGreaterThanOrEqual(before.version + 3);
    });

    it('rejects an unknown ISO3 code with NOT_FOUND', async () => {
      expect(codes(await t.gql(SET, { iso3: 'XYZ', stage: 'ENGAGED' }, cast.france.token))).toEqual(['NOT_FOUND']);
    });

    it('rejects an unknown stage with BAD_USER_INPUT and changes nothing', async () => {
      const before = await kiribati();
      expect(codes(await t.gql(SET, { iso3: 'KIR', stage: 'RATIFIED' }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await query('mutation { setRatificationStage(iso3: "KIR", stage: RATIFIED) { version } }'))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(SET, { iso3: 'KIRI', stage: 'DECLINED' }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      expect(await kiribati()).toEqual(before);
    });
  });

  describe('cost of a page of States', () => {
    const PAGE = `query($first: Int!) { states(first: $first) { totalCount edges { node {
      iso3 name treatyStatus
      votes { choice resolution { symbol } }
      votingRecord { yes no abstain nonVoting total lastChoice }
      contacts { fullName }
      interactions { totalCount edges { node { subject } } }
      lastInteractionOn } } } }`;
    const PAGE_WITH_RELATIONS = PAGE.replace(
      'edges { node { subject } }',
      'edges { node { subject states { iso3 } contacts { fullName } organization { name } author { email } } }',
    );

    beforeAll(async () => {
      const first = ok(await query('{ states(first: 50) { edges { node { iso3 } } } }')).states.edges.map((edge: any) => edge.node.iso3);
      const picked = [first[0], first[3], first[9], first[20], first[49]];
      const contactIds: string[] = [];
      for (const iso3 of picked) {
        const input = { fullName: `Focal point of ${iso3}`, stateIso3: iso3 };
        const created = await t.gql(
          'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
          { input },
          cast.france.token,
        );
        contactIds.push(ok(created).createContact.id);
      }
      for (const [index, iso3] of picked.entries()) {
        const input = {
          type: 'LETTER',
          occurredOn: `2026-0${index + 1}-15`,
          subject: `Letter to ${iso3}`,
          visibility: index % 2 ? 'SHARED' : 'ORGANIZATION',
          stateIso3s: [iso3, picked[(index + 1) % picked.length]],
          contactIds: [contactIds[index]],
        };
        ok(await t.gql('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', { input }, cast.france.token));
      }
    });

    it.each([
      ['their votes, voting records, contacts, interactions and last interaction dates', PAGE],
      ['the same, with the relations of each interaction', PAGE_WITH_RELATIONS],
    ])('costs the same small number of statements for 10 and for 50 States, with %s', async (_what, page) => {
      const ten = await t.counter.measure(() => t.gql(page, { first: 10 }, cast.france.token));
      const fifty = await t.counter.measure(() => t.gql(page, { first: 50 }, cast.france.token));
      expect(ten.result.errors).toBeUndefined();
      expect(fifty.result.errors).toBeUndefined();
      expect(fifty.result.data.states.edges).toHaveLength(50);
      expect(fifty.result.data.states.edges.filter((edge: any) => edge.node.interactions.totalCount > 0).length).toBeGreaterThan(0);
      expect(fifty.result.data.states.edges.filter((edge: any) => edge.node.contacts.length > 0)).toHaveLength(5);
      expect(fifty.statements).toBe(ten.statements);
      expect(fifty.statements).toBeLessThanOrEqual(10);
    });
  });
});
