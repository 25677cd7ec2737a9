#!/usr/bin/env node
/**
 * Merges mutation reports (Stryker's JSON, mutation-testing-report-schema) of runs on separate
 * modules into one, such as the incremental file `stryker-incremental.json` that `npm run
 * test:mutation` reuses, and prints each file's mutation score.
 *
 *   node scripts/mutation-merge.mjs --out stryker-incremental.json reports/a.json reports/b.json
 *   node scripts/mutation-merge.mjs stryker-incremental.json        (scores only)
 *
 * A later report's files and test files replace an earlier one's.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
if (!args.length) {
  console.error('usage: node scripts/mutation-merge.mjs [--out merged.json] report.json...');
  process.exit(2);
}

let merged;
for (const path of args) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  if (!merged) merged = { ...report, files: {}, testFiles: {} };
  Object.assign(merged.files, report.files);
  Object.assign(merged.testFiles ?? (merged.testFiles = {}), report.testFiles ?? {});
}
if (out) writeFileSync(out, JSON.stringify(merged, null, 2) + '\n');

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
let [detected, valid] = [0, 0];
console.log('file\tmutants\tkilled\tsurvived\tno coverage\tscore');
for (const [file, { mutants }] of Object.entries(merged.files).sort(([a], [b]) => a.localeCompare(b))) {
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const [d, u] = [mutants.filter((m) => DETECTED.has(m.status)).length, mutants.filter((m) => UNDETECTED.has(m.status)).length];
  detected += d;
  valid += d + u;
  console.log(`${file}\t${d + u}\t${d}\t${count('Survived')}\t${count('NoCoverage')}\t${d + u ? ((100 * d) / (d + u)).toFixed(1) : '-'}%`);
}
console.log(`all\t${valid}\t${detected}\t\t\t${valid ? ((100 * detected) / valid).toFixed(1) : '-'}%`);
