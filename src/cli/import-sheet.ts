// `npm run import:sheet -- --user <e-mail> [--contacts contacts.csv] [--interactions interactions.csv] [--dry-run] [--json]`
// Imports a coordinator's spreadsheets (saved as CSV) on behalf of that user, and prints the report
// row by row (or as JSON). Exits with 1 when any row is rejected (nothing is then written).
import { Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LocalActivityBus } from '../activity/activity-bus.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { Writes } from '../database/writes.js';
import { loadConfig } from '../config/config.js';
import { migrate, openDatabase } from '../database/data-source.js';
import { Db } from '../database/db.js';
import { describeStartupError } from '../database/startup-errors.js';
import type { FileReport, ImportReport } from '../spreadsheet-import/report.js';
import { SpreadsheetImportRepository } from '../spreadsheet-import/spreadsheet-import.repository.js';
import { SpreadsheetImportService } from '../spreadsheet-import/spreadsheet-import.service.js';
import { UsersRepository } from '../users/users.repository.js';

Logger.overrideLogger(['error', 'warn']);

const USAGE =
  'usage: npm run import:sheet -- --user <e-mail> [--contacts <contacts.csv>] [--interactions <interactions.csv>] [--dry-run] [--json]';

class UsageError extends Error {}

function readArguments(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        user: { type: 'string' },
        contacts: { type: 'string' },
        interactions: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.user) throw new UsageError(`--user is required (${USAGE})`);
    if (!values.contacts && !values.interactions) throw new UsageError(`give --contacts, --interactions or both (${USAGE})`);
    return {
      user: values.user,
      contacts: values.contacts,
      interactions: values.interactions,
      dryRun: values['dry-run'],
      json: values.json,
    };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message} (${USAGE})`);
  }
}

function printFile(report: FileReport | null): void {
  if (!report) return;
  const { CREATE, UPDATE, UNCHANGED, REJECT } = report.counts;
  console.log(`${report.file}: ${CREATE} to create, ${UPDATE} to update, ${UNCHANGED} unchanged, ${REJECT} rejected`);
  for (const error of report.errors) console.log(`  ${report.file}: REJECTED: ${error}`);
  if (report.ignoredColumns.length) console.log(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
  for (const row of report.rows) {
    const reasons = row.reasons.length ? `  ${row.reasons.join('; ')}` : '';
    console.log(`  ${report.file}:${row.line}  ${row.action}${row.id ? ` ${row.id}` : ''}${reasons}`);
  }
}

function printReport(report: ImportReport): void {
  printFile(report.contacts);
  printFile(report.interactions);
  if (report.dryRun) console.log(`Dry run: nothing written${report.rejected ? ` (${report.rejected} rejected)` : ''}.`);
  else if (report.committed) console.log('Imported.');
  else console.log(`Nothing written: ${report.rejected} rejected. Correct the rows above and import again.`);
}

async function main(): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  const files = {
    contacts: args.contacts ? await readFile(args.contacts) : undefined,
    interactions: args.interactions ? await readFile(args.interactions) : undefined,
  };
  const config = loadConfig();
  const handle = await openDatabase(config).catch((error: unknown) => {
    throw new Error(describeStartupError(error, config));
  });
  try {
    await migrate(handle);
    const db = new Db(handle.dataSource);
    const user = await new UsersRepository(db).byEmail(args.user);
    if (!user || (await new UsersRepository(db).activeById(user.id)) === null)
      throw new Error(`no enabled user has the e-mail ${args.user}`);
    const viewer = { id: user.id, email: user.email, displayName: user.displayName, role: user.role, organizationId: user.organizationId };
    const writes = new Writes(handle.dataSource, new ActivityRepository(db), new LocalActivityBus());
    const service = new SpreadsheetImportService(db, writes, new SpreadsheetImportRepository(db));
    const report = await service.run(viewer, files, { dryRun: args.dryRun });
    if (args.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    if (report.rejected > 0) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
