import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { pubSubClients, type RedisClass } from '../common/redis.js';

export type AccountChangeListener = (userId: string) => void;

/**
 * Tells every instance that an account changed (disabled, role or organization changed, tokens
 * revoked), so that each forgets what it cached about it and re-checks its open sockets at once:
 * in-process by default, through Redis pub/sub when REDIS_URL is set, as the activity bus does.
 */
export interface AccountChanges {
  /** Tells the listeners of this instance (at once, before returning) and of every other one. */
  announce(userId: string): void;
  onChange(listener: AccountChangeListener): () => void;
  close(): Promise<void>;
}

export class LocalAccountChanges implements AccountChanges {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  announce(userId: string): void {
    this.emitter.emit('changed', userId);
  }

  onChange(listener: AccountChangeListener): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }

  close(): Promise<void> {
    this.emitter.removeAllListeners();
    return Promise.resolve();
  }
}

const CHANNEL = 'ratify:accounts';

/**
 * Best effort across instances: a message lost while Redis is down is made up for by the periodic
 * re-check of open sockets (every USER_CACHE_SECONDS) and by the user cache's own expiry.
 */
export class RedisAccountChanges implements AccountChanges {
  private readonly logger = new Logger('AccountChanges');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new LocalAccountChanges();
  /** Each instance tells its own listeners directly, so they hear even while Redis is down. */
  private readonly origin = randomUUID();

  constructor(url: string, Redis: RedisClass) {
    ({ publisher: this.publisher, subscriber: this.subscriber } = pubSubClients(url, Redis, this.logger));
    this.subscriber.on('message', (_channel, message) => {
      try {
        const { origin, userId } = JSON.parse(message) as { origin: string; userId: string };
        if (origin !== this.origin && typeof userId === 'string') this.local.announce(userId);
      } catch {
        this.logger.warn('ignored a malformed account change message');
      }
    });
    void this.subscriber.subscribe(CHANNEL).catch((error: Error) => this.logger.warn(`Redis subscribe: ${error.message}`));
  }

  announce(userId: string): void {
    this.local.announce(userId);
    this.publisher.publish(CHANNEL, JSON.stringify({ origin: this.origin, userId })).catch((error: Error) => {
      this.logger.warn(`could not tell other instances that user ${userId} changed: ${error.message}`);
    });
  }

  onChange(listener: AccountChangeListener): () => void {
    return this.local.onChange(listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}

export const ACCOUNT_CHANGES = Symbol('ACCOUNT_CHANGES');
