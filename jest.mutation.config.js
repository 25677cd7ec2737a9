/**
 * The specs that guard the product's rules, for mutation testing (`npm run test:mutation`,
 * stryker.config.mjs): unit and service-level tests that need no HTTP server, so that each
 * mutant is judged in seconds. Two of them compare a rule with its SQL twin on a fresh database.
 */
import base from './jest.config.js';

const specs = [
  '<rootDir>/test/unit/treaty-status.spec.ts',
  '<rootDir>/test/unit/stage-rules.spec.ts',
  '<rootDir>/test/unit/voting-record.spec.ts',
  '<rootDir>/test/unit/score.spec.ts',
  '<rootDir>/test/unit/visibility.spec.ts',
  '<rootDir>/test/unit/rate-limits.spec.ts',
  '<rootDir>/test/unit/versioned-update.spec.ts',
  '<rootDir>/test/unit/cursor.spec.ts',
  '<rootDir>/test/unit/idempotency.spec.ts',
  '<rootDir>/test/unit/public-data.spec.ts',
  '<rootDir>/test/unit/import-validation.spec.ts',
  '<rootDir>/test/unit/editable.spec.ts',
  '<rootDir>/test/unit/people.spec.ts',
  '<rootDir>/test/integration/treaty-status-sql.spec.ts',
  '<rootDir>/test/integration/visibility-rule.spec.ts',
];

export default {
  ...base,
  // MUTATION_SPECS (comma-separated names) narrows the list, to work on one module at a time.
  testMatch: process.env.MUTATION_SPECS
    ? specs.filter((spec) => process.env.MUTATION_SPECS.split(',').some((name) => spec.includes(name)))
    : specs,
  // Transpiled without type checks (`npm run typecheck` does those): each mutant's run starts in about a second.
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.mutation.json' }],
  },
  maxWorkers: 1,
};
