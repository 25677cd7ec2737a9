/**
 * The month view of the events page: the weeks of a month as rows of seven days (Monday first),
 * each day with the events taking place on it. Dates are calendar dates ("2026-12-02"), compared
 * as strings, never moved across time zones.
 */

export interface CalendarEvent {
  id: string;
  startsOn: string;
  endsOn: string;
}

export interface CalendarDay<E> {
  /** YYYY-MM-DD */
  date: string;
  /** Of the month shown (the first and last weeks have days of the months around it). */
  inMonth: boolean;
  events: E[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A month as "YYYY-MM". */
export const monthOf = (date: string) => date.slice(0, 7);

function utc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
}

const iso = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** The date `days` after `date` (before, if negative). */
export function addDays(date: string, days: number): string {
  const next = utc(date);
  next.setUTCDate(next.getUTCDate() + days);
  return iso(next);
}

/** The month `months` after `month` ("YYYY-MM"). */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Whether "YYYY-MM" is a month. */
export const isMonth = (value: string | null | undefined): value is string => !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The first and last days of the grid of `month`: from the Monday of its first week to the Sunday of its last. */
export function gridRange(month: string): { from: string; to: string } {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  const weekday = (date: string) => (utc(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return { from: addDays(first, -weekday(first)), to: addDays(last, 6 - weekday(last)) };
}

/** The weeks of `month`, each day with the events on it (an event spans its days from startsOn to endsOn). */
export function monthGrid<E extends CalendarEvent>(month: string, events: readonly E[]): CalendarDay<E>[][] {
  const { from, to } = gridRange(month);
  const weeks: CalendarDay<E>[][] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (weeks.length === 0 || weeks[weeks.length - 1].length === 7) weeks.push([]);
    weeks[weeks.length - 1].push({
      date: day,
      inMonth: monthOf(day) === month,
      events: events.filter((event) => event.startsOn <= day && day <= event.endsOn),
    });
  }
  return weeks;
}

/** The names of the days of the week in `language`, Monday first (long and short). */
export function weekdayNames(language: string): { long: string; short: string }[] {
  const long = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i));
    return { long: long.format(date), short: short.format(date) };
  });
}

/** "December 2026" in `language`. */
export function monthName(month: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(`${month}-01`));
}
