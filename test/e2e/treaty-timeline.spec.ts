import { codes, ADMIN, startTestApp, type TestApp } from '../support/app.js';

const TIMELINE = `query($from: Date, $to: Date) { treatyTimeline(from: $from, to: $to) {
  regionalGroup points { date statesParties signatories deposited withdrawn } } }`;

interface Point {
  date: string;
  statesParties: number;
  signatories: number;
  deposited: number;
  withdrawn: number;
}
interface Series {
  regionalGroup: string | null;
  points: Point[];
}

/** The counts a series gives on `date`: those of its last point on or before it. */
const at = (series: Series, date: string) => [...series.points].reverse().find((p) => p.date <= date)!;

describe('treatyTimeline: States Parties and signatories over time', () => {
  let t: TestApp;
  let token: string;
  let all: Series[];

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.email, ADMIN.password);
    const response = await t.gql(TIMELINE, { to: '2026-12-01' }, token);
    expect(response.errors).toBeUndefined();
    all = response.data.treatyTimeline;
  });

  afterAll(async () => {
    await t?.close();
  });

  /** What the `states` list (the SQL rules) counts with a status on a date, overall or in a group. */
  async function listed(status: string, asOf: string, regionalGroup?: string): Promise<number> {
    const filter = { asOf, treatyStatuses: [status], ...(regionalGroup ? { regionalGroups: [regionalGroup] } : {}) };
    return (await t.gql('query($f: StateFilter) { states(filter: $f, first: 1) { totalCount } }', { f: filter }, token)).data.states
      .totalCount;
  }

  it('gives every State, then each regional group, from the opening for signature to the date asked', () => {
    expect(all.map((s) => s.regionalGroup)).toEqual([
      null,
      'AFRICAN',
      'ASIA_PACIFIC',
      'EASTERN_EUROPEAN',
      'LATIN_AMERICAN_AND_CARIBBEAN',
      'WESTERN_EUROPEAN_AND_OTHERS',
    ]);
    for (const series of all) {
      expect(series.points[0].date).toBe('2008-12-03');
      expect(series.points.at(-1)!.date).toBe('2026-12-01');
      const dates = series.points.map((p) => p.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it('counts as the States list does on any date (same Article 17 rules), overall and per group', async () => {
    const [overall, african] = [all[0], all.find((s) => s.regionalGroup === 'AFRICAN')!];
    for (const date of ['2008-12-03', '2010-07-31', '2010-08-01', '2011-03-01', '2015-06-30', '2026-12-01']) {
      expect([date, at(overall, date).statesParties]).toEqual([date, await listed('STATE_PARTY', date)]);
      expect([date, at(overall, date).signatories]).toEqual([date, await listed('SIGNATORY', date)]);
      expect([date, at(overall, date).deposited]).toEqual([date, await listed('DEPOSITED', date)]);
      expect([date, at(african, date).statesParties]).toEqual([date, await listed('STATE_PARTY', date, 'AFRICAN')]);
    }
  });

  it('has no State Party before the entry into force on 1 August 2010, and the first thirty on that day', () => {
    const overall = all[0];
    expect(at(overall, '2010-07-31').statesParties).toBe(0);
    expect(at(overall, '2010-08-01').statesParties).toBeGreaterThanOrEqual(30);
    expect(at(overall, '2010-07-31').deposited).toBeGreaterThanOrEqual(30);
    expect(at(overall, '2008-12-03').statesParties).toBe(0);
  });

  it("adds up: the groups' States Parties are those of all States with a group", () => {
    const last = (s: Series) => s.points.at(-1)!.statesParties;
    expect(all.slice(1).reduce((sum, s) => sum + last(s), 0)).toBeLessThanOrEqual(last(all[0]));
  });

  it('refuses a from after to', async () => {
    const refused = await t.gql(TIMELINE, { from: '2020-01-01', to: '2019-01-01' }, token);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions!.details.problems).toEqual(['from: from (2020-01-01) cannot be after to (2019-01-01)']);
  });
});
