import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { loadRedis, type RedisClass } from '../common/redis.js';

export interface Window {
  count: number;
  retryAfterSeconds: number;
}

/** Counts hits per key in fixed windows: in this process, or in Redis when instances share one. */
export interface RateLimiter {
  /** The current window of a key (count 0 when none). */
  peek(key: string): Promise<Window>;
  /** Counts one hit; a key's window starts with its first hit. */
  hit(key: string, windowSeconds: number): Promise<Window>;
  close(): Promise<void>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async peek(key: string): Promise<Window> {
    const window = this.windows.get(key);
    const now = Date.now();
    if (!window || window.resetAt <= now) return { count: 0, retryAfterSeconds: 0 };
    return { count: window.count, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) };
  }

  async hit(key: string, windowSeconds: number): Promise<Window> {
    const now = Date.now();
    if (this.windows.size > 100_000) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count++;
    return { count: window.count, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}

/** Shared across instances; while Redis is unreachable it counts in this process instead. */
export class RedisRateLimiter implements RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly redis: Redis;
  private readonly fallback = new MemoryRateLimiter();

  constructor(url: string, Redis: RedisClass) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(n * 200, 2000) });
    this.redis.on('error', (error) => this.logger.debug(`Redis: ${error.message}`));
  }

  async peek(key: string): Promise<Window> {
    try {
      const [count, ttl] = await this.run(this.redis.multi().get(this.key(key)).ttl(this.key(key)));
      return { count, retryAfterSeconds: Math.max(ttl, 0) };
    } catch {
      return this.fallback.peek(key);
    }
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
