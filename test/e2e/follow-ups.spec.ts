import { randomUUID } from 'node:crypto';
import { addDays, todayIso } from '../../src/common/dates.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const subjects = (connection: any) => connection.edges.map((edge: any) => edge.node.subject);

/** A date `days` days from today. */
const day = (days: number) => addDays(todayIso(), days);

const FIELDS = 'id type subject occurredOn followUpOn followUpDone replyReceivedOn awaitingReply version';

const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { ${FIELDS} } }`;
const MARK = `mutation($id: ID!, $done: Boolean, $expectedVersion: Int) {
  markFollowUpDone(id: $id, done: $done, expectedVersion: $expectedVersion) { ${FIELDS} } }`;
const MARK_DEFAULT = `mutation($id: ID!) { markFollowUpDone(id: $id) { ${FIELDS} } }`;
const REPLY = `mutation($id: ID!, $receivedOn: Date!, $expectedVersion: Int, $keepFollowUpOpen: Boolean) {
  recordReply(id: $id, receivedOn: $receivedOn, expectedVersion: $expectedVersion, keepFollowUpOpen: $keepFollowUpOpen) { ${FIELDS} } }`;
const READ = `query($id: ID!) { interaction(id: $id) { ${FIELDS} } }`;
const FOLLOW_UPS = `query($dueBefore: Date, $overdueOnly: Boolean) {
  followUps(dueBefore: $dueBefore, overdueOnly: $overdueOnly) { totalCount edges { node { subject } } } }`;
const AWAITING = `query($olderThanDays: Int) { awaitingReplies(olderThanDays: $olderThanDays) { totalCount edges { node { subject } } } }`;

const MEETING = 'A: France internal meeting';
const LETTER = 'B: France letter to coordinators';
const EMAIL = 'C: France shared e-mail';
const PANAMA_LETTER = 'D: Panama internal letter';
const CALL = 'E: France shared call';
const PANAMA_EMAIL = 'F: Panama shared e-mail';

describe('follow-ups and replies', () => {
  let t: TestApp;
  let cast: Cast;
  const logged: Record<string, any> = {};

  const read = async (subject: string) => ok(await t.gql(READ, { id: logged[subject].id }, cast.france.token)).interaction;
  const followUps = async (actor: Actor, variables: Record<string, unknown> = {}) =>
    ok(await t.gql(FOLLOW_UPS, variables, actor.token)).followUps;
  const awaiting = async (actor: Actor, variables: Record<string, unknown> = {}) =>
    ok(await t.gql(AWAITING, variables, actor.token)).awaitingReplies;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const plan: [Actor, string, string, string, number, number | null][] = [
      [cast.france, MEETING, 'BILATERAL_MEETING', 'ORGANIZATION', -30, -10],
      [cast.france, LETTER, 'LETTER', 'COORDINATORS', -20, 0],
      [cast.france, EMAIL, 'EMAIL', 'SHARED', -5, 7],
      [cast.panama, PANAMA_LETTER, 'LETTER', 'ORGANIZATION', -40, -1],
      [cast.france, CALL, 'PHONE_CALL', 'SHARED', -3, null],
      [cast.panama, PANAMA_EMAIL, 'EMAIL', 'SHARED', -2, null],
    ];
    for (const [actor, subject, type, visibility, occurred, followUp] of plan) {
      const input = {
        subject,
        type,
        visibility,
        occurredOn: day(occurred),
        followUpOn: followUp === null ? null : day(followUp),
        stateIso3s: ['KIR'],
      };
      logged[subject] = ok(await t.gql(LOG, { input }, actor.token)).logInteraction;
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('starts every interaction with its follow-up pending and letters and e-mails awaiting a reply', () => {
    expect(logged[MEETING]).toMatchObject({ followUpDone: false, replyReceivedOn: null, awaitingReply: false });
    expect(logged[LETTER]).toMatchObject({ followUpDone: false, replyReceivedOn: null, awaitingReply: true });
    expect(logged[PANAMA_EMAIL]).toMatchObject({ followUpOn: null, followUpDone: false, awaitingReply: true });
    expect(logged[CALL]).toMatchObject({ followUpOn: null, awaitingReply: false });
  });

  /** What each viewer should see: follow-ups (all, overdue, due by today) and awaiting replies (all, older than 5 days). */
  const matrix: [string, (cast: Cast) => Actor, string[], string[], string[], string[], string[]][] = [
    [
      'the France coordinator',
      (c) => c.france,
      [MEETING, LETTER, EMAIL],
      [MEETING],
      [MEETING, LETTER],
      [LETTER, EMAIL, PANAMA_EMAIL],
      [LETTER, EMAIL],
    ],
    [
      'the Panama coordinator',
      (c) => c.panama,
      [PANAMA_LETTER, LETTER, EMAIL],
      [PANAMA_LETTER],
      [PANAMA_LETTER, LETTER],
      [PANAMA_LETTER, LETTER, EMAIL, PANAMA_EMAIL],
      [PANAMA_LETTER, LETTER, EMAIL],
    ],
    ['the admin of another organization', (c) => c.admin, [LETTER, EMAIL], [], [LETTER], [LETTER, EMAIL, PANAMA_EMAIL], [LETTER, EMAIL]],
    ['the partner', (c) => c.partner, [EMAIL], [], [], [EMAIL, PANAMA_EMAIL], [EMAIL]],
  ];

  describe.each(matrix)('%s', (_who, actorOf, all, overdue, dueToday, awaitingAll, awaitingOld) => {
    it('sees exactly the pending follow-ups of the interactions it may see, soonest due first', async () => {
      const list = await followUps(actorOf(cast));
      expect(subjects(list)).toEqual(all);
      expect(list.totalCount).toBe(all.length);
    });

    it('sees only the overdue ones with overdueOnly, and those due by a date with dueBefore', async () => {
      expect(subjects(await followUps(actorOf(cast), { overdueOnly: true }))).toEqual(overdue);
      expect(subjects(await followUps(actorOf(cast), { dueBefore: todayIso() }))).toEqual(dueToday);
      expect(subjects(await followUps(actorOf(cast), { dueBefore: todayIso(), overdueOnly: true }))).toEqual(overdue);
      expect(subjects(await followUps(actorOf(cast), { dueBefore: day(-100) }))).toEqual([]);
      expect(subjects(await followUps(actorOf(cast), { overdueOnly: false }))).toEqual(all);
    });

    it('sees exactly the letters and e-mails awaiting a reply that it may see, oldest first', async () => {
      const list = await awaiting(actorOf(cast));
      expect(subjects(list)).toEqual(awaitingAll);
      expect(list.totalCount).toBe(awaitingAll.length);
      expect(subjects(await awaiting(actorOf(cast), { olderThanDays: 0 }))).toEqual(awaitingAll);
      expect(subjects(await awaiting(actorOf(cast), { olderThanDays: 5 }))).toEqual(awaitingOld);
      expect(subjects(await awaiting(actorOf(cast), { olderThanDays: 1000 }))).toEqual([]);
    });
  });

  describe('markFollowUpDone', () => {
    it('marks a follow-up done, bumping the version, and takes it off the list', async () => {
      const done = ok(await t.gql(MARK, { id: logged[MEETING].id, expectedVersion: 1 }, cast.france.token)).markFollowUpDone;
      expect(done).toEqual({ ...logged[MEETING], followUpDone: true, version: 2 });
      expect(await read(MEETING)).toEqual(done);
      expect(subjects(await followUps(cast.france))).toEqual([LETTER, EMAIL]);
      expect(subjects(await followUps(cast.france, { overdueOnly: true }))).toEqual([]);
      logged[MEETING] = done;
    });

    it('makes it pending again with done: false, without an expectedVersion', async () => {
      const pending = ok(await t.gql(MARK, { id: logged[MEETING].id, done: false }, cast.france.token)).markFollowUpDone;
      expect(pending).toEqual({ ...logged[MEETING], followUpDone: false, version: 3 });
      expect(subjects(await followUps(cast.france))).toEqual([MEETING, LETTER, EMAIL]);
      logged[MEETING] = pending;
    });

    it('marks it done when done is left out', async () => {
      const done = ok(await t.gql(MARK_DEFAULT, { id: logged[MEETING].id }, cast.france.token)).markFollowUpDone;
      expect(done).toMatchObject({ followUpDone: true, version: 4 });
      logged[MEETING] = done;
    });

    it('rejects a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const result = await t.gql(MARK, { id: logged[LETTER].id, expectedVersion: 7 }, cast.france.token);
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(result.errors![0].extensions!.details).toMatchObject({ expectedVersion: 7, actualVersion: 1 });
      expect(await read(LETTER)).toEqual(logged[LETTER]);
    });

    it('refuses an interaction without a follow-up with BAD_USER_INPUT', async () => {
      expect(codes(await t.gql(MARK, { id: logged[CALL].id }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      expect(await read(CALL)).toEqual(logged[CALL]);
    });

    it('keeps other organizations from marking an interaction, and hides the ones they may not see', async () => {
      expect(codes(await t.gql(MARK, { id: logged[LETTER].id }, cast.panama.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(MARK, { id: logged[MEETING].id, done: false }, cast.panama.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(MARK, { id: logged[MEETING].id, done: false }, cast.admin.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(MARK, { id: randomUUID() }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(MARK, { id: 'not-a-uuid' }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(await read(LETTER)).toEqual(logged[LETTER]);
      expect(await read(MEETING)).toEqual(logged[MEETING]);
    });

    it('lets an admin mark any interaction it may see', async () => {
      const done = ok(await t.gql(MARK, { id: logged[LETTER].id, expectedVersion: 1 }, cast.admin.token)).markFollowUpDone;
      expect(done).toMatchObject({ followUpDone: true, version: 2 });
      logged[LETTER] = ok(await t.gql(MARK, { id: logged[LETTER].id, done: false, expectedVersion: 2 }, cast.admin.token)).markFollowUpDone;
      expect(logged[LETTER]).toMatchObject({ followUpDone: false, version: 3 });
    });

    it('makes a done follow-up pending again when its date changes', async () => {
      const moved = ok(
        await t.gql(UPDATE, { id: logged[MEETING].id, input: { expectedVersion: 4, followUpOn: day(-8) } }, cast.france.token),
      ).updateInteraction;
      expect(moved).toEqual({ ...logged[MEETING], followUpOn: day(-8), followUpDone: false, version: 5 });
      logged[MEETING] = moved;
      const done = ok(await t.gql(MARK, { id: logged[MEETING].id }, cast.france.token)).markFollowUpDone;
      const renamed = ok(
        await t.gql(
          UPDATE,
          { id: logged[MEETING].id, input: { expectedVersion: done.version, subject: `${MEETING} ` } },
          cast.france.token,
        ),
      );
      expect(renamed.updateInteraction).toEqual({ ...done, version: done.version + 1 });
      logged[MEETING] = renamed.updateInteraction;
    });
  });

  describe('recordReply', () => {
    it('records the reply, bumping the version, and takes the letter off the list (its follow-up kept open on request)', async () => {
      const replied = ok(
        await t.gql(REPLY, { id: logged[LETTER].id, receivedOn: day(-2), expectedVersion: 3, keepFollowUpOpen: true }, cast.france.token),
      ).recordReply;
      expect(replied).toEqual({ ...logged[LETTER], replyReceivedOn: day(-2), awaitingReply: false, version: 4 });
      expect(await read(LETTER)).toEqual(replied);
      expect(subjects(await awaiting(cast.france))).toEqual([EMAIL, PANAMA_EMAIL]);
      expect(subjects(await awaiting(cast.panama))).toEqual([PANAMA_LETTER, EMAIL, PANAMA_EMAIL]);
      logged[LETTER] = replied;
    });

    it('accepts a reply on the day of the letter, without an expectedVersion, and the reply closes its follow-up', async () => {
      const replied = ok(await t.gql(REPLY, { id: logged[EMAIL].id, receivedOn: logged[EMAIL].occurredOn }, cast.france.token)).recordReply;
      expect(replied).toEqual({
        ...logged[EMAIL],
        replyReceivedOn: logged[EMAIL].occurredOn,
        awaitingReply: false,
        followUpDone: true,
        version: 2,
      });
      logged[EMAIL] = replied;
    });

    it('rejects a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const result = await t.gql(REPLY, { id: logged[PANAMA_EMAIL].id, receivedOn: day(-1), expectedVersion: 2 }, cast.panama.token);
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(subjects(await awaiting(cast.panama))).toContain(PANAMA_EMAIL);
    });

    const invalidReplies: [string, string, string][] = [
      ['a reply before the e-mail was sent', PANAMA_EMAIL, day(-3)],
      ['a reply to a phone call', CALL, day(0)],
      ['a reply to a meeting', MEETING, day(0)],
      ['an impossible date', PANAMA_EMAIL, '2026-02-30'],
      ['a malformed date', PANAMA_EMAIL, 'yesterday'],
    ];

    it.each(invalidReplies)('refuses %s with BAD_USER_INPUT, changing nothing', async (_case, subject, receivedOn) => {
      const author = subject === PANAMA_EMAIL ? cast.panama : cast.france;
      const snapshot = async () => ok(await t.gql(`{ interactions { edges { node { ${FIELDS} } } } }`, {}, author.token));
      const before = await snapshot();
      expect(codes(await t.gql(REPLY, { id: logged[subject].id, receivedOn }, author.token))).toEqual(['BAD_USER_INPUT']);
      expect(await snapshot()).toEqual(before);
    });

    it('keeps other organizations from recording a reply, and hides the ones they may not see', async () => {
      expect(codes(await t.gql(REPLY, { id: logged[PANAMA_EMAIL].id, receivedOn: day(0) }, cast.france.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(REPLY, { id: logged[PANAMA_LETTER].id, receivedOn: day(0) }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(REPLY, { id: randomUUID(), receivedOn: day(0) }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(subjects(await awaiting(cast.panama))).toEqual([PANAMA_LETTER, PANAMA_EMAIL]);
    });
  });

  describe('replyReceivedOn in updateInteraction', () => {
    it('clears the reply with null, so the letter awaits one again', async () => {
      const cleared = ok(
        await t.gql(UPDATE, { id: logged[LETTER].id, input: { expectedVersion: 4, replyReceivedOn: null } }, cast.france.token),
      ).updateInteraction;
      expect(cleared).toEqual({ ...logged[LETTER], replyReceivedOn: null, awaitingReply: true, version: 5 });
      expect(subjects(await awaiting(cast.france))).toEqual([LETTER, PANAMA_EMAIL]);
      logged[LETTER] = cleared;
    });

    it('sets the reply date, which closes the pending follow-up', async () => {
      const set = ok(
        await t.gql(UPDATE, { id: logged[LETTER].id, input: { expectedVersion: 5, replyReceivedOn: day(-1) } }, cast.france.token),
      ).updateInteraction;
      expect(set).toMatchObject({ replyReceivedOn: day(-1), awaitingReply: false, followUpDone: true, version: 6 });
      logged[LETTER] = set;
    });

    const invalidChanges: [string, string, Record<string, unknown>][] = [
      ['a reply to a phone call', CALL, { replyReceivedOn: day(0) }],
      ['a reply before the letter', LETTER, { replyReceivedOn: day(-21) }],
      ['a letter moved after its reply', LETTER, { occurredOn: day(0), followUpOn: day(1) }],
      ['a letter with a reply turned into a meeting', LETTER, { type: 'BILATERAL_MEETING' }],
      ['an impossible reply date', LETTER, { replyReceivedOn: '2026-13-01' }],
    ];

    it.each(invalidChanges)('refuses %s with BAD_USER_INPUT, changing nothing', async (_case, subject, change) => {
      const input = { expectedVersion: logged[subject].version, ...change };
      expect(codes(await t.gql(UPDATE, { id: logged[subject].id, input }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      expect(await read(subject)).toEqual(logged[subject]);
    });
  });

  describe('invalid arguments and roles', () => {
    it.each([-1, 36501])('rejects olderThanDays: %i with BAD_USER_INPUT', async (olderThanDays) => {
      expect(codes(await t.gql(AWAITING, { olderThanDays }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    });

    it('rejects an impossible dueBefore and a bad page size with BAD_USER_INPUT', async () => {
      expect(codes(await t.gql(FOLLOW_UPS, { dueBefore: '2026-02-30' }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql('{ followUps(first: 0) { totalCount } }', {}, cast.france.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql('{ awaitingReplies(first: 201) { totalCount } }', {}, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    });

    it.each([
      ['markFollowUpDone', MARK, () => ({ id: logged[EMAIL].id })],
      ['recordReply', REPLY, () => ({ id: logged[PANAMA_EMAIL].id, receivedOn: day(0) })],
    ])('refuses %s to the partner with FORBIDDEN, even on a shared interaction, changing nothing', async (_name, mutation, variables) => {
      const before = ok(await t.gql(`{ interactions { edges { node { ${FIELDS} } } } }`, {}, cast.admin.token));
      const result = await t.gql(mutation, variables(), cast.partner.token);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toBeNull();
      expect(ok(await t.gql(`{ interactions { edges { node { ${FIELDS} } } } }`, {}, cast.admin.token))).toEqual(before);
    });

    it('refuses the lists without a token', async () => {
      expect(codes(await t.gql(FOLLOW_UPS))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(AWAITING))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('pagination', () => {
    const FOLLOW_UP_PAGE = `query($after: String) { followUps(first: 2, after: $after, dueBefore: "${day(60)}") {
      totalCount edges { node { id followUpOn } } pageInfo { hasNextPage endCursor } } }`;
    const AWAITING_PAGE = `query($after: String) { awaitingReplies(first: 2, after: $after, olderThanDays: 50) {
      totalCount edges { node { id occurredOn } } pageInfo { hasNextPage endCursor } } }`;
    const followUpDays = [40, 45, 45, 45, 45, 50, 41];
    const sentDays = [-60, -55, -55, -55, -55, -70, -58];
    let withFollowUp: { id: string; followUpOn: string }[] = [];
    let letters: { id: string; occurredOn: string }[] = [];

    async function walk(query: string, pick: (data: any) => any, expectedTotal: number) {
      const seen: any[] = [];
      const sizes: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const connection: any = pick(ok(await t.gql(query, { after }, cast.panama.token)));
        expect(connection.totalCount).toBe(expectedTotal);
        sizes.push(connection.edges.length);
        seen.push(...connection.edges.map((edge: any) => edge.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return { seen, sizes };
    }

    beforeAll(async () => {
      withFollowUp = [];
      letters = [];
      for (const [index, days] of followUpDays.entries()) {
        const input = {
          type: 'DEMARCHE',
          occurredOn: day(0),
          followUpOn: day(days),
          subject: `Démarche ${index}`,
          visibility: 'COORDINATORS',
          stateIso3s: ['NRU'],
        };
        const row = ok(await t.gql(LOG, { input }, cast.france.token)).logInteraction;
        withFollowUp.push({ id: row.id, followUpOn: row.followUpOn });
      }
      for (const [index, days] of sentDays.entries()) {
        const input = { type: 'LETTER', occurredOn: day(days), subject: `Letter ${index}`, visibility: 'SHARED', stateIso3s: ['NRU'] };
        const row = ok(await t.gql(LOG, { input }, cast.france.token)).logInteraction;
        letters.push({ id: row.id, occurredOn: row.occurredOn });
      }
    });

    it('walks the follow-ups two at a time, soonest due first and ties by id, without gaps or repeats', async () => {
      // The letter's and the e-mail's follow-ups were closed by their replies.
      const { seen, sizes } = await walk(FOLLOW_UP_PAGE, (data) => data.followUps, 1 + followUpDays.length);
      expect(sizes).toEqual([2, 2, 2, 2]);
      expect(seen[0].id).toBe(logged[PANAMA_LETTER].id);
      const expected = [...withFollowUp].sort((a, b) =>
        a.followUpOn === b.followUpOn ? (a.id < b.id ? -1 : 1) : a.followUpOn < b.followUpOn ? -1 : 1,
      );
      expect(seen.slice(1)).toEqual(expected);
    });

    it('walks the letters awaiting a reply two at a time, oldest first and ties in the order they were logged', async () => {
      const { seen, sizes } = await walk(AWAITING_PAGE, (data) => data.awaitingReplies, sentDays.length);
      expect(sizes).toEqual([2, 2, 2, 1]);
      const expected = letters
        .map((letter, index) => ({ ...letter, index }))
        .sort((a, b) => (a.occurredOn === b.occurredOn ? a.index - b.index : a.occurredOn < b.occurredOn ? -1 : 1));
      expect(seen).toEqual(expected.map(({ id, occurredOn }) => ({ id, occurredOn })));
    });

    it('rejects an invalid cursor, and the cursor of the other list, with BAD_USER_INPUT', async () => {
      expect(codes(await t.gql(FOLLOW_UP_PAGE, { after: 'not-a-cursor' }, cast.panama.token))).toEqual(['BAD_USER_INPUT']);
      const first = ok(await t.gql(AWAITING_PAGE, { after: null }, cast.panama.token)).awaitingReplies;
      expect(codes(await t.gql(FOLLOW_UP_PAGE, { after: first.pageInfo.endCursor }, cast.panama.token))).toEqual(['BAD_USER_INPUT']);
    });
  });
});
