// `npm run migration:run` / `npm run migration:revert [-- --all]`: applies pending migrations, or reverts the newest one (or all),
// on the configured database (DATABASE_URL, or the embedded one).
import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/config.js';
import { migrate, openDatabase, withAdvisoryLock } from '../database/data-source.js';
import { describeStartupError } from '../database/startup-errors.js';

Logger.overrideLogger(['error', 'warn']);

/** A migration applied, as TypeORM records it. */
interface MigrationRow {
  name: string;
}

async function main(command: string | undefined, all: boolean): Promise<void> {
  if (command !== 'run' && command !== 'revert') throw new Error('usage: migrate run | revert [--all]');
  const config = loadConfig();
  const handle = await openDatabase(config).catch((error) => {
    throw new Error(describeStartupError(error, config));
  });
  try {
    if (command === 'run') {
      const applied = await migrate(handle);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
      return;
    }
    const revert = async () => {
      const reverted: string[] = [];
      do {
        const executed = await handle.dataSource
          .query<MigrationRow[]>('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')
          .catch(() => []);
        if (!executed.length) break;
        await handle.dataSource.undoLastMigration({ transaction: 'all' });
        reverted.push(executed[0].name);
      } while (all);
      return reverted;
    };
    const reverted = handle.embedded ? await revert() : await withAdvisoryLock(handle.dataSource, 'ratify:migrate', revert);
    console.log(reverted.length ? `Reverted: ${reverted.join(', ')}` : 'No migration to revert.');
  } finally {
    await handle.close();
  }
}

main(process.argv[2], process.argv.includes('--all')).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
