import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

export type RedisClass = typeof Redis;

/** ioredis, loaded only when REDIS_URL is set: an instance on its own starts without it. */
export async function loadRedis(): Promise<RedisClass> {
  return (await import('ioredis')).Redis;
}

/**
 * The two connections of a pub/sub channel between instances: a publisher that fails fast while
 * Redis is away (publishing is best effort) and a subscriber that queues its SUBSCRIBE until Redis
 * answers. Both reconnect by themselves; their errors are logged, never thrown.
 */
export function pubSubClients(url: string, Redis: RedisClass, logger: Logger): { publisher: Redis; subscriber: Redis } {
  const options = {
    lazyConnect: false,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
    retryStrategy: (n: number) => Math.min(n * 200, 2000),
  };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error) => logger.warn(`Redis ${name}: ${error.message}`));
  }
  return { publisher, subscriber };
}
