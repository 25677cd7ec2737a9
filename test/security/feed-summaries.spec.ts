import { addDays, todayIso } from '../../src/common/dates.js';
import { ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';
import { subscribe, type Subscriber } from '../support/subscriptions.js';

/**
 * Issue 14, class 6: what an activity-feed entry shows is never more than what its reader may see of
 * the item now, in the paged feed (entries, filters, counts) and live.
 */
const FEED = `query($filter: ActivityFilter) {
  activityFeed(filter: $filter, first: 200) { totalCount edges { node { kind summary } } } }`;
const ADDED = 'subscription { activityAdded { kind summary } }';
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version } }';
const UPDATE_INTERACTION =
  'mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { id version } }';
const RECORD_EVENT = 'mutation($input: RecordEventInput!) { recordEvent(input: $input) { id version } }';
const UPDATE_EVENT = 'mutation($input: UpdateEventInput!) { updateEvent(input: $input) { id version } }';
const DELETE_EVENT = 'mutation($id: ID!, $expectedVersion: Int!) { deleteEvent(id: $id, expectedVersion: $expectedVersion) }';
const PLAN_MEETING = 'mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id version } }';
const UPDATE_MEETING = 'mutation($input: UpdatePlannedMeetingInput!) { updatePlannedMeeting(input: $input) { id version } }';
const CREATE_CAMPAIGN = 'mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id version } }';
const UPDATE_CAMPAIGN = 'mutation($input: UpdateLetterCampaignInput!) { updateLetterCampaign(input: $input) { id version } }';

