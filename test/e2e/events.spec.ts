import { DataSource } from 'typeorm';
import { addDays, todayIso } from '../../src/common/dates.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';
import { subscribe } from '../support/subscriptions.js';

/** A date `days` days from today. */
const day = (days: number) => addDays(todayIso(), days);

const RECORD = `mutation($input: RecordEventInput!) { recordEvent(input: $input) { id name kind place startsOn endsOn visibility version } }`;
const ATTEND = `mutation($input: AddEventAttendanceInput!) { addEventAttendance(input: $input) { version attendances { state { iso3 } delegation { fullName } } } }`;
const UNATTEND = `mutation($eventId: ID!, $stateIso3: String!, $expectedVersion: Int) {
  removeEventAttendance(eventId: $eventId, stateIso3: $stateIso3, expectedVersion: $expectedVersion) { version attendances { state { iso3 } } } }`;
const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id plannedOn objective held visibility version
  state { iso3 } contacts { fullName } event { name } } }`;
const HELD = `mutation($input: LogMeetingHeldInput!) { logMeetingHeld(input: $input) { id held version
  interaction { id type occurredOn subject visibility states { iso3 } contacts { fullName } event { name } } } }`;
/** The question of the week: which target States attend the events next week, and whom have we not met yet? */
const NEXT_WEEK = `query($from: Date!, $before: Date!, $notMetOnly: Boolean, $metSince: Date, $filter: TargetFilter) {
  events(startingFrom: $from, startingBefore: $before) { totalCount edges { node { name
    attendingTargets(filter: $filter, notMetOnly: $notMetOnly, metSince: $metSince) { met lastMetOn meetingPlanned target { rank state { iso3 } } } } } } }`;
const FEED = `{ activityFeed(filter: { kinds: [EVENT_RECORDED, MEETING_PLANNED] }, first: 100) { edges { node { kind summary states { iso3 } } } } }`;
const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { id name kind place startsOn endsOn visibility version } }`;
const DELETE = `mutation($id: ID!, $expectedVersion: Int!) { deleteEvent(id: $id, expectedVersion: $expectedVersion) }`;
const READ_EVENT = `query($id: ID!) { event(id: $id) { id name kind place startsOn endsOn visibility version
  attendances { state { iso3 } } plannedMeetings { id held } interactions { id } } }`;
const CHANGES = `{ activityFeed(filter: { kinds: [EVENT_CHANGED, EVENT_DELETED] }, first: 100) { edges { node { kind summary states { iso3 } } } } }`;
const AUDIT = `query($entity: String!, $entityId: String) { auditLog(filter: { entity: $entity, entityId: $entityId }, first: 200) {
  edges { node { action entityId actor { email } before after } } } }`;
const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }';
const UPDATE_MEETING = `mutation($input: UpdatePlannedMeetingInput!) { updatePlannedMeeting(input: $input) { id plannedOn objective held visibility version
  state { iso3 } contacts { fullName } event { name } } }`;
const DELETE_MEETING = `mutation($id: ID!, $expectedVersion: Int!) { deletePlannedMeeting(id: $id, expectedVersion: $expectedVersion) }`;
const READ_MEETINGS = `query($id: ID!) { event(id: $id) { plannedMeetings { id plannedOn objective held visibility version state { iso3 } contacts { fullName } } } }`;
const MEETING_CHANGES = `{ activityFeed(filter: { kinds: [MEETING_CHANGED, MEETING_DELETED] }, first: 100) { edges { node { kind summary states { iso3 } } } } }`;

const CONFERENCE = 'Pacific Conference on Conventional Weapons Treaties';

