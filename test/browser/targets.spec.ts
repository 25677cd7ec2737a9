import type { Browser, Page } from 'playwright-core';
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
import { pattern, stateName, t } from './support/i18n.js';

/** The page's document, as the callbacks below use it (they run in the browser, not here). */
declare const document: {
  activeElement: { textContent: string | null; labels?: ArrayLike<{ textContent: string | null }> | null } | null;
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): { length: number };
};

/** The targets page: filters in the URL, the same list for whoever opens it; the Contacts page. */
describe('the targets page', () => {
  let web: WebService;
  let browser: Browser;
  const coordinator = 'coordinator@france.example';
  const partner = 'partner@cmc.example';

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'France', 'COORDINATOR', coordinator);
    await createUser(web, 'Cluster Munition Coalition', 'PARTNER', partner);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  /** Picks options of a select by typing each one and choosing it. */
  async function choose(page: Page, label: string, options: string[]) {
    const input = page.getByRole('textbox', { name: label, exact: true });
    await input.focus();
    for (const option of options) {
      await page.keyboard.type(option);
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    await page.keyboard.press('Escape');
  }

  const listed = (page: Page) =>
    page.locator('table.targets-table tbody tr[data-iso3]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-iso3')));

  it('builds "Pacific States not Party that voted yes on A/RES/72/54", and the shared link shows the same list', async () => {
    const first = await browser.newContext();
    const { page, problems } = await openPage(first);
    await signIn(page, web.url, coordinator, PASSWORD, '/targets');
    await page.getByRole('heading', { level: 1, name: t('targets.title') }).waitFor();
    await page.locator('table.targets-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The sub-regions are offered by their names in the language (the filter keeps M49's English ones).
    // Picked on a slowed-down page: each pick must survive the next one even when the address and the
    // list have not caught up yet.
    const cdp = await first.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
    await choose(
      page,
      t('targets.subregions'),
      ['Melanesia', 'Micronesia', 'Polynesia'].map((region) => t(`region.${region}`)),
    );
    await choose(page, t('targets.votedOn'), ['A/RES/72/54']);
    await choose(page, t('targets.votes'), [t('vote.YES')]);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForURL(/votes=YES/);
    const url = new URL(page.url());
    expect(url.searchParams.get('subregions')?.split(',').sort()).toEqual(['Melanesia', 'Micronesia', 'Polynesia']);
    expect(url.searchParams.get('votedOn')).toBe('A/RES/72/54');

    // The list is what the API gives for the same filter (States not Party by default).
    const expected = await web.gql(
      `{ targets(first: 200, filter: { subregions: ["Melanesia", "Micronesia", "Polynesia"], votedOn: "A/RES/72/54", votes: [YES] }) { edges { node { state { iso3 } } } } }`,
    );
    const iso3s = expected.targets.edges.map((e: { node: { state: { iso3: string } } }) => e.node.state.iso3);
    expect(iso3s.length).toBeGreaterThan(0);
    await page.waitForFunction(
      (count) => document.querySelectorAll('table.targets-table tbody tr[data-iso3]').length === count,
      iso3s.length,
    );
    expect(await listed(page)).toEqual(iso3s);

    // The reasons of a row open and close.
    const firstRow = page.locator('table.targets-table tbody tr[data-iso3]').first();
    const why = firstRow.getByRole('button', { name: pattern('targets.reasonsFor', { name: '.+' }) });
    await why.click();
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    await page.locator('tr.reasons-row li').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Another person opens the shared link in another browser.
    const second = await browser.newContext();
    const other = await openPage(second);
    await other.page.goto(url.toString());
    await signIn(other.page, web.url, partner, PASSWORD);
    await other.page.waitForURL(url.toString());
    await other.page.waitForFunction(
      (count) => document.querySelectorAll('table.targets-table tbody tr[data-iso3]').length === count,
      iso3s.length,
    );
    expect(await listed(other.page)).toEqual(iso3s);
    expect(await other.page.getByRole('textbox', { name: t('targets.votedOn') }).inputValue()).toBe('A/RES/72/54');
    // A partner is not offered "save as grouping", which it may not do.
    expect(await other.page.getByRole('button', { name: t('targets.saveAsGrouping') }).count()).toBe(0);
    expect(await other.page.getByRole('button', { name: t('targets.exportCsv') }).count()).toBe(1);
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
    await second.close();

    // The coordinator saves the list as a grouping and exports it.
    await page.getByRole('button', { name: t('targets.saveAsGrouping') }).click();
    const dialog = page.getByRole('dialog', { name: t('targets.saveAsGrouping') });
    await dialog.getByRole('textbox', { name: t('targets.groupingName') }).fill('Pacific, yes on 72/54');
    await dialog.getByRole('button', { name: t('common.save') }).click();
    await dialog.waitFor({ state: 'detached' });
    const groupings = await web.gql('{ groupings { name states { iso3 } } }');
    const saved = groupings.groupings.find((g: { name: string }) => g.name === 'Pacific, yes on 72/54');
    expect(saved.states.map((s: { iso3: string }) => s.iso3).sort()).toEqual([...iso3s].sort());

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: t('targets.exportCsv') }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('targets.csv');
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(path, 'utf8')).trim().split(/\r?\n/);
    expect(lines.length).toBe(iso3s.length + 1);
    await first.close();
  });

  it('lists the 85 States not Party quickly, and the Contacts page has no serious accessibility problem', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/targets');
    const total = (await web.gql('{ targets(first: 200) { totalCount } }')).targets.totalCount;
    await page.waitForFunction((count) => document.querySelectorAll('table.targets-table tbody tr[data-iso3]').length === count, total);
    const rendered = await page.evaluate(() => performance.getEntriesByName('targets:rendered').map((entry) => entry.duration));
    expect(rendered.length).toBeGreaterThan(0);

    await page.getByRole('link', { name: t('nav.contacts') }).click();
    await page.getByRole('heading', { level: 1, name: t('contactsPage.title') }).waitFor();
    await page.locator('table.data-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: t('contactsPage.create') }).click();
    const dialog = page.getByRole('dialog', { name: t('contactsPage.create') });
    await dialog.getByRole('textbox', { name: t('contactsPage.fields.fullName') }).fill('Taneti Maamau');
    await dialog.getByRole('textbox', { name: t('contactsPage.fields.position') }).fill('Permanent Representative');
    await dialog.getByRole('textbox', { name: t('contactsPage.fields.state') }).fill(stateName('KIR').slice(0, 4));
    await page.getByRole('option', { name: `${stateName('KIR')} (KIR)` }).click();
    await dialog.getByRole('button', { name: t('common.save') }).click();
    await page.getByRole('heading', { level: 1, name: 'Taneti Maamau' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
