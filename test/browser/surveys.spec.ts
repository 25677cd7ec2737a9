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
    await page
      .locator('header nav')
      .getByRole('link', { name: t('navMore.surveys') })
      .click();
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
    await answers
      .getByText(t('surveys.answerLine', { position: 1, answer: 'Security and defence concerns — Defence cooperation under review' }))
      .waitFor();
    await answers.getByRole('link', { name: t('surveys.obstacleOpened') }).waitFor();

    // The results: per question, and per regional group, with the States behind each count.
    const results = page.locator('section[aria-labelledby="results-title"]');
    const overall = results.locator('table', { has: page.getByText(t('surveys.allRegions'), { exact: true }) }).first();
    const row = overall.getByRole('row', { name: /Security and defence concerns/ });
    await row.getByRole('link', { name: stateName('KIR') }).waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('1');
    const region = results.locator('table', { has: page.getByText(t('regionalGroup.ASIA_PACIFIC'), { exact: true }) }).first();
    await region
      .getByRole('row', { name: /Security and defence concerns/ })
      .getByRole('link', { name: stateName('KIR') })
      .waitFor();
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
      {
        name,
        stateIso3s: ['KIR', 'TUV'],
        answers: [
          { stateIso3: 'KIR', choice: 'Security and defence concerns', visibility: 'COORDINATORS', obstacleId: expect.any(String) },
        ],
      },
    ]);

    // Deleting the answer asks first, in a dialog of the page: cancelled (Enter on its focused Cancel), the answer stays; confirmed, it goes and its obstacle stays.
    const deleteLabel = t('surveys.deleteAnswerOf', { position: 1, name: stateName('KIR') });
    await page.getByRole('button', { name: deleteLabel }).click();
    const confirm = page.getByRole('dialog', { name: deleteLabel });
    await confirm.getByText(t('surveys.deleteConfirm')).waitFor();
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect((await web.gql('{ surveys { answers { id } } }', {}, token!)).surveys[0].answers).toHaveLength(1);
    await page.getByRole('button', { name: deleteLabel }).click();
    await confirm.getByRole('button', { name: t('surveys.delete') }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.locator('section[aria-labelledby="answers-title"]').getByText(t('surveys.awaiting')).waitFor();
    const after = await web.gql(`{ surveys { answers { id } } state(iso3: "KIR") { obstacles { description } } }`, {}, token!);
    expect(after.surveys[0].answers).toEqual([]);
    expect(after.state.obstacles.some((o: { description: string }) => o.description.includes('Defence cooperation under review'))).toBe(
      true,
    );
    expect(problems).toEqual([]);
    await context.close();
  });
  it("shows in a mandate's progress report the results of the surveys each reader may see, linked to the survey, its campaign and back", async () => {
    const partner = await createUser(web, 'Cluster Munition Coalition', 'PARTNER', 'partner@cmc.example');
    const token = (
      await gql(web.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: coordinator, p: PASSWORD })
    ).data!.login.token as string;
    const france = (await web.gql('{ me { organization { id } } }', {}, token)).me.organization.id;
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    const mandate = (
      await web.gql(
        'mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }',
        {
          input: {
            name: 'Coordination with the Coalition',
            periodFrom: `${year}-01-01`,
            periodTo: `${year}-12-31`,
            organizationIds: [france],
            visibility: 'SHARED',
          },
        },
        token,
      )
    ).startMandate.id as string;
    const create = async (surveyName: string, visibility: string) =>
      (
        await web.gql(
          'mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id campaignId questions { id } } }',
          {
            input: { name: surveyName, stateIso3s: ['KIR', 'TUV'], mandateId: mandate, visibility },
          },
          token,
        )
      ).createSurvey as { id: string; campaignId: string; questions: { id: string }[] };
    const shared = await create('Obstacles shared with the Coalition', 'SHARED');
    const confidential = await create('Obstacles among coordinators', 'COORDINATORS');
    const answer = (survey: typeof shared, stateIso3: string, choice: string, visibility: string) =>
      web.gql(
        'mutation($input: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $input) { id } }',
        {
          input: { surveyId: survey.id, questionId: survey.questions[0].id, stateIso3, choice, answeredOn: today, visibility },
        },
        token,
      );
    await answer(shared, 'TUV', 'None', 'SHARED');
    await answer(confidential, 'KIR', 'Security and defence concerns', 'COORDINATORS');
    const reportPath = `/work-plans/${mandate}/report?from=${year}-01-01&to=${today}`;

    // The coordinator sees both surveys in the report, each choice with its States.
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, reportPath);
    const surveys = page.locator('section[aria-labelledby="surveys-heading"]');
    await surveys.getByRole('heading', { level: 2, name: t('workPlans.surveys') }).waitFor();
    const sharedPart = surveys.locator('article', {
      has: page.getByRole('heading', { level: 3, name: 'Obstacles shared with the Coalition' }),
    });
    const confidentialPart = surveys.locator('article', {
      has: page.getByRole('heading', { level: 3, name: 'Obstacles among coordinators' }),
    });
    const overall = (part: typeof sharedPart) =>
      part.locator('table', { has: page.getByText(t('surveys.allRegions'), { exact: true }) }).first();
    const noneRow = overall(sharedPart).getByRole('row', { name: /^None/ });
    await noneRow.getByRole('link', { name: stateName('TUV') }).waitFor();
    expect(await noneRow.getByRole('cell').first().textContent()).toBe('1');
    const concernRow = overall(confidentialPart).getByRole('row', { name: /Security and defence concerns/ });
    await concernRow.getByRole('link', { name: stateName('KIR') }).waitFor();
    await confidentialPart
      .locator('table', { has: page.getByText(t('regionalGroup.ASIA_PACIFIC'), { exact: true }) })
      .first()
      .getByRole('link', { name: stateName('KIR') })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Printed: the surveys are there, without the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await surveys.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: t('workPlans.print') }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // From the report to the survey, to its letter campaign, and back.
    await surveys.getByRole('link', { name: 'Obstacles among coordinators' }).click();
    await page.getByRole('heading', { level: 1, name: 'Obstacles among coordinators' }).waitFor();
    await page.getByRole('link', { name: t('surveys.campaignLink') }).click();
    await page.getByRole('heading', { level: 1, name: 'Obstacles among coordinators' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/campaigns/${confidential.campaignId}`);
    await page.getByText(t('campaigns.ofSurvey')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: t('campaigns.surveyLink') }).click();
    await page.getByRole('heading', { level: 1, name: 'Obstacles among coordinators' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/surveys/${confidential.id}`);

    // The activity entry about the survey's campaign opens the campaign.
    await page.goto(`${web.url}/activity`);
    await page.locator(`li[data-kind="CAMPAIGN_CREATED"] a[href="/campaigns/${confidential.campaignId}"]`).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // The partner sees the shared survey only.
    const partnerContext = await browser.newContext();
    const watched = await openPage(partnerContext);
    await signIn(watched.page, web.url, partner, PASSWORD, reportPath);
    const partnerSurveys = watched.page.locator('section[aria-labelledby="surveys-heading"]');
    await partnerSurveys.getByRole('link', { name: 'Obstacles shared with the Coalition' }).waitFor();
    await partnerSurveys
      .getByRole('row', { name: /^None/ })
      .first()
      .getByRole('link', { name: stateName('TUV') })
      .waitFor();
    expect(await watched.page.getByText('Obstacles among coordinators').count()).toBe(0);
    expect(await partnerSurveys.getByRole('link', { name: stateName('KIR') }).count()).toBe(0);
    expect(await seriousViolations(watched.page)).toEqual([]);
    expect(watched.problems).toEqual([]);
    await partnerContext.close();
  });
});
