// `npm run import -- [--dir <folder>] [--as-of YYYY-MM-DD]`: imports the public data (States, treaty
// actions, resolutions and votes) into the configured database, even when the files have not changed.
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../common/dates.js';
import { loadConfig } from '../config/config.js';
import { ImportValidationError } from '../data-import/import-validation-error.js';
import { importPublicData, type ImportSummary, type TableCounts } from '../data-import/importer.js';
import { migrate, openDatabase } from '../database/data-source.js';
import { describeStartupError } from '../database/startup-errors.js';

Logger.overrideLogger(['error', 'warn', 'log']);

const USAGE = 'usage: import [--dir <folder>] [--as-of YYYY-MM-DD]';

function readArguments(argv: string[]): { dir?: string; asOf?: string } {
  let values: { dir?: string; 'as-of'?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { dir: { type: 'string' }, 'as-of': { type: 'string' } } }));
  } catch (error) {
    throw new Error(`${(error as Error).message} (${USAGE})`);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) throw new Error(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`);
  return { dir: values.dir, asOf };
}

function describe(counts: TableCounts): string {
  const parts = [`${counts.inserted} inserted`, `${counts.updated} updated`, `${counts.unchanged} unchanged`];
  if (counts.deleted > 0) parts.push(`${counts.deleted} deleted`);
  return parts.join(', ');
}

function printSummary(dir: string, summary: ImportSummary): void {
  console.log(`Imported ${dir} (treaty status as of ${summary.asOf}, checksum ${summary.checksum.slice(0, 12)})`);
  console.log(`  states:        ${describe(summary.states)}`);
  console.log(`  resolutions:   ${describe(summary.resolutions)}`);
  console.log(`  votes:         ${describe(summary.votes)}`);
  console.log(`  stage changes: ${summary.stageChanges}`);
}

async function main(): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  const config = loadConfig();
  const dir = args.dir ? resolve(args.dir) : config.importDir;
  const handle = await openDatabase(config).catch((error: unknown) => {
    throw new Error(describeStartupError(error, config));
  });
  try {
    await migrate(handle);
    printSummary(dir, await importPublicData(handle.dataSource, dir, { force: true, asOf: args.asOf }));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ImportValidationError) console.error(error.message);
  else console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
