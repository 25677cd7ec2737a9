import { Logger } from '@nestjs/common';
import { RatificationStage, TreatyStatus } from '../../src/common/enums.js';
import { ImportValidationError } from '../../src/data-import/import-validation-error.js';
import { importPublicData, type ImportSummary } from '../../src/data-import/importer.js';
import { entryIntoForceDate, treatyStatus } from '../../src/states/treaty-status.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { DATA_DIR, DataCopy } from '../support/data-files.js';

const RECORD_DATE = '2026-02-03';
const SIGNATORIES = ['AGO', 'CAF', 'COD', 'CYP', 'DJI', 'HTI', 'IDN', 'JAM', 'KEN', 'LBR', 'TZA', 'UGA'];

describe('importPublicData', () => {
  let db: TestDatabase;
  let first: ImportSummary;

  const query = <T = Record<string, any>>(sql: string, parameters: unknown[] = []): Promise<T[]> => db.dataSource.query(sql, parameters);

  /** Everything an import may write, to prove that a run wrote nothing. */
  const snapshot = async () =>
    (
      await query(`
        SELECT (SELECT count(*) FROM states) AS states,
               (SELECT sum(version) FROM states) AS versions,
               (SELECT max(updated_at) FROM states) AS updated_at,
               (SELECT string_agg(iso3 || ratification_stage, ',' ORDER BY iso3) FROM states) AS stages,
               (SELECT count(*) FROM resolutions) AS resolutions,
               (SELECT string_agg(concat_ws(',', symbol, yes, no, abstain, non_voting), ';' ORDER BY symbol)
                  FROM resolutions) AS totals,
               (SELECT count(*) FROM votes) AS votes,
               (SELECT string_agg(choice::text, ',' ORDER BY resolution_symbol, state_iso3) FROM votes) AS choices,
               (SELECT count(*) FROM stage_changes) AS stage_changes,
               (SELECT count(*) FROM data_imports) AS imports`)
    )[0];

  const statusCounts = async (asOf: string) => {
    const rows = await query<{ status: string; count: number }>(
      `SELECT ccm_treaty_status(signature_date, consent_date, withdrawal_date, $1::date) AS status, count(*) AS count
         FROM states GROUP BY 1`,
      [asOf],
    );
    const none = Object.fromEntries(Object.values(TreatyStatus).map((status) => [status, 0]));
    return { ...none, ...Object.fromEntries(rows.map((row) => [row.status, row.count])) };
  };

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    db = await createTestDatabase();
    first = await importPublicData(db.dataSource, DATA_DIR, { asOf: RECORD_DATE });
  }, 120_000);

  afterAll(async () => {
    await db?.dispose();
  });

  it('inserts every State, resolution and vote on the first run', async () => {
    expect(first).toMatchObject({
      skipped: false,
      asOf: RECORD_DATE,
      states: { inserted: 197, updated: 0, unchanged: 0, deleted: 0 },
      resolutions: { inserted: 10, updated: 0, unchanged: 0, deleted: 0 },
      votes: { inserted: 1930, updated: 0, unchanged: 0, deleted: 0 },
      stageChanges: 197,
    });
    expect(await snapshot()).toMatchObject({
      states: 197,
      resolutions: 10,
      votes: 1930,
      stage_changes: 197,
      imports: 1,
    });
    const [log] = await query('SELECT checksum, summary FROM data_imports');
    expect(log.checksum).toBe(first.checksum);
    expect(log.summary).toMatchObject({ states: first.states, votes: first.votes, stageChanges: 197 });
  });

  it('gives the UN Treaty Collection counts of 3 February 2026', async () => {
    expect(await statusCounts(RECORD_DATE)).toEqual({
      STATE_PARTY: 111,
      DEPOSITED: 1,
      SIGNATORY: 12,
      WITHDRAWN: 1,
      NOT_SIGNED: 72,
    });
    const byStatus = await query<{ iso3: string; status: string }>(
      `SELECT iso3, ccm_treaty_status(signature_date, consent_date, withdrawal_date, $1::date) AS status
         FROM states WHERE ccm_treaty_status(signature_date, consent_date, withdrawal_date, $1::date)
               IN ('DEPOSITED', 'SIGNATORY', 'WITHDRAWN') ORDER BY iso3`,
      [RECORD_DATE],
    );
    expect(byStatus.filter((row) => row.status === 'SIGNATORY').map((row) => row.iso3)).toEqual(SIGNATORIES);
    expect(byStatus.filter((row) => row.status !== 'SIGNATORY')).toEqual([
      { iso3: 'LTU', status: 'WITHDRAWN' },
      { iso3: 'VUT', status: 'DEPOSITED' },
    ]);
    const [{ consent }] = await query(`SELECT count(*) AS consent FROM states WHERE consent_date IS NOT NULL`);
    expect(consent).toBe(113);
  });

  it('reproduces the counts published for earlier and later dates', async () => {
    expect(await statusCounts('2010-07-31')).toMatchObject({ STATE_PARTY: 0, DEPOSITED: 38 });
    expect(await statusCounts('2010-08-01')).toMatchObject({ STATE_PARTY: 30, DEPOSITED: 8 });
    // The Monitor, like the UN Treaty Collection, counts a State as a party from its deposit:
    // in August 2016 Cuba and Palau had deposited, and became parties on 1 October 2016.
    expect(await statusCounts('2016-08-15')).toMatchObject({ STATE_PARTY: 98, DEPOSITED: 2, SIGNATORY: 19 });
    expect(await statusCounts('2022-08-01')).toMatchObject({ STATE_PARTY: 110, DEPOSITED: 0, SIGNATORY: 13 });
    expect(await statusCounts('2023-12-31')).toMatchObject({ STATE_PARTY: 111, DEPOSITED: 1, SIGNATORY: 12 });
    expect(await statusCounts('2026-03-01')).toMatchObject({ STATE_PARTY: 112, DEPOSITED: 0 });
    expect(await statusCounts('2026-11-27')).toMatchObject({ STATE_PARTY: 112, SIGNATORY: 12, WITHDRAWN: 1 });
  });

  it('computes the same status in SQL and TypeScript for every State on every date that matters', async () => {
    const fixed = ['2010-07-31', '2010-08-01', '2016-08-15', '2022-08-01', '2026-02-03', '2026-02-28', '2026-03-01'];
    const rows = await query<{
      iso3: string;
      signatureDate: string | null;
      consentDate: string | null;
      withdrawalDate: string | null;
      asOf: string;
      sqlStatus: TreatyStatus;
    }>(
      `WITH dates AS (
         SELECT unnest($1::date[]) AS as_of
         UNION
         SELECT d + shift FROM states,
                LATERAL (VALUES (signature_date), (consent_date), (withdrawal_date),
                                (ccm_entry_into_force(consent_date))) AS boundary(d),
                LATERAL (VALUES (-1), (0)) AS offsets(shift)
          WHERE d IS NOT NULL)
       SELECT s.iso3, s.signature_date AS "signatureDate", s.consent_date AS "consentDate",
              s.withdrawal_date AS "withdrawalDate", dates.as_of AS "asOf",
              ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, dates.as_of) AS "sqlStatus"
         FROM states s CROSS JOIN dates`,
      [fixed],
    );
    expect(rows.length).toBeGreaterThan(197 * 100);
    const disagreements = rows.filter((row) => treatyStatus(row, row.asOf) !== row.sqlStatus);
    expect(disagreements).toEqual([]);

    const entries = await query<{ consent: string; entry: string }>(
      `SELECT DISTINCT consent_date AS consent, ccm_entry_into_force(consent_date) AS entry
         FROM states WHERE consent_date IS NOT NULL`,
    );
    expect(entries.filter((row) => entryIntoForceDate(row.consent) !== row.entry)).toEqual([]);
  });

  it('sets each initial stage from the treaty status and records it with no user', async () => {
    const stages = await query<{ stage: RatificationStage; count: number }>(
      'SELECT ratification_stage AS stage, count(*) AS count FROM states GROUP BY 1',
    );
    expect(Object.fromEntries(stages.map((row) => [row.stage, row.count]))).toEqual({
      JOINED: 111,
      DEPOSITED: 1,
      NOT_ENGAGED: 85,
    });
    const notEngaged = await query(`SELECT iso3 FROM states WHERE iso3 = ANY($1::text[]) AND ratification_stage <> 'NOT_ENGAGED'`, [
      ['LTU', ...SIGNATORIES],
    ]);
    expect(notEngaged).toEqual([]);
    const changes = await query(
      `SELECT count(*) AS total, count(DISTINCT state_iso3) AS states,
              count(*) FILTER (WHERE changed_by IS NULL AND from_stage IS NULL) AS initial,
              count(*) FILTER (WHERE c.to_stage = s.ratification_stage) AS matching
         FROM stage_changes c JOIN states s ON s.iso3 = c.state_iso3`,
    );
    expect(changes).toEqual([{ total: 197, states: 197, initial: 197, matching: 197 }]);
    const [vanuatu] = await query(`SELECT to_stage, note FROM stage_changes WHERE state_iso3 = 'VUT'`);
    expect(vanuatu).toEqual({
      to_stage: 'DEPOSITED',
      note: 'Initial stage from the UN Treaty Collection record of 2026-02-03',
    });
  });

  it('stores resolution totals that equal the sums of their votes', async () => {
    const mismatches = await query(`
      SELECT r.symbol FROM resolutions r
        JOIN (SELECT resolution_symbol,
                     count(*) FILTER (WHERE choice = 'YES') AS yes,
                     count(*) FILTER (WHERE choice = 'NO') AS no,
                     count(*) FILTER (WHERE choice = 'ABSTAIN') AS abstain,
                     count(*) FILTER (WHERE choice = 'NON_VOTING') AS non_voting
                FROM votes GROUP BY resolution_symbol) v ON v.resolution_symbol = r.symbol
       WHERE (r.yes, r.no, r.abstain, r.non_voting) IS DISTINCT FROM (v.yes, v.no, v.abstain, v.non_voting)`);
    expect(mismatches).toEqual([]);
    const [latest] = await query(`SELECT * FROM resolutions WHERE symbol = 'A/RES/79/58'`);
    expect(latest).toMatchObject({
      session: 79,
      adopted_on: '2024-12-02',
      yes: 121,
      no: 1,
      abstain: 33,
      non_voting: 38,
    });
    const [{ total }] = await query(`SELECT sum(yes + no + abstain + non_voting) AS total FROM resolutions`);
    expect(total).toBe(1930);
  });

  it('skips files it has already imported unless forced, and a forced run changes nothing', async () => {
    const before = await snapshot();
    const skipped = await importPublicData(db.dataSource, DATA_DIR, { asOf: RECORD_DATE });
    expect(skipped).toMatchObject({ skipped: true, checksum: first.checksum, stageChanges: 0 });
    expect(await snapshot()).toEqual(before);

    const forced = await importPublicData(db.dataSource, DATA_DIR, { asOf: RECORD_DATE, force: true });
    expect(forced).toMatchObject({
      skipped: false,
      checksum: first.checksum,
      states: { inserted: 0, updated: 0, unchanged: 197, deleted: 0 },
      resolutions: { inserted: 0, updated: 0, unchanged: 10, deleted: 0 },
      votes: { inserted: 0, updated: 0, unchanged: 1930, deleted: 0 },
      stageChanges: 0,
    });
    expect(await snapshot()).toEqual({ ...before, imports: before.imports + 1 });
  });

  describe('with malformed files', () => {
    let copy: DataCopy;

    beforeEach(() => {
      copy = new DataCopy();
    });

    afterEach(() => copy.dispose());

    const expectRejected = async (expected: string) => {
      const before = await snapshot();
      const run = importPublicData(db.dataSource, copy.dir, { asOf: RECORD_DATE, force: true });
      await expect(run).rejects.toThrow(ImportValidationError);
      await expect(run).rejects.toThrow(expected);
      expect(await snapshot()).toEqual(before);
    };

    it('rejects an impossible date', async () => {
      copy.replaceLine('ccm-participation.csv', 'VUT,', (line) => line.replace('2025-09-05', '2025-02-30'));
      const line = copy.lineOf('ccm-participation.csv', 'VUT,');
      await expectRejected(`ccm-participation.csv, line ${line}, column consent_date, value "2025-02-30"`);
    });

    it('rejects an unknown vote code', async () => {
      copy.replaceLine('unga-ccm-votes.csv', 'A/RES/76/47,FRA', (line) => line.replace(',Y', ',YES'));
      const line = copy.lineOf('unga-ccm-votes.csv', 'A/RES/76/47,FRA');
      await expectRejected(`unga-ccm-votes.csv, line ${line}, column vote, value "YES": expected one of "Y", "N", "A", "NV"`);
    });

    it('rejects a vote by an unknown State', async () => {
      copy.replaceLine('unga-ccm-votes.csv', 'A/RES/77/79,DEU', (line) => line.replace('DEU', 'GDR'));
      const line = copy.lineOf('unga-ccm-votes.csv', 'A/RES/77/79,GDR');
      await expectRejected(`unga-ccm-votes.csv, line ${line}, column iso3, value "GDR": not a State in states.csv`);
    });

    it('rejects totals that do not match the votes', async () => {
      copy.replaceLine('unga-ccm-resolutions.csv', 'A/RES/72/54', (line) => line.replace(',142,2,36,', ',142,3,36,'));
      await expectRejected('unga-ccm-resolutions.csv, line 4, column no, value "3": expected 2, the number of NO votes on A/RES/72/54');
    });
  });

  it('applies changed files by updating rows in place, and restores them', async () => {
    const copy = new DataCopy();
    try {
      copy
        .replaceLine('states.csv', 'AFG,', (line) => line.replace(',Afghanistan,', ',Islamic Republic of Afghanistan,'))
        .replaceLine('unga-ccm-votes.csv', 'A/RES/79/58,AFG', (line) => line.replace(',NV', ',Y'))
        .replaceLine('unga-ccm-resolutions.csv', 'A/RES/79/58', (line) => line.replace(',121,1,33,', ',122,1,33,'))
        .edit('unga-ccm-votes.csv', (lines) => lines.filter((line) => !line.startsWith('A/RES/78/32,ALB,')))
        .replaceLine('unga-ccm-resolutions.csv', 'A/RES/78/32', (line) => line.replace(',148,1,36,', ',147,1,36,'));
      const before = await snapshot();
      const changed = await importPublicData(db.dataSource, copy.dir, { asOf: RECORD_DATE });
      expect(changed).toMatchObject({
        skipped: false,
        states: { inserted: 0, updated: 1, unchanged: 196, deleted: 0 },
        resolutions: { inserted: 0, updated: 2, unchanged: 8, deleted: 0 },
        votes: { inserted: 0, updated: 1, unchanged: 1928, deleted: 1 },
        stageChanges: 0,
      });
      expect(await snapshot()).toMatchObject({
        states: 197,
        versions: before.versions + 1,
        resolutions: 10,
        votes: 1929,
      });
      expect(await query(`SELECT name, version FROM states WHERE iso3 = 'AFG'`)).toEqual([
        { name: 'Islamic Republic of Afghanistan', version: 2 },
      ]);
      expect(await query(`SELECT yes, non_voting FROM resolutions WHERE symbol = 'A/RES/79/58'`)).toEqual([{ yes: 122, non_voting: 37 }]);

      const restored = await importPublicData(db.dataSource, DATA_DIR, { asOf: RECORD_DATE });
      expect(restored).toMatchObject({
        states: { updated: 1 },
        resolutions: { updated: 2 },
        votes: { inserted: 1, updated: 1, deleted: 0 },
      });
      expect(await snapshot()).toEqual({
        ...before,
        versions: before.versions + 2,
        updated_at: expect.any(Date),
        imports: before.imports + 2,
      });
    } finally {
      copy.dispose();
    }
  });

  it('writes nothing when the database fails part-way through', async () => {
    const copy = new DataCopy();
    copy.replaceLine('states.csv', 'AFG,', (line) => line.replace(',Afghanistan,', ',Renamed,'));
    await query(`CREATE FUNCTION refuse_import() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'import refused'; END $$`);
    await query(`CREATE TRIGGER refuse_import BEFORE INSERT ON data_imports
                 FOR EACH ROW EXECUTE FUNCTION refuse_import()`);
    try {
      const before = await snapshot();
      const run = importPublicData(db.dataSource, copy.dir, { asOf: RECORD_DATE });
      await expect(run).rejects.toThrow('import refused');
      expect(await snapshot()).toEqual(before);
      expect(await query(`SELECT name FROM states WHERE iso3 = 'AFG'`)).toEqual([{ name: 'Afghanistan' }]);
    } finally {
      await query('DROP TRIGGER refuse_import ON data_imports');
      await query('DROP FUNCTION refuse_import()');
      copy.dispose();
    }
  });

  describe('ratification stages of known States', () => {
    const stageOf = (iso3: string) =>
      query(`SELECT ratification_stage AS stage, version FROM states WHERE iso3 = $1`, [iso3]).then(([row]) => row);
    const lastChange = (iso3: string) =>
      query(
        `SELECT from_stage, to_stage, changed_by, note FROM stage_changes
          WHERE state_iso3 = $1 AND from_stage IS NOT NULL ORDER BY changed_at DESC LIMIT 1`,
        [iso3],
      ).then(([row]) => row);

    it("follow the treaty record to JOINED and keep the coordinators' other stages", async () => {
      await query(`UPDATE states SET ratification_stage = 'ENGAGED' WHERE iso3 = 'IDN'`);
      const vanuatu = await stageOf('VUT');
      const later = await importPublicData(db.dataSource, DATA_DIR, { asOf: '2026-03-01', force: true });
      expect(later).toMatchObject({ states: { updated: 1, unchanged: 196 }, stageChanges: 1 });
      expect(await stageOf('VUT')).toEqual({ stage: 'JOINED', version: vanuatu.version + 1 });
      expect(await stageOf('IDN')).toEqual({ stage: 'ENGAGED', version: 1 });
      expect(await stageOf('LTU')).toEqual({ stage: 'NOT_ENGAGED', version: 1 });
      expect(await lastChange('VUT')).toEqual({
        from_stage: 'DEPOSITED',
        to_stage: 'JOINED',
        changed_by: null,
        note: 'Follows the UN Treaty Collection record of 2026-02-03: STATE_PARTY on 2026-03-01',
      });
      const again = await importPublicData(db.dataSource, DATA_DIR, { asOf: '2026-03-01', force: true });
      expect(again).toMatchObject({ states: { updated: 0 }, stageChanges: 0 });
    });

    it('move a State that has just deposited its instrument to DEPOSITED', async () => {
      const copy = new DataCopy();
      try {
        copy.replaceLine('ccm-participation.csv', 'IDN,', (line) =>
          line.replace('IDN,2008-12-03,,,', 'IDN,2008-12-03,2026-02-20,ratification,'),
        );
        const summary = await importPublicData(db.dataSource, copy.dir, { asOf: '2026-03-01' });
        expect(summary).toMatchObject({ states: { updated: 1 }, stageChanges: 1 });
        expect(await stageOf('IDN')).toEqual({ stage: 'DEPOSITED', version: 2 });
        expect(await lastChange('IDN')).toMatchObject({
          from_stage: 'ENGAGED',
          to_stage: 'DEPOSITED',
          changed_by: null,
        });
      } finally {
        copy.dispose();
      }
    });
  });

  it('keeps the other names of States as data/state-names.csv lists them, on every run', async () => {
    const names = async () =>
      (await query<{ name: string; kind: string }>(`SELECT name, kind FROM state_names WHERE state_iso3 = 'MMR' ORDER BY name`)).map(
        (r) => `${r.name}:${r.kind}`,
      );
    expect(await names()).toEqual(['Burma:former']);
    await importPublicData(db.dataSource, DATA_DIR);
    const total = (await query(`SELECT count(*)::int AS n FROM state_names`))[0].n;
    expect(total).toBeGreaterThan(60);
    const copy = new DataCopy();
    try {
      copy
        .replaceLine('state-names.csv', 'Burma,', () => 'Union of Burma,MMR,former,')
        .edit('state-names.csv', (lines) => [...lines, 'Atlantis,XXX,short,']);
      // The public-data files are unchanged: the run is skipped, the names are still brought up to date.
      const summary = await importPublicData(db.dataSource, copy.dir);
      expect(summary.skipped).toBe(true);
      expect(await names()).toEqual(['Union of Burma:former']);
      expect((await query(`SELECT count(*)::int AS n FROM state_names`))[0].n).toBe(total);
    } finally {
      copy.dispose();
    }
    await importPublicData(db.dataSource, DATA_DIR);
    expect(await names()).toEqual(['Burma:former']);
  });
});
