import { describe, expect, it } from 'vitest';
import { addDays, addMonths, gridRange, isMonth, monthGrid, monthName, weekdayNames } from './calendar';

describe('the month view of the events', () => {
  it('moves by days and months across years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
  });

  it('lays a month out in whole weeks from Monday to Sunday', () => {
    // December 2026 begins on a Tuesday and ends on a Thursday.
    expect(gridRange('2026-12')).toEqual({ from: '2026-11-30', to: '2027-01-03' });
    const weeks = monthGrid('2026-12', []);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0][0]).toMatchObject({ date: '2026-11-30', inMonth: false });
    expect(weeks[0][1]).toMatchObject({ date: '2026-12-01', inMonth: true });
  });

  it('shows an event on each of its days, and only those', () => {
    const event = { id: 'e', startsOn: '2026-12-07', endsOn: '2026-12-09' };
    const days = monthGrid('2026-12', [event]).flat();
    expect(days.filter((day) => day.events.length).map((day) => day.date)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
  });

  it('names the days and the month in the language', () => {
    expect(weekdayNames('en')[0].long).toBe('Monday');
    expect(weekdayNames('fr')[6].long).toBe('dimanche');
    expect(monthName('2026-12', 'es')).toMatch(/diciembre/);
  });
});
