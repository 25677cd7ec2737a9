import type { MatrixCase } from '../../support/authorization.js';

const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
/** Logged interactions only: the other rows' setups fill the feed with their events and meetings. */
const FEED = `{ activityFeed(filter: { kinds: [INTERACTION_LOGGED] }, first: 100) { edges { node { id summary } } } }`;

/** An interaction France keeps to itself, and whether its activity event reaches each caller. */
export const SHARING_CASES: MatrixCase[] = [
  {
    name: 'activityFeed: an ORGANIZATION interaction of France',
    async setup(t, cast) {
      const logged = await t.gql(
        LOG,
        {
          input: {
            type: 'PHONE_CALL',
            occurredOn: '2026-01-15',
            subject: 'Matrix: call kept within France',
            stateIso3s: ['VUT'],
            visibility: 'ORGANIZATION',
          },
        },
        cast.france.token,
      );
      return logged.data.logInteraction.id as string;
    },
    run: (t, _cast, token) => t.gql(FEED, {}, token ?? undefined),
    seen: (response) =>
      (response.data?.activityFeed.edges ?? []).some((e: any) => e.node.summary.includes('Matrix: call kept within France')),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
];
