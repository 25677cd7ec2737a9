/** The activity page's filters, as the page's address, and how an entry is shown and linked. */

export const ACTIVITY_KINDS = [
  'INTERACTION_LOGGED',
  'INTERACTION_UPDATED',
  'STAGE_CHANGED',
  'OBSTACLE_RECORDED',
  'CONTACT_ADDED',
  'CONTACT_POSTING_CHANGED',
  'CONTACTS_MERGED',
  'CAMPAIGN_CREATED',
  'CAMPAIGN_CHANGED',
  'CAMPAIGN_DELETED',
  'LETTER_REPLY_LOGGED',
  'EVENT_RECORDED',
  'EVENT_CHANGED',
  'EVENT_DELETED',
  'MEETING_PLANNED',
  'MEETING_CHANGED',
  'MEETING_DELETED',
  'MANDATE_STARTED',
  'WORK_PLAN_CHANGED',
  'SPREADSHEET_IMPORTED',
] as const;
export type ActivityKindValue = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_REGIONS = [
  'AFRICAN',
  'ASIA_PACIFIC',
  'EASTERN_EUROPEAN',
  'LATIN_AMERICAN_AND_CARIBBEAN',
  'WESTERN_EUROPEAN_AND_OTHERS',
] as const;
export type ActivityRegionValue = (typeof ACTIVITY_REGIONS)[number];

export interface ActivityFilters {
  stateIso3s?: string[];
  regionalGroups?: ActivityRegionValue[];
  kinds?: ActivityKindValue[];
}

const list = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
const only = <T extends string>(values: string[], allowed: readonly T[]) =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

/** The filters the address holds (`?states=KIR,FJI&regions=ASIA_PACIFIC&kinds=INTERACTION_LOGGED`); unknown values are dropped. */
export function filtersFromParams(params: URLSearchParams): ActivityFilters {
  const states = list(params.get('states'))
    .map((s) => s.toUpperCase())
    .filter((s) => /^[A-Z]{3}$/.test(s));
  const regions = only(list(params.get('regions')), ACTIVITY_REGIONS);
  const kinds = only(list(params.get('kinds')), ACTIVITY_KINDS);
  return {
    ...(states.length ? { stateIso3s: states } : {}),
    ...(regions.length ? { regionalGroups: regions } : {}),
    ...(kinds.length ? { kinds } : {}),
  };
}

export function filtersToParams(filters: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.stateIso3s?.length) params.set('states', filters.stateIso3s.join(','));
  if (filters.regionalGroups?.length) params.set('regions', filters.regionalGroups.join(','));
  if (filters.kinds?.length) params.set('kinds', filters.kinds.join(','));
  return params;
}

export interface EntryLike {
  id: string;
  kind: string;
  occurredAt: string;
  states: readonly { iso3: string }[];
  /** The campaign, event, meeting, mandate, stage move or obstacle it is about, while it exists (see subjectId in the API). */
  subjectId?: string | null;
  /** A planned meeting's event, when the reader may see it (see eventId in the API). */
  eventId?: string | null;
}

/** The kinds whose subject has a page of its own, and where. */
const SUBJECT_PAGES: Partial<Record<string, (id: string) => string>> = {
  CAMPAIGN_CREATED: (id) => `/campaigns/${id}`,
  CAMPAIGN_CHANGED: (id) => `/campaigns/${id}`,
  LETTER_REPLY_LOGGED: (id) => `/campaigns/${id}`,
  EVENT_RECORDED: (id) => `/events/${id}`,
  EVENT_CHANGED: (id) => `/events/${id}`,
  MANDATE_STARTED: (id) => `/work-plans/${id}`,
  WORK_PLAN_CHANGED: (id) => `/work-plans/${id}`,
};

/**
 * Where an entry's item is shown: a campaign, event or mandate (work plan) on its own page while it
 * exists, and a planned meeting on its event's page when the reader may see that event; contacts on
 * the contacts page; interactions, stage moves, obstacles, other meetings and deleted items on the
 * page of the (first) State they concern.
 */
export function itemLink(entry: EntryLike): string | null {
  if (entry.kind.startsWith('MEETING') && entry.eventId) return `/events/${entry.eventId}`;
  const page = entry.subjectId ? SUBJECT_PAGES[entry.kind] : undefined;
  if (page && entry.subjectId) return page(entry.subjectId);
  if (entry.kind.startsWith('CONTACT')) return '/contacts';
  const first = entry.states[0];
  return first ? `/states/${first.iso3}` : null;
}

/** Whether the entry happened after the last reading of the feed (everything is new before the first one). */
export function isUnread(entry: { occurredAt: string }, readAt: string | null | undefined): boolean {
  return !readAt || Date.parse(entry.occurredAt) > Date.parse(readAt);
}

/** Newest first, without duplicates: entries received live, then the pages read. */
export function mergeEntries<T extends EntryLike>(live: readonly T[], loaded: readonly T[]): T[] {
  const seen = new Set<string>();
  const merged: T[] = [];
  for (const entry of [...live, ...loaded]) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    merged.push(entry);
  }
  return merged.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || (a.id < b.id ? 1 : -1));
}

/** The newest moment among the entries (what the reader has been shown). */
export function newestAt(entries: readonly { occurredAt: string }[]): string | undefined {
  let newest: string | undefined;
  for (const e of entries) if (!newest || Date.parse(e.occurredAt) > Date.parse(newest)) newest = e.occurredAt;
  return newest;
}