const day = (days: number) => addDays(todayIso(), days);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('security: feed summaries follow the item as it is now (class 6)', () => {
  let t: TestApp;
  let cast: Cast;
  const subscribers: Subscriber[] = [];

  const feed = async (actor: Actor, filter: Record<string, unknown> = {}) =>
    ok(await t.gql(FEED, { filter }, actor.token)).activityFeed as {
      totalCount: number;
      edges: { node: { kind: string; summary: string } }[];
    };
  const lines = (connection: { edges: { node: { kind: string; summary: string } }[] }) =>
    connection.edges.map((e) => `${e.node.kind}: ${e.node.summary}`);
  const live = async (actor: Actor) => {
    const subscriber = await subscribe(t.url, actor.token, ADDED);
    subscribers.push(subscriber);
    return subscriber;
  };
  const received = (subscriber: Subscriber) =>
    subscriber.received.map((r) => `${r.data.activityAdded.kind}: ${r.data.activityAdded.summary}`);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.close()));
    await t?.close();
  });

  it('the issue example: an ORGANIZATION interaction edited to a harmless subject and made SHARED shows the partner only the harmless subject', async () => {
    const partner = await live(cast.partner);
    const confidential = 'The minister will not sign before the elections';
    const harmless = 'Regional workshop follow-up';
    const logged = ok(
      await t.gql(
        LOG,
        {
          input: { type: 'BILATERAL_MEETING', occurredOn: day(-3), subject: confidential, visibility: 'ORGANIZATION', stateIso3s: ['KIR'] },
        },
        cast.france.token,
      ),
    ).logInteraction;
    ok(
      await t.gql(
        UPDATE_INTERACTION,
        { id: logged.id, input: { expectedVersion: 1, subject: harmless, visibility: 'SHARED' } },
        cast.france.token,
      ),
    );

    const kinds = ['INTERACTION_LOGGED', 'INTERACTION_UPDATED'];
    const expected = [
      `INTERACTION_UPDATED: Bilateral meeting updated with Kiribati: ${harmless}`,
      `INTERACTION_LOGGED: Bilateral meeting with Kiribati: ${harmless}`,
    ];
    const paged = await feed(cast.partner, { kinds });
    expect(lines(paged)).toEqual(expected);
    expect(paged.totalCount).toBe(2);
    expect(lines(await feed(cast.partner, { kinds: ['INTERACTION_LOGGED'] }))).toEqual([expected[1]]);
    // The author's organization reads the interaction as it is now, too.
    expect(lines(await feed(cast.france, { kinds }))).toEqual(expected);
    expect(JSON.stringify(await feed(cast.partner))).not.toContain('will not sign');

    // Live: the partner got the update only, with the new text.
    await partner.waitFor(1);
    await settle();
    expect(received(partner)).toEqual([expected[0]]);
  });

  it('campaign, event and meeting entries disappear from a partner feed, paged and live, once the item is made more private', async () => {
    const partner = await live(cast.partner);
    const panama = await live(cast.panama);
    const kinds = ['EVENT_RECORDED', 'EVENT_CHANGED', 'MEETING_PLANNED', 'MEETING_CHANGED', 'CAMPAIGN_CREATED', 'CAMPAIGN_CHANGED'];
    const event = ok(
      await t.gql(
        RECORD_EVENT,
        {
          input: {
            name: 'Pacific universalization workshop',
            kind: 'WORKSHOP',
            startsOn: day(10),
            endsOn: day(11),
            visibility: 'SHARED',
            attendingStateIso3s: ['TUV'],
          },
        },
        cast.france.token,
      ),
    ).recordEvent;
    const meeting = ok(
      await t.gql(
        PLAN_MEETING,
        { input: { eventId: event.id, stateIso3: 'TUV', plannedOn: day(10), objective: 'Ask about accession', visibility: 'SHARED' } },
        cast.france.token,
      ),
    ).planMeeting;
    const campaign = ok(
      await t.gql(
        CREATE_CAMPAIGN,
        {
          input: {
            name: 'Letters to Funafuti',
            templateRef: 'letters/tuvalu.docx',
            sendingDate: day(0),
            stateIso3s: ['TUV'],
            visibility: 'SHARED',
          },
        },
        cast.france.token,
      ),
    ).createLetterCampaign;
    const shared = [
      'CAMPAIGN_CREATED: Letter campaign "Letters to Funafuti": 1 letter sent on ' + day(0),
      `MEETING_PLANNED: Meeting with Tuvalu planned at Pacific universalization workshop on ${day(10)}`,
      `EVENT_RECORDED: Event recorded: Pacific universalization workshop, ${day(10)} to ${day(11)}`,
    ];
    expect(lines(await feed(cast.partner, { kinds }))).toEqual(shared);
    await partner.waitFor(3);
    expect(received(partner)).toEqual([...shared].reverse());

    ok(
      await t.gql(UPDATE_EVENT, { input: { id: event.id, expectedVersion: event.version, visibility: 'COORDINATORS' } }, cast.france.token),
    );
    ok(
      await t.gql(
        UPDATE_MEETING,
        { input: { id: meeting.id, expectedVersion: meeting.version, visibility: 'COORDINATORS' } },
        cast.france.token,
      ),
    );
    ok(
      await t.gql(
        UPDATE_CAMPAIGN,
        { input: { id: campaign.id, expectedVersion: campaign.version, visibility: 'COORDINATORS' } },
        cast.france.token,
      ),
    );

    const hidden = await feed(cast.partner, { kinds });
    expect(hidden).toEqual({ totalCount: 0, edges: [] });
    expect(lines(await feed(cast.partner, { stateIso3s: ['TUV'] }))).toEqual([]);
    // Another government's coordinator still reads all six.
    expect((await feed(cast.panama, { kinds })).totalCount).toBe(6);

    // Live: the changes reach the coordinator, not the partner.
    await panama.waitFor(6);
    await settle();
    expect(
      received(panama)
        .slice(3)
        .map((line) => line.split(':')[0]),
    ).toEqual(['EVENT_CHANGED', 'MEETING_CHANGED', 'CAMPAIGN_CHANGED']);
    expect(received(partner)).toHaveLength(3);
  });

  it('a SHARED meeting at a COORDINATORS event does not name the event to partners, paged or live', async () => {
    const partner = await live(cast.partner);
    const event = ok(
      await t.gql(
        RECORD_EVENT,
        { input: { name: 'Closed consultation on Nauru', kind: 'OTHER', startsOn: day(20), endsOn: day(20), visibility: 'COORDINATORS' } },
        cast.france.token,
      ),
    ).recordEvent;
    const meeting = ok(
      await t.gql(
        PLAN_MEETING,
        { input: { eventId: event.id, stateIso3: 'NRU', plannedOn: day(20), visibility: 'SHARED' } },
        cast.france.token,
      ),
    ).planMeeting;
    const seen = `MEETING_PLANNED: Meeting with Nauru planned at an event on ${day(20)}`;
    expect(lines(await feed(cast.partner, { stateIso3s: ['NRU'] }))).toEqual([seen]);
    expect(lines(await feed(cast.panama, { stateIso3s: ['NRU'], kinds: ['MEETING_PLANNED'] }))).toEqual([
      `MEETING_PLANNED: Meeting with Nauru planned at Closed consultation on Nauru on ${day(20)}`,
    ]);
    await partner.waitFor(1);
    expect(received(partner)).toEqual([seen]);

    // Its deletion keeps the words of the moment: still without the event's name.
    ok(
      await t.gql(
        'mutation($id: ID!, $v: Int!) { deletePlannedMeeting(id: $id, expectedVersion: $v) }',
        { id: meeting.id, v: meeting.version },
        cast.france.token,
      ),
    );
    expect(lines(await feed(cast.partner, { stateIso3s: ['NRU'] }))).toEqual([
      `MEETING_DELETED: Planned meeting with Nauru at an event on ${day(20)} deleted`,
      seen,
    ]);
  });

  it('entries about a deleted item show only what was visible at deletion, to those who could see it then', async () => {
    const event = ok(
      await t.gql(
        RECORD_EVENT,
        {
          input: {
            name: 'Draft: ministers attending (unconfirmed)',
            kind: 'OTHER',
            startsOn: day(30),
            endsOn: day(30),
            visibility: 'SHARED',
            attendingStateIso3s: ['FSM'],
          },
        },
        cast.france.token,
      ),
    ).recordEvent;
    const renamed = ok(
      await t.gql(
        UPDATE_EVENT,
        { input: { id: event.id, expectedVersion: 1, name: 'Pohnpei meeting', visibility: 'COORDINATORS' } },
        cast.france.token,
      ),
    ).updateEvent;
    ok(await t.gql(DELETE_EVENT, { id: event.id, expectedVersion: renamed.version }, cast.france.token));

    expect(lines(await feed(cast.partner, { stateIso3s: ['FSM'] }))).toEqual([]);
    const coordinators = lines(await feed(cast.panama, { stateIso3s: ['FSM'] }));
    expect(coordinators).toEqual([
      `EVENT_DELETED: Event deleted: Pohnpei meeting, ${day(30)} to ${day(30)}`,
      `EVENT_CHANGED: Event changed: Pohnpei meeting, ${day(30)} to ${day(30)}`,
      `EVENT_RECORDED: Event recorded: Pohnpei meeting, ${day(30)} to ${day(30)}`,
    ]);
    expect(JSON.stringify(coordinators)).not.toContain('Draft');
  });
});
