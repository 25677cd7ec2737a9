/**
 * Calendar dates as ISO strings (YYYY-MM-DD). They are compared as strings and computed
 * with integer arithmetic, so no time zone can shift them.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a well-formed date that exists in the calendar (2024-02-29 yes, 2025-02-30 no). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Today's date in UTC. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The first day of the month `months` months after the month of `date`: ('2025-09-05', 6) → '2026-03-01'. */
export function firstOfMonthAfter(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: "${date}"`);
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-01`;
}

/** The date `days` days after `date` (before it when negative): ('2026-03-01', -1) → '2026-02-28'. */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: "${date}"`);
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(0);
  shifted.setUTCFullYear(year, month - 1, day + days);
  return shifted.toISOString().slice(0, 10);
}
