import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
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
import { formatDate, LOCALE, stateName, t } from './support/i18n.js';

/** The page's document, as the callbacks below use it (they run in the browser, not here). */
declare const document: { activeElement: { getAttribute(name: string): string | null; textContent: string | null } | null };

/** A calendar date `days` from today, as the browser (same machine, same time zone) counts it. */
function localDate(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Chooses a State in a type-ahead list of States (type its name, pick "Name (ISO)"). */
async function chooseState(page: Page, field: ReturnType<Page['getByRole']>, iso3: string): Promise<void> {
  await field.click();
  await field.fill(stateName(iso3));
  await page.getByRole('option', { name: `${stateName(iso3)} (${iso3})` }).click();
}

/** Events and meetings: an event with its attending States, a bilateral meeting planned and logged as held, the month view and the .ics. */
describe('events and meetings in the web application', () => {
  let web: WebService;
  let browser: Browser;
  const coordinator = 'coordinator@norway.example';
  const eventName = `Regional conference on cluster munitions ${LOCALE}`;
  const objective = 'Ask about the accession bill before Parliament.';
  let eventPath = '';

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'Norway', 'COORDINATOR', coordinator);
    await web.gql('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
      input: { fullName: 'Salote Fifita', stateIso3: 'TON', position: 'Deputy Permanent Representative' },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('records an event with its attending States, plans a meeting there, and logs it as held from the page', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/');
    await page
      .locator('header nav')
      .getByRole('link', { name: t('navMore.events') })
      .click();
    await page.getByRole('heading', { level: 1, name: t('events.title') }).waitFor();

    // Record the event, with Tonga and Kiribati attending.
    await page.getByRole('button', { name: t('events.record') }).click();
    const create = page.getByRole('dialog', { name: t('events.form.createTitle') });
    await create.getByRole('textbox', { name: t('events.fields.name') }).fill(eventName);
    await create.getByRole('textbox', { name: t('events.fields.place') }).fill('Nuku‘alofa');
    await create.getByLabel(t('events.fields.startsOn')).fill(localDate());
    await create.getByLabel(t('events.fields.endsOn')).fill(localDate(2));
    const attending = create.getByRole('textbox', { name: t('events.fields.attending') });
    await chooseState(page, attending, 'TON');
    await chooseState(page, attending, 'KIR');
    expect(await seriousViolations(page)).toEqual([]);
    await create.getByRole('button', { name: t('events.form.record') }).click();
    await page.getByRole('heading', { level: 1, name: eventName }).waitFor();
    eventPath = new URL(page.url()).pathname;
    expect(eventPath).toMatch(/^\/events\/[0-9a-f-]{36}$/);
    const attendingSection = page.locator('section[aria-labelledby="attending-title"]');
    await attendingSection.getByRole('heading', { name: t('events.attending.title', { count: 2 }) }).waitFor();
    await attendingSection.getByRole('link', { name: stateName('TON') }).waitFor();
    await attendingSection.getByRole('link', { name: stateName('KIR') }).waitFor();

    // Plan a meeting with Tonga (its contact, today, an objective), and one with Kiribati.
    const meetings = page.locator('section[aria-labelledby="meetings-title"]');
    await meetings.getByRole('button', { name: t('events.meetings.planTitle') }).click();
    let plan = page.getByRole('dialog', { name: t('events.meetings.planTitle') });
    await plan.getByRole('textbox', { name: t('events.meetings.state') }).click();
    await page.getByRole('option', { name: `${stateName('TON')} (TON)` }).click();
    await plan.getByRole('textbox', { name: t('events.meetings.contacts') }).click();
    await page.getByRole('option', { name: /Salote Fifita/ }).click();
    await plan.getByLabel(t('events.meetings.plannedOn')).fill(localDate());
    await plan.getByRole('textbox', { name: t('events.meetings.objective') }).fill(objective);
    expect(await seriousViolations(page)).toEqual([]);
    await plan.getByRole('button', { name: t('events.meetings.plan') }).click();
    await plan.waitFor({ state: 'detached' });
    await meetings.getByRole('button', { name: t('events.meetings.planTitle') }).click();
    plan = page.getByRole('dialog', { name: t('events.meetings.planTitle') });
    await plan.getByRole('textbox', { name: t('events.meetings.state') }).click();
    await page.getByRole('option', { name: `${stateName('KIR')} (KIR)` }).click();
    await plan.getByRole('button', { name: t('events.meetings.plan') }).click();
    await plan.waitFor({ state: 'detached' });
    await meetings.getByRole('heading', { name: t('events.meetings.title', { count: 2 }) }).waitFor();
    const tongaRow = meetings.getByRole('row').filter({ has: page.getByRole('rowheader', { name: stateName('TON') }) });
    await tongaRow.getByText(t('events.meetings.planned'), { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // "Log as held", with the keyboard: the interaction form opens with the plan in it.
    const logHeld = meetings.getByRole('button', { name: t('events.meetings.logHeldWith', { state: stateName('TON') }) });
    await logHeld.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t('logForm.heldTitle') });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: t('logForm.type') }).inputValue()).toBe(t('interactionType.BILATERAL_MEETING'));
    expect(await dialog.getByRole('textbox', { name: t('logForm.date'), exact: true }).inputValue()).toBe(localDate());
    await dialog.getByText(`${stateName('TON')} (TON)`).waitFor();
    await dialog.getByText(/Salote Fifita/).waitFor();
    expect(await dialog.getByRole('textbox', { name: t('logForm.summary') }).inputValue()).toBe(objective);
    await dialog.getByRole('textbox', { name: t('logForm.outcome') }).fill('The bill goes to Parliament in March.');
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: t('logForm.submit') }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    // The meeting is held, and its interaction is on the event page and on Tonga's.
    await tongaRow.getByText(t('events.meetings.heldOn', { date: formatDate(localDate()) })).waitFor();
    const interactions = page.locator('section[aria-labelledby="event-interactions-title"]');
    await interactions.getByRole('heading', { name: t('events.interactions.title', { count: 1 }) }).waitFor();
    await interactions.getByText(`Bilateral meeting at ${eventName}`, { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Read as the coordinator: the meeting, as planned, is seen by Norway only.
    const { login } = await web.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: coordinator,
      p: PASSWORD,
    });
    const stored = await web.gql(
      '{ state(iso3: "TON") { interactions { edges { node { type subject summary outcome occurredOn visibility contacts { fullName } event { name } } } } } }',
      {},
      login.token,
    );
    expect(stored.state.interactions.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        type: 'BILATERAL_MEETING',
        subject: `Bilateral meeting at ${eventName}`,
        summary: objective,
        outcome: 'The bill goes to Parliament in March.',
        occurredOn: localDate(),
        visibility: 'ORGANIZATION',
        contacts: [{ fullName: 'Salote Fifita' }],
        event: { name: eventName },
      },
    ]);
    await page.goto(`${web.url}/states/TON`);
    await page.getByText(`Bilateral meeting at ${eventName}`).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the event in the month view, moves between months with the keyboard, and downloads the calendar', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/events');
    // The list view first: the event is upcoming.
    await page.getByRole('table').getByRole('link', { name: eventName }).waitFor();
    await page.getByText(t('events.view.month'), { exact: true }).click();
    const month = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${localDate().slice(0, 7)}-01T00:00:00Z`),
    );
    const heading = page.getByRole('heading', { level: 2, name: month });
    await heading.waitFor();
    const todayCell = page.locator(`table.month-calendar td[data-date="${localDate()}"]`);
    await todayCell.getByRole('link', { name: eventName }).waitFor();
    expect(await todayCell.getAttribute('aria-current')).toBe('date');
    expect(await seriousViolations(page)).toEqual([]);

    // To the next month and back, from the keyboard.
    await page.getByRole('button', { name: t('events.month.next') }).focus();
    await page.keyboard.press('Enter');
    await heading.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('month')).not.toBe(localDate().slice(0, 7));
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // "This month"
    await heading.waitFor();
    // Past "Next month" (and the table's scroller, where it is one), the event's link in the grid.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.textContent)) !== eventName; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(eventName);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: eventName }).waitFor();
    expect(new URL(page.url()).pathname).toBe(eventPath);
    await page.goBack();

    // The .ics of what the user may see: the event, and the meeting still planned (Kiribati's).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('events.download') }).click()]);
    expect(download.suggestedFilename()).toBe('calendar.ics');
    const calendar = new ICAL.Component(ICAL.parse(await readFile(await download.path(), 'utf8')));
    expect(calendar.name).toBe('vcalendar');
    const items = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const event = items.find((item) => item.summary === eventName);
    expect(event?.startDate.toString()).toBe(localDate());
    expect(event?.endDate.toString()).toBe(localDate(3));
    expect(items.map((item) => item.summary)).toContain(`Bilateral meeting: Kiribati (${eventName})`);
    expect(items.map((item) => item.summary).filter((summary) => summary.includes('Tonga'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('edits the event, cancels a planned meeting, and keeps an event where a meeting was held', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, eventPath);
    await page.getByRole('heading', { level: 1, name: eventName }).waitFor();

    // A new place.
    await page.getByRole('button', { name: t('common.edit'), exact: true }).click();
    const form = page.getByRole('form', { name: t('events.form.editTitle') });
    await form.getByRole('textbox', { name: t('events.fields.place') }).fill('Apia');
    await form.getByRole('button', { name: t('common.save') }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText(/· Apia$/).waitFor();

    // Kiribati's meeting, still planned, is cancelled; Tonga's, held, can no longer be changed.
    const meetings = page.locator('section[aria-labelledby="meetings-title"]');
    await meetings.getByRole('button', { name: t('events.meetings.cancelWith', { state: stateName('KIR') }) }).click();
    await meetings.getByRole('button', { name: t('events.meetings.confirmCancel') }).click();
    await meetings.getByRole('heading', { name: t('events.meetings.title', { count: 1 }) }).waitFor();
    expect(await meetings.getByRole('button', { name: t('events.meetings.logHeldWith', { state: stateName('TON') }) }).count()).toBe(0);

    // The event, where a meeting was held, stays as part of its history.
    await page.getByRole('button', { name: t('events.delete') }).click();
    const confirm = page.getByRole('alert').filter({ hasText: t('events.deleteHelp') });
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: t('events.delete') }).click();
    await page.getByRole('alert').filter({ hasText: eventName }).waitFor();
    const { login } = await web.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: coordinator,
      p: PASSWORD,
    });
    const stored = await web.gql(
      'query($id: ID!) { event(id: $id) { place plannedMeetings { state { iso3 } held } } }',
      { id: eventPath.split('/').pop() },
      login.token,
    );
    expect(stored.event).toEqual({ place: 'Apia', plannedMeetings: [{ state: { iso3: 'TON' }, held: true }] });
    expect(problems).toEqual([]);
    await context.close();
  });
});
