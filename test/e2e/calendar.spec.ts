import ICAL from 'ical.js';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, todayIso } from '../../src/common/dates.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const RECORD = `mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }`;
const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const CREATE_FEED = `mutation { createCalendarFeed { path createdAt } }`;
const REVOKE_FEED = `mutation { revokeCalendarFeed }`;
const FEED = `{ calendarFeed { createdAt } }`;

const day = (days: number) => addDays(todayIso(), days);

interface Item {
  uid: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  description: string | null;
}

/** The VEVENTs of an iCalendar file, as ical.js reads them. */
function itemsOf(text: string): Item[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      description: event.description ?? null,
    };
  });
}

describe('calendars', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  const ids: Record<string, string> = {};

  const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const calendarAt = async (path: string, token?: string) => {
    const response = await get(path, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return itemsOf(await response.text());
  };
  const uids = (items: Item[]) => items.map((i) => i.uid).sort();
  const createFeed = async (actor: Actor) => ok(await t.gql(CREATE_FEED, {}, actor.token)).createCalendarFeed.path as string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    const event = async (actor: Actor, name: string, visibility: string, from: number, to: number) =>
      ok(
        await t.gql(
          RECORD,
          {
            input: {
              name,
              kind: 'REGIONAL_CONFERENCE',
              place: 'Nadi',
              startsOn: day(from),
              endsOn: day(to),
              visibility,
              attendingStateIso3s: ['KIR', 'TUV'],
            },
          },
          actor.token,
        ),
      ).recordEvent.id;
    ids.conference = await event(cast.france, 'Pacific conference', 'COORDINATORS', 10, 12);
    ids.workshop = await event(cast.france, 'Open workshop', 'SHARED', 20, 20);
    ids.panamaEvent = await event(cast.panama, 'Panama internal retreat', 'ORGANIZATION', 15, 16);
    ids.meeting = ok(
      await t.gql(
        PLAN,
        {
          input: {
            eventId: ids.conference,
            stateIso3: 'KIR',
            plannedOn: day(11),
            objective: 'Ask about the ratification bill',
            visibility: 'ORGANIZATION',
          },
        },
        cast.france.token,
      ),
    ).planMeeting.id;
    ids.panamaMeeting = ok(
      await t.gql(
        PLAN,
        { input: { eventId: ids.conference, stateIso3: 'TUV', plannedOn: day(12), objective: 'Panama only', visibility: 'ORGANIZATION' } },
        cast.panama.token,
      ),
    ).planMeeting.id;
    const log = async (actor: Actor, subject: string, visibility: string, followUpOn: string) =>
      ok(
        await t.gql(
          LOG,
          { input: { type: 'LETTER', occurredOn: day(-30), subject, visibility, stateIso3s: ['KIR'], followUpOn } },
          actor.token,
        ),
      ).logInteraction.id;
    ids.followUp = await log(cast.france, 'Letter to the Foreign Minister', 'ORGANIZATION', day(-2));
    ids.panamaFollowUp = await log(cast.panama, 'Panama letter', 'ORGANIZATION', day(3));
  });
  afterAll(() => t?.close());

  it('serves a secret feed of the events, planned meetings and follow-ups the user may see, as all-day items', async () => {
    const path = await createFeed(cast.france);
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const items = await calendarAt(path);
    expect(uids(items)).toEqual(
      [
        `event-${ids.conference}@ratify`,
        `event-${ids.workshop}@ratify`,
        `meeting-${ids.meeting}@ratify`,
        `follow-up-${ids.followUp}@ratify`,
      ].sort(),
    );
    const byUid = new Map(items.map((i) => [i.uid, i]));
    expect(byUid.get(`event-${ids.conference}@ratify`)).toMatchObject({
      summary: 'Pacific conference',
      start: day(10),
      end: day(13),
      allDay: true,
    });
    expect(byUid.get(`meeting-${ids.meeting}@ratify`)).toMatchObject({
      summary: 'Bilateral meeting: Kiribati (Pacific conference)',
      start: day(11),
      end: day(12),
      allDay: true,
      description: 'Ask about the ratification bill',
    });
    expect(byUid.get(`follow-up-${ids.followUp}@ratify`)).toMatchObject({
      summary: 'Follow-up: Letter to the Foreign Minister',
      start: day(-2),
      end: day(-1),
      allDay: true,
      description: 'Kiribati',
    });
    // Only a hash of the secret is stored.
    const secret = path.slice('/calendar/'.length, -'.ics'.length);
    const [row] = await db.query('SELECT secret_hash FROM calendar_feeds WHERE user_id = $1', [cast.france.id]);
    expect(row.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
  });

  it("leaves out what the user may not see: another organization's event, meeting and follow-up", async () => {
    const panama = await calendarAt(await createFeed(cast.panama));
    expect(uids(panama)).toEqual(
      [
        `event-${ids.conference}@ratify`,
        `event-${ids.workshop}@ratify`,
        `event-${ids.panamaEvent}@ratify`,
        `meeting-${ids.panamaMeeting}@ratify`,
        `follow-up-${ids.panamaFollowUp}@ratify`,
      ].sort(),
    );
    const partner = await calendarAt(await createFeed(cast.partner));
    expect(uids(partner)).toEqual([`event-${ids.workshop}@ratify`]);
  });

  it('answers 404 once revoked or replaced, and for an unknown or disabled user', async () => {
    const first = await createFeed(cast.france);
    const second = await createFeed(cast.france);
    expect((await get(first)).status).toBe(404);
    expect((await get(second)).status).toBe(200);
    expect(ok(await t.gql(FEED, {}, cast.france.token)).calendarFeed.createdAt).toEqual(expect.any(String));
    expect(ok(await t.gql(REVOKE_FEED, {}, cast.france.token)).revokeCalendarFeed).toBe(true);
    expect((await get(second)).status).toBe(404);
    expect(ok(await t.gql(FEED, {}, cast.france.token)).calendarFeed).toBeNull();
    expect(ok(await t.gql(REVOKE_FEED, {}, cast.france.token)).revokeCalendarFeed).toBe(false);
    expect((await get(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await get('/calendar/short.ics')).status).toBe(404);

    const panamaFeed = await createFeed(cast.panama);
    ok(await t.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: cast.panama.id }, cast.admin.token));
    expect((await get(panamaFeed)).status).toBe(404);
    ok(await t.gql(`mutation($id: ID!) { enableUser(id: $id) { id } }`, { id: cast.panama.id }, cast.admin.token));
    expect((await get(panamaFeed)).status).toBe(200);
    expect(codes(await t.gql(CREATE_FEED, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('downloads the events and planned meetings with the bearer token', async () => {
    expect((await get('/exports/calendar.ics')).status).toBe(401);
    const items = await calendarAt('/exports/calendar.ics', cast.france.token);
    expect(uids(items)).toEqual([`event-${ids.conference}@ratify`, `event-${ids.workshop}@ratify`, `meeting-${ids.meeting}@ratify`].sort());
    expect(uids(await calendarAt('/exports/calendar.ics', cast.partner.token))).toEqual([`event-${ids.workshop}@ratify`]);
  });
});
