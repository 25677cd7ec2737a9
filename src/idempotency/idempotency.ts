import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Args, GqlExecutionContext } from '@nestjs/graphql';
import type { Observable } from 'rxjs';
import { badInput } from '../common/errors.js';
import type { GqlContext } from '../graphql/context.js';
import { KEY_RETENTION_HOURS, type KeyClaim, type StoredKey } from './idempotency-keys.repository.js';

/** The HTTP header that carries a key (the `idempotencyKey` argument does the same, also over WebSocket). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The key of the create mutation being resolved; taken by the first write it makes. */
interface PendingKey extends KeyClaim {
  taken: boolean;
}

const pending = new AsyncLocalStorage<PendingKey>();

/**
 * The key the current mutation was sent with, for the Writes helper: returned once (to the
 * mutation's first transaction), then undefined, so that only one write is tied to a key.
 */
export function takePendingKey(): KeyClaim | undefined {
  const key = pending.getStore();
  if (!key || key.taken) return undefined;
  key.taken = true;
  return key;
}

/** Whether the current mutation was sent a key that no write has taken yet. */
export function hasPendingKey(): boolean {
  const key = pending.getStore();
  return !!key && !key.taken;
}

/** The first request with this key is the same request: same mutation, same arguments. Otherwise BAD_USER_INPUT. */
export function checkSameRequest(claim: KeyClaim, first: StoredKey): void {
  if (first.operation === claim.operation && first.fingerprint === claim.fingerprint) return;
  throw badInput(
    `The idempotency key "${claim.key}" was used in the last ${KEY_RETENTION_HOURS} hours for another request (${first.operation}${first.operation === claim.operation ? ' with other arguments' : ''}): send a new key with each new request`,
    { field: 'idempotencyKey' },
  );
}

/** Arguments in one canonical form (keys sorted); a password is left out, so that no hash of it is kept. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => key !== 'password' && key !== 'idempotencyKey')
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function fingerprint(args: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(args)))
    .digest('base64url');
}

/** The key of a mutation: its `idempotencyKey` argument, or the Idempotency-Key header (HTTP). */
function keyOf(args: Record<string, unknown>, context: GqlContext | undefined): string | undefined {
  const argument = typeof args.idempotencyKey === 'string' ? args.idempotencyKey : undefined;
  const raw = context?.req?.headers?.[IDEMPOTENCY_HEADER];
  const header = Array.isArray(raw) ? raw[0] : raw;
  if (argument !== undefined && header !== undefined && argument !== header) {
    throw badInput('The Idempotency-Key header and the idempotencyKey argument differ: send one key', { field: 'idempotencyKey' });
  }
  const key = argument ?? header;
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    throw badInput('An idempotency key is 1 to 255 visible ASCII characters, such as a UUID', { field: 'idempotencyKey' });
  }
  return key;
}

/** Ties a create mutation's write to its idempotency key, when it was sent one. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const args = gql.getArgs<Record<string, unknown>>();
    const ctx = gql.getContext<GqlContext>();
    const key = keyOf(args, ctx);
    if (key === undefined || !ctx.viewer) return next.handle();
    const claim: PendingKey = {
      userId: ctx.viewer.id,
      key,
      operation: gql.getInfo<{ fieldName: string }>().fieldName,
      fingerprint: fingerprint(args),
      taken: false,
    };
    // The handler runs in this context (Nest binds it to the async scope it is called from).
    return pending.run(claim, () => next.handle());
  }
}

/**
 * A create mutation that accepts an idempotency key: the `idempotencyKey` argument or the
 * Idempotency-Key header. The same key from the same user within 24 hours returns the first
 * result and writes nothing. Pair it with an `@IdempotencyKey()` parameter, which puts the
 * argument in the schema.
 */
export const Idempotent = () => applyDecorators(UseInterceptors(IdempotencyInterceptor));

export const IdempotencyKey = () =>
  Args('idempotencyKey', {
    type: () => String,
    nullable: true,
    description: `Sent again with a retry, returns the first result instead of writing twice (kept ${KEY_RETENTION_HOURS} hours; also the Idempotency-Key header)`,
  });
