// `npm run backtest -- [--from 2016] [--horizon 3] [--svg docs/backtest.svg] [--readme]`: checks the
// target score against history (see src/targets/backtest.ts) on the configured database (the embedded
// one unless DATABASE_URL is set), loading the public data first if it is not there yet. Prints the
// table and the weight scan, writes the chart, and with --readme rewrites both tables in README.md.
import { Logger } from '@nestjs/common';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../config/config.js';
import { importPublicData } from '../data-import/importer.js';
import { migrate, openDatabase } from '../database/data-source.js';
import { Db } from '../database/db.js';
import { describeStartupError } from '../database/startup-errors.js';
import {
  backtestMarkdown,
  backtestSvg,
  neighbourScanMarkdown,
  README_BLOCKS,
  weightScanMarkdown,
  withReadmeBlock,
  type ReadmeBlock,
} from '../targets/backtest-report.js';
import { DEFAULT_BACKTEST_FROM, DEFAULT_HORIZON_YEARS, TargetBacktestService } from '../targets/target-backtest.service.js';
import { TargetsRepository } from '../targets/targets.repository.js';
import { VotingRecords } from '../votes/voting-records.js';

Logger.overrideLogger(['error', 'warn']);

const USAGE = 'usage: backtest [--from <year>] [--horizon <years>] [--svg <file>] [--readme]';
interface Arguments {
  from: number;
  horizon: number;
  svg: string;
  readme: boolean;
}

function wholeNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got "${value}" (${USAGE})`);
  return Number(value);
}

function readArguments(argv: string[]): Arguments {
  let values: { from?: string; horizon?: string; svg?: string; readme?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, horizon: { type: 'string' }, svg: { type: 'string' }, readme: { type: 'boolean' } },
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message} (${USAGE})`);
  }
  return {
    from: wholeNumber(values.from, 'from', DEFAULT_BACKTEST_FROM),
    horizon: wholeNumber(values.horizon, 'horizon', DEFAULT_HORIZON_YEARS),
    svg: resolve(values.svg ?? resolve(PROJECT_ROOT, 'docs/backtest.svg')),
    readme: values.readme ?? false,
  };
}

/** Replaces the README's blocks between their markers. */
function rewriteReadme(blocks: Record<ReadmeBlock, string>): string {
  const file = resolve(PROJECT_ROOT, 'README.md');
  let text = readFileSync(file, 'utf8');
  for (const name of README_BLOCKS) text = withReadmeBlock(text, name, blocks[name]);
  writeFileSync(file, text);
  return file;
}

/** Whether the public data was ever loaded. */
interface LoadedRow {
  loaded: boolean;
}

async function main(): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  const config = loadConfig();
  const handle = await openDatabase(config).catch((error: unknown) => {
    throw new Error(describeStartupError(error, config));
  });
  try {
    await migrate(handle);
    const db = handle.dataSource;
    const [{ loaded }] = await db.query<LoadedRow[]>('SELECT EXISTS (SELECT 1 FROM data_imports) AS loaded');
    if (!loaded) {
      console.error(`Loading the public data from ${config.importDir} first.`);
      await importPublicData(db, config.importDir);
    }
    const service = new TargetBacktestService(new TargetsRepository(new Db(db)), new VotingRecords(db));
    const result = await service.run(args.from, args.horizon);
    const table = backtestMarkdown(result);
    const record = await service.record();
    const scan = weightScanMarkdown(record, result.from, result.to, result.horizonYears);
    const neighbours = neighbourScanMarkdown(record, result.from, result.to, result.horizonYears);
    console.log(
      `${table}\nEach weight moved alone (the others as they are):\n\n${scan}\nA regional-neighbours factor, tried:\n\n${neighbours}`,
    );
    mkdirSync(dirname(args.svg), { recursive: true });
    writeFileSync(args.svg, backtestSvg(result));
    console.log(`Chart written to ${args.svg}`);
    if (args.readme) console.log(`Tables written to ${rewriteReadme({ table, scan, neighbours })}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  const details = (error as { details?: { problems?: string[] } }).details;
  console.error(`Backtest failed: ${details?.problems?.join('; ') ?? (error instanceof Error ? error.message : String(error))}`);
  process.exitCode = 1;
});
