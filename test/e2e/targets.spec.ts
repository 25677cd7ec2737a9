import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DATA_DIR } from '../support/data-files.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

const TARGETS = `query($filter: TargetFilter, $orderBy: TargetOrder, $first: Int, $after: String) {
  targets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { rank score lastContactOn openObstacles reasons { factor points detail }
                   state { iso3 name treatyStatus ratificationStage } } }
  }
}`;

interface Facts {
  iso3: string;
  iso2: string | null;
  name: string;
  regionalGroup: string | null;
  subregion: string | null;
  treatyStatus: string;
  ratificationStage: string;
  votes: { choice: string; resolution: { symbol: string } }[];
  votingRecord: { yes: number; total: number };
  lastInteractionOn: string | null;
  groupings: { id: string }[];
  obstacles: { id: string }[];
}

type Filter = Record<string, unknown>;

/** The words of a text as search compares them: accents, case and punctuation ignored. */
const words = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The other names of each State (data/state-names.csv). */
const OTHER_NAMES = new Map<string, string[]>();
for (const row of parse<{ name: string; iso3: string }>(readFileSync(join(DATA_DIR, 'state-names.csv')), {
  columns: true,
  bom: true,
  trim: true,
})) {
  OTHER_NAMES.set(row.iso3, [...(OTHER_NAMES.get(row.iso3) ?? []), row.name]);
}

/** Search: the whole search as an ISO3 or ISO2 code, or every word of it starting a word of the name or of another name. */
function searchFinds(state: Facts, search: string): boolean {
  const code = search.trim().toUpperCase();
  if (/^[A-Z]{2,3}$/.test(code) && (state.iso3 === code || state.iso2 === code)) return true;
  const wanted = words(search);
  return [state.name, ...(OTHER_NAMES.get(state.iso3) ?? [])].some((name) => {
    const have = words(name);
    return wanted.every((word) => have.some((w) => w.startsWith(word)));
  });
}

const NOT_PARTY = ['SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN'];

/** A plain implementation of the target filters over the States' public facts, to check the SQL against. */
function reference(states: Facts[], filter: Filter): string[] {
  const f = filter as any;
  const today = daysAgo(0);
  return states
    .filter((s) => (f.treatyStatuses ?? NOT_PARTY).includes(s.treatyStatus))
    .filter((s) => !f.regionalGroups || f.regionalGroups.includes(s.regionalGroup))
    .filter((s) => !f.subregions || f.subregions.includes(s.subregion))
    .filter((s) => !f.groupingIds || s.groupings.some((g) => f.groupingIds.includes(g.id)))
    .filter((s) => !f.stages || f.stages.includes(s.ratificationStage))
    .filter((s) => {
      if (!f.votes) return true;
      const vote = f.votedOn
        ? s.votes.find((v) => v.resolution.symbol === f.votedOn)
        : s.votes[0]?.resolution.symbol === 'A/RES/79/58'
          ? s.votes[0]
          : undefined;
      return vote !== undefined && f.votes.includes(vote.choice);
    })
    .filter((s) => f.minYesShare === undefined || (s.votingRecord.total > 0 && s.votingRecord.yes >= f.minYesShare * s.votingRecord.total))
    .filter((s) => {
      if (f.notContactedForDays === undefined || s.lastInteractionOn === null) return true;
      return (Date.parse(today) - Date.parse(s.lastInteractionOn)) / DAY >= f.notContactedForDays;
    })
    .filter((s) => f.hasOpenObstacles === undefined || s.obstacles.length > 0 === f.hasOpenObstacles)
    .filter((s) => !f.search || searchFinds(s, f.search))
    .map((s) => s.iso3)
    .sort();
}

