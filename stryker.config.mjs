// @ts-check
/**
 * Mutation testing of the modules that hold the product's rules (`npm run test:mutation`).
 * The tests are those of jest.mutation.config.js; each mutant runs only the tests that cover it.
 * Incremental: stryker-incremental.json (committed) keeps the results of the last run, so a run
 * re-tests only the mutants of changed code or of changed tests.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutation.config.js',
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/states/treaty-status.ts',
    'src/states/stage-on.ts',
    'src/votes/voting-record.ts',
    'src/targets/score.ts',
    'src/auth/visibility.ts',
    'src/auth/rate-limits.ts',
    // The in-process limiter (the Redis one runs Lua in Redis: the e2e and fault tests cover it).
    'src/auth/rate-limiter.ts:31-79',
    'src/common/versioned-update.ts',
    // The cursor codec: the checks of each part of a cursor, decoding, encoding, pages and connections.
    'src/common/paging/cursor.ts',
    // Not IdempotencyKey(), the argument's declaration: schema.graphql holds it (test/e2e/schema-file.spec.ts).
    'src/idempotency/idempotency.ts:1-103',
    'src/data-import/import-validation-error.ts',
    'src/data-import/row-reader.ts',
    'src/data-import/state-records.ts',
    'src/data-import/vote-records.ts',
    // Joint work: who may change a piece of work (its organization, its mandate's team, admins).
    'src/common/editable.ts',
    // Who sees a user's e-mail, role and account state.
    'src/users/people.ts',
  ],
  // Only what the tests read is copied to the sandbox.
  ignorePatterns: ['dist', 'web', 'bench', 'docs', 'coverage', 'reports', '.data', 'test/browser', 'test/faults'],
  concurrency: 1,
  // Jest's ESM module registry grows with every run in the same worker (several GB after a few
  // hundred): a fresh worker every 30 runs keeps each run as fast as the first.
  maxTestRunnerReuse: 30,
  // A mutant that makes a test wait for ever counts as detected once its run takes this much longer than usual (a fresh database included).
  timeoutMS: 30000,
  incremental: true,
  incrementalFile: 'stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
