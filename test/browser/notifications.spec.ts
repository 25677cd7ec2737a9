import type { Browser } from 'playwright-core';

declare const document: any;
import { gql } from '../support/service.js';
import { createUser, launchBrowser, openPage, PASSWORD, seriousViolations, signIn, startWebService, type WebService } from './support/browser.js';

/** The bell: my follow-ups due, replies to my letters, new activity since my last visit. */
describe('the notifications bell in the browser', () => {
  let web: WebService;
  let browser: Browser;
  const france = 'coordinator@france.example';
  const panama = 'coordinator@panama.example';
  const tokens: Record<string, string> = {};

  const log = (email: string, input: Record<string, unknown>) =>
    web.gql('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', { input: { type: 'LETTER', ...input } }, tokens[email]).then((d) => d.logInteraction.id as string);

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    for (const [org, email] of [['France', france], ['Panama', panama]]) {
      await createUser(web, org, 'COORDINATOR', email);
      tokens[email] = (await gql(web.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: PASSWORD })).data!.login.token;
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
    await page.getByText('Nothing new since your last visit.').waitFor();
    await page.waitForTimeout(500);
    await page.locator('header nav').getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL(`${web.url}/contacts`);
    await page.waitForTimeout(1000);

    await log(france, { occurredOn: '2026-11-01', followUpOn: '2026-11-15', stateIso3s: ['TUV'], subject: 'Letter to Tuvalu, follow-up due' });
    const replied = await log(france, { occurredOn: '2026-11-02', stateIso3s: ['KIR'], subject: 'Letter to Kiribati' });
    await web.gql('mutation($id: ID!) { recordReply(id: $id, receivedOn: "2026-11-20") { id } }', { id: replied }, tokens[france]);
    // Another organization's follow-up is not mine.
    await log(panama, { occurredOn: '2026-11-01', followUpOn: '2026-11-15', stateIso3s: ['FJI'], subject: 'Panama follow-up', visibility: 'COORDINATORS' });

    const bell = page.getByTestId('bell');
    await page.waitForFunction(() => /Notifications: [1-9]/.test(document.querySelector('[data-testid="bell"]')?.getAttribute('aria-label') ?? ''));
    await bell.click();
    const panel = page.getByTestId('bell-panel');
    await panel.getByText('1 follow-up due').waitFor();
    await panel.getByText('Letter to Tuvalu, follow-up due (Tuvalu)').waitFor();
    await panel.getByText('1 reply to my letters').waitFor();
    await panel.getByText(/Letter to Kiribati/).waitFor();
    expect(await panel.textContent()).not.toContain('Panama follow-up');
    const before = Number((await panel.getByText(/new entr(y|ies) in the activity/).textContent())!.match(/\d+/)![0]);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(await seriousViolations(page)).toEqual([]);

    // New activity arrives live and is counted without reloading.
    await log(panama, { occurredOn: '2026-11-21', stateIso3s: ['FJI'], subject: 'Shared from Panama', visibility: 'SHARED' });
    await panel.getByText(`${before + 1} new entries in the activity since my last visit`).waitFor({ timeout: 10000 });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
