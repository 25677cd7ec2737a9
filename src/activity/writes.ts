import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { ACTIVITY_BUS } from './activity.tokens.js';
import type { ActivityBus } from './activity-bus.js';
import { ActivityRepository, type ActivityEventRow, type NewActivity } from './activity.repository.js';

export interface WriteTransaction {
  manager: EntityManager;
  /** Records an activity event in this transaction; it is published once the transaction commits. */
  emit(event: NewActivity): Promise<void>;
  /**
   * Before items are deleted: their events keep the text and visibility they have now, and stop
   * following them (see ActivityRepository.freeze).
   */
  freeze(subjectIds: string[]): Promise<void>;
}

/**
 * The one way to write: a transaction that names its actor and action (read by the audit
 * triggers, so the trail is written with the change), records activity events with it, and
 * publishes them to live subscribers only after the commit.
 */
@Injectable()
export class Writes {
  constructor(
    private readonly db: DataSource,
    private readonly activity: ActivityRepository,
    @Inject(ACTIVITY_BUS) private readonly bus: ActivityBus,
  ) {}

  async run<T>(actor: Viewer | null, action: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const events: ActivityEventRow[] = [];
    const result = await this.db.transaction(async (manager) => {
      await manager.query(`SELECT set_config('ratify.actor_id', $1, true), set_config('ratify.action', $2, true)`, [actor?.id ?? '', action]);
      const emit = async (event: NewActivity) => {
        events.push(await this.activity.insert(manager, actor, event));
      };
      const freeze = (subjectIds: string[]) => this.activity.freeze(manager, subjectIds);
      return work({ manager, emit, freeze });
    });
    for (const event of events) await this.bus.publish(event);
    return result;
  }
}
