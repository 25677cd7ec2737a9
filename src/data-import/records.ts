import type { ConsentType, RegionalGroup, VoteChoice } from '../common/enums.js';

/** A row of states.csv joined with its row of ccm-participation.csv. */
export interface StateRecord {
  iso3: string;
  iso2: string | null;
  name: string;
  unMember: boolean;
  regionalGroup: RegionalGroup | null;
  m49Region: string | null;
  subregion: string | null;
  /** The UN M49 numeric code, three digits ("296" for Kiribati); the same as ISO 3166-1 numeric. */
  m49Code: string;
  /** The M49 intermediate region (Caribbean, Eastern Africa, ...), where M49 has one. */
  intermediateRegion: string | null;
  /** The UN language (en, fr or es) the State usually writes in: the language of its letters when its contacts name none. */
  unLanguage: string;
  signatureDate: string | null;
  consentDate: string | null;
  consentType: ConsentType | null;
  withdrawalDate: string | null;
  statusAsOf: string | null;
}

export interface ResolutionRecord {
  symbol: string;
  session: number;
  adoptedOn: string;
  title: string;
  yes: number;
  no: number;
  abstain: number;
  nonVoting: number;
  source: string | null;
}

export interface VoteRecord {
  symbol: string;
  iso3: string;
  choice: VoteChoice;
}

/** The four public-data files, checked, with a checksum of their bytes. */
export interface PublicData {
  states: StateRecord[];
  resolutions: ResolutionRecord[];
  votes: VoteRecord[];
  checksum: string;
}
