import type { Browser } from 'playwright-core';
import {
  ADMIN,
  createUser,
  launchBrowser,
  openPage,
  PASSWORD,
  seriousViolations,
  signIn,
  startWebService,
  type WebService,
} from './support/browser.js';
import { LOCALE, stateName, t } from './support/i18n.js';

describe('signing in and out in the browser', () => {
  let web: WebService;
  let browser: Browser;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'France', 'COORDINATOR', 'coordinator@france.example');
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('takes a signed-out visitor to sign-in, then back to the page asked for, under the strict CSP', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    const response = await page.goto(`${web.url}/states/KIR`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';style-src 'self'");
    await page.waitForURL(/\/sign-in\?next=%2Fstates%2FKIR$/);
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, web.url);
    await page.waitForURL(`${web.url}/states/KIR`);
    await page.getByRole('heading', { level: 1, name: stateName('KIR') }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when the e-mail or password is wrong', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await page.goto(`${web.url}/sign-in`);
    await page.locator('input[type="email"]').fill(ADMIN.email);
    await page.locator('input[type="password"]').fill('not the password at all');
    await page.locator('form button[type="submit"]').click();
    await page
      .getByRole('alert')
      .filter({ hasText: t('auth.wrong') })
      .waitFor();
    expect(page.url()).toBe(`${web.url}/sign-in`);
    await context.close();
  });

  it('returns a revoked session to sign-in with a message, keeping the page', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, 'coordinator@france.example', PASSWORD, '/sign-in?next=%2Fcontacts');
    await page.waitForURL(`${web.url}/contacts`);
    // The token is signed out elsewhere (another tab, or the account was changed).
    const token = await page.evaluate<string | null>("localStorage.getItem('ratify.token')");
    await web.gql('mutation { logout }', {}, token!);
    await page.reload();
    await page.waitForURL(/\/sign-in\?next=%2Fcontacts$/);
    await page
      .getByRole('status')
      .filter({ hasText: t('auth.revoked') })
      .waitFor();
    await signIn(page, web.url, 'coordinator@france.example', PASSWORD);
    await page.waitForURL(`${web.url}/contacts`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs out from the user menu, and the token stops working', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await signIn(page, web.url, ADMIN.email, ADMIN.password, '/');
    const token = await page.evaluate<string | null>("localStorage.getItem('ratify.token')");
    // The user menu is labelled with the user's name, which the service gave the administrator.
    await page.getByRole('button', { name: 'Administrator' }).click();
    await page.getByRole('menuitem', { name: t('auth.signOut') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t('auth.signedOut') })
      .waitFor();
    // The page revokes the token once it has forgotten it: wait for that request to be answered.
    let refusal = '';
    for (let i = 0; i < 50 && !refusal; i++) {
      refusal = await web.gql('{ me { id } }', {}, token!).then(
        () => '',
        (error: Error) => error.message,
      );
      if (!refusal) await page.waitForTimeout(100);
    }
    expect(refusal).toMatch(/UNAUTHENTICATED/);
    await context.close();
  });

  it("keeps each user's language on their account, in any browser", async () => {
    // French, or Spanish when the tests already run in French; the switcher names each language in its own.
    const [chosen, name] = LOCALE === 'fr' ? ['es', 'Español'] : ['fr', 'Français'];
    const first = await browser.newContext();
    const { page } = await openPage(first);
    await signIn(page, web.url, 'coordinator@france.example', PASSWORD, '/');
    await page.getByRole('textbox', { name: t('app.language') }).click();
    const saved = page.waitForResponse((response) => response.request().postData()?.includes('SetPreferredLanguage') ?? false);
    await page.getByRole('option', { name }).click();
    await page.getByRole('link', { name: t('nav.dashboard', { lng: chosen }) }).waitFor();
    expect((await (await saved).json()).data.setPreferredLanguage.preferredLanguage).toBe(chosen);
    await first.close();

    // Another browser, which never chose a language (and says it prefers English).
    const second = await browser.newContext({ locale: 'en-GB' });
    const other = await openPage(second);
    await signIn(other.page, web.url, 'coordinator@france.example', PASSWORD, '/');
    await other.page.getByRole('link', { name: t('nav.dashboard', { lng: chosen }) }).waitFor();
    expect(await other.page.evaluate<string>('document.documentElement.lang')).toBe(chosen);
    expect(other.problems).toEqual([]);
    await second.close();
  });
});
