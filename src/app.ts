import multipart from '@fastify/multipart';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { answerOversizedBodies } from './common/request-bodies.js';
import { useSecurityHeaders } from './common/security-headers.js';
import { serveWebApp } from './common/web-app.js';
import { InputValidationPipe, invalidInput } from './common/validation.js';
import { keepValidationRules } from './common/validation-rules.js';
import { migrate, openDatabase, withAdvisoryLock, type DatabaseHandle } from './database/data-source.js';
import { importPublicData } from './data-import/importer.js';
import { SPREADSHEET_UPLOAD_PATH, spreadsheetUploadLimit } from './spreadsheet-import/spreadsheet-import.controller.js';
import { UsersService } from './users/users.service.js';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

export function logLevels(config: Pick<AppConfig, 'logLevel'>): LogLevel[] {
  return LEVELS[config.logLevel];
}

/** Loads the public treaty and voting data, unless the same files were already loaded. */
async function loadPublicData(database: DatabaseHandle, config: AppConfig): Promise<void> {
  const logger = new Logger('DataImport');
  const run = () => importPublicData(database.dataSource, config.importDir);
  logger.log(`loading the public data from ${config.importDir}`);
  const summary = database.embedded ? await run() : await withAdvisoryLock(database.dataSource, 'ratify:import-on-start', run);
  if (!summary.skipped) logger.log(`loaded the public data from ${config.importDir}`);
}

/**
 * Once the server is closing, each response closes its connection: server.close() waits for
 * every open connection, and a keep-alive one that served an in-flight request would hold
 * the shutdown open until its client let go.
 */
function closeConnectionsOnShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}

/** Opens (or starts) the database, migrates it and loads the public data on first start. */
export async function openAppDatabase(config: AppConfig): Promise<DatabaseHandle> {
  Logger.overrideLogger(logLevels(config));
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database);
    if (applied.length) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
    if (config.importOnStart) await loadPublicData(database, config);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Opens the database (see openAppDatabase), creates the first admin if asked, and builds the
 * application. Call `listen()` on the result.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const database = await openAppDatabase(config);
  try {
    const adapter = new FastifyAdapter({
      bodyLimit: config.limits.bodyBytes,
      forceCloseConnections: 'idle',
      return503OnClosing: true,
      // The routes' JSON schemas are fixed in code; checking them against the JSON Schema
      // meta-schema at every start (about 100 ms) would only catch a library's own mistake.
      ajv: { customOptions: { validateSchema: false } },
    });
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, database), adapter, {
      logger: logLevels(config),
    });
    closeConnectionsOnShutdown(adapter.getInstance());
    answerOversizedBodies(adapter.getInstance(), (request) =>
      request.routeOptions.url === SPREADSHEET_UPLOAD_PATH
        ? spreadsheetUploadLimit(config)
        : (request.routeOptions.bodyLimit ?? config.limits.bodyBytes),
    );
    await useSecurityHeaders(app);
    // Spreadsheet uploads (POST /imports/spreadsheet); the files are read, and limited, by that route.
    await app.register(multipart, { limits: { fileSize: config.importUploadBytes, files: 2 } });
    // The web application at `/` (built into dist/web by `npm run build`).
    await serveWebApp(app);
    keepValidationRules();
    app.useGlobalPipes(
      new InputValidationPipe({
        transform: true,
        exceptionFactory: invalidInput,
      }),
    );
    await app.get(UsersService).ensureFirstAdmin({
      email: config.adminEmail,
      password: config.adminPassword,
      organization: config.adminOrganization,
    });
    return app;
  } catch (error) {
    await database.close();
    throw error;
  }
}
