import type { Browser, Page } from 'playwright-core';
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
import { t } from './support/i18n.js';

declare const document: any;

/** The partners' home page: the activity they may see, live, filtered, with what is new since their last visit. */
describe('the activity page in the browser', () => {
  let web: WebService;
  let browser: Browser;
  const coordinator = 'coordinator@panama.example';
  const partner = 'partner@cmc.example';
  let coordinatorToken: string;

  const log = (subject: string, visibility: string, stateIso3s = ['KIR']) =>
    web.gql(
      'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
      { input: { type: 'LETTER', occurredOn: '2026-11-20', stateIso3s, subject, visibility } },
      coordinatorToken,
    );

  /** The entries shown, each with whether it is marked new. */
  const entries = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="activity-feed"] > li')].map((li: any) => ({
        text: li.querySelector('p')?.textContent ?? '',
        unread: li.classList.contains('unread'),
      })),
    ) as Promise<{ text: string; unread: boolean }[]>;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'Panama', 'COORDINATOR', coordinator);
    await createUser(web, 'Cluster Munition Coalition', 'PARTNER', partner);
    coordinatorToken = (
      await gql(web.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: coordinator, p: PASSWORD })
    ).data!.login.token;
    await log('Shared before the visit: letter to Kiribati', 'SHARED');
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it("is a partner's home page, receives a new SHARED entry live without reloading, and never an ORGANIZATION or COORDINATORS one", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, partner, PASSWORD, '/');
    await page.getByRole('heading', { level: 1, name: t('activity.title') }).waitFor();
    const feed = page.getByTestId('activity-feed');
    await feed.getByText('Shared before the visit: letter to Kiribati').waitFor();
    // The first visit: everything is new.
    expect((await entries(page)).find((e) => e.text.includes('Shared before the visit'))!.unread).toBe(true);
    // The live subscription is open once the socket has connected; give it a moment.
    await page.waitForTimeout(1500);
    const loadedAt = await page.evaluate<number>('performance.timeOrigin');
    await log('Panama only: internal note', 'ORGANIZATION');
    await log('Coordinators only: Geneva debrief', 'COORDINATORS');
    await log('Shared live: joint visit with the Coalition', 'SHARED');
    await feed.getByText('Shared live: joint visit with the Coalition').waitFor({ timeout: 15000 });
    // The two restricted entries were written first: had they been delivered, they would be here by now.
    const text = await feed.textContent();
    expect(text).not.toContain('Panama only');
    expect(text).not.toContain('Coordinators only');
    expect((await entries(page))[0]).toEqual({ text: 'Letter with Kiribati: Shared live: joint visit with the Coalition', unread: true });
    // The entry links to its item's page.
    await feed.getByRole('link', { name: 'Letter with Kiribati: Shared live: joint visit with the Coalition' }).click();
    await page.waitForURL(`${web.url}/states/KIR`);
    expect(await page.evaluate<number>('performance.timeOrigin')).toBe(loadedAt);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('marks as new only what came since the last visit, kept on the server for the next sign-in', async () => {
    await log('Shared after the first visit', 'SHARED');
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await signIn(page, web.url, partner, PASSWORD, '/activity');
    const feed = page.getByTestId('activity-feed');
    await feed.getByText('Shared after the first visit').waitFor();
    const shown = await entries(page);
    expect(shown.find((e) => e.text.endsWith('Shared after the first visit'))!.unread).toBe(true);
    expect(shown.find((e) => e.text.endsWith('Shared live: joint visit with the Coalition'))!.unread).toBe(false);
    expect(shown.find((e) => e.text.includes('Shared before the visit'))!.unread).toBe(false);
    await page.getByText(t('activity.unread', { count: 1 }), { exact: false }).waitFor();
    await context.close();
  });

  it('filters by State, region and kind from the page address, live entries too, and is usable with the keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, partner, PASSWORD, '/activity?states=FJI&kinds=INTERACTION_LOGGED');
    const feed = page.getByTestId('activity-feed');
    await page.getByText(t('activity.empty')).waitFor();
    await page.waitForTimeout(1500);
    await log('Shared about Kiribati, filtered out', 'SHARED', ['KIR']);
    await log('Shared about Fiji', 'SHARED', ['FJI']);
    await feed.getByText('Shared about Fiji').waitFor({ timeout: 15000 });
    expect(await feed.textContent()).not.toContain('filtered out');
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard alone: the region filter is chosen by typing, and the address follows.
    const regions = page.getByRole('textbox', { name: t('activity.regions') });
    await regions.focus();
    await page.keyboard.type(t('regionalGroup.AFRICAN'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/regions=AFRICAN/);
    await page.getByText(t('activity.empty')).waitFor();
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
    await context.close();
  });
  it("opens the page of the event an entry is about, and of a meeting's event only for those who may see that event", async () => {
    const day = new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10);
    const record = async (name: string, visibility: string) =>
      (
        await web.gql(
          'mutation($input: RecordEventInput!) { recordEvent(input: $input) { id } }',
          { input: { name, kind: 'OTHER', startsOn: day, endsOn: day, visibility, attendingStateIso3s: ['TUV'] } },
          coordinatorToken,
        )
      ).recordEvent.id as string;
    const plan = (eventId: string) =>
      web.gql(
        'mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }',
        { input: { eventId, stateIso3: 'TUV', plannedOn: day, visibility: 'SHARED' } },
        coordinatorToken,
      );
    const open = await record('Open workshop', 'SHARED');
    const closed = await record('Closed retreat', 'ORGANIZATION');
    await plan(open);
    await plan(closed);

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, partner, PASSWORD, '/activity?kinds=EVENT_RECORDED,MEETING_PLANNED');
    const feed = page.getByTestId('activity-feed');
    await feed.locator(`li[data-kind="EVENT_RECORDED"] a[href="/events/${open}"]`).waitFor();
    expect(await feed.locator(`li[data-kind="MEETING_PLANNED"] a[href="/events/${open}"]`).count()).toBe(1);
    // The meeting at the retreat the partner may not see: the State's page, and nothing of the retreat.
    expect(await feed.locator('li[data-kind="MEETING_PLANNED"] p:first-of-type > a[href="/states/TUV"]').count()).toBe(1);
    expect(await page.content()).not.toContain(closed);
    expect(await seriousViolations(page)).toEqual([]);
    await feed.locator(`li[data-kind="EVENT_RECORDED"] a[href="/events/${open}"]`).click();
    await page.getByRole('heading', { level: 1, name: 'Open workshop' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // The coordinator, who sees the retreat, goes from its meeting to it.
    const own = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const watched = await openPage(own);
    await signIn(watched.page, web.url, coordinator, PASSWORD, '/activity?kinds=MEETING_PLANNED');
    await watched.page.getByTestId('activity-feed').locator(`li[data-kind="MEETING_PLANNED"] a[href="/events/${closed}"]`).click();
    await watched.page.getByRole('heading', { level: 1, name: 'Closed retreat' }).waitFor();
    expect(watched.problems).toEqual([]);
    await own.close();
  });
});
