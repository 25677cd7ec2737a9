import type { Browser } from 'playwright-core';
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
import { pattern, startingWith, stateName, t } from './support/i18n.js';

/** Who sees which interaction on a State page, and a stale edit in two tabs. */
describe('interactions in the browser', () => {
  let web: WebService;
  let browser: Browser;
  const panama = 'coordinator@panama.example';
  const france = 'coordinator@france.example';
  const partner = 'partner@icrc.example';
  let panamaToken: string;

  async function tokenOf(email: string): Promise<string> {
    const result = await gql(web.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: email,
      p: PASSWORD,
    });
    return result.data!.login.token as string;
  }

  async function logAs(token: string, subject: string, visibility: string): Promise<{ id: string; version: number }> {
    const data = await web.gql(
      'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version } }',
      { input: { type: 'BILATERAL_MEETING', occurredOn: '2026-11-20', stateIso3s: ['KIR'], subject, visibility } },
      token,
    );
    return data.logInteraction;
  }

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'Panama', 'COORDINATOR', panama);
    await createUser(web, 'France', 'COORDINATOR', france);
    await createUser(web, 'ICRC', 'PARTNER', partner);
    panamaToken = await tokenOf(panama);
    await logAs(panamaToken, 'Panama only: internal debrief', 'ORGANIZATION');
    await logAs(panamaToken, 'Coordinators: meeting in Geneva', 'COORDINATORS');
    await logAs(panamaToken, 'Shared: joint visit with the Coalition', 'SHARED');
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  const subjects = (page: import('playwright-core').Page) =>
    page.locator('section[aria-labelledby="timeline-title"] ol.timeline > li').allTextContents();

  it("hides an ORGANIZATION interaction from another organization's coordinator, and all but SHARED ones from a partner", async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, france, PASSWORD, '/states/KIR');
    const timeline = page.locator('section[aria-labelledby="timeline-title"]');
    await timeline.getByText('Shared: joint visit with the Coalition').waitFor();
    await timeline.getByText('Coordinators: meeting in Geneva').waitFor();
    expect((await subjects(page)).join('\n')).not.toContain('Panama only');
    // Panama's interactions are not France's to edit: no "Edit" button of any kind.
    const edit = new RegExp(`${startingWith('common.edit').source}|${pattern('statePage.editInteraction', { subject: '.*' }).source}`);
    expect(await timeline.getByRole('button', { name: edit }).count()).toBe(0);
    await context.close();

    const partnerContext = await browser.newContext();
    const other = await openPage(partnerContext);
    await signIn(other.page, web.url, partner, PASSWORD, '/states/KIR');
    const partnerTimeline = other.page.locator('section[aria-labelledby="timeline-title"]');
    await partnerTimeline.getByText('Shared: joint visit with the Coalition').waitFor();
    const seen = (await subjects(other.page)).join('\n');
    expect(seen).not.toContain('Panama only');
    expect(seen).not.toContain('Coordinators: meeting in Geneva');
    // A partner is offered nothing it would be refused.
    await other.page.getByRole('heading', { name: t('stagePanel.title') }).waitFor();
    expect(await other.page.getByRole('button', { name: t('stagePanel.set') }).count()).toBe(0);
    expect(await other.page.getByRole('button', { name: t('obstacles.record') }).count()).toBe(0);
    // Its own interactions are always shared: no other choice is offered.
    await other.page.getByRole('button', { name: t('statePage.logHere', { name: stateName('KIR') }) }).click();
    const dialog = other.page.getByRole('dialog', { name: t('logInteraction.title') });
    await dialog.getByText(t('visibility.sentence.SHARED')).waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
    await partnerContext.close();
  });

  it('shows a stale edit in a second tab as a conflict, and re-applies it on the current version', async () => {
    const { id } = await logAs(panamaToken, 'Letter to the Minister', 'ORGANIZATION');
    const context = await browser.newContext();
    const one = await openPage(context);
    await signIn(one.page, web.url, panama, PASSWORD, '/states/KIR');
    const two = await openPage(context);
    await two.page.goto(`${web.url}/states/KIR`);
    for (const { page } of [one, two]) {
      await page.getByRole('button', { name: t('statePage.editInteraction', { subject: 'Letter to the Minister' }) }).click();
      await page.getByRole('dialog', { name: t('logForm.editTitle') }).waitFor();
    }
    // The first tab changes the subject.
    const first = one.page.getByRole('dialog', { name: t('logForm.editTitle') });
    await first.getByRole('textbox', { name: t('logForm.subject') }).fill('Letter to the Minister of Foreign Affairs');
    await first.getByRole('button', { name: t('common.save') }).click();
    await first.waitFor({ state: 'detached' });
    // The second, opened on the old version, changes the outcome.
    const second = two.page.getByRole('dialog', { name: t('logForm.editTitle') });
    await second.getByRole('textbox', { name: t('logForm.outcome') }).fill('Reply promised before the Meeting of States Parties');
    await second.getByRole('button', { name: t('common.save') }).click();
    const alert = second.getByRole('alert').filter({ hasText: t('errors.conflictShort') });
    await alert.waitFor();
    await alert.getByText(t('errors.conflict', { expected: 1, actual: 2 }), { exact: true }).waitFor();
    await alert.getByRole('button', { name: t('errors.reloadAndReapply') }).click();
    await second.waitFor({ state: 'detached' });
    const stored = await web.gql('query($id: ID!) { interaction(id: $id) { subject outcome version } }', { id }, panamaToken);
    expect(stored.interaction).toEqual({
      subject: 'Letter to the Minister of Foreign Affairs',
      outcome: 'Reply promised before the Meeting of States Parties',
      version: 3,
    });
    expect(one.problems).toEqual([]);
    expect(two.problems).toEqual([]);
    await context.close();
  });

  it('deletes an interaction from its dialog after a confirmation, readable and reachable by keyboard', async () => {
    const { id } = await logAs(panamaToken, 'Call logged twice by mistake', 'ORGANIZATION');
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, panama, PASSWORD, '/states/KIR');
    await page.getByRole('button', { name: t('statePage.editInteraction', { subject: 'Call logged twice by mistake' }) }).click();
    const dialog = page.getByRole('dialog', { name: t('logForm.editTitle') });
    await dialog.getByRole('button', { name: t('logForm.delete') }).click();
    const confirmation = dialog.getByRole('alert').filter({ hasText: t('logForm.confirmDelete') });
    await confirmation.waitFor();
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    await confirmation.getByRole('button', { name: t('logForm.delete') }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(t('logForm.deleted')).waitFor();
    // The timeline is fetched again once the deletion is answered: wait for it to leave the list.
    await page
      .locator('section[aria-labelledby="timeline-title"] ol.timeline > li')
      .filter({ hasText: 'Call logged twice by mistake' })
      .waitFor({ state: 'detached' });
    expect((await subjects(page)).join('\n')).not.toContain('Call logged twice by mistake');
    const stored = await web.gql('query($id: ID!) { interaction(id: $id) { id } }', { id }, panamaToken);
    expect(stored.interaction).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });
});
