import { isIsoDate } from '../common/dates.js';
import { ConsentType, RegionalGroup } from '../common/enums.js';
import type { CsvTable } from './csv-table.js';
import type { IssueLog } from './import-validation-error.js';
import type { StateRecord } from './records.js';
import { RowReader } from './row-reader.js';

export const STATE_COLUMNS = [
  'iso3',
  'iso2',
  'name',
  'un_member',
  'un_regional_group',
  'm49_region',
  'm49_subregion',
  'm49_code',
  'm49_intermediate_region',
  'un_language',
];
export const PARTICIPATION_COLUMNS = ['iso3', 'signature_date', 'consent_date', 'consent_type', 'withdrawal_date', 'status_as_of'];

const ISO3 = /^[A-Z]{3}$/;
const ISO3_EXPECTED = 'three capital letters (ISO 3166-1 alpha-3)';
const ISO2 = /^[A-Z]{2}$/;
const BOOLEANS = { true: true, false: false };
const REGIONAL_GROUPS = {
  African: RegionalGroup.AFRICAN,
  'Asia-Pacific': RegionalGroup.ASIA_PACIFIC,
  'Eastern European': RegionalGroup.EASTERN_EUROPEAN,
  'Latin American and Caribbean': RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN,
  'Western European and Others': RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
};
/** The M49 intermediate regions (level 3), which divide Sub-Saharan Africa and Latin America and the Caribbean. */
export const INTERMEDIATE_REGIONS = {
  Caribbean: 'Latin America and the Caribbean',
  'Central America': 'Latin America and the Caribbean',
  'South America': 'Latin America and the Caribbean',
  'Eastern Africa': 'Sub-Saharan Africa',
  'Middle Africa': 'Sub-Saharan Africa',
  'Southern Africa': 'Sub-Saharan Africa',
  'Western Africa': 'Sub-Saharan Africa',
} as const;
const M49_CODE = /^\d{3}$/;
/** The languages of letters: the UN's English, French and Spanish. */
const UN_LANGUAGES = { en: 'en', fr: 'fr', es: 'es' };
const intermediateRegionNames = Object.fromEntries(Object.keys(INTERMEDIATE_REGIONS).map((name) => [name, name]));
const CONSENT_TYPES = {
  ratification: ConsentType.RATIFICATION,
  accession: ConsentType.ACCESSION,
  acceptance: ConsentType.ACCEPTANCE,
  approval: ConsentType.APPROVAL,
};

type TreatyField = 'signatureDate' | 'consentDate' | 'consentType' | 'withdrawalDate' | 'statusAsOf';
type TreatyRecord = Pick<StateRecord, TreatyField>;
type CountryRecord = Omit<StateRecord, keyof TreatyRecord>;

/** A row of states.csv; `record` is null when the row has a problem. */
interface Country {
  line: number;
  record: CountryRecord | null;
}

function readCountries(table: CsvTable, log: IssueLog): Map<string, Country> {
  const countries = new Map<string, Country>();
  const iso3Lines = new Map<string, number>();
  const iso2Lines = new Map<string, number>();
  const m49Lines = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(log, table.file, row);
    const record: CountryRecord = {
      iso3: r.match('iso3', ISO3, ISO3_EXPECTED),
      iso2: r.optionalMatch('iso2', ISO2, 'two capital letters (ISO 3166-1 alpha-2) or blank'),
      name: r.text('name'),
      unMember: r.oneOf('un_member', BOOLEANS),
      regionalGroup: r.optionalOneOf('un_regional_group', REGIONAL_GROUPS),
      m49Region: r.optionalText('m49_region'),
      subregion: r.optionalText('m49_subregion'),
      m49Code: r.match('m49_code', M49_CODE, 'three digits (UN M49 numeric code)'),
      intermediateRegion: r.optionalOneOf('m49_intermediate_region', intermediateRegionNames),
      unLanguage: r.oneOf('un_language', UN_LANGUAGES),
    };
    const first = r.unique('iso3', iso3Lines);
    if (record.iso2 !== null) r.unique('iso2', iso2Lines);
    if (M49_CODE.test(record.m49Code)) r.unique('m49_code', m49Lines);
    const parent = record.intermediateRegion && INTERMEDIATE_REGIONS[record.intermediateRegion as keyof typeof INTERMEDIATE_REGIONS];
    if (parent && record.subregion !== null && parent !== record.subregion) {
      r.fail('m49_intermediate_region', `is part of ${parent}, not of ${record.subregion}`);
    }
    if (first && ISO3.test(record.iso3)) countries.set(record.iso3, { line: row.line, record: r.ok ? record : null });
  }
  return countries;
}

function readTreatyActions(r: RowReader): TreatyRecord {
  const consentDate = r.optionalDate('consent_date');
  const withdrawalDate = r.optionalDate('withdrawal_date');
  const hasConsentType = r.raw('consent_type') !== '';
  if (consentDate !== null && !hasConsentType) r.fail('consent_type', 'required when consent_date is given');
  if (consentDate === null && hasConsentType) r.fail('consent_type', 'must be blank when consent_date is blank');
  if (withdrawalDate !== null) {
    if (consentDate === null) r.fail('withdrawal_date', 'a withdrawal needs a consent_date');
    else if (isIsoDate(consentDate) && isIsoDate(withdrawalDate) && withdrawalDate < consentDate) {
      r.fail('withdrawal_date', `must not precede consent_date ${consentDate}`);
    }
  }
  return {
    signatureDate: r.optionalDate('signature_date'),
    consentDate,
    consentType: r.optionalOneOf('consent_type', CONSENT_TYPES),
    withdrawalDate,
    statusAsOf: r.optionalDate('status_as_of'),
  };
}

/**
 * Checks states.csv and ccm-participation.csv and joins them by iso3. `codes` holds every
 * well-formed iso3 of states.csv, for checking references to it.
 */
export function readStates(states: CsvTable, participation: CsvTable, log: IssueLog) {
  const countries = readCountries(states, log);
  const actions = new Map<string, TreatyRecord | null>();
  const lines = new Map<string, number>();
  for (const row of participation.rows) {
    const r = new RowReader(log, participation.file, row);
    const iso3 = r.match('iso3', ISO3, ISO3_EXPECTED);
    const first = r.unique('iso3', lines);
    if (first && states.complete && ISO3.test(iso3) && !countries.has(iso3)) {
      r.fail('iso3', `not a State in ${states.file}`);
    }
    const record = readTreatyActions(r);
    if (first) actions.set(iso3, r.ok ? record : null);
  }

  const records: StateRecord[] = [];
  for (const [iso3, country] of countries) {
    const treaty = actions.get(iso3);
    if (participation.complete && treaty === undefined) {
      const message = `has no row in ${participation.file}`;
      log.add({ file: states.file, line: country.line, column: 'iso3', value: iso3, message });
    }
    if (country.record && treaty) records.push({ ...country.record, ...treaty });
  }
  return { records, codes: new Set(countries.keys()) };
}
