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

/** Presses Tab until the focused control is the one labelled `label` (a date input takes one stop per part). */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return (element?.labels?.[0]?.textContent ?? element?.textContent ?? '').replace(/\s*\*$/, '').trim();
    });
    if (focused === label) return;
  }
  throw new Error(`Tab never reached ${label}`);
}

/** A State page: its sections, logging a letter from it, and logging with the keyboard alone. */
describe('the State page and logging an interaction', () => {
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

  it("opens Kiribati's page, logs a letter from it, and sees it in the timeline", async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/states/KIR');
    await page.getByRole('heading', { level: 1, name: stateName('KIR') }).waitFor();
    await page.getByRole('heading', { name: t('treaty.title') }).waitFor();
    await page.getByRole('heading', { name: t('votes.title') }).waitFor();
    await page.getByText(t('statePage.noInteractions')).waitFor();
    // A coordinator may set the stage and record obstacles.
    await page.getByRole('button', { name: t('stagePanel.set') }).waitFor();
    await page.getByRole('button', { name: t('obstacles.record') }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: t('statePage.logHere', { name: stateName('KIR') }) }).click();
    const dialog = page.getByRole('dialog', { name: t('logInteraction.title') });
    await dialog.waitFor();
    // The State is filled in, the type is a letter, the date is today.
    await dialog.getByText(`${stateName('KIR')} (KIR)`).waitFor();
    expect(await dialog.getByRole('textbox', { name: t('logForm.type') }).inputValue()).toBe(t('interactionType.LETTER'));
    const today = await page.evaluate<string>(
      "(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; })()",
    );
    expect(await dialog.locator('input[type="date"]').first().inputValue()).toBe(today);
    await dialog.getByText(t('visibility.sentence.ORGANIZATION', { organization: 'Panama' })).waitFor();
    await dialog.getByRole('radio', { name: t('visibility.SHARED') }).check();
    await dialog.getByText(t('visibility.sentence.SHARED')).waitFor();
    await dialog.getByRole('radio', { name: t('visibility.ORGANIZATION') }).check();
    await dialog.getByRole('textbox', { name: t('logForm.subject') }).fill('Invitation to join the Convention');
    await dialog
      .getByRole('textbox', { name: t('logForm.summary') })
      .fill('Letter from the coordinators to the Minister of Foreign Affairs.');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: t('logForm.submit') }).click();
    await dialog.waitFor({ state: 'detached' });

    const timeline = page.locator('section[aria-labelledby="timeline-title"]');
    await timeline.getByText('Invitation to join the Convention').waitFor();
    await timeline.getByText(t('visibility.ORGANIZATION')).waitFor();
    const token = await page.evaluate<string | null>("localStorage.getItem('ratify.token')");
    const stored = await web.gql(
      '{ state(iso3: "KIR") { interactions { totalCount edges { node { type subject visibility occurredOn } } } } }',
      {},
      token!,
    );
    expect(stored.state.interactions.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { type: 'LETTER', subject: 'Invitation to join the Convention', visibility: 'ORGANIZATION', occurredOn: today },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the field a server problem names, on that field', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/states/TUV');
    await page.getByRole('button', { name: pattern('statePage.logHere', { name: '.+' }) }).click();
    const dialog = page.getByRole('dialog', { name: t('logInteraction.title') });
    await dialog.getByRole('textbox', { name: t('logForm.subject') }).fill('x'.repeat(2000));
    await dialog.getByRole('button', { name: t('logForm.submit') }).click();
    // The service refuses the subject: its message shows under the Subject field.
    const subject = dialog.getByRole('textbox', { name: t('logForm.subject') });
    await page.waitForFunction(() => !!document.querySelector('input[aria-invalid="true"]'));
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  it('logs an interaction with the keyboard alone', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/');
    await page.keyboard.press('Control+Shift+L');
    const dialog = page.getByRole('dialog', { name: t('logInteraction.title') });
    await dialog.waitFor();
    // Focus starts on the type; choose "Phone call" with the keyboard.
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: t('interactionType.PHONE_CALL') }).waitFor();
    for (let i = 0; i < 8; i++) {
      const selected = await page.getByRole('option', { name: t('interactionType.PHONE_CALL') }).getAttribute('data-combobox-selected');
      if (selected === 'true') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    // The choice shows once the list has closed, which takes a moment on a busy machine.
    const type = dialog.getByRole('textbox', { name: t('logForm.type') });
    for (let i = 0; i < 30 && (await type.inputValue()) !== t('interactionType.PHONE_CALL'); i++) await page.waitForTimeout(100);
    expect(await type.inputValue()).toBe(t('interactionType.PHONE_CALL'));
    await tabTo(page, t('logForm.states')); // past the date (today)
    await page.keyboard.type(stateName('TON'));
    await page.getByRole('option', { name: `${stateName('TON')} (TON)` }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.getByText(`${stateName('TON')} (TON)`).waitFor();
    await tabTo(page, t('logForm.subject'));
    await page.keyboard.type('Call with the mission in New York');
    await tabTo(page, t('logForm.outcome'));
    await page.keyboard.type('They will ask their capital.');
    await tabTo(page, t('visibility.ORGANIZATION')); // past the follow-up date, to the visibility
    await page.keyboard.press('ArrowRight');
    expect(await dialog.getByRole('radio', { name: t('visibility.COORDINATORS') }).isChecked()).toBe(true);
    await tabTo(page, t('logForm.submit'));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const stored = await web.gql('{ state(iso3: "TON") { interactions { edges { node { type subject outcome visibility } } } } }');
    expect(stored.state.interactions.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        type: 'PHONE_CALL',
        subject: 'Call with the mission in New York',
        outcome: 'They will ask their capital.',
        visibility: 'COORDINATORS',
      },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