describe('targets: ranked, explained target lists', () => {
  let t: TestApp;
  let cast: Cast;
  let pacificFocus: string;

  const targets = (filter: Filter = {}, token = cast.france.token, extra: Record<string, unknown> = {}) =>
    t.gql(TARGETS, { filter, first: 200, ...extra }, token);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const france = cast.france.token;
    const log = async (iso3: string, occurredOn: string, visibility: string) =>
      ok(
        await t.gql(
          'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
          { input: { type: 'BILATERAL_MEETING', occurredOn, subject: `Meeting on ${iso3}`, visibility, stateIso3s: [iso3] } },
          france,
        ),
      );
    await log('KEN', daysAgo(3), 'SHARED');
    await log('KIR', daysAgo(200), 'COORDINATORS');
    await log('TON', daysAgo(10), 'ORGANIZATION');
    for (const [iso3, stage] of [
      ['KIR', 'SUPPORTIVE'],
      ['TUV', 'ENGAGED'],
      ['MMR', 'DECLINED'],
    ]) {
      ok(
        await t.gql(
          'mutation($iso3: String!, $stage: RatificationStage!) { setRatificationStage(iso3: $iso3, stage: $stage) { iso3 } }',
          { iso3, stage },
          france,
        ),
      );
    }
    ok(
      await t.gql(
        'mutation { recordObstacle(input: { stateIso3: "IDN", category: PROCEDURAL, description: "Awaiting parliament" }) { id } }',
        {},
        france,
      ),
    );
    const grouping = ok(
      await t.gql(
        'mutation { createGrouping(input: { name: "Pacific focus", stateIso3s: ["KIR", "TUV", "PNG", "SLB", "VUT", "TON"] }) { id } }',
        {},
        france,
      ),
    );
    pacificFocus = grouping.createGrouping.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists the States not Party by default: never a State Party, Lithuania as WITHDRAWN', async () => {
    const { targets: list } = ok(await targets());
    const statuses = new Set(list.edges.map((e: any) => e.node.state.treatyStatus));
    expect([...statuses].sort()).toEqual(['NOT_SIGNED', 'SIGNATORY', 'WITHDRAWN']);
    expect(list.totalCount).toBe(197 - 112);
    const lithuania = list.edges.find((e: any) => e.node.state.iso3 === 'LTU');
    expect(lithuania.node.state.treatyStatus).toBe('WITHDRAWN');
    expect(lithuania.node.reasons).toContainEqual({
      factor: 'treatyStatus',
      points: -10,
      detail: 'Withdrew from the Convention with effect from 2025-03-06',
    });
  });

  it('answers "which Pacific States not Party voted yes on A/RES/72/54?" with Kiribati', async () => {
    const filter = { subregions: ['Melanesia', 'Micronesia', 'Polynesia'], votedOn: 'A/RES/72/54', votes: ['YES'] };
    const { targets: list } = ok(await targets(filter));
    const iso3s = list.edges.map((e: any) => e.node.state.iso3);
    expect(iso3s).toContain('KIR');
    expect(iso3s).not.toContain('VUT'); // a State Party since 1 March 2026
    const withParties = ok(await targets({ ...filter, treatyStatuses: ['NOT_SIGNED', 'STATE_PARTY'] }));
    expect(withParties.targets.edges.map((e: any) => e.node.state.iso3)).toEqual(expect.arrayContaining(['KIR', 'VUT']));
  });

  it('answers "which signatories in Africa have we not contacted for 180 days?"', async () => {
    const { targets: list } = ok(await targets({ regionalGroups: ['AFRICAN'], treatyStatuses: ['SIGNATORY'], notContactedForDays: 180 }));
    expect(list.edges.map((e: any) => e.node.state.iso3).sort()).toEqual(['AGO', 'CAF', 'COD', 'DJI', 'LBR', 'TZA', 'UGA']);
    const all = ok(await targets({ regionalGroups: ['AFRICAN'], treatyStatuses: ['SIGNATORY'] }));
    expect(all.targets.edges.map((e: any) => e.node.state.iso3)).toContain('KEN'); // contacted three days ago
  });

  it('answers "which States voted yes on every resolution and are still outside?"', async () => {
    const { targets: list } = ok(await targets({ minYesShare: 1 }));
    expect(list.totalCount).toBeGreaterThan(0);
    const check = ok(
      await t.gql('{ states(first: 200) { edges { node { iso3 votingRecord { yesShare total } } } } }', {}, cast.france.token),
    );
    const records = new Map(check.states.edges.map((e: any) => [e.node.iso3, e.node.votingRecord]));
    for (const edge of list.edges) {
      expect(records.get(edge.node.state.iso3)).toMatchObject({ yesShare: 1 });
    }
  });

  it('explains every score: the points of the reasons add up to it, and the ranking is deterministic', async () => {
    const first = ok(await targets()).targets;
    const again = ok(await targets()).targets;
    expect(again.edges.map((e: any) => e.node.state.iso3)).toEqual(first.edges.map((e: any) => e.node.state.iso3));
    first.edges.forEach((edge: any, index: number) => {
      const { score, reasons, rank } = edge.node;
      expect(rank).toBe(index + 1);
      expect(score).toBeCloseTo(
        reasons.reduce((sum: number, r: any) => sum + r.points, 0),
        6,
      );
      for (const reason of reasons) expect(reason.detail.length).toBeGreaterThan(3);
      if (index > 0) {
        const previous = first.edges[index - 1].node;
        expect(previous.score).toBeGreaterThanOrEqual(score);
        if (previous.score === score) expect(previous.state.name < edge.node.state.name).toBe(true);
      }
    });
    const kiribati = first.edges.find((e: any) => e.node.state.iso3 === 'KIR').node;
    expect(kiribati.reasons.map((r: any) => r.factor)).toEqual(['yesShare', 'consecutiveYes', 'lastVote', 'stage', 'lastContact']);
    const myanmar = first.edges.find((e: any) => e.node.state.iso3 === 'MMR').node;
    expect(myanmar.reasons).toContainEqual({ factor: 'stage', points: -40, detail: 'Ratification stage: DECLINED' });
  });

  it('orders by name, by last contact (never contacted first) and by stage', async () => {
    const byName = ok(await targets({}, cast.france.token, { orderBy: 'NAME' })).targets.edges.map((e: any) => e.node.state.name);
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byContact = ok(await targets({}, cast.france.token, { orderBy: 'LAST_CONTACT' })).targets.edges.map((e: any) => e.node);
    const contacted = byContact.filter((n: any) => n.lastContactOn !== null).map((n: any) => n.state.iso3);
    expect(contacted).toEqual(['KIR', 'TON', 'KEN']);
    expect(byContact.slice(-3).map((n: any) => n.state.iso3)).toEqual(['KIR', 'TON', 'KEN']);
    const byStage = ok(await targets({}, cast.france.token, { orderBy: 'STAGE' })).targets.edges.map((e: any) => e.node.state);
    expect(byStage.slice(0, 2).map((s: any) => s.iso3)).toEqual(['KIR', 'TUV']);
    expect(byStage[byStage.length - 1].iso3).toBe('MMR');
  });

  it.each(['SCORE', 'NAME', 'LAST_CONTACT', 'STAGE'])('walks the whole list ordered by %s, without gaps or repeats', async (orderBy) => {
    const all = ok(await targets({}, cast.france.token, { orderBy })).targets.edges.map((e: any) => e.node.state.iso3);
    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 30; page++) {
      const result: any = ok(await t.gql(TARGETS, { orderBy, first: 7, after }, cast.france.token)).targets;
      walked.push(...result.edges.map((e: any) => e.node.state.iso3));
      expect(result.totalCount).toBe(all.length);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(walked).toEqual(all);
  });

  it('gives the same set as a plain reference implementation for every filter and every pair of filters', async () => {
    const facts: Facts[] = ok(
      await t.gql(
        `{ states(first: 200) { edges { node { iso3 iso2 name regionalGroup subregion treatyStatus ratificationStage
           votes { choice resolution { symbol } } votingRecord { yes total } lastInteractionOn
           groupings { id } obstacles(status: OPEN) { id } } } } }`,
        {},
        cast.france.token,
      ),
    ).states.edges.map((e: any) => e.node);
    expect(facts).toHaveLength(197);
    const samples: Filter[] = [
      { regionalGroups: ['ASIA_PACIFIC', 'LATIN_AMERICAN_AND_CARIBBEAN'] },
      { subregions: ['Melanesia', 'Micronesia', 'Polynesia', 'South-eastern Asia'] },
      { groupingIds: [pacificFocus] },
      { treatyStatuses: ['SIGNATORY', 'STATE_PARTY'] },
      { stages: ['NOT_ENGAGED', 'SUPPORTIVE'] },
      { votedOn: 'A/RES/72/54', votes: ['YES'] },
      { votes: ['ABSTAIN', 'NON_VOTING'] },
      { minYesShare: 0.5 },
      { notContactedForDays: 30 },
      { hasOpenObstacles: false },
      { search: 'an' },
      { search: 'republic' },
      { search: 'burma' },
      { search: 'ci' },
    ];
    const cases: Filter[] = [...samples];
    for (let i = 0; i < samples.length; i++) {
      for (let j = i + 1; j < samples.length; j++) {
        const combined = { ...samples[i], ...samples[j] };
        if (Object.keys(combined).length === Object.keys(samples[i]).length + Object.keys(samples[j]).length) cases.push(combined);
      }
    }
    expect(cases.length).toBeGreaterThan(50);
    for (const filter of cases) {
      const got = ok(await targets(filter))
        .targets.edges.map((e: any) => e.node.state.iso3)
        .sort();
      expect({ filter, iso3s: got }).toEqual({ filter, iso3s: reference(facts, filter) });
    }
  });

  it('refuses bad filters with a clear error', async () => {
    const unknownResolution = await targets({ votedOn: 'A/RES/99/1', votes: ['YES'] });
    expect(codes(unknownResolution)).toEqual(['NOT_FOUND']);
    expect(unknownResolution.errors![0].message).toContain('A/RES/99/1');
    expect(codes(await targets({ votedOn: 'A/RES/72/54' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await targets({ minYesShare: 1.5 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await targets({ minYesShare: -0.1 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await targets({ notContactedForDays: -1 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await targets({ groupingIds: ['00000000-0000-4000-8000-000000000000'] }))).toEqual(['NOT_FOUND']);
    expect(codes(await targets({ regionalGroups: ['PACIFIC'] }))).toEqual(['BAD_USER_INPUT']);
    const byName = ok(await t.gql(TARGETS, { orderBy: 'NAME', first: 2 }, cast.france.token)).targets;
    expect(codes(await t.gql(TARGETS, { orderBy: 'SCORE', first: 2, after: byName.pageInfo.endCursor }, cast.france.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('computes last contact per viewer: a partner learns nothing from hidden interactions', async () => {
    const tonga = async (token: string) =>
      ok(await targets({ search: 'Tonga' }, token)).targets.edges[0].node as {
        lastContactOn: string | null;
        reasons: { factor: string; detail: string }[];
      };
    expect((await tonga(cast.france.token)).lastContactOn).toBe(daysAgo(10));
    for (const token of [cast.partner.token, cast.panama.token]) {
      const seen = await tonga(token);
      expect(seen.lastContactOn).toBeNull();
      expect(seen.reasons.find((r) => r.factor === 'lastContact')?.detail).toBe('Never contacted');
    }
    const partnerNeglected = ok(await targets({ search: 'Tonga', notContactedForDays: 5 }, cast.partner.token)).targets.totalCount;
    const franceNeglected = ok(await targets({ search: 'Tonga', notContactedForDays: 30 }, cast.france.token)).targets.totalCount;
    expect([partnerNeglected, franceNeglected]).toEqual([1, 0]);
    const kenya = ok(await targets({ search: 'Kenya' }, cast.partner.token)).targets.edges[0].node;
    expect(kenya.lastContactOn).toBe(daysAgo(3)); // SHARED: partners see it
  });

  it('costs the same few SQL statements for a page of 10 and of 50, with nested State fields', async () => {
    const query = `query($first: Int) { targets(first: $first) { edges { node { score reasons { points }
      state { name votingRecord { yesShare } contacts { id } stageHistory { to } obstacles { id } lastInteractionOn } } } } }`;
    const ten = await t.counter.measure(() => t.gql(query, { first: 10 }, cast.france.token));
    const fifty = await t.counter.measure(() => t.gql(query, { first: 50 }, cast.france.token));
    expect(ten.result.errors).toBeUndefined();
    expect(fifty.result.data.targets.edges).toHaveLength(50);
    expect(fifty.statements).toBe(ten.statements);
    // The user, the ranked facts (voting records, last contacts and obstacles come with them), contacts, stage history.
    expect(fifty.statements).toBe(4);
  });

  describe('CSV export', () => {
    const csv = (query: string, token?: string) =>
      fetch(`${t.url}/exports/targets.csv${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('exports the same list as the query, with the same filters, as CSV', async () => {
      const response = await csv(
        '?regionalGroups=AFRICAN,ASIA_PACIFIC&treatyStatuses=SIGNATORY&treatyStatuses=NOT_SIGNED',
        cast.france.token,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const rows: string[][] = parse(await response.text());
      expect(rows[0]).toEqual([
        'rank',
        'state',
        'iso3',
        'regional_group',
        'subregion',
        'treaty_status',
        'stage',
        'score',
        'yes_share',
        'last_vote',
        'last_contact',
        'open_obstacles',
        'reasons',
      ]);
      const list = ok(await targets({ regionalGroups: ['AFRICAN', 'ASIA_PACIFIC'], treatyStatuses: ['SIGNATORY', 'NOT_SIGNED'] })).targets;
      expect(rows.slice(1).map((row) => row[2])).toEqual(list.edges.map((e: any) => e.node.state.iso3));
      const indonesia = rows.find((row) => row[2] === 'IDN')!;
      expect(indonesia.slice(3, 7)).toEqual(['ASIA_PACIFIC', 'South-eastern Asia', 'SIGNATORY', 'NOT_ENGAGED']);
      expect(indonesia[11]).toBe('1');
    });

    it("applies the viewer's visibility to last contact", async () => {
      const row = async (token: string) => parse(await (await csv('?search=Tonga', token)).text())[1];
      expect((await row(cast.france.token))[10]).toBe(daysAgo(10));
      expect((await row(cast.partner.token))[10]).toBe('');
    });

    it('refuses a missing token and bad filters', async () => {
      expect((await csv('')).status).toBe(401);
      const bad = await csv('?minYesShare=2', cast.france.token);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((await csv('?votedOn=A/RES/1/1&votes=YES', cast.france.token)).status).toBe(404);
      expect((await csv('?colour=blue', cast.france.token)).status).toBe(400);
    });
  });
});
