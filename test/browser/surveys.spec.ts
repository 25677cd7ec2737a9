import type { Browser, Page } from 'playwright-core';
import { createUser, launchBrowser, openPage, PASSWORD, seriousViolations, signIn, startWebService, type WebService } from './support/browser.js';
import { stateName, t } from './support/i18n.js';

/** Picks a State in the survey's States field, by its ISO code (the service's search finds it in any language). */
async function pickState(page: Page, iso3: string): Promise<void> {
  const field = page.getByRole('dialog').getByLabel(t('surveys.states'));
  await field.fill(iso3);
  await page.getByRole('option', { name: `${stateName(iso3)} (${iso3})` }).click();
}

/** The obstacle survey: created for two States, an answer recorded from a reply that opens an obstacle, its results, and the obstacle on the State page. */
describe('the surveys page', () => {
  let web: WebService;
  let browser: Browser;
  const coordinator = 'coordinator@france.example';
  const name = 'Obstacles 2026';

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'France', 'COORDINATOR', coordinator);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('creates a survey for two States, records an answer that opens an obstacle, and shows the results and the obstacle', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/');
    await page.locator('header nav').getByRole('link', { name: t('navMore.surveys') }).click();
    await page.getByRole('heading', { level: 1, name: t('surveys.title') }).waitFor();
    await page.getByText(t('surveys.none')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Create it with the default questions, for Kiribati and Tuvalu.
    await page.getByRole('button', { name: t('surveys.create') }).click();
    const dialog = page.getByRole('dialog', { name: t('surveys.create') });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: t('surveys.name') }).fill(name);
    await pickState(page, 'KIR');
    await pickState(page, 'TUV');
    expect(await dialog.getByRole('radio', { name: t('surveys.defaultQuestions') }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: t('surveys.createSubmit') }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // The questions, and the two States awaiting a reply.
    const answers = page.locator('section[aria-labelledby="answers-title"]');
    expect(await page.locator('ol.survey-questions > li').count()).toBe(3);
    expect(await answers.getByText(t('surveys.awaiting')).count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    // Kiribati's reply: a substantive concern, which opens an obstacle in the register.
    await answers.getByRole('button', { name: t('surveys.recordAnswerFor', { name: stateName('KIR') }) }).click();
    const record = page.getByRole('dialog', { name: t('surveys.recordAnswerFor', { name: stateName('KIR') }) });
    await record.waitFor();
    await record.getByRole('textbox', { name: t('surveys.choice') }).click();
    await page.getByRole('option', { name: 'Security and defence concerns' }).click();
    await record.getByRole('textbox', { name: t('surveys.text') }).fill('Defence cooperation under review');
    await record.getByRole('checkbox', { name: t('surveys.openObstacle', { category: t('obstacles.categories.SUBSTANTIVE') }) }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await record.getByRole('button', { name: t('common.save') }).click();
    await record.waitFor({ state: 'detached' });

    await answers.getByText(t('surveys.answeredCount', { count: 1, total: 3 })).waitFor();
    await answers.getByText(t('surveys.answerLine', { position: 1, answer: 'Security and defence concerns — Defence cooperation under review' })).waitFor();
    await answers.getByRole('link', { name: t('surveys.obstacleOpened') }).waitFor();

    // The results: per question, and per regional group, with the States behind each count.
    const results = page.locator('section[aria-labelledby="results-title"]');
    const overall = results.locator('table', { has: page.getByText(t('surveys.allRegions'), { exact: true }) }).first();
    const row = overall.getByRole('row', { name: /Security and defence concerns/ });
    await row.getByRole('link', { name: stateName('KIR') }).waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('1');
    const region = results.locator('table', { has: page.getByText(t('regionalGroup.ASIA_PACIFIC'), { exact: true }) }).first();
    await region.getByRole('row', { name: /Security and defence concerns/ }).getByRole('link', { name: stateName('KIR') }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The obstacle on Kiribati's page, and the way back to its survey answers.
    await answers.getByRole('link', { name: stateName('KIR') }).click();
    await page.getByRole('heading', { level: 1, name: stateName('KIR') }).waitFor();
    const obstacles = page.locator('section[aria-labelledby="obstacles-title"]');
    await obstacles.getByText(/Defence cooperation under review/).waitFor();
    await obstacles.getByText(t('obstacles.categories.SUBSTANTIVE')).first().waitFor();
    await page.getByRole('link', { name: t('surveys.stateLink', { name: stateName('KIR') }) }).click();
    await page.getByRole('heading', { level: 1, name: t('surveys.title') }).waitFor();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // Only Kiribati's row.
    expect(await page.locator('section[aria-labelledby="answers-title"] tbody tr').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    const token = await page.evaluate<string | null>("localStorage.getItem('ratify.token')");
    const stored = await web.gql('{ surveys { name stateIso3s answers { stateIso3 choice visibility obstacleId } } }', {}, token!);
    expect(stored.surveys).toEqual([
      { name, stateIso3s: ['KIR', 'TUV'], answers: [{ stateIso3: 'KIR', choice: 'Security and defence concerns', visibility: 'COORDINATORS', obstacleId: expect.any(String) }] },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
