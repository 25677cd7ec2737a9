import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../src/config/config.js';
import {
  backtestMarkdown,
  backtestSvg,
  neighbourScanMarkdown,
  readmeBlock,
  weightScanMarkdown,
} from '../../src/targets/backtest-report.js';
import { PUBLIC_RECORD_FACTORS } from '../../src/targets/score.js';
import { TargetBacktestService } from '../../src/targets/target-backtest.service.js';
import { DATA_DIR } from '../support/data-files.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const METRICS = 'joinersInTop10 shareTop10 shareTopQuartile rocAuc meanJoinerRank';
const ORDERINGS = `score { ${METRICS} } yesShare { ${METRICS} } random { ${METRICS} }`;
const ENTRY = 'state { iso3 name treatyStatus } score reasons { factor points detail } rank yesShare yesShareRank depositedOn';
const BACKTEST = `query($from: Int, $horizonYears: Int) { targetBacktest(from: $from, horizonYears: $horizonYears) {
  from to horizonYears recordAsOf factors fitUntil
  years { year asOf horizonEnd candidates joiners { ${ENTRY} } entries { ${ENTRY} } metrics { ${ORDERINGS} } }
  overall { firstYear lastYear candidates joiners metrics { ${ORDERINGS} } }
  fitted { firstYear lastYear joiners metrics { ${ORDERINGS} } }
  heldOut { firstYear lastYear joiners metrics { ${ORDERINGS} } }
} }`;
const TARGETS = `query($filter: TargetFilter) { targets(filter: $filter, first: 200) { totalCount edges { node {
  score reasons { factor points detail } state { iso3 } } } } }`;
const RECORD = `mutation($input: RecordTreatyActionInput!) { recordTreatyAction(input: $input) { id } }`;

/** The deposits of the treaty record file (data/ccm-participation.csv), read apart from the service. */
const DEPOSITS = parse<{ iso3: string; consent_date: string }>(readFileSync(join(DATA_DIR, 'ccm-participation.csv')), {
  columns: true,
  bom: true,
  trim: true,
})
  .filter((row) => row.consent_date)
  .map((row) => ({ iso3: row.iso3, on: row.consent_date }));

const depositedBetween = (from: string, to: string) =>
  DEPOSITS.filter((d) => d.on >= from && d.on <= to)
    .map((d) => d.iso3)
    .sort();

