// `npm run migration:generate -- <name>`: writes migrations/<timestamp>-<name>.ts, the statements that take the schema
// the migrations so far create to the one the entities (`*.entity.ts`) declare, and lists it in migrations/index.ts.
// It compares on a fresh embedded database of its own: no server and no data are needed or touched.
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/config.js';
import { migrate, openDatabase } from '../database/data-source.js';
import {
  ENTITY_FILES,
  formatted,
  migrationFiles,
  migrationIndex,
  migrationSource,
  newMigrationNames,
} from '../database/migration-files.js';

Logger.overrideLogger(['error', 'warn']);

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

async function main(name: string | undefined): Promise<void> {
  if (!name) throw new Error('usage: npm run migration:generate -- <name>, e.g. briefings');
  const names = newMigrationNames(name, Date.now());
  const scratch = mkdtempSync(join(tmpdir(), 'ratify-migration-'));
  const handle = await openDatabase({ ...loadConfig(), databaseUrl: undefined, embeddedDir: join(scratch, 'db') }, [ENTITY_FILES]);
  try {
    await migrate(handle);
    const { upQueries, downQueries } = await handle.dataSource.driver.createSchemaBuilder().log();
    if (!upQueries.length) {
      console.log('No changes: the migrations already create the schema the entities declare.');
      return;
    }
    const source = migrationSource(names, upQueries, [...downQueries].reverse());
    const file = join(MIGRATIONS_DIR, names.file);
    writeFileSync(file, await formatted(file, source));
    const index = join(MIGRATIONS_DIR, 'index.ts');
    writeFileSync(index, await formatted(index, migrationIndex(migrationFiles(MIGRATIONS_DIR))));
    console.log(`Wrote migrations/${names.file} (${upQueries.length} statements) and listed it in migrations/index.ts.`);
  } finally {
    await handle.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
