// The README's screenshots, taken from the running application in Debian's Chromium so that they
// stay true (`npm run screenshots`): docs/screenshots/dashboard.png, targets.png, state.png and activity.png.
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
  console.log(`wrote ${pages.length + 2} screenshots to ${options.out}/`);
} finally {
  await browser.close();
  await service.stop();
}
