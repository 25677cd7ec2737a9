import base from './jest.config.js';

/** Fault-injection tests (test/faults): they restart PostgreSQL and kill processes. Run with `npm run test:faults`. */
export default {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  maxWorkers: 1,
};
