import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { claimKey, pruneKeys, recordResult, type KeyClaim, type StoredKey } from '../idempotency/idempotency-keys.repository.js';
import { checkSameRequest, hasPendingKey, takePendingKey } from '../idempotency/idempotency.js';
import { ACTIVITY_BUS } from '../activity/activity.tokens.js';
import type { ActivityBus } from '../activity/activity-bus.js';
import { ActivityRepository, type ActivityEventRow, type NewActivity } from '../activity/activity.repository.js';

export interface WriteTransaction {
  manager: EntityManager;
  /** Records an activity event in this transaction; it is published once the transaction commits. */
  emit: (event: NewActivity) => Promise<void>;
  /**
   * Before items are deleted: their events keep the text and visibility they have now, and stop
   * following them (see ActivityRepository.freeze).
   */
  freeze: (subjectIds: string[]) => Promise<void>;
  /** An event this transaction's own statement already wrote: published, like the others, after the commit. */
  announce: (event: ActivityEventRow) => void;
}

const PRUNE_EVERY_MS = 3600_000;

/**
 * The one way to write: a transaction that names its actor and action (read by the audit
 * triggers, so the trail is written with the change), records activity events with it, and
 * publishes them to live subscribers only after the commit.
 *
 * A create mutation sent with an idempotency key (see idempotency.ts) stores the key and the
 * result in the same transaction as its write; a retry with that key finds them, and returns the
 * first result without writing, even when the first answer was lost after its commit.
 */
@Injectable()
export class Writes {
  private readonly logger = new Logger('Writes');
  private prunedAt = 0;

  constructor(
    private readonly db: DataSource,
    private readonly activity: ActivityRepository,
    @Inject(ACTIVITY_BUS) private readonly bus: ActivityBus,
  ) {}

  async run<T>(actor: Viewer | null, action: string, work: (tx: WriteTransaction) => Promise<T>, outer?: WriteTransaction): Promise<T> {
    // Part of a larger write: its statements, events and idempotency key are the outer transaction's.
    if (outer) return work(outer);
    const events: ActivityEventRow[] = [];
    const claim = actor ? takePendingKey() : undefined;
    const result = await this.db.transaction(async (manager) => {
      await manager.query(`SELECT set_config('ratify.actor_id', $1, true), set_config('ratify.action', $2, true)`, [actor?.id ?? '', action]);
      if (claim) {
        const first = await claimKey(manager, claim);
        if (first) {
          checkSameRequest(claim, first);
          return first.result as T;
        }
      }
      const emit = async (event: NewActivity) => {
        events.push(await this.activity.insert(manager, actor, event));
      };
      const freeze = (subjectIds: string[]) => this.activity.freeze(manager, subjectIds);
      const announce = (event: ActivityEventRow) => void events.push(event);
      const written = await work({ manager, emit, freeze, announce });
      if (claim) await recordResult(manager, claim, written);
      return written;
    });
    for (const event of events) await this.bus.publish(event);
    if (claim) this.pruneKeys();
    return result;
  }

  /**
   * A write that is one statement, which names its actor and action itself and is its own
   * transaction: no BEGIN and COMMIT around it. Its events are published once it has run. The
   * statement is given the mutation's idempotency key, if it was sent one: it stores the key with its
   * answer itself, or returns what the key's first request stored (`first`), which is answered again.
   */
  async single<T>(statement: (db: DataSource, key: KeyClaim | undefined) => Promise<{ result: T; events: ActivityEventRow[] } | { first: StoredKey }>): Promise<T> {
    const claim = takePendingKey();
    const done = await statement(this.db, claim);
    if (claim) this.pruneKeys();
    if ('first' in done) {
      checkSameRequest(claim!, done.first);
      return done.first.result as T;
    }
    for (const event of done.events) await this.bus.publish(event);
    return done.result;
  }

  /**
   * A write that is one statement (see `single`), for a mutation whose statement does not store
   * idempotency keys: sent with one, it is written by `keyed` instead, a transaction (`run`) that
   * stores the key with its result.
   */
  async statement<T>(statement: (db: DataSource) => Promise<{ result: T; events: ActivityEventRow[] }>, keyed?: () => Promise<T>): Promise<T> {
    if (keyed && hasPendingKey()) return keyed();
    const { result, events } = await statement(this.db);
    for (const event of events) await this.bus.publish(event);
    return result;
  }

  /** Delivers the events of a write that has committed (one statement that wrote them itself). */
  async publish(events: ActivityEventRow[]): Promise<void> {
    for (const event of events) await this.bus.publish(event);
  }

  /** Forgets expired idempotency keys, at most once an hour, after a write that used one. */
  private pruneKeys(): void {
    if (Date.now() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = Date.now();
    pruneKeys(this.db).catch((error: Error) => this.logger.warn(`could not prune idempotency keys: ${error.message}`));
  }
}
