import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CONTACT_REFERENCES, contactForeignKeys } from '../../src/contacts/contact-references.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const CONTACT = `id fullName title position posting email phone languages notes version state { iso3 } organization { name }
  postings { posting from to current state { iso3 } }`;
const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${CONTACT} } }`;
const CORRECT = `mutation($input: UpdateContactPostingInput!) { updateContactPosting(input: $input) { id } }`;
const ADD = `mutation($input: AddContactPostingInput!) { addContactPosting(input: $input) { ${CONTACT} } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const MERGE = `mutation($input: MergeContactsInput!) { mergeContacts(input: $input) { ${CONTACT} } }`;
const READ = `query($id: ID!) { contact(id: $id) { ${CONTACT} } }`;
const DUPLICATES = `query($first: Int, $after: String) { contactDuplicates(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { reason key contacts { id fullName email } } } } }`;

describe('contact duplicates and merging', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  const people: Record<string, any> = {};

  const create = async (key: string, input: Record<string, unknown>, token = cast.france.token) => {
    people[key] = ok(await t.gql(CREATE, { input }, token)).createContact;
    return people[key];
  };
  const read = async (id: string) => ok(await t.gql(READ, { id }, cast.admin.token)).contact;
  const log = async (token: string, subject: string, contactIds: string[], visibility: string) =>
    ok(
      await t.gql(
        LOG,
        { input: { type: 'BILATERAL_MEETING', occurredOn: '2026-10-01', subject, stateIso3s: ['PER'], contactIds, visibility } },
        token,
      ),
    ).logInteraction.id as string;

  /** The interactions linked to some contacts, with their authors and organizations, straight from the tables. */
  const linked = (ids: string[]): Promise<{ interaction_id: string; author_id: string; organization_id: string; links: number }[]> =>
    db.query(
      `SELECT ic.interaction_id, i.author_id, i.organization_id, count(*)::int AS links
       FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id
       WHERE ic.contact_id = ANY($1::uuid[]) GROUP BY 1, 2, 3 ORDER BY 1`,
      [ids],
    );

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);

    await create('jose', {
      fullName: 'José Pérez',
      posting: 'GENEVA_MISSION',
      stateIso3: 'PER',
      position: 'Ambassador',
      email: 'jose.perez@rree.example',
      languages: ['es'],
      notes: 'Met at the Meeting of States Parties.',
    });
    await create(
      'jose2',
      {
        fullName: 'jose  perez',
        title: 'H.E.',
        phone: '+51 1 555 0100',
        posting: 'CAPITAL',
        stateIso3: 'PER',
        email: 'JOSE.PEREZ@rree.example',
        languages: ['en', 'es'],
        organizationId: cast.panama.organizationId,
        notes: 'Prefers Spanish.',
      },
      cast.panama.token,
    );
    await create('jose3', { fullName: 'JOSE PÉREZ', email: 'jperez@other.example' });
    // Close but not the same: not reported.
    await create('joseGarcia', { fullName: 'José Pérez García', email: 'jpg@rree.example' });
    await create('josefa', { fullName: 'Josefa Pérez' });
    // The same e-mail under two names.
    await create('chen', { fullName: 'Ming Chen', email: 'm.chen@mfa.example' });
    await create('chen2', { fullName: 'M. Chen', email: 'M.Chen@MFA.example' });
  });
  afterAll(() => t?.close());

  it('groups likely duplicates by folded name and by e-mail, and nothing else', async () => {
    const { contactDuplicates } = ok(await t.gql(DUPLICATES, {}, cast.partner.token));
    expect(contactDuplicates.totalCount).toBe(3);
    expect(contactDuplicates.edges.map((e: any) => ({ ...e.node, contacts: e.node.contacts.map((c: any) => c.fullName) }))).toEqual([
      { reason: 'SAME_EMAIL', key: 'jose.perez@rree.example', contacts: ['José Pérez', 'jose  perez'] },
      { reason: 'SAME_EMAIL', key: 'm.chen@mfa.example', contacts: ['Ming Chen', 'M. Chen'] },
      { reason: 'SAME_NAME', key: 'jose perez', contacts: ['José Pérez', 'jose  perez', 'JOSE PÉREZ'] },
    ]);

    const first = ok(await t.gql(DUPLICATES, { first: 2 }, cast.admin.token)).contactDuplicates;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = ok(await t.gql(DUPLICATES, { first: 2, after: first.pageInfo.endCursor }, cast.admin.token)).contactDuplicates;
    expect(rest.edges.map((e: any) => e.node.key)).toEqual(['jose perez']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('finds them with the indexes on the folded name and the lower-case e-mail', async () => {
    // One connection, so that the setting applies to the plans asked for.
    const runner = db.createQueryRunner();
    await runner.connect();
    const plan = async (sql: string) => JSON.stringify(await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`));
    try {
      await runner.query('SET enable_seqscan = off');
      expect(await plan(`SELECT id FROM contacts WHERE ratify_name_key(full_name) = ratify_name_key('Jose Perez')`)).toContain(
        'ix_contacts_name_key',
      );
      expect(await plan(`SELECT id FROM contacts WHERE lower(email) = 'm.chen@mfa.example'`)).toContain('ix_contacts_email_key');
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });

  it('lists in CONTACT_REFERENCES every column that points at a contact', async () => {
    const known = CONTACT_REFERENCES.map((r) => `${r.table}.${r.column}`).sort();
    expect((await contactForeignKeys(db)).map((fk) => `${fk.table}.${fk.column}`)).toEqual(known);
  });

  describe('merging', () => {
    let ids: Record<string, string>;
    let before: Awaited<ReturnType<typeof linked>>;

    beforeAll(async () => {
      // Histories: José in Geneva since 2020, his duplicate in the capital since 2023 and in New York before.
      const correct = async (key: string, from: string, token: string) => {
        const posting = (await db.query('SELECT id FROM contact_postings WHERE contact_id = $1', [people[key].id]))[0].id;
        await t.gql(CORRECT, { input: { postingId: posting, from, expectedVersion: people[key].version } }, token);
        people[key] = await read(people[key].id);
      };
      await correct('jose', '2020-02-01', cast.france.token);
      await correct('jose2', '2023-05-01', cast.panama.token);
      people.jose2 = ok(
        await t.gql(
          ADD,
          {
            input: {
              contactId: people.jose2.id,
              posting: 'NEW_YORK_MISSION',
              stateIso3: 'PER',
              from: '2018-01-01',
              to: '2020-01-31',
              expectedVersion: people.jose2.version,
            },
          },
          cast.panama.token,
        ),
      ).addContactPosting;
      for (const key of ['jose3', 'chen']) people[key] = await read(people[key].id);

      ids = {
        // France's own meeting with both records of José (two links to one interaction).
        both: await log(cast.france.token, 'Both records', [people.jose.id, people.jose2.id], 'ORGANIZATION'),
        // Panama's confidential meeting with the duplicate: France cannot see it, but it moves too.
        panama: await log(cast.panama.token, 'Panama only', [people.jose2.id], 'ORGANIZATION'),
        // The partner's shared meeting with the third record and Ming Chen.
        shared: await log(cast.partner.token, 'Shared with Chen', [people.jose3.id, people.chen.id], 'SHARED'),
        survivorOnly: await log(cast.france.token, 'Survivor only', [people.jose.id], 'COORDINATORS'),
      };
      before = await linked([people.jose.id, people.jose2.id, people.jose3.id]);
    });

    it('refuses a bad request with BAD_USER_INPUT or NOT_FOUND, and a stale version with CONFLICT, changing nothing', async () => {
      const input = { survivorId: people.jose.id, duplicateIds: [people.jose2.id], survivorExpectedVersion: people.jose.version };
      const attempts: [Record<string, unknown>, string][] = [
        [{ ...input, duplicateIds: [] }, 'BAD_USER_INPUT'],
        [{ ...input, duplicateIds: [people.jose.id] }, 'BAD_USER_INPUT'],
        [{ ...input, duplicateIds: [people.jose2.id, people.jose2.id] }, 'BAD_USER_INPUT'],
        [{ ...input, duplicateIds: ['nope'] }, 'BAD_USER_INPUT'],
        [{ ...input, duplicateExpectedVersions: [1, 2] }, 'BAD_USER_INPUT'],
        [{ ...input, survivorId: randomUUID() }, 'NOT_FOUND'],
        [{ ...input, duplicateIds: [people.jose2.id, randomUUID()] }, 'NOT_FOUND'],
        [{ ...input, survivorExpectedVersion: people.jose.version - 1 }, 'CONFLICT'],
        [{ ...input, duplicateExpectedVersions: [people.jose2.version + 1] }, 'CONFLICT'],
      ];
      for (const [attempt, code] of attempts) {
        expect(codes(await t.gql(MERGE, { input: attempt }, cast.france.token))).toEqual([code]);
      }
      expect(codes(await t.gql(MERGE, { input }, cast.partner.token))).toEqual(['FORBIDDEN']);
      expect(await read(people.jose2.id)).toEqual(people.jose2);
      expect(await read(people.jose.id)).toEqual(people.jose);
      expect(await linked([people.jose.id, people.jose2.id, people.jose3.id])).toEqual(before);
    });

    it('is all or nothing: a failure half-way leaves every row as it was', async () => {
      // A table pointing at contacts that the merge does not know: it stops after settling postings.
      await db.query(`CREATE TABLE merge_probe (contact_id uuid REFERENCES contacts(id) ON DELETE CASCADE)`);
      try {
        const failed = await t.gql(
          MERGE,
          {
            input: {
              survivorId: people.jose.id,
              duplicateIds: [people.jose2.id, people.jose3.id],
              survivorExpectedVersion: people.jose.version,
            },
          },
          cast.admin.token,
        );
        expect(codes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
      } finally {
        await db.query('DROP TABLE merge_probe');
      }
      expect(await read(people.jose.id)).toEqual(people.jose);
      expect(await read(people.jose2.id)).toEqual(people.jose2);
      expect(await read(people.jose3.id)).toEqual(people.jose3);
      expect(await linked([people.jose.id, people.jose2.id, people.jose3.id])).toEqual(before);
    });

    it('moves every interaction and posting to the survivor, fills its empty fields and deletes the duplicates', async () => {
      const merged = ok(
        await t.gql(
          MERGE,
          {
            input: {
              survivorId: people.jose.id,
              duplicateIds: [people.jose2.id, people.jose3.id],
              survivorExpectedVersion: people.jose.version,
              duplicateExpectedVersions: [people.jose2.version, people.jose3.version],
            },
          },
          cast.france.token,
        ),
      ).mergeContacts;

      expect(merged).toMatchObject({
        id: people.jose.id,
        fullName: 'José Pérez',
        email: 'jose.perez@rree.example',
        title: 'H.E.',
        phone: '+51 1 555 0100',
        organization: { name: 'Panama' },
        languages: ['es', 'en'],
        version: people.jose.version + 1,
        // The duplicate's capital posting started last: it is the current one now.
        posting: 'CAPITAL',
        position: null,
        state: { iso3: 'PER' },
      });
      expect(merged.postings.map((p: any) => [p.posting, p.from, p.to, p.current])).toEqual([
        ['CAPITAL', '2023-05-01', null, true],
        ['GENEVA_MISSION', '2020-02-01', '2023-05-01', false],
        ['NEW_YORK_MISSION', '2018-01-01', '2020-01-31', false],
      ]);
      const notes = merged.notes.split('\n\n');
      expect(notes[0]).toBe('Met at the Meeting of States Parties.');
      expect(notes[1]).toMatch(
        new RegExp(
          `^Merged on \\d{4}-\\d{2}-\\d{2} from jose  perez \\(${people.jose2.id}, created \\d{4}-\\d{2}-\\d{2}\\); .*e-mail: JOSE.PEREZ@rree.example`,
        ),
      );
      expect(notes[1]).toMatch(/\nPrefers Spanish\.$/);
      expect(notes[2]).toMatch(new RegExp(`from JOSE PÉREZ \\(${people.jose3.id}, .*e-mail: jperez@other.example$`));

      for (const id of [people.jose2.id, people.jose3.id]) expect(await read(id)).toBeNull();

      // Every interaction is still there with its author and organization, linked once to the survivor.
      const after = await linked([people.jose.id]);
      expect(after).toEqual(before.map((row) => ({ ...row, links: 1 })));
      expect(after.map((row) => row.interaction_id).sort()).toEqual(Object.values(ids).sort());
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM interaction_contacts WHERE contact_id = ANY($1::uuid[])`, [
        [people.jose2.id, people.jose3.id],
      ]);
      expect(count).toBe(0);
      const chen = ok(
        await t.gql(`query($id: ID!) { interaction(id: $id) { contacts { fullName } } }`, { id: ids.shared }, cast.partner.token),
      );
      expect(chen.interaction.contacts.map((c: any) => c.fullName).sort()).toEqual(['José Pérez', 'Ming Chen']);

      // Each viewer still sees exactly what it saw: France sees three of the four, Panama its own too.
      const seen = async (token: string) =>
        ok(await t.gql(`query($id: ID!) { contact(id: $id) { interactions { totalCount } } }`, { id: people.jose.id }, token)).contact
          .interactions.totalCount;
      expect(await seen(cast.france.token)).toBe(3);
      expect(await seen(cast.panama.token)).toBe(3);
      expect(await seen(cast.partner.token)).toBe(1);

      const groups = ok(await t.gql(DUPLICATES, {}, cast.admin.token)).contactDuplicates.edges.map((e: any) => e.node.key);
      expect(groups).toEqual(['m.chen@mfa.example']);
      people.merged = merged;
    });

    it('leaves the before-image of every changed row in the audit trail, and a CONTACTS_MERGED event', async () => {
      const audit = async (entity: string) =>
        ok(
          await t.gql(
            `query($entity: String!) { auditLog(filter: { entity: $entity }, first: 200) { edges { node { action entityId actor { email } before after } } } }`,
            { entity },
            cast.admin.token,
          ),
        )
          .auditLog.edges.map((e: any) => e.node)
          .filter((n: any) => n.action === 'mergeContacts');

      const contacts = await audit('contacts');
      for (const duplicate of [people.jose2, people.jose3]) {
        const deleted = contacts.find((n: any) => n.entityId === duplicate.id);
        expect(deleted).toMatchObject({ actor: { email: 'coordinator@france.example' }, after: null });
        expect(deleted.before).toMatchObject({ full_name: duplicate.fullName, email: duplicate.email, notes: duplicate.notes });
      }
      const survivor = contacts.find((n: any) => n.entityId === people.jose.id);
      expect([survivor.before.phone, survivor.after.phone]).toEqual([null, '+51 1 555 0100']);

      const links = await audit('interaction_contacts');
      // The repeated link was deleted; the other two moved.
      expect(links.filter((n: any) => n.after === null)).toEqual([
        expect.objectContaining({ entityId: ids.both, before: { interaction_id: ids.both, contact_id: people.jose2.id } }),
      ]);
      expect(
        links
          .filter((n: any) => n.before && n.after)
          .map((n: any) => [n.entityId, n.before.contact_id, n.after.contact_id])
          .sort(),
      ).toEqual(
        [
          [ids.panama, people.jose2.id, people.jose.id],
          [ids.shared, people.jose3.id, people.jose.id],
        ].sort(),
      );
      const postings = await audit('contact_postings');
      expect(postings.length).toBeGreaterThanOrEqual(3);

      const feed = ok(
        await t.gql(
          '{ activityFeed(filter: { kinds: [CONTACTS_MERGED] }) { edges { node { summary states { iso3 } actor { id email } } } } }',
          {},
          cast.partner.token,
        ),
      );
      expect(feed.activityFeed.edges.map((e: any) => e.node)).toEqual([
        {
          summary: 'Contacts merged into José Pérez: jose  perez, JOSE PÉREZ',
          states: [{ iso3: 'PER' }],
          actor: { id: cast.france.id, email: null },
        },
      ]);
    });

    it('merges contacts that share only an e-mail', async () => {
      const merged = ok(
        await t.gql(
          MERGE,
          { input: { survivorId: people.chen.id, duplicateIds: [people.chen2.id], survivorExpectedVersion: people.chen.version } },
          cast.admin.token,
        ),
      ).mergeContacts;
      expect(merged).toMatchObject({ fullName: 'Ming Chen', email: 'm.chen@mfa.example', version: 2 });
      expect(merged.notes).toMatch(/from M\. Chen .*e-mail: M\.Chen@MFA\.example$/);
      expect(ok(await t.gql(DUPLICATES, {}, cast.admin.token)).contactDuplicates.totalCount).toBe(0);
    });
  });
});
