import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { pubSubClients, type RedisClass } from '../common/redis.js';
import type { ActivityEventRow } from './activity.repository.js';

export type ActivityListener = (event: ActivityEventRow) => void;

/** Told when events from other instances may have been missed (Redis was lost). */
export type InterruptionListener = () => void;

/**
 * Carries new activity events to the subscribers of every instance: in-process by default,
 * through Redis pub/sub when REDIS_URL is set (several instances behind a load balancer).
 */
export interface ActivityBus {
  publish(event: ActivityEventRow): Promise<void>;
  subscribe(listener: ActivityListener): () => void;
  onInterruption(listener: InterruptionListener): () => void;
  /** Whether events published elsewhere can reach this instance right now. */
  healthy(): boolean;
  close(): Promise<void>;
}

export class LocalActivityBus implements ActivityBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  /** The listeners run now; one that throws rejects the promise. */
  publish(event: ActivityEventRow): Promise<void> {
    return new Promise((resolve) => {
      this.emitter.emit('event', event);
      resolve();
    });
  }

  subscribe(listener: ActivityListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  onInterruption(listener: InterruptionListener): () => void {
    this.emitter.on('interrupted', listener);
    return () => this.emitter.off('interrupted', listener);
  }

  interrupt(): void {
    this.emitter.emit('interrupted');
  }

  healthy(): boolean {
    return true;
  }

  close(): Promise<void> {
    this.emitter.removeAllListeners();
    return Promise.resolve();
  }
}

const CHANNEL = 'ratify:activity';

/** Dates travel as ISO strings through Redis; the listeners get Date objects back. */
function revive(event: ActivityEventRow): ActivityEventRow {
  return { ...event, occurredAt: new Date(event.occurredAt) };
}

export class RedisActivityBus implements ActivityBus {
  private readonly logger = new Logger('ActivityBus');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new LocalActivityBus();
  /** Each instance delivers its own events directly, so they arrive even while Redis is down. */
  private readonly origin = randomUUID();
  private connected = false;

  constructor(url: string, Redis: RedisClass) {
    ({ publisher: this.publisher, subscriber: this.subscriber } = pubSubClients(url, Redis, this.logger));
    this.subscriber.on('message', (_channel, message) => {
      const { origin, event } = JSON.parse(message) as { origin: string; event: ActivityEventRow };
      if (origin !== this.origin) void this.local.publish(revive(event));
    });
    // ioredis reconnects and subscribes again by itself; subscribers are told when the link drops.
    this.subscriber.on('ready', () => (this.connected = true));
    this.subscriber.on('close', () => {
      if (!this.connected) return;
      this.connected = false;
      this.logger.warn('lost Redis: live activity from other instances is interrupted until it returns');
      this.local.interrupt();
    });
    void this.subscriber.subscribe(CHANNEL).catch((error: Error) => this.logger.warn(`Redis subscribe: ${error.message}`));
  }

  /** Publishing to other instances is best effort: the event is already committed and stays in the feed. */
  async publish(event: ActivityEventRow): Promise<void> {
    await this.local.publish(event);
    try {
      await this.publisher.publish(CHANNEL, JSON.stringify({ origin: this.origin, event }));
    } catch (error) {
      this.logger.warn(`could not publish activity ${event.id}: ${(error as Error).message}`);
    }
  }

  subscribe(listener: ActivityListener): () => void {
    return this.local.subscribe(listener);
  }

  onInterruption(listener: InterruptionListener): () => void {
    return this.local.onInterruption(listener);
  }

  healthy(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  async close(): Promise<void> {
    await this.local.close();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
