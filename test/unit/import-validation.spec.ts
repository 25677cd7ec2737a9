import { ConsentType, RegionalGroup, VoteChoice } from '../../src/common/enums.js';
import type { CsvTable } from '../../src/data-import/csv-table.js';
import { formatIssue, ImportValidationError, IssueLog } from '../../src/data-import/import-validation-error.js';
import { RowReader } from '../../src/data-import/row-reader.js';
import { readStates } from '../../src/data-import/state-records.js';
import { readVoting } from '../../src/data-import/vote-records.js';

/** A table as csv-table.ts reads it: the header is line 1, so rows start at line 2. */
function table(file: string, rows: Record<string, string>[], complete = true): CsvTable {
  return { file, complete, rows: rows.map((values, i) => ({ line: i + 2, values })) };
}

const STATE = {
  iso3: 'RUR',
  iso2: 'RU',
  name: 'Ruritania',
  un_member: 'true',
  un_regional_group: 'Eastern European',
  m49_region: 'Europe',
  m49_subregion: 'Eastern Europe',
  m49_code: '999',
  m49_intermediate_region: '',
  un_language: 'fr',
};
const ACTIONS = {
  iso3: 'RUR',
  signature_date: '2008-12-03',
  consent_date: '2010-03-01',
  consent_type: 'accession',
  withdrawal_date: '',
  status_as_of: '2026-02-03',
};

function states(stateRows: Record<string, string>[], actionRows: Record<string, string>[], complete = [true, true]) {
  const log = new IssueLog();
  const result = readStates(table('states.csv', stateRows, complete[0]), table('ccm-participation.csv', actionRows, complete[1]), log);
  return { ...result, issues: log.issues.map(({ file, line, column, value, message }) => [file, line, column, value, message]) };
}

