import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

const MANDATE_FIELDS = `id name periodFrom periodTo visibility version organizations { name } createdBy { id }
  objectives { id title description version indicators { description targetValue metric currentValue } }
  plannedActivities { id title kind plannedOn plannedUntil regionalGroup status notes version states { iso3 name } interactions { id subject } }`;

const START = `mutation($input: StartMandateInput!) { startMandate(input: $input) { ${MANDATE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMandateInput!) { updateMandate(id: $id, input: $input) { id name periodTo version } }`;
const GET = `query($id: ID!) { mandate(id: $id) { ${MANDATE_FIELDS} } }`;
const ADD_OBJECTIVE = `mutation($id: ID!, $input: AddObjectiveInput!) { addObjective(mandateId: $id, input: $input) {
  id title version indicators { description targetValue metric currentValue } } }`;
const UPDATE_OBJECTIVE = `mutation($id: ID!, $input: UpdateObjectiveInput!) { updateObjective(id: $id, input: $input) { id title version indicators { description } } }`;
const PLAN = `mutation($id: ID!, $input: PlanActivityInput!) { planActivity(mandateId: $id, input: $input) {
  id title status version plannedOn plannedUntil states { iso3 } interactions { id } } }`;
const UPDATE_ACTIVITY = `mutation($id: ID!, $input: UpdatePlannedActivityInput!) { updatePlannedActivity(id: $id, input: $input) {
  id status version interactions { id } } }`;
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }';
const FEED = `query($kinds: [ActivityKind!]) { activityFeed(filter: { kinds: $kinds }, first: 100) { edges { node { kind summary actor { id } } } } }`;

