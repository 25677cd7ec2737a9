import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, isUnread, itemLink, mergeEntries, newestAt } from './feed';

describe('the activity page filters in the address', () => {
  it('reads States, regions and kinds, dropping what the API would refuse', () => {
    const params = new URLSearchParams('states=kir,FJI,xx&regions=ASIA_PACIFIC,MOON&kinds=INTERACTION_LOGGED,NOPE');
    expect(filtersFromParams(params)).toEqual({
      stateIso3s: ['KIR', 'FJI'],
      regionalGroups: ['ASIA_PACIFIC'],
      kinds: ['INTERACTION_LOGGED'],
    });
    expect(filtersFromParams(new URLSearchParams(''))).toEqual({});
  });

  it('writes them back the same way', () => {
    const filters = { stateIso3s: ['KIR'], regionalGroups: ['AFRICAN' as const], kinds: ['STAGE_CHANGED' as const] };
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(filtersToParams({}).toString()).toBe('');
  });
});

describe('an activity entry', () => {
  const entry = (id: string, occurredAt: string, kind = 'INTERACTION_LOGGED', states = [{ iso3: 'KIR' }]) => ({
    id,
    kind,
    occurredAt,
    states,
  });

  it('links to the page that shows its item', () => {
    expect(itemLink(entry('1', '2026-01-01T00:00:00Z'))).toBe('/states/KIR');
    expect(itemLink(entry('1', '2026-01-01T00:00:00Z', 'CONTACT_ADDED'))).toBe('/contacts');
    expect(itemLink(entry('1', '2026-01-01T00:00:00Z', 'MANDATE_STARTED', []))).toBeNull();
  });

  it('links to the page of the campaign, event or mandate it is about, while that exists', () => {
    const about = (kind: string, subjectId: string | null) => ({ ...entry('1', '2026-01-01T00:00:00Z', kind), subjectId });
    expect(itemLink(about('CAMPAIGN_CREATED', 'c1'))).toBe('/campaigns/c1');
    expect(itemLink(about('LETTER_REPLY_LOGGED', 'c1'))).toBe('/campaigns/c1');
    expect(itemLink(about('EVENT_CHANGED', 'e1'))).toBe('/events/e1');
    expect(itemLink(about('MANDATE_STARTED', 'm1'))).toBe('/work-plans/m1');
    expect(itemLink(about('WORK_PLAN_CHANGED', 'm1'))).toBe('/work-plans/m1');
    // Gone (no subject any more), or with no page of its own: the State's page.
    expect(itemLink(about('EVENT_RECORDED', null))).toBe('/states/KIR');
    expect(itemLink(about('EVENT_DELETED', null))).toBe('/states/KIR');
    expect(itemLink(about('MEETING_PLANNED', 'p1'))).toBe('/states/KIR');
    expect(itemLink({ ...about('MEETING_PLANNED', 'p1'), eventId: 'e1' })).toBe('/events/e1');
    expect(itemLink({ ...about('MEETING_CHANGED', 'p1'), eventId: null })).toBe('/states/KIR');
    expect(itemLink(about('STAGE_CHANGED', 's1'))).toBe('/states/KIR');
    expect(itemLink(about('OBSTACLE_RECORDED', 'o1'))).toBe('/states/KIR');
  });

  it('is unread when newer than the last reading, and everything is before the first', () => {
    expect(isUnread(entry('1', '2026-01-02T00:00:00Z'), '2026-01-01T00:00:00Z')).toBe(true);
    expect(isUnread(entry('1', '2026-01-01T00:00:00Z'), '2026-01-01T00:00:00Z')).toBe(false);
    expect(isUnread(entry('1', '2025-01-01T00:00:00Z'), null)).toBe(true);
  });

  it('merges live entries with the pages read, newest first and once each', () => {
    const a = entry('a', '2026-01-01T00:00:00Z');
    const b = entry('b', '2026-01-03T00:00:00Z');
    const c = entry('c', '2026-01-02T00:00:00Z');
    expect(mergeEntries([b], [c, a, b]).map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(newestAt([a, b, c])).toBe(b.occurredAt);
    expect(newestAt([])).toBeUndefined();
  });
});
