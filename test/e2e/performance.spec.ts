import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { GraphQLObjectType } from 'graphql';
import { OBSTACLE_JSON } from '../../src/obstacles/obstacles.repository.js';
import { STATE_JSON } from '../../src/states/states.repository.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { id version } }';

/** The targets page of the benchmark: one regional group, nested public facts, obstacles and the last contact. */
const TARGETS_PAGE = `query($first: Int) {
  targets(filter: { regionalGroups: [ASIA_PACIFIC, AFRICAN, LATIN_AMERICAN_AND_CARIBBEAN, EASTERN_EUROPEAN, WESTERN_EUROPEAN_AND_OTHERS] }, first: $first) {
    edges { node { rank score state { name treatyStatus votingRecord { yesShare consecutiveYes lastChoice } lastInteractionOn
                                     obstacles { id status } } } } } }`;

const STATE_DETAIL = `query($first: Int) { state(iso3: "KIR") { name
  votes { choice resolution { symbol } }
  interactions(first: $first) { edges { node { subject occurredOn contacts { fullName } } } } } }`;

const FEED = `query($first: Int) { activityFeed(first: $first) {
  edges { cursor node { kind summary actor { displayName } organization { name } states { iso3 name } } } pageInfo { hasNextPage endCursor } } }`;

const CONTACT_FIELDS = 'id fullName title position posting email phone languages notes version createdAt updatedAt';
const OBSTACLE_FIELDS = 'id category description measures status recordedOn resolvedOn version createdAt updatedAt';
const STATE_FIELDS = 'iso3 iso2 name unMember regionalGroup subregion signatureDate consentDate withdrawalDate ratificationStage version';

