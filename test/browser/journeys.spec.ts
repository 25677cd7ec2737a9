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
import { stateName, t } from './support/i18n.js';

/** The page's document, as the callbacks below use it (they run in the browser, not here). */
declare const document: {
  querySelectorAll(selector: string): { length: number };
};

const PACIFIC_YES = { subregions: ['Melanesia', 'Micronesia', 'Polynesia'], votedOn: 'A/RES/72/54', votes: ['YES'] };

/**
 * Whole journeys across pages: the map to a State and back to the dashboard, the targets on the map,
 * following a State for the daily e-mail. (A partner's live feed is in activity.spec.ts: partners' home page.)
 */
describe('journeys in the browser', () => {
  let web: WebService;
  let browser: Browser;
  const coordinator = 'coordinator@panama.example';

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'Panama', 'COORDINATOR', coordinator);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('finds Kiribati on the map, logs a letter from its page, and sees it in the timeline and in the dashboard activity', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/');
    await page.getByText(t('dashboard.noActivity')).waitFor();
    await page.locator('svg.world-map [data-iso3="KIR"]').click();
    await page.waitForURL(`${web.url}/states/KIR`);
    await page.getByRole('heading', { level: 1, name: stateName('KIR') }).waitFor();

    await page.getByRole('button', { name: t('statePage.logHere', { name: stateName('KIR') }) }).click();
    const dialog = page.getByRole('dialog', { name: t('logInteraction.title') });
    await dialog.getByText(`${stateName('KIR')} (KIR)`).waitFor();
    await dialog.getByRole('textbox', { name: t('logForm.subject') }).fill('Letter to the Minister of Foreign Affairs of Kiribati');
    await dialog.getByRole('button', { name: t('logForm.submit') }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .locator('section[aria-labelledby="timeline-title"]')
      .getByText('Letter to the Minister of Foreign Affairs of Kiribati')
      .waitFor();

    // Back to the dashboard by its link: the letter is the latest activity, linked to Kiribati.
    await page
      .locator('header nav')
      .getByRole('link', { name: t('nav.dashboard') })
      .click();
    const activity = page.getByTestId('activity');
    const entry = activity.locator('li', { hasText: 'Letter to the Minister of Foreign Affairs of Kiribati' });
    await entry.waitFor();
    await entry.getByRole('link', { name: stateName('KIR'), exact: true }).waitFor();
    expect(await activity.locator('li').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the target list on the map: exactly the listed States, coloured, with the same States in its table', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    const search = new URLSearchParams({
      subregions: PACIFIC_YES.subregions.join(','),
      votedOn: PACIFIC_YES.votedOn,
      votes: PACIFIC_YES.votes.join(','),
    });
    await signIn(page, web.url, coordinator, PASSWORD, `/targets?${search.toString()}`);
    const expected = await web.gql(
      `{ targets(first: 200, filter: { subregions: ["Melanesia", "Micronesia", "Polynesia"], votedOn: "A/RES/72/54", votes: [YES] }) { edges { node { state { iso3 } } } } }`,
    );
    const iso3s: string[] = expected.targets.edges.map((e: { node: { state: { iso3: string } } }) => e.node.state.iso3);
    expect(iso3s).toContain('KIR');
    await page.waitForFunction(
      (count) => document.querySelectorAll('table.targets-table tbody tr[data-iso3]').length === count,
      iso3s.length,
    );

    await page.getByRole('tab', { name: t('targets.viewMap') }).click();
    const map = page.getByRole('img', { name: t('targets.mapLabel', { count: iso3s.length, mode: t('dashboard.byStatus') }) });
    await map.waitFor();
    const drawn = await map
      .locator('[data-iso3]')
      .evaluateAll((nodes) => [...new Set(nodes.map((node) => node.getAttribute('data-iso3')))]);
    expect(drawn.sort()).toEqual([...iso3s].sort());
    expect(await map.locator('[data-iso3="KIR"]').getAttribute('class')).toMatch(/fill-status-/);

    // The same list as a table, for keyboards and screen readers.
    await page.getByText(t('dashboard.tableView')).click();
    const table = page.getByTestId('map-table');
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="map-table"] tbody tr[data-iso3]').length === count,
      iso3s.length,
    );
    const rows = await table.locator('tbody tr[data-iso3]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-iso3')));
    expect(rows.sort()).toEqual([...iso3s].sort());
    expect(await seriousViolations(page)).toEqual([]);
    await table.getByRole('link', { name: stateName('KIR') }).click();
    await page.waitForURL(`${web.url}/states/KIR`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("offers the dashboard map's data as a table with every State", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/');
    await page.locator('svg.world-map').waitFor();
    expect(await page.getByTestId('map-table').count()).toBe(0);
    await page.getByText(t('dashboard.tableView')).click();
    const table = page.getByTestId('map-table');
    await table.waitFor();
    const total = (await web.gql('{ states(first: 1) { totalCount } }')).states.totalCount;
    expect(await table.locator('tbody tr[data-iso3]').count()).toBe(total);
    const kiribati = table.locator('tr[data-iso3="KIR"]');
    expect(await kiribati.locator('td').allTextContents()).toEqual([
      t('regionalGroup.ASIA_PACIFIC'),
      t('treatyStatus.NOT_SIGNED'),
      t('stage.NOT_ENGAGED'),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('follows Kiribati from its page, and asks for the daily e-mail in the settings', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Pacific/Tarawa' });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/states/KIR');
    const follow = page.getByRole('button', { name: t('digest.follow'), exact: true });
    await follow.click();
    const following = page.getByRole('button', { name: t('digest.following'), exact: true });
    await following.waitFor();
    expect(await following.getAttribute('aria-pressed')).toBe('true');

    await page.locator('header').getByRole('button', { name: 'coordinator' }).click();
    await page.getByRole('menuitem', { name: t('nav.settings') }).click();
    const card = page.locator('section[aria-labelledby="digest-title"]');
    await card.getByText(t('digest.help', { count: 1 })).waitFor();
    await card.getByText(t('digest.off')).waitFor();
    await card.getByRole('textbox', { name: t('digest.sendHour') }).fill('8');
    await card.getByRole('button', { name: t('digest.start') }).click();
    await card.getByText(t('digest.on', { hour: '08:00', timeZone: 'Pacific/Tarawa' })).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const token = await page.evaluate<string | null>("localStorage.getItem('ratify.token')");
    const saved = await web.gql('{ myDigest { timeZone sendHour noReplyAfterDays } followedStates { iso3 } }', {}, token!);
    expect(saved).toEqual({
      myDigest: { timeZone: 'Pacific/Tarawa', sendHour: 8, noReplyAfterDays: 30 },
      followedStates: [{ iso3: 'KIR' }],
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
