import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createActor, createCast, type Actor, type Cast } from '../support/fixtures.js';
import { subscribe } from '../support/subscriptions.js';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

const START = `mutation($input: StartMandateInput!) { startMandate(input: $input) { id version } }`;
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version mandateId visibility } }';
const CAMPAIGN = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id version mandateId
  letters { state { iso3 } version interaction { id version } } } }`;
const REPLY = 'mutation($id: ID!, $on: Date!) { recordReply(id: $id, receivedOn: $on) { id replyReceivedOn } }';
const DONE = 'mutation($id: ID!) { markFollowUpDone(id: $id) { id followUpDone version } }';
const LETTER_REPLY = `mutation($input: LogLetterReplyInput!) { logLetterReply(input: $input) { status replyReceivedOn } }`;
const REPORT = `query($input: ProgressReportInput!) { progressReport(input: $input) {
  statesContacted { count states { iso3 } } interactions { count } letters { sent { count } answered { count } unanswered { count } }
  obstacles { recorded { count } addressed { count } } } }`;

/**
 * A mandate is a team: Panama and France, co-coordinators, share the mandate's work. What the issue
 * measured, each as it was reported. Who may change the team's work, and who reads what is kept to
 * the MANDATE, is tested on the services (test/service/joint-work.spec.ts).
 */
describe('joint work of a mandate', () => {
  let t: TestApp;
  let cast: Cast;
  let chile: Actor;
  let mandate: string;

  const actor = (name: string, email: string): Promise<Actor> =>
    createActor(t, cast.admin.token, { organization: name, email, displayName: `${name} coordinator` });
  const log = async (who: Actor, input: Record<string, unknown>) => ok(await t.gql(LOG, { input }, who.token)).logInteraction;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    chile = await actor('Chile', 'coordinator@chile.example');
    mandate = ok(
      await t.gql(
        START,
        {
          input: {
            name: 'Coordinators 2026',
            periodFrom: daysAgo(100),
            periodTo: daysAgo(-200),
            organizationIds: [cast.panama.organizationId, cast.france.organizationId],
          },
        },
        cast.panama.token,
      ),
    ).startMandate.id;
  });
  afterAll(() => t?.close());

  it('lets France record a reply to a letter of the joint campaign that Panama created', async () => {
    const campaign = ok(
      await t.gql(
        CAMPAIGN,
        {
          input: {
            name: 'Joint letters',
            templateRef: 'doc-1',
            sendingDate: daysAgo(30),
            stateIso3s: ['KIR', 'TUV'],
            followUpOn: daysAgo(5),
            visibility: 'COORDINATORS',
            mandateId: mandate,
          },
        },
        cast.panama.token,
      ),
    ).createLetterCampaign;
    expect(campaign.mandateId).toBe(mandate);
    const [kiribati, tuvalu] = campaign.letters;
    expect(kiribati.state.iso3).toBe('KIR');
    // France, the co-coordinator, records the replies and the follow-up (before: FORBIDDEN).
    expect(ok(await t.gql(REPLY, { id: kiribati.interaction.id, on: daysAgo(10) }, cast.france.token)).recordReply.replyReceivedOn).toBe(
      daysAgo(10),
    );
    expect(
      ok(
        await t.gql(
          LETTER_REPLY,
          { input: { campaignId: campaign.id, stateIso3: 'TUV', receivedOn: daysAgo(9), expectedVersion: tuvalu.version } },
          cast.france.token,
        ),
      ).logLetterReply,
    ).toEqual({ status: 'REPLIED', replyReceivedOn: daysAgo(9) });
    // Chile, a coordinator outside the mandate, may see the letters but not change them.
    expect(codes(await t.gql(DONE, { id: kiribati.interaction.id }, chile.token))).toEqual(['FORBIDDEN']);
    // France edits the joint campaign too.
    const update = `mutation($input: UpdateLetterCampaignInput!) { updateLetterCampaign(input: $input) { name } }`;
    expect(
      ok(
        await t.gql(
          update,
          { input: { id: campaign.id, expectedVersion: campaign.version, name: 'Joint letters 2026' } },
          cast.france.token,
        ),
      ).updateLetterCampaign.name,
    ).toBe('Joint letters 2026');
    // France may give Panama's campaign to one of Panama's coordinators (the owner stays in the campaign's organization); Chile may not.
    const OWNERS = `query($id: ID!) { letterCampaign(id: $id) { possibleOwners { id } } }`;
    expect(ok(await t.gql(OWNERS, { id: campaign.id }, cast.france.token)).letterCampaign.possibleOwners).toEqual([{ id: cast.panama.id }]);
    expect(ok(await t.gql(OWNERS, { id: campaign.id }, chile.token)).letterCampaign.possibleOwners).toBeNull();
  });

  it('gives both co-coordinators the same progress report for the mandate', async () => {
    await log(cast.panama, {
      type: 'BILATERAL_MEETING',
      occurredOn: daysAgo(20),
      subject: 'Private to Panama',
      stateIso3s: ['PLW'],
      visibility: 'ORGANIZATION',
    });
    await log(cast.france, {
      type: 'BILATERAL_MEETING',
      occurredOn: daysAgo(20),
      subject: 'Private to France',
      stateIso3s: ['FSM'],
      visibility: 'ORGANIZATION',
    });
    await log(cast.france, {
      type: 'DEMARCHE',
      occurredOn: daysAgo(18),
      subject: 'For the team',
      stateIso3s: ['MHL'],
      visibility: 'MANDATE',
      mandateId: mandate,
    });
    const panama = ok(await t.gql(REPORT, { input: { mandateId: mandate } }, cast.panama.token)).progressReport;
    const france = ok(await t.gql(REPORT, { input: { mandateId: mandate } }, cast.france.token)).progressReport;
    expect(france).toEqual(panama);
    const contacted = panama.statesContacted.states.map((s: { iso3: string }) => s.iso3);
    expect(contacted).toContain('MHL');
    expect(contacted).not.toContain('PLW');
    expect(contacted).not.toContain('FSM');
  });

  describe('the MANDATE visibility', () => {
    let item: { id: string };

    beforeAll(async () => {
      item = await log(cast.panama, {
        type: 'LETTER',
        occurredOn: daysAgo(4),
        subject: 'For the mandate only',
        stateIso3s: ['SLB'],
        visibility: 'MANDATE',
        mandateId: mandate,
      });
    });

    it("counts on a State's page, its last contact and the feed only for the mandate's organizations", async () => {
      const STATE = `{ state(iso3: "SLB") { interactions(first: 10) { totalCount edges { node { id } } } } targets(filter: { search: "SLB" }) { edges { node { state { iso3 } lastContactOn } } } }`;
      const FEED = `{ activityFeed(filter: { stateIso3s: ["SLB"] }, first: 20) { edges { node { kind interaction { id } } } } }`;
      for (const [who, sees] of [
        [cast.france, true],
        [chile, false],
        [cast.partner, false],
      ] as const) {
        const data = ok(await t.gql(STATE, {}, who.token));
        expect([data.state.interactions.totalCount, data.state.interactions.edges.length]).toEqual(sees ? [1, 1] : [0, 0]);
        expect(data.targets.edges[0].node.lastContactOn).toBe(sees ? daysAgo(4) : null);
        const feed = ok(await t.gql(FEED, {}, who.token)).activityFeed.edges;
        expect(feed.some((e: any) => e.node.interaction?.id === item.id)).toBe(sees);
      }
    });

    it("is delivered live over WebSocket to the mandate's organizations only", async () => {
      const ADDED = 'subscription { activityAdded(filter: { kinds: [INTERACTION_LOGGED, CAMPAIGN_CREATED] }) { kind summary } }';
      const [france, chileLive] = [await subscribe(t.url, cast.france.token, ADDED), await subscribe(t.url, chile.token, ADDED)];
      try {
        await log(cast.panama, {
          type: 'EMAIL',
          occurredOn: daysAgo(1),
          subject: 'Live for the team',
          stateIso3s: ['SLB'],
          visibility: 'MANDATE',
          mandateId: mandate,
        });
        ok(
          await t.gql(
            CAMPAIGN,
            {
              input: {
                name: 'Live team letters',
                templateRef: 'doc-2',
                sendingDate: daysAgo(1),
                stateIso3s: ['SLB'],
                visibility: 'MANDATE',
                mandateId: mandate,
              },
            },
            cast.panama.token,
          ),
        );
        await log(cast.panama, {
          type: 'EMAIL',
          occurredOn: daysAgo(1),
          subject: 'Live for everyone',
          stateIso3s: ['SLB'],
          visibility: 'COORDINATORS',
        });
        await france.waitFor(3, 2000);
        await chileLive.waitFor(1, 2000);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(france.received.map((r) => r.data.activityAdded.summary)).toEqual([
          expect.stringContaining('Live for the team'),
          expect.stringContaining('Live team letters'),
          expect.stringContaining('Live for everyone'),
        ]);
        expect(chileLive.received.map((r) => r.data.activityAdded.summary)).toEqual([expect.stringContaining('Live for everyone')]);
      } finally {
        await Promise.all([france.close(), chileLive.close()]);
      }
    });
  });
});
