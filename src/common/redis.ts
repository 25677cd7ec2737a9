import type { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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
function pubSubClients(url: string, Redis: RedisClass, logger: Logger): { publisher: Redis; subscriber: Redis } {
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

/**
 * A Redis pub/sub channel shared by every instance. Each message carries the instance it comes
 * from (`{ origin, ...message }` on the wire); `receive` is given the messages of the other
 * instances only, since each instance delivers its own directly, so that they arrive even while
 * Redis is down. Publishing is best effort: a failure is logged, never thrown.
 */
export class RedisChannel<Message extends object> {
  readonly publisher: Redis;
  readonly subscriber: Redis;
  private readonly origin = randomUUID();

  constructor(
    url: string,
    Redis: RedisClass,
    private readonly channel: string,
    private readonly logger: Logger,
    receive: (message: Message) => void,
  ) {
    ({ publisher: this.publisher, subscriber: this.subscriber } = pubSubClients(url, Redis, logger));
    this.subscriber.on('message', (_channel, text) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      if (typeof parsed !== 'object' || parsed === null) {
        logger.warn(`ignored a malformed message on ${channel}`);
        return;
      }
      const { origin, ...message } = parsed as { origin?: unknown };
      if (origin !== this.origin) receive(message as Message);
    });
    void this.subscriber.subscribe(channel).catch((error: Error) => logger.warn(`Redis subscribe: ${error.message}`));
  }

  /** Sends a message to the other instances; `what` names it in the warning if Redis refuses it. */
  async publish(message: Message, what: string): Promise<void> {
    try {
      await this.publisher.publish(this.channel, JSON.stringify({ origin: this.origin, ...message }));
    } catch (error) {
      this.logger.warn(`could not publish ${what}: ${(error as Error).message}`);
    }
  }

  /** Whether messages can go out and come in right now. */
  healthy(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  close(): void {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
