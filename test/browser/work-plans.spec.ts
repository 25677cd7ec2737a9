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
import { LOCALE, stateName, t } from './support/i18n.js';

/** The page's document and window, as the callbacks below use them (they run in the browser, not here). */
declare const document: {
  activeElement: { tagName: string; textContent: string | null; getAttribute(name: string): string | null } | null;
};

/** A calendar date as the application writes it in the test language (lib/format.ts: medium, UTC). */
const day = (date: string) =>
  new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Spaces of any kind as one plain space: PDF text and Intl output differ in the spaces they use. */
const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text of the PDF's first page, read back with pdf.js. */
async function firstPageText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const page = await document.getPage(1);
    const content = await page.getTextContent();
    return squash(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  } finally {
    await document.destroy();
  }
}

/**
 * Work plans: a coordinator builds a mandate with an objective and its indicators, plans an
 * activity, reads (and prints) the progress report for a period, then hands the mandate over to
 * the next one, which shows what it carried over.
 */
describe('work plans, the progress report and the hand-over', () => {
  let web: WebService;
  let browser: Browser;
  let token: string;
  const coordinator = 'coordinator@france.example';
  const year = new Date().getUTCFullYear();
  const mandateName = `Universalization coordinators ${year}`;
  const nextName = `Universalization coordinators ${year + 1}`;
  const from = `${year}-01-10`;
  const to = `${year}-01-31`;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebService(), launchBrowser()]);
    await createUser(web, 'France', 'COORDINATOR', coordinator);
    token = (
      await gql(web.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: coordinator, p: PASSWORD })
    ).data!.login.token;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  /** Logs an interaction of the coordinator's organization for the mandate, through the API. */
  async function log(mandateId: string, iso3: string, occurredOn: string, subject: string, followUpOn?: string) {
    await web.gql(
      'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
      { input: { type: 'DEMARCHE', occurredOn, subject, stateIso3s: [iso3], mandateId, followUpOn } },
      token,
    );
  }

  /** Chooses an option of a Mantine Select by its label. */
  async function select(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('builds a mandate, reports a period with its counts, prints it, and hands it over with its open items', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/work-plans');

    // The navigation has the work plans, and the list says there is none yet.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('navMore.workPlans'), exact: true })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: t('workPlans.title') }).waitFor();
    await page.getByText(t('workPlans.none')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Started with the keyboard only: Tab to the button, Enter, type the name, Enter (this year and France by default).
    const start = page.getByRole('button', { name: t('workPlans.start'), exact: true });
    for (let i = 0; i < 60 && !(await start.evaluate((button) => (button as unknown) === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await start.evaluate((button) => (button as unknown) === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const startDialog = page.getByRole('dialog', { name: t('workPlans.start') });
    await startDialog.waitFor();
    const nameField = startDialog.getByRole('textbox', { name: t('workPlans.name') });
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
    expect(await nameField.evaluate((input) => (input as unknown) === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type(mandateName);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/work-plans\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: mandateName }).waitFor();
    const mandateId = page.url().split('/').pop()!;

    // An objective with two indicators that follow numbers of the report.
    await page.getByRole('button', { name: t('workPlans.addObjective'), exact: true }).click();
    const objectiveDialog = page.getByRole('dialog', { name: t('workPlans.addObjective') });
    await objectiveDialog.getByRole('textbox', { name: t('workPlans.objectiveTitle') }).fill('Engage the Pacific');
    await objectiveDialog
      .getByRole('textbox', { name: t('workPlans.indicatorDescription', { number: 1 }), exact: true })
      .fill('States contacted in the Pacific');
    await select(page, objectiveDialog, t('workPlans.indicatorMetric', { number: 1 }), t('workPlans.metric.STATES_CONTACTED'));
    await objectiveDialog.getByLabel(t('workPlans.indicatorTarget', { number: 1 }), { exact: true }).fill('5');
    await objectiveDialog.getByRole('button', { name: t('workPlans.addIndicator') }).click();
    await objectiveDialog
      .getByRole('textbox', { name: t('workPlans.indicatorDescription', { number: 2 }), exact: true })
      .fill('Démarches in the Pacific');
    await select(page, objectiveDialog, t('workPlans.indicatorMetric', { number: 2 }), t('workPlans.metric.INTERACTIONS'));
    await objectiveDialog.getByLabel(t('workPlans.indicatorTarget', { number: 2 }), { exact: true }).fill('12');
    expect(await seriousViolations(page)).toEqual([]);
    await objectiveDialog.getByRole('button', { name: t('common.save') }).click();
    await objectiveDialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 3, name: 'Engage the Pacific' }).waitFor();

    // A planned activity, which the hand-over will carry over.
    await page.getByRole('button', { name: t('workPlans.addActivity'), exact: true }).click();
    const activityDialog = page.getByRole('dialog', { name: t('workPlans.addActivity') });
    await activityDialog.getByRole('textbox', { name: t('workPlans.activityTitle') }).fill('Démarche in Suva on joining the Convention');
    await activityDialog.getByRole('textbox', { name: t('workPlans.activityStates'), exact: true }).focus();
    await page.keyboard.type('FJI');
    await page.getByRole('option', { name: `${stateName('FJI')} (FJI)` }).click();
    await page.keyboard.press('Tab');
    await activityDialog.getByRole('button', { name: t('common.save') }).click();
    await activityDialog.waitFor({ state: 'detached' });
    const activityRow = page.locator('table.activities-table tbody tr').filter({ hasText: 'Démarche in Suva on joining the Convention' });
    await activityRow.waitFor();
    expect(await activityRow.locator('td').nth(2).textContent()).toBe(stateName('FJI'));
    expect(await seriousViolations(page)).toEqual([]);

    // Work the indicators count: three démarches to two States in the period, one before and one after it.
    await log(mandateId, 'FJI', `${year}-01-12`, 'Démarche in Suva');
    await log(mandateId, 'FJI', `${year}-01-20`, 'Second démarche in Suva', `${year + 1}-02-01`);
    await log(mandateId, 'TON', `${year}-01-25`, "Démarche in Nuku'alofa");
    await log(mandateId, 'WSM', `${year}-01-05`, 'Démarche in Apia');
    await log(mandateId, 'TUV', `${year}-02-03`, 'Démarche in Funafuti');

    // The report for the period, chosen in the page's form.
    await page.getByRole('link', { name: t('workPlans.report'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('workPlans.reportTitle', { name: mandateName }) }).waitFor();
    await page.getByLabel(t('workPlans.from'), { exact: true }).fill(from);
    await page.getByLabel(t('workPlans.to'), { exact: true }).fill(to);
    await page.getByLabel(t('workPlans.to'), { exact: true }).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);
    const period = t('workPlans.periodRange', { from: day(from), to: day(to) });
    await page.getByText(t('workPlans.reportPeriod', { period }), { exact: true }).waitFor();
    const rowOf = (description: string) =>
      page.locator('table.report-indicators tbody tr').filter({ has: page.getByRole('rowheader', { name: description }) });
    const cells = async (description: string) => (await rowOf(description).locator('td.num').allTextContents()).map(squash);
    await rowOf('States contacted in the Pacific').waitFor();
    // In the period, the mandate so far, the target.
    expect(await cells('States contacted in the Pacific')).toEqual(['2', '4', '5']);
    expect(await cells('Démarches in the Pacific')).toEqual(['3', '5', '12']);
    expect(await page.locator('svg.indicator-chart').count()).toBe(2);
    expect(
      await page
        .locator('table.report-numbers')
        .getByRole('rowheader', { name: t('workPlans.metric.INTERACTIONS'), exact: true })
        .count(),
    ).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The downloads, with the session's token, for the same period.
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: t('workPlans.downloadCsv') }).click();
    const csvFile = await csv;
    expect(csvFile.suggestedFilename()).toBe('progress-report.csv');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(await csvFile.path(), 'utf8')).toMatch(/\S/);
    const markdown = page.waitForEvent('download');
    await page.getByRole('button', { name: t('workPlans.downloadMarkdown') }).click();
    const markdownFile = await markdown;
    expect(markdownFile.suggestedFilename()).toBe('progress-report.md');
    const markdownText = await readFile(await markdownFile.path(), 'utf8');
    expect(markdownText).toContain(mandateName);
    expect(markdownText).toContain(from);

    // Printed: no navigation and no buttons; the header with the mandate, the period and the date; the counts.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.shell-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: t('workPlans.print') }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const text = await firstPageText(pdf);
    expect(text).toContain(squash(t('workPlans.reportTitle', { name: mandateName })));
    expect(text).toContain(squash(t('workPlans.reportPeriod', { period })));
    expect(text).toContain(squash(t('workPlans.printedOn', { date: day(new Date().toISOString().slice(0, 10)) })));
    expect(text).toMatch(/States contacted in the Pacific 2 4 5/);
    expect(text).toMatch(/Démarches in the Pacific 3 5 12/);
    expect(text).not.toContain(squash(t('workPlans.downloadCsv')));
    expect(text).not.toContain(squash(t('workPlans.showPeriod')));
    expect(text).not.toContain(squash(t('nav.dashboard')));
    await page.emulateMedia({ media: 'screen' });

    // The hand-over: the next mandate, started from this one, shows what it carried over.
    await page.getByRole('link', { name: t('workPlans.backToMandate', { name: mandateName }) }).click();
    await page.getByRole('heading', { level: 1, name: mandateName }).waitFor();
    await page.getByRole('button', { name: t('workPlans.startNext'), exact: true }).click();
    const handOver = page.getByRole('dialog', { name: t('workPlans.startNext') });
    await handOver.getByText(t('workPlans.handOverIntro', { name: mandateName })).waitFor();
    expect(await handOver.getByLabel(t('workPlans.periodFrom')).inputValue()).toBe(`${year + 1}-01-01`);
    await handOver.getByRole('textbox', { name: t('workPlans.name') }).fill(nextName);
    await handOver.getByRole('button', { name: t('workPlans.startNext') }).click();
    await page.getByRole('heading', { level: 1, name: nextName }).waitFor();
    await page.getByRole('heading', { level: 2, name: t('workPlans.carriedOver') }).waitFor();
    const carried = page.locator('section.hand-over');
    await carried.getByRole('link', { name: mandateName }).waitFor();
    await carried.locator('table.carried-activities').getByText('Démarche in Suva on joining the Convention').waitFor();
    await carried.locator('table.carried-follow-ups').getByText('Second démarche in Suva').waitFor();
    expect(await carried.locator('table.carried-follow-ups tbody tr').count()).toBe(1);
    // The copied activity is in the new plan too, marked as carried over.
    await page.locator('table.activities-table').getByText(t('workPlans.carriedBadge')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The first mandate, handed over, says so and can no longer be handed over again.
    await carried.getByRole('link', { name: mandateName }).click();
    await page.getByRole('heading', { level: 1, name: mandateName }).waitFor();
    await page.getByRole('link', { name: nextName }).waitFor();
    expect(await page.getByRole('button', { name: t('workPlans.startNext'), exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a partner the shared work plans only, without a button to change them', async () => {
    const partner = await createUser(web, 'Cluster Munition Coalition', 'PARTNER', 'partner@cmc.example');
    const france = (await web.gql('{ organizations { id name } }')).organizations.find((o: { name: string }) => o.name === 'France').id;
    const start = (name: string, visibility: string) =>
      web.gql(
        'mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }',
        {
          input: { name, periodFrom: `${year + 8}-01-01`, periodTo: `${year + 8}-12-31`, organizationIds: [france], visibility },
        },
        token,
      );
    const shared = (await start('Shared with the Coalition', 'SHARED')).startMandate.id;
    await start('Between the coordinating governments', 'ORGANIZATION');
    await web.gql('mutation($m: ID!) { addObjective(mandateId: $m, input: { title: "Reach Central Asia" }) { id } }', { m: shared }, token);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, partner, PASSWORD, '/work-plans');
    await page.locator('table.mandates-table').getByRole('link', { name: 'Shared with the Coalition' }).waitFor();
    expect(await page.getByRole('link', { name: 'Between the coordinating governments' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: t('workPlans.start'), exact: true }).count()).toBe(0);
    await page.locator('table.mandates-table').getByRole('link', { name: 'Shared with the Coalition' }).click();
    await page.getByRole('heading', { level: 3, name: 'Reach Central Asia' }).waitFor();
    for (const label of [
      'workPlans.addObjective',
      'workPlans.addActivity',
      'workPlans.startNext',
      'workPlans.editMandate',
      'workPlans.deleteMandate',
    ]) {
      expect([label, await page.getByRole('button', { name: t(label), exact: true }).count()]).toEqual([label, 0]);
    }
    expect(await page.getByRole('button', { name: t('workPlans.editNamed', { name: 'Reach Central Asia' }) }).count()).toBe(0);
    await page.getByRole('link', { name: t('workPlans.report'), exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('edits an objective changed meanwhile by reloading and re-applying the change', async () => {
    const mandate = (
      await web.gql(
        'mutation($input: StartMandateInput!) { startMandate(input: $input) { id organizations { id } } }',
        {
          input: {
            name: 'Conflict check',
            periodFrom: `${year + 5}-01-01`,
            periodTo: `${year + 5}-12-31`,
            organizationIds: [
              (await web.gql('{ organizations { id name } }')).organizations.find((o: { name: string }) => o.name === 'France').id,
            ],
          },
        },
        token,
      )
    ).startMandate;
    const objective = (
      await web.gql(
        'mutation($m: ID!) { addObjective(mandateId: $m, input: { title: "Reach the Caribbean" }) { id version } }',
        { m: mandate.id },
        token,
      )
    ).addObjective;
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, `/work-plans/${mandate.id}`);
    await page.getByRole('heading', { level: 3, name: 'Reach the Caribbean' }).waitFor();
    await page.getByRole('button', { name: t('workPlans.editNamed', { name: 'Reach the Caribbean' }) }).click();
    const dialog = page.getByRole('dialog', { name: t('workPlans.editObjective') });
    // Someone else changes it meanwhile.
    await web.gql(
      'mutation($id: ID!, $v: Int!) { updateObjective(id: $id, input: { expectedVersion: $v, description: "Changed meanwhile" }) { id } }',
      { id: objective.id, v: objective.version },
      token,
    );
    await dialog.getByRole('textbox', { name: t('workPlans.objectiveTitle') }).fill('Reach the Caribbean and Central America');
    await dialog.getByRole('button', { name: t('common.save') }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: t('errors.conflictShort') })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: t('errors.reloadAndReapply') }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 3, name: 'Reach the Caribbean and Central America' }).waitFor();
    const after = (await web.gql('query($id: ID!) { mandate(id: $id) { objectives { title version } } }', { id: mandate.id }, token))
      .mandate.objectives[0];
    expect(after).toEqual({ title: 'Reach the Caribbean and Central America', version: objective.version + 2 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
