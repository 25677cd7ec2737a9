import type { GqlResponse, TestApp } from './app.js';
import type { Cast } from './fixtures.js';

/** Everyone who may call the API: the cast, and a caller without a token. */
export type Caller = keyof Cast | 'anonymous';
export const CALLERS: Caller[] = ['admin', 'france', 'panama', 'partner', 'anonymous'];

/**
 * What a caller gets from an operation:
 * - 'ok': an answer without errors, and the thing asked about is in it;
 * - 'hidden': an answer without errors, but the thing is not in it (filtered out by visibility);
 * - an error code: the operation fails with exactly that code.
 */
export type Outcome = 'ok' | 'hidden' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/**
 * One row of the authorization matrix. `setup` runs once, as whoever it needs, and returns
 * what `run` needs (ids of things owned by France, say). `run` calls the operation as `caller`
 * (token null for anonymous) and `seen` says whether the thing asked about is in the answer.
 * Mutations that change state should act on fresh objects created in `run` or `setup` so that
 * rows do not depend on each other's order.
 */
export interface MatrixCase<Context = any> {
  name: string;
  setup?(t: TestApp, cast: Cast): Promise<Context>;
  run(t: TestApp, cast: Cast, token: string | null, context: Context, caller: Caller): Promise<GqlResponse>;
  seen?(response: GqlResponse, context: Context): boolean;
  expect: Record<Caller, Outcome>;
}
