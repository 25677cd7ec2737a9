import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';
import { PreparingClient } from './prepared-statements.js';
import { StatementCounter } from './statement-counter.js';

// DATE columns stay ISO strings (YYYY-MM-DD): no time zone can shift them.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint (count(*), sums) as JS numbers: every count here is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseHandle {
  dataSource: DataSource;
  counter: StatementCounter;
  embedded: boolean;
  close(): Promise<void>;
}

type DatabaseConfig = Pick<
  AppConfig,
  'databaseUrl' | 'embeddedDir' | 'dbPoolSize' | 'dbConnectTimeoutMs' | 'dbStatementTimeoutMs' | 'dbPreparedStatements'
>;

/**
 * The service reads and writes with SQL of its own and needs no entity metadata at run time; the
 * schema drift check (`cli-data-source.ts`) gives the entities.
 */
export function createDataSource(
  url: string,
  config: DatabaseConfig,
  counter = new StatementCounter(),
  entities: DataSourceOptions['entities'] = [],
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    logger: counter,
    maxQueryExecutionTime: 1000,
    extra: {
      max: config.databaseUrl ? config.dbPoolSize : 1,
      connectionTimeoutMillis: config.dbConnectTimeoutMs,
      statement_timeout: config.dbStatementTimeoutMs || undefined,
      application_name: 'ratify',
      // Not on the embedded database: its one session outlives each client connection, and with
      // it the statements a closed connection prepared.
      ...(config.dbPreparedStatements && config.databaseUrl ? { Client: PreparingClient } : {}),
    },
  });
}

/** Opens the configured database (starting the embedded one when no DATABASE_URL is set). */
export async function openDatabase(config: DatabaseConfig, entities: DataSourceOptions['entities'] = []): Promise<DatabaseHandle> {
  let embedded: EmbeddedDatabase | undefined;
  const url = config.databaseUrl ?? (embedded = await startEmbeddedDatabase(config.embeddedDir)).url;
  const counter = new StatementCounter();
  const dataSource = createDataSource(url, config, counter, entities);
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    counter,
    embedded: embedded !== undefined,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/**
 * Runs pending migrations. Against a shared server, an advisory lock keeps two
 * instances starting at once from migrating together.
 */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  const run = () => handle.dataSource.runMigrations({ transaction: 'all' });
  if (handle.embedded) return (await run()).map((m) => m.name);
  return withAdvisoryLock(handle.dataSource, 'ratify:migrate', async () => (await run()).map((m) => m.name));
}

/** Holds a session-level advisory lock on a dedicated connection while `work` runs. */
export async function withAdvisoryLock<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await runner.release();
  }
}
