import { addDays, firstOfMonthAfter, isIsoDate, todayIso } from '../../src/common/dates.js';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2025-12-31', '2010-08-01', '2000-02-29'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2025-02-30',
    '2023-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-05',
    '25-01-05',
    '2025/01/05',
    '05-01-2025',
    '2025-01-05T00:00:00Z',
    ' 2025-01-05',
    '',
  ])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('firstOfMonthAfter', () => {
  it('counts whole months from the start of the month', () => {
    expect(firstOfMonthAfter('2025-09-05', 6)).toBe('2026-03-01');
    expect(firstOfMonthAfter('2010-06-17', 6)).toBe('2010-12-01');
    expect(firstOfMonthAfter('2019-12-10', 6)).toBe('2020-06-01');
    expect(firstOfMonthAfter('2024-07-31', 6)).toBe('2025-01-01');
  });

  it('refuses an impossible date', () => {
    expect(() => firstOfMonthAfter('2025-02-30', 6)).toThrow(RangeError);
  });
});

describe('todayIso', () => {
  it('is the UTC date', () => {
    expect(isIsoDate(todayIso())).toBe(true);
    expect(todayIso()).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('addDays', () => {
  it.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-11-27', 0, '2026-11-27'],
    ['2026-11-27', -365, '2025-11-27'],
  ])('moves %s by %i days to %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses a date that does not exist', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});
