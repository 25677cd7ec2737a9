import { ADMIN, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';
import { subscribe } from '../support/subscriptions.js';

/**
 * Who sees what about people: a user's display name and organization are for everyone signed in;
 * their e-mail address, role and whether the account is disabled only for the user themself, the
 * coordinators of the same organization, and admins. Checked on every kind of path that returns a
 * user, over HTTP and WebSocket.
 */
const PERSON = 'id displayName email role disabled organization { name }';
const PASSWORD = 'a-long-test-password';

type Viewer = 'self' | 'sameOrganizationCoordinator' | 'admin' | 'otherGovernmentCoordinator' | 'partner' | 'sameOrganizationPartner';
const MAY_SEE: Record<Viewer, boolean> = {
  self: true,
  sameOrganizationCoordinator: true,
  admin: true,
  otherGovernmentCoordinator: false,
  partner: false,
  sameOrganizationPartner: false,
};
const VIEWERS = Object.keys(MAY_SEE) as Viewer[];

describe('who sees what about people', () => {
  let t: TestApp;
  let cast: Cast;
  let tokens: Record<Viewer, string>;
  let interactionId: string;
  let eventId: string;

  /** France's coordinator as the given viewer must see them. */
  const expected = (viewer: Viewer) =>
    MAY_SEE[viewer]
      ? {
          id: cast.france.id,
          displayName: 'coordinator',
          email: 'coordinator@france.example',
          role: 'COORDINATOR',
          disabled: false,
          organization: { name: 'France' },
        }
      : { id: cast.france.id, displayName: 'coordinator', email: null, role: null, disabled: null, organization: { name: 'France' } };

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const member = async (email: string, role: string) => {
      const input = { email, displayName: email.split('@')[0], role, organizationId: cast.france.organizationId, password: PASSWORD };
      ok(await t.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }, cast.admin.token));
      return t.login(email, PASSWORD);
    };
    tokens = {
      self: cast.france.token,
      sameOrganizationCoordinator: await member('second@france.example', 'COORDINATOR'),
      admin: cast.admin.token,
      otherGovernmentCoordinator: cast.panama.token,
      partner: cast.partner.token,
      sameOrganizationPartner: await member('partner@france.example', 'PARTNER'),
    };
    const input = {
      type: 'BILATERAL_MEETING',
      occurredOn: '2026-01-15',
      subject: 'Shared meeting on stockpiles',
      stateIso3s: ['VUT'],
      visibility: 'SHARED',
    };
    interactionId = ok(
      await t.gql('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', { input }, cast.france.token),
    ).logInteraction.id;
    const event = {
      name: 'Pacific workshop',
      kind: 'REGIONAL_CONFERENCE',
      place: 'Port Vila',
      startsOn: '2026-02-09',
      endsOn: '2026-02-10',
      visibility: 'SHARED',
    };
    eventId = ok(
      await t.gql('mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }', { input: event }, cast.france.token),
    ).recordEvent.id;
    ok(
      await t.gql(
        'mutation($input: CreateGroupingInput!) { createGrouping(input: $input) { id } }',
        { input: { name: 'Pacific', stateIso3s: ['VUT'] } },
        cast.france.token,
      ),
    );
    // Vanuatu, a State Party, deposited its instrument of accession on 2025-09-05.
    ok(
      await t.gql(
        'mutation { setRatificationStage(iso3: "VUT", stage: DEPOSITED, effectiveOn: "2025-09-05") { iso3 } }',
        {},
        cast.france.token,
      ),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each(VIEWERS)('interaction author, feed actor, event and grouping creator, as %s', async (viewer) => {
    const data = ok(
      await t.gql(
        `query($id: ID!, $event: ID!) {
           interaction(id: $id) { author { ${PERSON} } }
           event(id: $event) { createdBy { ${PERSON} } }
           groupings { name createdBy { ${PERSON} } }
           activityFeed(filter: { kinds: [INTERACTION_LOGGED] }) { edges { node { interaction { id } actor { ${PERSON} } } } }
         }`,
        { id: interactionId, event: eventId },
        tokens[viewer],
      ),
    );
    expect(data.interaction.author).toEqual(expected(viewer));
    expect(data.event.createdBy).toEqual(expected(viewer));
    expect(data.groupings.find((g: { name: string }) => g.name === 'Pacific').createdBy).toEqual(expected(viewer));
    const entry = data.activityFeed.edges.find((e: any) => e.node.interaction?.id === interactionId);
    expect(entry.node.actor).toEqual(expected(viewer));
  });

  it.each(['self', 'sameOrganizationCoordinator', 'admin', 'otherGovernmentCoordinator'] as Viewer[])(
    'the stage history, as %s',
    async (viewer) => {
      const data = ok(await t.gql(`{ state(iso3: "VUT") { stageHistory { to changedBy { ${PERSON} } } } }`, {}, tokens[viewer]));
      const change = data.state.stageHistory.find((c: { changedBy: unknown }) => c.changedBy);
      expect(change.changedBy).toEqual(expected(viewer));
    },
  );

  it('the live feed over WebSocket follows the same rule', async () => {
    const viewers: Viewer[] = ['partner', 'otherGovernmentCoordinator', 'sameOrganizationCoordinator', 'admin'];
    const live = await Promise.all(
      viewers.map((v) => subscribe(t.url, tokens[v], `subscription { activityAdded { actor { ${PERSON} } } }`)),
    );
    try {
      const input = {
        type: 'PHONE_CALL',
        occurredOn: '2026-01-16',
        subject: 'Shared follow-up call',
        stateIso3s: ['VUT'],
        visibility: 'SHARED',
      };
      ok(await t.gql('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', { input }, cast.france.token));
      for (const [i, viewer] of viewers.entries()) {
        const [message] = await live[i].waitFor(1);
        expect(message.data.activityAdded.actor).toEqual(expected(viewer));
      }
    } finally {
      await Promise.all(live.map((s) => s.close()));
    }
  });

  it('a user always sees their own e-mail and role: me, and the answer to login', async () => {
    const login = ok(
      await t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email role disabled } } }', {
        e: 'partner@cmc.example',
        p: PASSWORD,
      }),
    );
    expect(login.login.user).toEqual({ email: 'partner@cmc.example', role: 'PARTNER', disabled: false });
    expect(ok(await t.gql('{ me { email role disabled } }', {}, cast.partner.token)).me).toEqual({
      email: 'partner@cmc.example',
      role: 'PARTNER',
      disabled: false,
    });
  });

  it('admins see every account in full', async () => {
    const users = ok(await t.gql('{ users { email role disabled } }', {}, cast.admin.token)).users;
    expect(users).toContainEqual({ email: ADMIN.email, role: 'ADMIN', disabled: false });
    expect(users).toContainEqual({ email: 'partner@france.example', role: 'PARTNER', disabled: false });
    expect(users.every((u: { email: string | null }) => typeof u.email === 'string')).toBe(true);
  });
});
