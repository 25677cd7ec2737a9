import type { Redis } from 'ioredis';

export type RedisClass = typeof Redis;

/** ioredis, loaded only when REDIS_URL is set: an instance on its own starts without it. */
export async function loadRedis(): Promise<RedisClass> {
  return (await import('ioredis')).Redis;
}
