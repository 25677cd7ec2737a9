import type { TestApp } from '../../support/app.js';
import { CALLERS, type Caller, type MatrixCase } from '../../support/authorization.js';
import type { Actor } from '../../support/fixtures.js';

const RECORD = `mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }`;
const READ = `query($id: ID!) { event(id: $id) { id } }`;
const LIST = `{ events(startingFrom: "2030-01-01", first: 200) { edges { node { id } } } }`;
const ATTEND = `mutation($input: AddEventAttendanceInput!) { addEventAttendance(input: $input) { id } }`;
const UNATTEND = `mutation($eventId: ID!, $stateIso3: String!) { removeEventAttendance(eventId: $eventId, stateIso3: $stateIso3) { id } }`;
const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`;
const HELD = `mutation($input: LogMeetingHeldInput!) { logMeetingHeld(input: $input) { id held } }`;
const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { id version } }`;
const DELETE = `mutation($id: ID!, $expectedVersion: Int!) { deleteEvent(id: $id, expectedVersion: $expectedVersion) }`;
const UPDATE_MEETING = `mutation($input: UpdatePlannedMeetingInput!) { updatePlannedMeeting(input: $input) { id version } }`;
const DELETE_MEETING = `mutation($id: ID!, $expectedVersion: Int!) { deletePlannedMeeting(id: $id, expectedVersion: $expectedVersion) }`;

/** One State per caller, so that each caller acts on something of its own. */
const STATE_OF: Record<Caller, string> = { admin: 'KIR', france: 'TON', panama: 'FSM', partner: 'PNG', anonymous: 'SLB' };

async function event(t: TestApp, owner: Actor, visibility: string): Promise<string> {
  const input = {
    name: `Matrix ${visibility} event`,
    kind: 'REGIONAL_CONFERENCE',
    startsOn: '2030-03-01',
    endsOn: '2030-03-03',
    visibility,
    attendingStateIso3s: Object.values(STATE_OF),
  };
  return (await t.gql(RECORD, { input }, owner.token)).data.recordEvent.id;
}

/** An event for each caller, so that a change or deletion by one leaves the others' as they were. */
async function eventPerCaller(t: TestApp, owner: Actor, visibility: string): Promise<Record<Caller, string>> {
  const ids = {} as Record<Caller, string>;
  for (const caller of CALLERS) ids[caller] = await event(t, owner, visibility);
  return ids;
}

const correct = (t: TestApp, token: string | null, id: string) =>
  t.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Matrix corrected event', place: 'Geneva' } }, token ?? undefined);
const remove = (t: TestApp, token: string | null, id: string) => t.gql(DELETE, { id, expectedVersion: 1 }, token ?? undefined);

/** A meeting planned with each caller's State at an event of the owner's, with this visibility. */
async function meetings(t: TestApp, owner: Actor, visibility: string): Promise<Record<string, string>> {
  const eventId = await event(t, owner, 'COORDINATORS');
  const ids: Record<string, string> = {};
  for (const iso3 of Object.values(STATE_OF)) {
    ids[iso3] = (await t.gql(PLAN, { input: { eventId, stateIso3: iso3, visibility } }, owner.token)).data.planMeeting.id;
  }
  return ids;
}

/** Each caller corrects or deletes the meeting with its own State, so that the others' stay as they were. */
const correctMeeting = (t: TestApp, token: string | null, ids: Record<string, string>, caller: Caller) =>
  t.gql(
    UPDATE_MEETING,
    { input: { id: ids[STATE_OF[caller]], expectedVersion: 1, plannedOn: '2030-03-03', objective: 'Matrix corrected objective' } },
    token ?? undefined,
  );
const removeMeeting = (t: TestApp, token: string | null, ids: Record<string, string>, caller: Caller) =>
  t.gql(DELETE_MEETING, { id: ids[STATE_OF[caller]], expectedVersion: 1 }, token ?? undefined);

