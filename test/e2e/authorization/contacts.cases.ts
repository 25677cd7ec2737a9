import type { TestApp } from '../../support/app.js';
import type { MatrixCase } from '../../support/authorization.js';
import type { Cast } from '../../support/fixtures.js';

const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) { id version postings { id } } }`;

/** A contact of France's, posted in Geneva for Vanuatu: fresh for each call, so rows do not depend on each other. */
async function franceContact(t: TestApp, cast: Cast, fullName = 'Matrix Contact') {
  const created = await t.gql(CREATE, { input: { fullName, posting: 'GENEVA_MISSION', stateIso3: 'VUT' } }, cast.france.token);
  const contact = created.data.createContact;
  return { id: contact.id as string, version: contact.version as number, postingId: contact.postings[0].id as string };
}

const WRITERS = { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const;
const READERS = { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' } as const;

/** Contacts over time: postings, the postedAt filter, likely duplicates and merging. */
export const CONTACTS_CASES: MatrixCase[] = [
  {
    name: 'Contact.postings',
    setup: (t, cast) => franceContact(t, cast, 'Matrix Posted'),
    run: (t, _cast, token, contact) =>
      t.gql('query($id: ID!) { contact(id: $id) { postings { id } } }', { id: contact.id }, token ?? undefined),
    seen: (response, contact) => response.data?.contact?.postings?.[0]?.id === contact.postingId,
    expect: READERS,
  },
  {
    name: 'contacts(filter: { postedAt })',
    setup: (t, cast) => franceContact(t, cast, 'Matrix Posted At'),
    run: (t, _cast, token) =>
      t.gql(
        '{ contacts(filter: { postedAt: "2099-01-01", stateIso3s: ["VUT"], postings: [GENEVA_MISSION] }) { edges { node { id } } } }',
        {},
        token ?? undefined,
      ),
    seen: (response, contact) => (response.data?.contacts.edges ?? []).some((e: any) => e.node.id === contact.id),
    expect: READERS,
  },
  {
    name: 'contactDuplicates',
    async setup(t, cast) {
      await franceContact(t, cast, 'Matrix Dúplicate');
      await franceContact(t, cast, 'matrix duplicate');
    },
    run: (t, _cast, token) => t.gql('{ contactDuplicates(first: 200) { edges { node { key contacts { id } } } } }', {}, token ?? undefined),
    seen: (response) =>
      (response.data?.contactDuplicates.edges ?? []).some((e: any) => e.node.key === 'matrix duplicate' && e.node.contacts.length >= 2),
    expect: READERS,
  },
  {
    name: 'addContactPosting',
    async run(t, cast, token) {
      const contact = await franceContact(t, cast);
      return t.gql(
        'mutation($input: AddContactPostingInput!) { addContactPosting(input: $input) { id } }',
        {
          input: {
            contactId: contact.id,
            posting: 'NEW_YORK_MISSION',
            stateIso3: 'VUT',
            from: '2099-01-01',
            expectedVersion: contact.version,
          },
        },
        token ?? undefined,
      );
    },
    expect: WRITERS,
  },
  {
    name: 'endContactPosting',
    async run(t, cast, token) {
      const contact = await franceContact(t, cast);
      return t.gql(
        'mutation($input: EndContactPostingInput!) { endContactPosting(input: $input) { id } }',
        { input: { postingId: contact.postingId, to: '2099-01-01', expectedVersion: contact.version } },
        token ?? undefined,
      );
    },
    expect: WRITERS,
  },
  {
    name: 'updateContactPosting',
    async run(t, cast, token) {
      const contact = await franceContact(t, cast);
      return t.gql(
        'mutation($input: UpdateContactPostingInput!) { updateContactPosting(input: $input) { id } }',
        { input: { postingId: contact.postingId, position: 'Ambassador', expectedVersion: contact.version } },
        token ?? undefined,
      );
    },
    expect: WRITERS,
  },
  {
    name: 'deleteContactPosting',
    async run(t, cast, token) {
      const contact = await franceContact(t, cast);
      return t.gql(
        'mutation($postingId: ID!, $v: Int!) { deleteContactPosting(postingId: $postingId, expectedVersion: $v) { id } }',
        { postingId: contact.postingId, v: contact.version },
        token ?? undefined,
      );
    },
    expect: WRITERS,
  },
  {
    name: 'mergeContacts',
    async run(t, cast, token) {
      const survivor = await franceContact(t, cast, 'Matrix Merge');
      const duplicate = await franceContact(t, cast, 'Matrix Mergé');
      return t.gql(
        'mutation($input: MergeContactsInput!) { mergeContacts(input: $input) { id } }',
        { input: { survivorId: survivor.id, duplicateIds: [duplicate.id], survivorExpectedVersion: survivor.version } },
        token ?? undefined,
      );
    },
    expect: WRITERS,
  },
];
