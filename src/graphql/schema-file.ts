import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { printSchema, type GraphQLSchema } from 'graphql';
import { join } from 'node:path';
import { AppModule } from '../app.module.js';
import { loadConfig, PROJECT_ROOT } from '../config/config.js';
import { createDataSource, type DatabaseHandle } from '../database/data-source.js';
import { StatementCounter } from '../database/statement-counter.js';

/** The schema as SDL, committed at the project root for clients and reviewers. */
export const SCHEMA_FILE = join(PROJECT_ROOT, 'schema.graphql');

const HEADER = '# The Ratify GraphQL schema, generated from the code by `npm run schema:print`. Do not edit.\n\n';

/** The file's text for a schema (the app sorts its schema, so the output is stable). */
export function schemaFileText(schema: GraphQLSchema): string {
  return `${HEADER}${printSchema(schema)}\n`;
}

/** A handle whose DataSource is never connected: building the schema sends no query. */
function unconnectedDatabase(): DatabaseHandle {
  const counter = new StatementCounter();
  const settings = {
    databaseUrl: undefined,
    embeddedDir: '',
    dbPoolSize: 1,
    dbConnectTimeoutMs: 100,
    dbStatementTimeoutMs: 0,
    dbPreparedStatements: false,
  };
  return {
    dataSource: createDataSource('postgres://schema-only.invalid/ratify', settings, counter),
    counter,
    embedded: false,
    close: () => Promise.resolve(),
  };
}

/**
 * Builds the application's GraphQL schema without a database: the application module is
 * initialised (no listening, no migrations, no data) and its schema read back.
 */
export async function buildSchema(): Promise<GraphQLSchema> {
  // The schema does not depend on configuration; test defaults write no secret file.
  const config = loadConfig({ NODE_ENV: 'test' });
  const app = await NestFactory.create(AppModule.forRoot(config, unconnectedDatabase()), new FastifyAdapter(), { logger: false });
  try {
    await app.init();
    return app.get(GraphQLSchemaHost).schema;
  } finally {
    await app.close();
  }
}
