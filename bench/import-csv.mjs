// `npm run bench:import [-- --rows 10000] [--keep] [--out <folder>]`: times the spreadsheet import of a generated
// interactions sheet (seeded, so every run imports the same file) with its contacts sheet, through
// the same service as the CLI and the upload. Runs on a fresh database created on the server that
// DATABASE_URL points at (dropped afterwards unless --keep), or, without DATABASE_URL, on a fresh
// embedded database in a temporary folder. --out also saves the two generated files there.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { LocalActivityBus } from '../dist/src/activity/activity-bus.js';
import { ActivityRepository } from '../dist/src/activity/activity.repository.js';
import { Writes } from '../dist/src/activity/writes.js';
import { loadConfig } from '../dist/src/config/config.js';
import { importPublicData } from '../dist/src/data-import/importer.js';
import { migrate, openDatabase } from '../dist/src/database/data-source.js';
import { SpreadsheetImportRepository } from '../dist/src/spreadsheet-import/spreadsheet-import.repository.js';
import { SpreadsheetImportService } from '../dist/src/spreadsheet-import/spreadsheet-import.service.js';

Logger.overrideLogger(['error']);

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '10000' }, keep: { type: 'boolean', default: false }, out: { type: 'string' } },
});
const ROWS = Number(args.rows);
const CONTACTS = 400;

