import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { describeStartupError } from './database/startup-errors.js';

const SHUTDOWN_TIMEOUT_MS = 9000;

/**
 * Graceful shutdown: on SIGTERM or SIGINT, stop accepting connections, let in-flight requests
 * finish, close the database, and exit 0 (1 if that takes longer than the timeout).
 */
function stopOnSignal(app: INestApplication): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const logger = new Logger('Ratify');
    logger.log(`${signal}: finishing in-flight requests, then stopping`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  try {
    const app = await createApp(config);
    await app.listen({ port: config.port, host: config.host });
    stopOnSignal(app);
    const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost').replace('0.0.0.0', 'localhost');
    new Logger('Ratify').log(`GraphQL at ${url}/graphql, explorer at ${url}/graphiql, health at ${url}/health`);
  } catch (error) {
    console.error(`Cannot start: ${describeStartupError(error, config)}`);
    process.exit(1);
  }
}

await main();
