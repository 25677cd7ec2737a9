import { ConsentType, RegionalGroup, VoteChoice } from '../../src/common/enums.js';
import { ImportValidationError, type ImportIssue } from '../../src/data-import/import-validation-error.js';
import { loadPublicData } from '../../src/data-import/public-data.js';
import { DATA_DIR, DataCopy } from '../support/data-files.js';

const STATES = 'states.csv';
const PARTICIPATION = 'ccm-participation.csv';
const RESOLUTIONS = 'unga-ccm-resolutions.csv';
const VOTES = 'unga-ccm-votes.csv';

async function issuesOf(copy: DataCopy): Promise<ImportIssue[]> {
  try {
    await loadPublicData(copy.dir);
  } catch (error) {
    if (error instanceof ImportValidationError) return error.errors;
    throw error;
  }
  throw new Error('expected an ImportValidationError');
}

describe('loadPublicData', () => {
  let copy: DataCopy;

  beforeEach(() => {
    copy = new DataCopy();
  });

  afterEach(() => copy.dispose());

  it('reads the public data', async () => {
    const data = await loadPublicData(DATA_DIR);
    expect(data.states).toHaveLength(197);
    expect(data.resolutions).toHaveLength(10);
    expect(data.votes).toHaveLength(1930);
    expect(data.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(data.states.find((state) => state.iso3 === 'LTU')).toEqual({
      iso3: 'LTU',
      iso2: 'LT',
      name: 'Lithuania',
      unMember: true,
      regionalGroup: RegionalGroup.EASTERN_EUROPEAN,
      m49Region: 'Europe',
      subregion: 'Northern Europe',
      m49Code: '440',
      intermediateRegion: null,
      unLanguage: 'en',
      signatureDate: '2008-12-03',
      consentDate: '2011-03-24',
      consentType: ConsentType.RATIFICATION,
      withdrawalDate: '2025-03-06',
      statusAsOf: '2026-02-03',
    });
    expect(data.states.find((state) => state.iso3 === 'VAT')).toMatchObject({ unMember: false, regionalGroup: null });
    expect(data.states.find((state) => state.iso3 === 'KIR')).toMatchObject({ m49Code: '296', intermediateRegion: null });
    expect(data.states.find((state) => state.iso3 === 'MEX')).toMatchObject({
      m49Code: '484',
      intermediateRegion: 'Central America',
      unLanguage: 'es',
    });
    expect(data.states.find((state) => state.iso3 === 'HTI')).toMatchObject({ unLanguage: 'fr' });
    const byLanguage = new Map<string, number>();
    for (const state of data.states) byLanguage.set(state.unLanguage, (byLanguage.get(state.unLanguage) ?? 0) + 1);
    expect(Object.fromEntries(byLanguage)).toEqual({ en: 153, fr: 24, es: 20 });
    const byIntermediateRegion = new Map<string, number>();
    for (const state of data.states) {
      if (state.intermediateRegion)
        byIntermediateRegion.set(state.intermediateRegion, (byIntermediateRegion.get(state.intermediateRegion) ?? 0) + 1);
    }
    expect(Object.fromEntries(byIntermediateRegion)).toEqual({
      Caribbean: 13,
      'Central America': 8,
      'South America': 12,
      'Eastern Africa': 18,
      'Middle Africa': 9,
      'Southern Africa': 5,
      'Western Africa': 16,
    });
    expect(data.resolutions.find((r) => r.symbol === 'A/RES/79/58')).toMatchObject({
      session: 79,
      adoptedOn: '2024-12-02',
      yes: 121,
      no: 1,
      abstain: 33,
      nonVoting: 38,
    });
    expect(data.votes[0]).toEqual({ symbol: 'A/RES/70/54', iso3: 'AFG', choice: VoteChoice.YES });
  });

  it('gives the same checksum for the same bytes and another for any change', async () => {
    const original = await loadPublicData(DATA_DIR);
    expect((await loadPublicData(copy.dir)).checksum).toBe(original.checksum);
    copy.replaceLine(STATES, 'AFG,', (line) => line.replace('Afghanistan', 'Afghanistan '));
    const trimmed = await loadPublicData(copy.dir);
    expect(trimmed.states.find((state) => state.iso3 === 'AFG')?.name).toBe('Afghanistan');
    expect(trimmed.checksum).not.toBe(original.checksum);
  });

  it('reports every problem in every file at once, with file, line, column and value', async () => {
    copy
      .replaceLine(STATES, 'ALB,', (line) => line.replace(',true,', ',yes,'))
      .replaceLine(STATES, 'DZA,', (line) => line.replace('African', 'Africa'))
      .replaceLine(PARTICIPATION, 'AFG,', (line) => line.replace('2011-09-08', '2025-02-30'))
      .replaceLine(RESOLUTIONS, 'A/RES/71/45', (line) => line.replace(',71,', ',seventy-one,'))
      .replaceLine(VOTES, 'A/RES/70/54,AGO', (line) => line.replace(',NV', ',X'));
    const issues = await issuesOf(copy);
    expect(issues).toEqual([
      { file: STATES, line: 3, column: 'un_member', value: 'yes', message: 'expected one of "true", "false"' },
      expect.objectContaining({ file: STATES, line: 4, column: 'un_regional_group', value: 'Africa' }),
      expect.objectContaining({ file: PARTICIPATION, line: 2, column: 'consent_date', value: '2025-02-30' }),
      expect.objectContaining({ file: RESOLUTIONS, line: 3, column: 'session', value: 'seventy-one' }),
      expect.objectContaining({ file: VOTES, line: 3, column: 'vote', value: 'X' }),
    ]);
  });

  it("requires every column of each file's header, naming the missing one", async () => {
    copy
      .edit(PARTICIPATION, (lines) => [lines[0].replace('status_as_of', 'status'), ...lines.slice(1)])
      .edit(RESOLUTIONS, (lines) => [lines[0].replace('adoption_date', 'adopted'), ...lines.slice(1)])
      .edit(VOTES, (lines) => [lines[0].replace('vote', 'ballot'), ...lines.slice(1)]);
    const issues = (await issuesOf(copy)).map(({ file, line, column, value, message }) => [
      file,
      line,
      column,
      value,
      message.replace(/ \(.*/, ''),
    ]);
    expect(issues).toEqual([
      [PARTICIPATION, 1, 'status_as_of', null, 'required column is missing'],
      [RESOLUTIONS, 1, 'adoption_date', null, 'required column is missing'],
      [VOTES, 1, 'vote', null, 'required column is missing'],
    ]);
  });

  it('checks codes, duplicates and references between the files', async () => {
    copy
      .replaceLine(STATES, 'AND,', (line) => line.replace('AND,AD', 'and,AD'))
      .replaceLine(STATES, 'AGO,', (line) => line.replace(',AO,', ',AL,'))
      .edit(PARTICIPATION, (lines) => [...lines, lines[1]])
      .replaceLine(PARTICIPATION, 'DZA,', (line) => line.replace('DZA', 'XXX'))
      .edit(VOTES, (lines) => [...lines, lines[1], 'A/RES/99/1,AFG,Y', 'A/RES/70/54,ZZZ,Y']);
    const places = (await issuesOf(copy)).map(({ file, line, column, value }) => [file, line, column, value]);
    expect(places).toEqual(
      expect.arrayContaining([
        [STATES, copy.lineOf(STATES, 'and,'), 'iso3', 'and'],
        [STATES, copy.lineOf(STATES, 'AGO,'), 'iso2', 'AL'],
        [PARTICIPATION, 199, 'iso3', 'AFG'],
        [PARTICIPATION, copy.lineOf(PARTICIPATION, 'XXX,'), 'iso3', 'XXX'],
        [STATES, copy.lineOf(STATES, 'DZA,'), 'iso3', 'DZA'],
        [VOTES, 1932, 'iso3', 'AFG'],
        [VOTES, 1933, 'symbol', 'A/RES/99/1'],
        [VOTES, 1934, 'iso3', 'ZZZ'],
      ]),
    );
  });

  it('checks the M49 code and intermediate region of each State', async () => {
    copy
      .replaceLine(STATES, 'AFG,', (line) => line.replace(',004,', ',4,'))
      .replaceLine(STATES, 'ALB,', (line) => line.replace(',008,', ',012,'))
      .replaceLine(STATES, 'AGO,', (line) => line.replace('Middle Africa', 'Central Africa'))
      .replaceLine(STATES, 'ARG,', (line) => line.replace('South America', 'Eastern Africa'));
    const places = (await issuesOf(copy)).map(({ file, line, column, value, message }) => [file, line, column, value, message]);
    expect(places).toEqual(
      [
        [STATES, copy.lineOf(STATES, 'AFG,'), 'm49_code', '4', 'expected three digits (UN M49 numeric code)'],
        [STATES, copy.lineOf(STATES, 'AGO,'), 'm49_intermediate_region', 'Central Africa', expect.stringContaining('expected one of')],
        [STATES, copy.lineOf(STATES, 'DZA,'), 'm49_code', '012', expect.stringContaining('line 3')],
        [
          STATES,
          copy.lineOf(STATES, 'ARG,'),
          'm49_intermediate_region',
          'Eastern Africa',
          'is part of Sub-Saharan Africa, not of Latin America and the Caribbean',
        ],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
  });

  it("checks each State's usual UN language", async () => {
    copy
      .replaceLine(STATES, 'AFG,', (line) => line.replace(/,en$/, ',de'))
      .replaceLine(STATES, 'ALB,', (line) => line.replace(/,en$/, ','));
    const places = (await issuesOf(copy)).map(({ file, line, column, value }) => [file, line, column, value]);
    expect(places).toEqual([
      [STATES, copy.lineOf(STATES, 'AFG,'), 'un_language', 'de'],
      [STATES, copy.lineOf(STATES, 'ALB,'), 'un_language', ''],
    ]);
  });

  it('requires consent_type exactly when consent_date is given', async () => {
    copy
      .replaceLine(PARTICIPATION, 'AFG,', (line) => line.replace(',ratification,', ',,'))
      .replaceLine(PARTICIPATION, 'DZA,', (line) => line.replace('DZA,,,,', 'DZA,,,accession,'))
      .replaceLine(PARTICIPATION, 'AND,', (line) => line.replace(',accession,', ',signature,'));
    const issues = await issuesOf(copy);
    expect(issues.map(({ line, column, message }) => [line, column, message])).toEqual([
      [2, 'consent_type', 'required when consent_date is given'],
      [4, 'consent_type', 'must be blank when consent_date is blank'],
      [5, 'consent_type', 'expected one of "ratification", "accession", "acceptance", "approval"'],
    ]);
  });

  it('reports a resolution whose totals differ from its votes, on the resolution line', async () => {
    copy.replaceLine(RESOLUTIONS, 'A/RES/75/62', (line) => line.replace(',147,0,38,', ',146,0,38,'));
    const [issue, ...others] = await issuesOf(copy);
    expect(others).toEqual([]);
    expect(issue).toEqual({
      file: RESOLUTIONS,
      line: 7,
      column: 'yes',
      value: '146',
      message: `expected 147, the number of YES votes on A/RES/75/62 in ${VOTES}`,
    });
  });

  it('reports missing columns and malformed records', async () => {
    copy
      .edit(STATES, ([header, ...rows]) => [header.replace('un_member', 'member'), ...rows])
      .replaceLine(VOTES, 'A/RES/70/54,AFG', (line) => `${line},extra`);
    expect(await issuesOf(copy)).toEqual([
      expect.objectContaining({ file: STATES, line: 1, column: 'un_member', value: null }),
      expect.objectContaining({ file: VOTES, line: 2, column: null, value: null }),
    ]);
  });

  it('reports an empty file and a missing one together', async () => {
    copy.edit(VOTES, () => []).remove(RESOLUTIONS);
    expect(await issuesOf(copy)).toEqual([
      { file: RESOLUTIONS, line: null, column: null, value: null, message: `file not found in ${copy.dir}` },
      expect.objectContaining({ file: VOTES, line: 1, message: expect.stringContaining('file is empty') }),
    ]);
  });

  it('formats a readable message, one problem a line', async () => {
    copy.replaceLine(PARTICIPATION, 'AFG,', (line) => line.replace('2011-09-08', '2025-02-30'));
    await expect(loadPublicData(copy.dir)).rejects.toThrow(
      [
        'The public data has 1 problem:',
        'ccm-participation.csv, line 2, column consent_date, value "2025-02-30": ' + 'expected a calendar date as YYYY-MM-DD',
      ].join('\n'),
    );
  });
});
