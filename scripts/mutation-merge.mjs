#!/usr/bin/env node
/**
 * Merges mutation reports (Stryker's JSON, mutation-testing-report-schema) of runs on separate
 * modules into one, such as the incremental file `stryker-incremental.json` that `npm run
 * test:mutation` reuses, and prints each file's mutation score.
 *
 *   node scripts/mutation-merge.mjs --out stryker-incremental.json reports/a.json reports/b.json
 *   node scripts/mutation-merge.mjs stryker-incremental.json        (scores only)
 *
 * A later report's files and test files replace an earlier one's. Each run numbers its tests from
 * zero, so the tests of every report are numbered anew (and the mutants' coveredBy and killedBy with
 * them): two reports' tests never share an id, which would make Stryker take one test for another
 * and test again every mutant that either covers.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
if (!args.length) {
  console.error('usage: node scripts/mutation-merge.mjs [--out merged.json] report.json...');
  process.exit(2);
}

let nextTestId = 0;
/** Each id handed out, and the test it names (its file and name). */
const testOf = new Map();

/** Gives every test of a report an id no other report's test has, in its test files and mutants. */
function renumberTests(report) {
  const ids = new Map();
  for (const [path, file] of Object.entries(report.testFiles ?? {})) {
    for (const test of file.tests) {
      ids.set(test.id, String(nextTestId++));
      test.id = ids.get(test.id);
      testOf.set(test.id, `${path}\0${test.name}`);
    }
  }
  const renumber = (list) => list?.map((id) => ids.get(id) ?? id);
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      if (mutant.coveredBy) mutant.coveredBy = renumber(mutant.coveredBy);
      if (mutant.killedBy) mutant.killedBy = renumber(mutant.killedBy);
    }
  }
  return report;
}

let merged;
for (const path of args) {
  const report = renumberTests(JSON.parse(readFileSync(path, 'utf8')));
  if (!merged) merged = { ...report, files: {}, testFiles: {} };
  Object.assign(merged.files, report.files);
  Object.assign(merged.testFiles ?? (merged.testFiles = {}), report.testFiles ?? {});
}
// A mutant of an earlier report may name a test whose file a later report replaced: it names the
// test of the same name in the later file, or none if that test is gone.
const current = new Map();
for (const [path, file] of Object.entries(merged.testFiles)) for (const test of file.tests) current.set(`${path}\0${test.name}`, test.id);
const now = (list) => list?.flatMap((id) => current.get(testOf.get(id)) ?? []);
for (const file of Object.values(merged.files)) {
  for (const mutant of file.mutants) {
    if (mutant.coveredBy) mutant.coveredBy = now(mutant.coveredBy);
    if (mutant.killedBy) mutant.killedBy = now(mutant.killedBy);
  }
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