describe('targetBacktest: the target score checked against who actually joined', () => {
  let t: TestApp;
  let cast: Cast;
  const run = async (variables: Record<string, unknown> = {}, token = cast.partner.token) =>
    ok(await t.gql(BACKTEST, variables, token)).targetBacktest;
  /** Each year's list: who was on it, with what score and reasons (not who joined). */
  const lists = (result: any) =>
    Object.fromEntries(result.years.map((y: any) => [y.year, y.entries.map((e: any) => [e.state.iso3, e.score, e.reasons])]));

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('runs for every signed-in user from 2016 to the last year the treaty record covers', async () => {
    expect(codes(await t.gql(BACKTEST, {}))).toEqual(['UNAUTHENTICATED']);
    const result = await run();
    expect(ok(await t.gql(BACKTEST, {}, cast.france.token)).targetBacktest).toEqual(result);
    // The record is known to 3 February 2026: 2023's horizon (2023 to 2025) is the last one it covers.
    expect(result).toMatchObject({ from: 2016, to: 2023, horizonYears: 3, recordAsOf: '2026-02-03', fitUntil: 2020 });
    expect(result.factors).toEqual([...PUBLIC_RECORD_FACTORS]);
    expect(result.years.map((y: any) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(result.fitted).toMatchObject({ firstYear: 2016, lastYear: 2020 });
    expect(result.heldOut).toMatchObject({ firstYear: 2021, lastYear: 2023 });

    for (const year of result.years) {
      expect(year.asOf).toBe(`${year.year}-01-01`);
      expect(year.horizonEnd).toBe(`${year.year + 2}-12-31`);
      // The joiners are the States not Party that day that deposited within the horizon, per the file.
      const onList = new Set(year.entries.map((e: any) => e.state.iso3));
      expect(year.joiners.map((e: any) => e.state.iso3).sort()).toEqual(
        depositedBetween(year.asOf, year.horizonEnd).filter((iso3) => onList.has(iso3)),
      );
      expect(year.candidates).toBe(year.entries.length);
      for (const entry of year.entries) expect(['SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN']).toContain(entry.state.treatyStatus);
      expect(year.metrics.random.rocAuc).toBe(0.5);
    }
    expect(result.years[0].joiners.map((e: any) => e.state.iso3).sort()).toEqual(['BEN', 'CUB', 'GMB', 'LKA', 'MDG', 'NAM', 'PLW']);
    expect(result.overall.joiners).toBe(result.years.reduce((sum: number, y: any) => sum + y.joiners.length, 0));
  });

  it('is what the README and docs/backtest.svg show (npm run backtest -- --readme writes them again)', async () => {
    const service = t.app.get(TargetBacktestService);
    const result = await service.run();
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readmeBlock(readme, 'table')).toBe(backtestMarkdown(result));
    const record = await service.record();
    expect(readmeBlock(readme, 'scan')).toBe(weightScanMarkdown(record, result.from, result.to, result.horizonYears));
    expect(readmeBlock(readme, 'neighbours')).toBe(neighbourScanMarkdown(record, result.from, result.to, result.horizonYears));
    expect(readFileSync(join(PROJECT_ROOT, 'docs/backtest.svg'), 'utf8')).toBe(backtestSvg(result));
  });

  it('scores each year with the product’s own score: its public-record reasons as targets(asOf) gives them that day', async () => {
    const result = await run();
    for (const year of [result.years[0], result.years[3], result.years[7]]) {
      const { targets } = ok(await t.gql(TARGETS, { filter: { asOf: year.asOf } }, cast.partner.token));
      const product = Object.fromEntries(
        targets.edges.map(({ node }: any) => [
          node.state.iso3,
          node.reasons.filter((r: any) => (PUBLIC_RECORD_FACTORS as readonly string[]).includes(r.factor)),
        ]),
      );
      expect(year.entries.map((e: any) => e.state.iso3).sort()).toEqual(Object.keys(product).sort());
      for (const entry of year.entries) {
        expect(entry.reasons).toEqual(product[entry.state.iso3]);
        expect(entry.score).toBeCloseTo(
          entry.reasons.reduce((sum: number, r: any) => sum + r.points, 0),
          6,
        );
      }
    }
  });

  it('knows only the votes adopted by each 1 January', async () => {
    const [y2016, y2017] = (await run()).years;
    const details = (year: any, factor: string) =>
      year.entries.flatMap((e: any) => e.reasons.filter((r: any) => r.factor === factor).map((r: any) => r.detail));
    // On 1 January 2016 only A/RES/70/54 (7 December 2015) had been adopted; a year later, A/RES/71/45 too.
    expect(details(y2016, 'yesShare').every((d: string) => / of 1 resolution /.test(d))).toBe(true);
    expect(new Set(details(y2016, 'lastVote').map((d: string) => d.match(/on (\S+),/)![1]))).toEqual(new Set(['A/RES/70/54']));
    expect(details(y2017, 'yesShare').every((d: string) => / of 2 resolutions /.test(d))).toBe(true);
    expect(new Set(details(y2017, 'lastVote').map((d: string) => d.match(/on (\S+),/)![1]))).toEqual(new Set(['A/RES/71/45']));
  });

  it('leaves out the work logged here: stages, obstacles and contacts change nothing', async () => {
    const before = await run();
    const france = cast.france.token;
    ok(await t.gql('mutation { setRatificationStage(iso3: "KEN", stage: DECLINED) { iso3 } }', {}, france));
    ok(
      await t.gql(
        'mutation { recordObstacle(input: { stateIso3: "IDN", category: PROCEDURAL, description: "Awaiting parliament" }) { id } }',
        {},
        france,
      ),
    );
    ok(
      await t.gql(
        'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
        {
          input: {
            type: 'BILATERAL_MEETING',
            occurredOn: '2020-05-01',
            subject: 'Meeting',
            visibility: 'ORGANIZATION',
            stateIso3s: ['UGA'],
          },
        },
        france,
      ),
    );
    expect(await run({}, france)).toEqual(before);
  });

  it('moving a deposit changes the lists only from the old date on: no later deposit leaks into an earlier year', async () => {
    const before = await run();
    // The Philippines ratified on 3 January 2019; say the record showed 1 June 2021 instead.
    const input = {
      stateIso3: 'PHL',
      action: 'RATIFICATION',
      date: '2021-06-01',
      sourceUrl: 'https://treaties.un.org/doc/Publication/CN/2021/CN.1.2021-Eng.pdf',
    };
    ok(await t.gql(RECORD, { input }, cast.admin.token));
    const after = await run();
    const [old, moved] = [lists(before), lists(after)];
    // 1 January of 2016 to 2019 came before either date, and 2022 after both: the same lists.
    for (const year of [2016, 2017, 2018, 2019, 2022, 2023]) expect(moved[year]).toEqual(old[year]);
    // On 1 January 2020 and 2021 the Philippines is now still a signatory, on the list.
    for (const year of [2020, 2021]) {
      expect(moved[year]).not.toEqual(old[year]);
      expect(old[year].map((e: any) => e[0])).not.toContain('PHL');
      expect(moved[year].map((e: any) => e[0])).toContain('PHL');
    }
    // What changes earlier is only who joined within the horizon: 2017 and 2018 lose a joiner.
    const joiners = (result: any, year: number) => result.years.find((y: any) => y.year === year).joiners.map((e: any) => e.state.iso3);
    expect(joiners(before, 2017)).toContain('PHL');
    expect(joiners(after, 2017)).not.toContain('PHL');
    expect(joiners(after, 2019)).toContain('PHL');
  });

  it('refuses a start or a horizon the record cannot cover', async () => {
    const problems = (response: any) => response.errors?.[0]?.extensions?.details?.problems;
    const late = await t.gql(BACKTEST, { from: 2024 }, cast.partner.token);
    expect(codes(late)).toEqual(['BAD_USER_INPUT']);
    expect(problems(late)).toEqual([
      'from must be a year from 2009 to 2023: the treaty record is known up to 2026-02-03, so 2023 is the last year whose 3-year horizon it covers',
    ]);
    expect(codes(await t.gql(BACKTEST, { from: 2008 }, cast.partner.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(BACKTEST, { horizonYears: 0 }, cast.partner.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(BACKTEST, { horizonYears: 11 }, cast.partner.token))).toEqual(['BAD_USER_INPUT']);
    // A one-year horizon reaches one year further.
    const short = await run({ from: 2021, horizonYears: 1 });
    expect(short.years.map((y: any) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(short.fitted).toBeNull();
  });
});
