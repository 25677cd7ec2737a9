import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { loadRedis, type RedisClass } from '../common/redis.js';

export interface Window {
  count: number;
  retryAfterSeconds: number;
}

/** Counts hits per key in fixed windows: in this process, or in Redis when instances share one. */
export interface RateLimiter {
  /** Counts one hit; a key's window starts with its first hit. */
  hit(key: string, windowSeconds: number): Promise<Window>;
  /**
   * Counts one hit against every key at once, only if each of them is below `limit`: checked and
   * counted in one step, so concurrent callers can never take more than `limit` between them.
   * When a key is full nothing is counted, and the reply names the longest wait.
   */
  reserve(keys: string[], limit: number, windowSeconds: number): Promise<Reservation>;
  /** Gives back one hit taken by `reserve` (a window never goes below 0). */
  release(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

export interface Reservation {
  granted: boolean;
  /** Seconds until the fullest key's window ends (when refused). */
  retryAfterSeconds: number;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  hit(key: string, windowSeconds: number): Promise<Window> {
    const now = Date.now();
    if (this.windows.size > 100_000) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count++;
    return Promise.resolve({ count: window.count, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) });
  }

  // Synchronous from the first check to the last count: no other caller runs in between.
  reserve(keys: string[], limit: number, windowSeconds: number): Promise<Reservation> {
    const now = Date.now();
    if (this.windows.size > 100_000) this.sweep(now);
    const live = (key: string) => {
      const window = this.windows.get(key);
      return window && window.resetAt > now ? window : undefined;
    };
    const full = keys.map(live).filter((window) => window && window.count >= limit);
    if (full.length)
      return Promise.resolve({ granted: false, retryAfterSeconds: Math.max(1, ...full.map((w) => Math.ceil((w!.resetAt - now) / 1000))) });
    for (const key of keys) {
      const window = live(key) ?? { count: 0, resetAt: now + windowSeconds * 1000 };
      window.count++;
      this.windows.set(key, window);
    }
    return Promise.resolve({ granted: true, retryAfterSeconds: 0 });
  }

  release(keys: string[]): Promise<void> {
    const now = Date.now();
    for (const key of keys) {
      const window = this.windows.get(key);
      if (window && window.resetAt > now && window.count > 0) window.count--;
    }
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }

  close(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }
}

/** Redis runs a script alone: nothing else reads or counts these keys between its check and its counts. */
const RESERVE = `
local wait = 0
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[1]) then wait = math.max(wait, redis.call('TTL', key)) ; if wait < 1 then wait = 1 end end
end
if wait > 0 then return {0, wait} end
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  if redis.call('TTL', key) < 0 then redis.call('EXPIRE', key, ARGV[2]) end
end
return {1, 0}`;

const RELEASE = `
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 0`;

/** Shared across instances; while Redis is unreachable it counts in this process instead. */
export class RedisRateLimiter implements RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly redis: Redis;
  private readonly fallback = new MemoryRateLimiter();

  constructor(url: string, Redis: RedisClass) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(n * 200, 2000) });
    this.redis.on('error', (error) => this.logger.debug(`Redis: ${error.message}`));
  }

  async hit(key: string, windowSeconds: number): Promise<Window> {
    try {
      const redisKey = this.key(key);
      const [count, , ttl] = await this.run(this.redis.multi().incr(redisKey).expire(redisKey, windowSeconds, 'NX').ttl(redisKey));
      return { count, retryAfterSeconds: Math.max(ttl, 1) };
    } catch {
      return this.fallback.hit(key, windowSeconds);
    }
  }

  async reserve(keys: string[], limit: number, windowSeconds: number): Promise<Reservation> {
    try {
      const [granted, retryAfterSeconds] = (await this.redis.eval(
        RESERVE,
        keys.length,
        ...keys.map((k) => this.key(k)),
        limit,
        windowSeconds,
      )) as [number, number];
      return { granted: granted === 1, retryAfterSeconds: granted === 1 ? 0 : Math.max(retryAfterSeconds, 1) };
    } catch {
      return this.fallback.reserve(keys, limit, windowSeconds);
    }
  }

  async release(keys: string[]): Promise<void> {
    try {
      await this.redis.eval(RELEASE, keys.length, ...keys.map((k) => this.key(k)));
    } catch {
      await this.fallback.release(keys);
    }
  }

  private key(key: string): string {
    return `ratify:rate:${key}`;
  }

  private async run(commands: ReturnType<Redis['multi']>): Promise<number[]> {
    const replies = (await commands.exec()) ?? [];
    return replies.map(([error, value]) => {
      if (error) throw error;
      return Number(value ?? 0);
    });
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.fallback.close();
  }
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');

/** In Redis when instances share one (REDIS_URL), else in this process. */
export async function createRateLimiter(redisUrl: string | undefined): Promise<RateLimiter> {
  return redisUrl ? new RedisRateLimiter(redisUrl, await loadRedis()) : new MemoryRateLimiter();
}
