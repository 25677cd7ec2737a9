import { DataSource } from 'typeorm';
import { importPublicData } from '../../src/data-import/importer.js';
import { ok, startTestApp, type TestApp } from '../support/app.js';
import { DataCopy } from '../support/data-files.js';
import { createCast, type Cast } from '../support/fixtures.js';

const TARGETS = `query($first: Int) { targets(first: $first, filter: { regionalGroups: [ASIA_PACIFIC] }, orderBy: NAME) {
  edges { node { state { iso3 votingRecord { yes abstain total lastChoice consecutiveYes } } } } } }`;

type Row = { state: { iso3: string; votingRecord: { yes: number; abstain: number; total: number; lastChoice: string | null } } };

/**
 * The targets list keeps the votes in memory between public-data imports: an import by another
 * process (the CLI's `npm run import`) is seen by the next request, and until then no request
 * reads the votes again.
 */
describe('voting records kept between imports', () => {
  let t: TestApp;
  let cast: Cast;
  let data: DataCopy;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    data = new DataCopy();
  });
  afterAll(async () => {
    data?.dispose();
    await t?.close();
  });

  const targets = async (): Promise<Row[]> =>
    ok(await t.gql(TARGETS, { first: 100 }, cast.france.token)).targets.edges.map((e: any) => e.node);

  it('reads the votes again after another import, and only then', async () => {
    const before = await targets();
    const voter = before.find((row) => row.state.votingRecord.lastChoice === 'YES')!;
    expect(voter).toBeDefined();

    // The same list again costs the same statements: the signed-in user and the list.
    expect((await t.counter.measure(targets)).statements).toBe(2);

    // The newest resolution, with this State's YES turned into an abstention (and the totals to match).
    const resolutions = data.read('unga-ccm-resolutions.csv').trim().split(/\r?\n/).slice(1);
    const newest = resolutions.map((line) => line.split(',')).sort((a, b) => (a[2] < b[2] ? 1 : -1))[0];
    const [symbol] = newest;
    data.replaceLine('unga-ccm-votes.csv', `${symbol},${voter.state.iso3},`, () => `${symbol},${voter.state.iso3},A`);
    data.replaceLine('unga-ccm-resolutions.csv', `${symbol},`, (line) => {
      const cells = line.split(',');
      cells[3] = String(Number(cells[3]) - 1);
      cells[5] = String(Number(cells[5]) + 1);
      return cells.join(',');
    });
    const summary = await importPublicData(t.app.get(DataSource), data.dir);
    expect(summary.skipped).toBe(false);

    const { result: after, statements } = await t.counter.measure(targets);
    expect(statements).toBe(3);
    const changed = after.find((row) => row.state.iso3 === voter.state.iso3)!;
    expect(changed.state.votingRecord).toMatchObject({
      yes: voter.state.votingRecord.yes - 1,
      abstain: voter.state.votingRecord.abstain + 1,
      total: voter.state.votingRecord.total,
      lastChoice: 'ABSTAIN',
      consecutiveYes: 0,
    });
    // Every other State's record is as it was.
    const others = (rows: Row[]) => rows.filter((row) => row.state.iso3 !== voter.state.iso3).map((row) => row.state);
    expect(others(after)).toEqual(others(before));

    expect((await t.counter.measure(targets)).statements).toBe(2);
  });
});
