import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this file that holds package.json (from `src/` or `dist/src/`). */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** A postgres:// URL, or undefined for the embedded PostgreSQL (PGlite). */
  databaseUrl: string | undefined;
  /** Folder of the embedded database; used only without DATABASE_URL. */
  embeddedDir: string;
  dbPoolSize: number;
  dbConnectTimeoutMs: number;
  dbStatementTimeoutMs: number;
  /** Run statements with parameters as prepared statements (off for poolers that cannot keep them). */
  dbPreparedStatements: boolean;
  jwtSecret: string;
  /** During a rotation: the secret tokens were signed with before JWT_SECRET, still accepted until they expire. */
  jwtPreviousSecret?: string;
  jwtTtlSeconds: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  adminOrganization: string;
  /** Redis for live activity across instances; unset: in-process only. */
  redisUrl: string | undefined;
  /** Sign-in attempts allowed per IP address and per account in each window. */
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  /** GraphQL requests allowed per token per minute (0: no limit). */
  requestRateLimit: number;
  userCacheSeconds: number;
  /** How long a WebSocket may wait before connection_init (then it is closed with 4408). */
  wsInitTimeoutMs: number;
  /**
   * Open WebSockets allowed from one IP address (WS_MAX_CONNECTIONS_PER_IP, default 20); one more
   * is refused at the upgrade with HTTP 429. Frames larger than HTTP_BODY_LIMIT_BYTES close the
   * socket with 1009.
   */
  wsMaxConnectionsPerIp: number;
  importDir: string;
  importOnStart: boolean;
  /** Largest file accepted by the spreadsheet import upload. */
  importUploadBytes: number;
  /** The largest letter template (.docx) a campaign stores; sent base64 in a GraphQL request, which HTTP_BODY_LIMIT_BYTES must hold. */
  letterTemplateBytes: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  limits: RequestLimits;
  /** The SMTP server the daily digests go through (SMTP_URL); unset: no e-mail is sent. */
  smtpUrl: string | undefined;
  /** The digests' sender (MAIL_FROM). */
  mailFrom: string;
  /** Where users open the web app, for the links in e-mails (PUBLIC_URL, default http://localhost:PORT). */
  publicUrl: string;
  /** How often each instance looks for digests that are due (DIGEST_CHECK_SECONDS). */
  digestCheckSeconds: number;
}

