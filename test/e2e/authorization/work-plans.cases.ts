import type { TestApp } from '../../support/app.js';
import type { Cast } from '../../support/fixtures.js';
import type { MatrixCase } from '../../support/authorization.js';

const START = 'mutation($input: StartMandateInput!) { startMandate(input: $input) { id version } }';

/** A mandate of France alone, started by France, with the given visibility. */
async function franceMandate(t: TestApp, cast: Cast, name: string, visibility = 'SHARED'): Promise<{ id: string; version: number }> {
  const started = await t.gql(
    START,
    { input: { name, periodFrom: '2026-01-01', periodTo: '2026-12-31', organizationIds: [cast.france.organizationId], visibility } },
    cast.france.token,
  );
  return started.data.startMandate;
}

async function franceObjective(t: TestApp, cast: Cast): Promise<string> {
  const mandate = await franceMandate(t, cast, `Matrix objective ${Math.random()}`);
  const added = await t.gql(
    'mutation($id: ID!) { addObjective(mandateId: $id, input: { title: "Matrix objective" }) { id } }',
    { id: mandate.id },
    cast.france.token,
  );
  return added.data.addObjective.id;
}

async function franceActivity(t: TestApp, cast: Cast): Promise<string> {
  const mandate = await franceMandate(t, cast, `Matrix activity ${Math.random()}`);
  const planned = await t.gql(
    'mutation($id: ID!) { planActivity(mandateId: $id, input: { title: "Matrix activity", kind: OTHER, plannedOn: "2026-03-01" }) { id } }',
    { id: mandate.id },
    cast.france.token,
  );
  return planned.data.planActivity.id;
}

