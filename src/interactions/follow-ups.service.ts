import { Writes } from '../database/writes.js';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { addDays, todayIso } from '../common/dates.js';
import { badInput, conflict } from '../common/errors.js';
import { pageOf } from '../common/paging/cursor.js';
import type { Connection } from '../common/paging/connection.js';
import type { ListOptions, Page } from '../common/paging/page.js';
import type { AwaitingRepliesArgs, FollowUpsArgs } from './dto/follow-up.args.js';
import {
  AWAITING_REPLY_CURSOR,
  awaitingReplySortKey,
  FOLLOW_UP_CURSOR,
  followUpSortKey,
  FollowUpsRepository,
} from './follow-ups.repository.js';
import { checkDates, checkNotFuture, closesFollowUp } from './interaction-rules.js';
import { InteractionsRepository, type InteractionRow } from './interactions.repository.js';
import { InteractionsService } from './interactions.service.js';

/** Follow-ups and replies: the lists of pending work, and the mutations that settle it. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly writes: Writes,
    private readonly pending: FollowUpsRepository,
    private readonly interactions: InteractionsRepository,
    private readonly interactionsService: InteractionsService,
  ) {}

  followUps(viewer: Viewer, args: FollowUpsArgs, { withTotal }: ListOptions = {}): Promise<Connection<InteractionRow>> {
    const query = { dueOnOrBefore: args.dueBefore, dueBefore: args.overdueOnly ? todayIso() : undefined };
    return pageOf(args, FOLLOW_UP_CURSOR, followUpSortKey, (page) => this.pending.followUps(viewer, query, page), withTotal);
  }

  awaitingReplies(viewer: Viewer, args: AwaitingRepliesArgs, { withTotal }: ListOptions = {}): Promise<Connection<InteractionRow>> {
    const sentOnOrBefore = args.olderThanDays == null ? undefined : addDays(todayIso(), -args.olderThanDays);
    const read = (page: Page) => this.pending.awaitingReplies(viewer, { sentOnOrBefore }, page);
    return pageOf(args, AWAITING_REPLY_CURSOR, awaitingReplySortKey, read, withTotal);
  }

  markFollowUpDone(viewer: Viewer, id: string, done: boolean, expectedVersion?: number): Promise<InteractionRow> {
    return this.writes.run(viewer, 'markFollowUpDone', async () => {
      const current = await this.editable(viewer, id, expectedVersion);
      if (done && !current.followUpOn) throw badInput('This interaction has no follow-up to mark done', { field: 'followUpOn' });
      return this.interactions.update(id, expectedVersion, { followUpDoneAt: done ? new Date() : null });
    });
  }

  /** Records a reply; it closes the pending follow-up unless `keepFollowUpOpen`. */
  recordReply(
    viewer: Viewer,
    id: string,
    receivedOn: string,
    expectedVersion?: number,
    keepFollowUpOpen?: boolean,
  ): Promise<InteractionRow> {
    return this.writes.run(viewer, 'recordReply', async ({ emit }) => {
      const current = await this.editable(viewer, id, expectedVersion);
      checkNotFuture({ replyReceivedOn: receivedOn });
      checkDates({ ...current, replyReceivedOn: receivedOn });
      const closes = closesFollowUp(current, receivedOn, keepFollowUpOpen);
      const row = await this.interactions.update(id, expectedVersion, {
        replyReceivedOn: receivedOn,
        ...(closes ? { followUpDoneAt: new Date() } : {}),
      });
      await this.interactionsService.emitUpdate(emit, row, 'answered');
      return row;
    });
  }

  /** As for any edit; a stale version is reported before anything is judged on the current row. */
  private async editable(viewer: Viewer, id: string, expectedVersion: number | undefined): Promise<InteractionRow> {
    const current = await this.interactionsService.editable(viewer, id, 'CLOSE');
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw conflict('Interaction', id, expectedVersion, current.version);
    }
    return current;
  }
}
