import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config.js';

/** A report of one Stryker run: its tests numbered from zero, as every run numbers them. */
const report = (testFile: string, tests: string[], sourceFile: string, killedBy: string[]) => ({
  schemaVersion: '2',
  thresholds: { high: 90, low: 90 },
  files: {
    [sourceFile]: {
      language: 'typescript',
      source: '',
      mutants: [{ id: '1', mutatorName: 'x', replacement: 'y', location: {}, status: 'Killed', coveredBy: killedBy, killedBy }],
    },
  },
  testFiles: { [testFile]: { source: '', tests: tests.map((name, id) => ({ id: String(id), name })) } },
});

describe('merging mutation reports', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ratify-merge-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const merge = (...reports: object[]) => {
    const paths = reports.map((r, i) => join(dir, `${i}.json`));
    reports.forEach((r, i) => writeFileSync(paths[i], JSON.stringify(r)));
    const out = join(dir, 'merged.json');
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/mutation-merge.mjs'), '--out', out, ...paths]);
    return JSON.parse(readFileSync(out, 'utf8')) as ReturnType<typeof report>;
  };
  const testId = (merged: ReturnType<typeof report>, file: string, name: string) =>
    merged.testFiles[file].tests.find((t) => t.name === name)!.id;

  it("gives two runs' tests different ids, and each mutant the id of the test that killed it", () => {
    const merged = merge(report('a.spec.ts', ['a0', 'a1'], 'a.ts', ['1']), report('b.spec.ts', ['b0'], 'b.ts', ['0']));
    const ids = Object.values(merged.testFiles).flatMap((f) => f.tests.map((t) => t.id));
    expect(new Set(ids).size).toBe(3);
    expect(merged.files['a.ts'].mutants[0].killedBy).toEqual([testId(merged, 'a.spec.ts', 'a1')]);
    expect(merged.files['b.ts'].mutants[0].killedBy).toEqual([testId(merged, 'b.spec.ts', 'b0')]);
  });

  it('points a mutant at the test of the same name when a later run replaced its test file, and at none when that test is gone', () => {
    const first = report('a.spec.ts', ['kept', 'dropped'], 'a.ts', ['0', '1']);
    const again = { ...report('a.spec.ts', ['new', 'kept'], 'b.ts', []), files: {} };
    const merged = merge(first, again);
    expect(merged.files['a.ts'].mutants[0].killedBy).toEqual([testId(merged, 'a.spec.ts', 'kept')]);
  });
});
