import { randomUUID } from 'node:crypto';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const CONTACT_FIELDS = `id fullName title position posting email phone languages notes version createdAt updatedAt
  state { iso3 name } organization { id name }`;

const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${CONTACT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { ${CONTACT_FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $expectedVersion: Int) { deleteContact(id: $id, expectedVersion: $expectedVersion) }';
const READ = `query($id: ID!) { contact(id: $id) { ${CONTACT_FIELDS} } }`;

describe('contacts', () => {
  let t: TestApp;
  let cast: Cast;
  let ambassador: any;

  const totalContacts = async () => ok(await t.gql('{ contacts { totalCount } }', {}, cast.admin.token)).contacts.totalCount;
  const readContact = async (id: string) => ok(await t.gql(READ, { id }, cast.admin.token)).contact;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('create and read', () => {
    it('creates a contact with every field and returns it at version 1', async () => {
      const input = {
        fullName: '  Jean Dupont  ',
        title: 'M.',
        position: 'Director of Disarmament',
        posting: 'CAPITAL',
        stateIso3: 'FRA',
        organizationId: cast.france.organizationId,
        email: 'jean.dupont@diplomatie.example',
        phone: '+33 1 55 55 01 00',
        languages: ['fr', 'en'],
        notes: 'Focal point for the Convention.',
      };
      const created = ok(await t.gql(CREATE, { input }, cast.france.token)).createContact;

      expect(created).toMatchObject({
        fullName: 'Jean Dupont',
        title: 'M.',
        position: 'Director of Disarmament',
        posting: 'CAPITAL',
        email: 'jean.dupont@diplomatie.example',
        phone: '+33 1 55 55 01 00',
        languages: ['fr', 'en'],
        notes: 'Focal point for the Convention.',
        version: 1,
        state: { iso3: 'FRA', name: 'France' },
        organization: { id: cast.france.organizationId, name: 'France' },
      });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);
      expect(await readContact(created.id)).toEqual(created);

      const byOrganization = ok(
        await t.gql(
          'query($org: ID!) { contacts(filter: { organizationIds: [$org] }) { edges { node { id } } } }',
          { org: cast.france.organizationId },
          cast.admin.token,
        ),
      );
      expect(byOrganization.contacts.edges).toEqual([{ node: { id: created.id } }]);
    });

    it('creates a contact for a State with every personal field', async () => {
      const input = {
        fullName: 'Teburoro Tito',
        title: 'H.E.',
        position: 'Permanent Representative',
        posting: 'NEW_YORK_MISSION',
        stateIso3: 'KIR',
        email: 'pr@kiribati-mission.example',
        phone: '+1 212 555 0100',
        languages: ['en', 'gil'],
        notes: 'Met at the Intersessional meeting.',
      };
      ambassador = ok(await t.gql(CREATE, { input }, cast.france.token)).createContact;
      const { stateIso3: _iso3, ...personal } = input;
      expect(ambassador).toMatchObject({ ...personal, version: 1, state: { iso3: 'KIR', name: 'Kiribati' }, organization: null });
    });

    it('reads the contact back by id, for any signed-in role', async () => {
      for (const actor of [cast.admin, cast.france, cast.panama, cast.partner]) {
        expect(ok(await t.gql(READ, { id: ambassador.id }, actor.token)).contact).toEqual(ambassador);
      }
    });

    it('returns null for a contact that does not exist', async () => {
      expect(ok(await t.gql(READ, { id: randomUUID() }, cast.admin.token)).contact).toBeNull();
      expect(ok(await t.gql(READ, { id: 'not-a-uuid' }, cast.admin.token)).contact).toBeNull();
    });

    it('creates a contact with only a name, leaving every other field empty', async () => {
      const created = ok(await t.gql(CREATE, { input: { fullName: 'Minimal Person' } }, cast.panama.token)).createContact;
      expect(created).toMatchObject({
        fullName: 'Minimal Person',
        title: null,
        position: null,
        posting: null,
        email: null,
        phone: null,
        languages: [],
        notes: null,
        state: null,
        organization: null,
        version: 1,
      });
      ok(await t.gql(DELETE, { id: created.id }, cast.panama.token));
    });

    it("lists the contact under its State's contacts", async () => {
      const kiribati = ok(await t.gql('{ state(iso3: "KIR") { contacts { id fullName } } }', {}, cast.partner.token)).state;
      expect(kiribati.contacts).toEqual([{ id: ambassador.id, fullName: 'Teburoro Tito' }]);
    });

    it('finds the contact with each filter, and not with filters that exclude it', async () => {
      const find = async (filter: Record<string, unknown>) => {
        const result = ok(
          await t.gql(
            'query($filter: ContactFilter) { contacts(filter: $filter) { edges { node { id } } } }',
            { filter },
            cast.admin.token,
          ),
        );
        return result.contacts.edges.map((edge: any) => edge.node.id);
      };
      expect(await find({ stateIso3s: ['KIR'] })).toEqual([ambassador.id]);
      expect(await find({ postings: ['NEW_YORK_MISSION'] })).toEqual([ambassador.id]);
      expect(await find({ search: 'tito' })).toEqual([ambassador.id]);
      expect(await find({ search: 'kiribati-mission' })).toEqual([ambassador.id]);
      expect(await find({ stateIso3s: ['KIR'], postings: ['NEW_YORK_MISSION'], search: 'Teburoro' })).toEqual([ambassador.id]);

      expect(await find({ stateIso3s: ['VUT'] })).toEqual([]);
      expect(await find({ organizationIds: [cast.panama.organizationId] })).toEqual([]);
      expect(await find({ stateIso3s: ['KIR'], postings: ['CAPITAL'] })).toEqual([]);
      expect(await find({ search: 'nobody by that name' })).toEqual([]);
    });
  });

  describe('update', () => {
    it('changes only the fields it is given and bumps the version', async () => {
      const input = { expectedVersion: ambassador.version, position: 'Deputy Permanent Representative' };
      const updated = ok(await t.gql(UPDATE, { id: ambassador.id, input }, cast.france.token)).updateContact;
      expect(updated).toEqual({
        ...ambassador,
        position: 'Deputy Permanent Representative',
        version: ambassador.version + 1,
        updatedAt: expect.any(String),
      });
      expect(await readContact(ambassador.id)).toEqual(updated);
      ambassador = updated;
    });

    it('changes every field at once', async () => {
      const original = ok(await t.gql(CREATE, { input: { fullName: 'Ana Original', stateIso3: 'PAN' } }, cast.panama.token)).createContact;
      const input = {
        expectedVersion: 1,
        fullName: 'Ana Renamed',
        title: 'Amb.',
        position: 'Permanent Representative',
        posting: 'GENEVA_MISSION',
        stateIso3: 'VUT',
        organizationId: cast.panama.organizationId,
        email: 'geneva@vanuatu-mission.example',
        phone: '+41 22 555 0100',
        languages: ['en', 'fr', 'bi'],
        notes: 'Moved to Geneva.',
      };
      const updated = ok(await t.gql(UPDATE, { id: original.id, input }, cast.panama.token)).updateContact;
      expect(updated).toMatchObject({
        id: original.id,
        fullName: 'Ana Renamed',
        title: 'Amb.',
        position: 'Permanent Representative',
        posting: 'GENEVA_MISSION',
        email: 'geneva@vanuatu-mission.example',
        phone: '+41 22 555 0100',
        languages: ['en', 'fr', 'bi'],
        notes: 'Moved to Geneva.',
        state: { iso3: 'VUT', name: 'Vanuatu' },
        organization: { id: cast.panama.organizationId, name: 'Panama' },
        version: 2,
      });
      expect(await readContact(original.id)).toEqual(updated);
    });

    it('clears nullable fields given null', async () => {
      const input = { expectedVersion: ambassador.version, title: null, phone: null, posting: null, notes: null, organizationId: null };
      const updated = ok(await t.gql(UPDATE, { id: ambassador.id, input }, cast.france.token)).updateContact;
      expect(updated).toEqual({
        ...ambassador,
        title: null,
        phone: null,
        posting: null,
        notes: null,
        organization: null,
        version: ambassador.version + 1,
        updatedAt: expect.any(String),
      });
      expect(await readContact(ambassador.id)).toEqual(updated);
      ambassador = updated;
    });

    it('rejects fullName: null with BAD_USER_INPUT and changes nothing', async () => {
      const result = await t.gql(
        UPDATE,
        { id: ambassador.id, input: { expectedVersion: ambassador.version, fullName: null } },
        cast.france.token,
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await readContact(ambassador.id)).toEqual(ambassador);
    });

    it('rejects a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const stale = ambassador.version - 1;
      const result = await t.gql(
        UPDATE,
        { id: ambassador.id, input: { expectedVersion: stale, position: 'Someone else' } },
        cast.panama.token,
      );
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(result.errors![0].extensions!.details).toMatchObject({ expectedVersion: stale, actualVersion: ambassador.version });
      expect(await readContact(ambassador.id)).toEqual(ambassador);
    });

    it('rejects an unknown State with NOT_FOUND and changes nothing', async () => {
      const input = { expectedVersion: ambassador.version, stateIso3: 'XXX', notes: 'lost' };
      expect(codes(await t.gql(UPDATE, { id: ambassador.id, input }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(await readContact(ambassador.id)).toEqual(ambassador);
    });

    it('rejects an unknown contact with NOT_FOUND', async () => {
      const result = await t.gql(UPDATE, { id: randomUUID(), input: { expectedVersion: 1, notes: 'x' } }, cast.france.token);
      expect(codes(result)).toEqual(['NOT_FOUND']);
    });

    it('lets exactly one of several concurrent updates from the same version win', async () => {
      const version = ambassador.version;
      const results = await Promise.all(
        ['First', 'Second', 'Third'].map((notes) =>
          t.gql(UPDATE, { id: ambassador.id, input: { expectedVersion: version, notes } }, cast.france.token),
        ),
      );
      const winners = results.filter((result) => !result.errors);
      expect(winners).toHaveLength(1);
      expect(results.flatMap(codes).sort()).toEqual(['CONFLICT', 'CONFLICT']);
      const winner = winners[0].data.updateContact;
      expect(winner.version).toBe(version + 1);
      expect(await readContact(ambassador.id)).toEqual(winner);
      ambassador = winner;
    });
  });

  describe('invalid input', () => {
    const base = { fullName: 'Valid Name', stateIso3: 'VUT' };

    it('rejects an unknown State with NOT_FOUND and writes nothing', async () => {
      const before = await totalContacts();
      const result = await t.gql(CREATE, { input: { ...base, stateIso3: 'XXX' } }, cast.france.token);
      expect(codes(result)).toEqual(['NOT_FOUND']);
      expect(result.data).toBeNull();
      expect(await totalContacts()).toBe(before);
    });

    it('rejects an unknown organization with NOT_FOUND and writes nothing', async () => {
      const before = await totalContacts();
      const result = await t.gql(CREATE, { input: { ...base, organizationId: randomUUID() } }, cast.france.token);
      expect(codes(result)).toEqual(['NOT_FOUND']);
      expect(await totalContacts()).toBe(before);
    });

    it.each([
      ['notes of 20001 characters', { notes: 'n'.repeat(20001) }],
      ['an empty fullName', { fullName: '' }],
      ['a blank fullName', { fullName: '   ' }],
      ['a fullName of 201 characters', { fullName: 'f'.repeat(201) }],
      ['a malformed email', { email: 'not-an-email' }],
      ['an unknown Posting', { posting: 'AMBASSADOR' }],
      ['a lower-case stateIso3', { stateIso3: 'vut' }],
      ['an organizationId that is not a UUID', { organizationId: 'france' }],
      ['an empty language', { languages: ['en', ''] }],
      ['21 languages', { languages: Array.from({ length: 21 }, (_, i) => `l${i}`) }],
      ['a title of 101 characters', { title: 't'.repeat(101) }],
      ['a phone number of 51 characters', { phone: '1'.repeat(51) }],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, change) => {
      const before = await totalContacts();
      const result = await t.gql(CREATE, { input: { ...base, ...change } }, cast.france.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.data).toBeNull();
      expect(await totalContacts()).toBe(before);
    });

    it('rejects an unknown Posting written as a literal with BAD_USER_INPUT and writes nothing', async () => {
      const before = await totalContacts();
      const result = await t.gql(
        'mutation { createContact(input: { fullName: "Literal Posting", posting: AMBASSADOR }) { id } }',
        {},
        cast.france.token,
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await totalContacts()).toBe(before);
    });

    it('rejects oversized notes on update with BAD_USER_INPUT and changes nothing', async () => {
      const result = await t.gql(
        UPDATE,
        { id: ambassador.id, input: { expectedVersion: ambassador.version, notes: 'n'.repeat(20001) } },
        cast.france.token,
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await readContact(ambassador.id)).toEqual(ambassador);
    });
  });

  describe('roles', () => {
    it('refuses every contact write to a partner with FORBIDDEN, writing nothing', async () => {
      const before = await totalContacts();
      const created = await t.gql(CREATE, { input: { fullName: 'Partner Made' } }, cast.partner.token);
      const updated = await t.gql(
        UPDATE,
        { id: ambassador.id, input: { expectedVersion: ambassador.version, notes: 'partner' } },
        cast.partner.token,
      );
      const deleted = await t.gql(DELETE, { id: ambassador.id }, cast.partner.token);
      expect([codes(created), codes(updated), codes(deleted)]).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
      expect(await totalContacts()).toBe(before);
      expect(await readContact(ambassador.id)).toEqual(ambassador);
    });

    it('lets a partner read the contact list', async () => {
      const result = ok(await t.gql('{ contacts(filter: { stateIso3s: ["KIR"] }) { totalCount } }', {}, cast.partner.token));
      expect(result.contacts.totalCount).toBe(1);
    });
  });

  describe('pagination', () => {
    const names = ['Ana Mora', 'Bruno Ríos', 'Carla Vega', 'Carla Vega', 'Diego Paz', 'Elena Soto', 'Fabio Luna'];
    const PAGE = `query($after: String) {
      contacts(first: 3, after: $after, filter: { stateIso3s: ["URY"] }) {
        totalCount edges { cursor node { id fullName } } pageInfo { hasNextPage endCursor } } }`;

    it('walks seven contacts three at a time, in name order, without gaps or repeats', async () => {
      const ids: string[] = [];
      for (const fullName of names) {
        const input = { fullName, stateIso3: 'URY', posting: 'CAPITAL' };
        ids.push(ok(await t.gql(CREATE, { input }, cast.panama.token)).createContact.id);
      }

      const seen: { id: string; fullName: string }[] = [];
      const pageSizes: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const result: any = ok(await t.gql(PAGE, { after }, cast.partner.token)).contacts;
        expect(result.totalCount).toBe(7);
        pageSizes.push(result.edges.length);
        seen.push(...result.edges.map((edge: any) => edge.node));
        if (result.edges.length) expect(result.pageInfo.endCursor).toBe(result.edges[result.edges.length - 1].cursor);
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor;
      }

      expect(pageSizes).toEqual([3, 3, 1]);
      expect(new Set(seen.map((c) => c.id)).size).toBe(7);
      expect([...seen.map((c) => c.id)].sort()).toEqual([...ids].sort());
      expect(seen.map((c) => c.fullName)).toEqual([...names].sort());
    });

    it('rejects a cursor that was not issued by the service with BAD_USER_INPUT', async () => {
      const result = await t.gql(PAGE, { after: 'garbage' }, cast.partner.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    });

    it('rejects the cursor of another list (States) with BAD_USER_INPUT', async () => {
      const states = ok(await t.gql('{ states(first: 1) { pageInfo { endCursor } } }', {}, cast.partner.token)).states;
      const result = await t.gql(PAGE, { after: states.pageInfo.endCursor }, cast.partner.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('delete', () => {
    it('rejects an unknown id with NOT_FOUND', async () => {
      expect(codes(await t.gql(DELETE, { id: randomUUID() }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(DELETE, { id: 'not-a-uuid' }, cast.france.token))).toEqual(['NOT_FOUND']);
    });

    it('rejects a stale expectedVersion with CONFLICT and keeps the contact', async () => {
      expect(codes(await t.gql(DELETE, { id: ambassador.id, expectedVersion: 1 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(await readContact(ambassador.id)).toEqual(ambassador);
    });

    it('deletes the contact, which then disappears from reads and from its State', async () => {
      const before = await totalContacts();
      const result = ok(await t.gql(DELETE, { id: ambassador.id, expectedVersion: ambassador.version }, cast.france.token));
      expect(result.deleteContact).toBe(ambassador.id);

      expect(await readContact(ambassador.id)).toBeNull();
      expect(await totalContacts()).toBe(before - 1);
      const kiribati = ok(await t.gql('{ state(iso3: "KIR") { contacts { id } } }', {}, cast.admin.token)).state;
      expect(kiribati.contacts).toEqual([]);
      expect(codes(await t.gql(DELETE, { id: ambassador.id }, cast.france.token))).toEqual(['NOT_FOUND']);
    });
  });
});
