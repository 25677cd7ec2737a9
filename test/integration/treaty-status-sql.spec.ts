import { TreatyStatus } from '../../src/common/enums.js';
import { entryIntoForceDate, treatyStatus, type TreatyDates } from '../../src/states/treaty-status.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * The treaty status in TypeScript and its SQL twin, ccm_treaty_status() (see the initial schema),
 * on every combination of treaty actions around the dates where the status changes, without
 * importing the public data: what the import's own comparison checks on the real records.
 */
describe('the treaty status in SQL and in TypeScript', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.dispose();
  });

  const signatures = [null, '2008-12-03'];
  // On and around the thirtieth deposit, and a later deposit whose entry into force crosses a year.
  const consents = [null, '2009-06-16', '2010-02-16', '2010-02-17', '2019-08-31', '2019-09-01'];
  const withdrawals = [null, '2025-03-06'];
  const days = [
    '2008-12-02',
    '2008-12-03',
    '2009-06-15',
    '2009-06-16',
    '2010-02-16',
    '2010-02-17',
    '2010-07-31',
    '2010-08-01',
    '2019-08-31',
    '2019-09-01',
    '2020-01-31',
    '2020-02-01',
    '2020-02-29',
    '2020-03-01',
    '2020-03-31',
    '2020-04-01',
    '2025-03-05',
    '2025-03-06',
  ];

  it('agrees for every combination of treaty actions on every day around a change', async () => {
    const cases: { dates: TreatyDates; asOf: string }[] = [];
    for (const signatureDate of signatures)
      for (const consentDate of consents)
        for (const withdrawalDate of withdrawals)
          if (withdrawalDate === null || consentDate !== null)
            for (const asOf of days) cases.push({ dates: { signatureDate, consentDate, withdrawalDate }, asOf });
    const rows: { status: TreatyStatus; entry: string | null }[] = await db.dataSource.query(
      `SELECT ccm_treaty_status(c.signature, c.consent, c.withdrawal, c.as_of) AS status, ccm_entry_into_force(c.consent)::text AS entry
         FROM unnest($1::date[], $2::date[], $3::date[], $4::date[]) WITH ORDINALITY AS c(signature, consent, withdrawal, as_of, n) ORDER BY n`,
      [
        cases.map((c) => c.dates.signatureDate),
        cases.map((c) => c.dates.consentDate),
        cases.map((c) => c.dates.withdrawalDate),
        cases.map((c) => c.asOf),
      ],
    );
    const disagreements = cases.flatMap(({ dates, asOf }, i) => {
      const typescript = { status: treatyStatus(dates, asOf), entry: entryIntoForceDate(dates.consentDate) };
      return typescript.status === rows[i].status && typescript.entry === rows[i].entry ? [] : [{ dates, asOf, typescript, sql: rows[i] }];
    });
    expect(disagreements).toEqual([]);
    expect(cases).toHaveLength(2 * (1 + 5 * 2) * days.length);
    // Every status occurs, so that each branch of both is compared.
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(Object.values(TreatyStatus)));
    expect(new Set(rows.map((row) => row.entry))).toEqual(new Set([null, '2010-08-01', '2020-02-01', '2020-03-01']));
  });
});
