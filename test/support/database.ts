import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { migrate, openDatabase, type DatabaseHandle } from '../../src/database/data-source.js';
import { provisionDatabase } from './provision.js';

/** A fresh, migrated, empty database for one test file (see provisionDatabase). */
export interface TestDatabase extends DatabaseHandle {
  config: AppConfig;
  /** Closes it, then drops the database (real server) or deletes the folder (embedded). */
  dispose(): Promise<void>;
}

export async function createTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const provisioned = await provisionDatabase({ migrated: true });
  const config = loadConfig({ NODE_ENV: 'test', ...provisioned.env, ...env });
  const handle = await openDatabase(config);
  await migrate(handle);
  return {
    ...handle,
    config,
    async dispose() {
      await handle.close();
      await provisioned.dispose();
    },
  };
}
