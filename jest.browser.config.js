/**
 * The browser tests (`npm run test:browser`): the real service on PostgreSQL, driven in Debian's
 * Chromium by playwright-core. One file at a time: each starts its own service and browser.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180000,
  maxWorkers: 1,
};