describe('work plans', () => {
  let t: TestApp;
  let cast: Cast;
  let mandate: any;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    mandate = ok(
      await t.gql(
        START,
        {
          input: {
            name: 'Universalization coordinators 2026',
            periodFrom: daysAgo(200),
            periodTo: daysAgo(-165),
            organizationIds: [cast.france.organizationId, cast.panama.organizationId],
          },
        },
        cast.france.token,
      ),
    ).startMandate;
  });
  afterAll(() => t?.close());

  it('starts a mandate, SHARED by default, with its organizations', () => {
    expect(mandate).toMatchObject({
      name: 'Universalization coordinators 2026',
      visibility: 'SHARED',
      version: 1,
      createdBy: { id: cast.france.id },
      objectives: [],
      plannedActivities: [],
    });
    expect(mandate.organizations.map((o: any) => o.name).sort()).toEqual(['France', 'Panama']);
  });

  it('keeps objectives with indicators whose metrics are computed from the data, for the viewer', async () => {
    const objective = ok(
      await t.gql(
        ADD_OBJECTIVE,
        {
          id: mandate.id,
          input: {
            title: 'Reach every Pacific State not Party',
            description: 'Letters in January, bilateral meetings in New York',
            indicators: [
              { description: 'Letters sent to Pacific capitals', targetValue: 12, metric: 'LETTERS_SENT' },
              { description: 'States contacted', targetValue: 10, metric: 'STATES_CONTACTED' },
              { description: 'A side event at the Meeting of States Parties' },
            ],
          },
        },
        cast.panama.token,
      ),
    ).addObjective;
    expect(objective.indicators).toEqual([
      { description: 'Letters sent to Pacific capitals', targetValue: 12, metric: 'LETTERS_SENT', currentValue: 0 },
      { description: 'States contacted', targetValue: 10, metric: 'STATES_CONTACTED', currentValue: 0 },
      { description: 'A side event at the Meeting of States Parties', targetValue: null, metric: null, currentValue: null },
    ]);
    // Two letters of France, one kept within France, and one of the partner (not a mandate organization).
    const log = (token: string, input: Record<string, unknown>) => t.gql(LOG, { input }, token);
    ok(
      await log(cast.france.token, {
        type: 'LETTER',
        occurredOn: daysAgo(150),
        subject: 'Letter to Kiribati',
        stateIso3s: ['KIR'],
        visibility: 'SHARED',
      }),
    );
    ok(
      await log(cast.france.token, {
        type: 'LETTER',
        occurredOn: daysAgo(150),
        subject: 'Letter to Tuvalu',
        stateIso3s: ['TUV'],
        visibility: 'ORGANIZATION',
      }),
    );
    ok(await log(cast.partner.token, { type: 'LETTER', occurredOn: daysAgo(150), subject: 'CMC letter to Tonga', stateIso3s: ['TON'] }));
    const values = async (token: string) =>
      ok(await t.gql(GET, { id: mandate.id }, token)).mandate.objectives[0].indicators.map((i: any) => i.currentValue);
    // The mandate's numbers are the same for each of its organizations: France's own letter is not the mandate's work.
    expect(await values(cast.france.token)).toEqual([1, 1, null]);
    expect(await values(cast.panama.token)).toEqual([1, 1, null]);
    expect(await values(cast.partner.token)).toEqual([1, 1, null]);

    const updated = ok(
      await t.gql(
        UPDATE_OBJECTIVE,
        {
          id: objective.id,
          input: {
            expectedVersion: 1,
            title: 'Reach every Pacific State',
            indicators: [{ description: 'Letters answered', metric: 'LETTERS_ANSWERED' }],
          },
        },
        cast.france.token,
      ),
    ).updateObjective;
    expect(updated).toMatchObject({ title: 'Reach every Pacific State', version: 2, indicators: [{ description: 'Letters answered' }] });
    const stale = await t.gql(UPDATE_OBJECTIVE, { id: objective.id, input: { expectedVersion: 1, title: 'Again' } }, cast.france.token);
    expect(codes(stale)).toEqual(['CONFLICT']);
  });

  it('plans dated activities for States or a region, links logged interactions and follows their status', async () => {
    const meeting = ok(
      await t.gql(
        LOG,
        {
          input: {
            type: 'BILATERAL_MEETING',
            occurredOn: daysAgo(20),
            subject: 'Meeting with the Permanent Mission of Tonga',
            stateIso3s: ['TON'],
            visibility: 'COORDINATORS',
          },
        },
        cast.panama.token,
      ),
    ).logInteraction;
    const activity = ok(
      await t.gql(
        PLAN,
        {
          id: mandate.id,
          input: {
            title: 'Bilateral meetings in New York',
            kind: 'BILATERAL_MEETING',
            plannedOn: daysAgo(30),
            plannedUntil: daysAgo(10),
            stateIso3s: ['TON', 'KIR'],
          },
        },
        cast.france.token,
      ),
    ).planActivity;
    expect(activity).toMatchObject({ status: 'PLANNED', version: 1, plannedUntil: daysAgo(10), interactions: [] });
    expect(activity.states.map((s: any) => s.iso3).sort()).toEqual(['KIR', 'TON']);
    ok(
      await t.gql(
        PLAN,
        {
          id: mandate.id,
          input: { title: 'Letters to African capitals', kind: 'LETTER_CAMPAIGN', plannedOn: daysAgo(100), regionalGroup: 'AFRICAN' },
        },
        cast.panama.token,
      ),
    );

    const done = ok(
      await t.gql(
        UPDATE_ACTIVITY,
        {
          id: activity.id,
          input: { expectedVersion: 1, status: 'DONE', interactionIds: [meeting.id] },
        },
        cast.france.token,
      ),
    ).updatePlannedActivity;
    expect(done).toEqual({ id: activity.id, status: 'DONE', version: 2, interactions: [{ id: meeting.id }] });

    const read = async (token: string) => ok(await t.gql(GET, { id: mandate.id }, token)).mandate.plannedActivities;
    const activities = await read(cast.france.token);
    expect(activities.map((a: any) => [a.title, a.kind, a.status, a.regionalGroup])).toEqual([
      ['Letters to African capitals', 'LETTER_CAMPAIGN', 'PLANNED', 'AFRICAN'],
      ['Bilateral meetings in New York', 'BILATERAL_MEETING', 'DONE', null],
    ]);
    expect(activities[1].states.map((s: any) => s.name)).toEqual(['Kiribati', 'Tonga']);
    // The partner reads the shared plan, but not the coordinators' meeting behind it.
    expect((await read(cast.partner.token))[1].interactions).toEqual([]);

    const stale = await t.gql(UPDATE_ACTIVITY, { id: activity.id, input: { expectedVersion: 1, status: 'CANCELLED' } }, cast.france.token);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const backwards = await t.gql(
      UPDATE_ACTIVITY,
      { id: activity.id, input: { expectedVersion: 2, plannedUntil: daysAgo(40) } },
      cast.france.token,
    );
    expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
    // Its date may be left out of a correction, but not erased.
    const erased = await t.gql(UPDATE_ACTIVITY, { id: activity.id, input: { expectedVersion: 2, plannedOn: null } }, cast.france.token);
    expect(codes(erased)).toEqual(['BAD_USER_INPUT']);
    const unknownState = await t.gql(
      PLAN,
      { id: mandate.id, input: { title: 'x', kind: 'OTHER', plannedOn: daysAgo(1), stateIso3s: ['XXX'] } },
      cast.france.token,
    );
    expect(codes(unknownState)).toEqual(['NOT_FOUND']);
    // An interaction Panama may not see cannot be linked by Panama.
    const hidden = ok(
      await t.gql(
        LOG,
        { input: { type: 'PHONE_CALL', occurredOn: daysAgo(5), subject: 'France only', stateIso3s: ['KIR'] } },
        cast.france.token,
      ),
    ).logInteraction;
    const link = await t.gql(
      UPDATE_ACTIVITY,
      { id: activity.id, input: { expectedVersion: 2, interactionIds: [hidden.id] } },
      cast.panama.token,
    );
    expect(codes(link)).toEqual(['NOT_FOUND']);

    const removed = await t.gql(
      'mutation($id: ID!) { deletePlannedActivity(id: $id, expectedVersion: 2) }',
      { id: activity.id },
      cast.panama.token,
    );
    expect(ok(removed).deletePlannedActivity).toBe(activity.id);
    expect((await read(cast.france.token)).map((a: any) => a.title)).toEqual(['Letters to African capitals']);
  });

  it('updates a mandate with expectedVersion: CONFLICT when stale, BAD_USER_INPUT for a period that ends before it starts', async () => {
    const updated = ok(
      await t.gql(UPDATE, { id: mandate.id, input: { expectedVersion: 1, name: 'Coordinators 2026' } }, cast.panama.token),
    ).updateMandate;
    expect(updated).toMatchObject({ name: 'Coordinators 2026', version: 2 });
    expect(codes(await t.gql(UPDATE, { id: mandate.id, input: { expectedVersion: 1, name: 'Stale' } }, cast.france.token))).toEqual([
      'CONFLICT',
    ]);
    expect(
      codes(await t.gql(UPDATE, { id: mandate.id, input: { expectedVersion: 2, periodTo: daysAgo(300) } }, cast.france.token)),
    ).toEqual(['BAD_USER_INPUT']);
    // A period has both its ends: null is not a way to clear one.
    for (const field of ['periodFrom', 'periodTo']) {
      expect(codes(await t.gql(UPDATE, { id: mandate.id, input: { expectedVersion: 2, [field]: null } }, cast.france.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
    const backwards = await t.gql(
      START,
      {
        input: { name: 'Backwards', periodFrom: '2026-06-01', periodTo: '2026-01-01', organizationIds: [cast.france.organizationId] },
      },
      cast.france.token,
    );
    expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
    const badDate = await t.gql(
      START,
      { input: { name: 'Bad', periodFrom: '2026-02-30', periodTo: '2026-03-01', organizationIds: [cast.france.organizationId] } },
      cast.france.token,
    );
    expect(codes(badDate)).toEqual(['BAD_USER_INPUT']);
    const noOrganization = await t.gql(
      START,
      { input: { name: 'None', periodFrom: '2026-01-01', periodTo: '2026-12-31', organizationIds: [] } },
      cast.france.token,
    );
    expect(codes(noOrganization)).toEqual(['BAD_USER_INPUT']);
    const dropSelf = await t.gql(
      UPDATE,
      { id: mandate.id, input: { expectedVersion: 2, organizationIds: [cast.panama.organizationId] } },
      cast.france.token,
    );
    expect(codes(dropSelf)).toEqual(['BAD_USER_INPUT']);
    expect(ok(await t.gql(GET, { id: mandate.id }, cast.france.token)).mandate.version).toBe(2);
    // Every change is in the audit trail, with its actor.
    const audit = ok(
      await t.gql(
        `{ auditLog(filter: { entity: "mandates", entityId: "${mandate.id}" }) { edges { node { action actor { email } before after } } } }`,
        {},
        cast.admin.token,
      ),
    ).auditLog.edges.map((e: any) => e.node);
    expect(audit.map((entry: any) => entry.action).sort()).toEqual(['startMandate', 'updateMandate']);
    const change = audit.find((entry: any) => entry.action === 'updateMandate');
    expect([change.actor.email, change.before.name, change.after.name]).toEqual([
      'coordinator@panama.example',
      'Universalization coordinators 2026',
      'Coordinators 2026',
    ]);
  });

  it('lets only coordinators of its organizations (and admins) change it; others read it as its visibility allows', async () => {
    const own = ok(
      await t.gql(
        START,
        {
          input: {
            name: 'France alone',
            periodFrom: '2026-01-01',
            periodTo: '2026-12-31',
            organizationIds: [cast.france.organizationId],
            visibility: 'COORDINATORS',
          },
        },
        cast.france.token,
      ),
    ).startMandate;
    expect(codes(await t.gql(UPDATE, { id: own.id, input: { expectedVersion: 1, name: 'Taken' } }, cast.panama.token))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await t.gql(UPDATE, { id: own.id, input: { expectedVersion: 1, name: 'Taken' } }, cast.partner.token))).toEqual([
      'FORBIDDEN',
    ]);
    expect(ok(await t.gql(GET, { id: own.id }, cast.panama.token)).mandate.name).toBe('France alone');
    expect(ok(await t.gql(GET, { id: own.id }, cast.partner.token)).mandate).toBeNull();
    const list = async (token: string) =>
      ok(await t.gql('{ mandates(first: 10) { totalCount edges { node { name } } } }', {}, token)).mandates.edges.map(
        (e: any) => e.node.name,
      );
    expect(await list(cast.partner.token)).toEqual(['Coordinators 2026']);
    expect((await list(cast.panama.token)).sort()).toEqual(['Coordinators 2026', 'France alone']);
    const starting = await t.gql(
      START,
      { input: { name: 'Not mine', periodFrom: '2026-01-01', periodTo: '2026-12-31', organizationIds: [cast.france.organizationId] } },
      cast.panama.token,
    );
    expect(codes(starting)).toEqual(['FORBIDDEN']);
    const renamed = ok(
      await t.gql(UPDATE, { id: own.id, input: { expectedVersion: 1, name: 'France, renamed by the admin' } }, cast.admin.token),
    ).updateMandate;
    expect(renamed.version).toBe(2);
    expect(
      codes(await t.gql('mutation($id: ID!) { deleteMandate(id: $id, expectedVersion: 1) }', { id: own.id }, cast.france.token)),
    ).toEqual(['CONFLICT']);
    expect(
      ok(await t.gql('mutation($id: ID!) { deleteMandate(id: $id, expectedVersion: 2) }', { id: own.id }, cast.france.token)).deleteMandate,
    ).toBe(own.id);
    expect(ok(await t.gql(GET, { id: own.id }, cast.france.token)).mandate).toBeNull();
  });

  it('records MANDATE_STARTED and WORK_PLAN_CHANGED, with the mandate visibility', async () => {
    const feed = async (token: string) =>
      ok(await t.gql(FEED, { kinds: ['MANDATE_STARTED', 'WORK_PLAN_CHANGED'] }, token)).activityFeed.edges.map((e: any) => e.node.summary);
    // Each entry names the mandate as it is now ("Universalization coordinators 2026" was renamed
    // "Coordinators 2026"); a deleted mandate's entries keep the name it had when it was deleted.
    const france = await feed(cast.france.token);
    expect(france).toContain(`Mandate "Coordinators 2026" started (${mandate.periodFrom} to ${mandate.periodTo})`);
    expect(france).toContain('Objective "Reach every Pacific State not Party" added to "Coordinators 2026"');
    expect(france).toContain('Activity "Bilateral meetings in New York" of "Coordinators 2026" is now DONE');
    expect(france).toContain('Mandate "France, renamed by the admin" started (2026-01-01 to 2026-12-31)');
    expect(france).toContain('Mandate "France, renamed by the admin" deleted');
    expect(
      france.some((summary: string) => summary.includes('Universalization coordinators 2026') || summary.includes('France alone')),
    ).toBe(false);
    const partner = await feed(cast.partner.token);
    expect(partner).toContain('Mandate "Coordinators 2026" changed');
    expect(partner.some((summary: string) => summary.includes('France'))).toBe(false);
  });
});
