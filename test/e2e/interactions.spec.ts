import { randomUUID } from 'node:crypto';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const INTERACTION_FIELDS = `id type occurredOn subject summary outcome followUpOn visibility version createdAt updatedAt
  states { iso3 } contacts { id fullName } organization { name } author { id }`;

const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { ${INTERACTION_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { ${INTERACTION_FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $expectedVersion: Int) { deleteInteraction(id: $id, expectedVersion: $expectedVersion) }';
const READ = `query($id: ID!) { interaction(id: $id) { ${INTERACTION_FIELDS} } }`;

const subjects = (connection: any) => connection.edges.map((edge: any) => edge.node.subject);

describe('interactions', () => {
  let t: TestApp;
  let cast: Cast;
  const contact = {} as Record<'ana' | 'bob' | 'carl', { id: string; fullName: string }>;
  let meeting: any;
  let letter: any;
  let call: any;

  const log = async (actor: Actor, input: Record<string, unknown>) => ok(await t.gql(LOG, { input }, actor.token)).logInteraction;
  const read = async (actor: Actor, id: string) => ok(await t.gql(READ, { id }, actor.token)).interaction;
  const visibleCount = async (actor: Actor) => ok(await t.gql('{ interactions { totalCount } }', {}, actor.token)).interactions.totalCount;
  const list = async (actor: Actor, filter: Record<string, unknown>) =>
    subjects(
      ok(
        await t.gql(
          'query($filter: InteractionFilter) { interactions(filter: $filter) { edges { node { subject } } } }',
          { filter },
          actor.token,
        ),
      ).interactions,
    );

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const people = { ana: ['Ana Pacífico', 'KIR'], bob: ['Bob Islander', 'VUT'], carl: ['Carl Atoll', 'TUV'] } as const;
    for (const [key, [fullName, stateIso3]] of Object.entries(people)) {
      const created = await t.gql(
        'mutation($input: CreateContactInput!) { createContact(input: $input) { id fullName } }',
        { input: { fullName, stateIso3 } },
        cast.france.token,
      );
      contact[key as keyof typeof contact] = created.data.createContact;
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('logging and reading', () => {
    it('logs an interaction with several States and contacts, at version 1', async () => {
      meeting = await log(cast.france, {
        type: 'BILATERAL_MEETING',
        occurredOn: '2026-03-10',
        subject: '  Accession briefing in Port Vila  ',
        summary: 'Walked through the accession instrument.',
        outcome: 'Cabinet paper being drafted.',
        followUpOn: '2026-04-01',
        visibility: 'COORDINATORS',
        stateIso3s: ['VUT', 'KIR'],
        contactIds: [contact.bob.id, contact.ana.id],
      });
      expect(meeting).toMatchObject({
        type: 'BILATERAL_MEETING',
        occurredOn: '2026-03-10',
        subject: 'Accession briefing in Port Vila',
        summary: 'Walked through the accession instrument.',
        outcome: 'Cabinet paper being drafted.',
        followUpOn: '2026-04-01',
        visibility: 'COORDINATORS',
        version: 1,
        states: [{ iso3: 'KIR' }, { iso3: 'VUT' }],
        contacts: [contact.ana, contact.bob],
        organization: { name: 'France' },
        author: { id: cast.france.id },
      });
    });

    it('reads the interaction back by id', async () => {
      expect(await read(cast.france, meeting.id)).toEqual(meeting);
      expect(await read(cast.panama, meeting.id)).toEqual(meeting);
      expect(await read(cast.france, randomUUID())).toBeNull();
      expect(await read(cast.france, 'not-a-uuid')).toBeNull();
    });

    it('defaults the visibility to ORGANIZATION and leaves optional fields empty', async () => {
      letter = await log(cast.france, {
        type: 'LETTER',
        occurredOn: '2026-02-01',
        subject: 'Letter to the Minister',
        stateIso3s: ['KIR'],
        contactIds: [contact.ana.id],
      });
      expect(letter).toMatchObject({
        visibility: 'ORGANIZATION',
        summary: null,
        outcome: null,
        followUpOn: null,
        states: [{ iso3: 'KIR' }],
      });

      call = await log(cast.panama, {
        type: 'PHONE_CALL',
        occurredOn: '2026-03-15',
        subject: 'Call with the Tuvalu mission',
        outcome: 'They asked for the model legislation.',
        visibility: 'SHARED',
        stateIso3s: ['TUV'],
        contactIds: [contact.carl.id],
      });
      expect(call).toMatchObject({ organization: { name: 'Panama' }, author: { id: cast.panama.id }, contacts: [contact.carl] });
    });

    it('lists the visible interactions newest first', async () => {
      expect(await list(cast.france, {})).toEqual([call.subject, meeting.subject, letter.subject]);
      expect(await list(cast.panama, {})).toEqual([call.subject, meeting.subject]);
    });

    it('filters by States, types, dates, words and organizations', async () => {
      expect(await list(cast.france, { stateIso3s: ['KIR'] })).toEqual([meeting.subject, letter.subject]);
      expect(await list(cast.france, { stateIso3s: ['KIR', 'TUV'] })).toEqual([call.subject, meeting.subject, letter.subject]);
      expect(await list(cast.france, { stateIso3s: ['FRA'] })).toEqual([]);
      expect(await list(cast.france, { types: ['LETTER'] })).toEqual([letter.subject]);
      expect(await list(cast.france, { types: ['LETTER', 'PHONE_CALL'] })).toEqual([call.subject, letter.subject]);
      expect(await list(cast.france, { from: '2026-03-01' })).toEqual([call.subject, meeting.subject]);
      expect(await list(cast.france, { to: '2026-03-10' })).toEqual([meeting.subject, letter.subject]);
      expect(await list(cast.france, { from: '2026-03-10', to: '2026-03-10' })).toEqual([meeting.subject]);
      expect(await list(cast.france, { search: 'port vila' })).toEqual([meeting.subject]);
      expect(await list(cast.france, { search: 'cabinet paper' })).toEqual([meeting.subject]);
      expect(await list(cast.france, { search: 'model legislation' })).toEqual([call.subject]);
      expect(await list(cast.france, { organizationIds: [cast.panama.organizationId] })).toEqual([call.subject]);
      expect(await list(cast.france, { organizationIds: [cast.france.organizationId], types: ['LETTER'] })).toEqual([letter.subject]);
      expect(await list(cast.france, { contactIds: [contact.ana.id] })).toEqual([meeting.subject, letter.subject]);
      expect(await list(cast.panama, { stateIso3s: ['KIR'] })).toEqual([meeting.subject]);
    });

    it("shows the interactions through a State, with their relations and the State's last interaction date", async () => {
      const query = `{ state(iso3: "KIR") {
        interactions { totalCount edges { node { subject states { iso3 } contacts { fullName } organization { name } author { id } } } }
        lastInteractionOn } }`;
      const kiribati = ok(await t.gql(query, {}, cast.france.token)).state;
      expect(kiribati).toEqual({
        interactions: {
          totalCount: 2,
          edges: [
            {
              node: {
                subject: meeting.subject,
                states: [{ iso3: 'KIR' }, { iso3: 'VUT' }],
                contacts: [{ fullName: contact.ana.fullName }, { fullName: contact.bob.fullName }],
                organization: { name: 'France' },
                author: { id: cast.france.id },
              },
            },
            {
              node: {
                subject: letter.subject,
                states: [{ iso3: 'KIR' }],
                contacts: [{ fullName: contact.ana.fullName }],
                organization: { name: 'France' },
                author: { id: cast.france.id },
              },
            },
          ],
        },
        lastInteractionOn: '2026-03-10',
      });
    });

    it('shows the interactions through a contact', async () => {
      const query = 'query($id: ID!) { contact(id: $id) { interactions { totalCount edges { node { subject } } } } }';
      const asFrance = ok(await t.gql(query, { id: contact.ana.id }, cast.france.token)).contact.interactions;
      expect(asFrance.totalCount).toBe(2);
      expect(subjects(asFrance)).toEqual([meeting.subject, letter.subject]);
      const asPanama = ok(await t.gql(query, { id: contact.ana.id }, cast.panama.token)).contact.interactions;
      expect(asPanama.totalCount).toBe(1);
      expect(subjects(asPanama)).toEqual([meeting.subject]);
    });
  });

  describe('updating', () => {
    it('replaces States and contacts, changes the visibility and bumps the version', async () => {
      const input = {
        expectedVersion: 1,
        subject: 'Accession briefing, Port Vila and Funafuti',
        visibility: 'SHARED',
        stateIso3s: ['TUV', 'VUT'],
        contactIds: [contact.carl.id],
      };
      const updated = ok(await t.gql(UPDATE, { id: meeting.id, input }, cast.france.token)).updateInteraction;
      expect(updated).toEqual({
        ...meeting,
        subject: 'Accession briefing, Port Vila and Funafuti',
        visibility: 'SHARED',
        states: [{ iso3: 'TUV' }, { iso3: 'VUT' }],
        contacts: [contact.carl],
        version: 2,
        updatedAt: expect.any(String),
      });
      expect(await read(cast.france, meeting.id)).toEqual(updated);
      meeting = updated;

      expect(await list(cast.france, { stateIso3s: ['KIR'] })).toEqual([letter.subject]);
      expect(await list(cast.france, { stateIso3s: ['TUV'] })).toEqual([call.subject, meeting.subject]);
      expect(await list(cast.france, { contactIds: [contact.bob.id] })).toEqual([]);
      expect(await read(cast.partner, meeting.id)).toEqual(meeting);
    });

    it('changes only the fields it is given, and clears nullable ones given null', async () => {
      const input = { expectedVersion: 2, outcome: null, followUpOn: null, type: 'WORKSHOP' };
      const updated = ok(await t.gql(UPDATE, { id: meeting.id, input }, cast.france.token)).updateInteraction;
      expect(updated).toEqual({ ...meeting, outcome: null, followUpOn: null, type: 'WORKSHOP', version: 3, updatedAt: expect.any(String) });
      meeting = updated;
    });

    it('rejects a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const input = { expectedVersion: 2, subject: 'Overwritten', stateIso3s: ['KIR'], contactIds: [] };
      const result = await t.gql(UPDATE, { id: meeting.id, input }, cast.france.token);
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(result.errors![0].extensions!.details).toMatchObject({ expectedVersion: 2, actualVersion: 3 });
      expect(await read(cast.france, meeting.id)).toEqual(meeting);
    });

    it("keeps another organization from changing or deleting France's interactions", async () => {
      const change = { expectedVersion: 3, subject: 'Taken over by Panama' };
      expect(codes(await t.gql(UPDATE, { id: meeting.id, input: change }, cast.panama.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(DELETE, { id: meeting.id }, cast.panama.token))).toEqual(['FORBIDDEN']);

      const hidden = { expectedVersion: 1, subject: 'Taken over by Panama' };
      expect(codes(await t.gql(UPDATE, { id: letter.id, input: hidden }, cast.panama.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(DELETE, { id: letter.id }, cast.panama.token))).toEqual(['NOT_FOUND']);

      expect(await read(cast.france, meeting.id)).toEqual(meeting);
      expect(await read(cast.france, letter.id)).toEqual(letter);
    });

    it('lets exactly one of several concurrent updates from the same version win', async () => {
      const version = meeting.version;
      const results = await Promise.all(
        ['First', 'Second', 'Third'].map((summary) =>
          t.gql(UPDATE, { id: meeting.id, input: { expectedVersion: version, summary } }, cast.france.token),
        ),
      );
      const winners = results.filter((result) => !result.errors);
      expect(winners).toHaveLength(1);
      expect(results.flatMap(codes).sort()).toEqual(['CONFLICT', 'CONFLICT']);
      const winner = winners[0].data.updateInteraction;
      expect(winner.version).toBe(version + 1);
      expect(await read(cast.france, meeting.id)).toEqual(winner);
      meeting = winner;
    });

    it('rejects an unknown interaction with NOT_FOUND', async () => {
      const result = await t.gql(UPDATE, { id: randomUUID(), input: { expectedVersion: 1, subject: 'Nothing' } }, cast.france.token);
      expect(codes(result)).toEqual(['NOT_FOUND']);
    });
  });

  describe('invalid input', () => {
    const valid = { type: 'EMAIL', occurredOn: '2026-06-01', subject: 'Follow-up e-mail', stateIso3s: ['KIR'], visibility: 'ORGANIZATION' };

    const cases: [string, Record<string, unknown>, string][] = [
      ['an impossible occurredOn (2025-02-30)', { occurredOn: '2025-02-30' }, 'BAD_USER_INPUT'],
      ['a malformed occurredOn', { occurredOn: '01/06/2026' }, 'BAD_USER_INPUT'],
      ['an empty subject', { subject: '' }, 'BAD_USER_INPUT'],
      ['a blank subject', { subject: '    ' }, 'BAD_USER_INPUT'],
      ['a subject of 301 characters', { subject: 's'.repeat(301) }, 'BAD_USER_INPUT'],
      ['a summary of 20001 characters', { summary: 's'.repeat(20001) }, 'BAD_USER_INPUT'],
      ['an unknown type (TELEGRAM)', { type: 'TELEGRAM' }, 'BAD_USER_INPUT'],
      ['an unknown visibility', { visibility: 'PUBLIC' }, 'BAD_USER_INPUT'],
      ['no State', { stateIso3s: [] }, 'BAD_USER_INPUT'],
      ['a malformed State code', { stateIso3s: ['kir'] }, 'BAD_USER_INPUT'],
      ['a followUpOn before occurredOn', { occurredOn: '2026-06-01', followUpOn: '2026-05-31' }, 'BAD_USER_INPUT'],
      ['a repeated State', { stateIso3s: ['KIR', 'KIR'] }, 'BAD_USER_INPUT'],
      ['an unknown State (ZZZ)', { stateIso3s: ['KIR', 'ZZZ'] }, 'NOT_FOUND'],
      ['an unknown contact', { contactIds: [randomUUID()] }, 'NOT_FOUND'],
    ];

    it.each(cases)('refuses to log an interaction with %s, writing nothing', async (_case, change, code) => {
      const before = await visibleCount(cast.france);
      const result = await t.gql(LOG, { input: { ...valid, ...change } }, cast.france.token);
      expect(codes(result)).toEqual([code]);
      expect(result.data).toBeNull();
      expect(await visibleCount(cast.france)).toBe(before);
    });

    it('refuses an unknown type written as a literal, writing nothing', async () => {
      const before = await visibleCount(cast.france);
      const result = await t.gql(
        'mutation { logInteraction(input: { type: TELEGRAM, occurredOn: "2026-06-01", subject: "Literal", stateIso3s: ["KIR"] }) { id } }',
        {},
        cast.france.token,
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await visibleCount(cast.france)).toBe(before);
    });

    it('refuses an impossible date written as a literal, writing nothing', async () => {
      const before = await visibleCount(cast.france);
      const result = await t.gql(
        'mutation { logInteraction(input: { type: EMAIL, occurredOn: "2025-02-30", subject: "Literal", stateIso3s: ["KIR"] }) { id } }',
        {},
        cast.france.token,
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await visibleCount(cast.france)).toBe(before);
    });

    it.each(cases)('refuses to update an interaction with %s, changing nothing', async (_case, change, code) => {
      const input = { expectedVersion: letter.version, ...change };
      const result = await t.gql(UPDATE, { id: letter.id, input }, cast.france.token);
      expect(codes(result)).toEqual([code]);
      expect(await read(cast.france, letter.id)).toEqual(letter);
    });

    it('refuses an update that moves occurredOn after the existing followUpOn', async () => {
      const withFollowUp = await log(cast.france, { ...valid, followUpOn: '2026-06-10' });
      const result = await t.gql(
        UPDATE,
        { id: withFollowUp.id, input: { expectedVersion: 1, occurredOn: '2026-06-20' } },
        cast.france.token,
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await read(cast.france, withFollowUp.id)).toEqual(withFollowUp);
      ok(await t.gql(DELETE, { id: withFollowUp.id }, cast.france.token));
    });

    it('refuses null for a required field on update', async () => {
      for (const field of ['subject', 'occurredOn', 'type', 'visibility', 'stateIso3s']) {
        const result = await t.gql(UPDATE, { id: letter.id, input: { expectedVersion: letter.version, [field]: null } }, cast.france.token);
        expect([field, codes(result)]).toEqual([field, ['BAD_USER_INPUT']]);
      }
      expect(await read(cast.france, letter.id)).toEqual(letter);
    });
  });

  describe('pagination', () => {
    const PAGE = `query($after: String, $contactId: ID!) {
      interactions(first: 2, after: $after, filter: { stateIso3s: ["NRU"], contactIds: [$contactId] }) {
        totalCount edges { cursor node { id occurredOn } } pageInfo { hasNextPage endCursor } } }`;
    const STATE_PAGE = `query($after: String) { state(iso3: "NRU") {
      interactions(first: 2, after: $after) { totalCount edges { cursor node { id occurredOn } } pageInfo { hasNextPage endCursor } } } }`;
    const CONTACT_PAGE = `query($after: String, $contactId: ID!) { contact(id: $contactId) {
      interactions(first: 2, after: $after) { totalCount edges { cursor node { id occurredOn } } pageInfo { hasNextPage endCursor } } } }`;
    const dates = ['2026-04-01', '2026-05-05', '2026-05-05', '2026-05-05', '2026-05-05', '2026-05-05', '2026-06-30'];
    let logged: { id: string; occurredOn: string }[] = [];
    let contactId: string;

    async function walk(query: string, pick: (data: any) => any) {
      const seen: { id: string; occurredOn: string }[] = [];
      const sizes: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const connection: any = pick(ok(await t.gql(query, { after, contactId }, cast.france.token)));
        expect(connection.totalCount).toBe(dates.length);
        sizes.push(connection.edges.length);
        seen.push(...connection.edges.map((edge: any) => edge.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return { seen, sizes };
    }

    beforeAll(async () => {
      const created = await t.gql(
        'mutation { createContact(input: { fullName: "Dana Nauru", stateIso3: "NRU" }) { id } }',
        {},
        cast.france.token,
      );
      contactId = created.data.createContact.id;
      logged = [];
      for (const [index, occurredOn] of dates.entries()) {
        const input = {
          type: 'DEMARCHE',
          occurredOn,
          subject: `Nauru démarche ${index + 1}`,
          stateIso3s: ['NRU'],
          contactIds: [contactId],
        };
        const row = await log(cast.france, input);
        logged.push({ id: row.id, occurredOn: row.occurredOn });
      }
    });

    it.each([
      ['the interactions list', PAGE, (data: any) => data.interactions],
      ["a State's interactions", STATE_PAGE, (data: any) => data.state.interactions],
      ["a contact's interactions", CONTACT_PAGE, (data: any) => data.contact.interactions],
    ])('walks %s two at a time, newest first, without gaps or repeats', async (_path, query, pick) => {
      const { seen, sizes } = await walk(query, pick);
      expect(sizes).toEqual([2, 2, 2, 1]);
      expect(new Set(seen.map((row) => row.id)).size).toBe(dates.length);
      expect(seen.map((row) => row.id).sort()).toEqual(logged.map((row) => row.id).sort());
      expect(seen.map((row) => row.occurredOn)).toEqual([...dates].sort().reverse());
      // Among interactions on the same date, the one logged last comes first.
      const sameDay = seen.filter((row) => row.occurredOn === '2026-05-05').map((row) => row.id);
      expect(sameDay).toEqual(
        logged
          .filter((row) => row.occurredOn === '2026-05-05')
          .map((row) => row.id)
          .reverse(),
      );
    });

    it('rejects an invalid cursor with BAD_USER_INPUT', async () => {
      expect(codes(await t.gql(PAGE, { after: 'not-a-cursor', contactId }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    });

    it.each([
      ['the interactions list', PAGE],
      ["a State's interactions", STATE_PAGE],
    ])('rejects the cursor of another list (States) on %s with BAD_USER_INPUT', async (_path, query) => {
      const states = ok(await t.gql('{ states(first: 1) { pageInfo { endCursor } } }', {}, cast.france.token)).states;
      const result = await t.gql(query, { after: states.pageInfo.endCursor, contactId }, cast.france.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('deleting', () => {
    it('rejects a stale expectedVersion with CONFLICT and keeps the interaction', async () => {
      expect(codes(await t.gql(DELETE, { id: meeting.id, expectedVersion: 1 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(await read(cast.france, meeting.id)).toEqual(meeting);
    });

    it('deletes the interaction everywhere it was shown', async () => {
      const before = await visibleCount(cast.france);
      expect(ok(await t.gql(DELETE, { id: meeting.id, expectedVersion: meeting.version }, cast.france.token)).deleteInteraction).toBe(
        meeting.id,
      );

      expect(await read(cast.france, meeting.id)).toBeNull();
      expect(await visibleCount(cast.france)).toBe(before - 1);
      expect(await list(cast.france, { stateIso3s: ['TUV'] })).toEqual([call.subject]);
      const carl = ok(
        await t.gql('query($id: ID!) { contact(id: $id) { interactions { totalCount } } }', { id: contact.carl.id }, cast.france.token),
      );
      expect(carl.contact.interactions.totalCount).toBe(1);
      expect(codes(await t.gql(DELETE, { id: meeting.id }, cast.france.token))).toEqual(['NOT_FOUND']);
    });

    it('unlinks a deleted contact from its interactions', async () => {
      expect((await read(cast.france, letter.id)).contacts).toEqual([contact.ana]);
      ok(await t.gql('mutation($id: ID!) { deleteContact(id: $id) }', { id: contact.ana.id }, cast.france.token));
      expect(await read(cast.france, letter.id)).toEqual({ ...letter, contacts: [] });
      expect(await list(cast.france, { contactIds: [contact.ana.id] })).toEqual([]);
    });

    it('lets the author delete without an expectedVersion', async () => {
      expect(ok(await t.gql(DELETE, { id: call.id }, cast.panama.token)).deleteInteraction).toBe(call.id);
      expect(await read(cast.panama, call.id)).toBeNull();
    });
  });
});