describe('events', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let event: any;
  let workshop: any;
  const contacts: Record<string, string> = {};
  const meetings: Record<string, any> = {};

  const nextWeek = async (actor: Actor, variables: Record<string, unknown> = {}) =>
    ok(await t.gql(NEXT_WEEK, { from: day(1), before: day(8), ...variables }, actor.token)).events;
  const targetsOf = (events: any, name: string) =>
    events.edges.find((e: any) => e.node.name === name).node.attendingTargets.map((a: any) => [a.target.state.iso3, a.met]);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    for (const [stateIso3, fullName] of [
      ['PNG', 'Papua New Guinea delegate'],
      ['KIR', 'Kiribati delegate'],
      ['TON', 'Tonga delegate'],
    ]) {
      const created = await t.gql(CREATE_CONTACT, { input: { fullName, stateIso3 } }, cast.france.token);
      contacts[fullName] = ok(created).createContact.id;
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('records an event with the States attending, and changes the attendance', async () => {
    const input = {
      name: CONFERENCE,
      kind: 'REGIONAL_CONFERENCE',
      place: 'Auckland',
      startsOn: day(3),
      endsOn: day(5),
      attendingStateIso3s: ['KIR', 'TON', 'FSM', 'SLB', 'FJI', 'VUT'],
    };
    event = ok(await t.gql(RECORD, { input }, cast.france.token)).recordEvent;
    expect(event).toMatchObject({
      name: CONFERENCE,
      kind: 'REGIONAL_CONFERENCE',
      place: 'Auckland',
      visibility: 'COORDINATORS',
      version: 1,
    });

    const added = ok(
      await t.gql(
        ATTEND,
        {
          input: {
            eventId: event.id,
            stateIso3s: ['PNG'],
            delegationContactIds: [contacts['Papua New Guinea delegate']],
            expectedVersion: 1,
          },
        },
        cast.france.token,
      ),
    );
    expect(added.addEventAttendance.version).toBe(2);
    expect(added.addEventAttendance.attendances.find((a: any) => a.state.iso3 === 'PNG').delegation).toEqual([
      { fullName: 'Papua New Guinea delegate' },
    ]);

    const removed = ok(
      await t.gql(UNATTEND, { eventId: event.id, stateIso3: 'SLB', expectedVersion: 2 }, cast.france.token),
    ).removeEventAttendance;
    expect(removed.version).toBe(3);
    expect(removed.attendances.map((a: any) => a.state.iso3)).toEqual(['FJI', 'KIR', 'FSM', 'PNG', 'TON', 'VUT']);

    expect(codes(await t.gql(UNATTEND, { eventId: event.id, stateIso3: 'TON', expectedVersion: 2 }, cast.france.token))).toEqual([
      'CONFLICT',
    ]);
    expect(codes(await t.gql(UNATTEND, { eventId: event.id, stateIso3: 'TON' }, cast.panama.token))).toEqual(['FORBIDDEN']);
    // A delegate must be a contact of an attending State named in the same change; all or nothing.
    const wrong = { eventId: event.id, stateIso3s: ['TUV'], delegationContactIds: [contacts['Kiribati delegate']] };
    expect(codes(await t.gql(ATTEND, { input: wrong }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(ATTEND, { input: { eventId: event.id, stateIso3s: ['TUV', 'XXX'] } }, cast.france.token))).toEqual([
      'NOT_FOUND',
    ]);
    const current = ok(
      await t.gql('query($id: ID!) { event(id: $id) { version attendances { state { iso3 } } } }', { id: event.id }, cast.france.token),
    ).event;
    expect(current).toEqual({ version: 3, attendances: removed.attendances });

    workshop = ok(
      await t.gql(
        RECORD,
        {
          input: {
            name: 'Regional workshop',
            kind: 'WORKSHOP',
            startsOn: day(6),
            endsOn: day(6),
            visibility: 'SHARED',
            attendingStateIso3s: ['TON', 'TUV'],
          },
        },
        cast.panama.token,
      ),
    ).recordEvent;
    expect(workshop).toMatchObject({ kind: 'WORKSHOP', place: null, visibility: 'SHARED', version: 1 });
    expect(
      codes(await t.gql(RECORD, { input: { name: 'Backwards', kind: 'OTHER', startsOn: day(6), endsOn: day(5) } }, cast.france.token)),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('plans bilateral meetings, and logs one as held through the interaction write path', async () => {
    for (const [iso3, contact] of [
      ['KIR', 'Kiribati delegate'],
      ['TON', 'Tonga delegate'],
      ['PNG', null],
    ] as const) {
      const input = {
        eventId: event.id,
        stateIso3: iso3,
        plannedOn: day(4),
        objective: `Invite ${iso3} to join`,
        contactIds: contact ? [contacts[contact]] : [],
      };
      meetings[iso3] = ok(await t.gql(PLAN, { input }, cast.france.token)).planMeeting;
    }
    expect(meetings.KIR).toMatchObject({
      held: false,
      visibility: 'ORGANIZATION',
      version: 1,
      contacts: [{ fullName: 'Kiribati delegate' }],
      event: { name: CONFERENCE },
    });
    const outside = { eventId: event.id, stateIso3: 'FSM', plannedOn: day(9) };
    expect(codes(await t.gql(PLAN, { input: outside }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await t.gql(PLAN, { input: { eventId: event.id, stateIso3: 'FSM', contactIds: [contacts['Tonga delegate']] } }, cast.france.token),
      ),
    ).toEqual(['BAD_USER_INPUT']);

    // A meeting is logged once it was held (an interaction is never dated after today): Kiribati's was held early, today.
    const held = ok(
      await t.gql(
        HELD,
        { input: { meetingId: meetings.KIR.id, occurredOn: day(0), outcome: 'Will consult the capital', expectedVersion: 1 } },
        cast.france.token,
      ),
    ).logMeetingHeld;
    expect(held).toMatchObject({
      held: true,
      version: 2,
      interaction: {
        type: 'BILATERAL_MEETING',
        occurredOn: day(0),
        subject: `Bilateral meeting at ${CONFERENCE}`,
        visibility: 'ORGANIZATION',
        states: [{ iso3: 'KIR' }],
        contacts: [{ fullName: 'Kiribati delegate' }],
        event: { name: CONFERENCE },
      },
    });
    expect(codes(await t.gql(HELD, { input: { meetingId: meetings.KIR.id, occurredOn: day(0) } }, cast.france.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      codes(await t.gql(HELD, { input: { meetingId: meetings.TON.id, occurredOn: day(0), expectedVersion: 5 } }, cast.france.token)),
    ).toEqual(['CONFLICT']);
    expect(codes(await t.gql(HELD, { input: { meetingId: meetings.TON.id, occurredOn: day(0) } }, cast.panama.token))).toEqual([
      'NOT_FOUND',
    ]);
    const interactions = ok(
      await t.gql('{ interactions(filter: { types: [BILATERAL_MEETING] }) { totalCount } }', {}, cast.france.token),
    ).interactions;
    expect(interactions.totalCount).toBe(1);
  });

  it('answers in one query which target States attend next week, and whom we have not met yet', async () => {
    const all = await nextWeek(cast.france);
    expect(all.totalCount).toBe(2);
    // Fiji and Vanuatu are States Parties: not targets.
    expect(targetsOf(all, CONFERENCE).sort()).toEqual([
      ['FSM', false],
      ['KIR', true],
      ['PNG', false],
      ['TON', false],
    ]);
    const kiribati = all.edges[0].node.attendingTargets.find((a: any) => a.target.state.iso3 === 'KIR');
    expect(kiribati).toMatchObject({ met: true, lastMetOn: day(0), meetingPlanned: false });

    const notMet = await nextWeek(cast.france, { notMetOnly: true });
    expect(
      targetsOf(notMet, CONFERENCE)
        .map(([iso3]: any) => iso3)
        .sort(),
    ).toEqual(['FSM', 'PNG', 'TON']);
    expect(
      notMet.edges[0].node.attendingTargets
        .filter((a: any) => a.meetingPlanned)
        .map((a: any) => a.target.state.iso3)
        .sort(),
    ).toEqual(['PNG', 'TON']);
    expect(
      targetsOf(notMet, 'Regional workshop')
        .map(([iso3]: any) => iso3)
        .sort(),
    ).toEqual(['TON', 'TUV']);

    // A meeting with Tonga last month, elsewhere, counts with metSince.
    const input = {
      type: 'BILATERAL_MEETING',
      occurredOn: day(-20),
      subject: 'Tonga in New York',
      stateIso3s: ['TON'],
      visibility: 'COORDINATORS',
    };
    ok(await t.gql('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', { input }, cast.france.token));
    const since = await nextWeek(cast.france, { notMetOnly: true, metSince: day(-30) });
    expect(
      targetsOf(since, CONFERENCE)
        .map(([iso3]: any) => iso3)
        .sort(),
    ).toEqual(['FSM', 'PNG']);
    expect(targetsOf(since, 'Regional workshop')).toEqual([['TUV', false]]);

    // The target filter narrows the list: Micronesia only.
    const micronesia = await nextWeek(cast.france, { filter: { subregions: ['Micronesia'] } });
    expect(targetsOf(micronesia, CONFERENCE).sort()).toEqual([
      ['FSM', false],
      ['KIR', true],
    ]);

    // A filter that `targets` refuses is refused here too, field argument as it is.
    const refused = await t.gql(NEXT_WEEK, { from: day(1), before: day(8), filter: { groupingIds: ['not-an-id'] } }, cast.france.token);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions!.details.problems).toEqual([expect.stringContaining('groupingIds')]);
  });

  it('shows each viewer only what it may see', async () => {
    // France's meeting with Kiribati is ORGANIZATION: Panama has not met Kiribati.
    const panama = await nextWeek(cast.panama, { notMetOnly: true });
    expect(
      targetsOf(panama, CONFERENCE)
        .map(([iso3]: any) => iso3)
        .sort(),
    ).toEqual(['FSM', 'KIR', 'PNG', 'TON']);
    expect(panama.edges[0].node.attendingTargets.some((a: any) => a.meetingPlanned)).toBe(false);

    const partner = await nextWeek(cast.partner);
    expect(partner.edges.map((e: any) => e.node.name)).toEqual(['Regional workshop']);
    expect(ok(await t.gql('query($id: ID!) { event(id: $id) { id } }', { id: event.id }, cast.partner.token)).event).toBeNull();

    const plans = async (actor: Actor) =>
      ok(await t.gql('query($id: ID!) { event(id: $id) { plannedMeetings { state { iso3 } held } } }', { id: event.id }, actor.token)).event
        .plannedMeetings;
    expect(await plans(cast.france)).toHaveLength(3);
    expect(await plans(cast.panama)).toEqual([]);

    const summaries = async (actor: Actor) =>
      ok(await t.gql(FEED, {}, actor.token)).activityFeed.edges.map((e: any) => `${e.node.kind}: ${e.node.summary}`);
    const recorded = `EVENT_RECORDED: Event recorded: ${CONFERENCE} (Auckland), ${day(3)} to ${day(5)}`;
    const workshopRecorded = `EVENT_RECORDED: Event recorded: Regional workshop, ${day(6)} to ${day(6)}`;
    const planned = ['PNG', 'TON', 'KIR'].map((iso3) => {
      const name = { PNG: 'Papua New Guinea', TON: 'Tonga', KIR: 'Kiribati' }[iso3];
      return `MEETING_PLANNED: Meeting with ${name} planned at ${CONFERENCE} on ${day(4)}`;
    });
    expect(await summaries(cast.france)).toEqual([...planned, workshopRecorded, recorded]);
    expect(await summaries(cast.panama)).toEqual([workshopRecorded, recorded]);
    expect(await summaries(cast.partner)).toEqual([workshopRecorded]);
  });

  it('names the event an entry is about only to those who see the entry', async () => {
    const SUBJECTS = `{ activityFeed(filter: { kinds: [EVENT_RECORDED, MEETING_PLANNED] }, first: 100) { edges { node { kind subjectId } } } }`;
    const subjects = async (actor: Actor) => ok(await t.gql(SUBJECTS, {}, actor.token)).activityFeed.edges.map((e: any) => e.node);
    const recorded = (nodes: any[]) => nodes.filter((n) => n.kind === 'EVENT_RECORDED').map((n) => n.subjectId);
    expect(recorded(await subjects(cast.france))).toEqual([workshop.id, event.id]);
    expect(recorded(await subjects(cast.panama))).toEqual([workshop.id, event.id]);
    // The partner may not see the conference: neither its entry nor its id reaches them by the feed.
    const partner = await subjects(cast.partner);
    expect(partner).toEqual([{ kind: 'EVENT_RECORDED', subjectId: workshop.id }]);
    expect(JSON.stringify(partner)).not.toContain(event.id);
    // Meetings: the planned meeting's own id, to those who see the meeting.
    const planned = (await subjects(cast.france))
      .filter((n: any) => n.kind === 'MEETING_PLANNED')
      .map((n: any) => n.subjectId)
      .sort();
    expect(planned).toEqual(
      Object.values(meetings)
        .map((m: any) => m.id)
        .sort(),
    );
  });

  it('answers for many events in a constant number of statements', async () => {
    const query = `query($from: Date!, $before: Date!) { events(startingFrom: $from, startingBefore: $before) { edges { node {
      name attendances { state { name } delegation { fullName } } plannedMeetings { state { iso3 } contacts { fullName } interaction { id } }
      interactions { id } attendingTargets(notMetOnly: true) { target { state { iso3 } } } } } } }`;
    // Once unmeasured, so that nothing still running from the previous test is counted.
    ok(await t.gql(query, { from: day(1), before: day(8) }, cast.france.token));
    const two = await t.counter.measure(() => t.gql(query, { from: day(1), before: day(8) }, cast.france.token));
    for (let i = 0; i < 3; i++) {
      const input = { name: `Side event ${i}`, kind: 'OTHER', startsOn: day(2), endsOn: day(2), attendingStateIso3s: ['KIR', 'TUV'] };
      const side = ok(await t.gql(RECORD, { input }, cast.france.token)).recordEvent;
      ok(await t.gql(PLAN, { input: { eventId: side.id, stateIso3: 'TUV' } }, cast.france.token));
    }
    const five = await t.counter.measure(() => t.gql(query, { from: day(1), before: day(8) }, cast.france.token));
    expect(ok(two.result).events.edges).toHaveLength(2);
    expect(ok(five.result).events.edges).toHaveLength(5);
    // Three more events (each with attendances and a planned meeting) add no statement; a loader
    // may dispatch its batch one tick apart from another, so allow that one statement either way.
    expect(Math.abs(five.statements - two.statements)).toBeLessThanOrEqual(1);
  });

  describe('corrections and deletion', () => {
    const read = async (id: string, actor: Actor = cast.france) => ok(await t.gql(READ_EVENT, { id }, actor.token)).event;
    const update = (input: Record<string, unknown>, actor: Actor = cast.france) => t.gql(UPDATE, { input }, actor.token);
    const changes = async (actor: Actor, query = CHANGES) =>
      ok(await t.gql(query, {}, actor.token)).activityFeed.edges.map((e: any) => `${e.node.kind}: ${e.node.summary}`);
    const audit = async (entity: string, entityId?: string) =>
      ok(await t.gql(AUDIT, { entity, entityId }, cast.admin.token)).auditLog.edges.map((e: any) => e.node);
    /** Rows of the event's own tables (attendance, delegations, planned meetings and their contacts, interactions at it). */
    const rowsOf = async (id: string) => {
      const [row] = await db.query(
        `SELECT (SELECT count(*) FROM events WHERE id = $1)::int AS events,
           (SELECT count(*) FROM event_attendances WHERE event_id = $1)::int AS attendances,
           (SELECT count(*) FROM event_delegates WHERE event_id = $1)::int AS delegates,
           (SELECT count(*) FROM planned_meetings WHERE event_id = $1)::int AS meetings,
           (SELECT count(*) FROM planned_meeting_contacts pc JOIN planned_meetings m ON m.id = pc.meeting_id WHERE m.event_id = $1)::int AS "meetingContacts",
           (SELECT count(*) FROM event_interactions WHERE event_id = $1)::int AS interactions`,
        [id],
      );
      return row;
    };
    const totals = async () =>
      (
        await db.query(`SELECT (SELECT count(*) FROM interactions)::int AS interactions, (SELECT count(*) FROM contacts)::int AS contacts`)
      )[0];
    const record = async (input: Record<string, unknown>, actor: Actor = cast.france) =>
      ok(await t.gql(RECORD, { input: { kind: 'WORKSHOP', startsOn: day(20), endsOn: day(22), ...input } }, actor.token)).recordEvent;

    it('corrects an event: a new version, the activity feed and the audit trail; a stale version is a CONFLICT and changes nothing', async () => {
      const summit = await record({
        name: 'Geneva summit',
        place: 'Genva',
        visibility: 'COORDINATORS',
        attendingStateIso3s: ['KIR', 'TUV'],
      });
      const input = {
        id: summit.id,
        expectedVersion: 1,
        name: 'Geneva Summit on Cluster Munitions',
        kind: 'REGIONAL_CONFERENCE',
        place: 'Geneva',
        startsOn: day(21),
        endsOn: day(23),
        visibility: 'SHARED',
      };
      const corrected = ok(await update(input)).updateEvent;
      const { expectedVersion: _read, ...fields } = input;
      expect(corrected).toEqual({ ...fields, version: 2 });
      // Only what is sent changes: clearing the place leaves the rest as it was.
      const cleared = ok(await update({ id: summit.id, expectedVersion: 2, place: null })).updateEvent;
      expect(cleared).toMatchObject({
        name: 'Geneva Summit on Cluster Munitions',
        place: null,
        startsOn: day(21),
        visibility: 'SHARED',
        version: 3,
      });
      expect((await read(summit.id)).attendances.map((a: any) => a.state.iso3)).toEqual(['KIR', 'TUV']);

      const stale = await update({ id: summit.id, expectedVersion: 2, name: 'Stale name' });
      expect(codes(stale)).toEqual(['CONFLICT']);
      expect(stale.errors![0].extensions!.details).toMatchObject({ expectedVersion: 2, actualVersion: 3 });
      expect(await read(summit.id)).toMatchObject({ name: 'Geneva Summit on Cluster Munitions', version: 3 });

      // Each change is in the feed, with the event's current visibility (partners see a SHARED event's
      // changes) and its current text: the place cleared since is gone from the earlier entry too.
      const clearedPlace = `EVENT_CHANGED: Event changed: Geneva Summit on Cluster Munitions, ${day(21)} to ${day(23)}`;
      expect(await changes(cast.panama)).toEqual([clearedPlace, clearedPlace]);
      expect(await changes(cast.partner)).toEqual([clearedPlace, clearedPlace]);
      const feed = ok(await t.gql(CHANGES, {}, cast.france.token)).activityFeed.edges;
      expect(feed[0].node.states.map((s: any) => s.iso3)).toEqual(['KIR', 'TUV']);

      // The audit trail has each change, by whom, before and after.
      const trail = (await audit('events', summit.id)).filter((entry: any) => entry.action === 'updateEvent');
      expect(trail).toHaveLength(2);
      expect(trail[1]).toMatchObject({
        actor: { email: 'coordinator@france.example' },
        before: { name: 'Geneva summit', place: 'Genva', kind: 'WORKSHOP', visibility: 'COORDINATORS', version: 1 },
        after: {
          name: 'Geneva Summit on Cluster Munitions',
          place: 'Geneva',
          kind: 'REGIONAL_CONFERENCE',
          visibility: 'SHARED',
          version: 2,
        },
      });
    });

    it('refuses bad input, other organizations and events out of sight', async () => {
      const workshop = await record({ name: 'Drafting workshop', visibility: 'COORDINATORS' });
      const hidden = await record({ name: 'Internal planning day', visibility: 'ORGANIZATION' });
      const bad = [
        { endsOn: day(19) }, // before the start it keeps
        { startsOn: day(23) }, // after the end it keeps
        { startsOn: day(25), endsOn: day(24) },
        { name: '   ' },
        { name: null },
        { startsOn: null },
        { place: 'x'.repeat(301) },
        { startsOn: '2026-02-30' },
      ];
      for (const change of bad) {
        expect([change, codes(await update({ id: workshop.id, expectedVersion: 1, ...change }))]).toEqual([change, ['BAD_USER_INPUT']]);
      }
      expect(codes(await update({ id: 'not-a-uuid', expectedVersion: 1, name: 'X' }))).toEqual(['BAD_USER_INPUT']);
      expect(await read(workshop.id)).toMatchObject({ name: 'Drafting workshop', startsOn: day(20), endsOn: day(22), version: 1 });

      expect(codes(await update({ id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, name: 'X' }))).toEqual(['NOT_FOUND']);
      expect(codes(await update({ id: workshop.id, expectedVersion: 1, name: 'Panama was here' }, cast.panama))).toEqual(['FORBIDDEN']);
      expect(codes(await update({ id: workshop.id, expectedVersion: 1, name: 'Partner was here' }, cast.partner))).toEqual(['FORBIDDEN']);
      expect(codes(await update({ id: hidden.id, expectedVersion: 1, name: 'Panama was here' }, cast.panama))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(DELETE, { id: workshop.id, expectedVersion: 1 }, cast.panama.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(DELETE, { id: hidden.id, expectedVersion: 1 }, cast.panama.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(DELETE, { id: 'not-a-uuid', expectedVersion: 1 }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(DELETE, { id: workshop.id, expectedVersion: 1 }, cast.partner.token))).toEqual(['FORBIDDEN']);
      expect(await read(workshop.id)).toMatchObject({ name: 'Drafting workshop', version: 1 });
      expect(await read(hidden.id)).toMatchObject({ name: 'Internal planning day', version: 1 });

      // The meetings planned and not yet held stay within the dates.
      ok(await t.gql(PLAN, { input: { eventId: workshop.id, stateIso3: 'TUV', plannedOn: day(22) } }, cast.france.token));
      const shifted = await update({ id: workshop.id, expectedVersion: 1, startsOn: day(23), endsOn: day(25) });
      expect(codes(shifted)).toEqual(['BAD_USER_INPUT']);
      expect(shifted.errors![0].message).toContain(day(22));
      expect(ok(await update({ id: workshop.id, expectedVersion: 1, startsOn: day(22), endsOn: day(24) })).updateEvent.version).toBe(2);

      // Panama planned a meeting there: France may not hide the event from Panama now.
      ok(await t.gql(PLAN, { input: { eventId: workshop.id, stateIso3: 'KIR', visibility: 'COORDINATORS' } }, cast.panama.token));
      const narrowed = await update({ id: workshop.id, expectedVersion: 2, visibility: 'ORGANIZATION' });
      expect(codes(narrowed)).toEqual(['BAD_USER_INPUT']);
      expect(narrowed.errors![0].extensions!.details).toMatchObject({ field: 'visibility' });
      expect(await read(workshop.id, cast.panama)).toMatchObject({ visibility: 'COORDINATORS', version: 2 });
      // Nor once others could see it, whether or not they used it: the answer does not depend on what France may not see.
      expect(ok(await update({ id: hidden.id, expectedVersion: 1, visibility: 'SHARED' })).updateEvent).toMatchObject({
        visibility: 'SHARED',
        version: 2,
      });
      const hiddenAgain = await update({ id: hidden.id, expectedVersion: 2, visibility: 'ORGANIZATION' });
      expect(codes(hiddenAgain)).toEqual(['BAD_USER_INPUT']);
      expect(hiddenAgain.errors![0].message).toBe(narrowed.errors![0].message.replace('COORDINATORS', 'SHARED'));
      expect(ok(await update({ id: hidden.id, expectedVersion: 2, visibility: 'COORDINATORS' })).updateEvent).toMatchObject({
        visibility: 'COORDINATORS',
        version: 3,
      });
      // An admin may correct any event it sees.
      expect(
        ok(await update({ id: workshop.id, expectedVersion: 2, name: 'Drafting workshop (corrected)' }, cast.admin)).updateEvent.version,
      ).toBe(3);
    });

    it('deletes an event with its attendance and planned meetings, in one write that the feed and the audit trail record', async () => {
      const side = await record({ name: 'Side event to cancel', visibility: 'COORDINATORS', attendingStateIso3s: ['PNG', 'TON'] });
      ok(
        await t.gql(
          ATTEND,
          { input: { eventId: side.id, stateIso3s: ['KIR'], delegationContactIds: [contacts['Kiribati delegate']], expectedVersion: 1 } },
          cast.france.token,
        ),
      );
      for (const [iso3, contact] of [
        ['PNG', 'Papua New Guinea delegate'],
        ['TON', 'Tonga delegate'],
      ]) {
        ok(
          await t.gql(
            PLAN,
            { input: { eventId: side.id, stateIso3: iso3, plannedOn: day(21), contactIds: [contacts[contact]] } },
            cast.france.token,
          ),
        );
      }
      expect(await rowsOf(side.id)).toEqual({ events: 1, attendances: 3, delegates: 1, meetings: 2, meetingContacts: 2, interactions: 0 });
      const before = await totals();

      expect(codes(await t.gql(DELETE, { id: side.id, expectedVersion: 1 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(await rowsOf(side.id)).toEqual({ events: 1, attendances: 3, delegates: 1, meetings: 2, meetingContacts: 2, interactions: 0 });

      expect(ok(await t.gql(DELETE, { id: side.id, expectedVersion: 2 }, cast.france.token)).deleteEvent).toBe(side.id);
      expect(await rowsOf(side.id)).toEqual({ events: 0, attendances: 0, delegates: 0, meetings: 0, meetingContacts: 0, interactions: 0 });
      // The contacts stay, and no interaction was touched.
      expect(await totals()).toEqual(before);
      expect(await read(side.id)).toBeNull();
      expect(codes(await t.gql(DELETE, { id: side.id, expectedVersion: 2 }, cast.france.token))).toEqual(['NOT_FOUND']);

      expect((await changes(cast.panama))[0]).toBe(`EVENT_DELETED: Event deleted: Side event to cancel, ${day(20)} to ${day(22)}`);
      expect((await changes(cast.partner)).some((line: string) => line.includes('Side event to cancel'))).toBe(false);
      const deleted = ok(await t.gql(CHANGES, {}, cast.france.token)).activityFeed.edges[0].node;
      expect(deleted.states.map((s: any) => s.iso3).sort()).toEqual(['KIR', 'PNG', 'TON']);

      // Every row that went is in the audit trail, under the one action.
      const trail = async (entity: string) => (await audit(entity)).filter((entry: any) => entry.action === 'deleteEvent');
      expect(await trail('events')).toEqual([
        expect.objectContaining({
          entityId: side.id,
          actor: { email: 'coordinator@france.example' },
          after: null,
          before: expect.objectContaining({ name: 'Side event to cancel' }),
        }),
      ]);
      for (const [entity, count] of [
        ['event_attendances', 3],
        ['event_delegates', 1],
        ['planned_meetings', 2],
        ['planned_meeting_contacts', 2],
      ] as const) {
        expect([entity, (await trail(entity)).length]).toEqual([entity, count]);
      }
    });

    it('refuses to delete an event where interactions were logged: they are history', async () => {
      // The conference: France's meeting with Kiribati was logged as held there.
      const conference = await read(event.id);
      const kept = await rowsOf(event.id);
      const refused = await t.gql(DELETE, { id: event.id, expectedVersion: conference.version }, cast.france.token);
      expect(codes(refused)).toEqual(['CONFLICT']);
      expect(refused.errors![0].message).toContain('history');
      expect(await rowsOf(event.id)).toEqual(kept);
      expect(kept.interactions).toBe(1);

      // An interaction that names the event, without a planned meeting, counts the same.
      const meetup = await record({ name: 'Informal meetup', visibility: 'COORDINATORS', attendingStateIso3s: ['TUV'] });
      const input = {
        type: 'EVENT_MEETING',
        occurredOn: day(0),
        subject: 'Tuvalu at the meetup',
        stateIso3s: ['TUV'],
        eventId: meetup.id,
        visibility: 'COORDINATORS',
      };
      ok(await t.gql('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', { input }, cast.panama.token));
      expect(codes(await t.gql(DELETE, { id: meetup.id, expectedVersion: 1 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(await read(meetup.id)).toMatchObject({ version: 1, interactions: [expect.anything()] });
      expect((await audit('events', meetup.id)).map((entry: any) => entry.action)).toEqual(['recordEvent']);
    });

    describe('of planned meetings', () => {
      const plan = async (input: Record<string, unknown>, actor: Actor = cast.france) =>
        ok(await t.gql(PLAN, { input }, actor.token)).planMeeting;
      const updateMeeting = (input: Record<string, unknown>, actor: Actor = cast.france) => t.gql(UPDATE_MEETING, { input }, actor.token);
      const deleteMeeting = (id: string, expectedVersion: number, actor: Actor = cast.france) =>
        t.gql(DELETE_MEETING, { id, expectedVersion }, actor.token);
      const meetingsAt = async (eventId: string) =>
        ok(await t.gql(READ_MEETINGS, { id: eventId }, cast.france.token)).event.plannedMeetings;
      /** The meeting changes and deletions at one event in the actor's feed, newest first. */
      const meetingFeed = async (actor: Actor, eventName: string) =>
        (await changes(actor, MEETING_CHANGES)).filter((line: string) => line.includes(` at ${eventName}`));

      it('corrects a planned meeting: a new version, the activity feed and the audit trail; a stale version is a CONFLICT and changes nothing', async () => {
        const dialogue = await record({
          name: 'Pacific dialogue',
          startsOn: day(30),
          endsOn: day(32),
          attendingStateIso3s: ['TON', 'KIR'],
        });
        const tonga = await plan({
          eventId: dialogue.id,
          stateIso3: 'TON',
          plannedOn: day(30),
          objective: 'Invite Tonga to join',
          contactIds: [contacts['Tonga delegate']],
        });
        const minister = ok(await t.gql(CREATE_CONTACT, { input: { fullName: 'Tonga minister', stateIso3: 'TON' } }, cast.france.token))
          .createContact.id;

        const input = {
          id: tonga.id,
          expectedVersion: 1,
          plannedOn: day(31),
          objective: 'Ask about the timeline',
          contactIds: [contacts['Tonga delegate'], minister],
          visibility: 'COORDINATORS',
        };
        expect(ok(await updateMeeting(input)).updatePlannedMeeting).toEqual({
          id: tonga.id,
          plannedOn: day(31),
          objective: 'Ask about the timeline',
          held: false,
          visibility: 'COORDINATORS',
          version: 2,
          state: { iso3: 'TON' },
          contacts: [{ fullName: 'Tonga delegate' }, { fullName: 'Tonga minister' }],
          event: { name: 'Pacific dialogue' },
        });
        // Only what is sent changes: null clears the objective, [] the contacts.
        const cleared = ok(await updateMeeting({ id: tonga.id, expectedVersion: 2, objective: null, contactIds: [] })).updatePlannedMeeting;
        expect(cleared).toMatchObject({ plannedOn: day(31), objective: null, visibility: 'COORDINATORS', version: 3, contacts: [] });

        const stale = await updateMeeting({ id: tonga.id, expectedVersion: 2, plannedOn: day(32), contactIds: [minister] });
        expect(codes(stale)).toEqual(['CONFLICT']);
        expect(stale.errors![0].extensions!.details).toMatchObject({ expectedVersion: 2, actualVersion: 3 });
        expect(await meetingsAt(dialogue.id)).toEqual([
          expect.objectContaining({ id: tonga.id, plannedOn: day(31), objective: null, version: 3, contacts: [] }),
        ]);
        // As when a meeting is planned, the event keeps its version.
        expect((await read(dialogue.id)).version).toBe(1);

        // The changes are in the feed with the meeting's visibility: COORDINATORS now, so Panama sees them and a partner does not.
        const changed = `MEETING_CHANGED: Planned meeting with Tonga at Pacific dialogue on ${day(31)} changed`;
        expect(await meetingFeed(cast.france, 'Pacific dialogue')).toEqual([changed, changed]);
        expect(await meetingFeed(cast.panama, 'Pacific dialogue')).toEqual([changed, changed]);
        expect(await meetingFeed(cast.partner, 'Pacific dialogue')).toEqual([]);
        expect(ok(await t.gql(MEETING_CHANGES, {}, cast.france.token)).activityFeed.edges[0].node.states).toEqual([{ iso3: 'TON' }]);

        // The audit trail has each change, by whom, before and after; a contact kept is not removed and added again.
        const trail = (await audit('planned_meetings', tonga.id)).map((entry: any) => entry.action);
        expect(trail).toEqual(['updatePlannedMeeting', 'updatePlannedMeeting', 'planMeeting']);
        expect((await audit('planned_meetings', tonga.id))[1]).toMatchObject({
          actor: { email: 'coordinator@france.example' },
          before: { planned_on: day(30), objective: 'Invite Tonga to join', visibility: 'ORGANIZATION', version: 1 },
          after: { planned_on: day(31), objective: 'Ask about the timeline', visibility: 'COORDINATORS', version: 2 },
        });
        const contactTrail = (await audit('planned_meeting_contacts', tonga.id)).filter(
          (entry: any) => entry.action === 'updatePlannedMeeting',
        );
        expect(contactTrail.filter((entry: any) => entry.before === null).map((entry: any) => entry.after.contact_id)).toEqual([minister]);
        expect(
          contactTrail
            .filter((entry: any) => entry.after === null)
            .map((entry: any) => entry.before.contact_id)
            .sort(),
        ).toEqual([contacts['Tonga delegate'], minister].sort());
      });

      it('keeps the rules of planMeeting, and refuses other organizations and meetings out of sight', async () => {
        const talks = await record({ name: 'Treaty talks', startsOn: day(30), endsOn: day(31), attendingStateIso3s: ['KIR'] });
        const kiribati = await plan({
          eventId: talks.id,
          stateIso3: 'KIR',
          plannedOn: day(30),
          objective: 'Explain the treaty',
          contactIds: [contacts['Kiribati delegate']],
        });
        const bad = [
          { plannedOn: day(29) }, // before the event
          { plannedOn: day(32) }, // after it
          { plannedOn: '2026-02-30' },
          { contactIds: [contacts['Tonga delegate']] }, // a contact of another State
          { contactIds: ['00000000-0000-4000-8000-000000000000'] },
          { contactIds: null },
          { visibility: null },
          { objective: 'x'.repeat(5001) },
        ];
        for (const change of bad) {
          expect([change, codes(await updateMeeting({ id: kiribati.id, expectedVersion: 1, ...change }))]).toEqual([
            change,
            ['BAD_USER_INPUT'],
          ]);
        }
        const outside = await updateMeeting({ id: kiribati.id, expectedVersion: 1, plannedOn: day(32) });
        expect(outside.errors![0].extensions!.details).toMatchObject({ field: 'plannedOn' });
        expect(outside.errors![0].message).toContain(`${day(30)} to ${day(31)}`);

        // ORGANIZATION by default: Panama does not see it; a partner may not write.
        expect(codes(await updateMeeting({ id: kiribati.id, expectedVersion: 1, objective: 'Panama was here' }, cast.panama))).toEqual([
          'NOT_FOUND',
        ]);
        expect(codes(await updateMeeting({ id: kiribati.id, expectedVersion: 1, objective: 'Partner was here' }, cast.partner))).toEqual([
          'FORBIDDEN',
        ]);
        expect(codes(await deleteMeeting(kiribati.id, 1, cast.panama))).toEqual(['NOT_FOUND']);
        expect(codes(await updateMeeting({ id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, objective: 'X' }))).toEqual([
          'NOT_FOUND',
        ]);
        expect(codes(await deleteMeeting('not-a-uuid', 1))).toEqual(['NOT_FOUND']);
        expect(await meetingsAt(talks.id)).toEqual([
          {
            id: kiribati.id,
            plannedOn: day(30),
            objective: 'Explain the treaty',
            held: false,
            visibility: 'ORGANIZATION',
            version: 1,
            state: { iso3: 'KIR' },
            contacts: [{ fullName: 'Kiribati delegate' }],
          },
        ]);
        expect(await meetingFeed(cast.france, 'Treaty talks')).toEqual([]);

        // Panama sees a COORDINATORS meeting of France's, and still may not change it.
        ok(await updateMeeting({ id: kiribati.id, expectedVersion: 1, visibility: 'COORDINATORS' }));
        expect(codes(await updateMeeting({ id: kiribati.id, expectedVersion: 2, objective: 'Panama was here' }, cast.panama))).toEqual([
          'FORBIDDEN',
        ]);
        expect(codes(await deleteMeeting(kiribati.id, 2, cast.panama))).toEqual(['FORBIDDEN']);
        // An admin may correct any meeting it sees.
        expect(
          ok(await updateMeeting({ id: kiribati.id, expectedVersion: 2, plannedOn: day(31) }, cast.admin)).updatePlannedMeeting,
        ).toMatchObject({ plannedOn: day(31), version: 3 });
      });

      it('refuses to change or delete a meeting logged as held: its interaction is the record', async () => {
        const round = await record({ name: 'Round table', startsOn: day(30), endsOn: day(30), attendingStateIso3s: ['PNG'] });
        const png = await plan({
          eventId: round.id,
          stateIso3: 'PNG',
          plannedOn: day(30),
          objective: 'Discuss the timeline',
          visibility: 'COORDINATORS',
        });
        expect(ok(await t.gql(HELD, { input: { meetingId: png.id, occurredOn: day(0) } }, cast.france.token)).logMeetingHeld).toMatchObject(
          { held: true, version: 2 },
        );

        const changed = await updateMeeting({ id: png.id, expectedVersion: 2, objective: 'Rewritten afterwards' });
        expect(codes(changed)).toEqual(['CONFLICT']);
        expect(changed.errors![0].message).toContain('logged as held');
        const deleted = await deleteMeeting(png.id, 2);
        expect(codes(deleted)).toEqual(['CONFLICT']);
        expect(deleted.errors![0].message).toContain('logged as held');
        // Not even by an admin.
        expect(codes(await deleteMeeting(png.id, 2, cast.admin))).toEqual(['CONFLICT']);

        expect(await meetingsAt(round.id)).toEqual([
          expect.objectContaining({ id: png.id, held: true, objective: 'Discuss the timeline', version: 2 }),
        ]);
        expect((await audit('planned_meetings', png.id)).map((entry: any) => entry.action)).toEqual(['logMeetingHeld', 'planMeeting']);
        expect(await meetingFeed(cast.france, 'Round table')).toEqual([]);
      });

      it('deletes exactly that meeting, with its contacts, in one write that the feed and the audit trail record', async () => {
        const forum = await record({
          name: 'Island States forum',
          startsOn: day(30),
          endsOn: day(32),
          attendingStateIso3s: ['KIR', 'TON'],
        });
        const first = await plan({
          eventId: forum.id,
          stateIso3: 'KIR',
          plannedOn: day(30),
          contactIds: [contacts['Kiribati delegate']],
          visibility: 'COORDINATORS',
        });
        const second = await plan({
          eventId: forum.id,
          stateIso3: 'KIR',
          plannedOn: day(32),
          contactIds: [contacts['Kiribati delegate']],
          visibility: 'COORDINATORS',
        });
        const tonga = await plan({ eventId: forum.id, stateIso3: 'TON', plannedOn: day(31), contactIds: [contacts['Tonga delegate']] });
        expect(await rowsOf(forum.id)).toMatchObject({ meetings: 3, meetingContacts: 3 });
        const before = await totals();

        expect(codes(await deleteMeeting(first.id, 2))).toEqual(['CONFLICT']);
        expect(await rowsOf(forum.id)).toMatchObject({ meetings: 3, meetingContacts: 3 });

        expect(ok(await deleteMeeting(first.id, 1)).deletePlannedMeeting).toBe(first.id);
        expect(await rowsOf(forum.id)).toEqual({
          events: 1,
          attendances: 2,
          delegates: 0,
          meetings: 2,
          meetingContacts: 2,
          interactions: 0,
        });
        expect((await meetingsAt(forum.id)).map((m: any) => [m.id, m.version])).toEqual([
          [tonga.id, 1],
          [second.id, 1],
        ]);
        // The contacts stay, no interaction was touched, and the event keeps its version.
        expect(await totals()).toEqual(before);
        expect((await read(forum.id)).version).toBe(1);
        expect(codes(await deleteMeeting(first.id, 1))).toEqual(['NOT_FOUND']);

        const deleted = `MEETING_DELETED: Planned meeting with Kiribati at Island States forum on ${day(30)} deleted`;
        expect(await meetingFeed(cast.panama, 'Island States forum')).toEqual([deleted]);
        expect(await meetingFeed(cast.partner, 'Island States forum')).toEqual([]);

        const trail = async (entity: string) =>
          (await audit(entity, first.id)).filter((entry: any) => entry.action === 'deletePlannedMeeting');
        expect(await trail('planned_meetings')).toEqual([
          expect.objectContaining({
            actor: { email: 'coordinator@france.example' },
            after: null,
            before: expect.objectContaining({ state_iso3: 'KIR', planned_on: day(30) }),
          }),
        ]);
        expect(await trail('planned_meeting_contacts')).toEqual([
          expect.objectContaining({ after: null, before: expect.objectContaining({ contact_id: contacts['Kiribati delegate'] }) }),
        ]);
      });

      it('event dates were wrong: the meetings planned on them move with updatePlannedMeeting, then updateEvent takes the right dates', async () => {
        // Recorded as running from day 40 to 44, the conference runs from day 42: meetings were planned on its first two days.
        const conference = await record({
          name: 'Universalization conference',
          startsOn: day(40),
          endsOn: day(44),
          attendingStateIso3s: ['KIR', 'TON'],
        });
        const kiribati = await plan({ eventId: conference.id, stateIso3: 'KIR', plannedOn: day(40) });
        const tonga = await plan({ eventId: conference.id, stateIso3: 'TON', plannedOn: day(41) });
        const right = { id: conference.id, expectedVersion: 1, startsOn: day(42), endsOn: day(44) };
        const refused = await update(right);
        expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
        expect(refused.errors![0].message).toContain(`${day(40)}, ${day(41)}`);

        expect(ok(await updateMeeting({ id: kiribati.id, expectedVersion: 1, plannedOn: day(42) })).updatePlannedMeeting.version).toBe(2);
        expect(ok(await updateMeeting({ id: tonga.id, expectedVersion: 1, plannedOn: day(43) })).updatePlannedMeeting.version).toBe(2);
        expect(ok(await update(right)).updateEvent).toMatchObject({ startsOn: day(42), endsOn: day(44), version: 2 });
        expect((await meetingsAt(conference.id)).map((m: any) => [m.state.iso3, m.plannedOn])).toEqual([
          ['KIR', day(42)],
          ['TON', day(43)],
        ]);

        // Moved to dates it does not yet have, a meeting's date is cleared first and set again once the event moved.
        expect(codes(await updateMeeting({ id: kiribati.id, expectedVersion: 2, plannedOn: day(49) }))).toEqual(['BAD_USER_INPUT']);
        ok(await updateMeeting({ id: kiribati.id, expectedVersion: 2, plannedOn: null }));
        ok(await updateMeeting({ id: tonga.id, expectedVersion: 2, plannedOn: null }));
        expect(ok(await update({ id: conference.id, expectedVersion: 2, startsOn: day(49), endsOn: day(51) })).updateEvent.version).toBe(3);
        expect(ok(await updateMeeting({ id: kiribati.id, expectedVersion: 3, plannedOn: day(49) })).updatePlannedMeeting).toMatchObject({
          plannedOn: day(49),
          version: 4,
        });
      });
    });
  });
  it("names a planned meeting's event only to those who may see the event", async () => {
    const retreat = ok(
      await t.gql(
        RECORD,
        {
          input: {
            name: 'Quiet retreat',
            kind: 'OTHER',
            startsOn: day(40),
            endsOn: day(41),
            visibility: 'ORGANIZATION',
            attendingStateIso3s: ['TUV'],
          },
        },
        cast.france.token,
      ),
    ).recordEvent;
    const meeting = ok(
      await t.gql(PLAN, { input: { eventId: retreat.id, stateIso3: 'TUV', plannedOn: day(40), visibility: 'SHARED' } }, cast.france.token),
    ).planMeeting;
    const QUERY = `{ activityFeed(filter: { kinds: [MEETING_PLANNED] }, first: 100) { edges { node { kind subjectId eventId } } } }`;
    const entry = async (actor: Actor) =>
      ok(await t.gql(QUERY, {}, actor.token))
        .activityFeed.edges.map((e: any) => e.node)
        .find((n: any) => n.subjectId === meeting.id);
    expect(await entry(cast.france)).toEqual({ kind: 'MEETING_PLANNED', subjectId: meeting.id, eventId: retreat.id });
    // Panama and the partner see the shared meeting, not the event it is planned at: nor its id.
    for (const actor of [cast.panama, cast.partner]) {
      expect(await entry(actor)).toEqual({ kind: 'MEETING_PLANNED', subjectId: meeting.id, eventId: null });
      expect(JSON.stringify(ok(await t.gql(QUERY, {}, actor.token)))).not.toContain(retreat.id);
    }

    // Live, the same.
    const ADDED = 'subscription { activityAdded(filter: { kinds: [MEETING_PLANNED] }) { kind subjectId eventId } }';
    const [france, panama] = [await subscribe(t.url, cast.france.token, ADDED), await subscribe(t.url, cast.panama.token, ADDED)];
    try {
      const second = ok(
        await t.gql(
          PLAN,
          { input: { eventId: retreat.id, stateIso3: 'TUV', plannedOn: day(41), visibility: 'SHARED' } },
          cast.france.token,
        ),
      ).planMeeting;
      await france.waitFor(1, 2000);
      await panama.waitFor(1, 2000);
      expect(france.received.map((r) => r.data.activityAdded)).toEqual([
        { kind: 'MEETING_PLANNED', subjectId: second.id, eventId: retreat.id },
      ]);
      expect(panama.received.map((r) => r.data.activityAdded)).toEqual([{ kind: 'MEETING_PLANNED', subjectId: second.id, eventId: null }]);
    } finally {
      await Promise.all([france.close(), panama.close()]);
    }
  });
});
