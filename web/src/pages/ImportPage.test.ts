import { describe, expect, it } from 'vitest';
import { cellOf } from './ImportPage';

describe('a rejected row of the import report', () => {
  it('names the column of the cell to fix when the reason starts with it', () => {
    expect(cellOf('date: 2026-02-30 is not a date')).toEqual({ column: 'date', problem: '2026-02-30 is not a date' });
    expect(cellOf('follow_up: before the date')).toEqual({ column: 'follow_up', problem: 'before the date' });
  });

  it('keeps a reason about the whole row as it is', () => {
    expect(cellOf('a duplicate of line 4 (same date, type, States and subject)')).toEqual({
      column: null,
      problem: 'a duplicate of line 4 (same date, type, States and subject)',
    });
  });
});
