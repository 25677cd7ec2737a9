import { ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

const START = `mutation($input: StartMandateInput!) { startMandate(input: $input) { id version } }`;
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version } }';

/**
 * The 2025 coordinators (France and Panama) hand over to the 2026 pair (Panama and New Zealand):
 * open follow-ups, open obstacles, target lists and unfinished planned activities. What is carried
 * over, and when a hand-over is refused, is tested on the services (test/service/hand-over.spec.ts);
 * here, what the API adds: the cost of reading it and the feed's summary.
 */
describe('hand-over', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const newZealand = ok(
      await t.gql('mutation { createOrganization(input: { name: "New Zealand", kind: GOVERNMENT }) { id } }', {}, cast.admin.token),
    ).createOrganization;

    const grouping = ok(
      await t.gql(
        'mutation { createGrouping(input: { name: "Pacific focus", stateIso3s: ["KIR", "TON", "TUV"] }) { id } }',
        {},
        cast.france.token,
      ),
    ).createGrouping;
    const mandate = ok(
      await t.gql(
        START,
        {
          input: {
            name: 'Universalization coordinators 2025',
            periodFrom: daysAgo(500),
            periodTo: daysAgo(135),
            organizationIds: [cast.france.organizationId, cast.panama.organizationId],
            targetListIds: [grouping.id],
          },
        },
        cast.france.token,
      ),
    ).startMandate;

    const log = async (token: string, input: Record<string, unknown>) => ok(await t.gql(LOG, { input }, token)).logInteraction;
    await log(cast.france.token, {
      type: 'LETTER',
      occurredOn: daysAgo(300),
      subject: 'Letter to Kiribati',
      stateIso3s: ['KIR'],
      followUpOn: daysAgo(100),
      visibility: 'SHARED',
    });
    await log(cast.france.token, {
      type: 'BILATERAL_MEETING',
      occurredOn: daysAgo(250),
      subject: 'Meeting kept within France',
      stateIso3s: ['TON'],
      followUpOn: daysAgo(90),
      visibility: 'ORGANIZATION',
    });
    await log(cast.panama.token, {
      type: 'PHONE_CALL',
      occurredOn: daysAgo(200),
      subject: 'Call with Tuvalu',
      stateIso3s: ['TUV'],
      followUpOn: daysAgo(80),
      visibility: 'COORDINATORS',
    });
    const done = await log(cast.france.token, {
      type: 'EMAIL',
      occurredOn: daysAgo(240),
      subject: 'Follow-up already done',
      stateIso3s: ['KIR'],
      followUpOn: daysAgo(230),
      visibility: 'SHARED',
    });
    ok(await t.gql('mutation($id: ID!) { markFollowUpDone(id: $id) { id } }', { id: done.id }, cast.france.token));
    await log(cast.france.token, {
      type: 'LETTER',
      occurredOn: daysAgo(260),
      subject: 'No follow-up',
      stateIso3s: ['KIR'],
      visibility: 'SHARED',
    });

    const record = async (stateIso3: string) =>
      ok(
        await t.gql(
          'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id version } }',
          { input: { stateIso3, category: 'SUBSTANTIVE', description: `Stockpile concerns of ${stateIso3}`, recordedOn: daysAgo(220) } },
          cast.france.token,
        ),
      ).recordObstacle;
    await record('TON');
    const addressed = await record('KIR');
    ok(
      await t.gql(
        'mutation($id: ID!, $v: Int!) { resolveObstacle(id: $id, expectedVersion: $v, resolvedOn: "' + daysAgo(150) + '") { id } }',
        { id: addressed.id, v: addressed.version },
        cast.france.token,
      ),
    );

    ok(
      await t.gql(
        'mutation($id: ID!) { addObjective(mandateId: $id, input: { title: "Universalization in the Pacific" }) { id } }',
        { id: mandate.id },
        cast.france.token,
      ),
    );
    const plan = async (title: string, status: string) =>
      ok(
        await t.gql(
          'mutation($id: ID!, $input: PlanActivityInput!) { planActivity(mandateId: $id, input: $input) { id } }',
          {
            id: mandate.id,
            input: { title, kind: 'OTHER', plannedOn: daysAgo(200), status },
          },
          cast.panama.token,
        ),
      ).planActivity.id;
    await plan('Regional workshop in Suva', 'PLANNED');
    await plan('Letters in January', 'DONE');
    await plan('Visit to Port Vila', 'CANCELLED');

    // Panama, part of both pairs, starts the new mandate: only an editor of the old one hands it over.
    ok(
      await t.gql(
        START,
        {
          input: {
            name: 'Universalization coordinators 2026',
            periodFrom: daysAgo(134),
            periodTo: daysAgo(-230),
            organizationIds: [cast.panama.organizationId, newZealand.id],
            previousMandateId: mandate.id,
          },
        },
        cast.panama.token,
      ),
    );
  });
  afterAll(() => t?.close());

  it('reads a page of mandates with their work plans and hand-overs in the same number of statements for one or two', async () => {
    const list = `query($first: Int) { mandates(first: $first) { edges { node {
      name organizations { name } previousMandate { name } nextMandate { name } targetLists { name states { iso3 } }
      objectives { title } plannedActivities { title states { name } interactions { id } carriedFrom { title } }
      openFollowUps { subject author { id } } openObstacles { state { name } }
      handOver { followUps { subject } obstacles { id } targetLists { name } plannedActivities { title } }
    } } } }`;
    const one = await t.counter.measure(() => t.gql(list, { first: 1 }, cast.france.token));
    const two = await t.counter.measure(() => t.gql(list, { first: 2 }, cast.france.token));
    expect(ok(two.result).mandates.edges.map((e: any) => e.node.name)).toEqual([
      'Universalization coordinators 2026',
      'Universalization coordinators 2025',
    ]);
    expect(two.statements).toBe(one.statements);
  });

  it('records MANDATE_STARTED with what was taken over (not the obstacles, which each have their own visibility)', async () => {
    const feed = ok(
      await t.gql(
        '{ activityFeed(filter: { kinds: [MANDATE_STARTED] }, first: 10) { edges { node { summary actor { id } } } } }',
        {},
        cast.partner.token,
      ),
    ).activityFeed;
    expect(feed.edges[0].node).toEqual({
      summary: `Mandate "Universalization coordinators 2026" started (${daysAgo(134)} to ${daysAgo(-230)}), taking over from "Universalization coordinators 2025" (1 target list, 1 planned activity)`,
      actor: { id: cast.panama.id },
    });
  });
});
