// The peer: PostGraphile v4 over the same tables, plus the functions of bench/peer/schema.sql
// (schema bench_peer), answering as one fixed viewer given through pgSettings.
import Module, { createRequire } from 'node:module';
import http from 'node:http';
import pg from 'pg';

// npm installs graphql 16 at the top for the service, and PostGraphile's graphql 15 under
// postgraphile/ and again under graphile-build-pg/, while some of its helpers (such as
// graphql-parse-resolve-info) find the top one: GraphQL refuses types from two copies. Nothing else
// in this process uses GraphQL, so every module gets the one copy under postgraphile/.
const require = createRequire(import.meta.url);
const postgraphileDir = require.resolve('postgraphile/package.json').replace(/package\.json$/, '');
const graphql15 = createRequire(postgraphileDir).resolve('graphql');
const graphql15Dir = graphql15.replace(/index\.js$/, '');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveOneGraphql(request, parent, ...rest) {
  if (request === 'graphql' || request.startsWith('graphql/')) {
    return request === 'graphql' ? graphql15 : resolveFilename.call(this, graphql15Dir + request.slice('graphql/'.length), parent, ...rest);
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
const { postgraphile } = require('postgraphile');

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
  application_name: 'bench-postgraphile',
});

const handler = postgraphile(pool, ['public', 'bench_peer'], {
  // The recommended production settings (graphile.org/postgraphile/production/), without a JWT:
  // the viewer is fixed, as for the ceiling.
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  retryOnInitFail: false,
  extendedErrors: ['errcode'],
  setofFunctionsContainNulls: false,
  ignoreRBAC: true,
  ignoreIndexes: true,
  dynamicJson: true,
  legacyRelations: 'omit',
  simpleCollections: 'both',
  disableDefaultMutations: true,
  enableQueryBatching: false,
  pgSettings: {
    'bench.viewer_id': process.env.BENCH_VIEWER_ID,
    'bench.viewer_org': process.env.BENCH_VIEWER_ORG,
    'bench.viewer_role': process.env.BENCH_VIEWER_ROLE ?? 'COORDINATOR',
  },
});

const server = http.createServer(handler);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3200), '127.0.0.1');
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
