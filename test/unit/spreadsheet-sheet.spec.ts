import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseDate, interactionType, visibility } from '../../src/spreadsheet-import/labels.js';
import { normalizeName, splitList } from '../../src/spreadsheet-import/names.js';
import { detectDelimiter, readSheet } from '../../src/spreadsheet-import/sheet.js';
import { INTERACTION_SHEET_COLUMNS } from '../../src/spreadsheet-import/spreadsheet-import.service.js';
import { STATE_NAMES_FILE, StateNames } from '../../src/spreadsheet-import/state-names.js';

const STATES: { iso3: string; name: string }[] = parse(readFileSync(join(process.cwd(), 'data/states.csv')), { columns: true });
const REQUIRED = ['date', 'type', 'states', 'subject'];

describe('State names', () => {
  const load = () => StateNames.load({ query: () => Promise.resolve(STATES.map(({ iso3, name }) => ({ iso3, name })) as any) });

  it('name only States of states.csv, and no name means two States', async () => {
    const aliases: { name: string; iso3: string }[] = parse(readFileSync(STATE_NAMES_FILE), { columns: true });
    const known = new Set(STATES.map((s) => s.iso3));
    expect(aliases.filter((alias) => !known.has(alias.iso3))).toEqual([]);
    const names = await load(); // throws on a name that means two States
    for (const alias of aliases) expect([alias.name, names.resolve(alias.name)]).toEqual([alias.name, alias.iso3]);
  });

  it('finds States by ISO3 code, UN name and other names, ignoring case, accents and punctuation', async () => {
    const names = await load();
    const cases: [string, string | null][] = [
      ['swz', 'SWZ'],
      ['Swaziland', 'SWZ'],
      ['ESWATINI', 'SWZ'],
      ['Czech Republic', 'CZE'],
      ['Turkey', 'TUR'],
      ['Turkiye', 'TUR'],
      ['Türkiye', 'TUR'],
      ["Cote d'Ivoire", 'CIV'],
      ['Côte d’Ivoire', 'CIV'],
      ['Ivory Coast', 'CIV'],
      ['cape verde', 'CPV'],
      ['Burma', 'MMR'],
      ['The former Yugoslav Republic of Macedonia', 'MKD'],
      ['Holy See', 'VAT'],
      ['Bolivia (Plurinational State of)', 'BOL'],
      ["Lao People's Democratic Republic", 'LAO'],
      ['Korea, Republic of', 'KOR'],
      ['Korea', null],
      ['Atlantis', null],
    ];
    for (const [name, iso3] of cases) expect([name, names.resolve(name)]).toEqual([name, iso3]);
  });
});

describe('spreadsheet cells', () => {
  it('normalizes names and splits lists', () => {
    expect(normalizeName('  Côte d’Ivoire ')).toBe('cote divoire');
    expect(normalizeName('Trinidad & Tobago')).toBe('trinidad and tobago');
    expect(splitList(' Tuvalu;Tonga ; ;Tuvalu ')).toEqual(['Tuvalu', 'Tonga']);
  });

  it('reads ISO and day-first dates that exist, and nothing else', () => {
    expect(['2026-01-12', '12/01/2026', '1/2/2026', '29/02/2024'].map(parseDate)).toEqual([
      '2026-01-12',
      '2026-01-12',
      '2026-02-01',
      '2024-02-29',
    ]);
    expect(['2026-02-30', '31/04/2026', '01/13/2026', '2026/01/12', 'January 12, 2026', '12.01.2026'].map(parseDate)).toEqual(
      Array(6).fill(null),
    );
  });

  it('reads friendly labels and enum names', () => {
    expect(
      ['Letter', 'bilateral meeting', 'BILATERAL_MEETING', 'Démarche', 'demarche', 'E-mail', 'Side event', 'Fax'].map(interactionType),
    ).toEqual(['LETTER', 'BILATERAL_MEETING', 'BILATERAL_MEETING', 'DEMARCHE', 'DEMARCHE', 'EMAIL', 'EVENT_MEETING', null]);
    expect(['shared', 'Coordinators', 'ORGANIZATION', 'public'].map(visibility)).toEqual(['SHARED', 'COORDINATORS', 'ORGANIZATION', null]);
  });
});

describe('readSheet', () => {
  it('detects the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3')).toBe(';');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('a,b\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
  });

  it('reads an Excel export: BOM, semicolons, CRLF, header names in any case, quoted lists', () => {
    const text =
      '\uFEFFDate;TYPE;States;Subject;Follow-up Date;My own column\r\n10/03/2026;Workshop;"Tuvalu; Tonga";Pacific workshop;;x\r\n;;;;;\r\n\r\n';
    const sheet = readSheet('interactions.csv', Buffer.from(text), INTERACTION_SHEET_COLUMNS, REQUIRED);
    expect(sheet).toMatchObject({ delimiter: ';', errors: [], broken: [], ignoredColumns: ['My own column'] });
    expect(sheet.rows).toEqual([
      {
        line: 2,
        values: { date: '10/03/2026', type: 'Workshop', states: 'Tuvalu; Tonga', subject: 'Pacific workshop', follow_up: '', '#5': 'x' },
      },
    ]);
  });

  it('reports a missing column, a column named twice, and a file that is not UTF-8', () => {
    expect(readSheet('i.csv', Buffer.from('date,type,subject\n'), INTERACTION_SHEET_COLUMNS, REQUIRED).errors).toEqual([
      'the header must name the column(s) "states"',
    ]);
    expect(readSheet('i.csv', Buffer.from('date,type,states,state,subject\n'), INTERACTION_SHEET_COLUMNS, REQUIRED).errors).toEqual([
      'two header cells mean the column "states" (the second is "state")',
    ]);
    expect(
      readSheet(
        'i.csv',
        Buffer.from('date,type,states,subject\n2026-01-01,D\xe9marche,TUV,x\n', 'latin1'),
        INTERACTION_SHEET_COLUMNS,
        REQUIRED,
      ).errors,
    ).toEqual(['the file is not UTF-8 text: save it as "CSV UTF-8"']);
    expect(readSheet('i.csv', Buffer.from(''), INTERACTION_SHEET_COLUMNS, REQUIRED).errors).toEqual([
      'the file is empty: the first line must be a header',
    ]);
  });

  it('reports a record with a wrong number of fields, and reads the others', () => {
    const sheet = readSheet(
      'i.csv',
      Buffer.from('date,type,states,subject\n2026-01-01,Letter,TUV,a\n2026-01-02,Letter,TUV\n2026-01-03,Letter,TON,c\n'),
      INTERACTION_SHEET_COLUMNS,
      REQUIRED,
    );
    expect(sheet.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(sheet.broken).toEqual([{ line: 3, message: expect.stringContaining('Invalid Record Length') }]);
  });
});
