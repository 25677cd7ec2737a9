import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { claimKey, pruneKeys, recordResult, type KeyClaim, type StoredKey } from '../idempotency/idempotency-keys.repository.js';
import { checkSameRequest, hasPendingKey, takePendingKey } from '../idempotency/idempotency.js';
import { ACTIVITY_BUS } from '../activity/activity.tokens.js';
import type { ActivityBus } from '../activity/activity-bus.js';
import { ActivityRepository, type ActivityEventRow, type NewActivity } from '../activity/activity.repository.js';
import { currentWrite } from './db.js';

export interface WriteTransaction {
  /** The transaction's connection: the Db of every repository runs on it while the write runs. */
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
 * The transaction travels with the work: every statement a repository sends while it runs (through
 * Db) is part of it, and a write started inside another joins that one.
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
    private readonly dataSource: DataSource,
    private readonly activity: ActivityRepository,
    @Inject(ACTIVITY_BUS) private readonly bus: ActivityBus,
  ) {}

  async run<T>(actor: Viewer | null, action: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    // Part of a larger write: its statements, events and idempotency key are the outer transaction's.
    const outer = currentWrite.getStore();
    if (outer) return work(outer);
    const events: ActivityEventRow[] = [];
    const claim = actor ? takePendingKey() : undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      const tx: WriteTransaction = {
        manager,
        emit: async (event) => void events.push(await this.activity.insert(actor, event)),
        freeze: (subjectIds) => this.activity.freeze(subjectIds),
        announce: (event) => void events.push(event),
      };
      return currentWrite.run(tx, async () => {
        await manager.query(`SELECT set_config('ratify.actor_id', $1, true), set_config('ratify.action', $2, true)`, [
          actor?.id ?? '',
          action,
        ]);
        if (claim) {
          const first = await claimKey(manager, claim);
          if (first) {
            checkSameRequest(claim, first);
            return first.result as T;
          }
        }
        const written = await work(tx);
        if (claim) await recordResult(manager, claim, written);
        return written;
      });
    });
    for (const event of events) await this.bus.publish(event);
    if (claim) this.pruneKeys();
    return result;
  }

  /** Whether the running code is part of a write's transaction (see run). */
  get inTransaction(): boolean {
    return currentWrite.getStore() !== undefined;
  }

  /**
   * A write that is one statement, which names its actor and action itself and is its own
   * transaction: no BEGIN and COMMIT around it. Its events are published once it has run. The
   * statement is given the mutation's idempotency key, if it was sent one: it stores the key with its
   * answer itself, or returns what the key's first request stored (`first`), which is answered again.
   */
  async single<T>(
    statement: (key: KeyClaim | undefined) => Promise<{ result: T; events: ActivityEventRow[] } | { first: StoredKey }>,
  ): Promise<T> {
    const claim = takePendingKey();
    const done = await statement(claim);
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
   * stores the key with its result. Inside another write, `keyed` writes it as a part of that one.
   */
  async statement<T>(statement: () => Promise<{ result: T; events: ActivityEventRow[] }>, keyed?: () => Promise<T>): Promise<T> {
    if (keyed && (hasPendingKey() || this.inTransaction)) return keyed();
    const { result, events } = await statement();
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
    pruneKeys(this.dataSource).catch((error: Error) => this.logger.warn(`could not prune idempotency keys: ${error.message}`));
  }
}
