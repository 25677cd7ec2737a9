import { createHash } from 'node:crypto';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { firstValueFrom, of } from 'rxjs';
import { Role } from '../../src/common/enums.js';
import type { AppError } from '../../src/common/errors.js';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants.js';
import {
  checkSameRequest,
  fingerprint,
  hasPendingKey,
  Idempotent,
  IdempotencyInterceptor,
  takePendingKey,
} from '../../src/idempotency/idempotency.js';

function error(call: () => unknown): AppError {
  try {
    call();
  } catch (thrown) {
    return thrown as AppError;
  }
  throw new Error('expected a failure');
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');
const viewer = { id: 'u1', email: 'u@example.org', displayName: 'U', role: Role.COORDINATOR, organizationId: 'o1' };

/** Runs a mutation's handler through the interceptor; the handler reports the key it could take. */
async function intercept(
  args: Record<string, unknown>,
  headers: Record<string, unknown> = {},
  signedIn = true,
  operation = 'createThing',
  gqlContext?: unknown,
) {
  const context = new ExecutionContextHost([
    {},
    args,
    arguments.length > 4 ? gqlContext : { req: { headers }, viewer: signedIn ? viewer : undefined },
    { fieldName: operation },
  ]);
  context.setType('graphql');
  const seen: unknown[] = [];
  const handler = {
    handle: () => {
      seen.push(hasPendingKey());
      const first = takePendingKey();
      seen.push(first ? { ...first } : first, hasPendingKey(), takePendingKey());
      return of('done');
    },
  };
  expect(await firstValueFrom(new IdempotencyInterceptor().intercept(context, handler) as never)).toBe('done');
  return seen;
}

describe('idempotency keys', () => {
  it('fingerprints arguments in one canonical form, without the password or the key', () => {
    const args = { b: [{ y: 1, x: new Date('2026-01-02T03:04:05.000Z') }], a: 'text', password: 'secret', idempotencyKey: 'k', n: null };
    expect(fingerprint(args)).toBe(sha({ a: 'text', b: [{ x: '2026-01-02T03:04:05.000Z', y: 1 }], n: null }));
    expect(fingerprint({ a: 'text', b: [{ x: new Date('2026-01-02T03:04:05.000Z'), y: 1 }], n: null })).toBe(fingerprint(args));
    expect(fingerprint({ input: { password: 'p', name: 'n' } })).toBe(sha({ input: { name: 'n' } }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(fingerprint({ list: [2, 1] })).toBe(sha({ list: [2, 1] }));
  });

  it('accepts the same request again, and refuses another request or other arguments with the same key', () => {
    const claim = { userId: 'u1', key: 'k-1', operation: 'createObstacle', fingerprint: 'f' };
    expect(checkSameRequest(claim, { operation: 'createObstacle', fingerprint: 'f', result: null })).toBeUndefined();
    const otherArguments = error(() => checkSameRequest(claim, { operation: 'createObstacle', fingerprint: 'g', result: null }));
    expect([otherArguments.code, otherArguments.message, otherArguments.details]).toEqual([
      'BAD_USER_INPUT',
      'The idempotency key "k-1" was used in the last 24 hours for another request (createObstacle with other arguments): send a new key with each new request',
      { field: 'idempotencyKey' },
    ]);
    const otherOperation = error(() => checkSameRequest(claim, { operation: 'createContact', fingerprint: 'f', result: null }));
    expect(otherOperation.message).toBe(
      'The idempotency key "k-1" was used in the last 24 hours for another request (createContact): send a new key with each new request',
    );
  });

  it('ties the key of the argument or of the header to the first write of the mutation only', async () => {
    const expected = {
      userId: 'u1',
      key: 'key-1',
      operation: 'createThing',
      fingerprint: fingerprint({ idempotencyKey: 'key-1', name: 'n' }),
      taken: true,
    };
    expect(await intercept({ idempotencyKey: 'key-1', name: 'n' })).toEqual([true, expected, false, undefined]);
    expect(await intercept({ name: 'n' }, { 'idempotency-key': 'key-1' })).toEqual([
      true,
      { ...expected, fingerprint: fingerprint({ name: 'n' }) },
      false,
      undefined,
    ]);
    expect(await intercept({ name: 'n' }, { 'idempotency-key': ['key-1', 'key-2'] })).toEqual([
      true,
      { ...expected, fingerprint: fingerprint({ name: 'n' }) },
      false,
      undefined,
    ]);
    expect(await intercept({ idempotencyKey: 'key-1' }, { 'idempotency-key': 'key-1' })).toEqual([
      true,
      { ...expected, fingerprint: fingerprint({}) },
      false,
      undefined,
    ]);
  });

  it('reads the key of the argument alone over WebSocket, where there is no HTTP request or no headers', async () => {
    const taken = { userId: 'u1', key: 'ws-1', operation: 'createThing', fingerprint: fingerprint({}), taken: true };
    expect(await intercept({ idempotencyKey: 'ws-1' }, {}, true, 'createThing', { viewer })).toEqual([true, taken, false, undefined]);
    expect(await intercept({ idempotencyKey: 'ws-1' }, {}, true, 'createThing', { viewer, req: {} })).toEqual([
      true,
      taken,
      false,
      undefined,
    ]);
    expect(await intercept({}, {}, true, 'createThing', null)).toEqual([false, undefined, false, undefined]);
  });

  it('is put on a mutation as its interceptor', () => {
    class Resolver {
      @Idempotent()
      create() {
        return 'created';
      }
    }
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the method is read as a metadata key, never called
    expect(Reflect.getMetadata(INTERCEPTORS_METADATA, Resolver.prototype.create)).toEqual([IdempotencyInterceptor]);
  });

  it('ties nothing without a key, without a signed-in user, or outside a mutation', async () => {
    expect(await intercept({ name: 'n' })).toEqual([false, undefined, false, undefined]);
    expect(await intercept({ idempotencyKey: 7 })).toEqual([false, undefined, false, undefined]);
    expect(await intercept({ idempotencyKey: 'key-1' }, {}, false)).toEqual([false, undefined, false, undefined]);
    expect([hasPendingKey(), takePendingKey()]).toEqual([false, undefined]);
  });

  it('refuses a header and an argument that differ, and a key that is not 1 to 255 visible ASCII characters', async () => {
    const differ = await intercept({ idempotencyKey: 'a' }, { 'idempotency-key': 'b' }).catch((thrown: AppError) => thrown);
    expect([(differ as AppError).code, (differ as AppError).message, (differ as AppError).details]).toEqual([
      'BAD_USER_INPUT',
      'The Idempotency-Key header and the idempotencyKey argument differ: send one key',
      { field: 'idempotencyKey' },
    ]);
    for (const key of ['', 'with space', 'é', 'x'.repeat(256), 'tab\t', 'new\nline']) {
      const refused = (await intercept({ idempotencyKey: key }).catch((thrown: AppError) => thrown)) as AppError;
      expect([key, refused.code, refused.message, refused.details]).toEqual([
        key,
        'BAD_USER_INPUT',
        'An idempotency key is 1 to 255 visible ASCII characters, such as a UUID',
        { field: 'idempotencyKey' },
      ]);
    }
    for (const key of ['!', '~', 'x'.repeat(255), '0b5c8a52-6a0f-4d0e-9a57-3c1c2b4d5e6f']) {
      expect((await intercept({}, { 'idempotency-key': key }))[1]).toMatchObject({ key });
    }
  });
});
