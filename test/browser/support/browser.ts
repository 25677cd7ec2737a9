import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN, createServerDatabase, gql, login, startService, type Service } from '../../support/service.js';
import { LOCALE } from './i18n.js';

/** Debian's Chromium (installed by .ci/run when missing); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Chromium, whose new contexts (and pages) start in the test language (`BROWSER_LOCALE`, see
 * ./i18n.ts) unless the options name another `locale`, and ask for reduced motion: the app then
 * shows and hides dialogs and notifications without transitions, so axe never reads the colours of
 * an element half faded in or out.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  const defaults = { locale: LOCALE, reducedMotion: 'reduce' } as const;
  browser.newContext = (options = {}) => newContext({ ...defaults, ...options });
  browser.newPage = (options = {}) => newPage({ ...defaults, ...options });
  return browser;
}

export interface WebService {
  url: string;
  service: Service;
  /** The admin's token, for setting things up through the API. */
  adminToken: string;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
  stop(): Promise<void>;
}

/**
 * The service as `npm start` runs it (dist/ratify.mjs, with the web application in dist/web) on a
 * fresh database of the real PostgreSQL server, with the public data loaded.
 */
export async function startWebService(env: Record<string, string> = {}): Promise<WebService> {
  const database = await createServerDatabase();
  const service = startService({ DATABASE_URL: database.url, ...env });
  let url: string;
  try {
    url = await service.url;
  } catch (error) {
    await database.drop();
    throw error;
  }
  const adminToken = await login(url);
  return {
    url,
    service,
    adminToken,
    async gql(query, variables, token = adminToken) {
      const result = await gql(url, query, variables, token);
      if (result.errors || !result.data) throw new Error(`${query}: ${JSON.stringify(result.errors ?? result)}`);
      return result.data;
    },
    async stop() {
      service.child.kill('SIGTERM');
      await service.exited;
      await database.drop();
    },
  };
}

export const PASSWORD = 'a-long-browser-test-password';

/** An organization and a user of it, created through the API; returns the user's e-mail. */
export async function createUser(
  web: WebService,
  organization: string,
  role: 'COORDINATOR' | 'PARTNER' | 'ADMIN',
  email: string,
): Promise<string> {
  const orgs = (await web.gql('{ organizations { id name } }')).organizations as { id: string; name: string }[];
  const organizationId =
    orgs.find((o) => o.name === organization)?.id ??
    (
      await web.gql('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
        input: { name: organization, kind: role === 'PARTNER' ? 'CIVIL_SOCIETY' : 'GOVERNMENT' },
      })
    ).createOrganization.id;
  await web.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: email.split('@')[0], role, organizationId, password: PASSWORD },
  });
  return email;
}

export interface WatchedPage {
  page: Page;
  /** Content-Security-Policy violations and uncaught errors the page logged. */
  problems: string[];
}

/** A page that records every CSP violation and uncaught error. */
export async function openPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  return { page, problems };
}

/** Signs in through the sign-in page (already open, or opened at `path`). */
export async function signIn(page: Page, url: string, email = ADMIN.email, password = ADMIN.password, path?: string): Promise<void> {
  if (path !== undefined) await page.goto(`${url}${path}`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('header nav').waitFor();
}

/** axe-core's serious and critical violations on the page as it is (WCAG 2.1 A and AA). */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // Axe reads colours as they are painted: a dialog or notification fading in or out is checked once
  // its transition has ended and it is fully opaque (endless animations, such as a loader's, are not waited for).
  await page
    .waitForFunction(
      () => {
        // Runs in the page (this file is compiled without the DOM's types).
        const page = globalThis as unknown as {
          document: {
            getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[];
            querySelectorAll(selector: string): ArrayLike<object>;
          };
          getComputedStyle(node: object): { opacity: string };
        };
        const settled = page.document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
        const opaque = Array.from(page.document.querySelectorAll('[role="dialog"], .mantine-Notification-root')).every((dialog) => {
          for (
            let node = dialog as { parentElement: object | null } | null;
            node;
            node = node.parentElement as { parentElement: object | null } | null
          ) {
            if (page.getComputedStyle(node).opacity !== '1') return false;
          }
          return true;
        });
        return settled && opaque;
      },
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  // With a modal dialog open, what lies under its overlay is inert and dimmed on purpose: check the dialog alone.
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (within ? builder.include(within) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
          .slice(0, 3)
          .join(', ')}`,
    );
}

export { ADMIN };
