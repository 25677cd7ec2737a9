import { describe, expect, it } from 'vitest';
import { formatDate, today } from './format';

describe('dates per language', () => {
  it('writes a calendar date in each language, on the same day whatever the time zone', () => {
    expect(formatDate('2017-12-04', 'en')).toBe('Dec 4, 2017');
    expect(formatDate('2017-12-04', 'fr')).toBe('4 déc. 2017');
    expect(formatDate('2017-12-04', 'es')).toBe('4 dic 2017');
    expect(formatDate(null, 'en')).toBe('');
  });

  it("gives today's date in the browser's calendar", () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
