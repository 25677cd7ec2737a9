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
import { t } from './support/i18n.js';

const HEADER = 'Ref;Date;Type;States;Subject;Visibility';
const good = (ref: string, date: string, state: string) =>
  `${ref};${date};Letter;${state};Letter to ${state} on joining the CCM;Organization`;

/** Spreadsheet import in the browser: one bad row refuses the file whole; corrected, it is imported. */
describe('the spreadsheet import page in the browser', () => {
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

  /** The interactions the coordinator's organization has (they are ORGANIZATION: its own). */
  const count = async () => {
    const token = (
      await gql(web.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: coordinator, p: PASSWORD })
    ).data!.login.token;
    return (await web.gql('{ interactions(first: 1, filter: { search: "joining the CCM" }) { totalCount } }', {}, token)).interactions
      .totalCount as number;
  };

  it('shows the cell to fix, imports nothing while a row is rejected, then imports the corrected file', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await openPage(context);
    await signIn(page, web.url, coordinator, PASSWORD, '/import');
    await page.getByRole('heading', { level: 1, name: t('import.title') }).waitFor();
    const bad = [HEADER, good('A-1', '2026-01-12', 'Tuvalu'), good('A-2', '2026-02-30', 'Tonga'), good('A-3', '2026-01-14', 'Fiji')].join(
      '\n',
    );
    const chooser = page.locator('input[type="file"]').nth(1);
    await chooser.setInputFiles({ name: 'interactions.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: t('import.check') }).click();
    await page
      .getByTestId('import-outcome')
      .getByText(t('import.wouldRefuse', { count: 1 }))
      .waitFor();
    const rejected = page.locator('tr[data-action="REJECT"]');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.getAttribute('data-line')).toBe('3');
    expect(await rejected.locator('td').nth(2).textContent()).toBe('date');
    expect(await seriousViolations(page)).toEqual([]);

    // Importing anyway is refused whole: nothing is written, not even the good rows.
    await page.getByRole('button', { name: t('import.import'), exact: true }).click();
    await page
      .getByTestId('import-outcome')
      .getByText(t('import.refused', { count: 1 }))
      .waitFor();
    expect(await count()).toBe(0);

    // Corrected, checked and imported.
    const fixed = bad.replace('2026-02-30', '2026-02-28');
    await chooser.setInputFiles({ name: 'interactions.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
    await page.getByRole('button', { name: t('import.check') }).click();
    await page.getByTestId('import-outcome').getByText(t('import.ready')).waitFor();
    await page.getByRole('button', { name: t('import.import'), exact: true }).click();
    await page.getByTestId('import-outcome').getByText(t('import.done')).waitFor();
    expect(await count()).toBe(3);
    expect(problems).toEqual([]);
    await context.close();
  });
});