const WRITE = { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const;

/** Mandates, work plans and progress reports: who reads and who changes a mandate of France. */
export const WORK_PLANS_CASES: MatrixCase[] = [
  {
    name: 'mandate: a SHARED mandate of France',
    setup: (t, cast) => franceMandate(t, cast, 'Matrix: shared mandate'),
    run: (t, _cast, token, mandate) => t.gql('query($id: ID!) { mandate(id: $id) { id } }', { id: mandate.id }, token ?? undefined),
    seen: (response) => !!response.data?.mandate,
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'mandate: a COORDINATORS mandate of France',
    setup: (t, cast) => franceMandate(t, cast, 'Matrix: coordinators mandate', 'COORDINATORS'),
    run: (t, _cast, token, mandate) => t.gql('query($id: ID!) { mandate(id: $id) { id } }', { id: mandate.id }, token ?? undefined),
    seen: (response) => !!response.data?.mandate,
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'mandates: an ORGANIZATION mandate of France',
    setup: (t, cast) => franceMandate(t, cast, 'Matrix: France-only mandate', 'ORGANIZATION'),
    run: (t, _cast, token) => t.gql('{ mandates(first: 200) { edges { node { id } } } }', {}, token ?? undefined),
    seen: (response, mandate) => (response.data?.mandates.edges ?? []).some((e: any) => e.node.id === mandate.id),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'progressReport: counts an ORGANIZATION interaction of France',
    async setup(t, cast) {
      await t.gql(
        'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
        {
          input: {
            type: 'WORKSHOP',
            occurredOn: '2025-06-15',
            subject: 'Matrix: workshop kept within France',
            stateIso3s: ['NRU'],
            visibility: 'ORGANIZATION',
          },
        },
        cast.france.token,
      );
    },
    run: (t, _cast, token) =>
      t.gql(
        '{ progressReport(input: { from: "2025-06-15", to: "2025-06-15", stateIso3s: ["NRU"] }) { interactions { count } } }',
        {},
        token ?? undefined,
      ),
    seen: (response) => response.data?.progressReport.interactions.count === 1,
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'startMandate: a mandate of France',
    run: (t, cast, token) =>
      t.gql(
        START,
        {
          input: {
            name: 'Matrix: started',
            periodFrom: '2026-01-01',
            periodTo: '2026-12-31',
            organizationIds: [cast.france.organizationId],
          },
        },
        token ?? undefined,
      ),
    expect: WRITE,
  },
  {
    // Taking over copies the plan and closes the hand-over: reading the previous mandate is not enough.
    name: 'startMandate: taking over a COORDINATORS mandate of France',
    async run(t, cast, token, _context, caller) {
      const previous = await franceMandate(t, cast, `Matrix hand-over ${Math.random()}`, 'COORDINATORS');
      const own = caller === 'anonymous' || caller === 'admin' ? cast.france : cast[caller];
      return t.gql(
        START,
        {
          input: {
            name: 'Matrix: taken over',
            periodFrom: '2027-01-01',
            periodTo: '2027-12-31',
            organizationIds: [own.organizationId],
            previousMandateId: previous.id,
          },
        },
        token ?? undefined,
      );
    },
    expect: WRITE,
  },
  {
    name: 'updateMandate: a mandate of France',
    async run(t, cast, token) {
      const mandate = await franceMandate(t, cast, `Matrix update ${Math.random()}`);
      return t.gql(
        'mutation($id: ID!) { updateMandate(id: $id, input: { expectedVersion: 1, periodTo: "2026-11-30" }) { id } }',
        { id: mandate.id },
        token ?? undefined,
      );
    },
    expect: WRITE,
  },
  {
    name: 'deleteMandate: a mandate of France',
    async run(t, cast, token) {
      const mandate = await franceMandate(t, cast, `Matrix delete ${Math.random()}`);
      return t.gql('mutation($id: ID!) { deleteMandate(id: $id, expectedVersion: 1) }', { id: mandate.id }, token ?? undefined);
    },
    expect: WRITE,
  },
  {
    name: 'addObjective: to a mandate of France',
    async run(t, cast, token) {
      const mandate = await franceMandate(t, cast, `Matrix add objective ${Math.random()}`);
      return t.gql(
        'mutation($id: ID!) { addObjective(mandateId: $id, input: { title: "More letters" }) { id } }',
        { id: mandate.id },
        token ?? undefined,
      );
    },
    expect: WRITE,
  },
  {
    name: 'updateObjective: of a mandate of France',
    async run(t, cast, token) {
      const id = await franceObjective(t, cast);
      return t.gql(
        'mutation($id: ID!) { updateObjective(id: $id, input: { expectedVersion: 1, title: "Changed" }) { id } }',
        { id },
        token ?? undefined,
      );
    },
    expect: WRITE,
  },
  {
    name: 'deleteObjective: of a mandate of France',
    async run(t, cast, token) {
      const id = await franceObjective(t, cast);
      return t.gql('mutation($id: ID!) { deleteObjective(id: $id, expectedVersion: 1) }', { id }, token ?? undefined);
    },
    expect: WRITE,
  },
  {
    name: 'planActivity: in a mandate of France',
    async run(t, cast, token) {
      const mandate = await franceMandate(t, cast, `Matrix plan ${Math.random()}`);
      return t.gql(
        'mutation($id: ID!) { planActivity(mandateId: $id, input: { title: "Letters", kind: LETTER_CAMPAIGN, plannedOn: "2026-01-15" }) { id } }',
        { id: mandate.id },
        token ?? undefined,
      );
    },
    expect: WRITE,
  },
  {
    name: 'updatePlannedActivity: of a mandate of France',
    async run(t, cast, token) {
      const id = await franceActivity(t, cast);
      return t.gql(
        'mutation($id: ID!) { updatePlannedActivity(id: $id, input: { expectedVersion: 1, status: DONE }) { id } }',
        { id },
        token ?? undefined,
      );
    },
    expect: WRITE,
  },
  {
    name: 'deletePlannedActivity: of a mandate of France',
    async run(t, cast, token) {
      const id = await franceActivity(t, cast);
      return t.gql('mutation($id: ID!) { deletePlannedActivity(id: $id, expectedVersion: 1) }', { id }, token ?? undefined);
    },
    expect: WRITE,
  },
];
