import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { RedisChannel, type RedisClass } from '../common/redis.js';
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
  private readonly local = new LocalActivityBus();
  private readonly channel: RedisChannel<{ event: ActivityEventRow }>;
  private connected = false;

  constructor(url: string, Redis: RedisClass) {
    this.channel = new RedisChannel(url, Redis, CHANNEL, this.logger, ({ event }) => {
      if (typeof event === 'object' && event !== null) void this.local.publish(revive(event));
      else this.logger.warn('ignored a malformed activity message');
    });
    // ioredis reconnects and subscribes again by itself; subscribers are told when the link drops.
    const { subscriber } = this.channel;
    subscriber.on('ready', () => (this.connected = true));
    subscriber.on('close', () => {
      if (!this.connected) return;
      this.connected = false;
      this.logger.warn('lost Redis: live activity from other instances is interrupted until it returns');
      this.local.interrupt();
    });
  }

  /** Publishing to other instances is best effort: the event is already committed and stays in the feed. */
  async publish(event: ActivityEventRow): Promise<void> {
    await this.local.publish(event);
    await this.channel.publish({ event }, `activity ${event.id}`);
  }

  subscribe(listener: ActivityListener): () => void {
    return this.local.subscribe(listener);
  }

  onInterruption(listener: InterruptionListener): () => void {
    return this.local.onInterruption(listener);
  }

  healthy(): boolean {
    return this.channel.healthy();
  }

  async close(): Promise<void> {
    await this.local.close();
    this.channel.close();
  }
}
