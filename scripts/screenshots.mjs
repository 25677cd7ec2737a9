// The README's screenshots, taken from the running application in Debian's Chromium so that they
// stay true (`npm run screenshots`): docs/screenshots/dashboard.png, targets.png, state.png, activity.png
// and progress-report.png.
// Against a running service: `node scripts/screenshots.mjs --url http://localhost:3000 --email E --password P`;
// without --url it starts the built service (dist/ratify.mjs) on a fresh embedded database.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, serviceFor } from './lib/web-service.mjs';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    email: { type: 'string', default: 'admin@example.org' },
    password: { type: 'string', default: 'admin-password-for-the-screenshots' },
    out: { type: 'string', default: 'docs/screenshots' },
    language: { type: 'string', default: 'en' },
  },
});

const service = await serviceFor({ url: options.url, email: options.email, password: options.password, name: 'screenshots' });
const browser = await launchChromium();
mkdirSync(options.out, { recursive: true });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1, locale: options.language });
  const page = await context.newPage();
  await page.addInitScript((language) => localStorage.setItem('ratify.language', language), options.language);
  await page.goto(`${service.url}/sign-in`);
  await page.locator('input[type="email"]').fill(options.email);
  await page.locator('input[type="password"]').fill(options.password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('svg.world-map path.state').first().waitFor({ timeout: 30_000 });
  await page.locator('svg.timeline-chart').waitFor();
  await page.locator('svg.world-map [data-iso3="KIR"]').hover();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(options.out, 'dashboard.png'), fullPage: true });
  const pages = [
    ['targets', '/targets'],
    ['state', '/states/KIR'],
  ];
  for (const [name, path] of pages) {
    await page.goto(`${service.url}${path}`);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(options.out, `${name}.png`), fullPage: true });
  }
  // The activity page, with a few shared letters logged first on the fresh database (never on a
  // service given with --url: its data is left alone, and its feed shown as it is).
  if (!options.url) {
    const token = await page.evaluate(() => localStorage.getItem('ratify.token'));
    const letters = [
      ['TUV', '2026-11-03', 'Letter to the Permanent Representative of Tuvalu on joining the CCM'],
      ['TON', '2026-11-04', 'Letter to the Deputy Permanent Representative of Tonga'],
      ['PNG', '2026-11-05', 'Letter to the Ministry of Foreign Affairs of Papua New Guinea'],
    ];
    for (const [iso3, occurredOn, subject] of letters) {
      await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
          variables: { input: { type: 'LETTER', occurredOn, stateIso3s: [iso3], subject, visibility: 'SHARED' } },
        }),
      });
    }
  }
  await page.goto(`${service.url}/activity`);
  await page.locator('main h1').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(options.out, 'activity.png'), fullPage: true });
  let written = pages.length + 2;

  // The progress report of a work plan: on the fresh database, a mandate of the signed-in user's
  // organization for this year, with an objective and indicators (the letters above count); on a
  // service given with --url, its newest mandate, if it has one.
  const token = await page.evaluate(() => localStorage.getItem('ratify.token'));
  const api = async (query, variables) => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  let mandate = (await api('{ mandates(first: 1) { edges { node { id periodFrom periodTo } } } }')).mandates.edges[0]?.node;
  if (!mandate && !options.url) {
    const year = new Date().getUTCFullYear();
    const { me } = await api('{ me { organization { id } } }');
    mandate = (
      await api('mutation($input: StartMandateInput!) { startMandate(input: $input) { id periodFrom periodTo } }', {
        input: { name: `Universalization coordinators ${year}`, periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, organizationIds: [me.organization.id] },
      })
    ).startMandate;
    await api('mutation($m: ID!, $input: AddObjectiveInput!) { addObjective(mandateId: $m, input: $input) { id } }', {
      m: mandate.id,
      input: {
        title: 'Engage the Pacific States not Party',
        indicators: [
          { description: 'Pacific States contacted', metric: 'STATES_CONTACTED', targetValue: 6 },
          { description: 'Letters sent', metric: 'LETTERS_SENT', targetValue: 10 },
          { description: 'Letters answered', metric: 'LETTERS_ANSWERED', targetValue: 4 },
        ],
      },
    });
  }
  if (mandate) {
    const today = new Date().toISOString().slice(0, 10);
    const to = mandate.periodTo < today ? mandate.periodTo : today;
    await page.goto(`${service.url}/work-plans/${mandate.id}/report?from=${mandate.periodFrom}&to=${to}`);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(options.out, 'progress-report.png'), fullPage: true });
    written += 1;
  }
  console.log(`wrote ${written} screenshots to ${options.out}/`);
} finally {
  await browser.close();
  await service.stop();
}
