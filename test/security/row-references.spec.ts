import { DataSource } from 'typeorm';
import { codes, ok, startTestApp, type GqlResponse, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

/**
 * Readable is not the same as usable: every mutation that names another row (the row it changes,
 * or one it takes over, links to, plans at or copies from) is refused when the caller may read that
 * row but not use it that way (FORBIDDEN), and when it may not read it at all (NOT_FOUND, revealing
 * nothing), and then nothing is written.
 *
 * France owns one of each kind of row at each visibility. The callers:
 * - Panama's coordinator on a COORDINATORS row (reads it, may not change it);
 * - the partner on a SHARED row (reads it, may not change it);
 * - Panama's coordinator on an ORGANIZATION row, and the partner on a COORDINATORS row (may not read it).
 */

const DAY = 24 * 3600 * 1000;
// In the past: interactions and letters are dated on or before today.
const day = (offset: number) => new Date(Date.UTC(2025, 0, 10) + offset * DAY).toISOString().slice(0, 10);

type Visibility = 'ORGANIZATION' | 'COORDINATORS' | 'SHARED';

/** France's rows of one visibility. */
interface Rows {
  mandate: { id: string; version: number };
  objective: string;
  activity: string;
  event: string;
  meeting: string;
  interaction: string;
  campaign: string;
  letter: string;
}

interface Fixture {
  france: Record<Visibility, Rows>;
  /** Panama's own mandate and, at France's COORDINATORS event, Panama's own ORGANIZATION meeting. */
  panamaMandate: { id: string; version: number };
  panamaMeeting: string;
  contact: string;
}

type Caller = 'panama' | 'partner';
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';

interface ReferenceCase {
  /** The mutation, and the id it takes. */
  name: string;
  run(t: TestApp, actor: Actor, rows: Rows, fixture: Fixture, cast: Cast): Promise<GqlResponse>;
  /** Who reads but may not use the row, and who may not read it. */
  expect: { readsPanama: Outcome; readsPartner: Outcome; blindPanama: Outcome; blindPartner: Outcome };
}

const gql = (t: TestApp, actor: Actor, query: string, variables: Record<string, unknown>) => t.gql(query, variables, actor.token);

const START = `mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }`;
const UPDATE_MANDATE = `mutation($id: ID!, $input: UpdateMandateInput!) { updateMandate(id: $id, input: $input) { id } }`;
const DELETE_MANDATE = `mutation($id: ID!, $v: Int!) { deleteMandate(id: $id, expectedVersion: $v) }`;
const ADD_OBJECTIVE = `mutation($id: ID!) { addObjective(mandateId: $id, input: { title: "Taken over" }) { id } }`;
const UPDATE_OBJECTIVE = `mutation($id: ID!) { updateObjective(id: $id, input: { expectedVersion: 1, title: "Taken over" }) { id } }`;
const DELETE_OBJECTIVE = `mutation($id: ID!) { deleteObjective(id: $id, expectedVersion: 1) }`;
const PLAN_ACTIVITY = `mutation($id: ID!, $input: PlanActivityInput!) { planActivity(mandateId: $id, input: $input) { id } }`;
const UPDATE_ACTIVITY = `mutation($id: ID!) { updatePlannedActivity(id: $id, input: { expectedVersion: 1, title: "Taken over" }) { id } }`;
const DELETE_ACTIVITY = `mutation($id: ID!) { deletePlannedActivity(id: $id, expectedVersion: 1) }`;
const RECORD_EVENT = `mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }`;
const UPDATE_EVENT = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`;
const DELETE_EVENT = `mutation($id: ID!) { deleteEvent(id: $id, expectedVersion: 1) }`;
const ATTEND = `mutation($input: AddEventAttendanceInput!) { addEventAttendance(input: $input) { id } }`;
const UNATTEND = `mutation($id: ID!) { removeEventAttendance(eventId: $id, stateIso3: "KIR") { id } }`;
const PLAN_MEETING = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`;
const UPDATE_MEETING = `mutation($input: UpdatePlannedMeetingInput!) { updatePlannedMeeting(input: $input) { id } }`;
const DELETE_MEETING = `mutation($id: ID!) { deletePlannedMeeting(id: $id, expectedVersion: 1) }`;
const HELD = `mutation($input: LogMeetingHeldInput!) { logMeetingHeld(input: $input) { id } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const UPDATE_INTERACTION = `mutation($id: ID!) { updateInteraction(id: $id, input: { expectedVersion: 1, subject: "Taken over" }) { id } }`;
const DELETE_INTERACTION = `mutation($id: ID!) { deleteInteraction(id: $id, expectedVersion: 1) }`;
const FOLLOW_UP_DONE = `mutation($id: ID!) { markFollowUpDone(id: $id, expectedVersion: 1) { id } }`;
const REPLY = `mutation($id: ID!) { recordReply(id: $id, expectedVersion: 1, receivedOn: "${day(5)}") { id } }`;
const CAMPAIGN = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id letters { interaction { id } } } }`;
const UPDATE_CAMPAIGN = `mutation($input: UpdateLetterCampaignInput!) { updateLetterCampaign(input: $input) { id } }`;
const DELETE_CAMPAIGN = `mutation($id: ID!) { deleteLetterCampaign(id: $id, expectedVersion: 1) }`;
const LETTER_REPLY = `mutation($input: LogLetterReplyInput!) { logLetterReply(input: $input) { status } }`;
const LETTER_FOLLOWED_UP = `mutation($input: MarkCampaignFollowUpDoneInput!) { markCampaignFollowUpDone(input: $input) { status } }`;

/** A mandate Panama starts, taking over France's: its organization only, after France's started. */
const takeOver = (rows: Rows, cast: Cast, visibility = 'SHARED') => ({
  name: 'Taken over by another organization',
  periodFrom: day(1),
  periodTo: day(300),
  organizationIds: [cast.panama.organizationId],
  previousMandateId: rows.mandate.id,
  visibility,
});

const FORBIDDEN_BY_ROLE = { readsPartner: 'FORBIDDEN', blindPartner: 'FORBIDDEN' } as const;

const CASES: ReferenceCase[] = [
  // Work plans.
  {
    name: 'startMandate(previousMandateId)',
    run: (t, actor, rows, _f, cast) => gql(t, actor, START, { input: takeOver(rows, cast) }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'startMandate(previousMandateId), kept as private as the mandate taken over',
    run: (t, actor, rows, _f, cast) => gql(t, actor, START, { input: takeOver(rows, cast, 'ORGANIZATION') }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'startMandate(previousMandateId) without its planned activities',
    run: (t, actor, rows, _f, cast) => gql(t, actor, START, { input: { ...takeOver(rows, cast), carryOverActivities: false } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'updateMandate(id)',
    run: (t, actor, rows) =>
      gql(t, actor, UPDATE_MANDATE, { id: rows.mandate.id, input: { expectedVersion: rows.mandate.version, name: 'Taken over' } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'deleteMandate(id)',
    run: (t, actor, rows) => gql(t, actor, DELETE_MANDATE, { id: rows.mandate.id, v: rows.mandate.version }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'addObjective(mandateId)',
    run: (t, actor, rows) => gql(t, actor, ADD_OBJECTIVE, { id: rows.mandate.id }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'updateObjective(id)',
    run: (t, actor, rows) => gql(t, actor, UPDATE_OBJECTIVE, { id: rows.objective }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'deleteObjective(id)',
    run: (t, actor, rows) => gql(t, actor, DELETE_OBJECTIVE, { id: rows.objective }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'planActivity(mandateId)',
    run: (t, actor, rows) =>
      gql(t, actor, PLAN_ACTIVITY, { id: rows.mandate.id, input: { title: 'Taken over', kind: 'OTHER', plannedOn: day(3) } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'updatePlannedActivity(id)',
    run: (t, actor, rows) => gql(t, actor, UPDATE_ACTIVITY, { id: rows.activity }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'deletePlannedActivity(id)',
    run: (t, actor, rows) => gql(t, actor, DELETE_ACTIVITY, { id: rows.activity }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    // Linking an interaction to one's own plan only points at it (the plan shows it to those who may see it): seeing it is enough.
    name: "planActivity(input.interactionIds) in the caller's own mandate",
    run: (t, actor, rows, f) =>
      gql(t, actor, PLAN_ACTIVITY, {
        id: f.panamaMandate.id,
        input: { title: 'Linked', kind: 'OTHER', plannedOn: day(3), interactionIds: [rows.interaction] },
      }),
    expect: { readsPanama: 'ok', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  // Events and planned meetings.
  {
    name: 'updateEvent(id)',
    run: (t, actor, rows) => gql(t, actor, UPDATE_EVENT, { input: { id: rows.event, expectedVersion: 1, name: 'Taken over' } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'deleteEvent(id)',
    run: (t, actor, rows) => gql(t, actor, DELETE_EVENT, { id: rows.event }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'addEventAttendance(eventId)',
    run: (t, actor, rows) => gql(t, actor, ATTEND, { input: { eventId: rows.event, stateIso3s: ['TUV'] } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'removeEventAttendance(eventId)',
    run: (t, actor, rows) => gql(t, actor, UNATTEND, { id: rows.event }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    // Planning a meeting of one's own at an event one sees is what events are for; the meeting's visibility stays its own.
    name: 'planMeeting(eventId), as private as the event',
    run: (t, actor, rows) => gql(t, actor, PLAN_MEETING, { input: { eventId: rows.event, stateIso3: 'TON', visibility: 'ORGANIZATION' } }),
    expect: { readsPanama: 'ok', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    // The meeting names the event in the activity feed: it may not be seen more widely than the event, unless the event is the caller's.
    name: 'planMeeting(eventId), seen more widely than the event',
    run: (t, actor, rows) => gql(t, actor, PLAN_MEETING, { input: { eventId: rows.event, stateIso3: 'TON', visibility: 'SHARED' } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'updatePlannedMeeting(id)',
    run: (t, actor, rows) => gql(t, actor, UPDATE_MEETING, { input: { id: rows.meeting, expectedVersion: 1, objective: 'Taken over' } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'deletePlannedMeeting(id)',
    run: (t, actor, rows) => gql(t, actor, DELETE_MEETING, { id: rows.meeting }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'logMeetingHeld(meetingId)',
    run: (t, actor, rows) => gql(t, actor, HELD, { input: { meetingId: rows.meeting, occurredOn: day(1), expectedVersion: 1 } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    // Panama's own meeting at France's COORDINATORS event: Panama may change the meeting, not show France's event more widely.
    name: "updatePlannedMeeting(id).visibility wider than another organization's event",
    run: (t, actor, _rows, f) =>
      gql(t, actor, UPDATE_MEETING, { input: { id: f.panamaMeeting, expectedVersion: 1, visibility: 'SHARED' } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'FORBIDDEN', ...FORBIDDEN_BY_ROLE },
  },
  // Interactions, follow-ups and replies.
  {
    // Logging one's own interaction at an event one sees links to it, and copies nothing from it.
    name: 'logInteraction(input.eventId)',
    run: (t, actor, rows) =>
      gql(t, actor, LOG, {
        input: {
          type: 'EVENT_MEETING',
          occurredOn: day(1),
          subject: 'Met at the event',
          stateIso3s: ['TON'],
          eventId: rows.event,
          visibility: 'SHARED',
        },
      }),
    expect: { readsPanama: 'ok', readsPartner: 'ok', blindPanama: 'NOT_FOUND', blindPartner: 'NOT_FOUND' },
  },
  {
    name: 'updateInteraction(id)',
    run: (t, actor, rows) => gql(t, actor, UPDATE_INTERACTION, { id: rows.interaction }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'deleteInteraction(id)',
    run: (t, actor, rows) => gql(t, actor, DELETE_INTERACTION, { id: rows.interaction }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'markFollowUpDone(id)',
    run: (t, actor, rows) => gql(t, actor, FOLLOW_UP_DONE, { id: rows.interaction }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'recordReply(id)',
    run: (t, actor, rows) => gql(t, actor, REPLY, { id: rows.interaction }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  // Letter campaigns and their letters.
  {
    name: 'updateLetterCampaign(id)',
    run: (t, actor, rows) => gql(t, actor, UPDATE_CAMPAIGN, { input: { id: rows.campaign, expectedVersion: 1, name: 'Taken over' } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'updateLetterCampaign(id).ownerId',
    run: (t, actor, rows) => gql(t, actor, UPDATE_CAMPAIGN, { input: { id: rows.campaign, expectedVersion: 1, ownerId: actor.id } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'deleteLetterCampaign(id)',
    run: (t, actor, rows) => gql(t, actor, DELETE_CAMPAIGN, { id: rows.campaign }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'logLetterReply(campaignId, stateIso3)',
    run: (t, actor, rows) =>
      gql(t, actor, LETTER_REPLY, { input: { campaignId: rows.campaign, stateIso3: 'TUV', expectedVersion: 1, receivedOn: day(5) } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'logLetterReply(interactionId)',
    run: (t, actor, rows) => gql(t, actor, LETTER_REPLY, { input: { interactionId: rows.letter, expectedVersion: 1, receivedOn: day(5) } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'markCampaignFollowUpDone(campaignId, stateIso3)',
    run: (t, actor, rows) =>
      gql(t, actor, LETTER_FOLLOWED_UP, { input: { campaignId: rows.campaign, stateIso3: 'TUV', expectedVersion: 1 } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
  {
    name: 'markCampaignFollowUpDone(interactionId)',
    run: (t, actor, rows) => gql(t, actor, LETTER_FOLLOWED_UP, { input: { interactionId: rows.letter, expectedVersion: 1 } }),
    expect: { readsPanama: 'FORBIDDEN', blindPanama: 'NOT_FOUND', ...FORBIDDEN_BY_ROLE },
  },
];

/** Who reads France's row of which visibility but may not change it, and who may not read it. */
const CALLS: { key: keyof ReferenceCase['expect']; caller: Caller; visibility: Visibility }[] = [
  { key: 'readsPanama', caller: 'panama', visibility: 'COORDINATORS' },
  { key: 'readsPartner', caller: 'partner', visibility: 'SHARED' },
  { key: 'blindPanama', caller: 'panama', visibility: 'ORGANIZATION' },
  { key: 'blindPartner', caller: 'partner', visibility: 'COORDINATORS' },
];

/** Every table a refused mutation could have written to, as one comparable value per table. */
const TABLES = [
  'mandates',
  'mandate_objectives',
  'planned_activities',
  'events',
  'event_attendances',
  'event_delegates',
  'event_interactions',
  'planned_meetings',
  'planned_meeting_contacts',
  'interactions',
  'interaction_states',
  'interaction_contacts',
  'letter_campaigns',
  'campaign_letters',
  'contacts',
  'contact_postings',
  'activity_events',
  'audit_entries',
];

async function snapshot(db: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await db.query(
      `SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS print FROM ${table} t`,
    );
    result[table] = row.print;
  }
  return result;
}

describe('row references: readable is not usable', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let fixture: Fixture;

  async function franceRows(visibility: Visibility): Promise<Rows> {
    const france = cast.france.token;
    const mandate = ok(
      await t.gql(
        `mutation($input: StartMandateInput!) { startMandate(input: $input) { id version } }`,
        {
          input: {
            name: `France ${visibility} mandate`,
            periodFrom: day(-100),
            periodTo: day(100),
            organizationIds: [cast.france.organizationId],
            visibility,
          },
        },
        france,
      ),
    ).startMandate;
    const objective = ok(
      await t.gql(
        `mutation($id: ID!) { addObjective(mandateId: $id, input: { title: "France's objective" }) { id } }`,
        { id: mandate.id },
        france,
      ),
    ).addObjective.id;
    const activity = ok(
      await t.gql(
        PLAN_ACTIVITY,
        {
          id: mandate.id,
          input: { title: `France's ${visibility} activity`, kind: 'OTHER', plannedOn: day(10), notes: 'Private notes of France' },
        },
        france,
      ),
    ).planActivity.id;
    const refreshed = ok(await t.gql(`query($id: ID!) { mandate(id: $id) { id version } }`, { id: mandate.id }, france)).mandate;
    const event = ok(
      await t.gql(
        RECORD_EVENT,
        {
          input: {
            name: `France ${visibility} event`,
            kind: 'WORKSHOP',
            startsOn: day(0),
            endsOn: day(4),
            visibility,
            attendingStateIso3s: ['KIR', 'TON'],
          },
        },
        france,
      ),
    ).recordEvent.id;
    const meeting = ok(await t.gql(PLAN_MEETING, { input: { eventId: event, stateIso3: 'KIR', plannedOn: day(2), visibility } }, france))
      .planMeeting.id;
    const interaction = ok(
      await t.gql(
        LOG,
        {
          input: {
            type: 'LETTER',
            occurredOn: day(-10),
            subject: `France ${visibility} letter`,
            stateIso3s: ['KIR'],
            followUpOn: day(20),
            visibility,
            contactIds: [fixture.contact],
          },
        },
        france,
      ),
    ).logInteraction.id;
    const campaign = ok(
      await t.gql(
        CAMPAIGN,
        {
          input: {
            name: `France ${visibility} campaign`,
            templateRef: 'letters/ref.docx',
            sendingDate: day(-5),
            stateIso3s: ['TUV'],
            visibility,
            followUpOn: day(30),
          },
        },
        france,
      ),
    ).createLetterCampaign;
    return {
      mandate: refreshed,
      objective,
      activity,
      event,
      meeting,
      interaction,
      campaign: campaign.id,
      letter: campaign.letters[0].interaction.id,
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    fixture = {
      contact: ok(
        await t.gql('mutation { createContact(input: { fullName: "Kiribati delegate", stateIso3: "KIR" }) { id } }', {}, cast.france.token),
      ).createContact.id,
    } as Fixture;
    fixture.france = {
      ORGANIZATION: await franceRows('ORGANIZATION'),
      COORDINATORS: await franceRows('COORDINATORS'),
      SHARED: await franceRows('SHARED'),
    };
    fixture.panamaMandate = ok(
      await t.gql(
        START.replace('{ id }', '{ id version }'),
        {
          input: { name: 'Panama mandate', periodFrom: day(-50), periodTo: day(50), organizationIds: [cast.panama.organizationId] },
        },
        cast.panama.token,
      ),
    ).startMandate;
    fixture.panamaMeeting = ok(
      await t.gql(
        PLAN_MEETING,
        {
          input: { eventId: fixture.france.COORDINATORS.event, stateIso3: 'TON', plannedOn: day(3), visibility: 'ORGANIZATION' },
        },
        cast.panama.token,
      ),
    ).planMeeting.id;
  });
  afterAll(() => t?.close());

  describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, reference) => {
    it.each(CALLS.map((call) => [`${call.caller} on France's ${call.visibility} row`, call] as const))('as %s', async (_label, call) => {
      const expected = reference.expect[call.key];
      const before = await snapshot(db);
      const response = await reference.run(t, cast[call.caller], fixture.france[call.visibility], fixture, cast);
      if (expected === 'ok') {
        expect(codes(response)).toEqual([]);
        return;
      }
      expect(codes(response)).toEqual([expected]);
      expect(response.data).toBeNull();
      // Nothing written: every table as it was.
      expect(await snapshot(db)).toEqual(before);
    });
  });

  it("hands over as France's own coordinator: the editor of the previous mandate may take it over", async () => {
    const previous = ok(
      await t.gql(
        START,
        {
          input: {
            name: 'France, before',
            periodFrom: day(-100),
            periodTo: day(0),
            organizationIds: [cast.france.organizationId],
            visibility: 'COORDINATORS',
          },
        },
        cast.france.token,
      ),
    ).startMandate.id;
    ok(
      await t.gql(
        PLAN_ACTIVITY,
        { id: previous, input: { title: 'Carried', kind: 'OTHER', plannedOn: day(10), notes: 'Private notes of France' } },
        cast.france.token,
      ),
    );
    const started = await t.gql(
      START,
      {
        input: {
          name: 'France, next',
          periodFrom: day(1),
          periodTo: day(300),
          organizationIds: [cast.france.organizationId, cast.panama.organizationId],
          previousMandateId: previous,
          visibility: 'COORDINATORS',
        },
      },
      cast.france.token,
    );
    const id = ok(started).startMandate.id;
    const next = ok(
      await t.gql(
        `query($id: ID!) { mandate(id: $id) { previousMandate { id } plannedActivities { title notes } } }`,
        { id },
        cast.panama.token,
      ),
    ).mandate;
    expect(next).toEqual({
      previousMandate: { id: previous },
      plannedActivities: [{ title: 'Carried', notes: 'Private notes of France' }],
    });
  });

  it('contacts and target lists are shared by everyone: unknown ones are NOT_FOUND, and nothing is written', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = await snapshot(db);
    const refused = [
      await t.gql(
        LOG,
        { input: { type: 'PHONE_CALL', occurredOn: day(1), subject: 'Call', stateIso3s: ['KIR'], contactIds: [unknown] } },
        cast.panama.token,
      ),
      await t.gql(
        START,
        {
          input: {
            name: 'Unknown list',
            periodFrom: day(1),
            periodTo: day(2),
            organizationIds: [cast.panama.organizationId],
            targetListIds: [unknown],
          },
        },
        cast.panama.token,
      ),
      await t.gql(
        'mutation($input: MergeContactsInput!) { mergeContacts(input: $input) { id } }',
        { input: { survivorId: unknown, survivorExpectedVersion: 1, duplicateIds: [fixture.contact] } },
        cast.panama.token,
      ),
    ];
    expect(refused.map(codes)).toEqual([['NOT_FOUND'], ['NOT_FOUND'], ['NOT_FOUND']]);
    const partnerMerge = await t.gql(
      'mutation($input: MergeContactsInput!) { mergeContacts(input: $input) { id } }',
      {
        input: { survivorId: fixture.contact, survivorExpectedVersion: 1, duplicateIds: [unknown] },
      },
      cast.partner.token,
    );
    expect(codes(partnerMerge)).toEqual(['FORBIDDEN']);
    expect(await snapshot(db)).toEqual(before);
  });
});
