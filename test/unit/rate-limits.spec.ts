import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { AppError } from '../../src/common/errors.js';
import type { AppConfig } from '../../src/config/config.js';
import { createRateLimiter, MemoryRateLimiter, type RateLimiter } from '../../src/auth/rate-limiter.js';
import { RateLimits } from '../../src/auth/rate-limits.js';

const T0 = Date.UTC(2026, 0, 1);
let now = T0;

beforeEach(() => {
  now = T0;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
});

afterEach(() => jest.restoreAllMocks());

/** The error a call fails with (it must fail). */
async function failure(call: () => Promise<unknown>): Promise<AppError> {
  try {
    await call();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

/** The memory limiter's windows, to check what it keeps. */
const windowsOf = (limiter: MemoryRateLimiter) =>
  (limiter as unknown as { windows: Map<string, { count: number; resetAt: number }> }).windows;

describe('the in-process rate limiter', () => {
  it('counts hits in a fixed window that starts with the first hit', async () => {
    const limiter = new MemoryRateLimiter();
    expect(await limiter.hit('k', 60)).toEqual({ count: 1, retryAfterSeconds: 60 });
    now += 20_500;
    expect(await limiter.hit('k', 60)).toEqual({ count: 2, retryAfterSeconds: 40 });
    expect(await limiter.hit('other', 60)).toEqual({ count: 1, retryAfterSeconds: 60 });
    now = T0 + 59_999;
    expect(await limiter.hit('k', 60)).toEqual({ count: 3, retryAfterSeconds: 1 });
    // The window ends exactly 60 s after the first hit: the next hit starts a new one.
    now = T0 + 60_000;
    expect(await limiter.hit('k', 60)).toEqual({ count: 1, retryAfterSeconds: 60 });
  });

  it('reserves against every key at once, up to the limit, and names the longest wait when refused', async () => {
    const limiter = new MemoryRateLimiter();
    expect(await limiter.reserve(['a', 'b'], 2, 60)).toEqual({ granted: true, retryAfterSeconds: 0 });
    now += 10_000;
    expect(await limiter.reserve(['b'], 2, 30)).toEqual({ granted: true, retryAfterSeconds: 0 });
    // b is full (2 of 2): nothing is counted, not even against a.
    now += 500;
    expect(await limiter.reserve(['a', 'b'], 2, 60)).toEqual({ granted: false, retryAfterSeconds: 50 });
    expect([...windowsOf(limiter)].map(([key, w]) => [key, w.count])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(await limiter.reserve(['a'], 2, 60)).toEqual({ granted: true, retryAfterSeconds: 0 });
    // Both full: the longest wait of the two (a's window is the same as b's here).
    expect(await limiter.reserve(['a', 'b'], 2, 60)).toEqual({ granted: false, retryAfterSeconds: 50 });
    expect(await limiter.reserve(['c', 'a'], 2, 60)).toEqual({ granted: false, retryAfterSeconds: 50 });
    // A refusal never names less than a second.
    now = T0 + 59_900;
    expect(await limiter.reserve(['a'], 2, 60)).toEqual({ granted: false, retryAfterSeconds: 1 });
    // Once the window has ended, the key starts a new one of the given length.
    now = T0 + 60_000;
    expect(await limiter.reserve(['a'], 2, 30)).toEqual({ granted: true, retryAfterSeconds: 0 });
    expect(windowsOf(limiter).get('a')).toEqual({ count: 1, resetAt: T0 + 90_000 });
  });

  it('takes the longest wait among full keys', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.reserve(['short'], 1, 10);
    await limiter.reserve(['long'], 1, 100);
    expect(await limiter.reserve(['short', 'long'], 1, 60)).toEqual({ granted: false, retryAfterSeconds: 100 });
    expect(await limiter.reserve(['long', 'short'], 1, 60)).toEqual({ granted: false, retryAfterSeconds: 100 });
  });

  it('gives back a reserved hit, never below zero, and not into an ended window', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.reserve(['a', 'b'], 1, 60);
    await limiter.release(['a']);
    expect(windowsOf(limiter).get('a')!.count).toBe(0);
    await limiter.release(['a', 'missing']);
    expect(windowsOf(limiter).get('a')!.count).toBe(0);
    expect(windowsOf(limiter).has('missing')).toBe(false);
    expect(await limiter.reserve(['a'], 1, 60)).toEqual({ granted: true, retryAfterSeconds: 0 });
    now = T0 + 60_000;
    await limiter.release(['b']);
    expect(windowsOf(limiter).get('b')!.count).toBe(1);
  });

  it('sweeps ended windows once it holds more than 100,000 keys', async () => {
    for (const method of ['hit', 'reserve'] as const) {
      const limiter = new MemoryRateLimiter();
      const windows = windowsOf(limiter);
      for (let i = 0; i < 100_000; i++) windows.set(`old${i}`, { count: 1, resetAt: T0 });
      windows.set('live', { count: 1, resetAt: T0 + 1 });
      const call = (key: string) => (method === 'hit' ? limiter.hit(key, 60) : limiter.reserve([key], 5, 60));
      // 100,001 keys: swept before this hit is counted; the live window stays.
      await call('new');
      expect([method, windows.size]).toEqual([method, 2]);
      expect(windows.get('live')).toEqual({ count: 1, resetAt: T0 + 1 });
      // At 100,000 keys exactly, nothing is swept.
      windows.clear();
      for (let i = 0; i < 100_000; i++) windows.set(`old${i}`, { count: 1, resetAt: T0 });
      await call('new');
      expect([method, windows.size]).toEqual([method, 100_001]);
    }
  });

  it('forgets every window when closed', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.hit('k', 60);
    await limiter.close();
    expect(windowsOf(limiter).size).toBe(0);
  });

  it('is the in-process limiter without a Redis URL', async () => {
    expect(await createRateLimiter(undefined)).toBeInstanceOf(MemoryRateLimiter);
    expect(await createRateLimiter('')).toBeInstanceOf(MemoryRateLimiter);
  });
});

