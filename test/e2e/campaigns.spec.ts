import { DataSource } from 'typeorm';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const CREATE = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id name templateRef sendingDate visibility version
  owner { email } organization { name } } }`;
const LETTER_FIELDS = `status sentOn replyReceivedOn replyNote addressedPosting addressedTo version state { iso3 } contacts { fullName }
  interaction { id type occurredOn subject visibility awaitingReply replyReceivedOn followUpDone version }`;
const READ = `query($id: ID!) { letterCampaign(id: $id) { id name visibility
  letters { ${LETTER_FIELDS} }
  progress { sent replied noReply followUpDone sentStates { iso3 } repliedStates { iso3 } noReplyStates { iso3 } followUpDoneStates { iso3 } } } }`;
const NO_REPLY = `query($id: ID!, $days: Int!, $asOf: Date) { letterCampaign(id: $id) { noReplyAfter(days: $days, asOf: $asOf) {
  state { iso3 } daysWithoutReply letter { status addressedTo }
  suggestedFollowUps { channel reason contact { fullName } organization { name } } } } }`;
const REPLY = `mutation($input: LogLetterReplyInput!) { logLetterReply(input: $input) { ${LETTER_FIELDS} } }`;
const FOLLOWED = `mutation($input: MarkCampaignFollowUpDoneInput!) { markCampaignFollowUpDone(input: $input) { ${LETTER_FIELDS} } }`;
const LIST = `{ letterCampaigns(first: 50) { totalCount edges { node { name } } } }`;
const FEED = `{ activityFeed(filter: { kinds: [CAMPAIGN_CREATED, LETTER_REPLY_LOGGED] }, first: 100) { edges { node { kind summary states { iso3 } interaction { id } } } } }`;

/**
 * The January letters to the Pacific and Latin American States not Party, as the coordinators
 * sent them in 2018: one filter of the target list (the Pacific sub-regions of the Asia-Pacific
 * Group, and the Latin American and Caribbean Group).
 */
const TARGETS = {
  regionalGroups: ['ASIA_PACIFIC', 'LATIN_AMERICAN_AND_CARIBBEAN'],
  subregions: ['Melanesia', 'Micronesia', 'Polynesia', 'Latin America and the Caribbean'],
};
/** The States not Party of those regions, by name (UN Treaty Collection status as loaded). */
const PACIFIC_AND_LATIN_AMERICA = ['ARG', 'BHS', 'BRB', 'BRA', 'DMA', 'HTI', 'JAM', 'KIR', 'MHL', 'FSM', 'PNG', 'SLB', 'SUR', 'TON', 'TUV', 'VEN'];

const NAME = 'January 2018 letters: Pacific and Latin America';

describe('letter campaigns', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let campaign: any;
  const contacts: Record<string, string> = {};

  const read = async (id: string, actor: Actor = cast.france) => ok(await t.gql(READ, { id }, actor.token)).letterCampaign;
  const letterOf = (c: any, iso3: string) => c.letters.find((l: any) => l.state.iso3 === iso3);
  const counts = async () => {
    const [row] = await db.query(`SELECT (SELECT count(*) FROM letter_campaigns)::int AS campaigns, (SELECT count(*) FROM campaign_letters)::int AS letters,
      (SELECT count(*) FROM interactions)::int AS interactions, (SELECT count(*) FROM interaction_contacts)::int AS links,
      (SELECT count(*) FROM activity_events)::int AS events`);
    return row;
  };
  const feed = async (actor: Actor) => ok(await t.gql(FEED, {}, actor.token)).activityFeed.edges.map((e: any) => e.node);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    const people: [string, string, string | null][] = [
      ['KIR', 'Kiribati delegate in Geneva', 'GENEVA_MISSION'],
      ['KIR', 'Kiribati foreign ministry officer', 'CAPITAL'],
      ['TON', 'Tonga delegate in New York', 'NEW_YORK_MISSION'],
      ['TON', 'Tonga foreign ministry officer', 'CAPITAL'],
      ['BRA', 'Brazil delegate in Geneva', 'GENEVA_MISSION'],
      ['BRA', 'Brazil delegate in New York', 'NEW_YORK_MISSION'],
      ['JAM', 'Jamaica delegate in Geneva', 'GENEVA_MISSION'],
      ['JAM', 'Jamaica foreign ministry officer', 'CAPITAL'],
      ['VEN', 'Venezuela adviser', null],
    ];
    for (const [stateIso3, fullName, posting] of people) {
      const created = await t.gql('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', { input: { fullName, stateIso3, posting } }, cast.france.token);
      contacts[fullName] = ok(created).createContact.id;
    }
    // The Coalition's shared work with Kiribati and Argentina: a partner to suggest for a follow-up.
    for (const stateIso3 of ['KIR', 'ARG', 'KIR']) {
      const input = { type: 'BILATERAL_MEETING', occurredOn: '2017-11-20', subject: `Coalition meeting with ${stateIso3}`, stateIso3s: [stateIso3] };
      ok(await t.gql('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', { input }, cast.partner.token));
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('turns a target list into a campaign: one LETTER per State, addressed by posting, by hand, or to nobody on file', async () => {
    const before = await counts();
    const input = {
      name: NAME,
      templateRef: 'letters/2018-01-ccm-universalization.docx',
      sendingDate: '2018-01-15',
      targets: TARGETS,
      recipients: [{ stateIso3: 'JAM', contactIds: [contacts['Jamaica foreign ministry officer']] }],
    };
    campaign = ok(await t.gql(CREATE, { input }, cast.france.token)).createLetterCampaign;
    expect(campaign).toMatchObject({
      name: NAME,
      sendingDate: '2018-01-15',
      visibility: 'ORGANIZATION',
      version: 1,
      owner: { email: 'coordinator@france.example' },
      organization: { name: 'France' },
    });
    const after = await counts();
    expect(after).toEqual({ ...before, campaigns: before.campaigns + 1, letters: before.letters + 16, interactions: before.interactions + 16, links: before.links + 4, events: before.events + 1 });

    const read1 = await read(campaign.id);
    expect(read1.letters.map((l: any) => l.state.iso3).sort()).toEqual([...PACIFIC_AND_LATIN_AMERICA].sort());
    for (const letter of read1.letters) {
      expect(letter).toMatchObject({ status: 'AWAITING_REPLY', sentOn: '2018-01-15', version: 1 });
      expect(letter.interaction).toMatchObject({ type: 'LETTER', occurredOn: '2018-01-15', subject: NAME, visibility: 'ORGANIZATION', awaitingReply: true });
    }
    expect(letterOf(read1, 'KIR')).toMatchObject({
      addressedPosting: 'GENEVA_MISSION',
      addressedTo: 'Kiribati delegate in Geneva (the mission in Geneva)',
      contacts: [{ fullName: 'Kiribati delegate in Geneva' }],
    });
    expect(letterOf(read1, 'TON')).toMatchObject({ addressedPosting: 'NEW_YORK_MISSION', contacts: [{ fullName: 'Tonga delegate in New York' }] });
    expect(letterOf(read1, 'BRA')).toMatchObject({ addressedPosting: 'GENEVA_MISSION', contacts: [{ fullName: 'Brazil delegate in Geneva' }] });
    expect(letterOf(read1, 'JAM')).toMatchObject({
      addressedPosting: null,
      addressedTo: 'Jamaica foreign ministry officer',
      contacts: [{ fullName: 'Jamaica foreign ministry officer' }],
    });
    // No contact on file (Venezuela's only contact has no posting): the letter goes all the same, and says so.
    for (const iso3 of ['ARG', 'VEN']) {
      expect(letterOf(read1, iso3)).toMatchObject({
        addressedPosting: null,
        addressedTo: 'no contact on file at the mission in Geneva, the mission in New York, the capital',
        contacts: [],
      });
    }
  });

  it('logs replies and follow-ups, and counts the progress', async () => {
    const brazil = letterOf(await read(campaign.id), 'BRA');
    const replied = ok(
      await t.gql(REPLY, { input: { interactionId: brazil.interaction.id, receivedOn: '2018-02-01', note: 'Considering accession', expectedVersion: 1 } }, cast.france.token),
    ).logLetterReply;
    expect(replied).toMatchObject({ status: 'REPLIED', replyReceivedOn: '2018-02-01', replyNote: 'Considering accession', version: 2 });
    expect(replied.interaction).toMatchObject({ awaitingReply: false, replyReceivedOn: '2018-02-01' });

    const tonga = ok(await t.gql(REPLY, { input: { campaignId: campaign.id, stateIso3: 'TON', receivedOn: '2018-02-20', expectedVersion: 1 } }, cast.france.token));
    expect(tonga.logLetterReply).toMatchObject({ status: 'REPLIED', replyNote: null });

    const suriname = ok(await t.gql(FOLLOWED, { input: { campaignId: campaign.id, stateIso3: 'SUR', doneOn: '2018-03-01', expectedVersion: 1 } }, cast.france.token));
    expect(suriname.markCampaignFollowUpDone).toMatchObject({ status: 'FOLLOWED_UP', version: 2, interaction: { followUpDone: true, awaitingReply: true } });

    const { progress } = await read(campaign.id);
    expect(progress).toMatchObject({ sent: 16, replied: 2, noReply: 13, followUpDone: 1 });
    expect(progress.repliedStates.map((s: any) => s.iso3)).toEqual(['BRA', 'TON']);
    expect(progress.followUpDoneStates.map((s: any) => s.iso3)).toEqual(['SUR']);
    expect(progress.noReplyStates.map((s: any) => s.iso3).sort()).toEqual(PACIFIC_AND_LATIN_AMERICA.filter((s) => !['BRA', 'TON', 'SUR'].includes(s)).sort());
    expect(progress.sentStates).toHaveLength(16);
  });

  it('lists the States with no reply after N days, with whom to try next', async () => {
    const late = ok(await t.gql(NO_REPLY, { id: campaign.id, days: 30, asOf: '2018-03-01' }, cast.france.token)).letterCampaign.noReplyAfter;
    expect(late.map((l: any) => l.state.iso3).sort()).toEqual(PACIFIC_AND_LATIN_AMERICA.filter((s) => !['BRA', 'TON', 'SUR'].includes(s)).sort());
    for (const entry of late) expect(entry).toMatchObject({ daysWithoutReply: 45, letter: { status: 'AWAITING_REPLY' } });
    const of = (iso3: string) => late.find((l: any) => l.state.iso3 === iso3).suggestedFollowUps;
    // Geneva had the letter: the capital next, then the Coalition, which works with Kiribati.
    expect(of('KIR')).toEqual([
      {
        channel: 'CAPITAL',
        reason: 'The letter went to the mission in Geneva; try Kiribati foreign ministry officer (the capital)',
        contact: { fullName: 'Kiribati foreign ministry officer' },
        organization: null,
      },
      {
        channel: 'PARTNER_ORGANIZATION',
        reason: 'Cluster Munition Coalition logged 2 shared interactions with Kiribati (the latest on 2017-11-20)',
        contact: null,
        organization: { name: 'Cluster Munition Coalition' },
      },
    ]);
    expect(of('ARG')).toEqual([expect.objectContaining({ channel: 'PARTNER_ORGANIZATION', organization: { name: 'Cluster Munition Coalition' } })]);
    expect(of('JAM')).toEqual([expect.objectContaining({ channel: 'GENEVA_MISSION', contact: { fullName: 'Jamaica delegate in Geneva' } })]);
    expect(of('VEN')).toEqual([expect.objectContaining({ channel: 'OTHER', contact: { fullName: 'Venezuela adviser' } })]);
    expect(of('FSM')).toEqual([]);

    // Not yet 30 days on 2018-02-10, nor 60 on 2018-03-01.
    for (const [days, asOf] of [[30, '2018-02-10'], [60, '2018-03-01']] as const) {
      const none = ok(await t.gql(NO_REPLY, { id: campaign.id, days, asOf }, cast.france.token)).letterCampaign.noReplyAfter;
      expect(none).toEqual([]);
    }
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const kiribati = letterOf(await read(campaign.id), 'KIR');
    const stale = await t.gql(REPLY, { input: { interactionId: kiribati.interaction.id, receivedOn: '2018-03-05', expectedVersion: 7 } }, cast.france.token);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const brazil = letterOf(await read(campaign.id), 'BRA');
    const again = await t.gql(REPLY, { input: { interactionId: brazil.interaction.id, receivedOn: '2018-03-05', expectedVersion: 1 } }, cast.france.token);
    expect(codes(again)).toEqual(['CONFLICT']);
    const after = await read(campaign.id);
    expect(letterOf(after, 'KIR')).toMatchObject({ status: 'AWAITING_REPLY', version: 1 });
    expect(letterOf(after, 'BRA')).toMatchObject({ replyReceivedOn: '2018-02-01', version: 2 });
  });

  it('writes all or nothing: a bad State code or a contact of another State refuses the whole campaign', async () => {
    const before = await counts();
    const base = { name: 'Refused', templateRef: 'letters/refused.docx', sendingDate: '2018-01-15' };
    const bad = [
      { ...base, stateIso3s: ['KIR', 'TON', 'XXX'] },
      { ...base, targets: TARGETS, recipients: [{ stateIso3: 'KIR', contactIds: [contacts['Brazil delegate in Geneva']] }] },
      { ...base, stateIso3s: ['KIR'], recipients: [{ stateIso3: 'TON', contactIds: [contacts['Tonga delegate in New York']] }] },
      { ...base, stateIso3s: ['KIR'], targets: TARGETS },
      { ...base, targets: { ...TARGETS, search: 'Atlantis' } },
    ];
    for (const input of bad) expect(codes(await t.gql(CREATE, { input }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    expect(await counts()).toEqual(before);
  });

  it('applies the visibility rule to campaigns, letters and the feed', async () => {
    const coordinators = ok(
      await t.gql(CREATE, { input: { name: 'Coordinators letter', templateRef: 'letters/c.docx', sendingDate: '2018-01-20', stateIso3s: ['FSM', 'KIR'], visibility: 'COORDINATORS' } }, cast.france.token),
    ).createLetterCampaign;
    const shared = ok(
      await t.gql(CREATE, { input: { name: 'Shared letter', templateRef: 'letters/s.docx', sendingDate: '2018-01-25', stateIso3s: ['TUV'], visibility: 'SHARED' } }, cast.panama.token),
    ).createLetterCampaign;

    const names = async (actor: Actor) => ok(await t.gql(LIST, {}, actor.token)).letterCampaigns.edges.map((e: any) => e.node.name);
    expect(await names(cast.france)).toEqual(['Shared letter', 'Coordinators letter', NAME]);
    expect(await names(cast.panama)).toEqual(['Shared letter', 'Coordinators letter']);
    expect(await names(cast.admin)).toEqual(['Shared letter', 'Coordinators letter']);
    expect(await names(cast.partner)).toEqual(['Shared letter']);
    const filtered = async (filter: Record<string, unknown>) =>
      ok(await t.gql('query($filter: LetterCampaignFilter) { letterCampaigns(filter: $filter) { edges { node { name } } } }', { filter }, cast.france.token))
        .letterCampaigns.edges.map((e: any) => e.node.name);
    expect(await filtered({ stateIso3s: ['FSM'] })).toEqual(['Coordinators letter', NAME]);
    expect(await filtered({ from: '2018-01-16', to: '2018-01-24' })).toEqual(['Coordinators letter']);
    expect(await filtered({ organizationIds: [cast.panama.organizationId] })).toEqual(['Shared letter']);

    for (const actor of [cast.panama, cast.partner, cast.admin]) expect(await read(campaign.id, actor)).toBeNull();
    expect(await read(coordinators.id, cast.partner)).toBeNull();
    expect((await read(shared.id, cast.partner)).letters).toHaveLength(1);
    expect((await read(coordinators.id, cast.panama)).progress).toMatchObject({ sent: 2, noReply: 2 });

    // The letters are interactions under the same rule.
    const letters = async (actor: Actor) =>
      ok(await t.gql('{ interactions(filter: { types: [LETTER] }, first: 100) { totalCount } }', {}, actor.token)).interactions.totalCount;
    expect(await letters(cast.france)).toBe(16 + 2 + 1);
    expect(await letters(cast.panama)).toBe(2 + 1);
    expect(await letters(cast.partner)).toBe(1);

    // Another organization may read but not answer France's letters; a partner may not write at all.
    const kiribati = letterOf(await read(coordinators.id, cast.panama), 'KIR');
    const input = { interactionId: kiribati.interaction.id, receivedOn: '2018-02-01', expectedVersion: 1 };
    expect(codes(await t.gql(REPLY, { input }, cast.panama.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REPLY, { input }, cast.partner.token))).toEqual(['FORBIDDEN']);
    // France's confidential letter is not found for Panama.
    const hidden = letterOf(await read(campaign.id), 'FSM');
    expect(codes(await t.gql(REPLY, { input: { ...input, interactionId: hidden.interaction.id } }, cast.panama.token))).toEqual(['NOT_FOUND']);
    expect(ok(await t.gql(REPLY, { input }, cast.france.token)).logLetterReply.status).toBe('REPLIED');

    const kinds = (events: any[]) => events.map((e) => `${e.kind}: ${e.summary}`);
    expect(kinds(await feed(cast.france))).toEqual([
      'LETTER_REPLY_LOGGED: Reply from Kiribati to the letter "Coordinators letter", received on 2018-02-01',
      'CAMPAIGN_CREATED: Letter campaign "Shared letter": 1 letter sent on 2018-01-25',
      'CAMPAIGN_CREATED: Letter campaign "Coordinators letter": 2 letters sent on 2018-01-20',
      'LETTER_REPLY_LOGGED: Reply from Tonga to the letter "January 2018 letters: Pacific and Latin America", received on 2018-02-20',
      'LETTER_REPLY_LOGGED: Reply from Brazil to the letter "January 2018 letters: Pacific and Latin America", received on 2018-02-01',
      `CAMPAIGN_CREATED: Letter campaign "${NAME}": 16 letters sent on 2018-01-15`,
    ]);
    expect(kinds(await feed(cast.panama))).toEqual([
      'LETTER_REPLY_LOGGED: Reply from Kiribati to the letter "Coordinators letter", received on 2018-02-01',
      'CAMPAIGN_CREATED: Letter campaign "Shared letter": 1 letter sent on 2018-01-25',
      'CAMPAIGN_CREATED: Letter campaign "Coordinators letter": 2 letters sent on 2018-01-20',
    ]);
    expect(kinds(await feed(cast.partner))).toEqual(['CAMPAIGN_CREATED: Letter campaign "Shared letter": 1 letter sent on 2018-01-25']);
    const created = (await feed(cast.france)).find((e: any) => e.summary.includes(NAME) && e.kind === 'CAMPAIGN_CREATED');
    expect(created.states.map((s: any) => s.iso3).sort()).toEqual([...PACIFIC_AND_LATIN_AMERICA].sort());
  });

  it('serves the letters of many campaigns in a constant number of statements', async () => {
    const query = `{ letterCampaigns(first: 50) { edges { node { name progress { sent } letters { state { name } contacts { fullName } interaction { version } } noReplyAfter(days: 1) { suggestedFollowUps { reason } } } } } }`;
    const { statements: all } = await t.counter.measure(() => t.gql(query, {}, cast.france.token));
    const { statements: one } = await t.counter.measure(() => t.gql(query.replace('first: 50', 'first: 1'), {}, cast.france.token));
    expect(all).toBe(one);
  });
});
