import { ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';
import { subscribe, type Subscriber } from '../support/subscriptions.js';

const ADDED = 'subscription($filter: ActivityFilter) { activityAdded(filter: $filter) { kind summary } }';

/**
 * Live delivery over graphql-ws of every activity kind whose subject has its own visibility (see
 * SUBJECT_OF in src/activity/activity-subjects.ts), each written once hidden (ORGANIZATION) and once
 * SHARED: the author's organization receives both, another organization's coordinator and a partner
 * only the shared one. (Interactions have their own live tests in sharing.spec.ts.)
 */
describe('live delivery of each kind of activity, by its own visibility', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Subscribes France, Panama and the partner to one kind, runs `write` once per visibility, and returns what each received. */
  async function deliveries(kind: string, write: (visibility: string, n: number) => Promise<unknown>) {
    const variables = { filter: { kinds: [kind] } };
    const subscribers: Subscriber[] = [];
    for (const actor of [cast.france, cast.panama, cast.partner]) subscribers.push(await subscribe(t.url, actor.token, ADDED, variables));
    const [france, panama, partner] = subscribers;
    try {
      await write('ORGANIZATION', 1);
      await write('SHARED', 2);
      await france.waitFor(2, 3000);
      await panama.waitFor(1, 3000);
      await partner.waitFor(1, 3000);
      // Time for anything that should not arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const of = (subscriber: Subscriber) => subscriber.received.map((r) => r.data.activityAdded);
      return { france: of(france), panama: of(panama), partner: of(partner) };
    } finally {
      await Promise.all(subscribers.map((s) => s.close()));
    }
  }

  it('delivers a recorded obstacle to those who may see it', async () => {
    const received = await deliveries('OBSTACLE_RECORDED', async (visibility, n) =>
      ok(
        await t.gql(
          'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id } }',
          { input: { stateIso3: n === 1 ? 'TON' : 'KIR', category: 'TECHNICAL', description: `Obstacle ${n}`, visibility } },
          cast.france.token,
        ),
      ),
    );
    expect(received.france.map((e) => e.summary)).toEqual([
      'Technical obstacle recorded for Tonga',
      'Technical obstacle recorded for Kiribati',
    ]);
    expect(received.panama).toEqual([{ kind: 'OBSTACLE_RECORDED', summary: 'Technical obstacle recorded for Kiribati' }]);
    expect(received.partner).toEqual(received.panama);
  });

  it('delivers a recorded event to those who may see it', async () => {
    const received = await deliveries('EVENT_RECORDED', async (visibility, n) =>
      ok(
        await t.gql(
          'mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }',
          {
            input: {
              kind: 'OTHER',
              name: `Workshop ${n}`,
              startsOn: '2026-12-01',
              endsOn: '2026-12-02',
              attendingStateIso3s: ['KIR'],
              visibility,
            },
          },
          cast.france.token,
        ),
      ),
    );
    expect(received.france.map((e) => e.kind)).toEqual(['EVENT_RECORDED', 'EVENT_RECORDED']);
    expect(received.france[1].summary).toContain('Workshop 2');
    expect(received.france[0].summary).toContain('Workshop 1');
    expect(received.panama).toEqual([received.france[1]]);
    expect(received.partner).toEqual([received.france[1]]);
  });

  it('delivers a planned meeting to those who may see it', async () => {
    const event = ok(
      await t.gql(
        'mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }',
        { input: { kind: 'OTHER', name: 'Regional seminar', startsOn: '2026-12-10', endsOn: '2026-12-11', visibility: 'SHARED' } },
        cast.france.token,
      ),
    ).recordEvent;
    const received = await deliveries('MEETING_PLANNED', async (visibility, n) =>
      ok(
        await t.gql(
          'mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }',
          { input: { eventId: event.id, stateIso3: n === 1 ? 'TUV' : 'VUT', objective: `Objective ${n}`, visibility } },
          cast.france.token,
        ),
      ),
    );
    expect(received.france.map((e) => e.kind)).toEqual(['MEETING_PLANNED', 'MEETING_PLANNED']);
    expect(received.panama).toEqual([received.france[1]]);
    expect(received.partner).toEqual([received.france[1]]);
  });

  it('delivers a started mandate to those who may see it', async () => {
    const received = await deliveries('MANDATE_STARTED', async (visibility, n) =>
      ok(
        await t.gql(
          'mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }',
          {
            input: {
              name: `Mandate ${n}`,
              organizationIds: [cast.france.organizationId],
              periodFrom: `203${n}-01-01`,
              periodTo: `203${n}-12-31`,
              visibility,
            },
          },
          cast.france.token,
        ),
      ),
    );
    expect(received.france.map((e) => e.kind)).toEqual(['MANDATE_STARTED', 'MANDATE_STARTED']);
    expect(received.france[0].summary).toContain('Mandate 1');
    expect(received.panama).toEqual([received.france[1]]);
    expect(received.partner).toEqual([received.france[1]]);
  });

  it('delivers a created letter campaign to those who may see it', async () => {
    const received = await deliveries('CAMPAIGN_CREATED', async (visibility, n) =>
      ok(
        await t.gql(
          'mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id } }',
          { input: { name: `Letters ${n}`, templateRef: `doc-${n}`, sendingDate: '2026-11-20', stateIso3s: ['SLB'], visibility } },
          cast.france.token,
        ),
      ),
    );
    expect(received.france.map((e) => e.kind)).toEqual(['CAMPAIGN_CREATED', 'CAMPAIGN_CREATED']);
    expect(received.france[0].summary).toContain('Letters 1');
    expect(received.france[1].summary).toContain('Letters 2');
    expect(received.panama).toEqual([received.france[1]]);
    expect(received.partner).toEqual([received.france[1]]);
  });

  it('delivers a stage move to everyone, and its note only to those who may read it', async () => {
    const received = await deliveries('STAGE_CHANGED', async (visibility, n) =>
      ok(
        await t.gql(
          'mutation($iso3: String!, $note: String, $visibility: Visibility) { setRatificationStage(iso3: $iso3, stage: ENGAGED, note: $note, visibility: $visibility) { version } }',
          { iso3: n === 1 ? 'ARG' : 'BRA', note: `Note ${n}`, visibility },
          cast.france.token,
        ),
      ),
    );
    expect(received.france.map((e) => e.summary)).toEqual([
      'Argentina moved from NOT_ENGAGED to ENGAGED: Note 1',
      'Brazil moved from NOT_ENGAGED to ENGAGED: Note 2',
    ]);
    expect(received.panama.map((e) => e.summary)).toEqual([
      'Argentina moved from NOT_ENGAGED to ENGAGED',
      'Brazil moved from NOT_ENGAGED to ENGAGED: Note 2',
    ]);
    expect(received.partner).toEqual(received.panama);
  });
});