/** What one HTTP request may ask of the service; anything beyond is refused before it runs. */
export interface RequestLimits {
  bodyBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Computed with the request's variables: see src/graphql/cost.ts. */
  maxCost: number;
  /**
   * The most values one response may hold, estimated before it runs from its page sizes (the
   * default page size when left out) and UNPAGED_LIST_SIZE for lists without one.
   */
  maxResponseNodes: number;
  /** Parsed documents kept for reuse (and compiled with graphql-jit); 0: none. */
  documentCache: number;
  /** Schema introspection and "Did you mean …?" suggestions in error messages. */
  introspection: boolean;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  if (!url.hostname && !url.searchParams.get('host')) throw new ConfigError('DATABASE_URL has no host');
  if (url.pathname.replace(/^\//, '') === '') throw new ConfigError('DATABASE_URL names no database');
  return raw;
}

function redisUrl(env: Env): string | undefined {
  const raw = env.REDIS_URL;
  if (raw === undefined || raw === '') return undefined;
  if (!/^rediss?:\/\/[^/\s]+/.test(raw)) throw new ConfigError('REDIS_URL must look like redis://host:6379');
  return raw;
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') return undefined;
  if (!/^smtps?:\/\/[^/\s]+/.test(raw))
    throw new ConfigError('SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps://…:465)');
  return raw;
}

function publicUrl(env: Env, port: number): string {
  const raw = env.PUBLIC_URL;
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a valid URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('PUBLIC_URL must start with http:// or https://');
  return raw.replace(/\/+$/, '');
}

function requestLimits(env: Env, nodeEnv: NodeEnv): RequestLimits {
  return {
    bodyBytes: int(env, 'HTTP_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
    maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 1000),
    maxDirectives: int(env, 'GRAPHQL_MAX_DIRECTIVES', 50, 0, 1000),
    maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 1000, 100, 100000),
    maxCost: int(env, 'GRAPHQL_MAX_COST', 50000, 100, 10000000),
    maxResponseNodes: int(env, 'GRAPHQL_MAX_RESPONSE_NODES', 250000, 100, 100000000),
    documentCache: int(env, 'GRAPHQL_DOCUMENT_CACHE', 64, 0, 100000),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
  };
}

/**
 * Outside production a missing JWT_SECRET is generated once and kept beside the
 * embedded database, so that tokens survive a restart. Production must set it.
 */
function jwtSecret(env: Env, nodeEnv: NodeEnv, dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long');
    return raw;
  }
  if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (nodeEnv === 'test') return randomBytes(32).toString('hex');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The secret of the tokens signed before a rotation of JWT_SECRET, accepted until they expire. */
function jwtPreviousSecret(env: Env): string | undefined {
  const raw = env.JWT_PREVIOUS_SECRET;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) throw new ConfigError('JWT_PREVIOUS_SECRET must be at least 32 characters long');
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV || 'development') as NodeEnv;
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const dataDir = resolve(PROJECT_ROOT, env.DATA_DIR || '.data');
  const logLevel = (env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'log')) as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be error, warn, log or debug, got "${logLevel}"`);
  }
  const adminEmail = env.ADMIN_EMAIL || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 12 characters long');
  }
  const url = databaseUrl(env);
  const port = int(env, 'PORT', 3000, 0, 65535);
  return {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port,
    databaseUrl: url,
    embeddedDir: join(dataDir, 'pglite'),
    dbPoolSize: url ? int(env, 'DB_POOL_SIZE', 10, 1, 200) : 1,
    dbConnectTimeoutMs: int(env, 'DB_CONNECT_TIMEOUT_MS', 2000, 100, 60000),
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 0, 600000),
    dbPreparedStatements: bool(env, 'DB_PREPARED_STATEMENTS', true),
    jwtSecret: jwtSecret(env, nodeEnv, dataDir),
    jwtPreviousSecret: jwtPreviousSecret(env),
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    adminEmail,
    adminPassword,
    adminOrganization: env.ADMIN_ORGANIZATION || 'Administration',
    redisUrl: redisUrl(env),
    loginRateLimit: int(env, 'LOGIN_RATE_LIMIT', 5, 1, 1_000_000),
    loginRateWindowSeconds: int(env, 'LOGIN_RATE_WINDOW_SECONDS', 60, 1, 86_400),
    requestRateLimit: int(env, 'REQUEST_RATE_LIMIT', 1200, 0, 10_000_000),
    userCacheSeconds: int(env, 'USER_CACHE_SECONDS', 2, 0, 60),
    wsInitTimeoutMs: int(env, 'WS_INIT_TIMEOUT_MS', 10_000, 100, 600_000),
    wsMaxConnectionsPerIp: int(env, 'WS_MAX_CONNECTIONS_PER_IP', 20, 1, 100_000),
    importDir: resolve(PROJECT_ROOT, env.IMPORT_DIR || 'data'),
    importOnStart: bool(env, 'IMPORT_ON_START', true),
    importUploadBytes: int(env, 'IMPORT_UPLOAD_LIMIT_BYTES', 20 * 1024 * 1024, 1024, 500 * 1024 * 1024),
    letterTemplateBytes: int(env, 'LETTER_TEMPLATE_LIMIT_BYTES', 512 * 1024, 1024, 4 * 1024 * 1024),
    logLevel,
    limits: requestLimits(env, nodeEnv),
    smtpUrl: smtpUrl(env),
    mailFrom: env.MAIL_FROM || 'Ratify <ratify@localhost>',
    publicUrl: publicUrl(env, port),
    digestCheckSeconds: int(env, 'DIGEST_CHECK_SECONDS', 300, 1, 86_400),
  };
}
