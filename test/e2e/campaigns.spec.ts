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
const UPDATE = `mutation($input: UpdateLetterCampaignInput!) { updateLetterCampaign(input: $input) { id name templateRef sendingDate visibility version owner { email } } }`;
const DELETE = `mutation($id: ID!, $expectedVersion: Int!) { deleteLetterCampaign(id: $id, expectedVersion: $expectedVersion) }`;
const UPDATE_LETTER = `mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { version } }`;
const CHANGES = `{ activityFeed(filter: { kinds: [CAMPAIGN_CHANGED, CAMPAIGN_DELETED] }, first: 100) { edges { node { kind summary states { iso3 } } } } }`;
const AUDIT = `query($entity: String!, $entityId: String) { auditLog(filter: { entity: $entity, entityId: $entityId }, first: 200) {
  edges { node { action entityId actor { email } before after } } } }`;

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
const PACIFIC_AND_LATIN_AMERICA = [
  'ARG',
  'BHS',
  'BRB',
  'BRA',
  'DMA',
  'HTI',
  'JAM',
  'KIR',
  'MHL',
  'FSM',
  'PNG',
  'SLB',
  'SUR',
  'TON',
  'TUV',
  'VEN',
];

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
    const [row] =
      await db.query(`SELECT (SELECT count(*) FROM letter_campaigns)::int AS campaigns, (SELECT count(*) FROM campaign_letters)::int AS letters,
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
      const created = await t.gql(
        'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
        { input: { fullName, stateIso3, posting } },
        cast.france.token,
      );
      contacts[fullName] = ok(created).createContact.id;
    }
    // The Coalition's shared work with Kiribati and Argentina: a partner to suggest for a follow-up.
    for (const stateIso3 of ['KIR', 'ARG', 'KIR']) {
      const input = {
        type: 'BILATERAL_MEETING',
        occurredOn: '2017-11-20',
        subject: `Coalition meeting with ${stateIso3}`,
        stateIso3s: [stateIso3],
      };
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
    expect(after).toEqual({
      ...before,
      campaigns: before.campaigns + 1,
      letters: before.letters + 16,
      interactions: before.interactions + 16,
      links: before.links + 4,
      events: before.events + 1,
    });

    const read1 = await read(campaign.id);
    expect(read1.letters.map((l: any) => l.state.iso3).sort()).toEqual([...PACIFIC_AND_LATIN_AMERICA].sort());
    for (const letter of read1.letters) {
      expect(letter).toMatchObject({ status: 'AWAITING_REPLY', sentOn: '2018-01-15', version: 1 });
      expect(letter.interaction).toMatchObject({
        type: 'LETTER',
        occurredOn: '2018-01-15',
        subject: NAME,
        visibility: 'ORGANIZATION',
        awaitingReply: true,
      });
    }
    expect(letterOf(read1, 'KIR')).toMatchObject({
      addressedPosting: 'GENEVA_MISSION',
      addressedTo: 'Kiribati delegate in Geneva (the mission in Geneva)',
      contacts: [{ fullName: 'Kiribati delegate in Geneva' }],
    });
    expect(letterOf(read1, 'TON')).toMatchObject({
      addressedPosting: 'NEW_YORK_MISSION',
      contacts: [{ fullName: 'Tonga delegate in New York' }],
    });
    expect(letterOf(read1, 'BRA')).toMatchObject({
      addressedPosting: 'GENEVA_MISSION',
      contacts: [{ fullName: 'Brazil delegate in Geneva' }],
    });
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
      await t.gql(
        REPLY,
        { input: { interactionId: brazil.interaction.id, receivedOn: '2018-02-01', note: 'Considering accession', expectedVersion: 1 } },
        cast.france.token,
      ),
    ).logLetterReply;
    expect(replied).toMatchObject({ status: 'REPLIED', replyReceivedOn: '2018-02-01', replyNote: 'Considering accession', version: 2 });
    expect(replied.interaction).toMatchObject({ awaitingReply: false, replyReceivedOn: '2018-02-01' });

    const tonga = ok(
      await t.gql(
        REPLY,
        { input: { campaignId: campaign.id, stateIso3: 'TON', receivedOn: '2018-02-20', expectedVersion: 1 } },
        cast.france.token,
      ),
    );
    expect(tonga.logLetterReply).toMatchObject({ status: 'REPLIED', replyNote: null });

    const suriname = ok(
      await t.gql(
        FOLLOWED,
        { input: { campaignId: campaign.id, stateIso3: 'SUR', doneOn: '2018-03-01', expectedVersion: 1 } },
        cast.france.token,
      ),
    );
    expect(suriname.markCampaignFollowUpDone).toMatchObject({
      status: 'FOLLOWED_UP',
      version: 2,
      interaction: { followUpDone: true, awaitingReply: true },
    });

    const { progress } = await read(campaign.id);
    expect(progress).toMatchObject({ sent: 16, replied: 2, noReply: 13, followUpDone: 1 });
    expect(progress.repliedStates.map((s: any) => s.iso3)).toEqual(['BRA', 'TON']);
    expect(progress.followUpDoneStates.map((s: any) => s.iso3)).toEqual(['SUR']);
    expect(progress.noReplyStates.map((s: any) => s.iso3).sort()).toEqual(
      PACIFIC_AND_LATIN_AMERICA.filter((s) => !['BRA', 'TON', 'SUR'].includes(s)).sort(),
    );
    expect(progress.sentStates).toHaveLength(16);
  });

  it('lists the States with no reply after N days, with whom to try next', async () => {
    const late = ok(await t.gql(NO_REPLY, { id: campaign.id, days: 30, asOf: '2018-03-01' }, cast.france.token)).letterCampaign
      .noReplyAfter;
    expect(late.map((l: any) => l.state.iso3).sort()).toEqual(
      PACIFIC_AND_LATIN_AMERICA.filter((s) => !['BRA', 'TON', 'SUR'].includes(s)).sort(),
    );
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
    expect(of('ARG')).toEqual([
      expect.objectContaining({ channel: 'PARTNER_ORGANIZATION', organization: { name: 'Cluster Munition Coalition' } }),
    ]);
    expect(of('JAM')).toEqual([
      expect.objectContaining({ channel: 'GENEVA_MISSION', contact: { fullName: 'Jamaica delegate in Geneva' } }),
    ]);
    expect(of('VEN')).toEqual([expect.objectContaining({ channel: 'OTHER', contact: { fullName: 'Venezuela adviser' } })]);
    expect(of('FSM')).toEqual([]);

    // Not yet 30 days on 2018-02-10, nor 60 on 2018-03-01.
    for (const [days, asOf] of [
      [30, '2018-02-10'],
      [60, '2018-03-01'],
    ] as const) {
      const none = ok(await t.gql(NO_REPLY, { id: campaign.id, days, asOf }, cast.france.token)).letterCampaign.noReplyAfter;
      expect(none).toEqual([]);
    }
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const kiribati = letterOf(await read(campaign.id), 'KIR');
    const stale = await t.gql(
      REPLY,
      { input: { interactionId: kiribati.interaction.id, receivedOn: '2018-03-05', expectedVersion: 7 } },
      cast.france.token,
    );
    expect(codes(stale)).toEqual(['CONFLICT']);
    const brazil = letterOf(await read(campaign.id), 'BRA');
    const again = await t.gql(
      REPLY,
      { input: { interactionId: brazil.interaction.id, receivedOn: '2018-03-05', expectedVersion: 1 } },
      cast.france.token,
    );
    expect(codes(again)).toEqual(['CONFLICT']);
    const after = await read(campaign.id);
    expect(letterOf(after, 'KIR')).toMatchObject({ status: 'AWAITING_REPLY', version: 1 });
    expect(letterOf(after, 'BRA')).toMatchObject({ replyReceivedOn: '2018-02-01', version: 2 });
  });

  it('writes all or nothing: a bad State code or a contact of another State refuses the whole campaign', async () => {
    const before = await counts();
    const base = { name: 'Refused', templateRef: 'letters/refused.docx', sendingDate: '2018-01-15' };
    // A State code that names no State: NOT_FOUND with the codes, as for every operation that names States.
    const unknown = await t.gql(CREATE, { input: { ...base, stateIso3s: ['KIR', 'TON', 'XXX'] } }, cast.france.token);
    expect(unknown.errors?.map((e) => e.extensions)).toEqual([{ code: 'NOT_FOUND', details: { stateIso3s: ['XXX'] } }]);
    const bad = [
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
      await t.gql(
        CREATE,
        {
          input: {
            name: 'Coordinators letter',
            templateRef: 'letters/c.docx',
            sendingDate: '2018-01-20',
            stateIso3s: ['FSM', 'KIR'],
            visibility: 'COORDINATORS',
          },
        },
        cast.france.token,
      ),
    ).createLetterCampaign;
    const shared = ok(
      await t.gql(
        CREATE,
        {
          input: {
            name: 'Shared letter',
            templateRef: 'letters/s.docx',
            sendingDate: '2018-01-25',
            stateIso3s: ['TUV'],
            visibility: 'SHARED',
          },
        },
        cast.panama.token,
      ),
    ).createLetterCampaign;

    const names = async (actor: Actor) => ok(await t.gql(LIST, {}, actor.token)).letterCampaigns.edges.map((e: any) => e.node.name);
    expect(await names(cast.france)).toEqual(['Shared letter', 'Coordinators letter', NAME]);
    expect(await names(cast.panama)).toEqual(['Shared letter', 'Coordinators letter']);
    expect(await names(cast.admin)).toEqual(['Shared letter', 'Coordinators letter']);
    expect(await names(cast.partner)).toEqual(['Shared letter']);
    const filtered = async (filter: Record<string, unknown>) =>
      ok(
        await t.gql(
          'query($filter: LetterCampaignFilter) { letterCampaigns(filter: $filter) { edges { node { name } } } }',
          { filter },
          cast.france.token,
        ),
      ).letterCampaigns.edges.map((e: any) => e.node.name);
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
    expect(codes(await t.gql(REPLY, { input: { ...input, interactionId: hidden.interaction.id } }, cast.panama.token))).toEqual([
      'NOT_FOUND',
    ]);
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

  describe('corrections and deletion', () => {
    const create = async (input: Record<string, unknown>, actor: Actor = cast.france) =>
      ok(await t.gql(CREATE, { input: { templateRef: 'letters/2019-01.docx', sendingDate: '2019-01-10', ...input } }, actor.token))
        .createLetterCampaign;
    const update = (input: Record<string, unknown>, actor: Actor = cast.france) => t.gql(UPDATE, { input }, actor.token);
    const letterIds = async (id: string) => (await read(id)).letters.map((l: any) => l.interaction.id);
    /** Each letter as [State, date, visibility, version]. */
    const lettersOf = async (id: string, actor: Actor = cast.france) =>
      (await read(id, actor)).letters.map((l: any) => [l.state.iso3, l.sentOn, l.interaction.visibility, l.version]);
    const changes = async (actor: Actor) => ok(await t.gql(CHANGES, {}, actor.token)).activityFeed.edges.map((e: any) => e.node);
    const audit = async (entity: string, entityId: string) =>
      ok(await t.gql(AUDIT, { entity, entityId }, cast.admin.token)).auditLog.edges.map((e: any) => e.node);

    it('corrects a campaign: its letters move with its sending date and take its visibility, in the same transaction', async () => {
      const february = await create({ name: 'February 2019 letters', stateIso3s: ['FSM', 'MHL', 'TUV'], followUpOn: '2019-02-10' });
      // Tuvalu's letter went out a day late: dated on its own, it keeps its date.
      const tuvalu = letterOf(await read(february.id), 'TUV');
      ok(
        await t.gql(
          UPDATE_LETTER,
          { id: tuvalu.interaction.id, input: { expectedVersion: 1, occurredOn: '2019-01-11' } },
          cast.france.token,
        ),
      );
      expect(await read(february.id, cast.panama)).toBeNull();
      const second = ok(
        await t.gql(
          'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
          {
            input: {
              email: 'second@france.example',
              displayName: 'second',
              role: 'COORDINATOR',
              organizationId: cast.france.organizationId,
              password: 'a-long-test-password',
            },
          },
          cast.admin.token,
        ),
      ).createUser;

      const input = {
        id: february.id,
        expectedVersion: 1,
        name: 'February 2019 letters to the Pacific',
        templateRef: 'letters/2019-02.docx',
        sendingDate: '2019-01-12',
        visibility: 'COORDINATORS',
        ownerId: second.id,
      };
      expect(ok(await update(input)).updateLetterCampaign).toEqual({
        id: february.id,
        name: 'February 2019 letters to the Pacific',
        templateRef: 'letters/2019-02.docx',
        sendingDate: '2019-01-12',
        visibility: 'COORDINATORS',
        version: 2,
        owner: { email: 'second@france.example' },
      });
      expect(await lettersOf(february.id)).toEqual([
        ['MHL', '2019-01-12', 'COORDINATORS', 2],
        ['FSM', '2019-01-12', 'COORDINATORS', 2],
        ['TUV', '2019-01-11', 'COORDINATORS', 3],
      ]);
      // The letters are interactions: every path to them (here the State links) has the new visibility.
      const links = await db.query(`SELECT DISTINCT visibility FROM interaction_states WHERE interaction_id = ANY($1::uuid[])`, [
        await letterIds(february.id),
      ]);
      expect(links).toEqual([{ visibility: 'COORDINATORS' }]);
      expect(await lettersOf(february.id, cast.panama)).toHaveLength(3);
      // The letters' own text stays as sent.
      expect(letterOf(await read(february.id), 'FSM').interaction.subject).toBe('February 2019 letters');

      const snapshot = { campaign: await read(february.id), letters: await lettersOf(february.id) };
      const unchanged = async () => expect({ campaign: await read(february.id), letters: await lettersOf(february.id) }).toEqual(snapshot);
      const stale = await update({ id: february.id, expectedVersion: 1, name: 'Stale name' });
      expect(codes(stale)).toEqual(['CONFLICT']);
      expect(stale.errors![0].extensions!.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      await unchanged();

      const bad = [
        { sendingDate: '2019-02-11' }, // after the letters' follow-up date
        { name: '   ' },
        { templateRef: null },
        { visibility: null },
        { ownerId: cast.panama.id }, // of another organization
        { ownerId: cast.partner.id },
        { ownerId: 'not-a-uuid' },
        { id: 'not-a-uuid' },
      ];
      for (const change of bad) {
        expect([change, codes(await update({ id: february.id, expectedVersion: 2, visibility: 'SHARED', ...change }))]).toEqual([
          change,
          ['BAD_USER_INPUT'],
        ]);
      }
      const late = await update({ id: february.id, expectedVersion: 2, sendingDate: '2019-02-11' });
      // Only the letters that would move count: Tuvalu's keeps its own date.
      expect(late.errors![0].extensions!.details).toEqual({ field: 'sendingDate', stateIso3s: ['FSM', 'MHL'] });
      expect(codes(await update({ id: february.id, expectedVersion: 2, name: 'Panama was here' }, cast.panama))).toEqual(['FORBIDDEN']);
      expect(codes(await update({ id: february.id, expectedVersion: 2, name: 'Partner was here' }, cast.partner))).toEqual(['FORBIDDEN']);
      expect(codes(await update({ id: campaign.id, expectedVersion: 1, name: 'Panama was here' }, cast.panama))).toEqual(['NOT_FOUND']);
      expect(codes(await update({ id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, name: 'X' }))).toEqual(['NOT_FOUND']);
      await unchanged();

      // Panama sees the change in the feed now that the campaign is for coordinators; partners do not.
      expect(await changes(cast.panama)).toEqual([
        {
          kind: 'CAMPAIGN_CHANGED',
          summary: 'Letter campaign "February 2019 letters to the Pacific" changed: 3 letters sent on 2019-01-12',
          states: [{ iso3: 'FSM' }, { iso3: 'MHL' }, { iso3: 'TUV' }],
        },
      ]);
      expect(await changes(cast.partner)).toEqual([]);

      // The audit trail has the campaign's change and each letter's, under the one action.
      const [changed] = (await audit('letter_campaigns', february.id)).filter((entry: any) => entry.action === 'updateLetterCampaign');
      expect(changed).toMatchObject({
        actor: { email: 'coordinator@france.example' },
        before: {
          name: 'February 2019 letters',
          sending_date: '2019-01-10',
          visibility: 'ORGANIZATION',
          owner_id: cast.france.id,
          version: 1,
        },
        after: {
          name: 'February 2019 letters to the Pacific',
          sending_date: '2019-01-12',
          visibility: 'COORDINATORS',
          owner_id: second.id,
          version: 2,
        },
      });
      const fsm = letterOf(await read(february.id), 'FSM').interaction.id;
      expect((await audit('interactions', fsm)).filter((entry: any) => entry.action === 'updateLetterCampaign')).toEqual([
        expect.objectContaining({
          before: expect.objectContaining({ occurred_on: '2019-01-10', visibility: 'ORGANIZATION', version: 1 }),
          after: expect.objectContaining({ occurred_on: '2019-01-12', visibility: 'COORDINATORS', version: 2 }),
        }),
      ]);
    });

    it('deletes a campaign with its letters while none has been answered, and keeps one whose letters are history', async () => {
      // The January campaign has replies: it stays, with every letter.
      const before = await counts();
      const refused = await t.gql(DELETE, { id: campaign.id, expectedVersion: 1 }, cast.france.token);
      expect(codes(refused)).toEqual(['CONFLICT']);
      expect(refused.errors![0].message).toContain('history');
      expect(await counts()).toEqual(before);

      const mistake = await create({
        name: 'Letters sent by mistake',
        stateIso3s: ['KIR', 'TON'],
        recipients: [{ stateIso3: 'KIR', contactIds: [contacts['Kiribati delegate in Geneva']] }],
      });
      const letters = await letterIds(mistake.id);
      const created = await counts();
      expect(codes(await t.gql(DELETE, { id: mistake.id, expectedVersion: 2 }, cast.france.token))).toEqual(['CONFLICT']);
      expect(codes(await t.gql(DELETE, { id: mistake.id, expectedVersion: 1 }, cast.panama.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(DELETE, { id: mistake.id, expectedVersion: 1 }, cast.partner.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(DELETE, { id: 'not-a-uuid', expectedVersion: 1 }, cast.france.token))).toEqual(['NOT_FOUND']);
      expect(await counts()).toEqual(created);

      expect(ok(await t.gql(DELETE, { id: mistake.id, expectedVersion: 1 }, cast.france.token)).deleteLetterCampaign).toBe(mistake.id);
      // The campaign, its two letters and their contact links went; one activity event came.
      expect(await counts()).toEqual({
        ...created,
        campaigns: created.campaigns - 1,
        letters: created.letters - 2,
        interactions: created.interactions - 2,
        links: created.links - 2,
        events: created.events + 1,
      });
      expect(await db.query(`SELECT 1 FROM interaction_states WHERE interaction_id = ANY($1::uuid[])`, [letters])).toEqual([]);
      expect(await read(mistake.id)).toBeNull();
      expect(
        ok(await t.gql('query($id: ID!) { interaction(id: $id) { id } }', { id: letters[0] }, cast.france.token)).interaction,
      ).toBeNull();
      expect(codes(await t.gql(DELETE, { id: mistake.id, expectedVersion: 1 }, cast.france.token))).toEqual(['NOT_FOUND']);

      expect((await changes(cast.france))[0]).toEqual({
        kind: 'CAMPAIGN_DELETED',
        summary: 'Letter campaign "Letters sent by mistake" deleted, with its 2 letters sent on 2019-01-10',
        states: [{ iso3: 'KIR' }, { iso3: 'TON' }],
      });
      expect((await changes(cast.panama)).map((e: any) => e.kind)).toEqual(['CAMPAIGN_CHANGED']);

      // Every row that went is in the audit trail, under the one action.
      const deleted = (entries: any[]) => entries.filter((entry) => entry.action === 'deleteLetterCampaign');
      expect(deleted(await audit('letter_campaigns', mistake.id))).toEqual([
        expect.objectContaining({
          actor: { email: 'coordinator@france.example' },
          before: expect.objectContaining({ name: 'Letters sent by mistake' }),
          after: null,
        }),
      ]);
      expect(deleted(await audit('campaign_letters', mistake.id))).toHaveLength(2);
      for (const id of letters) {
        expect(deleted(await audit('interactions', id))).toEqual([
          expect.objectContaining({ before: expect.objectContaining({ type: 'LETTER' }), after: null }),
        ]);
      }
    });

    it('refuses to delete a campaign once a letter was followed up or has a reply note', async () => {
      const followed = await create({ name: 'Letters followed up', stateIso3s: ['SLB', 'VUT'] });
      ok(
        await t.gql(
          FOLLOWED,
          { input: { campaignId: followed.id, stateIso3: 'SLB', doneOn: '2019-02-01', expectedVersion: 1 } },
          cast.france.token,
        ),
      );
      const noted = await create({ name: 'Letters with a note', stateIso3s: ['TUV'] });
      const [note] = await letterIds(noted.id);
      ok(await t.gql(UPDATE_LETTER, { id: note, input: { expectedVersion: 1, outcome: 'Acknowledged by phone' } }, cast.france.token));
      const before = await counts();
      for (const id of [followed.id, noted.id]) {
        const refused = await t.gql(DELETE, { id, expectedVersion: 1 }, cast.france.token);
        expect(codes(refused)).toEqual(['CONFLICT']);
        expect(refused.errors![0].extensions!.details).toEqual({ id, answeredLetters: 1 });
      }
      expect(await counts()).toEqual(before);
      expect(await letterIds(followed.id)).toHaveLength(2);
    });

    it('tells those who may correct a campaign whom it may be given to, and no one else', async () => {
      const OWNERS = `query($id: ID!) { letterCampaign(id: $id) { possibleOwners { displayName email role } } }`;
      const owners = async (id: string, actor: Actor) => ok(await t.gql(OWNERS, { id }, actor.token)).letterCampaign?.possibleOwners;
      const addUser = async (email: string, displayName: string, role: string) =>
        ok(
          await t.gql(
            'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
            { input: { email, displayName, role, organizationId: cast.france.organizationId, password: 'a-long-test-password' } },
            cast.admin.token,
          ),
        ).createUser.id;
      await addUser('aline@france.example', 'Aline Martin', 'COORDINATOR');
      const gone = await addUser('left@france.example', 'Bruno Left', 'COORDINATOR');
      ok(await t.gql('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: gone }, cast.admin.token));
      const april = await create({ name: 'April 2019 letters', stateIso3s: ['TON'], visibility: 'SHARED' });

      // France's enabled coordinators and admins, by name: not the disabled one.
      const france = await owners(april.id, cast.france);
      expect(france.map((u: any) => u.email)).toContain('aline@france.example');
      expect(france.map((u: any) => u.email)).not.toContain('left@france.example');
      const emails = await db.query(
        `SELECT email FROM users WHERE organization_id = $1 AND role IN ('ADMIN', 'COORDINATOR') AND disabled_at IS NULL ORDER BY display_name, id`,
        [cast.france.organizationId],
      );
      expect(france.map((u: any) => u.email)).toEqual(emails.map((row: any) => row.email));
      expect(france.every((u: any) => u.role === 'COORDINATOR' || u.role === 'ADMIN')).toBe(true);
      expect(await owners(april.id, cast.admin)).toEqual(france);
      // Panama and the Coalition see the shared campaign, but may not correct it: no list.
      expect(await owners(april.id, cast.panama)).toBeNull();
      expect(await owners(april.id, cast.partner)).toBeNull();
      // Each name on the list is accepted as the owner.
      const aline = france.find((u: any) => u.email === 'aline@france.example');
      expect(aline).toEqual({ displayName: 'Aline Martin', email: 'aline@france.example', role: 'COORDINATOR' });
      const ids = ok(
        await t.gql(`query($id: ID!) { letterCampaign(id: $id) { possibleOwners { id email } } }`, { id: april.id }, cast.france.token),
      ).letterCampaign.possibleOwners;
      const given = ok(
        await update({ id: april.id, expectedVersion: 1, ownerId: ids.find((u: any) => u.email === 'aline@france.example').id }),
      ).updateLetterCampaign;
      expect(given.owner).toEqual({ email: 'aline@france.example' });
      expect(codes(await update({ id: april.id, expectedVersion: 2, ownerId: gone }))).toEqual(['BAD_USER_INPUT']);
    });
  });
});
