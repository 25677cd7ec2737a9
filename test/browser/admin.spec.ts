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
import { startingWith, t } from './support/i18n.js';

/** Administration: organizations, users, the audit log; a disabled user's open page ends its session at once. */
describe('the administration page in the browser', () => {
  let web: WebService;
  let browser: Browser;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'Panama', 'COORDINATOR', 'coordinator@panama.example');
    await createUser(web, 'ICRC', 'PARTNER', 'partner@icrc.example');
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('creates an organization and a user, changes a role, and finds them in the audit log filtered by table and date', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, ADMIN.email, ADMIN.password, '/admin');
    await page.getByRole('heading', { level: 1, name: t('admin.title') }).waitFor();
    await page.locator('tr[data-user="coordinator@panama.example"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: t('admin.organizations') }).click();
    await page.getByRole('textbox', { name: t('admin.organizationName') }).fill('Ministry of Foreign Affairs of Chile');
    await page.getByRole('button', { name: t('admin.createOrganization') }).click();
    await page.getByRole('rowheader', { name: 'Ministry of Foreign Affairs of Chile' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: t('admin.users') }).click();
    await page.getByRole('button', { name: t('admin.createUser') }).click();
    const dialog = page.getByRole('dialog', { name: t('admin.createUser') });
    await dialog.getByRole('textbox', { name: t('admin.displayName') }).fill('C. Chile');
    await dialog.getByRole('textbox', { name: t('admin.email') }).fill('coordinator@chile.example');
    await dialog.getByRole('textbox', { name: t('admin.organization') }).fill('Chile');
    await page.getByRole('option', { name: 'Ministry of Foreign Affairs of Chile' }).click();
    await dialog.getByLabel(t('admin.password')).fill(PASSWORD);
    await dialog.getByRole('button', { name: t('admin.createUser') }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('tr[data-user="coordinator@chile.example"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Ministry of Foreign Affairs of Chile');

    // The new user's role: the list opens from the keyboard.
    const role = page.getByRole('textbox', { name: t('admin.roleOf', { name: 'C. Chile' }) });
    await role.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: t('roles.PARTNER') }).click();
    await page.getByText(t('admin.roleChanged', { name: 'C. Chile', role: t('roles.PARTNER') })).waitFor();
    const users = (await web.gql('{ users { email role } }')).users as { email: string; role: string }[];
    expect(users.find((u) => u.email === 'coordinator@chile.example')!.role).toBe('PARTNER');

    // The audit log, filtered to the users table and the admin as actor.
    await page.getByRole('tab', { name: t('admin.audit') }).click();
    await page.getByRole('textbox', { name: t('admin.entity') }).fill('users');
    await page.getByRole('option', { name: 'users', exact: true }).click();
    const audit = page.getByTestId('audit-log');
    // The unfiltered list stays on screen until the filtered one arrives.
    await audit.getByText('createOrganization').first().waitFor({ state: 'detached' });
    await audit.getByText('createUser').first().waitFor();
    await audit.getByText('updateUser').waitFor();
    expect(await audit.textContent()).not.toContain('createOrganization');
    await page.getByRole('textbox', { name: t('admin.to') }).fill('2020-01-01');
    await page.getByText(t('admin.auditCaption', { count: 0 })).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("returns a disabled user's open page to sign-in within 2 seconds", async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const admin = await openPage(adminContext);
    await signIn(admin.page, web.url, ADMIN.email, ADMIN.password, '/admin');
    const userContext = await browser.newContext();
    const user = await openPage(userContext);
    // The contacts page has no live part of its own: only the header's.
    await signIn(user.page, web.url, 'coordinator@panama.example', PASSWORD, '/contacts');
    await user.page.getByRole('heading', { level: 1 }).waitFor();
    await user.page.waitForTimeout(1500);

    const row = admin.page.locator('tr[data-user="coordinator@panama.example"]');
    await row.getByRole('button', { name: startingWith('admin.disable') }).click();
    const disabledAt = Date.now();
    await admin.page.getByText(t('admin.userDisabled', { name: 'coordinator' })).waitFor();
    await user.page.waitForURL(/\/sign-in/, { timeout: 2000 });
    expect(Date.now() - disabledAt).toBeLessThan(2000);
    await user.page.locator('input[type="email"]').waitFor();
    expect(new URL(user.page.url()).searchParams.get('next')).toBe('/contacts');

    // Enabled again, the user signs in.
    await row.getByRole('button', { name: startingWith('admin.enable') }).click();
    await admin.page.getByText(t('admin.userEnabled', { name: 'coordinator' })).waitFor();
    await user.page.locator('input[type="email"]').fill('coordinator@panama.example');
    await user.page.locator('input[type="password"]').fill(PASSWORD);
    await user.page.locator('form button[type="submit"]').click();
    await user.page.waitForURL(`${web.url}/contacts`);
    expect(user.problems).toEqual([]);
    await adminContext.close();
    await userContext.close();
  });

  it('is not offered to coordinators or partners', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await signIn(page, web.url, 'partner@icrc.example', PASSWORD, '/admin');
    await page.getByText(t('admin.only')).waitFor();
    expect(
      await page
        .locator('header nav')
        .getByRole('link', { name: t('navMore.admin') })
        .count(),
    ).toBe(0);
    await context.close();
  });
});
