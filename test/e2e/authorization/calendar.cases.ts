import type { GqlResponse, TestApp } from '../../support/app.js';
import type { MatrixCase } from '../../support/authorization.js';
import { addDays, todayIso } from '../../../src/common/dates.js';
import type { Actor } from '../../support/fixtures.js';

const RECORD = `mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }`;
const CREATE_FEED = `mutation { createCalendarFeed { path } }`;

async function event(t: TestApp, owner: Actor, visibility: string): Promise<string> {
  const input = {
    name: `Matrix ${visibility} calendar event`,
    kind: 'WORKSHOP',
    startsOn: addDays(todayIso(), 5),
    endsOn: addDays(todayIso(), 5),
    visibility,
  };
  return (await t.gql(RECORD, { input }, owner.token)).data.recordEvent.id;
}

/** An iCalendar download as the matrix reads an answer: its text is the data; 401 and 404 are the API's codes. */
async function calendar(t: TestApp, path: string, token: string | null): Promise<GqlResponse> {
  const response = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  if (response.status === 200) return { status: 200, data: { text } };
  const code = { 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND' }[response.status as 401 | 404] ?? `HTTP ${response.status}`;
  return { status: response.status, data: null, errors: [{ message: text, extensions: { code } }] };
}

const lists = (response: GqlResponse, eventId: string) => Boolean(response.data?.text?.includes(`UID:event-${eventId}@ratify`));

/** Calendars: each user's own secret feed, and the download; both show only the events the caller may see. */
export const CALENDAR_CASES: MatrixCase[] = [
  {
    name: 'createCalendarFeed',
    run: (t, _cast, token) => t.gql(CREATE_FEED, {}, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'revokeCalendarFeed',
    run: (t, _cast, token) => t.gql(`mutation { revokeCalendarFeed }`, {}, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'calendarFeed',
    run: (t, _cast, token) => t.gql(`{ calendarFeed { createdAt } }`, {}, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'GET /exports/calendar.ics: a COORDINATORS event of France',
    setup: (t, cast) => event(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token) => calendar(t, '/exports/calendar.ics', token),
    seen: (response, eventId) => lists(response, eventId),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: "GET /calendar/<secret>.ics (the caller's own feed; without a token, an unknown secret): an ORGANIZATION event of France",
    setup: (t, cast) => event(t, cast.france, 'ORGANIZATION'),
    run: async (t, _cast, token) => {
      const path = token ? (await t.gql(CREATE_FEED, {}, token)).data.createCalendarFeed.path : `/calendar/${'x'.repeat(43)}.ics`;
      return calendar(t, path, null);
    },
    seen: (response, eventId) => lists(response, eventId),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'NOT_FOUND' },
  },
];
