/**
 * The targets page's filters ↔ its URL's query string, so that a list can be shared as a link.
 * The parameters are the fields of `TargetFilter` and `orderBy`, named as in the API (and as
 * `/exports/targets.csv` reads them): lists comma-separated, numbers and booleans as text.
 * Anything unknown or invalid in a URL is dropped, never sent to the service.
 */

export const REGIONAL_GROUPS = [
  'AFRICAN',
  'ASIA_PACIFIC',
  'EASTERN_EUROPEAN',
  'LATIN_AMERICAN_AND_CARIBBEAN',
  'WESTERN_EUROPEAN_AND_OTHERS',
] as const;
export const TREATY_STATUSES = ['STATE_PARTY', 'DEPOSITED', 'SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN'] as const;
export const STAGES = ['NOT_ENGAGED', 'ENGAGED', 'SUPPORTIVE', 'DOMESTIC_PROCESS', 'APPROVED', 'DEPOSITED', 'JOINED', 'DECLINED'] as const;
export const VOTE_CHOICES = ['YES', 'NO', 'ABSTAIN', 'NON_VOTING'] as const;
export const TARGET_ORDERS = ['SCORE', 'NAME', 'STAGE', 'LAST_CONTACT'] as const;

export type RegionalGroupValue = (typeof REGIONAL_GROUPS)[number];
export type TreatyStatusValue = (typeof TREATY_STATUSES)[number];
export type StageValue = (typeof STAGES)[number];
export type VoteChoiceValue = (typeof VOTE_CHOICES)[number];
export type TargetOrderValue = (typeof TARGET_ORDERS)[number];

/** The page's filters: `TargetFilter` as the API takes it (empty fields left out). */
export interface TargetFilters {
  regionalGroups?: RegionalGroupValue[];
  subregions?: string[];
  treatyStatuses?: TreatyStatusValue[];
  stages?: StageValue[];
  votedOn?: string;
  votes?: VoteChoiceValue[];
  minYesShare?: number;
  notContactedForDays?: number;
  hasOpenObstacles?: boolean;
  search?: string;
  groupingIds?: string[];
}

export interface TargetQuery {
  filter: TargetFilters;
  orderBy: TargetOrderValue;
}

const ENUM_LISTS = {
  regionalGroups: REGIONAL_GROUPS,
  treatyStatuses: TREATY_STATUSES,
  stages: STAGES,
  votes: VOTE_CHOICES,
} as const;
const TEXT_LISTS = ['subregions', 'groupingIds'] as const;

/** The order parameters are written in, so that the same filters always make the same URL. */
const ORDER: (keyof TargetFilters | 'orderBy')[] = [
  'search',
  'regionalGroups',
  'subregions',
  'treatyStatuses',
  'stages',
  'votedOn',
  'votes',
  'minYesShare',
  'notContactedForDays',
  'hasOpenObstacles',
  'groupingIds',
  'orderBy',
];

const list = (value: string | null) =>
  value === null
    ? []
    : [
        ...new Set(
          value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        ),
      ];

/** The filters a query string ("?regionalGroups=ASIA_PACIFIC&votes=YES") describes. */
export function filtersFromSearch(search: string | URLSearchParams): TargetQuery {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filter: TargetFilters = {};
  for (const [name, allowed] of Object.entries(ENUM_LISTS)) {
    const values = list(params.get(name)).filter((value) => (allowed as readonly string[]).includes(value));
    if (values.length) (filter as Record<string, unknown>)[name] = values;
  }
  for (const name of TEXT_LISTS) {
    const values = list(params.get(name));
    if (values.length) filter[name] = values;
  }
  const search_ = params.get('search')?.trim();
  if (search_) filter.search = search_;
  const votedOn = params.get('votedOn')?.trim();
  if (votedOn) filter.votedOn = votedOn;
  const share = params.get('minYesShare');
  if (share !== null && share.trim() !== '') {
    const value = Number(share);
    if (Number.isFinite(value) && value >= 0 && value <= 1) filter.minYesShare = value;
  }
  const days = params.get('notContactedForDays');
  if (days !== null && /^\d+$/.test(days.trim())) filter.notContactedForDays = Number(days);
  const obstacles = params.get('hasOpenObstacles');
  if (obstacles === 'true') filter.hasOpenObstacles = true;
  else if (obstacles === 'false') filter.hasOpenObstacles = false;
  const order = params.get('orderBy');
  const orderBy = (TARGET_ORDERS as readonly string[]).includes(order ?? '') ? (order as TargetOrderValue) : 'SCORE';
  return { filter: normalizeFilters(filter), orderBy };
}

/** The filters without their empty fields (empty lists, blank text, undefined). */
export function normalizeFilters(filter: TargetFilters): TargetFilters {
  const result: TargetFilters = {};
  for (const [name, value] of Object.entries(filter) as [keyof TargetFilters, unknown][]) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length) (result as Record<string, unknown>)[name] = [...(value as unknown[])];
    } else if (typeof value === 'string') {
      if (value.trim()) (result as Record<string, unknown>)[name] = value.trim();
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) (result as Record<string, unknown>)[name] = value;
    } else {
      (result as Record<string, unknown>)[name] = value;
    }
  }
  return result;
}

/** The query string of the filters (without "?"); "" for no filter and the default order. */
export function searchFromFilters({ filter, orderBy }: TargetQuery): string {
  const clean = normalizeFilters(filter) as Record<string, string | number | boolean | string[] | undefined>;
  const params = new URLSearchParams();
  for (const name of ORDER) {
    if (name === 'orderBy') {
      if (orderBy !== 'SCORE') params.set('orderBy', orderBy);
      continue;
    }
    const value = clean[name];
    if (value === undefined) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/** The URL of `/exports/targets.csv` for the same list (it reads the same parameters). */
export function exportUrl(query: TargetQuery): string {
  const search = searchFromFilters(query);
  return `/exports/targets.csv${search ? `?${search}` : ''}`;
}
