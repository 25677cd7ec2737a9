import { codes, ok, startTestApp, type GqlResponse, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

/**
 * A refusal depends only on what the caller may see: for each rule that involves other rows, a row
 * hidden from the caller makes no difference to its outcome (the same code and the same message as
 * without that row), and a row it may see is still described.
 */

const DAY = 24 * 3600 * 1000;
// In the past: interactions and letters are dated on or before today.
const day = (offset: number) => new Date(Date.UTC(2025, 2, 1) + offset * DAY).toISOString().slice(0, 10);

const RECORD_EVENT = `mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }`;
const UPDATE_EVENT = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { startsOn endsOn visibility version } }`;
const DELETE_EVENT = `mutation($id: ID!) { deleteEvent(id: $id, expectedVersion: 1) }`;
const PLAN_MEETING = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`;
const MEETINGS = `query($id: ID!) { event(id: $id) { plannedMeetings { plannedOn visibility } } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const INTERACTION = `query($id: ID!) { interaction(id: $id) { subject event { id } } }`;
const START = `mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }`;
const CAMPAIGN = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id letters { state { iso3 } interaction { id } } } }`;
const UPDATE_LETTER = `mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { visibility } }`;
const LETTER_REPLY = `mutation($input: LogLetterReplyInput!) { logLetterReply(input: $input) { status } }`;
const CAMPAIGN_LETTERS = `query($id: ID!) { letterCampaign(id: $id) { letters { state { iso3 } interaction { visibility } } } }`;
const DELETE_CAMPAIGN = `mutation($id: ID!) { deleteLetterCampaign(id: $id, expectedVersion: 1) }`;

/** What a caller is told: the error codes and messages, or the data. */
const told = (response: GqlResponse) =>
  response.errors ? { errors: response.errors.map((e) => [e.extensions?.code, e.message]) } : { data: response.data };

