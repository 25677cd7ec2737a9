import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { RedisChannel, type RedisClass } from '../common/redis.js';

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
  private readonly local = new LocalAccountChanges();
  private readonly channel: RedisChannel<{ userId: string }>;

  constructor(url: string, Redis: RedisClass) {
    this.channel = new RedisChannel(url, Redis, CHANNEL, this.logger, ({ userId }) => {
      if (typeof userId === 'string') this.local.announce(userId);
      else this.logger.warn('ignored a malformed account change message');
    });
  }

  announce(userId: string): void {
    this.local.announce(userId);
    void this.channel.publish({ userId }, `that user ${userId} changed`);
  }

  onChange(listener: AccountChangeListener): () => void {
    return this.local.onChange(listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    this.channel.close();
  }
}

export const ACCOUNT_CHANGES = Symbol('ACCOUNT_CHANGES');
