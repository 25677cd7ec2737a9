import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createActor, createCast, type Actor, type Cast } from '../support/fixtures.js';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

const START = `mutation($input: StartMandateInput!) { startMandate(input: $input) { id version } }`;
const CAMPAIGN = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id
  letters { state { iso3 } version interaction { id version } } } }`;
const LETTER_REPLY = `mutation($input: LogLetterReplyInput!) { logLetterReply(input: $input) { status replyReceivedOn } }`;
const REPLY = 'mutation($id: ID!, $on: Date!) { recordReply(id: $id, receivedOn: $on) { id replyReceivedOn } }';
const DONE = 'mutation($id: ID!) { markFollowUpDone(id: $id) { id followUpDone version } }';
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { id } }';
const INTERACTION = 'query($id: ID!) { interaction(id: $id) { id subject replyReceivedOn followUpDone } }';
const REPORT = `query($id: ID!) { progressReport(input: { mandateId: $id }) {
  from to statesContacted { count states { iso3 } } interactions { count } interactionsByType { type count }
  letters { sent { count states { iso3 } } answered { count states { iso3 } } unanswered { count states { iso3 } } }
  stageMoves { forward { count } back { count } } obstacles { recorded { count } addressed { count } }
  treaty { signatures { count } ratifications { count } } } }`;
const MANDATE = `query($id: ID!) { mandate(id: $id) { id name version
  targetLists { id name states { iso3 } }
  plannedActivities { id title status version }
  openFollowUps { id }
  handOver { followUps { id subject followUpDone } obstacles { id status version } targetLists { id name states { iso3 } } } } }`;

/**
 * One coordination year, as Panama and France worked in 2017–2018: a joint campaign, replies
 * recorded on each other's letters, a hand-over to the next pair (Austria and the Philippines), who
 * close what was carried over; the earlier mandate's report stays as it was.
 */
describe('a coordination year', () => {
  let t: TestApp;
  let cast: Cast;
  let austria: Actor;
  let philippines: Actor;
  let chile: Actor;
  let year: string;
  let next: string;
  let grouping: { id: string; version: number };
  const ids: Record<string, string> = {};
  const versions: Record<string, number> = {};
  let reportBefore: unknown;
  let mandateBefore: any;

  const actor = (name: string, email: string): Promise<Actor> =>
    createActor(t, cast.admin.token, { organization: name, email, displayName: `${name} coordinator` });
  const report = async (who: Actor, id = year) => ok(await t.gql(REPORT, { id }, who.token)).progressReport;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    austria = await actor('Austria', 'coordinator@austria.example');
    philippines = await actor('Philippines', 'coordinator@philippines.example');
    chile = await actor('Chile', 'coordinator@chile.example');
    grouping = ok(
      await t.gql(
        'mutation { createGrouping(input: { name: "Pacific focus", stateIso3s: ["KIR", "SLB", "TUV"] }) { id version } }',
        {},
        cast.panama.token,
      ),
    ).createGrouping;
    year = ok(
      await t.gql(
        START,
        {
          input: {
            name: 'Coordinators 2017–2018',
            periodFrom: daysAgo(400),
            periodTo: daysAgo(100),
            organizationIds: [cast.panama.organizationId, cast.france.organizationId],
            targetListIds: [grouping.id],
          },
        },
        cast.panama.token,
      ),
    ).startMandate.id;
  });
  afterAll(() => t?.close());

  it("the co-coordinators run a campaign together and record replies on each other's letters", async () => {
    const panamaLetters = ok(
      await t.gql(
        CAMPAIGN,
        {
          input: {
            name: 'Letters to the Pacific',
            templateRef: 'pac-1',
            sendingDate: daysAgo(300),
            stateIso3s: ['SLB', 'TUV'],
            followUpOn: daysAgo(250),
            visibility: 'COORDINATORS',
            mandateId: year,
          },
        },
        cast.panama.token,
      ),
    ).createLetterCampaign;
    const franceLetters = ok(
      await t.gql(
        CAMPAIGN,
        {
          input: {
            name: 'Letters to Micronesia',
            templateRef: 'mic-1',
            sendingDate: daysAgo(280),
            stateIso3s: ['KIR', 'MHL'],
            followUpOn: daysAgo(240),
            visibility: 'MANDATE',
            mandateId: year,
          },
        },
        cast.france.token,
      ),
    ).createLetterCampaign;
    ids.panamaCampaign = panamaLetters.id;
    for (const letter of [...panamaLetters.letters, ...franceLetters.letters]) {
      ids[letter.state.iso3] = letter.interaction.id;
      versions[letter.state.iso3] = letter.version;
    }
    // France logs the reply to Panama's letter to Tuvalu; Panama records the reply to France's letter to Kiribati.
    expect(
      ok(
        await t.gql(
          LETTER_REPLY,
          { input: { campaignId: panamaLetters.id, stateIso3: 'TUV', receivedOn: daysAgo(200), expectedVersion: versions.TUV } },
          cast.france.token,
        ),
      ).logLetterReply.status,
    ).toBe('REPLIED');
    expect(ok(await t.gql(REPLY, { id: ids.KIR, on: daysAgo(190) }, cast.panama.token)).recordReply.replyReceivedOn).toBe(daysAgo(190));
    // Panama's own call stays Panama's, but its follow-up will be carried over.
    ids.call = ok(
      await t.gql(
        LOG,
        {
          input: {
            type: 'PHONE_CALL',
            occurredOn: daysAgo(150),
            subject: 'Call with Tonga',
            stateIso3s: ['TON'],
            followUpOn: daysAgo(120),
            visibility: 'COORDINATORS',
          },
        },
        cast.panama.token,
      ),
    ).logInteraction.id;
    expect(codes(await t.gql(DONE, { id: ids.call }, cast.france.token))).toEqual(['FORBIDDEN']);
    ids.obstacle = ok(
      await t.gql(
        'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id } }',
        {
          input: {
            stateIso3: 'TON',
            category: 'PROCEDURAL',
            description: 'Translation of the Convention',
            recordedOn: daysAgo(220),
            visibility: 'MANDATE',
            mandateId: year,
          },
        },
        cast.france.token,
      ),
    ).recordObstacle.id;
    ok(
      await t.gql(
        'mutation($id: ID!) { planActivity(mandateId: $id, input: { title: "Workshop in Suva", kind: OTHER, plannedOn: "' +
          daysAgo(110) +
          '" }) { id } }',
        { id: year },
        cast.france.token,
      ),
    );

    reportBefore = await report(cast.panama);
    expect(await report(cast.france)).toEqual(reportBefore);
    expect(reportBefore).toMatchObject({ letters: { sent: { count: 4 }, answered: { count: 2 }, unanswered: { count: 2 } } });
    mandateBefore = ok(await t.gql(MANDATE, { id: year }, cast.france.token)).mandate;
    expect(mandateBefore.targetLists[0].states.map((s: any) => s.iso3)).toEqual(['KIR', 'SLB', 'TUV'].sort((a, b) => a.localeCompare(b)));
  });

  it('hands over to Austria and the Philippines, who close what was carried over', async () => {
    next = ok(
      await t.gql(
        START,
        {
          input: {
            name: 'Coordinators 2018–2019',
            periodFrom: daysAgo(99),
            periodTo: daysAgo(-260),
            organizationIds: [austria.organizationId, philippines.organizationId],
            previousMandateId: year,
          },
        },
        cast.admin.token,
      ),
    ).startMandate.id;
    const handed = ok(await t.gql(MANDATE, { id: next }, austria.token)).mandate;
    const carried = handed.handOver.followUps.map((f: any) => f.id);
    expect(carried).toEqual(expect.arrayContaining([ids.SLB, ids.MHL, ids.call]));

    // Austria marks the follow-up of Panama's call done (before: FORBIDDEN), but may not rewrite the call.
    const done = ok(await t.gql(DONE, { id: ids.call }, austria.token)).markFollowUpDone;
    expect(done.followUpDone).toBe(true);
    expect(
      codes(await t.gql(UPDATE, { id: ids.call, input: { subject: 'Rewritten', expectedVersion: done.version } }, austria.token)),
    ).toEqual(['FORBIDDEN']);
    // The Philippines log the reply to Panama's letter to Solomon Islands, and record the one to France's letter to the Marshall Islands (a MANDATE letter they read as successors).
    expect(
      ok(
        await t.gql(
          LETTER_REPLY,
          { input: { campaignId: ids.panamaCampaign, stateIso3: 'SLB', receivedOn: daysAgo(50), expectedVersion: versions.SLB } },
          philippines.token,
        ),
      ).logLetterReply.status,
    ).toBe('REPLIED');
    expect(ok(await t.gql(REPLY, { id: ids.MHL, on: daysAgo(40) }, philippines.token)).recordReply.replyReceivedOn).toBe(daysAgo(40));
    // The obstacle and the carried activity are closed by the successors.
    const obstacle = handed.handOver.obstacles.find((o: any) => o.id === ids.obstacle);
    ok(
      await t.gql(
        'mutation($id: ID!, $v: Int!) { resolveObstacle(id: $id, expectedVersion: $v) { status } }',
        { id: ids.obstacle, v: obstacle.version },
        austria.token,
      ),
    );
    const activity = handed.plannedActivities[0];
    ok(
      await t.gql(
        'mutation($id: ID!, $v: Int!) { updatePlannedActivity(id: $id, input: { expectedVersion: $v, status: DONE }) { status } }',
        { id: activity.id, v: activity.version },
        philippines.token,
      ),
    );

    // Chile, outside both mandates, closes nothing: it may not see the MANDATE letter at all.
    expect(codes(await t.gql(REPLY, { id: ids.SLB, on: daysAgo(30) }, chile.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REPLY, { id: ids.MHL, on: daysAgo(30) }, chile.token))).toEqual(['NOT_FOUND']);
  });

  it('copies the carried target list on write: the earlier mandate keeps its list as it was', async () => {
    const current = ok(await t.gql('query($id: ID!) { grouping(id: $id) { version } }', { id: grouping.id }, austria.token)).grouping;
    ok(
      await t.gql(
        'mutation($id: ID!, $v: Int!) { updateGrouping(id: $id, input: { expectedVersion: $v, stateIso3s: ["KIR", "SLB", "TUV", "VUT", "FSM"] }) { id } }',
        { id: grouping.id, v: current.version },
        austria.token,
      ),
    );
    const before = mandateBefore.targetLists[0].states.map((s: any) => s.iso3);
    const earlier = ok(await t.gql(MANDATE, { id: year }, cast.panama.token)).mandate;
    expect(earlier.targetLists[0].states.map((s: any) => s.iso3)).toEqual(before);
    const later = ok(await t.gql(MANDATE, { id: next }, philippines.token)).mandate;
    expect(later.targetLists[0].states.map((s: any) => s.iso3).sort()).toEqual(['FSM', 'KIR', 'SLB', 'TUV', 'VUT']);
  });

  it("leaves the earlier mandate's report unchanged, the same for both of its organizations, and its work readable to them", async () => {
    expect(await report(cast.panama)).toEqual(reportBefore);
    expect(await report(cast.france)).toEqual(reportBefore);
    // Panama and France still read what they did, closed since by their successors.
    const letter = ok(await t.gql(INTERACTION, { id: ids.MHL }, cast.panama.token)).interaction;
    expect(letter).toMatchObject({ id: ids.MHL, replyReceivedOn: daysAgo(40) });
    expect(ok(await t.gql(INTERACTION, { id: ids.call }, cast.france.token)).interaction.followUpDone).toBe(true);
    // The successors' report counts their own period's work, the same for both of them.
    expect(await report(austria, next)).toEqual(await report(philippines, next));
  });
});
