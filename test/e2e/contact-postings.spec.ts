import { randomUUID } from 'node:crypto';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const CONTACT = `id fullName posting position version state { iso3 }
  postings { id posting position from to current state { iso3 name } organization { name } }`;
const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${CONTACT} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { ${CONTACT} } }`;
const ADD = `mutation($input: AddContactPostingInput!) { addContactPosting(input: $input) { ${CONTACT} } }`;
const END = `mutation($input: EndContactPostingInput!) { endContactPosting(input: $input) { ${CONTACT} } }`;
const CORRECT = `mutation($input: UpdateContactPostingInput!) { updateContactPosting(input: $input) { ${CONTACT} } }`;
const REMOVE = `mutation($postingId: ID!, $v: Int!) { deleteContactPosting(postingId: $postingId, expectedVersion: $v) { ${CONTACT} } }`;
const WHO = `query($filter: ContactFilter) { contacts(filter: $filter) { totalCount edges { node { fullName } } } }`;

describe('contact postings', () => {
  let t: TestApp;
  let cast: Cast;
  /** Vanuatu's ambassadors in Geneva, one after the other, and a colleague in the capital. */
  let first: any;
  let second: any;
  let official: any;

  const who = async (filter: Record<string, unknown>, token = cast.admin.token) =>
    ok(await t.gql(WHO, { filter }, token)).contacts.edges.map((e: any) => e.node.fullName);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  it('gives a contact created with a posting its first, current posting from today', async () => {
    first = ok(
      await t.gql(
        CREATE,
        { input: { fullName: 'Odo Tevi', posting: 'GENEVA_MISSION', stateIso3: 'VUT', position: 'Ambassador' } },
        cast.france.token,
      ),
    ).createContact;
    expect(first.postings).toEqual([
      {
        id: expect.any(String),
        posting: 'GENEVA_MISSION',
        position: 'Ambassador',
        from: new Date().toISOString().slice(0, 10),
        to: null,
        current: true,
        state: { iso3: 'VUT', name: 'Vanuatu' },
        organization: null,
      },
    ]);
    const bare = ok(await t.gql(CREATE, { input: { fullName: 'No Posting Yet' } }, cast.france.token)).createContact;
    expect(bare.postings).toEqual([]);
  });

  it('records a history: a new current posting ends the previous one the day it starts', async () => {
    // Correct the first posting's start: Odo Tevi was in Geneva from 2016.
    const [posting] = first.postings;
    first = ok(
      await t.gql(CORRECT, { input: { postingId: posting.id, from: '2016-03-01', expectedVersion: first.version } }, cast.france.token),
    ).updateContactPosting;
    expect(first.version).toBe(2);
    expect(first.postings[0]).toMatchObject({ from: '2016-03-01', to: null, current: true });

    // He goes to New York in 2019.
    first = ok(
      await t.gql(
        ADD,
        {
          input: {
            contactId: first.id,
            posting: 'NEW_YORK_MISSION',
            stateIso3: 'VUT',
            position: 'Permanent Representative',
            from: '2019-09-01',
            expectedVersion: first.version,
          },
        },
        cast.france.token,
      ),
    ).addContactPosting;
    expect(first).toMatchObject({ posting: 'NEW_YORK_MISSION', position: 'Permanent Representative', state: { iso3: 'VUT' }, version: 3 });
    expect(first.postings.map((p: any) => [p.posting, p.from, p.to, p.current])).toEqual([
      ['NEW_YORK_MISSION', '2019-09-01', null, true],
      ['GENEVA_MISSION', '2016-03-01', '2019-09-01', false],
    ]);

    // His successor in Geneva, and a past posting of the successor in the capital.
    second = ok(
      await t.gql(
        CREATE,
        { input: { fullName: 'Sumbue Antas', posting: 'CAPITAL', stateIso3: 'VUT', position: 'Director, Foreign Affairs' } },
        cast.panama.token,
      ),
    ).createContact;
    second = ok(
      await t.gql(
        CORRECT,
        { input: { postingId: second.postings[0].id, from: '2015-01-01', expectedVersion: second.version } },
        cast.panama.token,
      ),
    ).updateContactPosting;
    second = ok(
      await t.gql(
        ADD,
        {
          input: {
            contactId: second.id,
            posting: 'GENEVA_MISSION',
            stateIso3: 'VUT',
            position: 'Ambassador',
            from: '2019-10-15',
            expectedVersion: second.version,
          },
        },
        cast.panama.token,
      ),
    ).addContactPosting;
    expect(second.postings.map((p: any) => [p.posting, p.from, p.to])).toEqual([
      ['GENEVA_MISSION', '2019-10-15', null],
      ['CAPITAL', '2015-01-01', '2019-10-15'],
    ]);

    // A past posting recorded afterwards does not change the current one.
    official = ok(
      await t.gql(CREATE, { input: { fullName: 'Lesley Ala', posting: 'CAPITAL', stateIso3: 'VUT' } }, cast.france.token),
    ).createContact;
    official = ok(
      await t.gql(
        ADD,
        {
          input: {
            contactId: official.id,
            posting: 'GENEVA_MISSION',
            stateIso3: 'VUT',
            position: 'Chargé d’affaires',
            from: '2018-01-10',
            to: '2018-06-30',
            expectedVersion: official.version,
          },
        },
        cast.france.token,
      ),
    ).addContactPosting;
    expect(official).toMatchObject({ posting: 'CAPITAL', position: null, state: { iso3: 'VUT' } });
    expect(official.postings.map((p: any) => [p.posting, p.to])).toEqual([
      ['CAPITAL', null],
      ['GENEVA_MISSION', '2018-06-30'],
    ]);
  });

  it('answers "who is Geneva ambassador for Vanuatu now" and "who was it then"', async () => {
    const geneva = { stateIso3s: ['VUT'], postings: ['GENEVA_MISSION'] };
    expect(await who({ ...geneva, postedAt: new Date().toISOString().slice(0, 10) })).toEqual(['Sumbue Antas']);
    expect(await who({ ...geneva, postedAt: '2017-05-01' })).toEqual(['Odo Tevi']);
    expect(await who({ ...geneva, postedAt: '2018-02-01' })).toEqual(['Lesley Ala', 'Odo Tevi']);
    // The day a posting ends belongs to the next one.
    expect(await who({ ...geneva, postedAt: '2019-09-01' })).toEqual([]);
    expect(await who({ ...geneva, postedAt: '2019-08-31' })).toEqual(['Odo Tevi']);
    expect(await who({ ...geneva, postedAt: '2019-10-15' })).toEqual(['Sumbue Antas']);
    expect(await who({ ...geneva, postedAt: '2010-01-01' })).toEqual([]);
    expect(await who({ stateIso3s: ['VUT'], postings: ['NEW_YORK_MISSION'], postedAt: '2020-01-01' })).toEqual(['Odo Tevi']);
    // Every posting held in Vanuatu's service on a date, whatever its kind; partners may ask too.
    expect(await who({ stateIso3s: ['VUT'], postedAt: '2016-06-01' }, cast.partner.token)).toEqual(['Odo Tevi', 'Sumbue Antas']);
    // Without postedAt the filters read the current posting, as before.
    expect(await who({ stateIso3s: ['VUT'], postings: ['GENEVA_MISSION'] })).toEqual(['Sumbue Antas']);
    expect(codes(await t.gql(WHO, { filter: { postedAt: '2019-02-30' } }, cast.admin.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('ends the current posting: the contact keeps its State but has no current posting', async () => {
    const current = first.postings[0];
    const ended = ok(
      await t.gql(END, { input: { postingId: current.id, to: '2024-12-31', expectedVersion: first.version } }, cast.admin.token),
    ).endContactPosting;
    expect(ended).toMatchObject({ posting: null, position: null, state: { iso3: 'VUT' }, version: first.version + 1 });
    expect(ended.postings.map((p: any) => [p.posting, p.to, p.current])).toEqual([
      ['NEW_YORK_MISSION', '2024-12-31', false],
      ['GENEVA_MISSION', '2019-09-01', false],
    ]);
    expect(await who({ stateIso3s: ['VUT'], postings: ['NEW_YORK_MISSION'], postedAt: '2025-01-01' })).toEqual([]);
    expect(
      codes(await t.gql(END, { input: { postingId: current.id, to: '2025-01-31', expectedVersion: ended.version } }, cast.admin.token)),
    ).toEqual(['BAD_USER_INPUT']);
    first = ended;
  });

  it('keeps the current posting in step when updateContact changes the posting fields', async () => {
    const moved = ok(
      await t.gql(
        UPDATE,
        { id: second.id, input: { position: 'Permanent Representative', expectedVersion: second.version } },
        cast.france.token,
      ),
    ).updateContact;
    expect(moved.postings[0]).toMatchObject({ posting: 'GENEVA_MISSION', position: 'Permanent Representative', current: true });
    expect(moved.postings).toHaveLength(2);
    second = moved;

    // A contact with no current posting that is given one holds it from today.
    const given = ok(
      await t.gql(UPDATE, { id: first.id, input: { posting: 'CAPITAL', expectedVersion: first.version } }, cast.france.token),
    ).updateContact;
    expect(given.postings[0]).toMatchObject({
      posting: 'CAPITAL',
      from: new Date().toISOString().slice(0, 10),
      current: true,
      state: { iso3: 'VUT' },
    });
    expect(given.postings).toHaveLength(3);
    first = given;
  });

  it('refuses what would make the history inconsistent, and changes nothing then', async () => {
    const before = second;
    const attempts: [string, Record<string, unknown>, string][] = [
      [
        ADD,
        { input: { contactId: second.id, posting: 'CAPITAL', stateIso3: 'VUT', from: '2019-10-15', expectedVersion: second.version } },
        'BAD_USER_INPUT',
      ],
      [
        ADD,
        {
          input: {
            contactId: second.id,
            posting: 'CAPITAL',
            stateIso3: 'VUT',
            from: '2012-01-01',
            to: '2011-01-01',
            expectedVersion: second.version,
          },
        },
        'BAD_USER_INPUT',
      ],
      [
        ADD,
        { input: { contactId: second.id, posting: 'CAPITAL', stateIso3: 'VUT', from: '2025-01-01', expectedVersion: second.version - 1 } },
        'CONFLICT',
      ],
      [
        ADD,
        { input: { contactId: second.id, posting: 'CAPITAL', stateIso3: 'ZZZ', from: '2025-01-01', expectedVersion: second.version } },
        'NOT_FOUND',
      ],
      [
        ADD,
        { input: { contactId: randomUUID(), posting: 'CAPITAL', stateIso3: 'VUT', from: '2025-01-01', expectedVersion: 1 } },
        'NOT_FOUND',
      ],
      [CORRECT, { input: { postingId: second.postings[1].id, to: null, expectedVersion: second.version } }, 'BAD_USER_INPUT'],
      [CORRECT, { input: { postingId: randomUUID(), position: 'x', expectedVersion: second.version } }, 'NOT_FOUND'],
      [END, { input: { postingId: second.postings[0].id, to: '2019-10-15', expectedVersion: second.version } }, 'BAD_USER_INPUT'],
      [REMOVE, { postingId: second.postings[0].id, v: second.version + 5 }, 'CONFLICT'],
    ];
    for (const [query, variables, code] of attempts) {
      expect(codes(await t.gql(query, variables, cast.france.token))).toEqual([code]);
    }
    expect(ok(await t.gql(`query($id: ID!) { contact(id: $id) { ${CONTACT} } }`, { id: second.id }, cast.admin.token)).contact).toEqual(
      before,
    );
  });

  it('removes a posting recorded by mistake, and a removed current posting leaves none current', async () => {
    const removed = ok(
      await t.gql(REMOVE, { postingId: official.postings[1].id, v: official.version }, cast.france.token),
    ).deleteContactPosting;
    expect(removed.postings.map((p: any) => p.posting)).toEqual(['CAPITAL']);
    const none = ok(await t.gql(REMOVE, { postingId: removed.postings[0].id, v: removed.version }, cast.france.token)).deleteContactPosting;
    expect(none).toMatchObject({ postings: [], posting: null, state: { iso3: 'VUT' } });
  });

  it('records each change in the activity feed and the audit trail', async () => {
    const feed = ok(
      await t.gql(
        '{ activityFeed(filter: { kinds: [CONTACT_POSTING_CHANGED] }, first: 50) { edges { node { summary states { iso3 } actor { email } } } } }',
        {},
        cast.partner.token,
      ),
    );
    const summaries = feed.activityFeed.edges.map((e: any) => e.node.summary);
    expect(summaries).toContain('Odo Tevi is now at the mission in New York for Vanuatu as Permanent Representative, since 2019-09-01');
    expect(summaries).toContain("Odo Tevi's posting at the mission in New York for Vanuatu ended on 2024-12-31");
    expect(summaries).toContain(
      'Past posting recorded for Lesley Ala: at the mission in Geneva for Vanuatu as Chargé d’affaires, 2018-01-10 to 2018-06-30',
    );
    expect(feed.activityFeed.edges[0].node.states).toEqual([{ iso3: 'VUT' }]);

    const audit = ok(
      await t.gql(
        '{ auditLog(filter: { entity: "contact_postings" }, first: 200) { edges { node { action actor { email } before after } } } }',
        {},
        cast.admin.token,
      ),
    );
    const actions = audit.auditLog.edges.map((e: any) => e.node.action);
    for (const action of [
      'createContact',
      'addContactPosting',
      'endContactPosting',
      'updateContactPosting',
      'deleteContactPosting',
      'updateContact',
    ]) {
      expect(actions).toContain(action);
    }
    const ending = audit.auditLog.edges.map((e: any) => e.node).find((n: any) => n.action === 'endContactPosting');
    expect([ending.before.to_date, ending.after.to_date]).toEqual([null, '2024-12-31']);
  });

  it('lists the postings of a page of contacts in one statement', async () => {
    const count = async (first: number) => {
      const query = `query($first: Int) { contacts(first: $first) { totalCount edges { node { postings { id state { name } } } } } }`;
      const { result, statements } = await t.counter.measure(() => t.gql(query, { first }, cast.admin.token));
      expect(ok(result).contacts.edges.length).toBe(Math.min(first, ok(result).contacts.totalCount));
      return statements;
    };
    expect(await count(3)).toBe(await count(50));
  });
});
