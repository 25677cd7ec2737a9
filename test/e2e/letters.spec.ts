import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PLACEHOLDER_NAMES } from '../../src/campaigns/letter-fill.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { docx, docxParagraphs, unzip } from '../support/docx.js';
import { createCast, type Cast } from '../support/fixtures.js';

const PACIFIC_YES_VOTERS = { subregions: ['Melanesia', 'Micronesia', 'Polynesia'], votedOn: 'A/RES/72/54', votes: ['YES'] };
const TARGETS = `query($filter: TargetFilter) { targets(filter: $filter, first: 200) { edges { node { state { iso3 name votingRecord { lastChoice consecutiveYes } } } } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const SET_LANGUAGES = `mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { id languages } }`;
const CREATE = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id version } }`;
const UPLOAD = `mutation($input: UploadLetterTemplateInput!) { uploadLetterTemplate(input: $input) { id version templates { language fileName sizeBytes placeholders uploadedBy { displayName } } } }`;
const REMOVE = `mutation($id: ID!, $language: LetterLanguage!, $v: Int!) { deleteLetterTemplate(campaignId: $id, language: $language, expectedVersion: $v) { version templates { language } } }`;
const DRY_RUN = `query($id: ID!) { letterCampaign(id: $id) { version templates { language } letterDryRun {
  state { iso3 } contact { id fullName } language languageSource fileName downloadPath missingPlaceholders } } }`;
const LAST_RESOLUTION = `{ resolutions { symbol adoptedOn } }`;

/** A template with every placeholder, one a line, labelled so that each value can be read back. */
const EVERY_PLACEHOLDER = PLACEHOLDER_NAMES.map((name) => `${name}: {${name}}`);

const base64 = (file: Buffer) => file.toString('base64');

