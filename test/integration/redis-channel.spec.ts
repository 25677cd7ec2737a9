import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { RedisChannel } from '../../src/common/redis.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A logger that keeps its warnings. */
class Warnings extends Logger {
  readonly seen: string[] = [];
  override warn(message: string): void {
    this.seen.push(message);
  }
}

/** Waits until `check` holds (or two seconds have passed). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await sleep(10);
}

describe('RedisChannel: a pub/sub channel between instances', () => {
  const channels: RedisChannel<{ n: number }>[] = [];
  afterEach(() => {
    for (const channel of channels.splice(0)) channel.close();
  });

  function open(name: string, received: { n: number }[], logger = new Warnings()) {
    const channel = new RedisChannel<{ n: number }>(REDIS_URL, Redis, name, logger, (message) => received.push(message));
    channels.push(channel);
    return channel;
  }

  it("gives each instance the other instances' messages, never its own", async () => {
    const name = `ratify:test:${randomUUID()}`;
    const [a, b]: { n: number }[][] = [[], []];
    const first = open(name, a);
    const second = open(name, b);
    await until(() => first.healthy() && second.healthy());
    // The subscriptions are in place once a message sent to the channel arrives.
    await until(() => first.subscriber.status === 'ready' && second.subscriber.status === 'ready');
    await sleep(50);

    await first.publish({ n: 1 }, 'one');
    await second.publish({ n: 2 }, 'two');
    await until(() => a.length === 1 && b.length === 1);
    await sleep(50);
    expect({ a, b }).toEqual({ a: [{ n: 2 }], b: [{ n: 1 }] });
  });

  it('ignores what is not a message of the channel, and says so', async () => {
    const name = `ratify:test:${randomUUID()}`;
    const received: { n: number }[] = [];
    const logger = new Warnings();
    const channel = open(name, received, logger);
    await until(() => channel.healthy());
    await sleep(50);
    for (const text of ['not json', 'null', '42']) await channel.publisher.publish(name, text);
    await channel.publisher.publish(name, JSON.stringify({ origin: 'elsewhere', n: 3 }));
    await until(() => received.length === 1);
    expect(received).toEqual([{ n: 3 }]);
    expect(logger.seen).toEqual(Array(3).fill(`ignored a malformed message on ${name}`));
  });

  it('publishes at best: without Redis it warns and does not throw', async () => {
    const logger = new Warnings();
    const channel = new RedisChannel<{ n: number }>('redis://127.0.0.1:1', Redis, 'ratify:test:nowhere', logger, () => undefined);
    channels.push(channel);
    await expect(channel.publish({ n: 1 }, 'message one')).resolves.toBeUndefined();
    expect(channel.healthy()).toBe(false);
    expect(logger.seen.filter((line) => line.startsWith('could not publish message one: '))).toHaveLength(1);
  });
});
