import { InteractionType, Posting, Visibility } from '../common/enums.js';
import { isIsoDate } from '../common/dates.js';
import { normalizeName } from './names.js';

/** Words a coordinator's sheet uses, besides the enum names themselves (compared as normalizeName). */
const TYPE_LABELS: Record<string, InteractionType> = {
  letter: InteractionType.LETTER,
  'bilateral meeting': InteractionType.BILATERAL_MEETING,
  bilateral: InteractionType.BILATERAL_MEETING,
  meeting: InteractionType.BILATERAL_MEETING,
  'phone call': InteractionType.PHONE_CALL,
  call: InteractionType.PHONE_CALL,
  phone: InteractionType.PHONE_CALL,
  'telephone call': InteractionType.PHONE_CALL,
  email: InteractionType.EMAIL,
  'e mail': InteractionType.EMAIL,
  demarche: InteractionType.DEMARCHE,
  workshop: InteractionType.WORKSHOP,
  seminar: InteractionType.WORKSHOP,
  'meeting at an event': InteractionType.EVENT_MEETING,
  'event meeting': InteractionType.EVENT_MEETING,
  'side event': InteractionType.EVENT_MEETING,
  event: InteractionType.EVENT_MEETING,
  other: InteractionType.OTHER,
};

const VISIBILITY_LABELS: Record<string, Visibility> = {
  'own organization': Visibility.ORGANIZATION,
  'my organization': Visibility.ORGANIZATION,
  organisation: Visibility.ORGANIZATION,
  internal: Visibility.ORGANIZATION,
  private: Visibility.ORGANIZATION,
  'all coordinators': Visibility.COORDINATORS,
  shared: Visibility.SHARED,
  partners: Visibility.SHARED,
  'shared with partners': Visibility.SHARED,
};

const POSTING_LABELS: Record<string, Posting> = {
  geneva: Posting.GENEVA_MISSION,
  'geneva mission': Posting.GENEVA_MISSION,
  'permanent mission in geneva': Posting.GENEVA_MISSION,
  'new york': Posting.NEW_YORK_MISSION,
  'new york mission': Posting.NEW_YORK_MISSION,
  'permanent mission in new york': Posting.NEW_YORK_MISSION,
  ny: Posting.NEW_YORK_MISSION,
  embassy: Posting.OTHER_MISSION,
  'other mission': Posting.OTHER_MISSION,
};

function lookup<T extends string>(values: Record<string, T>, labels: Record<string, T>): (cell: string) => T | null {
  const table = new Map<string, T>(Object.entries(labels));
  for (const value of Object.values(values)) table.set(normalizeName(value), value);
  return (cell) => table.get(normalizeName(cell)) ?? null;
}

export const interactionType = lookup(InteractionType, TYPE_LABELS);
export const visibility = lookup(Visibility, VISIBILITY_LABELS);
export const posting = lookup(Posting, POSTING_LABELS);

export const TYPE_CHOICES = 'a type such as Letter, Bilateral meeting, Phone call, E-mail, Démarche, Workshop, Meeting at an event, Other';
export const VISIBILITY_CHOICES = 'Organization, Coordinators or Shared';
export const POSTING_CHOICES = 'Capital, Geneva mission, New York mission, Other mission or Other';

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A calendar date written YYYY-MM-DD or DD/MM/YYYY, as YYYY-MM-DD; null if it is neither or does not exist. */
export function parseDate(cell: string): string | null {
  if (isIsoDate(cell)) return cell;
  const match = DAY_FIRST.exec(cell);
  if (!match) return null;
  const iso = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
