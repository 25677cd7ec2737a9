import type { Browser } from 'playwright-core';
import {
  createUser,
  launchBrowser,
  openPage,
  PASSWORD,
  seriousViolations,
  signIn,
  startWebService,
  type WebService,
} from './support/browser.js';
import { readFile } from 'node:fs/promises';
import { docx, unzip } from '../support/docx.js';
import { exactly, LOCALE, stateName, t } from './support/i18n.js';

/** The page's document, as the callbacks below use it (they run in the browser, not here). */
declare const document: {
  querySelectorAll(selector: string): { length: number };
};

const PACIFIC_YES = { subregions: ['Melanesia', 'Micronesia', 'Polynesia'], votedOn: 'A/RES/72/54', votes: ['YES'] };

/** YYYY-MM-DD, `days` days before today (UTC, as the service counts). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Letter campaigns: one created from the Pacific yes-voters' target list, its recipients checked (and
 * changed by hand) before it is recorded, a reply logged, the rest listed as "no reply after 30 days"
 * with whom to try next; a correction that meets a CONFLICT; a campaign to States chosen by hand, deleted.
 */
describe('letter campaigns in the browser', () => {
  let web: WebService;
  let browser: Browser;
  const coordinator = 'coordinator@norway.example';
  const partner = 'partner@icrc.example';
  const colleague = 'colleague@norway.example';
  let iso3s: string[];
  /** The coordinator's token: the campaigns are their organization's (the administrator does not see them). */
  let token: string;
  const asCoordinator = (query: string, variables?: Record<string, unknown>) => web.gql(query, variables, token);
  const contactIds: Record<string, string> = {};

  async function contact(fullName: string, stateIso3: string, posting: string): Promise<string> {
    const created = await web.gql('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
      input: { fullName, stateIso3, posting },
    });
    contactIds[fullName] = created.createContact.id;
    return created.createContact.id;
  }

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'Norway', 'COORDINATOR', coordinator);
    await createUser(web, 'International Committee of the Red Cross', 'PARTNER', partner);
    await createUser(web, 'Norway', 'COORDINATOR', colleague);
    token = (
      await web.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: coordinator, p: PASSWORD })
    ).login.token;
    const expected = await web.gql(
      `{ targets(first: 200, filter: { subregions: ["Melanesia", "Micronesia", "Polynesia"], votedOn: "A/RES/72/54", votes: [YES] }) { edges { node { state { iso3 } } } } }`,
    );
    iso3s = expected.targets.edges.map((e: { node: { state: { iso3: string } } }) => e.node.state.iso3);
    expect(iso3s.length).toBeGreaterThanOrEqual(3);
    // The first State: someone at its mission in Geneva and someone in its capital; the second: in New York and in its capital.
    await contact('Ana Geneva', iso3s[0], 'GENEVA_MISSION');
    await contact('Carl Capital', iso3s[0], 'CAPITAL');
    await contact('Nina New York', iso3s[1], 'NEW_YORK_MISSION');
    await contact('Cora Capital', iso3s[1], 'CAPITAL');
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('creates a campaign from the Pacific yes-voters, records a reply, and lists the others as without reply after 30 days with whom to try next', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const { page, problems } = await openPage(context);
    const search = new URLSearchParams({
      subregions: PACIFIC_YES.subregions.join(','),
      votedOn: PACIFIC_YES.votedOn,
      votes: PACIFIC_YES.votes.join(','),
    });
    await signIn(page, web.url, coordinator, PASSWORD, `/targets?${search.toString()}`);
    await page.waitForFunction(
      (count) => document.querySelectorAll('table.targets-table tbody tr[data-iso3]').length === count,
      iso3s.length,
    );

    // From the targets page, by keyboard.
    await page.getByRole('link', { name: t('targets.createCampaign') }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/campaigns\/new\?from=targets/);
    await page.getByRole('heading', { level: 1, name: t('campaigns.newTitle') }).waitFor();
    await page.getByText(t('campaigns.fromTargetsCount', { count: iso3s.length })).waitFor();

    // Every State of the list has its row, with whom its letter will go to: by posting, Geneva first.
    const rows = page.locator('table.recipients-table tbody tr[data-iso3]');
    await page.waitForFunction(
      (count) => document.querySelectorAll('table.recipients-table tbody tr[data-iso3]').length === count,
      iso3s.length,
    );
    expect(await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-iso3')))).toEqual(iso3s);
    const first = page.locator(`table.recipients-table tr[data-iso3="${iso3s[0]}"]`);
    const second = page.locator(`table.recipients-table tr[data-iso3="${iso3s[1]}"]`);
    await first.getByText(t('campaigns.byPosting', { names: 'Ana Geneva', posting: t('posting.GENEVA_MISSION') })).waitFor();
    await second.getByText(t('campaigns.byPosting', { names: 'Nina New York', posting: t('posting.NEW_YORK_MISSION') })).waitFor();
    await page.locator(`table.recipients-table tr[data-iso3="${iso3s[2]}"]`).getByText(t('campaigns.noContact')).waitFor();

    // The first State's letter goes to its capital instead, chosen by hand.
    await first.getByRole('button', { name: t('campaigns.chooseByHandFor', { state: stateName(iso3s[0]) }) }).click();
    const group = first.getByRole('group', { name: t('campaigns.chooseFor', { state: stateName(iso3s[0]) }) });
    await group.getByRole('checkbox', { name: /Carl Capital/ }).check();
    await group.getByRole('checkbox', { name: /Ana Geneva/ }).uncheck();

    await page.getByRole('textbox', { name: t('campaigns.name') }).fill('Pacific: join the Convention');
    await page.getByRole('textbox', { name: t('campaigns.templateRef') }).fill('pacific-2026.docx');
    // Sent 35 days ago: the form takes any date up to today.
    await page.getByLabel(t('campaigns.sendingDate')).fill(daysAgo(35));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: t('campaigns.send', { count: iso3s.length }) }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'Pacific: join the Convention' }).waitFor();

    // What was recorded is what was shown.
    const recorded = await asCoordinator(
      `{ letterCampaign(id: "${id}") { sendingDate letters { state { iso3 } contacts { fullName } } } }`,
    );
    expect(recorded.letterCampaign.sendingDate).toBe(daysAgo(35));
    const to = Object.fromEntries(
      recorded.letterCampaign.letters.map((l: { state: { iso3: string }; contacts: { fullName: string }[] }) => [
        l.state.iso3,
        l.contacts.map((c) => c.fullName),
      ]),
    );
    expect(Object.keys(to).sort()).toEqual([...iso3s].sort());
    expect(to[iso3s[0]]).toEqual(['Carl Capital']);
    expect(to[iso3s[1]]).toEqual(['Nina New York']);
    expect(to[iso3s[2]]).toEqual([]);

    // Every letter awaits its reply, and is listed without reply after 30 days.
    const noReply = page.locator('section[aria-labelledby="campaign-no-reply"]');
    await noReply.getByRole('heading', { name: t('campaigns.noReplyTitle', { count: 30 }) }).waitFor();
    await page.waitForFunction((count) => document.querySelectorAll('.no-reply-list > li[data-iso3]').length === count, iso3s.length);

    // A reply from the first State, recorded by keyboard.
    const letters = page.locator('table.letters-table');
    await letters.getByRole('button', { name: t('campaigns.recordReplyFor', { state: stateName(iso3s[0]) }) }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t('campaigns.replyTitle') });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: t('campaigns.replyNote') }).fill('The Minister will raise it with the Cabinet.');
    await dialog.getByLabel(t('campaigns.receivedOn')).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await letters
      .locator(`tr[data-iso3="${iso3s[0]}"][data-status="REPLIED"]`)
      .getByText('The Minister will raise it with the Cabinet.')
      .waitFor();
    await page
      .getByText(t('campaigns.progressLine', { count: iso3s.length, replied: 1, followedUp: 0, awaiting: iso3s.length - 1 }))
      .waitFor();
    // The rest: no reply after 30 days, with whom to try next.
    await page.waitForFunction((count) => document.querySelectorAll('.no-reply-list > li[data-iso3]').length === count, iso3s.length - 1);
    const unanswered = await noReply
      .locator('.no-reply-list > li[data-iso3]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-iso3')));
    expect(unanswered.sort()).toEqual(iso3s.slice(1).sort());
    const secondItem = noReply.locator(`.no-reply-list > li[data-iso3="${iso3s[1]}"]`);
    await secondItem.getByText(t('campaigns.daysWithoutReply', { count: 35 })).waitFor();
    await secondItem.getByText(t('campaigns.tryContact', { name: 'Cora Capital', where: t('posting.CAPITAL') })).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A campaign with a reply stays as history: it cannot be deleted.
    await page.getByText(t('campaigns.staysAsHistory')).waitFor();
    expect(await page.getByRole('button', { name: exactly('campaigns.delete') }).count()).toBe(0);

    // A correction meets someone else's: reload and re-apply.
    const { letterCampaign: current } = await asCoordinator(`{ letterCampaign(id: "${id}") { version } }`);
    await page.getByRole('button', { name: t('common.edit') }).click();
    const edit = page.getByRole('dialog', { name: t('campaigns.editTitle') });
    await edit.getByRole('textbox', { name: t('campaigns.name') }).fill('Pacific: join the CCM');
    await asCoordinator('mutation($input: UpdateLetterCampaignInput!) { updateLetterCampaign(input: $input) { version } }', {
      input: { id, expectedVersion: current.version, templateRef: 'pacific-2026-v2.docx' },
    });
    await edit.getByRole('button', { name: t('common.save') }).click();
    await edit.getByText(t('errors.conflictShort')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await edit.getByRole('button', { name: t('errors.reloadAndReapply') }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Pacific: join the CCM' }).waitFor();
    const corrected = await asCoordinator(`{ letterCampaign(id: "${id}") { name templateRef } }`);
    expect(corrected.letterCampaign).toEqual({ name: 'Pacific: join the CCM', templateRef: 'pacific-2026-v2.docx' });

    // The campaign goes to a colleague, chosen by name from the keyboard: the page names the new owner.
    await page.getByRole('button', { name: t('common.edit') }).click();
    const handOver = page.getByRole('dialog', { name: t('campaigns.editTitle') });
    const owner = handOver.getByRole('textbox', { name: t('campaigns.owner') });
    expect(await owner.inputValue()).toBe('coordinator');
    await owner.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'colleague', exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await handOver.getByRole('button', { name: t('common.save') }).click();
    await handOver.waitFor({ state: 'detached' });
    await page.getByText('(colleague)', { exact: false }).first().waitFor();
    expect((await asCoordinator(`{ letterCampaign(id: "${id}") { owner { email } } }`)).letterCampaign.owner).toEqual({ email: colleague });

    // A Word template in English: the letters filled from it come as a .zip, one per State.
    const templates = page.locator('section[aria-labelledby="campaign-templates"]');
    await templates.getByText(t('campaigns.noTemplate')).waitFor();
    await templates.locator('input[type="file"]').setInputFiles({
      name: 'pacific-en.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx(['Dear {recipient_name},', 'To the Government of {state_name}']),
    });
    await templates.getByRole('button', { name: t('campaigns.uploadTemplate') }).click();
    const english = new Intl.DisplayNames(LOCALE, { type: 'language' }).of('en');
    await templates.getByText(t('campaigns.templateLine', { language: english, fileName: 'pacific-en.docx', count: 2 })).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Before the letters are generated: each one, with the placeholders that have no value for it.
    const dryRun = templates.locator('section[aria-labelledby="letter-dry-run"]');
    await dryRun.getByRole('button', { name: t('campaigns.dryRun.check') }).click();
    const draftRows = dryRun.locator('table tbody tr');
    await draftRows.first().waitFor();
    const drafts: { state: { iso3: string }; contact: { fullName: string } | null; fileName: string; missingPlaceholders: string[] }[] = (
      await asCoordinator(
        `{ letterCampaign(id: "${id}") { letterDryRun { state { iso3 } contact { fullName } fileName missingPlaceholders } } }`,
      )
    ).letterCampaign.letterDryRun;
    expect(await draftRows.count()).toBe(drafts.length);
    const incomplete = drafts.filter((draft) => draft.missingPlaceholders.length > 0);
    // The States with no named contact: a letter to the State, without a recipient's name.
    expect(incomplete.map((draft) => [draft.contact, draft.missingPlaceholders])).toEqual(incomplete.map(() => [null, ['recipient_name']]));
    expect(incomplete.length).toBe(iso3s.length - 2);
    await dryRun.getByText(t('campaigns.dryRun.incomplete', { count: incomplete.length })).waitFor();
    const unnamed = dryRun.locator(`tr[data-iso3="${incomplete[0].state.iso3}"]`);
    await unnamed.getByText('recipient_name', { exact: true }).waitFor();
    const named = drafts.find((draft) => draft.contact)!;
    await dryRun
      .locator(`tr[data-iso3="${named.state.iso3}"]`)
      .filter({ hasText: named.contact!.fullName })
      .getByText(t('campaigns.dryRun.none'), { exact: true })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // One letter alone: the missing name is written in it, never left blank.
    const [single] = await Promise.all([page.waitForEvent('download'), unnamed.getByRole('button').click()]);
    expect(single.suggestedFilename()).toBe(incomplete[0].fileName);
    expect(
      unzip(await readFile(await single.path()))
        .get('word/document.xml')
        ?.toString(),
    ).toContain('[missing: recipient_name]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      templates.getByRole('button', { name: t('campaigns.downloadLetters') }).click(),
    ]);
    const files = unzip(await readFile(await download.path()));
    expect([...files.keys()].filter((name) => name.endsWith('.docx')).length).toBeGreaterThanOrEqual(iso3s.length);

    // It is in the list of campaigns, reached from the navigation.
    await page
      .locator('header nav')
      .getByRole('link', { name: t('navMore.campaigns') })
      .click();
    await page.getByRole('heading', { level: 1, name: t('campaigns.title') }).waitFor();
    await page.getByRole('link', { name: 'Pacific: join the CCM' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates a campaign to a State chosen by hand, and deletes it while no letter has a reply', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/campaigns');
    await page.getByRole('link', { name: t('campaigns.create') }).click();
    await page.getByRole('heading', { level: 1, name: t('campaigns.newTitle') }).waitFor();
    const states = page.getByRole('textbox', { name: t('campaigns.states') });
    await states.fill(iso3s[1]);
    await page.getByRole('option', { name: `${stateName(iso3s[1])} (${iso3s[1]})` }).click();
    await page.keyboard.press('Escape');
    await page
      .locator(`table.recipients-table tr[data-iso3="${iso3s[1]}"]`)
      .getByText(t('campaigns.byPosting', { names: 'Nina New York', posting: t('posting.NEW_YORK_MISSION') }))
      .waitFor();
    await page.getByRole('textbox', { name: t('campaigns.name') }).fill('A letter sent by mistake');
    await page.getByRole('textbox', { name: t('campaigns.templateRef') }).fill('mistake.docx');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: t('campaigns.send', { count: 1 }) }).click();
    await page.getByRole('heading', { level: 1, name: 'A letter sent by mistake' }).waitFor();

    await page.getByRole('button', { name: exactly('campaigns.delete') }).click();
    const dialog = page.getByRole('dialog', { name: t('campaigns.deleteTitle') });
    await dialog.getByRole('button', { name: exactly('campaigns.delete') }).click();
    await page.waitForURL(`${web.url}/campaigns`);
    await page.getByRole('heading', { level: 1, name: t('campaigns.title') }).waitFor();
    const left = await asCoordinator('{ letterCampaigns { edges { node { name } } } }');
    expect(left.letterCampaigns.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Pacific: join the CCM']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers partners no campaign link in the navigation', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, partner, PASSWORD, '/');
    expect(
      await page
        .locator('header nav')
        .getByRole('link', { name: t('navMore.campaigns') })
        .count(),
    ).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
