// The web application's speed, measured in Debian's Chromium (`npm run bench:web`):
//   - the JavaScript a user downloads to sign in and see the dashboard (raw and gzip, every
//     script the browser fetched, lazy chunks and the map's data included);
//   - the time from pressing "Sign in" to the dashboard complete (counts, map, chart, lists), median of runs;
//   - the targets table of all States not Party: the time from its data arriving to its rows in the
//     page (the page's own `targets:rendered` measure), median of runs;
//   - the JavaScript each other page adds to sign-in and the dashboard (gzip), against a budget of
//     150 KB per page: over it, the script reports the pages and exits with 1.
// Against a running service: `node bench/web.mjs --url http://localhost:3000 --email E --password P`
// (e.g. on the 100,000-interaction benchmark database); without --url it starts the built service
// (dist/ratify.mjs) on a fresh embedded database in a temporary folder.

import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium, serviceFor } from '../scripts/lib/web-service.mjs';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    email: { type: 'string', default: 'admin@example.org' },
    password: { type: 'string', default: 'admin-password-for-the-web-bench' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});

const service = await serviceFor({ url: options.url, email: options.email, password: options.password, name: 'web-bench' });
const browser = await launchChromium();

/** Signs in from the sign-in page; resolves with the ms until the dashboard is complete. */
async function signInToDashboard(page) {
  await page.goto(`${service.url}/sign-in`);
  await page.locator('input[type="email"]').fill(options.email);
  await page.locator('input[type="password"]').fill(options.password);
  const started = Date.now();
  await page.locator('form button[type="submit"]').click();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('svg.world-map path.state').length > 100 &&
      document.querySelector('svg.timeline-chart path.parties') &&
      document.querySelector('[data-status="STATE_PARTY"]')?.textContent !== '–' &&
      document.querySelectorAll('.mantine-Card-root').length >= 5,
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  return Date.now() - started;
}

/** The scripts a page fetches, by path, with their raw and gzip sizes. */
function collectScripts(page) {
  const scripts = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    try {
      const body = await response.body();
      scripts.set(new URL(response.url()).pathname, { raw: body.length, gzip: gzipSync(body).length });
    } catch {
      /* a redirect or an aborted request has no body */
    }
  });
  return scripts;
}

/** The pages reached from the navigation, each measured apart from the others. */
const PAGES = [
  '/targets',
  '/states/KIR',
  '/contacts',
  '/activity',
  '/campaigns',
  '/campaigns/new',
  '/events',
  '/work-plans',
  '/surveys',
  '/import',
  '/admin',
  '/settings',
];
/** The most JavaScript (gzip) a page may add to what signing in and the dashboard load. */
const PAGE_BUDGET = 150 * 1024;

/**
 * The JavaScript a page adds to sign-in and the dashboard: signed in on an empty cache, the
 * dashboard complete, then the page reached in the app (no reload), its scripts that the dashboard
 * had not loaded.
 */
async function pageWeight(path) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    const scripts = collectScripts(page);
    await signInToDashboard(page);
    await page.waitForLoadState('networkidle');
    const base = new Set(scripts.keys());
    await page.evaluate((to) => {
      history.pushState({}, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    await page.locator('main h1').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const added = [...scripts.entries()].filter(([name]) => !base.has(name));
    return { path, files: added.map(([name]) => name), gzip: added.reduce((sum, [, size]) => sum + size.gzip, 0) };
  } finally {
    await context.close();
  }
}

try {
  // 1. What a first visit downloads (empty cache).
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const scripts = collectScripts(page);
  const firstMs = await signInToDashboard(page);
  await page.waitForTimeout(500);
  const files = [...scripts.entries()].sort((a, b) => b[1].gzip - a[1].gzip);
  const total = files.reduce((sum, [, size]) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), { raw: 0, gzip: 0 });
  await context.close();

  // 2. Dashboard completion after sign-in, warm cache as a returning user has it.
  const runs = [];
  const warm = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const warmPage = await warm.newPage();
  for (let i = 0; i < Number(options.runs); i++) {
    runs.push(await signInToDashboard(warmPage));
    await warmPage.evaluate(() => localStorage.removeItem('ratify.token'));
  }
  await warm.close();

  // 3. The targets page (all States not Party, the default list): data in → rows in the page.
  const targetRuns = [];
  const targets = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const targetsPage = await targets.newPage();
  await signInToDashboard(targetsPage);
  let rows = 0;
  for (let i = 0; i < Number(options.runs); i++) {
    await targetsPage.goto(`${service.url}/targets`);
    await targetsPage.waitForFunction(() => performance.getEntriesByName('targets:rendered').length > 0, undefined, { timeout: 30_000 });
    rows = await targetsPage.locator('table.targets-table tbody tr[data-iso3]').count();
    targetRuns.push(Math.round(await targetsPage.evaluate(() => performance.getEntriesByName('targets:rendered').at(-1).duration)));
  }
  await targets.close();
  // 4. What each other page adds to sign-in and the dashboard.
  const pageWeights = [];
  for (const path of PAGES) pageWeights.push(await pageWeight(path));

  const medianOf = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const median = medianOf(runs);
  runs.sort((a, b) => a - b);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const result = {
    url: service.url,
    js: { files: Object.fromEntries(files), total },
    firstVisitMs: firstMs,
    dashboardMs: { median, runs },
    targetsTableMs: { rows, median: medianOf(targetRuns), runs: targetRuns },
    pages: pageWeights,
  };
  const overBudget = pageWeights.filter((weight) => weight.gzip > PAGE_BUDGET);
  if (options.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`JavaScript for sign-in and the dashboard: ${kb(total.gzip)} gzip (${kb(total.raw)} raw) in ${files.length} files`);
    for (const [name, size] of files) console.log(`  ${name}: ${kb(size.gzip)} gzip (${kb(size.raw)})`);
    console.log(
      `dashboard complete after sign-in: first visit ${firstMs} ms; returning, median of ${runs.length}: ${median} ms (${runs.join(', ')})`,
    );
    console.log(
      `targets table (${rows} States) in the page after its data arrived: median ${result.targetsTableMs.median} ms (${targetRuns.join(', ')})`,
    );
    console.log(`JavaScript each page adds to sign-in and the dashboard (at most ${kb(PAGE_BUDGET)} gzip):`);
    for (const weight of pageWeights) console.log(`  ${weight.path}: ${kb(weight.gzip)} gzip in ${weight.files.length} files`);
  }
  if (overBudget.length) {
    console.error(`over the ${kb(PAGE_BUDGET)} budget: ${overBudget.map((weight) => weight.path).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await service.stop();
}