/** Events: reading follows the interaction rule (partners: SHARED only); changing one is for its organization. */
export const EVENT_CASES: MatrixCase[] = [
  {
    name: 'event: a COORDINATORS event of France',
    setup: (t, cast) => event(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, id) => t.gql(READ, { id }, token ?? undefined),
    seen: (response) => Boolean(response.data?.event),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'events: a SHARED event of France',
    setup: (t, cast) => event(t, cast.france, 'SHARED'),
    run: (t, _cast, token) => t.gql(LIST, {}, token ?? undefined),
    seen: (response, id) => (response.data?.events.edges ?? []).some((e: any) => e.node.id === id),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'events: an ORGANIZATION event of France',
    setup: (t, cast) => event(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token) => t.gql(LIST, {}, token ?? undefined),
    seen: (response, id) => (response.data?.events.edges ?? []).some((e: any) => e.node.id === id),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'recordEvent',
    run: (t, _cast, token) =>
      t.gql(
        RECORD,
        { input: { name: 'Matrix new event', kind: 'WORKSHOP', startsOn: '2030-04-01', endsOn: '2030-04-01' } },
        token ?? undefined,
      ),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'addEventAttendance: a COORDINATORS event of France',
    setup: (t, cast) => event(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, eventId, caller) =>
      t.gql(
        ATTEND,
        { input: { eventId, stateIso3s: [{ admin: 'TUV', france: 'MHL', panama: 'BRA', partner: 'ARG', anonymous: 'VEN' }[caller]] } },
        token ?? undefined,
      ),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'removeEventAttendance: a COORDINATORS event of France',
    setup: (t, cast) => event(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, eventId, caller) => t.gql(UNATTEND, { eventId, stateIso3: STATE_OF[caller] }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'planMeeting: at a COORDINATORS event of France',
    setup: (t, cast) => event(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, eventId, caller) => t.gql(PLAN, { input: { eventId, stateIso3: STATE_OF[caller] } }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    // The meeting names the event in the feed: only the event's organization shows it more widely than the event.
    name: 'planMeeting: a SHARED meeting at a COORDINATORS event of France',
    setup: (t, cast) => event(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, eventId, caller) =>
      t.gql(PLAN, { input: { eventId, stateIso3: STATE_OF[caller], visibility: 'SHARED' } }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'logMeetingHeld: an ORGANIZATION meeting planned by France',
    setup: (t, cast) => meetings(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, ids, caller) =>
      t.gql(HELD, { input: { meetingId: ids[STATE_OF[caller]], occurredOn: '2025-03-02' } }, token ?? undefined),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'logMeetingHeld: a COORDINATORS meeting planned by France',
    setup: (t, cast) => meetings(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, ids, caller) =>
      t.gql(HELD, { input: { meetingId: ids[STATE_OF[caller]], occurredOn: '2025-03-02' } }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'updateEvent: a COORDINATORS event of France',
    setup: (t, cast) => eventPerCaller(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, ids, caller) => correct(t, token, ids[caller]),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'updateEvent: an ORGANIZATION event of France',
    setup: (t, cast) => eventPerCaller(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, ids, caller) => correct(t, token, ids[caller]),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'updateEvent: a SHARED event of Panama',
    setup: (t, cast) => eventPerCaller(t, cast.panama, 'SHARED'),
    run: (t, _cast, token, ids, caller) => correct(t, token, ids[caller]),
    expect: { admin: 'ok', france: 'FORBIDDEN', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'deleteEvent: a COORDINATORS event of France',
    setup: (t, cast) => eventPerCaller(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, ids, caller) => remove(t, token, ids[caller]),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'deleteEvent: an ORGANIZATION event of France',
    setup: (t, cast) => eventPerCaller(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, ids, caller) => remove(t, token, ids[caller]),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'deleteEvent: a SHARED event of Panama',
    setup: (t, cast) => eventPerCaller(t, cast.panama, 'SHARED'),
    run: (t, _cast, token, ids, caller) => remove(t, token, ids[caller]),
    expect: { admin: 'ok', france: 'FORBIDDEN', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  ...(
    [
      ['updatePlannedMeeting', correctMeeting],
      ['deletePlannedMeeting', removeMeeting],
    ] as const
  ).flatMap(([mutation, write]): MatrixCase[] => [
    {
      name: `${mutation}: an ORGANIZATION meeting planned by France`,
      setup: (t, cast) => meetings(t, cast.france, 'ORGANIZATION'),
      run: (t, _cast, token, ids, caller) => write(t, token, ids, caller),
      expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
    {
      name: `${mutation}: a COORDINATORS meeting planned by France`,
      setup: (t, cast) => meetings(t, cast.france, 'COORDINATORS'),
      run: (t, _cast, token, ids, caller) => write(t, token, ids, caller),
      expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
    {
      name: `${mutation}: a SHARED meeting planned by Panama`,
      setup: (t, cast) => meetings(t, cast.panama, 'SHARED'),
      run: (t, _cast, token, ids, caller) => write(t, token, ids, caller),
      expect: { admin: 'ok', france: 'FORBIDDEN', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
  ]),
];
