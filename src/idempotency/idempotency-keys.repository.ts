import type { Queryable } from '../common/sql.js';

/** How long a key is remembered: a retry within this time returns the first result. */
export const KEY_RETENTION_HOURS = 24;

export interface KeyClaim {
  userId: string;
  key: string;
  operation: string;
  fingerprint: string;
}

export interface StoredKey {
  operation: string;
  fingerprint: string;
  result: unknown;
}

/**
 * Takes a key for this write, in its transaction. Returns null when the key is new (the write
 * goes ahead and `recordResult` stores its result), or the request that used it first. A request
 * with the same key still in progress holds the key's row: this waits for its transaction to end,
 * then sees its result (or, if it failed, takes the key itself).
 */
export async function claimKey(db: Queryable, claim: KeyClaim): Promise<StoredKey | null> {
  // A key older than the retention period is forgotten: it may be used again.
  await db.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`, [
    claim.userId,
    claim.key,
    KEY_RETENTION_HOURS,
  ]);
  const taken = await db.query<unknown[]>(
    `INSERT INTO idempotency_keys (user_id, key, operation, fingerprint) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
    [claim.userId, claim.key, claim.operation, claim.fingerprint],
  );
  if (taken.length) return null;
  const [first] = await db.query<StoredKey[]>(
    `SELECT operation, fingerprint, result FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [claim.userId, claim.key],
  );
  return first;
}

/**
 * What the first request with this key stored, read after a write that found the key taken by a
 * request its own statement could not yet see (two requests with one key at once: the later one
 * waited for the first to commit, and wrote nothing).
 */
export async function storedResult(db: Queryable, claim: KeyClaim): Promise<StoredKey> {
  const [first] = await db.query<StoredKey[]>(
    `SELECT operation, fingerprint, result FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [claim.userId, claim.key],
  );
  if (!first) throw new Error(`idempotency key "${claim.key}" was taken, and is gone`);
  return first;
}

export async function recordResult(db: Queryable, claim: KeyClaim, result: unknown): Promise<void> {
  await db.query(`UPDATE idempotency_keys SET result = $3 WHERE user_id = $1 AND key = $2`, [
    claim.userId,
    claim.key,
    JSON.stringify(result ?? null),
  ]);
}

/** Forgets every key past the retention period. */
export async function pruneKeys(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [KEY_RETENTION_HOURS]);
}