describe('the sign-in and request limits', () => {
  const config = { loginRateLimit: 3, loginRateWindowSeconds: 120, requestRateLimit: 2 } as AppConfig;

  function limits(overrides: Partial<AppConfig> = {}) {
    const limiter = new MemoryRateLimiter();
    return { limiter, limits: new RateLimits({ ...config, ...overrides }, limiter) };
  }

  it('refuses sign-in from an address once it has had the limit of attempts, whatever the account', async () => {
    const { limits: rate } = limits();
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) await rate.reserveLogin('198.51.100.1', email);
    const error = await failure(() => rate.reserveLogin('198.51.100.1', 'd@example.org'));
    expect([error.code, error.message, error.details]).toEqual([
      'RATE_LIMITED',
      'Too many sign-in attempts; try again in 120 s',
      { retryAfterSeconds: 120 },
    ]);
    // Another address signs in to the same accounts.
    await rate.reserveLogin('198.51.100.2', 'a@example.org');
  });

  it('refuses sign-in to an account once it has had the limit of attempts, from any address', async () => {
    const { limits: rate } = limits();
    await rate.reserveLogin('198.51.100.1', 'Someone@Example.org');
    now += 30_000;
    await rate.reserveLogin('198.51.100.2', ' someone@example.org ');
    await rate.reserveLogin('198.51.100.3', 'SOMEONE@EXAMPLE.ORG');
    // A fourth address, never seen: refused for the account alone, until the account's window ends.
    const error = await failure(() => rate.reserveLogin('198.51.100.4', 'someone@example.org'));
    expect([error.code, error.details]).toEqual(['RATE_LIMITED', { retryAfterSeconds: 90 }]);
    await rate.reserveLogin('198.51.100.4', 'other@example.org');
    now = T0 + 120_000;
    await rate.reserveLogin('198.51.100.4', 'someone@example.org');
  });

  it('gives an attempt back to both the address and the account', async () => {
    const { limits: rate, limiter } = limits({ loginRateLimit: 1 });
    await rate.reserveLogin('198.51.100.1', 'A@example.org');
    expect((await failure(() => rate.reserveLogin('198.51.100.1', 'b@example.org'))).code).toBe('RATE_LIMITED');
    expect((await failure(() => rate.reserveLogin('198.51.100.9', 'a@example.org'))).code).toBe('RATE_LIMITED');
    await rate.releaseLogin('198.51.100.1', ' a@EXAMPLE.org');
    expect([...windowsOf(limiter)].map(([key, w]) => [key, w.count])).toEqual([
      ['login:ip:198.51.100.1', 0],
      ['login:account:a@example.org', 0],
    ]);
    await rate.reserveLogin('198.51.100.9', 'a@example.org');
    await rate.reserveLogin('198.51.100.1', 'b@example.org');
  });

  it('counts requests per token (by a hash of it) per minute, and not at all with a limit of 0', async () => {
    const { limits: rate, limiter } = limits();
    await rate.checkRequest('token-1');
    now += 15_000;
    await rate.checkRequest('token-1');
    const error = await failure(() => rate.checkRequest('token-1'));
    expect([error.code, error.message, error.details]).toEqual([
      'RATE_LIMITED',
      'Too many requests; try again in 45 s',
      { retryAfterSeconds: 45 },
    ]);
    await rate.checkRequest('token-2');
    const key = `token:${createHash('sha256').update('token-1').digest('base64url').slice(0, 32)}`;
    expect(windowsOf(limiter).get(key)).toEqual({ count: 3, resetAt: T0 + 60_000 });

    const { limits: unlimited, limiter: untouched } = limits({ requestRateLimit: 0 });
    for (let i = 0; i < 5; i++) await unlimited.checkRequest('token-1');
    expect(windowsOf(untouched).size).toBe(0);
  });

  it('closes its limiter on shutdown', async () => {
    const closed: string[] = [];
    const limiter = { close: () => Promise.resolve(void closed.push('closed')) } as unknown as RateLimiter;
    await new RateLimits(config, limiter).onApplicationShutdown();
    expect(closed).toEqual(['closed']);
  });
});
