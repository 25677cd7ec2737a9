import type { Loaders } from './loaders.js';

const scopes = new WeakMap<Loaders, Map<string, unknown>>();

/**
 * A value that lives as long as the request (a feature's own DataLoader, say), keyed by the
 * request's loaders: created on first use, shared by every field of the same request.
 */
export function requestScoped<T>(loaders: Loaders, key: string, create: () => T): T {
  let scope = scopes.get(loaders);
  if (!scope) {
    scope = new Map();
    scopes.set(loaders, scope);
  }
  if (!scope.has(key)) scope.set(key, create());
  return scope.get(key) as T;
}