describe('the checks of the States and their treaty actions', () => {
  it('reads a valid State with its treaty actions', () => {
    const { records, codes, issues } = states([STATE], [ACTIONS]);
    expect(issues).toEqual([]);
    expect(codes).toEqual(new Set(['RUR']));
    expect(records).toEqual([
      {
        iso3: 'RUR',
        iso2: 'RU',
        name: 'Ruritania',
        unMember: true,
        regionalGroup: RegionalGroup.EASTERN_EUROPEAN,
        m49Region: 'Europe',
        subregion: 'Eastern Europe',
        m49Code: '999',
        intermediateRegion: null,
        unLanguage: 'fr',
        signatureDate: '2008-12-03',
        consentDate: '2010-03-01',
        consentType: ConsentType.ACCESSION,
        withdrawalDate: null,
        statusAsOf: '2026-02-03',
      },
    ]);
  });

  it('reads blank optional fields as null', () => {
    const { records, issues } = states(
      [{ ...STATE, iso2: '', un_member: 'false', un_regional_group: '', m49_region: '', m49_subregion: '', m49_intermediate_region: '' }],
      [{ iso3: 'RUR', signature_date: '', consent_date: '', consent_type: '', withdrawal_date: '', status_as_of: '' }],
    );
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      iso2: null,
      unMember: false,
      regionalGroup: null,
      m49Region: null,
      subregion: null,
      signatureDate: null,
      consentDate: null,
      consentType: null,
      statusAsOf: null,
    });
  });

  it('checks an intermediate region against its subregion', () => {
    const caribbean = { ...STATE, m49_subregion: 'Latin America and the Caribbean', m49_intermediate_region: 'Caribbean' };
    expect(states([caribbean], [ACTIONS]).records[0]).toMatchObject({
      intermediateRegion: 'Caribbean',
      subregion: 'Latin America and the Caribbean',
    });
    expect(states([{ ...caribbean, m49_subregion: '' }], [ACTIONS]).issues).toEqual([]);
    expect(states([{ ...caribbean, m49_subregion: 'Sub-Saharan Africa' }], [ACTIONS]).issues).toEqual([
      ['states.csv', 2, 'm49_intermediate_region', 'Caribbean', 'is part of Latin America and the Caribbean, not of Sub-Saharan Africa'],
    ]);
    expect(states([{ ...STATE, m49_intermediate_region: 'Atlantis' }], [ACTIONS]).issues).toEqual([
      ['states.csv', 2, 'm49_intermediate_region', 'Atlantis', expect.stringMatching(/^expected one of "Caribbean", "Central America", /)],
    ]);
  });

  it('refuses duplicate codes, on the later line, and leaves out the rows with a problem', () => {
    const twin = { ...STATE, iso3: 'RUS', name: 'Twin' };
    const { records, codes, issues } = states(
      [
        STATE,
        twin,
        { ...STATE, iso2: 'RX', m49_code: 'x1' },
        { ...STATE, iso3: 'ABC', iso2: '', m49_code: '123' },
        { ...STATE, iso3: 'ABD', iso2: '', m49_code: '124', name: '' },
        // A malformed M49 code twice: reported as malformed, not as a duplicate.
        { ...STATE, iso3: 'ABE', iso2: '', m49_code: 'x1' },
      ],
      [ACTIONS, { ...ACTIONS, iso3: 'RUS' }, { ...ACTIONS, iso3: 'ABC' }, { ...ACTIONS, iso3: 'ABD' }, { ...ACTIONS, iso3: 'ABE' }],
    );
    expect(issues).toEqual([
      ['states.csv', 3, 'iso2', 'RU', 'duplicate of line 2'],
      ['states.csv', 3, 'm49_code', '999', 'duplicate of line 2'],
      ['states.csv', 4, 'm49_code', 'x1', 'expected three digits (UN M49 numeric code)'],
      ['states.csv', 4, 'iso3', 'RUR', 'duplicate of line 2'],
      ['states.csv', 6, 'name', '', 'a value is required'],
      ['states.csv', 7, 'm49_code', 'x1', 'expected three digits (UN M49 numeric code)'],
    ]);
    expect(records.map((record) => record.iso3)).toEqual(['RUR', 'ABC']);
    expect(codes).toEqual(new Set(['RUR', 'RUS', 'ABC', 'ABD', 'ABE']));
  });

  it('checks codes and the link between the two files', () => {
    const { issues, records } = states(
      [{ ...STATE, iso3: 'ru', iso2: 'r', m49_code: '998' }, STATE],
      [ACTIONS, ACTIONS, { ...ACTIONS, iso3: 'XYZ' }, { ...ACTIONS, iso3: 'x' }],
    );
    expect(issues).toEqual([
      ['states.csv', 2, 'iso3', 'ru', 'expected three capital letters (ISO 3166-1 alpha-3)'],
      ['states.csv', 2, 'iso2', 'r', 'expected two capital letters (ISO 3166-1 alpha-2) or blank'],
      ['ccm-participation.csv', 3, 'iso3', 'RUR', 'duplicate of line 2'],
      ['ccm-participation.csv', 4, 'iso3', 'XYZ', 'not a State in states.csv'],
      ['ccm-participation.csv', 5, 'iso3', 'x', 'expected three capital letters (ISO 3166-1 alpha-3)'],
    ]);
    expect(records.map((record) => record.iso3)).toEqual(['RUR']);
    // A code is the whole value: one letter or digit too many is refused, wherever it is.
    expect(states([{ ...STATE, iso3: 'RURX', iso2: 'RUX', m49_code: '9999' }], []).issues.map((issue) => issue.slice(2))).toEqual([
      ['iso3', 'RURX', 'expected three capital letters (ISO 3166-1 alpha-3)'],
      ['iso2', 'RUX', 'expected two capital letters (ISO 3166-1 alpha-2) or blank'],
      ['m49_code', '9999', 'expected three digits (UN M49 numeric code)'],
    ]);
    // A State with no treaty row, reported only when the participation file was read in full.
    expect(states([STATE, { ...STATE, iso3: 'ABC', iso2: 'AB', m49_code: '123' }], [ACTIONS]).issues).toEqual([
      ['states.csv', 3, 'iso3', 'ABC', 'has no row in ccm-participation.csv'],
    ]);
    expect(states([STATE, { ...STATE, iso3: 'ABC', iso2: 'AB', m49_code: '123' }], [ACTIONS], [true, false]).issues).toEqual([]);
    // References to states.csv are checked only when it was read in full.
    expect(states([STATE], [ACTIONS, { ...ACTIONS, iso3: 'XYZ' }], [false, true]).issues).toEqual([]);
  });

  it('checks the treaty actions against each other', () => {
    const issuesOf = (actions: Partial<typeof ACTIONS>) =>
      states([STATE], [{ ...ACTIONS, ...actions }]).issues.map((issue) => issue.slice(2));
    expect(issuesOf({ consent_type: '' })).toEqual([['consent_type', '', 'required when consent_date is given']]);
    expect(issuesOf({ consent_date: '' })).toEqual([['consent_type', 'accession', 'must be blank when consent_date is blank']]);
    expect(issuesOf({ consent_type: 'signature' })).toEqual([
      ['consent_type', 'signature', 'expected one of "ratification", "accession", "acceptance", "approval"'],
    ]);
    expect(issuesOf({ consent_date: '', consent_type: '', withdrawal_date: '2025-03-06' })).toEqual([
      ['withdrawal_date', '2025-03-06', 'a withdrawal needs a consent_date'],
    ]);
    expect(issuesOf({ withdrawal_date: '2010-02-28' })).toEqual([
      ['withdrawal_date', '2010-02-28', 'must not precede consent_date 2010-03-01'],
    ]);
    expect(issuesOf({ withdrawal_date: '2010-03-01' })).toEqual([]);
    expect(issuesOf({ consent_date: '2010-02-30', withdrawal_date: '2010-01-01' })).toEqual([
      ['consent_date', '2010-02-30', 'expected a calendar date as YYYY-MM-DD'],
    ]);
    expect(issuesOf({ withdrawal_date: '2010-13-01' })).toEqual([
      ['withdrawal_date', '2010-13-01', 'expected a calendar date as YYYY-MM-DD'],
    ]);
    expect(issuesOf({ signature_date: '3 Dec 2008', status_as_of: '2026' })).toEqual([
      ['signature_date', '3 Dec 2008', 'expected a calendar date as YYYY-MM-DD'],
      ['status_as_of', '2026', 'expected a calendar date as YYYY-MM-DD'],
    ]);
    expect(states([STATE], [{ ...ACTIONS, withdrawal_date: '2025-03-06' }]).records[0].withdrawalDate).toBe('2025-03-06');
    for (const [type, value] of [
      ['ratification', ConsentType.RATIFICATION],
      ['acceptance', ConsentType.ACCEPTANCE],
      ['approval', ConsentType.APPROVAL],
    ]) {
      expect(states([STATE], [{ ...ACTIONS, consent_type: type }]).records[0].consentType).toBe(value);
    }
  });
});