describe('letters from templates', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let states: { iso3: string; name: string; votingRecord: { lastChoice: string | null; consecutiveYes: number } }[];
  let campaign: { id: string; version: number };
  const contacts: Record<string, string> = {};

  const download = (path: string, token?: string) =>
    fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const dryRun = async (token = cast.france.token) => ok(await t.gql(DRY_RUN, { id: campaign.id }, token)).letterCampaign;
  const upload = (language: string, file: Buffer, expectedVersion: number, token = cast.france.token) =>
    t.gql(
      UPLOAD,
      {
        input: {
          campaignId: campaign.id,
          language,
          fileName: `letter-${language.toLowerCase()}.docx`,
          contentBase64: base64(file),
          expectedVersion,
        },
      },
      token,
    );
  const valuesOf = (paragraphs: string[]) =>
    Object.fromEntries(paragraphs.map((p) => [p.slice(0, p.indexOf(': ')), p.slice(p.indexOf(': ') + 2)]));

  beforeAll(async () => {
    t = await startTestApp({ LETTER_TEMPLATE_LIMIT_BYTES: '40000' });
    cast = await createCast(t);
    db = t.app.get(DataSource);
    states = ok(await t.gql(TARGETS, { filter: PACIFIC_YES_VOTERS }, cast.france.token)).targets.edges.map((e: any) => e.node.state);
    expect(states.length).toBeGreaterThanOrEqual(3);
    const [first, second] = states;
    // A French-speaking ambassador in Geneva, with every field; an English-speaking one in New York without a title.
    contacts.french = ok(
      await t.gql(
        CREATE_CONTACT,
        {
          input: {
            fullName: 'Anote Tëbano',
            title: 'H.E. Mr',
            position: 'Permanent Representative',
            posting: 'GENEVA_MISSION',
            stateIso3: first.iso3,
          },
        },
        cast.france.token,
      ),
    ).createContact.id;
    ok(await t.gql(SET_LANGUAGES, { id: contacts.french, input: { languages: ['fr', 'en'], expectedVersion: 1 } }, cast.france.token));
    contacts.english = ok(
      await t.gql(
        CREATE_CONTACT,
        { input: { fullName: 'Mele Kioa', position: 'Counsellor', posting: 'NEW_YORK_MISSION', stateIso3: second.iso3 } },
        cast.france.token,
      ),
    ).createContact.id;
    ok(await t.gql(SET_LANGUAGES, { id: contacts.english, input: { languages: ['en'], expectedVersion: 1 } }, cast.france.token));
    campaign = ok(
      await t.gql(
        CREATE,
        {
          input: {
            name: 'Pacific yes-voters, January 2018',
            templateRef: 'letters/pacific-2018.docx',
            sendingDate: '2018-01-15',
            visibility: 'COORDINATORS',
            targets: PACIFIC_YES_VOTERS,
          },
        },
        cast.france.token,
      ),
    ).createLetterCampaign;
  });
  afterAll(() => t?.close());

  it('has no letter before a template is uploaded, and says so on download', async () => {
    expect((await dryRun()).letterDryRun).toEqual([]);
    const response = await download(`/exports/campaigns/${campaign.id}/letters.zip`, cast.france.token);
    expect(response.status).toBe(400);
  });

  it('refuses a file that is not a template it can fill, listing every problem, and stores nothing', async () => {
    const unknown = await upload('EN', docx(['Dear {recipient_name}', '{ambassador}', '{#states}{name}{/states}']), campaign.version);
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0].extensions!.details.problems).toEqual([
      expect.stringContaining('{ambassador}'),
      expect.stringContaining('{states}'),
    ]);
    const broken = await upload('EN', docx(['Dear {recipient_name']), campaign.version);
    expect(codes(broken)).toEqual(['BAD_USER_INPUT']);
    const notWord = await upload('EN', Buffer.from('not a Word document'), campaign.version);
    expect(codes(notWord)).toEqual(['BAD_USER_INPUT']);
    const large = await upload('EN', docx(['{recipient_name}', randomBytes(40000).toString('base64')]), campaign.version);
    expect(large.errors![0].extensions!.details.problems).toEqual([expect.stringContaining('LETTER_TEMPLATE_LIMIT_BYTES')]);
    expect((await db.query('SELECT count(*)::int AS n FROM letter_templates'))[0].n).toBe(0);
    expect((await dryRun()).version).toBe(campaign.version);
  });

  it('stores templates in English and French with their placeholders, with the campaign version', async () => {
    const en = ok(
      await upload('EN', docx(['Dear {recipient_title} {recipient_name},', ...EVERY_PLACEHOLDER]), campaign.version),
    ).uploadLetterTemplate;
    expect(en.version).toBe(campaign.version + 1);
    const stale = await upload('FR', docx(EVERY_PLACEHOLDER), campaign.version);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const fr = ok(await upload('FR', docx(EVERY_PLACEHOLDER), en.version)).uploadLetterTemplate;
    expect(fr.templates.map((x: any) => [x.language, x.fileName, x.uploadedBy.displayName])).toEqual([
      ['EN', 'letter-en.docx', 'coordinator'],
      ['FR', 'letter-fr.docx', 'coordinator'],
    ]);
    expect(fr.templates.map((x: any) => x.placeholders)).toEqual([PLACEHOLDER_NAMES, PLACEHOLDER_NAMES]);
    campaign = { ...campaign, version: fr.version };
  });

  it("lists before generation each letter's language and the placeholders without a value", async () => {
    const [first, second, third] = states;
    const drafts = (await dryRun()).letterDryRun;
    const of = (iso3: string) => drafts.filter((d: any) => d.state.iso3 === iso3);
    expect(of(first.iso3)).toEqual([
      expect.objectContaining({
        contact: { id: contacts.french, fullName: 'Anote Tëbano' },
        language: 'FR',
        languageSource: 'CONTACT',
        missingPlaceholders: [],
      }),
    ]);
    expect(of(second.iso3)).toEqual([
      expect.objectContaining({
        contact: { id: contacts.english, fullName: 'Mele Kioa' },
        language: 'EN',
        languageSource: 'CONTACT',
        missingPlaceholders: ['recipient_title'],
      }),
    ]);
    // No contact on file: one letter to the State, in its usual UN language, without any recipient's value.
    expect(of(third.iso3)).toEqual([
      expect.objectContaining({
        contact: null,
        language: 'EN',
        languageSource: 'STATE',
        missingPlaceholders: ['recipient_title', 'recipient_name', 'recipient_position', 'recipient_posting'],
      }),
    ]);
    expect(drafts.map((d: any) => d.state.iso3).sort()).toEqual(states.map((s) => s.iso3).sort());
    expect(new Set(drafts.map((d: any) => d.fileName)).size).toBe(drafts.length);
  });

  it('fills one letter per recipient in the .zip, in their language, and each alone by its path', async () => {
    const [first, second, third] = states;
    const drafts = (await dryRun()).letterDryRun;
    const response = await download(`/exports/campaigns/${campaign.id}/letters.zip`, cast.france.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    expect([...files.keys()].sort()).toEqual(drafts.map((d: any) => d.fileName).sort());
    const [resolution] = ok(await t.gql(LAST_RESOLUTION, {}, cast.france.token)).resolutions.sort((a: any, b: any) =>
      a.adoptedOn < b.adoptedOn ? 1 : -1,
    );
    const frenchVote: Record<string, string> = { YES: 'pour', NO: 'contre', ABSTAIN: 'abstention', NON_VOTING: "n'a pas voté" };
    const englishVote: Record<string, string> = { YES: 'yes', NO: 'no', ABSTAIN: 'abstained', NON_VOTING: 'did not vote' };

    const french = valuesOf(docxParagraphs(files.get(drafts.find((d: any) => d.state.iso3 === first.iso3).fileName)!));
    expect(french).toEqual({
      recipient_title: 'H.E. Mr',
      recipient_name: 'Anote Tëbano',
      recipient_position: 'Permanent Representative',
      recipient_posting: 'la Mission permanente à Genève',
      state_name: expect.any(String),
      date: '15 janvier 2018',
      coordinators: 'France',
      sender_name: 'coordinator',
      sender_organization: 'France',
      campaign_name: 'Pacific yes-voters, January 2018',
      last_vote: frenchVote[first.votingRecord.lastChoice!],
      last_vote_resolution: resolution.symbol,
      yes_streak: String(first.votingRecord.consecutiveYes),
    });

    const englishFile = drafts.find((d: any) => d.state.iso3 === second.iso3);
    const englishParagraphs = docxParagraphs(files.get(englishFile.fileName)!);
    expect(englishParagraphs[0]).toBe('Dear [missing: recipient_title] Mele Kioa,');
    expect(valuesOf(englishParagraphs.slice(1))).toMatchObject({
      recipient_title: '[missing: recipient_title]',
      recipient_posting: 'the Permanent Mission in New York',
      state_name: second.name,
      date: '15 January 2018',
      last_vote: englishVote[second.votingRecord.lastChoice!],
    });
    const toState = valuesOf(docxParagraphs(files.get(drafts.find((d: any) => d.state.iso3 === third.iso3).fileName)!).slice(1));
    expect(toState).toMatchObject({ recipient_name: '[missing: recipient_name]', state_name: third.name });

    const alone = await download(englishFile.downloadPath, cast.france.token);
    expect(alone.status).toBe(200);
    expect(alone.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(alone.headers.get('content-disposition')).toBe(`attachment; filename="${englishFile.fileName}"`);
    expect(docxParagraphs(Buffer.from(await alone.arrayBuffer()))).toEqual(englishParagraphs);
    expect((await download(`/exports/campaigns/${campaign.id}/letters/XXX-nobody-en.docx`, cast.france.token)).status).toBe(404);
  });

  it("writes the State's name in French from the ISO names", async () => {
    const drafts = (await dryRun()).letterDryRun;
    const draft = drafts.find((d: any) => d.language === 'FR');
    const file = Buffer.from(await (await download(draft.downloadPath, cast.france.token)).arrayBuffer());
    const expected: Record<string, string> = {
      KIR: 'Kiribati',
      FSM: 'Micronésie',
      PNG: 'Papouasie-Nouvelle-Guinée',
      SLB: 'Îles Salomon',
      TON: 'Tonga',
      TUV: 'Tuvalu',
      VUT: 'Vanuatu',
    };
    const state = valuesOf(docxParagraphs(file)).state_name;
    if (expected[draft.state.iso3]) expect(state).toBe(expected[draft.state.iso3]);
    else expect(state).not.toBe('');
  });

  it('reads a constant number of statements for the dry run and the .zip, whatever the number of letters', async () => {
    const single = ok(
      await t.gql(
        CREATE,
        {
          input: {
            name: 'One State',
            templateRef: 'letters/one.docx',
            sendingDate: '2018-01-15',
            visibility: 'COORDINATORS',
            stateIso3s: [states[0].iso3],
          },
        },
        cast.france.token,
      ),
    ).createLetterCampaign;
    ok(
      await t.gql(
        UPLOAD,
        {
          input: {
            campaignId: single.id,
            language: 'EN',
            fileName: 'one.docx',
            contentBase64: base64(docx(EVERY_PLACEHOLDER)),
            expectedVersion: 1,
          },
        },
        cast.france.token,
      ),
    );
    const cost = async (id: string) => ({
      dryRun: (await t.counter.measure(() => t.gql(DRY_RUN, { id }, cast.france.token))).statements,
      zip: (await t.counter.measure(() => download(`/exports/campaigns/${id}/letters.zip`, cast.france.token).then((r) => r.arrayBuffer())))
        .statements,
    });
    const one = await cost(single.id);
    const many = await cost(campaign.id);
    expect((await dryRun()).letterDryRun.length).toBeGreaterThan(2);
    expect(many).toEqual(one);
  });

  it('gives the letters only to those who may see the campaign', async () => {
    const zip = `/exports/campaigns/${campaign.id}/letters.zip`;
    const one = (await dryRun()).letterDryRun[0].downloadPath;
    expect((await download(zip, cast.panama.token)).status).toBe(200);
    for (const path of [zip, one]) {
      expect((await download(path, cast.partner.token)).status).toBe(404);
      expect((await download(path)).status).toBe(401);
    }
    expect(ok(await t.gql(DRY_RUN, { id: campaign.id }, cast.partner.token)).letterCampaign).toBeNull();
    expect(codes(await upload('ES', docx(EVERY_PLACEHOLDER), campaign.version, cast.panama.token))).toEqual(['FORBIDDEN']);
    expect(codes(await upload('ES', docx(EVERY_PLACEHOLDER), campaign.version, cast.partner.token))).toEqual(['FORBIDDEN']);
  });

  it('removes a template: its letters fall back to another language', async () => {
    const removed = ok(
      await t.gql(REMOVE, { id: campaign.id, language: 'FR', v: campaign.version }, cast.france.token),
    ).deleteLetterTemplate;
    expect(removed.templates).toEqual([{ language: 'EN' }]);
    campaign = { ...campaign, version: removed.version };
    const drafts = (await dryRun()).letterDryRun;
    expect(drafts.find((d: any) => d.contact?.id === contacts.french)).toMatchObject({ language: 'EN', languageSource: 'CONTACT' });
    expect(codes(await t.gql(REMOVE, { id: campaign.id, language: 'FR', v: campaign.version }, cast.france.token))).toEqual(['NOT_FOUND']);
  });

  describe('write a letter to one State', () => {
    const write = (iso3: string, query: string, template: Buffer | null, token: string | null = cast.france.token) => {
      const body = new FormData();
      if (template) body.append('template', new Blob([template]), 'letter.docx');
      return fetch(`${t.url}/letters/${iso3}${query}`, {
        method: 'POST',
        body,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    };

    it('fills the template for a contact of the State, in their language, stored nowhere', async () => {
      const [first] = states;
      const before = (await db.query('SELECT count(*)::int AS n FROM letter_templates'))[0].n;
      const response = await write(first.iso3, `?contactId=${contacts.french}&date=2018-01-15`, docx(EVERY_PLACEHOLDER));
      expect(response.status).toBe(200);
      expect(response.headers.get('x-missing-placeholders')).toBe('campaign_name');
      const values = valuesOf(docxParagraphs(Buffer.from(await response.arrayBuffer())));
      expect(values).toMatchObject({
        recipient_name: 'Anote Tëbano',
        recipient_posting: 'la Mission permanente à Genève',
        date: '15 janvier 2018',
        coordinators: 'France',
        sender_name: 'coordinator',
        campaign_name: '[missing: campaign_name]',
        yes_streak: String(first.votingRecord.consecutiveYes),
      });
      expect((await db.query('SELECT count(*)::int AS n FROM letter_templates'))[0].n).toBe(before);
    });

    it('says first what it would write, in the language asked for', async () => {
      const [, second] = states;
      const response = await write(second.iso3, '?language=es&dryRun=true', docx(['{recipient_name}', '{date}', '{state_name}']));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        fileName: `${second.iso3}-letter-es.docx`,
        language: 'ES',
        languageSource: 'REQUESTED',
        placeholders: ['recipient_name', 'date', 'state_name'],
        missingPlaceholders: ['recipient_name'],
      });
    });

    it('refuses what it cannot write', async () => {
      const [first, second] = states;
      const template = docx(['{recipient_name}']);
      expect((await write(first.iso3, '', template, null)).status).toBe(401);
      expect((await write('XXX', '', template)).status).toBe(404);
      expect((await write(first.iso3, `?contactId=${contacts.english}`, template)).status).toBe(400);
      expect((await write(second.iso3, '?language=de', template)).status).toBe(400);
      expect((await write(first.iso3, '', docx(['{unknown}']))).status).toBe(400);
      expect((await write(first.iso3, '', docx(['{recipient_name}', randomBytes(40000).toString('base64')]))).status).toBe(413);
      const notMultipart = await fetch(`${t.url}/letters/${first.iso3}`, {
        method: 'POST',
        body: 'x',
        headers: { authorization: `Bearer ${cast.france.token}`, 'content-type': 'text/plain' },
      });
      expect(notMultipart.status).toBe(415);
      // The State's public record and the shared contacts are all it reads: partners may write letters too.
      expect((await write(first.iso3, '', template, cast.partner.token)).status).toBe(200);
    });
  });
});