describe('refusal messages reveal no hidden row', () => {
  let t: TestApp;
  let cast: Cast;

  const as = (actor: Actor, query: string, variables: Record<string, unknown>) => t.gql(query, variables, actor.token);
  /** Twin events of France: same name, dates and visibility. */
  const twins = async (name: string, visibility = 'COORDINATORS') => {
    const record = async () =>
      ok(
        await as(cast.france, RECORD_EVENT, {
          input: { name, kind: 'WORKSHOP', startsOn: day(0), endsOn: day(4), visibility, attendingStateIso3s: ['KIR', 'TON'] },
        }),
      ).recordEvent.id as string;
    return [await record(), await record()] as const;
  };
  const plan = async (actor: Actor, eventId: string, plannedOn: string, visibility: string) =>
    ok(await as(actor, PLAN_MEETING, { input: { eventId, stateIso3: 'TON', plannedOn, visibility } })).planMeeting.id as string;
  const logAt = async (actor: Actor, eventId: string, visibility: string) =>
    ok(
      await as(actor, LOG, {
        input: {
          type: 'EVENT_MEETING',
          occurredOn: day(1),
          subject: `${visibility} talk at the event`,
          stateIso3s: ['TON'],
          eventId,
          visibility,
        },
      }),
    ).logInteraction.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  it("updateEvent's dates: only the meetings the caller may see count, and only they are named", async () => {
    const [withHidden, without] = await twins('Dates workshop');
    // Panama's own meeting, which France may not see, on the first day.
    await plan(cast.panama, withHidden, day(0), 'ORGANIZATION');

    const move = (id: string, startsOn: string, version: number) =>
      as(cast.france, UPDATE_EVENT, { input: { id, expectedVersion: version, startsOn, endsOn: day(4) } });
    const moved = [await move(withHidden, day(1), 1), await move(without, day(1), 1)];
    expect(told(moved[0])).toEqual(told(moved[1]));
    expect(told(moved[0])).toEqual({ data: { updateEvent: { startsOn: day(1), endsOn: day(4), visibility: 'COORDINATORS', version: 2 } } });
    // Panama's meeting keeps its date as planned.
    expect(ok(await as(cast.panama, MEETINGS, { id: withHidden })).event.plannedMeetings).toEqual([
      { plannedOn: day(0), visibility: 'ORGANIZATION' },
    ]);

    // A meeting France may see (Panama's, shared with coordinators) is still described, alone.
    for (const id of [withHidden, without]) await plan(cast.panama, id, day(1), 'COORDINATORS');
    const refused = [await move(withHidden, day(2), 2), await move(without, day(2), 2)];
    expect(told(refused[0])).toEqual(told(refused[1]));
    expect(codes(refused[0])).toEqual(['BAD_USER_INPUT']);
    expect(refused[0].errors![0].message).toBe(
      `Meetings not yet held are planned at this event on ${day(1)}, outside ${day(2)} to ${day(4)}`,
    );
  });

  it("updateEvent's visibility: whether others used the event is not asked, so hidden use changes nothing", async () => {
    const [withHidden, without] = await twins('Visibility workshop');
    // Panama planned a meeting and logged an interaction there, both its own.
    await plan(cast.panama, withHidden, day(2), 'ORGANIZATION');
    await logAt(cast.panama, withHidden, 'ORGANIZATION');
    const narrow = (id: string) => as(cast.france, UPDATE_EVENT, { input: { id, expectedVersion: 1, visibility: 'ORGANIZATION' } });
    const answers = [await narrow(withHidden), await narrow(without)];
    expect(told(answers[0])).toEqual(told(answers[1]));
    expect(codes(answers[0])).toEqual(['BAD_USER_INPUT']);
    expect(answers[0].errors![0].message).toBe(
      'Other organizations could see this COORDINATORS event and may have planned meetings or logged interactions there: it cannot become ORGANIZATION',
    );
    // Visible use is refused the same way, and Panama keeps sight of the event either way.
    const [visible] = await twins('Visibility workshop, used openly');
    await plan(cast.panama, visible, day(2), 'COORDINATORS');
    expect(told(await narrow(visible))).toEqual(told(answers[1]));
    expect(ok(await as(cast.panama, MEETINGS, { id: withHidden })).event.plannedMeetings).toEqual([
      { plannedOn: day(2), visibility: 'ORGANIZATION' },
    ]);
  });

  it('deleteEvent: only interactions the caller may see keep the event, and the message names only what it sees', async () => {
    const [withHidden, without] = await twins('Side event');
    const hidden = await logAt(cast.panama, withHidden, 'ORGANIZATION');
    const answers = [await as(cast.france, DELETE_EVENT, { id: withHidden }), await as(cast.france, DELETE_EVENT, { id: without })];
    expect(answers.map(codes)).toEqual([[], []]);
    expect(answers.map((a) => a.data.deleteEvent)).toEqual([withHidden, without]);
    // Panama's interaction stays, without the event.
    expect(ok(await as(cast.panama, INTERACTION, { id: hidden })).interaction).toEqual({
      subject: 'ORGANIZATION talk at the event',
      event: null,
    });

    // An interaction France may see keeps the event, and the refusal names the event France sees.
    const [visible] = await twins('Side event, used openly');
    await logAt(cast.panama, visible, 'COORDINATORS');
    const refused = await as(cast.france, DELETE_EVENT, { id: visible });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].message).toBe(
      'Interactions were logged at "Side event, used openly": the event stays, as part of their history',
    );
  });

  it("startMandate(previousMandateId): a hand-over the caller may not see makes no difference to another organization's refusal", async () => {
    const mandate = async (name: string) =>
      ok(
        await as(cast.france, START, {
          input: {
            name,
            periodFrom: day(-300),
            periodTo: day(-1),
            organizationIds: [cast.france.organizationId],
            visibility: 'COORDINATORS',
          },
        }),
      ).startMandate.id as string;
    const handedOver = await mandate('France 2031');
    const open = await mandate('France 2031');
    // France hands the first over to a mandate of its own that Panama may not see.
    ok(
      await as(cast.france, START, {
        input: {
          name: 'France 2032',
          periodFrom: day(0),
          periodTo: day(300),
          organizationIds: [cast.france.organizationId],
          previousMandateId: handedOver,
          visibility: 'ORGANIZATION',
        },
      }),
    );

    const takeOver = (previousMandateId: string) =>
      as(cast.panama, START, {
        input: {
          name: 'Panama 2032',
          periodFrom: day(0),
          periodTo: day(300),
          organizationIds: [cast.panama.organizationId],
          previousMandateId,
        },
      });
    const answers = [await takeOver(handedOver), await takeOver(open)];
    expect(told(answers[0])).toEqual(told(answers[1]));
    expect(codes(answers[0])).toEqual(['FORBIDDEN']);
    // France itself is told its own mandate was handed over.
    const again = await as(cast.france, START, {
      input: {
        name: 'France again',
        periodFrom: day(0),
        periodTo: day(300),
        organizationIds: [cast.france.organizationId],
        previousMandateId: handedOver,
      },
    });
    expect(told(again)).toEqual({ errors: [['CONFLICT', 'Mandate "France 2031" was already handed over']] });
  });

  it("a campaign's letters are seen as the campaign is: no letter hides from those who may change the campaign, so its refusals count only letters they see", async () => {
    const campaign = ok(
      await as(cast.france, CAMPAIGN, {
        input: {
          name: 'Universalization letters',
          templateRef: 'letters/2032.docx',
          sendingDate: day(0),
          stateIso3s: ['KIR', 'TUV'],
          visibility: 'COORDINATORS',
        },
      }),
    ).createLetterCampaign;
    const tuvalu = campaign.letters.find((l: any) => l.state.iso3 === 'TUV').interaction.id;
    // France may not hide one letter from the others who see the campaign (an admin may change it).
    const narrowed = await as(cast.france, UPDATE_LETTER, { id: tuvalu, input: { expectedVersion: 1, visibility: 'ORGANIZATION' } });
    expect(told(narrowed)).toEqual({
      errors: [['BAD_USER_INPUT', "A letter's visibility is its campaign's: change it with updateLetterCampaign"]],
    });
    ok(await as(cast.france, LETTER_REPLY, { input: { interactionId: tuvalu, expectedVersion: 1, receivedOn: day(3) } }));

    // The admin sees every letter, and the refusal to delete describes the letter it sees.
    const letters = ok(await as(cast.admin, CAMPAIGN_LETTERS, { id: campaign.id })).letterCampaign.letters;
    expect(letters).toEqual([
      { state: { iso3: 'KIR' }, interaction: { visibility: 'COORDINATORS' } },
      { state: { iso3: 'TUV' }, interaction: { visibility: 'COORDINATORS' } },
    ]);
    expect(told(await as(cast.admin, DELETE_CAMPAIGN, { id: campaign.id }))).toEqual({
      errors: [
        [
          'CONFLICT',
          '1 of the letters of "Universalization letters" has a reply or a follow-up logged: they are history, so the campaign stays',
        ],
      ],
    });
  });
});
