import type { TestApp } from '../../support/app.js';
import type { MatrixCase } from '../../support/authorization.js';
import type { Cast } from '../../support/fixtures.js';

const START = `mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version } }`;
const READ = `query($id: ID!) { interaction(id: $id) { id } }`;
const FEED = `{ activityFeed(filter: { kinds: [INTERACTION_LOGGED] }, first: 100) { edges { node { id summary } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { id } }`;

/** A mandate of France, with Panama too when `joint`; with `successor`, handed over (by an admin) to a mandate of Panama. */
async function mandate(t: TestApp, cast: Cast, name: string, { joint = false, successor = false } = {}): Promise<string> {
  const organizationIds = joint ? [cast.france.organizationId, cast.panama.organizationId] : [cast.france.organizationId];
  const period = successor ? { periodFrom: '2025-01-01', periodTo: '2025-06-30' } : { periodFrom: '2026-01-01', periodTo: '2026-12-31' };
  const id = (await t.gql(START, { input: { name, ...period, organizationIds } }, cast.france.token)).data.startMandate.id as string;
  if (successor) {
    await t.gql(
      START,
      {
        input: {
          name: `${name}, taken over`,
          periodFrom: '2025-07-01',
          periodTo: '2026-06-30',
          organizationIds: [cast.panama.organizationId],
          previousMandateId: id,
        },
      },
      cast.admin.token,
    );
  }
  return id;
}

async function logAs(t: TestApp, token: string, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  return (await t.gql(LOG, { input: { type: 'LETTER', occurredOn: '2025-03-01', stateIso3s: ['TUV'], ...input } }, token)).data
    .logInteraction;
}

/**
 * The MANDATE visibility and the rights a mandate shares (France is the owner; Panama is its
 * co-coordinator in the joint rows and its successor in the hand-over rows; the admin's
 * organization is in no mandate).
 */
export const MANDATE_CASES: MatrixCase[] = [
  {
    name: 'interaction: a MANDATE interaction of a mandate of France alone',
    async setup(t, cast) {
      const mandateId = await mandate(t, cast, 'Matrix: France alone');
      return (await logAs(t, cast.france.token, { subject: 'Matrix: France mandate only', visibility: 'MANDATE', mandateId })).id;
    },
    run: (t, _cast, token, id) => t.gql(READ, { id }, token ?? undefined),
    seen: (response) => !!response.data?.interaction,
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'interaction: a MANDATE interaction of the mandate of France and Panama',
    async setup(t, cast) {
      const mandateId = await mandate(t, cast, 'Matrix: France and Panama (read)', { joint: true });
      return (await logAs(t, cast.france.token, { subject: 'Matrix: joint mandate only', visibility: 'MANDATE', mandateId })).id;
    },
    run: (t, _cast, token, id) => t.gql(READ, { id }, token ?? undefined),
    seen: (response) => !!response.data?.interaction,
    expect: { admin: 'hidden', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'activityFeed: a MANDATE interaction of the mandate of France and Panama',
    async setup(t, cast) {
      const mandateId = await mandate(t, cast, 'Matrix: France and Panama (feed)', { joint: true });
      await logAs(t, cast.france.token, {
        subject: 'Matrix: joint mandate feed',
        visibility: 'MANDATE',
        mandateId,
        occurredOn: '2026-01-20',
      });
    },
    run: (t, _cast, token) => t.gql(FEED, {}, token ?? undefined),
    seen: (response) => (response.data?.activityFeed.edges ?? []).some((e: any) => e.node.summary.includes('Matrix: joint mandate feed')),
    expect: { admin: 'hidden', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'interaction: a MANDATE interaction of a mandate of France, taken over by Panama',
    async setup(t, cast) {
      const mandateId = await mandate(t, cast, 'Matrix: France, handed over (read)', { successor: true });
      return (await logAs(t, cast.france.token, { subject: 'Matrix: read by the successor', visibility: 'MANDATE', mandateId })).id;
    },
    run: (t, _cast, token, id) => t.gql(READ, { id }, token ?? undefined),
    seen: (response) => !!response.data?.interaction,
    expect: { admin: 'hidden', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'recordReply: a COORDINATORS letter of France linked to the mandate of France and Panama',
    async setup(t, cast) {
      const mandateId = await mandate(t, cast, 'Matrix: France and Panama (reply)', { joint: true });
      return (
        await logAs(t, cast.france.token, {
          subject: 'Matrix: joint letter',
          visibility: 'COORDINATORS',
          mandateId,
          occurredOn: '2026-01-10',
        })
      ).id;
    },
    run: (t, _cast, token, id) =>
      t.gql(`mutation($id: ID!) { recordReply(id: $id, receivedOn: "2026-01-20") { id } }`, { id }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: "recordReply: a COORDINATORS letter of France linked to no mandate (stays France's)",
    async setup(t, cast) {
      await mandate(t, cast, 'Matrix: France and Panama (unlinked)', { joint: true });
      return (
        await logAs(t, cast.france.token, {
          subject: 'Matrix: letter of France alone',
          visibility: 'COORDINATORS',
          occurredOn: '2026-01-10',
        })
      ).id;
    },
    run: (t, _cast, token, id) =>
      t.gql(`mutation($id: ID!) { recordReply(id: $id, receivedOn: "2026-01-20") { id } }`, { id }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: "markFollowUpDone: a follow-up of France carried over to Panama's mandate",
    async setup(t, cast) {
      const interaction = await logAs(t, cast.france.token, {
        subject: 'Matrix: carried follow-up',
        visibility: 'COORDINATORS',
        followUpOn: '2025-05-01',
      });
      await mandate(t, cast, 'Matrix: France, handed over (close)', { successor: true });
      return interaction.id;
    },
    run: (t, _cast, token, id) => t.gql(`mutation($id: ID!) { markFollowUpDone(id: $id) { id } }`, { id }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: "updateInteraction: an interaction of France carried over to Panama's mandate (successors close, not rewrite)",
    async setup(t, cast) {
      const interaction = await logAs(t, cast.france.token, {
        subject: 'Matrix: carried, not rewritten',
        visibility: 'COORDINATORS',
        followUpOn: '2025-05-01',
      });
      await mandate(t, cast, 'Matrix: France, handed over (edit)', { successor: true });
      return interaction.id;
    },
    async run(t, cast, token, id) {
      const { version } = (await t.gql(`query($id: ID!) { interaction(id: $id) { version } }`, { id }, cast.france.token)).data.interaction;
      return t.gql(UPDATE, { id, input: { expectedVersion: version, outcome: 'Corrected' } }, token ?? undefined);
    },
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
];
