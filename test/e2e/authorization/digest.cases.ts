import type { MatrixCase, Outcome } from '../../support/authorization.js';

/** Every signed-in user manages their own digest and followed States; a caller without a token must sign in. */
const EVERYONE_SIGNED_IN: Record<'admin' | 'france' | 'panama' | 'partner' | 'anonymous', Outcome> = {
  admin: 'ok',
  france: 'ok',
  panama: 'ok',
  partner: 'ok',
  anonymous: 'UNAUTHENTICATED',
};

/** The daily digest's settings and the followed States: each user's own. */
export const DIGEST_CASES: MatrixCase[] = [
  {
    name: 'subscribeToDigest, then myDigest: my own settings',
    run: async (t, _cast, token) => {
      const subscribed = await t.gql(
        `mutation { subscribeToDigest(input: { timeZone: "Europe/Paris", sendHour: 8 }) { timeZone } }`,
        {},
        token ?? undefined,
      );
      return subscribed.errors ? subscribed : t.gql('{ myDigest { timeZone sendHour } }', {}, token ?? undefined);
    },
    seen: (response) => response.data?.myDigest?.sendHour === 8,
    expect: EVERYONE_SIGNED_IN,
  },
  {
    name: 'unsubscribeFromDigest',
    run: (t, _cast, token) => t.gql('mutation { unsubscribeFromDigest }', {}, token ?? undefined),
    seen: (response) => response.data?.unsubscribeFromDigest !== undefined,
    expect: EVERYONE_SIGNED_IN,
  },
  {
    name: 'followState, then followedStates: my own list',
    run: async (t, _cast, token) => {
      const followed = await t.gql('mutation { followState(iso3: "VUT") { iso3 } }', {}, token ?? undefined);
      return followed.errors ? followed : t.gql('{ followedStates { iso3 } }', {}, token ?? undefined);
    },
    seen: (response) => (response.data?.followedStates ?? []).some((state: { iso3: string }) => state.iso3 === 'VUT'),
    expect: EVERYONE_SIGNED_IN,
  },
  {
    name: 'unfollowState',
    run: (t, _cast, token) => t.gql('mutation { unfollowState(iso3: "VUT") { iso3 } }', {}, token ?? undefined),
    seen: (response) => Array.isArray(response.data?.unfollowState),
    expect: EVERYONE_SIGNED_IN,
  },
];