const RESOLUTION = {
  symbol: 'A/RES/1',
  session: '70',
  adoption_date: '2015-12-07',
  yes: '2',
  no: '1',
  abstain: '0',
  title: 'Implementation',
  source: '',
};
const VOTES = [
  { symbol: 'A/RES/1', iso3: 'AAA', vote: 'Y' },
  { symbol: 'A/RES/1', iso3: 'BBB', vote: 'Y' },
  { symbol: 'A/RES/1', iso3: 'CCC', vote: 'N' },
  { symbol: 'A/RES/1', iso3: 'DDD', vote: 'NV' },
];

function voting(
  resolutions: Record<string, string>[],
  votes: Record<string, string>[],
  complete = [true, true],
  known: Set<string> | null = new Set(['AAA', 'BBB', 'CCC', 'DDD']),
) {
  const log = new IssueLog();
  const result = readVoting(
    table('res.csv', resolutions, complete[0]),
    table('votes.csv', votes, complete[1]),
    known && { file: 'states.csv', keys: known },
    log,
  );
  return { ...result, issues: log.issues.map(({ file, line, column, value, message }) => [file, line, column, value, message]) };
}

describe('the checks of the resolutions and votes', () => {
  it('reads resolutions and votes, counting the non-voting States from the votes', () => {
    const { resolutions, votes, issues } = voting([{ ...RESOLUTION, source: 'https://undocs.org/A/RES/1' }], VOTES);
    expect(issues).toEqual([]);
    expect(resolutions).toEqual([
      {
        symbol: 'A/RES/1',
        session: 70,
        adoptedOn: '2015-12-07',
        title: 'Implementation',
        yes: 2,
        no: 1,
        abstain: 0,
        nonVoting: 1,
        source: 'https://undocs.org/A/RES/1',
      },
    ]);
    expect(votes).toEqual([
      { symbol: 'A/RES/1', iso3: 'AAA', choice: VoteChoice.YES },
      { symbol: 'A/RES/1', iso3: 'BBB', choice: VoteChoice.YES },
      { symbol: 'A/RES/1', iso3: 'CCC', choice: VoteChoice.NO },
      { symbol: 'A/RES/1', iso3: 'DDD', choice: VoteChoice.NON_VOTING },
    ]);
    expect(voting([RESOLUTION], [...VOTES, { symbol: 'A/RES/1', iso3: 'EEE', vote: 'A' }], [true, true], null).issues).toEqual([
      ['res.csv', 2, 'abstain', '0', 'expected 1, the number of ABSTAIN votes on A/RES/1 in votes.csv'],
    ]);
  });

  it('checks each total against the votes, unless a vote was lost to a problem or the votes were not read in full', () => {
    const wrong = { ...RESOLUTION, yes: '3', no: '0', abstain: '1' };
    expect(voting([wrong], VOTES).issues).toEqual([
      ['res.csv', 2, 'yes', '3', 'expected 2, the number of YES votes on A/RES/1 in votes.csv'],
      ['res.csv', 2, 'no', '0', 'expected 1, the number of NO votes on A/RES/1 in votes.csv'],
      ['res.csv', 2, 'abstain', '1', 'expected 0, the number of ABSTAIN votes on A/RES/1 in votes.csv'],
    ]);
    expect(voting([wrong], VOTES, [true, false]).issues).toEqual([]);
    expect(voting([wrong], [...VOTES, { symbol: 'A/RES/1', iso3: 'EEE', vote: 'Y' }]).issues).toEqual([
      ['votes.csv', 6, 'iso3', 'EEE', 'not a State in states.csv'],
    ]);
    // A resolution with no vote at all.
    expect(voting([{ ...RESOLUTION, yes: '0', no: '0' }], []).resolutions[0]).toMatchObject({ yes: 0, no: 0, abstain: 0, nonVoting: 0 });
    expect(voting([{ ...RESOLUTION, yes: '0', no: '1' }], []).issues).toEqual([
      ['res.csv', 2, 'no', '1', 'expected 0, the number of NO votes on A/RES/1 in votes.csv'],
    ]);
  });

  it('checks the fields of a resolution and leaves out one with a problem', () => {
    const { resolutions, issues } = voting(
      [
        { ...RESOLUTION, session: '7x', adoption_date: '2015-02-29', yes: '-1', title: '' },
        { ...RESOLUTION, symbol: '' },
        RESOLUTION,
        { ...RESOLUTION, yes: '1234567890' },
      ],
      [],
      [true, false],
    );
    expect(issues).toEqual([
      ['res.csv', 2, 'session', '7x', 'expected a whole number, 0 or more'],
      ['res.csv', 2, 'adoption_date', '2015-02-29', 'expected a calendar date as YYYY-MM-DD'],
      ['res.csv', 2, 'title', '', 'a value is required'],
      ['res.csv', 2, 'yes', '-1', 'expected a whole number, 0 or more'],
      ['res.csv', 3, 'symbol', '', 'a value is required'],
      ['res.csv', 4, 'symbol', 'A/RES/1', 'duplicate of line 2'],
      ['res.csv', 5, 'yes', '1234567890', 'expected a whole number, 0 or more'],
      ['res.csv', 5, 'symbol', 'A/RES/1', 'duplicate of line 2'],
    ]);
    expect(resolutions).toEqual([]);
    // A repeated symbol leaves the first row as the resolution: its totals are the ones checked.
    expect(voting([{ ...RESOLUTION, yes: '5' }, RESOLUTION], VOTES).issues).toEqual([
      ['res.csv', 3, 'symbol', 'A/RES/1', 'duplicate of line 2'],
      ['res.csv', 2, 'yes', '5', 'expected 2, the number of YES votes on A/RES/1 in votes.csv'],
    ]);
  });

  it('checks each vote: its code, its resolution, its State and that a State votes once on a resolution', () => {
    const { votes, issues } = voting(
      [RESOLUTION],
      [
        VOTES[0],
        { symbol: 'A/RES/1', iso3: 'AAA', vote: 'N' },
        { symbol: 'A/RES/9', iso3: 'BBB', vote: 'Y' },
        { symbol: 'A/RES/1', iso3: 'BBB', vote: 'yes' },
        { symbol: '', iso3: '', vote: 'A' },
      ],
    );
    expect(issues).toEqual([
      ['votes.csv', 3, 'iso3', 'AAA', 'duplicate of line 2'],
      ['votes.csv', 4, 'symbol', 'A/RES/9', 'not a resolution in res.csv'],
      ['votes.csv', 5, 'vote', 'yes', 'expected one of "Y", "N", "A", "NV"'],
      ['votes.csv', 6, 'symbol', '', 'a value is required'],
      ['votes.csv', 6, 'iso3', '', 'a value is required'],
    ]);
    expect(votes).toEqual([{ symbol: 'A/RES/1', iso3: 'AAA', choice: VoteChoice.YES }]);
    // References to the resolutions are checked only when their file was read in full.
    expect(voting([{ ...RESOLUTION, yes: '0', no: '0' }], [{ symbol: 'A/RES/9', iso3: 'BBB', vote: 'Y' }], [false, true]).issues).toEqual(
      [],
    );
    // The same State on two resolutions is no duplicate.
    const two = voting(
      [RESOLUTION, { ...RESOLUTION, symbol: 'A/RES/2', yes: '1', no: '0' }],
      [...VOTES, { symbol: 'A/RES/2', iso3: 'AAA', vote: 'Y' }],
    );
    expect(two.issues).toEqual([]);
    expect(two.resolutions.map((resolution) => [resolution.symbol, resolution.nonVoting])).toEqual([
      ['A/RES/1', 1],
      ['A/RES/2', 0],
    ]);
  });
});

