import { describe, expect, it } from 'vitest';
import { niceTicks, stepPath } from '../components/dashboard/TimelineChart';
import { isoDay, mergeActivity } from './DashboardPage';

const event = (id: string, occurredAt: string) => ({
  id,
  kind: 'INTERACTION_LOGGED' as const,
  summary: id,
  subjectId: null,
  eventId: null,
  occurredAt,
  states: [],
});

describe('the latest activity list', () => {
  it('puts live events with the loaded page, newest first, each once, at most `limit`', () => {
    const loaded = [event('b', '2026-12-01T10:00:00Z'), event('a', '2026-12-01T09:00:00Z')];
    const live = [event('c', '2026-12-01T11:00:00Z'), event('b', '2026-12-01T10:00:00Z')];
    expect(mergeActivity(live, loaded).map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(mergeActivity(live, loaded, 2).map((e) => e.id)).toEqual(['c', 'b']);
  });
});

describe('the timeline chart', () => {
  it('draws steps: a count holds until the next point', () => {
    expect(
      stepPath([
        { x: 0, y: 10 },
        { x: 5, y: 8 },
        { x: 9, y: 8 },
      ]),
    ).toBe('M0,10H5V8H9V8');
  });
  it('has round ticks up to at least the largest count', () => {
    expect(niceTicks(112)).toEqual([0, 30, 60, 90, 120]);
    expect(niceTicks(3).at(-1)).toBeGreaterThanOrEqual(3);
  });
});

describe('dates of the dashboard', () => {
  it('are local calendar days', () => {
    expect(isoDay(0, new Date(2026, 0, 31, 23, 30))).toBe('2026-01-31');
    expect(isoDay(15, new Date(2026, 0, 31, 23, 30))).toBe('2026-02-15');
  });
});
