import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { docx, docxParagraphs } from '../support/docx.js';
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
import { LOCALE, t } from './support/i18n.js';

/** "Write a letter" on a State page, and the calendar address in the settings. */
describe('letters and calendars in the web application', () => {
  let web: WebService;
  let browser: Browser;
  const coordinator = 'coordinator@france.example';

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'France', 'COORDINATOR', coordinator);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('writes a letter to Kiribati from a template, after checking its placeholders', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/states/KIR');
    const section = page.locator('section[aria-labelledby="write-letter-title"]');
    await section.getByRole('heading', { name: t('letters.title') }).waitFor();
    await section.locator('input[type="file"]').setInputFiles({
      name: 'letter.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx(['Dear {recipient_name},', 'To the Government of {state_name}', '{coordinators}']),
    });
    await section.getByRole('button', { name: t('letters.check') }).click();
    await section.getByText(t('letters.inLanguage', { language: new Intl.DisplayNames(LOCALE, { type: 'language' }).of('en') })).waitFor();
    await section.getByText('{recipient_name}', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: t('letters.download') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('KIR-letter-en.docx');
    const paragraphs = docxParagraphs(await readFile(await download.path()));
    expect(paragraphs).toEqual(['Dear [missing: recipient_name],', 'To the Government of Kiribati', 'France']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates a secret calendar address in the settings, and revokes it', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/');
    // The settings are in the user's menu.
    await page.locator('header').getByRole('button', { name: 'coordinator' }).click();
    await page.getByRole('menuitem', { name: t('nav.settings') }).click();
    await page.getByRole('heading', { level: 1, name: t('settings.title') }).waitFor();
    const card = page.locator('section[aria-labelledby="calendar-title"]');
    await card.getByText(t('calendar.none')).waitFor();
    await card.getByRole('button', { name: t('calendar.create') }).click();
    const address = card.getByRole('textbox', { name: t('calendar.address') });
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${web.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(await seriousViolations(page)).toEqual([]);

    await card.getByRole('button', { name: t('calendar.revoke') }).click();
    await card.getByText(t('calendar.none')).waitFor();
    expect((await fetch(url)).status).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });
});
