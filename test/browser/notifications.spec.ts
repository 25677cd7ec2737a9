import type { Browser } from 'playwright-core';

declare const document: any;
import { gql } from '../support/service.js';
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

/** The bell: my follow-ups due, replies to my letters, new activity since my last visit. */
describe('the notifications bell in the browser', () => {
  let web: WebService;
  let browser: Browser;
  const france = 'coordinator@france.example';
  const panama = 'coordinator@panama.example';
  const tokens: Record<string, string> = {};

  const log = (email: string, input: Record<string, unknown>) =>
    web
      .gql(
        'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
        { input: { type: 'LETTER', ...input } },
        tokens[email],
      )
      .then((d) => d.logInteraction.id as string);

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    for (const [org, email] of [
      ['France', france],
      ['Panama', panama],
    ]) {
      await createUser(web, org, 'COORDINATOR', email);
      tokens[email] = (
        await gql(web.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: PASSWORD })
      ).data!.login.token;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('counts my follow-ups due, the replies recorded to my letters, and activity since my last visit, live', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    // Visiting the activity page is the last visit.
    await signIn(page, web.url, france, PASSWORD, '/activity');
    await page.getByText(t('activity.noUnread')).waitFor();
    await page.waitForTimeout(500);
    await page
      .locator('header nav')
      .getByRole('link', { name: t('nav.contacts') })
      .click();
    await page.waitForURL(`${web.url}/contacts`);
    await page.waitForTimeout(1000);

    await log(france, {
      occurredOn: '2026-11-01',
      followUpOn: '2026-11-15',
      stateIso3s: ['TUV'],
      subject: 'Letter to Tuvalu, follow-up due',
    });
    const replied = await log(france, { occurredOn: '2026-11-02', stateIso3s: ['KIR'], subject: 'Letter to Kiribati' });
    await web.gql('mutation($id: ID!) { recordReply(id: $id, receivedOn: "2026-11-20") { id } }', { id: replied }, tokens[france]);
    // Another organization's follow-up is not mine.
    await log(panama, {
      occurredOn: '2026-11-01',
      followUpOn: '2026-11-15',
      stateIso3s: ['FJI'],
      subject: 'Panama follow-up',
      visibility: 'COORDINATORS',
    });

    const bell = page.getByTestId('bell');
    await page.waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('[data-testid="bell"]')?.getAttribute('aria-label') ?? ''),
      pattern('bell.label', { count: '[1-9]\\d*' }).source,
    );
    await bell.click();
    const panel = page.getByTestId('bell-panel');
    await panel.getByText(t('bell.due', { count: 1 })).waitFor();
    await panel.getByText(`Letter to Tuvalu, follow-up due (${stateName('TUV')})`).waitFor();
    await panel.getByText(t('bell.replies', { count: 1 })).waitFor();
    await panel.getByText(/Letter to Kiribati/).waitFor();
    expect(await panel.textContent()).not.toContain('Panama follow-up');
    const before = Number((await panel.getByText(pattern('bell.news', { count: '\\d+' })).textContent())!.match(/\d+/)![0]);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(await seriousViolations(page)).toEqual([]);

    // New activity arrives live and is counted without reloading.
    await log(panama, { occurredOn: '2026-11-21', stateIso3s: ['FJI'], subject: 'Shared from Panama', visibility: 'SHARED' });
    await panel.getByText(t('bell.news', { count: before + 1 })).waitFor({ timeout: 10000 });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
