import type { Browser, Page } from 'playwright-core';
import { createUser, launchBrowser, openPage, PASSWORD, seriousViolations, signIn, startWebService, type WebService } from './support/browser.js';

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
    await page.getByRole('heading', { level: 1, name: 'Kiribati' }).waitFor();
    await page.getByRole('heading', { name: 'Treaty status' }).waitFor();
    await page.getByRole('heading', { name: 'Voting record' }).waitFor();
    await page.getByText('No interaction you may see.').waitFor();
    // A coordinator may set the stage and record obstacles.
    await page.getByRole('button', { name: 'Set stage' }).waitFor();
    await page.getByRole('button', { name: 'Record an obstacle' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Log an interaction with Kiribati' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.waitFor();
    // The State is filled in, the type is a letter, the date is today.
    await dialog.getByText('Kiribati (KIR)').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Type' }).inputValue()).toBe('Letter');
    const today = await page.evaluate<string>(
      "(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; })()",
    );
    expect(await dialog.locator('input[type="date"]').first().inputValue()).toBe(today);
    await dialog.getByText('Only the people of Panama will see it.').waitFor();
    await dialog.getByRole('radio', { name: 'Shared with partners' }).check();
    await dialog.getByText('Coordinators, administrators and partners (such as the Coalition and the ICRC) will see it.').waitFor();
    await dialog.getByRole('radio', { name: 'My organization' }).check();
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Invitation to join the Convention');
    await dialog.getByRole('textbox', { name: 'Summary' }).fill('Letter from the coordinators to the Minister of Foreign Affairs.');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await dialog.waitFor({ state: 'detached' });

    const timeline = page.locator('section[aria-labelledby="timeline-title"]');
    await timeline.getByText('Invitation to join the Convention').waitFor();
    await timeline.getByText('My organization').waitFor();
    const token = await page.evaluate<string | null>("localStorage.getItem('ratify.token')");
    const stored = await web.gql('{ state(iso3: "KIR") { interactions { totalCount edges { node { type subject visibility occurredOn } } } } }', {}, token!);
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
    await page.getByRole('button', { name: /Log an interaction with/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('x'.repeat(2000));
    await dialog.getByRole('button', { name: 'Log it' }).click();
    // The service refuses the subject: its message shows under the Subject field.
    const subject = dialog.getByRole('textbox', { name: 'Subject' });
    await page.waitForFunction(() => !!document.querySelector('input[aria-invalid="true"]'));
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  it('logs an interaction with the keyboard alone', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/');
    await page.keyboard.press('Control+Shift+L');
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.waitFor();
    // Focus starts on the type; choose "Phone call" with the keyboard.
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Phone call' }).waitFor();
    for (let i = 0; i < 8; i++) {
      const selected = await page.getByRole('option', { name: 'Phone call' }).getAttribute('data-combobox-selected');
      if (selected === 'true') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('textbox', { name: 'Type' }).inputValue()).toBe('Phone call');
    await tabTo(page, 'States'); // past the date (today)
    await page.keyboard.type('Tonga');
    await page.getByRole('option', { name: 'Tonga (TON)' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.getByText('Tonga (TON)').waitFor();
    await tabTo(page, 'Subject');
    await page.keyboard.type('Call with the mission in New York');
    await tabTo(page, 'Outcome');
    await page.keyboard.type('They will ask their capital.');
    await tabTo(page, 'My organization'); // past the follow-up date, to the visibility
    await page.keyboard.press('ArrowRight');
    expect(await dialog.getByRole('radio', { name: 'Coordinators' }).isChecked()).toBe(true);
    await tabTo(page, 'Log it');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const stored = await web.gql('{ state(iso3: "TON") { interactions { edges { node { type subject outcome visibility } } } } }');
    expect(stored.state.interactions.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { type: 'PHONE_CALL', subject: 'Call with the mission in New York', outcome: 'They will ask their capital.', visibility: 'COORDINATORS' },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
