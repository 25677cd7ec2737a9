import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

const START = `mutation($input: StartMandateInput!) { startMandate(input: $input) { id version } }`;
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version } }';
const INTERACTION = 'id subject followUpOn followUpDone author { id } organization { name }';
const MANDATE = `query($id: ID!) { mandate(id: $id) {
  id name version periodFrom periodTo organizations { name }
  previousMandate { id name } nextMandate { id name }
  targetLists { name }
  objectives { title version }
  plannedActivities { id title status version carriedFrom { id } }
  openFollowUps { ${INTERACTION} }
  openObstacles { id state { iso3 } status }
  handOver {
    previousMandate { id name }
    followUps { ${INTERACTION} }
    obstacles { id state { iso3 } status }
    targetLists { name }
    plannedActivities { title status carriedFrom { id title status } }
  }
} }`;

const subjects = (items: { subject: string }[]) => items.map((i) => i.subject).sort();

/**
 * The 2025 coordinators (France and Panama) hand over to the 2026 pair (Panama and New Zealand):
 * open follow-ups, open obstacles, target lists and unfinished planned activities.
 */
describe('hand-over', () => {
  let t: TestApp;
  let cast: Cast;
  let newZealand: Actor;
  let old: any;
  let oldBefore: any;
  let next: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const organization = ok(await t.gql('mutation { createOrganization(input: { name: "New Zealand", kind: GOVERNMENT }) { id } }', {}, cast.admin.token)).createOrganization;
    const user = ok(await t.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email: 'coordinator@nz.example', displayName: 'NZ coordinator', role: 'COORDINATOR', organizationId: organization.id, password: 'a-long-test-password' },
    }, cast.admin.token)).createUser;
    newZealand = { id: user.id, organizationId: organization.id, token: await t.login('coordinator@nz.example', 'a-long-test-password') };

    const grouping = ok(await t.gql('mutation { createGrouping(input: { name: "Pacific focus", stateIso3s: ["KIR", "TON", "TUV"] }) { id } }', {}, cast.france.token)).createGrouping;
    const mandate = ok(await t.gql(START, {
      input: {
        name: 'Universalization coordinators 2025', periodFrom: daysAgo(500), periodTo: daysAgo(135),
        organizationIds: [cast.france.organizationId, cast.panama.organizationId], targetListIds: [grouping.id],
      },
    }, cast.france.token)).startMandate;
    old = mandate;

    const log = async (token: string, input: Record<string, unknown>) => ok(await t.gql(LOG, { input }, token)).logInteraction;
    ids.franceShared = (await log(cast.france.token, { type: 'LETTER', occurredOn: daysAgo(300), subject: 'Letter to Kiribati', stateIso3s: ['KIR'], followUpOn: daysAgo(100), visibility: 'SHARED' })).id;
    ids.franceOwn = (await log(cast.france.token, { type: 'BILATERAL_MEETING', occurredOn: daysAgo(250), subject: 'Meeting kept within France', stateIso3s: ['TON'], followUpOn: daysAgo(90), visibility: 'ORGANIZATION' })).id;
    ids.panama = (await log(cast.panama.token, { type: 'PHONE_CALL', occurredOn: daysAgo(200), subject: 'Call with Tuvalu', stateIso3s: ['TUV'], followUpOn: daysAgo(80), visibility: 'COORDINATORS' })).id;
    const done = await log(cast.france.token, { type: 'EMAIL', occurredOn: daysAgo(240), subject: 'Follow-up already done', stateIso3s: ['KIR'], followUpOn: daysAgo(230), visibility: 'SHARED' });
    ok(await t.gql('mutation($id: ID!) { markFollowUpDone(id: $id) { id } }', { id: done.id }, cast.france.token));
    await log(cast.france.token, { type: 'LETTER', occurredOn: daysAgo(260), subject: 'No follow-up', stateIso3s: ['KIR'], visibility: 'SHARED' });

    const record = async (stateIso3: string) =>
      ok(await t.gql('mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id version } }',
        { input: { stateIso3, category: 'SUBSTANTIVE', description: `Stockpile concerns of ${stateIso3}`, recordedOn: daysAgo(220) } }, cast.france.token)).recordObstacle;
    ids.openObstacle = (await record('TON')).id;
    const addressed = await record('KIR');
    ok(await t.gql('mutation($id: ID!, $v: Int!) { resolveObstacle(id: $id, expectedVersion: $v, resolvedOn: "' + daysAgo(150) + '") { id } }', { id: addressed.id, v: addressed.version }, cast.france.token));

    ok(await t.gql('mutation($id: ID!) { addObjective(mandateId: $id, input: { title: "Universalization in the Pacific" }) { id } }', { id: mandate.id }, cast.france.token));
    const plan = async (title: string, status: string) =>
      ok(await t.gql('mutation($id: ID!, $input: PlanActivityInput!) { planActivity(mandateId: $id, input: $input) { id } }', {
        id: mandate.id, input: { title, kind: 'OTHER', plannedOn: daysAgo(200), status },
      }, cast.panama.token)).planActivity.id;
    ids.planned = await plan('Regional workshop in Suva', 'PLANNED');
    await plan('Letters in January', 'DONE');
    await plan('Visit to Port Vila', 'CANCELLED');

    oldBefore = ok(await t.gql(MANDATE, { id: mandate.id }, cast.france.token)).mandate;
    // Panama, part of both pairs, starts the new mandate: only an editor of the old one hands it over.
    next = ok(await t.gql(START, {
      input: {
        name: 'Universalization coordinators 2026', periodFrom: daysAgo(134), periodTo: daysAgo(-230),
        organizationIds: [cast.panama.organizationId, newZealand.organizationId], previousMandateId: mandate.id,
      },
    }, cast.panama.token)).startMandate.id;
  });
  afterAll(() => t?.close());

  it('carries over the open follow-ups: the same interactions, with their authors and organizations', async () => {
    const mandate = ok(await t.gql(MANDATE, { id: next }, newZealand.token)).mandate;
    expect(mandate.previousMandate).toEqual({ id: old.id, name: 'Universalization coordinators 2025' });
    expect(mandate.handOver.previousMandate.id).toBe(old.id);
    // New Zealand sees what coordinators may see: not France's own meeting.
    expect(subjects(mandate.handOver.followUps)).toEqual(['Call with Tuvalu', 'Letter to Kiribati']);
    const letter = mandate.handOver.followUps.find((i: any) => i.subject === 'Letter to Kiribati');
    expect(letter).toMatchObject({ id: ids.franceShared, author: { id: cast.france.id }, organization: { name: 'France' }, followUpDone: false });
    const call = mandate.handOver.followUps.find((i: any) => i.subject === 'Call with Tuvalu');
    expect(call).toMatchObject({ id: ids.panama, author: { id: cast.panama.id }, organization: { name: 'Panama' } });
    expect(subjects(mandate.openFollowUps)).toEqual(['Call with Tuvalu', 'Letter to Kiribati']);
    // France still sees its own meeting among the new mandate's open items.
    const france = ok(await t.gql(MANDATE, { id: next }, cast.france.token)).mandate;
    expect(subjects(france.handOver.followUps)).toEqual(['Call with Tuvalu', 'Letter to Kiribati', 'Meeting kept within France']);
    expect(france.handOver.followUps.find((i: any) => i.id === ids.franceOwn).author.id).toBe(cast.france.id);
    // The partner sees the shared letter only.
    const partner = ok(await t.gql(MANDATE, { id: next }, cast.partner.token)).mandate;
    expect(subjects(partner.handOver.followUps)).toEqual(['Letter to Kiribati']);
  });

  it('carries over the open obstacles, the target lists and the unfinished planned activities', async () => {
    const mandate = ok(await t.gql(MANDATE, { id: next }, newZealand.token)).mandate;
    expect(mandate.handOver.obstacles).toEqual([{ id: ids.openObstacle, state: { iso3: 'TON' }, status: 'OPEN' }]);
    expect(mandate.openObstacles.map((o: any) => o.id)).toEqual([ids.openObstacle]);
    expect(mandate.handOver.targetLists).toEqual([{ name: 'Pacific focus' }]);
    expect(mandate.targetLists).toEqual([{ name: 'Pacific focus' }]);
    expect(mandate.handOver.plannedActivities).toEqual([
      { title: 'Regional workshop in Suva', status: 'PLANNED', carriedFrom: { id: ids.planned, title: 'Regional workshop in Suva', status: 'PLANNED' } },
    ]);
    expect(mandate.plannedActivities.map((a: any) => a.title)).toEqual(['Regional workshop in Suva']);
    expect(mandate.objectives).toEqual([]);
    expect(mandate.organizations.map((o: any) => o.name).sort()).toEqual(['New Zealand', 'Panama']);
  });

  it('leaves the old mandate whole and readable', async () => {
    const after = ok(await t.gql(MANDATE, { id: old.id }, cast.france.token)).mandate;
    expect(after.nextMandate).toEqual({ id: next, name: 'Universalization coordinators 2026' });
    const { nextMandate: _after, ...restAfter } = after;
    const { nextMandate: before, ...restBefore } = oldBefore;
    expect(before).toBeNull();
    expect(restAfter).toEqual(restBefore);
    expect(after.plannedActivities.map((a: any) => [a.title, a.status])).toEqual([
      ['Regional workshop in Suva', 'PLANNED'],
      ['Letters in January', 'DONE'],
      ['Visit to Port Vila', 'CANCELLED'],
    ]);
    expect(subjects(after.openFollowUps)).toEqual(['Call with Tuvalu', 'Letter to Kiribati', 'Meeting kept within France']);
    // The interactions themselves were not rewritten: version 1, as logged.
    const letter = ok(await t.gql('query($id: ID!) { interaction(id: $id) { version author { id } } }', { id: ids.franceShared }, cast.france.token)).interaction;
    expect(letter).toEqual({ version: 1, author: { id: cast.france.id } });
  });

  it('keeps the hand-over record when a carried follow-up is done, and drops it from the open items', async () => {
    ok(await t.gql('mutation($id: ID!) { markFollowUpDone(id: $id) { id } }', { id: ids.panama }, cast.panama.token));
    const mandate = ok(await t.gql(MANDATE, { id: next }, cast.panama.token)).mandate;
    expect(subjects(mandate.openFollowUps)).toEqual(['Letter to Kiribati']);
    expect(mandate.handOver.followUps.find((i: any) => i.id === ids.panama).followUpDone).toBe(true);
    // A follow-up the new coordinators log is theirs, not carried.
    ok(await t.gql(LOG, { input: { type: 'LETTER', occurredOn: daysAgo(10), subject: 'Letter to Tonga from Wellington', stateIso3s: ['TON'], followUpOn: daysAgo(-20), visibility: 'COORDINATORS' } }, newZealand.token));
    const later = ok(await t.gql(MANDATE, { id: next }, cast.panama.token)).mandate;
    expect(subjects(later.openFollowUps)).toEqual(['Letter to Kiribati', 'Letter to Tonga from Wellington']);
    expect(later.handOver.followUps).toHaveLength(2);
  });

  it('hands over a mandate once, after its start, and keeps a handed-over mandate from deletion', async () => {
    const again = await t.gql(START, {
      input: { name: 'Twice', periodFrom: daysAgo(100), periodTo: daysAgo(-100), organizationIds: [cast.france.organizationId], previousMandateId: old.id },
    }, cast.france.token);
    expect(codes(again)).toEqual(['CONFLICT']);
    const early = await t.gql(START, {
      input: { name: 'Too early', periodFrom: daysAgo(600), periodTo: daysAgo(-100), organizationIds: [newZealand.organizationId], previousMandateId: next },
    }, newZealand.token);
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    const unknown = await t.gql(START, {
      input: { name: 'Nothing before', periodFrom: daysAgo(100), periodTo: daysAgo(-100), organizationIds: [cast.france.organizationId], previousMandateId: '00000000-0000-4000-8000-000000000000' },
    }, cast.france.token);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const remove = await t.gql('mutation($id: ID!, $v: Int!) { deleteMandate(id: $id, expectedVersion: $v) }', { id: old.id, v: old.version }, cast.france.token);
    expect(codes(remove)).toEqual(['CONFLICT']);
  });

  it('reads a page of mandates with their work plans and hand-overs in the same number of statements for one or two', async () => {
    const list = `query($first: Int) { mandates(first: $first) { edges { node {
      name organizations { name } previousMandate { name } nextMandate { name } targetLists { name states { iso3 } }
      objectives { title } plannedActivities { title states { name } interactions { id } carriedFrom { title } }
      openFollowUps { subject author { id } } openObstacles { state { name } }
      handOver { followUps { subject } obstacles { id } targetLists { name } plannedActivities { title } }
    } } } }`;
    const one = await t.counter.measure(() => t.gql(list, { first: 1 }, cast.france.token));
    const two = await t.counter.measure(() => t.gql(list, { first: 2 }, cast.france.token));
    expect(ok(two.result).mandates.edges.map((e: any) => e.node.name)).toEqual(['Universalization coordinators 2026', 'Universalization coordinators 2025']);
    expect(two.statements).toBe(one.statements);
  });

  it('records MANDATE_STARTED with what was taken over (not the obstacles, which each have their own visibility)', async () => {
    const feed = ok(await t.gql('{ activityFeed(filter: { kinds: [MANDATE_STARTED] }, first: 10) { edges { node { summary actor { id } } } } }', {}, cast.partner.token)).activityFeed;
    expect(feed.edges[0].node).toEqual({
      summary: `Mandate "Universalization coordinators 2026" started (${daysAgo(134)} to ${daysAgo(-230)}), taking over from "Universalization coordinators 2025" (1 target list, 1 planned activity)`,
      actor: { id: cast.panama.id },
    });
  });
});
