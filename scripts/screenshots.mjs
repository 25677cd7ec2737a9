// The README's screenshots, taken from the running application in Debian's Chromium so that they
// stay true (`npm run screenshots`): docs/screenshots/dashboard.png, targets.png and state.png.
// Against a running service: `node scripts/screenshots.mjs --url http://localhost:3000 --email E --password P`;
// without --url it starts the built service (dist/ratify.mjs) on a fresh embedded database.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    email: { type: 'string', default: 'admin@example.org' },
    password: { type: 'string', default: 'admin-password-for-the-screenshots' },
    out: { type: 'string', default: 'docs/screenshots' },
    language: { type: 'string', default: 'en' },
  },
});

async function startService() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ratify-screenshots-'));
  const child = spawn(process.execPath, ['dist/ratify.mjs'], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_EMAIL: options.email, ADMIN_PASSWORD: options.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      text += chunk;
      const match = text.match(/GraphQL at (http:\/\/[^\s/]+)\/graphql/);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the service exited (${code}): ${text}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const service = options.url ? { url: options.url.replace(/\/$/, ''), stop: async () => undefined } : await startService();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});
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
  console.log(`wrote ${pages.length + 1} screenshots to ${options.out}/`);
} finally {
  await browser.close();
  await service.stop();
}
