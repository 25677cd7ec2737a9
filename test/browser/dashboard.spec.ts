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
import { escapeRegExp, formatNumber, stateName, t } from './support/i18n.js';

const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;

describe('the dashboard in the browser', () => {
  let web: WebService;
  let browser: Browser;
  let panamaToken: string;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'France', 'COORDINATOR', 'coordinator@france.example');
    await createUser(web, 'Panama', 'COORDINATOR', 'coordinator@panama.example');
    panamaToken = (
      await web.gql(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: 'coordinator@panama.example', p: PASSWORD },
        '',
      )
    ).login.token;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('counts the States by treaty status as the API does, and has no serious accessibility violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, 'coordinator@france.example', PASSWORD, '/');
    await page.locator('svg.world-map').waitFor();
    const expected = (await web.gql('{ states(first: 1, filter: { treatyStatuses: [STATE_PARTY] }) { totalCount } }')).states.totalCount;
    await page.locator('[data-status="STATE_PARTY"]', { hasText: formatNumber(expected) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows Kiribati on the map as a marker, with its details on hover, and opens its page on click', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, 'coordinator@france.example', PASSWORD, '/');
    const kiribati = page.locator('svg.world-map [data-iso3="KIR"]');
    await kiribati.waitFor();
    expect(await kiribati.evaluate((element) => element.tagName)).toBe('circle');
    const box = (await kiribati.boundingBox())!;
    expect(box.width).toBeGreaterThan(4);
    await kiribati.hover();
    await page
      .getByTestId('map-details')
      .filter({ hasText: stateName('KIR') })
      .waitFor();
    // Coloured by stage instead of status: the legend follows.
    await page.getByText(t('dashboard.byStage'), { exact: true }).click();
    await page.getByText(new RegExp(`^${escapeRegExp(t('stage.NOT_ENGAGED'))} \\(\\d+\\)$`)).waitFor();
    await kiribati.click();
    await page.waitForURL(`${web.url}/states/KIR`);
    await page.getByRole('heading', { level: 1, name: stateName('KIR') }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens "Log an interaction" from any page with the keyboard shortcut, and closes it with Escape', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await signIn(page, web.url, 'coordinator@france.example', PASSWORD, '/contacts');
    await page.keyboard.press('Control+Shift+L');
    const dialog = page.getByRole('dialog', { name: t('logInteraction.title') });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });

  it('receives new activity live, without reloading, and only what the viewer may see', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, 'coordinator@france.example', PASSWORD, '/');
    await page.getByText(t('dashboard.noActivity')).waitFor();
    // The live subscription is open once the socket has connected; give it a moment.
    await page.waitForTimeout(1500);
    const loadedAt = await page.evaluate<number>('performance.timeOrigin');
    await web.gql(
      LOG,
      {
        input: { type: 'LETTER', occurredOn: '2026-11-20', subject: 'Private to Panama', visibility: 'ORGANIZATION', stateIso3s: ['KIR'] },
      },
      panamaToken,
    );
    await web.gql(
      LOG,
      {
        input: {
          type: 'LETTER',
          occurredOn: '2026-11-21',
          subject: 'Letter to the Permanent Mission of Kiribati',
          visibility: 'COORDINATORS',
          stateIso3s: ['KIR'],
        },
      },
      panamaToken,
    );
    const activity = page.getByTestId('activity');
    await activity.getByText(/Letter to the Permanent Mission of Kiribati/).waitFor({ timeout: 15000 });
    expect(await activity.textContent()).not.toContain('Private to Panama');
    expect(await page.evaluate<number>('performance.timeOrigin')).toBe(loadedAt);
    expect(problems).toEqual([]);
    await context.close();
  });
});