/** mulberry32: a small seeded generator, so that the sheet is the same on every run. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20261127);
const pick = (list) => list[Math.floor(random() * list.length)];

// States as coordinators write them: ISO3 codes, UN names, former and short names.
const STATES = [
  'Tuvalu',
  'Tonga',
  'Papua New Guinea',
  'Solomon Islands',
  'Marshall Islands',
  'Micronesia',
  'Kiribati',
  'Vanuatu',
  'Viet Nam',
  'Vietnam',
  'Burma',
  'Myanmar',
  'Indonesia',
  'IDN',
  'Kenya',
  'KEN',
  'Turkey',
  'Türkiye',
  'Czech Republic',
  'Swaziland',
  'Ivory Coast',
  "Côte d'Ivoire",
  'Cape Verde',
  'Macedonia',
  'Iran',
  'South Korea',
  'USA',
  'Laos',
  'Brazil',
  'India',
  'Pakistan',
  'China',
  'Russia',
  'Poland',
  'Finland',
  'Estonia',
  'Latvia',
  'Romania',
  'Greece',
  'Cyprus',
  'Egypt',
  'Saudi Arabia',
  'Morocco',
  'Singapore',
  'Thailand',
  'Bahrain',
  'Jordan',
  'Angola',
  'Congo-Kinshasa',
  'Haiti',
  'Jamaica',
  'Uganda',
  'Tanzania',
  'Liberia',
  'Djibouti',
  'Central African Republic',
  'Argentina',
  'Venezuela',
  'Bolivia',
  'Syria',
];
const FIRST = [
  'Amelia',
  'Sione',
  'Grace',
  'John',
  'Lani',
  'Minh',
  'Kyaw',
  'Ayşe',
  'Petr',
  'Thandiwe',
  'Kouadio',
  'Maria',
  'Elena',
  'Rahmat',
  'Wanjiru',
  'Ahmed',
  'Sofia',
  'Luis',
  'Nadia',
  'Omar',
];
const LAST = [
  'Tuilagi',
  'Fifita',
  'Kapi',
  'Maneka',
  'Kabua',
  'Tran',
  'Oo',
  'Demir',
  'Novák',
  'Dlamini',
  "N'Guessan",
  'Lopes',
  'Petrova',
  'Hidayat',
  'Kamau',
  'Karimi',
  'Silva',
  'Moreno',
  'Haddad',
  'Farah',
];
const POSITIONS = [
  'Permanent Representative',
  'Deputy Permanent Representative',
  'Counsellor',
  'First Secretary',
  'Director of Treaties',
  'Legal Adviser',
];
const POSTINGS = ['Capital', 'Geneva mission', 'New York mission', 'Other mission'];
const TYPES = [
  'Letter',
  'Letter',
  'Bilateral meeting',
  'Bilateral meeting',
  'Phone call',
  'E-mail',
  'Démarche',
  'Workshop',
  'Meeting at an event',
  'LETTER',
  'BILATERAL_MEETING',
];
const SUBJECTS = [
  'Letter to the Permanent Representative on joining the CCM',
  'Bilateral meeting on the margins of the First Committee',
  'Follow-up call on the accession instrument',
  'Démarche ahead of the General Assembly vote',
  'Regional workshop on universalization',
  'Meeting on the Article 7 transparency report',
  'Exchange on stockpile destruction',
];
const VISIBILITIES = ['Organization', 'Coordinators', 'Shared', ''];

const pad = (n, width = 2) => String(n).padStart(width, '0');
const dateIn = (year) => `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
const later = (date, days) => new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10);

function contactsSheet() {
  const rows = [['Name', 'Title', 'Position', 'Posting', 'State', 'E-mail', 'Languages']];
  const people = [];
  for (let i = 0; i < CONTACTS; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
    const state = pick(STATES);
    const email = `contact${pad(i, 4)}@mission.example.org`;
    people.push({ name, email, state });
    rows.push([
      name,
      pick(['Mr', 'Ms', 'H.E. Ms', 'H.E. Mr']),
      pick(POSITIONS),
      pick(POSTINGS),
      state,
      email,
      pick(['en', 'en;fr', 'fr', 'es', 'en;ar']),
    ]);
  }
  return { csv: stringify(rows, { bom: true }), people };
}

function interactionsSheet(people) {
  const rows = [
    ['Ref', 'Date', 'Type', 'States', 'Contacts', 'Subject', 'Summary', 'Outcome', 'Follow-up date', 'Visibility', 'Reply received'],
  ];
  for (let i = 1; i <= ROWS; i++) {
    const type = pick(TYPES);
    const date = dateIn(pick([2024, 2025, 2026]));
    const stateCount = random() < 0.85 ? 1 : 2 + Math.floor(random() * 4);
    const states = new Set();
    while (states.size < stateCount) states.add(pick(STATES));
    const contacts = [];
    for (let c = Math.floor(random() * 3); c > 0; c--) {
      const person = pick(people);
      contacts.push(random() < 0.7 ? person.email : person.name);
    }
    const isLetter = type === 'Letter' || type === 'LETTER' || type === 'E-mail';
    rows.push([
      `R-${pad(i, 5)}`,
      random() < 0.2 ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : date,
      type,
      [...states].join('; '),
      [...new Set(contacts)].join('; '),
      pick(SUBJECTS),
      random() < 0.6 ? 'Discussed the humanitarian case for joining the Convention and the support on offer.' : '',
      random() < 0.3 ? 'Agreed to brief the capital and revert.' : '',
      random() < 0.4 ? later(date, 30 + Math.floor(random() * 60)) : '',
      pick(VISIBILITIES),
      isLetter && random() < 0.4 ? later(date, 10 + Math.floor(random() * 40)) : '',
    ]);
  }
  // Excel in Europe: semicolons, CRLF.
  return stringify(rows, { delimiter: ';', record_delimiter: 'windows' });
}

async function freshDatabase() {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(join(tmpdir(), 'ratify-bench-'));
    return {
      where: `embedded database in ${dir}`,
      env: { DATABASE_URL: '', DATA_DIR: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `import_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    where: `database ${name} on ${url.host}`,
    env: { DATABASE_URL: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

const seconds = (start) => ((performance.now() - start) / 1000).toFixed(2);

async function timed(label, work) {
  const start = performance.now();
  const result = await work();
  console.log(`${label.padEnd(44)} ${seconds(start).padStart(7)} s`);
  return result;
}

async function main() {
  const { csv: contactsCsv, people } = contactsSheet();
  const interactionsCsv = interactionsSheet(people);
  const files = { contacts: Buffer.from(contactsCsv), interactions: Buffer.from(interactionsCsv) };
  if (args.out) for (const [name, content] of Object.entries(files)) writeFileSync(join(args.out, `${name}.csv`), content);
  const database = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', ...database.env });
  const handle = await openDatabase(config);
  try {
    await migrate(handle);
    const db = handle.dataSource;
    await importPublicData(db, config.importDir);
    const coordinator = async (name) => {
      const organizationId = randomUUID();
      const id = randomUUID();
      const email = `coordinator@${name.toLowerCase()}.example`;
      await db.query(`INSERT INTO organizations (id, name, kind) VALUES ($1, $2, 'GOVERNMENT')`, [organizationId, name]);
      await db.query(
        `INSERT INTO users (id, email, password_hash, display_name, role, organization_id) VALUES ($1, $2, 'unused', $3, 'COORDINATOR', $4)`,
        [id, email, `${name} coordinator`, organizationId],
      );
      return { id, email, displayName: `${name} coordinator`, role: 'COORDINATOR', organizationId };
    };
    const service = new SpreadsheetImportService(
      db,
      new Writes(db, new ActivityRepository(db), new LocalActivityBus()),
      new SpreadsheetImportRepository(db),
    );
    const count = async (sql) => (await db.query(sql))[0].n;
    const summary = (report) =>
      ['contacts', 'interactions']
        .map(
          (file) =>
            `${file} ${Object.entries(report[file].counts)
              .map(([action, n]) => `${action} ${n}`)
              .join(' ')}`,
        )
        .join('; ');

    console.log(`Spreadsheet import benchmark on the ${database.where}`);
    console.log(`interactions.csv: ${ROWS} rows, ${(files.interactions.length / 1024).toFixed(0)} KiB; contacts.csv: ${CONTACTS} rows`);
    const france = await coordinator('France');
    const dry = await timed('dry run (parse, resolve, check every row)', () => service.run(france, files, { dryRun: true }));
    console.log(`  ${summary(dry)}`);
    const audit0 = await count('SELECT count(*)::int AS n FROM audit_entries');
    const real = await timed('import (one transaction)', () => service.run(france, files, { dryRun: false }));
    console.log(`  ${summary(real)}; committed ${real.committed}`);
    const interactions = await count('SELECT count(*)::int AS n FROM interactions');
    const links = await count(
      'SELECT (SELECT count(*) FROM interaction_states)::int + (SELECT count(*) FROM interaction_contacts)::int AS n',
    );
    const audit1 = await count('SELECT count(*)::int AS n FROM audit_entries');
    console.log(`  written: ${interactions} interactions, ${links} links, ${audit1 - audit0} audit entries`);
    const again = await timed('same files again (nothing to write)', () => service.run(france, files, { dryRun: false }));
    console.log(`  ${summary(again)}`);

    // What the audit trail costs: the same import by two more organizations (their own 10,000
    // interactions; the contacts are now stored), the second with the audit triggers switched off.
    const panamaViewer = await coordinator('Panama');
    const panama = await timed('import by a second organization', () => service.run(panamaViewer, files, { dryRun: false }));
    const audited = ['contacts', 'interactions', 'interaction_states', 'interaction_contacts'];
    const chileViewer = await coordinator('Chile');
    let chile;
    try {
      for (const table of audited) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER audit_${table}`);
      chile = await timed('  the same, without the audit triggers', () => service.run(chileViewer, files, { dryRun: false }));
    } finally {
      for (const table of audited) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER audit_${table}`);
    }

    const failed = [real, panama, chile].some(
      (report) => report.rejected || !report.committed || report.interactions.counts.CREATE !== ROWS,
    );
    if (failed || again.interactions.counts.UNCHANGED !== ROWS) process.exitCode = 1;
  } finally {
    await handle.close();
    if (args.keep) console.log(`kept the ${database.where}`);
    else await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