describe('performance guarantees', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    for (let i = 0; i < 30; i++) {
      const input = {
        type: 'LETTER',
        occurredOn: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
        subject: `Letter ${i}`,
        visibility: ['SHARED', 'COORDINATORS', 'ORGANIZATION'][i % 3],
        stateIso3s: ['KIR', ['TUV', 'TON', 'FJI'][i % 3]],
      };
      ok(await t.gql(LOG, { input }, cast.france.token));
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  const count = async (query: string, first: number, actor: Actor) => {
    const { result, statements } = await t.counter.measure(() => t.gql(query, { first }, actor.token));
    ok(result);
    return { data: result.data, statements };
  };

  it('keeps a signed-in user for USER_CACHE_SECONDS, and forgets it at once when it is disabled', async () => {
    const cached = await startTestApp({ USER_CACHE_SECONDS: '60' });
    try {
      const people = await createCast(cached);
      const me = '{ me { email } }';
      ok(await cached.gql(me, {}, people.panama.token));
      const again = await cached.counter.measure(() => cached.gql(me, {}, people.panama.token));
      expect(again.statements).toBe(0);
      ok(await cached.gql(`mutation { disableUser(id: "${people.panama.id}") { disabled } }`, {}, people.admin.token));
      expect((await cached.gql(me, {}, people.panama.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      ok(await cached.gql(`mutation { enableUser(id: "${people.panama.id}") { disabled } }`, {}, people.admin.token));
      ok(await cached.gql(me, {}, people.panama.token));
    } finally {
      await cached.close();
    }
  });

  it('answers a page of targets with nested facts in at most 4 statements, the same for 10 and for 100', async () => {
    for (const actor of [cast.france, cast.partner]) {
      const ten = await count(TARGETS_PAGE, 10, actor);
      const hundred = await count(TARGETS_PAGE, 100, actor);
      expect(ten.data.targets.edges).toHaveLength(10);
      expect(hundred.data.targets.edges.length).toBeGreaterThan(50);
      // The user, then the ranked facts, with voting records, last contacts and obstacles.
      expect([ten.statements, hundred.statements]).toEqual([2, 2]);
    }
  });

  it("answers a State's detail and the activity feed in a constant number of statements", async () => {
    const detail = [await count(STATE_DETAIL, 5, cast.france), await count(STATE_DETAIL, 20, cast.france)];
    expect(detail.map((d) => d.data.state.interactions.edges.length)).toEqual([5, 20]);
    // The user, then the State with its votes and its page of interactions with their contacts.
    expect(detail.map((d) => d.statements)).toEqual([2, 2]);
    const feed = [await count(FEED, 10, cast.france), await count(FEED, 25, cast.france)];
    expect(feed.map((f) => f.data.activityFeed.edges.length)).toEqual([10, 25]);
    expect(feed[1].data.activityFeed.edges[0].node.actor.displayName).toBeTruthy();
    // The user, then the page with its actors, organizations and States: no count unless totalCount is asked for.
    expect(feed.map((f) => f.statements)).toEqual([2, 2]);
  });

  it('logs an interaction with its links, activity event and audit trail in one statement, or writes nothing', async () => {
    const contact = ok(
      await t.gql(
        'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
        {
          input: { fullName: 'Lionel Aingimea', stateIso3: 'NRU', posting: 'NEW_YORK_MISSION', languages: ['en'] },
        },
        cast.france.token,
      ),
    ).createContact.id;
    const input = {
      type: 'LETTER',
      occurredOn: '2026-03-02',
      subject: 'One statement',
      visibility: 'COORDINATORS',
      stateIso3s: ['NRU', 'TUV'],
      contactIds: [contact],
    };
    const { result, statements } = await t.counter.measure(() => t.gql(LOG, { input }, cast.france.token));
    const { id } = ok(result).logInteraction;
    // The user, then the write.
    expect(statements).toBe(2);

    const logged = ok(
      await t.gql(
        `query($id: ID!) { interaction(id: $id) { subject states { iso3 } contacts { id } }
        nru: state(iso3: "NRU") { interactions(first: 1) { totalCount edges { node { id } } } }
        activityFeed(first: 1) { edges { node { kind summary actor { id } states { iso3 } } } } }`,
        { id },
        cast.panama.token,
      ),
    );
    expect(logged.interaction).toEqual({
      subject: 'One statement',
      states: [{ iso3: 'NRU' }, { iso3: 'TUV' }],
      contacts: [{ id: contact }],
    });
    expect(logged.nru.interactions.edges[0].node.id).toBe(id);
    expect(logged.activityFeed.edges[0].node).toEqual({
      kind: 'INTERACTION_LOGGED',
      summary: 'Letter with Nauru, Tuvalu: One statement',
      actor: { id: cast.france.id },
      states: [{ iso3: 'NRU' }, { iso3: 'TUV' }],
    });
    // The audit trail names the actor and the action for the interaction and each link.
    const trail = await t.app
      .get(DataSource)
      .query(
        `SELECT entity, actor_id AS "actorId", action FROM audit_entries WHERE entity_id = $1 OR after ->> 'interaction_id' = $1 ORDER BY entity`,
        [id],
      );
    expect(trail).toEqual(
      ['interaction_contacts', 'interaction_states', 'interaction_states', 'interactions'].map((entity) => ({
        entity,
        actorId: cast.france.id,
        action: 'logInteraction',
      })),
    );
    // The State's interaction count follows (it is kept by a trigger on the links).
    const total = logged.nru.interactions.totalCount;

    const counts = async () =>
      (
        await t.app.get(DataSource)
          .query(`SELECT (SELECT count(*) FROM interactions)::int AS i, (SELECT count(*) FROM interaction_states)::int AS s,
        (SELECT count(*) FROM activity_events)::int AS e, (SELECT count(*) FROM audit_entries)::int AS a`)
      )[0];
    const before = await counts();
    const unknownState = await t.gql(LOG, { input: { ...input, stateIso3s: ['NRU', 'XXX'] } }, cast.france.token);
    expect(unknownState.errors?.[0]).toMatchObject({ message: 'Unknown State(s): XXX', extensions: { code: 'NOT_FOUND' } });
    const unknownContact = await t.gql(
      LOG,
      { input: { ...input, contactIds: [contact, '00000000-0000-4000-8000-000000000000'] } },
      cast.france.token,
    );
    expect(unknownContact.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    const again = ok(await t.gql('{ state(iso3: "NRU") { interactions(first: 1) { totalCount } } }', {}, cast.panama.token));
    expect(again.state.interactions.totalCount).toBe(total);
  });

  it('logs an interaction sent with an idempotency key in one statement, which stores the key, and answers a retry from it', async () => {
    const KEYED =
      'mutation($input: LogInteractionInput!, $key: String) { logInteraction(input: $input, idempotencyKey: $key) { id subject version createdAt updatedAt awaitingReply } }';
    const input = { type: 'LETTER', occurredOn: '2026-03-03', subject: 'Keyed, one statement', stateIso3s: ['NRU'] };
    const key = 'performance-key-1';
    // The first keyed write of the hour also prunes the expired keys, apart from the request.
    ok(await t.gql(KEYED, { input: { ...input, subject: 'Keyed, warm-up' }, key: 'performance-key-0' }, cast.france.token));
    const first = await t.counter.measure(() => t.gql(KEYED, { input, key }, cast.france.token));
    // The user, then the write with its key.
    expect(first.statements).toBe(2);
    const again = await t.counter.measure(() => t.gql(KEYED, { input, key }, cast.france.token));
    // The user, then the same statement, which finds the key and writes nothing.
    expect(again.statements).toBe(2);
    expect(ok(again.result)).toEqual(ok(first.result));
    const db = t.app.get(DataSource);
    const [stored] = await db.query(`SELECT result FROM idempotency_keys WHERE key = $1`, [key]);
    expect(stored.result.id).toBe(ok(first.result).logInteraction.id);
    expect((await db.query(`SELECT count(*)::int AS n FROM interactions WHERE subject = $1`, [input.subject]))[0].n).toBe(1);
    // An unknown State writes nothing and takes no key: the corrected request with the same key writes.
    const wrong = await t.gql(KEYED, { input: { ...input, stateIso3s: ['XXX'] }, key: 'performance-key-2' }, cast.france.token);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await db.query(`SELECT 1 FROM idempotency_keys WHERE key = 'performance-key-2'`)).toEqual([]);
  });

  /** The audit trail of one row: each entry's actor and action. */
  const trailOf = (entity: string, id: string) =>
    t.app
      .get(DataSource)
      .query(`SELECT actor_id AS "actorId", action FROM audit_entries WHERE entity = $1 AND entity_id = $2 ORDER BY at`, [entity, id]);
  const newestEvent = async (actor: Actor) =>
    ok(await t.gql('{ activityFeed(first: 1) { edges { node { kind summary actor { id } states { iso3 } } } } }', {}, actor.token))
      .activityFeed.edges[0].node;

  it('creates a contact with its first posting, activity event and audit trail in one statement, or writes nothing', async () => {
    const CREATE = 'mutation($input: CreateContactInput!) { createContact(input: $input) { id fullName version } }';
    const input = { fullName: 'Mere Tuilagi', stateIso3: 'TUV', posting: 'CAPITAL', position: 'Director', languages: ['en'] };
    const { result, statements } = await t.counter.measure(() => t.gql(CREATE, { input }, cast.france.token));
    const contact = ok(result).createContact;
    // The user, then the write.
    expect(statements).toBe(2);
    expect(contact).toMatchObject({ fullName: 'Mere Tuilagi', version: 1 });
    const postings = ok(
      await t.gql('query($id: ID!) { contact(id: $id) { postings { posting state { iso3 } } } }', { id: contact.id }, cast.france.token),
    );
    expect(postings.contact.postings).toEqual([{ posting: 'CAPITAL', state: { iso3: 'TUV' } }]);
    expect(await trailOf('contacts', contact.id)).toEqual([{ actorId: cast.france.id, action: 'createContact' }]);
    expect(await newestEvent(cast.panama)).toEqual({
      kind: 'CONTACT_ADDED',
      summary: 'Contact added for Tuvalu: Mere Tuilagi, Director',
      actor: { id: cast.france.id },
      states: [{ iso3: 'TUV' }],
    });
    const before = await t.app
      .get(DataSource)
      .query(`SELECT (SELECT count(*) FROM contacts)::int AS c, (SELECT count(*) FROM activity_events)::int AS e`);
    const unknown = await t.gql(CREATE, { input: { ...input, stateIso3: 'XXX' } }, cast.france.token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const noOrganization = await t.gql(
      CREATE,
      { input: { ...input, organizationId: '00000000-0000-4000-8000-000000000000' } },
      cast.france.token,
    );
    expect(noOrganization.errors?.[0]?.message).toMatch(/Organization/);
    expect(
      await t.app
        .get(DataSource)
        .query(`SELECT (SELECT count(*) FROM contacts)::int AS c, (SELECT count(*) FROM activity_events)::int AS e`),
    ).toEqual(before);
  });

  it('records an obstacle in one statement after the user: the State checked, the obstacle with its event and audit trail', async () => {
    const RECORD = 'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id category version } }';
    const input = {
      stateIso3: 'KIR',
      category: 'PROCEDURAL',
      description: 'Implementing legislation to draft',
      visibility: 'ORGANIZATION',
    };
    const { result, statements } = await t.counter.measure(() => t.gql(RECORD, { input }, cast.france.token));
    const obstacle = ok(result).recordObstacle;
    // The user, then the write, which checks the State's treaty record on the day itself.
    expect(statements).toBe(2);
    expect(obstacle).toMatchObject({ category: 'PROCEDURAL', version: 1 });
    expect(await trailOf('obstacles', obstacle.id)).toEqual([{ actorId: cast.france.id, action: 'recordObstacle' }]);
    expect(await newestEvent(cast.france)).toEqual({
      kind: 'OBSTACLE_RECORDED',
      summary: 'Procedural obstacle recorded for Kiribati',
      actor: { id: cast.france.id },
      states: [{ iso3: 'KIR' }],
    });
    // Seen as the obstacle is: not by another organization.
    expect((await newestEvent(cast.panama)).kind).not.toBe('OBSTACLE_RECORDED');
    // Refused, nothing written: an unknown State, a State Party; the reason comes from reading the State afterwards.
    const before = await t.app
      .get(DataSource)
      .query(`SELECT (SELECT count(*) FROM obstacles)::int AS o, (SELECT count(*) FROM activity_events)::int AS e`);
    const unknown = await t.gql(RECORD, { input: { ...input, stateIso3: 'ZZZ' } }, cast.france.token);
    expect(unknown.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['NOT_FOUND', 'State "ZZZ" was not found']]);
    const party = await t.gql(RECORD, { input: { ...input, stateIso3: 'FRA' } }, cast.france.token);
    expect(party.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(party.errors?.[0]?.message).toMatch(
      /^France was a State Party on \d{4}-\d{2}-\d{2}: obstacles are recorded for States not Party/,
    );
    // Before the Convention was in force for it, a State that has since joined is one not Party.
    const early = await t.gql(RECORD, { input: { ...input, stateIso3: 'FRA', recordedOn: '2008-01-15' } }, cast.france.token);
    expect(ok(early).recordObstacle.category).toBe('PROCEDURAL');
    const after = await t.app
      .get(DataSource)
      .query(`SELECT (SELECT count(*) FROM obstacles)::int AS o, (SELECT count(*) FROM activity_events)::int AS e`);
    expect(after).toEqual([{ o: before[0].o + 1, e: before[0].e + 1 }]);
  });

  it("moves a State's stage in two statements: the user, then the State read and moved with its history, event and audit trail", async () => {
    const SET =
      'mutation($stage: RatificationStage!, $expectedVersion: Int) { setRatificationStage(iso3: "KIR", stage: $stage, note: "Met the minister", visibility: ORGANIZATION, expectedVersion: $expectedVersion) { ratificationStage version } }';
    const before = ok(await t.gql('{ state(iso3: "KIR") { version ratificationStage } }', {}, cast.france.token)).state;
    const stale = await t.gql(SET, { stage: 'ENGAGED', expectedVersion: before.version - 1 }, cast.france.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { result, statements } = await t.counter.measure(() =>
      t.gql(SET, { stage: 'ENGAGED', expectedVersion: before.version }, cast.france.token),
    );
    expect(ok(result).setRatificationStage).toEqual({ ratificationStage: 'ENGAGED', version: before.version + 1 });
    expect(statements).toBe(2);
    const [change] = await t.app.get(DataSource).query(`SELECT id FROM stage_changes WHERE state_iso3 = 'KIR' AND to_stage = 'ENGAGED'`);
    expect(change.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await trailOf('states', 'KIR')).slice(-1)).toEqual([{ actorId: cast.france.id, action: 'setRatificationStage' }]);
    // The note only for those who may read it; the move for everyone, without its author.
    expect(await newestEvent(cast.france)).toEqual({
      kind: 'STAGE_CHANGED',
      summary: 'Kiribati moved from NOT_ENGAGED to ENGAGED: Met the minister',
      actor: { id: cast.france.id },
      states: [{ iso3: 'KIR' }],
    });
    expect(await newestEvent(cast.panama)).toEqual({
      kind: 'STAGE_CHANGED',
      summary: 'Kiribati moved from NOT_ENGAGED to ENGAGED',
      actor: null,
      states: [{ iso3: 'KIR' }],
    });
  });

  it('updates an interaction in three statements: the user, the interaction read with what it is checked against, then the write', async () => {
    const logged = ok(
      await t.gql(
        LOG,
        { input: { type: 'LETTER', occurredOn: '2026-03-04', subject: 'To update', visibility: 'ORGANIZATION', stateIso3s: ['NRU'] } },
        cast.france.token,
      ),
    ).logInteraction;
    const input = {
      expectedVersion: logged.version,
      subject: 'Updated',
      visibility: 'COORDINATORS',
      stateIso3s: ['TUV', 'FJI'],
      followUpOn: '2026-04-01',
    };
    const { result, statements } = await t.counter.measure(() => t.gql(UPDATE, { id: logged.id, input }, cast.france.token));
    expect(ok(result).updateInteraction).toEqual({ id: logged.id, version: logged.version + 1 });
    expect(statements).toBe(3);
    expect(await trailOf('interactions', logged.id)).toEqual([
      { actorId: cast.france.id, action: 'logInteraction' },
      { actorId: cast.france.id, action: 'updateInteraction' },
    ]);
    // Now COORDINATORS: another organization's coordinator sees it, with its new States, in the feed too.
    const seen = ok(
      await t.gql('query($id: ID!) { interaction(id: $id) { subject states { iso3 } } }', { id: logged.id }, cast.panama.token),
    ).interaction;
    expect(seen).toEqual({ subject: 'Updated', states: [{ iso3: 'FJI' }, { iso3: 'TUV' }] });
    expect(await newestEvent(cast.panama)).toEqual({
      kind: 'INTERACTION_UPDATED',
      summary: 'Letter updated with Fiji, Tuvalu: Updated',
      actor: { id: cast.france.id },
      states: [{ iso3: 'FJI' }, { iso3: 'TUV' }],
    });
    // A stale version, an unknown State, another organization: refused, nothing written.
    const stale = await t.gql(UPDATE, { id: logged.id, input: { ...input, subject: 'Stale' } }, cast.france.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = await t.gql(
      UPDATE,
      { id: logged.id, input: { expectedVersion: logged.version + 1, subject: 'Unknown', stateIso3s: ['XXX'] } },
      cast.france.token,
    );
    expect([unknown.errors?.[0]?.extensions?.code, unknown.errors?.[0]?.message]).toEqual(['NOT_FOUND', 'Unknown State(s): XXX']);
    const other = await t.gql(
      UPDATE,
      { id: logged.id, input: { expectedVersion: logged.version + 1, subject: 'Not theirs' } },
      cast.panama.token,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      ok(await t.gql('query($id: ID!) { interaction(id: $id) { subject version } }', { id: logged.id }, cast.france.token)).interaction,
    ).toEqual({ subject: 'Updated', version: logged.version + 1 });
  });

  it("changes an interaction's text in two statements (the user, then the write); what that write does not apply is checked as any change", async () => {
    const logged = ok(
      await t.gql(
        LOG,
        { input: { type: 'DEMARCHE', occurredOn: '2026-03-05', subject: 'Text only', visibility: 'COORDINATORS', stateIso3s: ['TUV'] } },
        cast.france.token,
      ),
    ).logInteraction;
    const input = { expectedVersion: logged.version, subject: 'Text changed', outcome: 'The Mission will report to the capital' };
    const { result, statements } = await t.counter.measure(() => t.gql(UPDATE, { id: logged.id, input }, cast.france.token));
    expect(ok(result).updateInteraction).toEqual({ id: logged.id, version: logged.version + 1 });
    expect(statements).toBe(2);
    expect((await trailOf('interactions', logged.id)).slice(-1)).toEqual([{ actorId: cast.france.id, action: 'updateInteraction' }]);
    expect(await newestEvent(cast.panama)).toEqual({
      kind: 'INTERACTION_UPDATED',
      summary: 'Démarche updated with Tuvalu: Text changed',
      actor: { id: cast.france.id },
      states: [{ iso3: 'TUV' }],
    });
    // A stale version, another organization (which sees it: COORDINATORS), an admin, an unknown id.
    const stale = await t.gql(UPDATE, { id: logged.id, input: { ...input, subject: 'Stale' } }, cast.france.token);
    expect([stale.errors?.[0]?.extensions?.code, stale.errors?.[0]?.extensions?.details?.actualVersion]).toEqual([
      'CONFLICT',
      logged.version + 1,
    ]);
    const other = await t.gql(
      UPDATE,
      { id: logged.id, input: { expectedVersion: logged.version + 1, subject: 'Not theirs' } },
      cast.panama.token,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await t.gql(
      UPDATE,
      { id: logged.id, input: { expectedVersion: logged.version + 1, summary: 'Checked by the admin' } },
      cast.admin.token,
    );
    expect(ok(admin).updateInteraction).toEqual({ id: logged.id, version: logged.version + 2 });
    const unknown = await t.gql(
      UPDATE,
      { id: '00000000-0000-4000-8000-000000000000', input: { expectedVersion: 1, subject: 'Nobody' } },
      cast.france.token,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      ok(await t.gql('query($id: ID!) { interaction(id: $id) { subject summary version } }', { id: logged.id }, cast.france.token))
        .interaction,
    ).toEqual({ subject: 'Text changed', summary: 'Checked by the admin', version: logged.version + 2 });
  });

  it('serves the rows it reads along with a page exactly as their own loaders serve them', async () => {
    const contacts: string[] = [];
    for (const fullName of ['Indira Raman', 'Ánand Rao']) {
      const input = {
        fullName,
        stateIso3: 'IND',
        posting: 'GENEVA_MISSION',
        languages: ['en'],
        email: `${contacts.length}@mission.example`,
      };
      contacts.push(
        ok(await t.gql('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', { input }, cast.france.token))
          .createContact.id,
      );
    }
    for (const [day, visibility] of [
      ['01', 'SHARED'],
      ['02', 'ORGANIZATION'],
      ['03', 'COORDINATORS'],
    ]) {
      const input = {
        type: 'BILATERAL_MEETING',
        occurredOn: `2026-02-${day}`,
        subject: 'Meeting',
        visibility,
        stateIso3s: ['IND'],
        contactIds: contacts,
      };
      ok(await t.gql(LOG, { input }, cast.france.token));
    }
    const obstacle = { stateIso3: 'IND', category: 'TECHNICAL', description: 'Translation of the treaty text', measures: 'Offer of help' };
    ok(
      await t.gql(
        'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id } }',
        { input: obstacle },
        cast.france.token,
      ),
    );

    // A State's votes and its interactions' contacts, read along with the State and the page…
    const along = ok(
      await t.gql(
        `{ state(iso3: "IND") { votes { choice resolution { symbol session adoptedOn title yes no abstain nonVoting source } }
        interactions(first: 40) { edges { node { id contacts { ${CONTACT_FIELDS} } } } } } }`,
        {},
        cast.france.token,
      ),
    ).state;
    // …and the same read by their loaders, from lists that do not read them along.
    const byLoaders = ok(
      await t.gql(
        `{ states(filter: { search: "India" }) { edges { node { iso3 votes { choice resolution { symbol session adoptedOn title yes no abstain nonVoting source } } } } }
        interactions(filter: { stateIso3s: ["IND"] }, first: 40) { edges { node { id contacts { ${CONTACT_FIELDS} } } } } }`,
        {},
        cast.france.token,
      ),
    );
    expect(along.votes.length).toBeGreaterThan(5);
    expect(along.votes).toEqual(byLoaders.states.edges.find((edge: any) => edge.node.iso3 === 'IND').node.votes);
    const contactsOf = (edges: any[]) => new Map(edges.map((edge) => [edge.node.id, edge.node.contacts]));
    expect(contactsOf(along.interactions.edges)).toEqual(contactsOf(byLoaders.interactions.edges));
    expect([...contactsOf(along.interactions.edges).values()].some((list: any) => list.length === 2)).toBe(true);

    // A State's page of interactions, read along with the State, against the same page read by the
    // loaders below a list of States: first page, next page by cursor, with the total.
    const INTERACTION =
      'id type occurredOn subject summary outcome followUpOn followUpDone replyReceivedOn awaitingReply visibility version createdAt updatedAt';
    const PAGE = `interactions(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${INTERACTION} contacts { id } } } }`;
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 2; pageNumber++) {
      const read: any = ok(await t.gql(`query($after: String) { state(iso3: "IND") { ${PAGE} } }`, { after }, cast.france.token)).state
        .interactions;
      const listed: any = ok(
        await t.gql(
          `query($after: String) { states(filter: { search: "India" }) { edges { node { iso3 ${PAGE} } } } }`,
          { after },
          cast.france.token,
        ),
      ).states.edges.find((edge: any) => edge.node.iso3 === 'IND').node.interactions;
      expect(read.edges.length).toBeGreaterThan(0);
      expect(read).toEqual(listed);
      after = read.pageInfo.endCursor;
    }

    // Target States' obstacles, read along with the ranking with only what the selection asks of
    // them: every field, a few, those resolved from another column, a filtered list, all at once
    // under aliases and through a fragment.
    const OBSTACLES = `all: obstacles { ${OBSTACLE_FIELDS} } few: obstacles { id description }
      related: obstacles { __typename state { iso3 } recordedBy { id displayName } }
      open: obstacles(status: OPEN) { id } addressed: obstacles(status: ADDRESSED) { id } ...dated`;
    const DATED = 'fragment dated on State { dated: obstacles { updatedAt } }';
    const target = ok(
      await t.gql(
        `{ targets(filter: { search: "India" }) { edges { node { state { iso3 ${OBSTACLES} } } } } } ${DATED}`,
        {},
        cast.france.token,
      ),
    ).targets.edges.find((edge: any) => edge.node.state.iso3 === 'IND').node.state;
    const own = ok(await t.gql(`{ state(iso3: "IND") { iso3 ${OBSTACLES} } } ${DATED}`, {}, cast.france.token)).state;
    expect(target.all).toHaveLength(1);
    expect(target.open).toHaveLength(1);
    expect(target.addressed).toHaveLength(0);
    expect(target.related[0]).toEqual({
      __typename: 'Obstacle',
      state: { iso3: 'IND' },
      recordedBy: { id: expect.any(String), displayName: expect.any(String) },
    });
    expect(target.dated[0].updatedAt).toEqual(target.all[0].updatedAt);
    expect(target).toEqual(own);

    // The feed's actors, organizations and States.
    const feed = ok(
      await t.gql(
        `{ activityFeed(first: 50) { edges { node { actor { id email displayName role disabled } organization { id name kind } states { ${STATE_FIELDS} } } } } }`,
        {},
        cast.france.token,
      ),
    ).activityFeed.edges.map((edge: any) => edge.node);
    const me = ok(await t.gql('{ me { id email displayName role disabled organization { id name kind } } }', {}, cast.france.token)).me;
    const mine = feed.filter((event: any) => event.actor?.id === me.id);
    expect(mine.length).toBeGreaterThan(3);
    for (const event of mine) {
      expect(event.actor).toEqual({ id: me.id, email: me.email, displayName: me.displayName, role: me.role, disabled: me.disabled });
      expect(event.organization).toEqual(me.organization);
    }
    const india = ok(await t.gql(`{ state(iso3: "IND") { ${STATE_FIELDS} } }`, {}, cast.france.token)).state;
    expect(mine[0].states).toContainEqual(india);

    // The feed's States read along with only what the selection asks of them: a few columns, the
    // computed fields and a relation, under aliases; each the same as the State's own.
    const STATE_PARTS =
      'few: states { name } computed: states { treatyStatus entryIntoForceDate } related: states { votingRecord { total } }';
    const partial = ok(
      await t.gql(`{ activityFeed(first: 50) { edges { node { states { iso3 } ${STATE_PARTS} } } } }`, {}, cast.france.token),
    ).activityFeed.edges.map((edge: any) => edge.node);
    const event = partial.find((node: any) => node.states.some((state: any) => state.iso3 === 'IND'));
    const at = event.states.findIndex((state: any) => state.iso3 === 'IND');
    const ownState = ok(
      await t.gql(
        `{ state(iso3: "IND") { few: name computed: treatyStatus entryIntoForceDate votingRecord { total } } }`,
        {},
        cast.france.token,
      ),
    ).state;
    expect(event.few[at]).toEqual({ name: ownState.few });
    expect(event.computed[at]).toEqual({ treatyStatus: ownState.computed, entryIntoForceDate: ownState.entryIntoForceDate });
    expect(event.related[at]).toEqual({ votingRecord: ownState.votingRecord });
    expect(ownState.votingRecord.total).toBeGreaterThan(5);
  });

  it('knows what every field of a State needs, so that a list reading States along reads only those columns', () => {
    const state = t.app.get(GraphQLSchemaHost).schema.getType('State') as GraphQLObjectType;
    const all = STATE_JSON.properties(['__unknown__']);
    for (const field of Object.keys(state.getFields()))
      expect([field, STATE_JSON.properties([field]).length < all.length]).toEqual([field, true]);
    const obstacle = t.app.get(GraphQLSchemaHost).schema.getType('Obstacle') as GraphQLObjectType;
    const everyObstacleProperty = OBSTACLE_JSON.properties(['__unknown__']);
    for (const field of Object.keys(obstacle.getFields()))
      expect([field, OBSTACLE_JSON.properties([field]).length < everyObstacleProperty.length]).toEqual([field, true]);
  });

  it('reads plain fields without a resolver call, calls per-row fields with arguments directly, and still refuses bad arguments to them', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const state = schema.getType('State') as GraphQLObjectType;
    const fields = state.getFields();
    // Plain columns: graphql-jit reads the property in the compiled query.
    for (const name of ['iso3', 'name', 'regionalGroup', 'version']) expect(fields[name].resolve).toBeUndefined();
    // Fields with their own resolver keep it; those with arguments GraphQL checks are the method itself.
    expect(fields.votingRecord.resolve).toBeDefined();
    expect(fields.treatyStatus.resolve?.name).toMatch(/^(bound )+treatyStatus$/);
    expect(fields.obstacles.resolve?.name).toMatch(/^(bound )+obstacles$/);

    const asOf = (date: string) => t.gql(`{ state(iso3: "KIR") { treatyStatus(asOf: "${date}") } }`, {}, cast.france.token);
    expect(ok(await asOf('2009-01-01')).state.treatyStatus).toBe('NOT_SIGNED');
    expect(codes(await asOf('2009-02-30'))).toEqual(['BAD_USER_INPUT']);
    const status = await t.gql('{ state(iso3: "KIR") { obstacles(status: CLOSED) { id } } }', {}, cast.france.token);
    expect(codes(status)).toEqual(['BAD_USER_INPUT']);
  });

  it("refuses a State's page of interactions with bad page arguments, and answers two differently paged copies of it", async () => {
    const page = (args: string) => `interactions(${args}) { edges { node { id } } }`;
    for (const args of ['first: 201', 'first: 0', 'after: "not a cursor"']) {
      expect(codes(await t.gql(`{ state(iso3: "KIR") { name ${page(args)} } }`, {}, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    }
    const both = ok(
      await t.gql(`{ state(iso3: "KIR") { few: ${page('first: 2')} many: ${page('first: 5')} } }`, {}, cast.france.token),
    ).state;
    expect([both.few.edges.length, both.many.edges.length]).toEqual([2, 5]);
    expect(both.few.edges).toEqual(both.many.edges.slice(0, 2));
  });

  it('pages the activity feed and the interactions of a State exactly, with or without the total', async () => {
    const all = ok(await t.gql('{ activityFeed(first: 200) { totalCount edges { cursor } } }', {}, cast.france.token)).activityFeed;
    expect(all.totalCount).toBe(all.edges.length);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = ok(
        await t.gql(
          'query($after: String) { activityFeed(first: 7, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }',
          { after },
          cast.france.token,
        ),
      ).activityFeed;
      seen.push(...page.edges.map((edge: any) => edge.cursor));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((edge: any) => edge.cursor));

    for (const actor of [cast.france, cast.panama, cast.partner]) {
      const whole = ok(
        await t.gql('{ state(iso3: "KIR") { interactions(first: 200) { totalCount edges { node { id } } } } }', {}, actor.token),
      ).state.interactions;
      expect(whole.totalCount).toBe(whole.edges.length);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = ok(
          await t.gql(
            'query($after: String) { state(iso3: "KIR") { interactions(first: 4, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }',
            { after: cursor },
            actor.token,
          ),
        ).state.interactions;
        ids.push(...page.edges.map((edge: any) => edge.node.id));
        cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (cursor);
      expect(ids).toEqual(whole.edges.map((edge: any) => edge.node.id));
    }
    const counts = async (actor: Actor) =>
      ok(await t.gql('{ state(iso3: "KIR") { interactions { totalCount } } }', {}, actor.token)).state.interactions.totalCount;
    expect([await counts(cast.france), await counts(cast.panama), await counts(cast.partner)]).toEqual([30, 20, 10]);
  });

  it("keeps each State's copy of an interaction's date, visibility and States in step with every change", async () => {
    const seenBy = async (actor: Actor, iso3: string) => {
      const { state } = ok(
        await t.gql(
          `{ state(iso3: "${iso3}") { lastInteractionOn interactions(first: 1) { totalCount edges { node { subject } } } } }`,
          {},
          actor.token,
        ),
      );
      return [state.lastInteractionOn, state.interactions.edges[0]?.node.subject ?? null, state.interactions.totalCount];
    };
    const logged = ok(
      await t.gql(
        LOG,
        {
          input: {
            type: 'PHONE_CALL',
            occurredOn: '2026-02-10',
            subject: 'Call to Majuro',
            visibility: 'ORGANIZATION',
            stateIso3s: ['MHL'],
          },
        },
        cast.france.token,
      ),
    ).logInteraction;
    expect(await seenBy(cast.france, 'MHL')).toEqual(['2026-02-10', 'Call to Majuro', 1]);
    expect(await seenBy(cast.partner, 'MHL')).toEqual([null, null, 0]);

    let version = ok(
      await t.gql(
        UPDATE,
        { id: logged.id, input: { expectedVersion: logged.version, visibility: 'SHARED', occurredOn: '2026-02-20' } },
        cast.france.token,
      ),
    ).updateInteraction.version;
    expect(await seenBy(cast.partner, 'MHL')).toEqual(['2026-02-20', 'Call to Majuro', 1]);

    version = ok(await t.gql(UPDATE, { id: logged.id, input: { expectedVersion: version, stateIso3s: ['SLB'] } }, cast.france.token))
      .updateInteraction.version;
    expect(await seenBy(cast.partner, 'MHL')).toEqual([null, null, 0]);
    expect(await seenBy(cast.partner, 'SLB')).toEqual(['2026-02-20', 'Call to Majuro', 1]);

    ok(await t.gql(UPDATE, { id: logged.id, input: { expectedVersion: version, visibility: 'COORDINATORS' } }, cast.france.token));
    expect(await seenBy(cast.partner, 'SLB')).toEqual([null, null, 0]);
    expect(await seenBy(cast.panama, 'SLB')).toEqual(['2026-02-20', 'Call to Majuro', 1]);

    const target = ok(
      await t.gql('{ targets(filter: { search: "Solomon" }) { edges { node { lastContactOn } } } }', {}, cast.panama.token),
    );
    expect(target.targets.edges.map((edge: any) => edge.node.lastContactOn)).toEqual(['2026-02-20']);

    // The audit trail records the interaction's changes, not the copies on its links.
    const audit = ok(
      await t.gql(
        `{ auditLog(filter: { entity: "interaction_states", entityId: "${logged.id}" }) { edges { node { action before after } } } }`,
        {},
        cast.admin.token,
      ),
    );
    const entries = audit.auditLog.edges.map((edge: any) => edge.node);
    // Newest first; the move to SLB deleted one link and inserted another in the same transaction.
    const moves = entries.map((entry: any) => [entry.before?.state_iso3 ?? null, entry.after?.state_iso3 ?? null]);
    expect(moves[2]).toEqual([null, 'MHL']);
    expect(moves.slice(0, 2).map(String).sort()).toEqual([',SLB', 'MHL,']);
    for (const entry of entries) expect(Object.keys(entry.before ?? entry.after).sort()).toEqual(['interaction_id', 'state_iso3']);

    ok(await t.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', { id: logged.id }, cast.france.token));
    expect(await seenBy(cast.france, 'SLB')).toEqual([null, null, 0]);
  });
});
