import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { AppError } from '../common/errors.js';
import { toConnection, toPage } from '../common/paging/cursor.js';
import type { Connection } from '../common/paging/connection.js';
import type { ListOptions, PageArgs } from '../common/paging/page.js';
import { STATE_JSON } from '../states/states.repository.js';
import type { ActivityFilter } from './activity.model.js';
import { ACTIVITY_BUS } from './activity.tokens.js';
import { canSeeWithOrganizations } from './activity-subjects.js';
import type { ActivityBus } from './activity-bus.js';
import { ActivityRepository, type ActivityEventRow, type FeedEventRow, type RelatedRows } from './activity.repository.js';

/** A page of the feed, with the actors and organizations read along with it. */
export type FeedPage = Connection<FeedEventRow> & { related: RelatedRows };

/** What the reader of the feed asks for along with its events. */
export interface FeedOptions extends ListOptions {
  /** Each event's actor (a user). */
  withActors?: boolean;
  /** Each event's organization. */
  withOrganizations?: boolean;
  /** The fields asked of each event's States; none read along when undefined. */
  stateFields?: ReadonlySet<string>;
}

const INTERRUPTED = 'Live activity from other instances was interrupted; subscribe again (the activity feed has what you missed)';

/** Events waiting for a slow subscriber beyond this are dropped, oldest first (the feed keeps them). */
const MAX_QUEUED = 1000;

/** Whether a live event may go to this viewer and passes its filter: the feed's rules, in memory. */
export function deliverable(event: ActivityEventRow, viewer: Viewer, filter: ActivityFilter = {}): boolean {
  if (event.interactionId && !event.visibility) return false;
  if (event.visibility && !canSeeWithOrganizations(viewer, event.visibility, event.visibleOrganizationIds)) return false;
  if (filter.since && event.occurredAt < filter.since) return false;
  if (filter.stateIso3s && !event.stateIso3s.some((iso3) => filter.stateIso3s!.includes(iso3))) return false;
  if (filter.regionalGroups && !event.regionalGroups.some((group) => filter.regionalGroups!.includes(group))) return false;
  if (filter.kinds && !filter.kinds.includes(event.kind)) return false;
  if (filter.interactionTypes && !(event.interactionType && filter.interactionTypes.includes(event.interactionType))) return false;
  return true;
}

/**
 * A live event as this viewer may see it: the part of its summary with a visibility of its own (a
 * stage change's note) and a stage move's author only to those who may see them.
 */
export function asSeenBy(event: ActivityEventRow, viewer: Viewer): ActivityEventRow {
  const { restricted, ...seen } = event;
  if (!restricted || canSeeWithOrganizations(viewer, restricted.visibility, restricted.organizationIds)) return seen;
  // Outside the visibility of `{extra}`: nor the event a meeting is planned at.
  return { ...seen, summary: restricted.summary, eventId: null, ...(restricted.hidesActor ? { actorId: null, organizationId: null } : {}) };
}

@Injectable()
export class ActivityService {
  constructor(
    private readonly activity: ActivityRepository,
    @Inject(ACTIVITY_BUS) private readonly bus: ActivityBus,
  ) {}

  /**
   * A page of the feed. The actors, organizations and States its reader asks for are read in the
   * same statement (`related`, for the request's loaders; each event keeps its States, with only the
   * properties of the fields asked of them), so that resolving them costs no further statement.
   */
  async feed(viewer: Viewer, filter: ActivityFilter = {}, args: PageArgs = {}, options: FeedOptions = {}): Promise<FeedPage> {
    const { withTotal, withActors = false, withOrganizations = false, stateFields } = options;
    const page = toPage(args, ['timestamp', 'uuid'], withTotal);
    const relations = { actors: withActors, organizations: withOrganizations, states: stateFields && STATE_JSON.properties(stateFields) };
    const { rows, total, related } = await this.activity.page(viewer, filter, page, relations);
    return { ...toConnection(rows, page.first, total, (event) => [event.occurredAtKey, event.id]), related };
  }

  /** When the viewer last read the feed (null before the first time). */
  readAt(viewer: Viewer): Promise<Date | null> {
    return this.activity.readAt(viewer.id);
  }

  /** Marks the feed read up to `upTo` (the newest entry the viewer was shown; default now). */
  markRead(viewer: Viewer, upTo?: Date | null): Promise<Date> {
    return this.activity.markRead(viewer.id, upTo ?? null);
  }

  /**
   * New events this viewer may see and that pass the filter, as they happen, on any instance.
   * If the link to the other instances is lost, the stream ends with an error, so the client
   * knows it may have missed events (graphql-ws clients then subscribe again, and can read the
   * feed for what they missed).
   */
  live(viewer: Viewer, filter: ActivityFilter = {}): AsyncIterableIterator<ActivityEventRow> {
    const queue: ActivityEventRow[] = [];
    let wake: ((result: IteratorResult<ActivityEventRow>) => void) | null = null;
    let fail: ((error: Error) => void) | null = null;
    let interrupted = false;
    let done = false;
    const unsubscribe = this.bus.subscribe((published) => {
      if (done) return;
      // A newer event about the same item supersedes those still waiting: they may hold its older
      // text, or an item the viewer may no longer see (the feed has them, as the item is now).
      if (published.subjectKey && queue.length) {
        for (let n = queue.length - 1; n >= 0; n--) if (queue[n].subjectKey === published.subjectKey) queue.splice(n, 1);
      }
      if (!deliverable(published, viewer, filter)) return;
      const event = asSeenBy(published, viewer);
      if (wake) {
        const resolve = wake;
        wake = null;
        resolve({ value: event, done: false });
      } else {
        queue.push(event);
        if (queue.length > MAX_QUEUED) queue.shift();
      }
    });
    const stopWatching = this.bus.onInterruption(() => {
      interrupted = true;
      fail?.(new AppError('SERVICE_UNAVAILABLE', INTERRUPTED));
    });
    const finish = (): Promise<IteratorResult<ActivityEventRow>> => {
      done = true;
      unsubscribe();
      stopWatching();
      queue.length = 0;
      wake?.({ value: undefined, done: true });
      wake = null;
      fail = null;
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
        if (interrupted) return finish().then(() => Promise.reject(new AppError('SERVICE_UNAVAILABLE', INTERRUPTED)));
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          wake = resolve;
          fail = (error) => {
            wake = null;
            void finish();
            reject(error);
          };
        });
      },
      return: finish,
      throw: async (error) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