describe('a row of a file', () => {
  it('reads a column it does not have as blank, so that a required one is reported as missing its value', () => {
    const log = new IssueLog();
    const r = new RowReader(log, 'votes.csv', { line: 7, values: { symbol: 'A/RES/1' } });
    expect(r.raw('vote')).toBe('');
    expect(r.text('vote')).toBe('');
    expect([r.ok, log.issues.map(({ line, column, value, message }) => [line, column, value, message])]).toEqual([
      false,
      [[7, 'vote', '', 'a value is required']],
    ]);
  });
});

describe('the report of the problems', () => {
  it('names the file, then the line, column and value it has', () => {
    expect(formatIssue({ file: 'f.csv', line: 3, column: 'iso3', value: 'x', message: 'bad' })).toBe(
      'f.csv, line 3, column iso3, value "x": bad',
    );
    expect(formatIssue({ file: 'f.csv', line: null, column: null, value: null, message: 'missing' })).toBe('f.csv: missing');
    expect(formatIssue({ file: 'f.csv', line: 1, column: null, value: '', message: 'm' })).toBe('f.csv, line 1, value "": m');
  });

  it('throws every problem at once, and nothing without one', () => {
    const log = new IssueLog();
    expect(log.throwIfAny()).toBeUndefined();
    log.add({ file: 'a.csv', line: 2, column: 'c', value: 'v', message: 'one' });
    let error: ImportValidationError | undefined;
    try {
      log.throwIfAny();
    } catch (thrown) {
      error = thrown as ImportValidationError;
    }
    expect([error!.name, error!.message, error!.errors]).toEqual([
      'ImportValidationError',
      'The public data has 1 problem:\na.csv, line 2, column c, value "v": one',
      log.issues,
    ]);
    log.add({ file: 'b.csv', line: null, column: null, value: null, message: 'two' });
    expect(() => log.throwIfAny()).toThrow('The public data has 2 problems:\na.csv, line 2, column c, value "v": one\nb.csv: two');
  });
});
