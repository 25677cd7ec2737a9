import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { StatementCounter } from '../../src/database/statement-counter.js';
import { provisionDatabase } from './provision.js';

export const ADMIN = { email: 'admin@example.org', password: 'admin-password-for-tests' };

export interface GqlResponse<T = any> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; details?: any } }[];
}

/** The service, started on a free port over a fresh database, with the real data loaded. */
export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  /** The variables that point a process at this app's database. */
  env: Record<string, string>;
  counter: StatementCounter;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await provisionDatabase({ migrated: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Tests sign in far more often than people do; the limits have tests of their own.
    LOGIN_RATE_LIMIT: '100000',
    REQUEST_RATE_LIMIT: '0',
    // Statement counts stay exact when the user is read on every request; the cache has a test of its own.
    USER_CACHE_SECONDS: '0',
    ...database.env,
    ...env,
  });
  let app: NestFastifyApplication;
  try {
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await database.dispose();
    throw error;
  }
  const url = await app.getUrl();
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) } as GqlResponse<T>;
  };
  return {
    app,
    url,
    env: database.env,
    counter: app.get(StatementCounter),
    gql,
    async login(email, password) {
      const result = await gql<{ login: { token: string } }>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password },
      );
      if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

/** The codes of a response's errors, for compact assertions. */
export const codes = (response: GqlResponse) => (response.errors ?? []).map((e) => e.extensions?.code);

/** The data of a response that must have succeeded. */
export function ok<T = any>(response: GqlResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}
