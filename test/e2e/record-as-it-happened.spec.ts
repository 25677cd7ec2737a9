import { addDays, todayIso } from '../../src/common/dates.js';
import { codes, ok, startTestApp, type GqlResponse, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

/**
 * The record as it happened: past facts keep their dates (stage moves, postings), mistakes can be
 * undone (obstacles), and what contradicts the treaty record or the calendar is refused.
 */
const today = todayIso();
const day = (days: number) => addDays(today, days);
const nextYear = `${Number(today.slice(0, 4)) + 1}-03-15`;

const SET = `mutation($iso3: String!, $stage: RatificationStage!, $effectiveOn: Date, $note: String) {
  setRatificationStage(iso3: $iso3, stage: $stage, effectiveOn: $effectiveOn, note: $note) { iso3 ratificationStage version } }`;
const HISTORY = `query($iso3: String!) { state(iso3: $iso3) { ratificationStage version
  stageHistory { from to effectiveOn recordedAt changedAt note } } }`;
const STAGE_ON = `query($iso3: String!, $a: Date!, $b: Date!, $c: Date!, $d: Date!) { state(iso3: $iso3) {
  a: ratificationStageOn(date: $a) b: ratificationStageOn(date: $b) c: ratificationStageOn(date: $c) d: ratificationStageOn(date: $d) } }`;
const REPORT = `query($input: ProgressReportInput!) { progressReport(input: $input) {
  stageMoves { forward { count states { iso3 } } back { count } moves { state { iso3 } from to direction effectiveOn changedAt } } } }`;
const LOG =
  'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version followUpOn followUpDone replyReceivedOn } }';
const UPDATE_INTERACTION = `mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) {
  id version occurredOn followUpDone replyReceivedOn } }`;
const REPLY = `mutation($id: ID!, $on: Date!, $keep: Boolean) { recordReply(id: $id, receivedOn: $on, keepFollowUpOpen: $keep) {
  id version followUpDone replyReceivedOn awaitingReply } }`;
const RECORD_OBSTACLE = 'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id version state { iso3 } } }';
const UPDATE_OBSTACLE =
  'mutation($id: ID!, $input: UpdateObstacleInput!) { updateObstacle(id: $id, input: $input) { id version state { iso3 } } }';
const DELETE_OBSTACLE = 'mutation($id: ID!, $v: Int!) { deleteObstacle(id: $id, expectedVersion: $v) }';
const OBSTACLE = 'query($id: ID!) { obstacle(id: $id) { id version state { iso3 } } }';
const CAMPAIGN = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id
  letters { interaction { id } state { iso3 } status version } } }`;
const LETTER_REPLY = `mutation($input: LogLetterReplyInput!) { logLetterReply(input: $input) { status version } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id posting
  postings { from to current posting state { iso3 } } } }`;

/** The BAD_USER_INPUT of a refused write, with its message. */
function refusal(response: GqlResponse): { code: unknown; message: string } {
  expect(response.data?.[Object.keys(response.data ?? {})[0]] ?? null).toBeNull();
  return { code: codes(response)[0], message: response.errors?.[0]?.message ?? '' };
}

describe('the record as it happened', () => {
  let t: TestApp;
  let cast: Cast;

  const set = (iso3: string, stage: string, effectiveOn?: string, token = cast.france.token) =>
    t.gql(SET, { iso3, stage, effectiveOn }, token);
  const history = async (iso3: string) => ok(await t.gql(HISTORY, { iso3 }, cast.france.token)).state;
  const report = async (input: Record<string, unknown>) => ok(await t.gql(REPORT, { input }, cast.france.token)).progressReport;
  const audit = async (entity: string, id: string) =>
    ok(
      await t.gql(
        'query($e: String!, $id: String!) { auditLog(filter: { entity: $e, entityId: $id }, first: 50) { edges { node { action before after } } } }',
        { e: entity, id },
        cast.admin.token,
      ),
    ).auditLog.edges.map((edge: any) => edge.node);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  describe('stage moves take the day they took effect', () => {
    it('counts the 2018 moves in a 2018 report, and keeps when they were recorded', async () => {
      // Recorded now, after the fact: Kiribati engaged in March 2018 and became supportive in September.
      ok(await set('KIR', 'ENGAGED', '2018-03-15'));
      ok(await set('KIR', 'SUPPORTIVE', '2018-09-20'));

      const r = await report({ from: '2018-01-01', to: '2018-12-31', stateIso3s: ['KIR'] });
      expect(r.stageMoves.forward.count).toBe(2);
      expect(r.stageMoves.back.count).toBe(0);
      expect(r.stageMoves.moves.map((m: any) => [m.from, m.to, m.effectiveOn])).toEqual([
        ['NOT_ENGAGED', 'ENGAGED', '2018-03-15'],
        ['ENGAGED', 'SUPPORTIVE', '2018-09-20'],
      ]);
      expect(r.stageMoves.moves.every((m: any) => m.changedAt.slice(0, 10) === today)).toBe(true);
      // This year's report no longer counts them.
      expect((await report({ from: `${today.slice(0, 4)}-01-01`, to: today, stateIso3s: ['KIR'] })).stageMoves.moves).toEqual([]);

      const kiribati = await history('KIR');
      expect(kiribati.ratificationStage).toBe('SUPPORTIVE');
      expect(kiribati.stageHistory.map((c: any) => [c.from, c.to, c.effectiveOn])).toEqual([
        ['ENGAGED', 'SUPPORTIVE', '2018-09-20'],
        ['NOT_ENGAGED', 'ENGAGED', '2018-03-15'],
        [null, 'NOT_ENGAGED', expect.any(String)],
      ]);
      for (const change of kiribati.stageHistory) {
        expect(change.recordedAt).toBe(change.changedAt);
        expect(change.recordedAt.slice(0, 10)).toBe(today);
      }
    });

    it('answers the stage on a past day from the effective dates', async () => {
      const on = ok(
        await t.gql(STAGE_ON, { iso3: 'KIR', a: '2017-12-31', b: '2018-03-15', c: '2018-06-30', d: today }, cast.partner.token),
      ).state;
      expect(on).toEqual({ a: 'NOT_ENGAGED', b: 'ENGAGED', c: 'ENGAGED', d: 'SUPPORTIVE' });
    });

    it('defaults the effective date to today', async () => {
      ok(await set('TON', 'ENGAGED'));
      expect((await history('TON')).stageHistory[0]).toMatchObject({ from: 'NOT_ENGAGED', to: 'ENGAGED', effectiveOn: today });
    });

    it('refuses a move dated in the future or before the previous move, recording nothing', async () => {
      const before = await history('KIR');
      const future = refusal(await set('KIR', 'DOMESTIC_PROCESS', day(1)));
      expect(future).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('in the future') });
      const earlier = refusal(await set('KIR', 'DOMESTIC_PROCESS', '2018-05-01'));
      expect(earlier).toEqual({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining("before the previous move of Kiribati's stage, on 2018-09-20"),
      });
      expect(await history('KIR')).toEqual(before);
      // The same day as the previous move is in order.
      ok(await set('KIR', 'DOMESTIC_PROCESS', '2018-09-20'));
    });
  });

  describe('stages that contradict the treaty record', () => {
    it('refuses JOINED and DEPOSITED for Tuvalu, which has not even signed', async () => {
      const before = await history('TUV');
      for (const stage of ['JOINED', 'DEPOSITED']) {
        const refused = refusal(await set('TUV', stage));
        expect(refused.code).toBe('BAD_USER_INPUT');
        expect(refused.message).toBe(
          `Tuvalu cannot be ${stage} on ${today}: the treaty record shows no deposit of an instrument of ratification, accession, acceptance or approval (it is NOT_SIGNED)`,
        );
      }
      expect(await history('TUV')).toEqual(before);
    });

    it('refuses DECLINED (or any stage short of joining) for France, a State Party', async () => {
      for (const stage of ['DECLINED', 'ENGAGED']) {
        const refused = refusal(await set('FRA', stage));
        expect(refused).toEqual({
          code: 'BAD_USER_INPUT',
          message: `France cannot be ${stage} on ${today}: the treaty record shows it is a State Party, so its stage is DEPOSITED or JOINED`,
        });
      }
      expect((await history('FRA')).ratificationStage).toBe('JOINED');
    });

    it('judges a back-dated move by the record on its day: Vanuatu deposited on 2025-09-05', async () => {
      expect(refusal(await set('VUT', 'APPROVED', '2025-10-01')).code).toBe('BAD_USER_INPUT');
      expect(refusal(await set('VUT', 'DEPOSITED', '2025-09-04')).message).toContain('shows no deposit');
      ok(await set('VUT', 'DEPOSITED', '2025-09-05'));
      ok(await set('VUT', 'JOINED', '2026-03-01'));
    });

    it('refuses JOINED for Lithuania after its withdrawal, and lets it be DECLINED', async () => {
      expect(refusal(await set('LTU', 'JOINED')).message).toBe(
        `Lithuania cannot be JOINED on ${today}: the treaty record shows its withdrawal from the Convention`,
      );
      ok(await set('LTU', 'DECLINED'));
    });
  });

  describe('interactions are facts: none dated after today', () => {
    it('refuses an interaction dated next year, on create and on update', async () => {
      const input = { type: 'BILATERAL_MEETING', occurredOn: nextYear, subject: 'Meeting next year', stateIso3s: ['KIR'] };
      const refused = refusal(await t.gql(LOG, { input }, cast.france.token));
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.message).toContain(`occurredOn (${nextYear}) is after today`);
      expect(refused.message).toContain('plan a meeting at an event instead');

      const logged = ok(
        await t.gql(LOG, { input: { ...input, occurredOn: today, subject: 'Meeting today' } }, cast.france.token),
      ).logInteraction;
      const moved = await t.gql(
        UPDATE_INTERACTION,
        { id: logged.id, input: { expectedVersion: logged.version, occurredOn: nextYear } },
        cast.france.token,
      );
      expect(refusal(moved).code).toBe('BAD_USER_INPUT');
      const kept = ok(
        await t.gql('query($id: ID!) { interaction(id: $id) { occurredOn version } }', { id: logged.id }, cast.france.token),
      ).interaction;
      expect(kept).toEqual({ occurredOn: today, version: logged.version });
    });

    it('refuses a reply dated after today', async () => {
      const letter = ok(
        await t.gql(LOG, { input: { type: 'LETTER', occurredOn: day(-10), subject: 'Letter', stateIso3s: ['TUV'] } }, cast.france.token),
      ).logInteraction;
      expect(refusal(await t.gql(REPLY, { id: letter.id, on: day(1) }, cast.france.token)).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('obstacles and campaigns concern States not Party', () => {
    it('refuses an obstacle against a State Party', async () => {
      const input = { stateIso3: 'FRA', category: 'PROCEDURAL', description: 'Parliamentary calendar' };
      const refused = refusal(await t.gql(RECORD_OBSTACLE, { input }, cast.france.token));
      expect(refused).toEqual({
        code: 'BAD_USER_INPUT',
        message: `France was a State Party on ${today}: obstacles are recorded for States not Party (obstacles to joining)`,
      });
      // Before its deposit, the Philippines were not Party.
      ok(await t.gql(RECORD_OBSTACLE, { input: { ...input, stateIso3: 'PHL', recordedOn: '2017-05-01' } }, cast.france.token));
    });

    it('refuses a letter campaign to States Parties unless it says it includes them', async () => {
      const input = { name: 'Universalization letters', templateRef: 'letter.docx', sendingDate: today, stateIso3s: ['KIR', 'FRA', 'AUT'] };
      const refused = refusal(await t.gql(CAMPAIGN, { input }, cast.france.token));
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.message).toContain('Austria, France have deposited their instruments');
      expect(refused.message).toContain('includesStatesParties');
      const campaigns = ok(await t.gql('{ letterCampaigns(first: 10) { edges { node { id } } } }', {}, cast.france.token)).letterCampaigns;
      expect(campaigns.edges).toEqual([]);

      const implementation = ok(
        await t.gql(CAMPAIGN, { input: { ...input, name: 'Article 7 reports', includesStatesParties: true } }, cast.france.token),
      );
      expect(implementation.createLetterCampaign.letters.map((l: any) => l.state.iso3).sort()).toEqual(['AUT', 'FRA', 'KIR']);
    });

    it('refuses a campaign sent after today', async () => {
      const input = { name: 'Next year', templateRef: 'letter.docx', sendingDate: nextYear, stateIso3s: ['KIR'] };
      expect(refusal(await t.gql(CAMPAIGN, { input }, cast.france.token)).message).toContain(`sendingDate (${nextYear}) is after today`);
    });
  });

  describe('a reply closes the pending follow-up', () => {
    let mandateId: string;

    beforeAll(async () => {
      mandateId = ok(
        await t.gql(
          'mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }',
          {
            input: {
              name: 'Coordinators (replies)',
              periodFrom: day(-60),
              periodTo: day(30),
              organizationIds: [cast.france.organizationId],
            },
          },
          cast.france.token,
        ),
      ).startMandate.id;
    });

    const openFollowUps = async () =>
      ok(
        await t.gql('query($id: ID!) { mandate(id: $id) { openFollowUps { id } } }', { id: mandateId }, cast.france.token),
      ).mandate.openFollowUps.map((i: any) => i.id);

    it("takes a replied letter off the mandate's open follow-ups; keepFollowUpOpen keeps it", async () => {
      const log = async (subject: string) =>
        ok(
          await t.gql(
            LOG,
            { input: { type: 'LETTER', occurredOn: day(-20), followUpOn: day(10), subject, stateIso3s: ['NRU'] } },
            cast.france.token,
          ),
        ).logInteraction;
      const answered = await log('Letter answered');
      const kept = await log('Letter answered, follow-up kept');
      const pending = await log('Letter unanswered');
      expect((await openFollowUps()).sort()).toEqual([answered.id, kept.id, pending.id].sort());

      const closed = ok(await t.gql(REPLY, { id: answered.id, on: day(-2) }, cast.france.token)).recordReply;
      expect(closed).toMatchObject({ followUpDone: true, replyReceivedOn: day(-2), awaitingReply: false });
      const open = ok(await t.gql(REPLY, { id: kept.id, on: day(-2), keep: true }, cast.france.token)).recordReply;
      expect(open).toMatchObject({ followUpDone: false, replyReceivedOn: day(-2) });
      expect((await openFollowUps()).sort()).toEqual([kept.id, pending.id].sort());
    });

    it('does the same for a reply given through updateInteraction', async () => {
      const letter = ok(
        await t.gql(
          LOG,
          { input: { type: 'EMAIL', occurredOn: day(-5), followUpOn: day(5), subject: 'E-mail', stateIso3s: ['NRU'] } },
          cast.france.token,
        ),
      ).logInteraction;
      const updated = ok(
        await t.gql(
          UPDATE_INTERACTION,
          { id: letter.id, input: { expectedVersion: letter.version, replyReceivedOn: day(-1) } },
          cast.france.token,
        ),
      ).updateInteraction;
      expect(updated).toMatchObject({ followUpDone: true, replyReceivedOn: day(-1) });
      expect(await openFollowUps()).not.toContain(letter.id);
    });

    it("closes a campaign letter's follow-up when its reply is logged", async () => {
      const input = {
        name: 'Letters with follow-up',
        templateRef: 'letter.docx',
        sendingDate: day(-15),
        followUpOn: day(15),
        stateIso3s: ['MHL', 'FSM'],
      };
      const campaign = ok(await t.gql(CAMPAIGN, { input }, cast.france.token)).createLetterCampaign;
      const [marshall, micronesia] = ['MHL', 'FSM'].map((iso3) => campaign.letters.find((l: any) => l.state.iso3 === iso3));
      expect(await openFollowUps()).toEqual(expect.arrayContaining([marshall.interaction.id, micronesia.interaction.id]));
      const reply = { interactionId: marshall.interaction.id, expectedVersion: marshall.version, receivedOn: day(-1) };
      expect(ok(await t.gql(LETTER_REPLY, { input: reply }, cast.france.token)).logLetterReply.status).toBe('REPLIED');
      const follows = await openFollowUps();
      expect(follows).not.toContain(marshall.interaction.id);
      expect(follows).toContain(micronesia.interaction.id);
    });
  });

  describe("a contact's first posting starts when the contact took office", () => {
    it('starts the posting on postingStartedOn', async () => {
      const input = { fullName: 'Ambassador of Kiribati', posting: 'NEW_YORK_MISSION', stateIso3: 'KIR', postingStartedOn: '2024-09-01' };
      const contact = ok(await t.gql(CREATE_CONTACT, { input }, cast.france.token)).createContact;
      expect(contact.postings).toEqual([
        { from: '2024-09-01', to: null, current: true, posting: 'NEW_YORK_MISSION', state: { iso3: 'KIR' } },
      ]);
      const withoutDate = ok(
        await t.gql(CREATE_CONTACT, { input: { ...input, fullName: 'Deputy', postingStartedOn: undefined } }, cast.france.token),
      ).createContact;
      expect(withoutDate.postings[0].from).toBe(today);
    });

    it('refuses a start after today, or a start with no posting', async () => {
      const input = { fullName: 'Future ambassador', posting: 'CAPITAL', stateIso3: 'KIR', postingStartedOn: day(1) };
      expect(refusal(await t.gql(CREATE_CONTACT, { input }, cast.france.token))).toEqual({
        code: 'BAD_USER_INPUT',
        message: `postingStartedOn (${day(1)}) is after today (${today}): record the posting once it has started`,
      });
      const bare = { fullName: 'Someone', postingStartedOn: '2024-01-01' };
      expect(refusal(await t.gql(CREATE_CONTACT, { input: bare }, cast.france.token))).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'postingStartedOn is the start of the posting: give the posting or the State too',
      });
      const names = ok(await t.gql('{ contacts(first: 100) { edges { node { fullName } } } }', {}, cast.france.token)).contacts.edges.map(
        (e: any) => e.node.fullName,
      );
      expect(names).not.toEqual(expect.arrayContaining(['Future ambassador']));
      expect(names).not.toEqual(expect.arrayContaining(['Someone']));
    });
  });

  describe('obstacles can be moved and deleted', () => {
    const record = async (stateIso3: string, token = cast.france.token, visibility = 'COORDINATORS') =>
      ok(
        await t.gql(
          RECORD_OBSTACLE,
          { input: { stateIso3, category: 'TECHNICAL', description: `Stockpile survey in ${stateIso3}`, visibility } },
          token,
        ),
      ).recordObstacle;

    it('moves an obstacle recorded against the wrong State, audited', async () => {
      const obstacle = await record('TON');
      const moved = ok(
        await t.gql(
          UPDATE_OBSTACLE,
          { id: obstacle.id, input: { expectedVersion: obstacle.version, stateIso3: 'TUV' } },
          cast.panama.token,
        ),
      ).updateObstacle;
      expect(moved).toEqual({ id: obstacle.id, version: obstacle.version + 1, state: { iso3: 'TUV' } });
      const tuvalu = ok(
        await t.gql('{ state(iso3: "TUV") { obstacles { id } } tonga: state(iso3: "TON") { obstacles { id } } }', {}, cast.france.token),
      );
      expect(tuvalu.state.obstacles.map((o: any) => o.id)).toContain(obstacle.id);
      expect(tuvalu.tonga.obstacles.map((o: any) => o.id)).not.toContain(obstacle.id);
      const trail = await audit('obstacles', obstacle.id);
      expect(trail).toContainEqual(
        expect.objectContaining({
          action: 'updateObstacle',
          before: expect.objectContaining({ state_iso3: 'TON' }),
          after: expect.objectContaining({ state_iso3: 'TUV' }),
        }),
      );
    });

    it('refuses to move it to a State Party or an unknown State, or with a stale version', async () => {
      const obstacle = await record('TON');
      const to = (stateIso3: string, expectedVersion = obstacle.version) =>
        t.gql(UPDATE_OBSTACLE, { id: obstacle.id, input: { expectedVersion, stateIso3 } }, cast.france.token);
      expect(refusal(await to('FRA')).message).toContain('France was a State Party');
      expect(codes(await to('XYZ'))).toEqual(['NOT_FOUND']);
      expect(codes(await to('TUV', obstacle.version + 1))).toEqual(['CONFLICT']);
      expect(ok(await t.gql(OBSTACLE, { id: obstacle.id }, cast.france.token)).obstacle).toEqual({
        id: obstacle.id,
        version: obstacle.version,
        state: { iso3: 'TON' },
      });
    });

    it('deletes an obstacle with its expected version, audited; a stale version is a CONFLICT', async () => {
      const obstacle = await record('SLB');
      expect(codes(await t.gql(DELETE_OBSTACLE, { id: obstacle.id, v: obstacle.version + 1 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(ok(await t.gql(OBSTACLE, { id: obstacle.id }, cast.france.token)).obstacle).toEqual(obstacle);
      expect(ok(await t.gql(DELETE_OBSTACLE, { id: obstacle.id, v: obstacle.version }, cast.panama.token)).deleteObstacle).toBe(
        obstacle.id,
      );
      expect(ok(await t.gql(OBSTACLE, { id: obstacle.id }, cast.france.token)).obstacle).toBeNull();
      expect(codes(await t.gql(DELETE_OBSTACLE, { id: obstacle.id, v: obstacle.version }, cast.france.token))).toEqual(['NOT_FOUND']);
      const trail = await audit('obstacles', obstacle.id);
      expect(trail).toContainEqual(
        expect.objectContaining({ action: 'deleteObstacle', after: null, before: expect.objectContaining({ state_iso3: 'SLB' }) }),
      );
    });

    it('deletes only what the viewer may see and change: hidden is NOT_FOUND, a partner is FORBIDDEN', async () => {
      const hidden = await record('PNG', cast.france.token, 'ORGANIZATION');
      expect(codes(await t.gql(DELETE_OBSTACLE, { id: hidden.id, v: hidden.version }, cast.panama.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(DELETE_OBSTACLE, { id: hidden.id, v: hidden.version }, cast.partner.token))).toEqual(['FORBIDDEN']);
      expect(ok(await t.gql(OBSTACLE, { id: hidden.id }, cast.france.token)).obstacle).toEqual(hidden);
    });
  });
});
