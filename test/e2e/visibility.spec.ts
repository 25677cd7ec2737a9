import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const subjects = (connection: any) => connection.edges.map((edge: any) => edge.node.subject);

const ORGANIZATION_ONLY = 'Internal assessment of Kiribati';
const FOR_COORDINATORS = 'Coordinators: briefing on Kiribati';
const SHARED = 'Kiribati joins the regional workshop';

describe('who sees which interaction', () => {
  let t: TestApp;
  let cast: Cast;
  let contactId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const created = await t.gql(
      'mutation { createContact(input: { fullName: "Kiri Focal Point", stateIso3: "KIR" }) { id } }',
      {},
      cast.france.token,
    );
    contactId = created.data.createContact.id;

    const logged = [
      { subject: ORGANIZATION_ONLY, visibility: 'ORGANIZATION', occurredOn: '2026-05-20' },
      { subject: FOR_COORDINATORS, visibility: 'COORDINATORS', occurredOn: '2026-04-10' },
      { subject: SHARED, visibility: 'SHARED', occurredOn: '2026-03-01' },
    ];
    for (const input of logged) {
      const result = await t.gql(
        'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
        { input: { ...input, type: 'BILATERAL_MEETING', stateIso3s: ['KIR'], contactIds: [contactId] } },
        cast.france.token,
      );
      ids[input.subject] = ok(result).logInteraction.id;
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  /** What each viewer should see of France's three interactions on Kiribati, newest first. */
  const matrix: [string, (cast: Cast) => Actor, string[], string | null][] = [
    ['the France coordinator (the author)', (c) => c.france, [ORGANIZATION_ONLY, FOR_COORDINATORS, SHARED], '2026-05-20'],
    ['the Panama coordinator', (c) => c.panama, [FOR_COORDINATORS, SHARED], '2026-04-10'],
    ['the admin of another organization', (c) => c.admin, [FOR_COORDINATORS, SHARED], '2026-04-10'],
    ['the partner', (c) => c.partner, [SHARED], '2026-03-01'],
  ];

  describe.each(matrix)('%s', (_who, actorOf, visible, lastInteractionOn) => {
    const hidden = [ORGANIZATION_ONLY, FOR_COORDINATORS, SHARED].filter((subject) => !visible.includes(subject));
    const ask = (query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, actorOf(cast).token);

    it('sees exactly these in the interactions list', async () => {
      const { interactions } = ok(await ask('{ interactions { totalCount edges { node { subject } } } }'));
      expect(subjects(interactions)).toEqual(visible);
      expect(interactions.totalCount).toBe(visible.length);
    });

    it('cannot reach a hidden one through the list filters', async () => {
      for (const subject of hidden) {
        const filter = { search: subject, stateIso3s: ['KIR'], organizationIds: [cast.france.organizationId], contactIds: [contactId] };
        const { interactions } = ok(
          await ask('query($filter: InteractionFilter) { interactions(filter: $filter) { totalCount } }', { filter }),
        );
        expect([subject, interactions.totalCount]).toEqual([subject, 0]);
      }
      const byVisibility = ok(await ask('{ interactions(filter: { visibilities: [ORGANIZATION] }) { totalCount } }'));
      expect(byVisibility.interactions.totalCount).toBe(visible.includes(ORGANIZATION_ONLY) ? 1 : 0);
    });

    it('sees exactly these, and the newest visible date, through state(iso3)', async () => {
      const { state } = ok(
        await ask('{ state(iso3: "KIR") { interactions { totalCount edges { node { subject } } } lastInteractionOn } }'),
      );
      expect(subjects(state.interactions)).toEqual(visible);
      expect(state.interactions.totalCount).toBe(visible.length);
      expect(state.lastInteractionOn).toBe(lastInteractionOn);
    });

    it('sees exactly these, and the newest visible date, through the states list', async () => {
      const { states } = ok(
        await ask(
          '{ states(filter: { search: "Kiribati" }) { edges { node { iso3 interactions { totalCount edges { node { subject } } } lastInteractionOn } } } }',
        ),
      );
      expect(states.edges).toHaveLength(1);
      const { node } = states.edges[0];
      expect(node.iso3).toBe('KIR');
      expect(node.interactions.totalCount).toBe(visible.length);
      expect(subjects(node.interactions)).toEqual(visible);
      expect(node.lastInteractionOn).toBe(lastInteractionOn);
    });

    it('sees exactly these through the contact they involve', async () => {
      const { contact } = ok(
        await ask('query($id: ID!) { contact(id: $id) { interactions { totalCount edges { node { subject } } } } }', { id: contactId }),
      );
      expect(contact.interactions.totalCount).toBe(visible.length);
      expect(subjects(contact.interactions)).toEqual(visible);
    });

    it('sees the same on paths nested through an interaction and its contacts', async () => {
      const { interactions } = ok(
        await ask(`{ interactions { edges { node {
          states { iso3 interactions { totalCount } lastInteractionOn }
          contacts { interactions { totalCount } state { interactions { edges { node { subject } } } lastInteractionOn } } } } } }`),
      );
      expect(interactions.edges).toHaveLength(visible.length);
      for (const { node } of interactions.edges) {
        expect(node.states).toEqual([{ iso3: 'KIR', interactions: { totalCount: visible.length }, lastInteractionOn }]);
        expect(node.contacts).toHaveLength(1);
        expect(node.contacts[0].interactions.totalCount).toBe(visible.length);
        expect(subjects(node.contacts[0].state.interactions)).toEqual(visible);
        expect(node.contacts[0].state.lastInteractionOn).toBe(lastInteractionOn);
      }
    });

    it('gets each visible one by id, and null for each hidden one', async () => {
      for (const subject of visible) {
        const { interaction } = ok(await ask('query($id: ID!) { interaction(id: $id) { subject } }', { id: ids[subject] }));
        expect(interaction).toEqual({ subject });
      }
      for (const subject of hidden) {
        const { interaction } = ok(await ask('query($id: ID!) { interaction(id: $id) { subject } }', { id: ids[subject] }));
        expect([subject, interaction]).toEqual([subject, null]);
      }
    });
  });

  describe('an ORGANIZATION interaction of another organization', () => {
    const PANAMA_ONLY = 'Panama: internal note on Kiribati';

    beforeAll(async () => {
      const input = {
        type: 'OTHER',
        occurredOn: '2026-06-15',
        subject: PANAMA_ONLY,
        visibility: 'ORGANIZATION',
        stateIso3s: ['KIR'],
        contactIds: [contactId],
      };
      const result = await t.gql(
        'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
        { input },
        cast.panama.token,
      );
      ids[PANAMA_ONLY] = ok(result).logInteraction.id;
    });

    it('is seen by its own organization, on every path', async () => {
      const result = ok(
        await t.gql(
          `query($id: ID!, $contactId: ID!) {
             interaction(id: $id) { subject }
             state(iso3: "KIR") { interactions { totalCount } lastInteractionOn }
             contact(id: $contactId) { interactions { totalCount } } }`,
          { id: ids[PANAMA_ONLY], contactId },
          cast.panama.token,
        ),
      );
      expect(result).toEqual({
        interaction: { subject: PANAMA_ONLY },
        state: { interactions: { totalCount: 3 }, lastInteractionOn: '2026-06-15' },
        contact: { interactions: { totalCount: 3 } },
      });
    });

    it('is hidden from France, the admin and the partner, on every path', async () => {
      const query = `query($id: ID!, $contactId: ID!, $panama: ID!) {
        interaction(id: $id) { subject }
        interactions(filter: { organizationIds: [$panama] }) { totalCount }
        panama: interactions(filter: { search: "Panama: internal" }) { totalCount }
        state(iso3: "KIR") { interactions { totalCount } lastInteractionOn }
        contact(id: $contactId) { interactions { totalCount } } }`;
      const expected: [Actor, number, string][] = [
        [cast.france, 3, '2026-05-20'],
        [cast.admin, 2, '2026-04-10'],
        [cast.partner, 1, '2026-03-01'],
      ];
      for (const [actor, count, last] of expected) {
        const result = ok(await t.gql(query, { id: ids[PANAMA_ONLY], contactId, panama: cast.panama.organizationId }, actor.token));
        expect(result).toEqual({
          interaction: null,
          interactions: { totalCount: 0 },
          panama: { totalCount: 0 },
          state: { interactions: { totalCount: count }, lastInteractionOn: last },
          contact: { interactions: { totalCount: count } },
        });
      }
    });
  });

  describe('roles', () => {
    // Partners may log their own (always SHARED) interactions: see sharing.spec.ts.
    const writes: [string, string, (cast: Cast, ids: Record<string, string>, contactId: string) => Record<string, unknown>][] = [
      [
        'createContact',
        'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
        () => ({ input: { fullName: 'Not Allowed' } }),
      ],
      [
        'updateContact',
        'mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { id } }',
        (_c, _ids, contactId) => ({ id: contactId, input: { expectedVersion: 1, notes: 'partner edit' } }),
      ],
      ['deleteContact', 'mutation($id: ID!) { deleteContact(id: $id) }', (_c, _ids, contactId) => ({ id: contactId })],
      [
        'updateInteraction',
        'mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { id } }',
        (_c, ids) => ({ id: ids[SHARED], input: { expectedVersion: 1, subject: 'Partner edit' } }),
      ],
      ['deleteInteraction', 'mutation($id: ID!) { deleteInteraction(id: $id) }', (_c, ids) => ({ id: ids[SHARED] })],
      [
        'setRatificationStage',
        'mutation { setRatificationStage(iso3: "KIR", stage: ENGAGED, note: "Partner view") { version } }',
        () => ({}),
      ],
      [
        'createUser',
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        (c) => ({
          input: {
            email: 'new@cmc.example',
            displayName: 'New',
            role: 'PARTNER',
            organizationId: c.partner.organizationId,
            password: 'a-long-test-password',
          },
        }),
      ],
      [
        'createOrganization',
        'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        () => ({ input: { name: 'Unauthorized NGO', kind: 'CIVIL_SOCIETY' } }),
      ],
    ];

    /** Everything the writes above could change, read as the admin and the author. */
    async function snapshot() {
      const asAdmin = ok(
        await t.gql(
          `query($contactId: ID!) {
             contact(id: $contactId) { fullName notes version }
             contacts { totalCount }
             state(iso3: "KIR") { ratificationStage version }
             users { email }
             organizations { name } }`,
          { contactId },
          cast.admin.token,
        ),
      );
      const asAuthor = ok(await t.gql('{ interactions { totalCount edges { node { id subject version } } } }', {}, cast.france.token));
      return { ...asAdmin, ...asAuthor };
    }

    it.each(writes)('refuses %s to the partner with FORBIDDEN and changes nothing', async (_name, mutation, variables) => {
      const before = await snapshot();
      const result = await t.gql(mutation, variables(cast, ids, contactId), cast.partner.token);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toBeNull();
      expect(await snapshot()).toEqual(before);
    });

    it.each(writes.filter(([name]) => name === 'createUser' || name === 'createOrganization'))(
      'refuses %s to a coordinator with FORBIDDEN and changes nothing',
      async (_name, mutation, variables) => {
        const before = await snapshot();
        const result = await t.gql(mutation, variables(cast, ids, contactId), cast.france.token);
        expect(codes(result)).toEqual(['FORBIDDEN']);
        expect(await snapshot()).toEqual(before);
      },
    );

    it('refuses the user list to a coordinator and a partner', async () => {
      expect(codes(await t.gql('{ users { email } }', {}, cast.france.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql('{ users { email } }', {}, cast.partner.token))).toEqual(['FORBIDDEN']);
    });

    it('lets the partner read States, contacts and resolutions', async () => {
      const result = ok(
        await t.gql(
          '{ states(first: 1) { totalCount } contacts { totalCount } resolutions { symbol } me { role } }',
          {},
          cast.partner.token,
        ),
      );
      expect(result).toMatchObject({ states: { totalCount: 197 }, contacts: { totalCount: 1 }, me: { role: 'PARTNER' } });
    });

    it('refuses a query and a mutation without a token with UNAUTHENTICATED', async () => {
      const before = await snapshot();
      expect(codes(await t.gql('{ interactions { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql('query($id: ID!) { interaction(id: $id) { subject } }', { id: ids[SHARED] }))).toEqual(['UNAUTHENTICATED']);
      const logged = await t.gql(
        'mutation { logInteraction(input: { type: EMAIL, occurredOn: "2026-07-01", subject: "Anonymous", stateIso3s: ["KIR"] }) { id } }',
      );
      expect(codes(logged)).toEqual(['UNAUTHENTICATED']);
      const staged = await t.gql('mutation { setRatificationStage(iso3: "KIR", stage: ENGAGED) { version } }');
      expect(codes(staged)).toEqual(['UNAUTHENTICATED']);
      expect(await snapshot()).toEqual(before);
    });
  });
});
