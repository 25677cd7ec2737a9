// The README's screenshots, taken from the running application in Debian's Chromium so that they
// stay true (`npm run screenshots`): docs/screenshots/dashboard.png, targets.png, state.png, activity.png,
// campaign.png and progress-report.png.
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

  // A letter campaign's page: on the fresh database, one to the Pacific States that voted yes on
  // A/RES/72/54, sent 40 days ago, with a few contacts and one reply; against --url, the newest
  // campaign the user may see (none: no screenshot).
  const token = await page.evaluate(() => localStorage.getItem('ratify.token'));
  const gql = async (query, variables) => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  let campaignId;
  if (!options.url) {
    const targets = { subregions: ['Melanesia', 'Micronesia', 'Polynesia'], votedOn: 'A/RES/72/54', votes: ['YES'] };
    const listed = await gql(
      'query($filter: TargetFilter) { targets(filter: $filter, first: 200) { edges { node { state { iso3 } } } } }',
      { filter: targets },
    );
    const iso3s = listed.targets.edges.map((edge) => edge.node.state.iso3);
    const contacts = [
      ['Ms. Ana Tabe', 'GENEVA_MISSION'],
      ['Mr. Ioane Teo', 'CAPITAL'],
      ['Ms. Mere Vula', 'NEW_YORK_MISSION'],
      ['Mr. Sione Fifita', 'CAPITAL'],
    ];
    for (const [index, [fullName, posting]] of contacts.entries()) {
      const stateIso3 = iso3s[Math.floor(index / 2) % iso3s.length];
      await gql('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
        input: { fullName, stateIso3, posting },
      });
    }
    const sendingDate = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const created = await gql(
      'mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id letters { version interaction { id } } } }',
      {
        input: {
          name: 'Pacific: joining the Convention',
          templateRef: 'pacific-letter-2026.docx',
          sendingDate,
          targets,
          visibility: 'COORDINATORS',
        },
      },
    );
    campaignId = created.createLetterCampaign.id;
    const [first] = created.createLetterCampaign.letters;
    const receivedOn = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
    await gql('mutation($input: LogLetterReplyInput!) { logLetterReply(input: $input) { version } }', {
      input: {
        interactionId: first.interaction.id,
        expectedVersion: first.version,
        receivedOn,
        note: 'The Minister will raise the Convention with the Cabinet.',
      },
    });
  } else {
    campaignId = (await gql('{ letterCampaigns(first: 1) { edges { node { id } } } }')).letterCampaigns.edges[0]?.node.id;
  }
  if (campaignId) {
    await page.goto(`${service.url}/campaigns/${campaignId}`);
    await page.locator('main h1').waitFor();
    await page.locator('table.letters-table').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(options.out, 'campaign.png'), fullPage: true });
  }

  // The progress report of a work plan: on the fresh database, a mandate of the signed-in user's
  // organization for this year, with an objective and indicators (the letters above count); on a
  // service given with --url, its newest mandate, if it has one.
  let mandate = (await gql('{ mandates(first: 1) { edges { node { id periodFrom periodTo } } } }')).mandates.edges[0]?.node;
  if (!mandate && !options.url) {
    const year = new Date().getUTCFullYear();
    const { me } = await gql('{ me { organization { id } } }');
    mandate = (
      await gql('mutation($input: StartMandateInput!) { startMandate(input: $input) { id periodFrom periodTo } }', {
        input: {
          name: `Universalization coordinators ${year}`,
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
          organizationIds: [me.organization.id],
        },
      })
    ).startMandate;
    await gql('mutation($m: ID!, $input: AddObjectiveInput!) { addObjective(mandateId: $m, input: $input) { id } }', {
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
  }
  console.log(`wrote ${pages.length + 2 + (campaignId ? 1 : 0) + (mandate ? 1 : 0)} screenshots to ${options.out}/`);
} finally {
  await browser.close();
  await service.stop();
}
