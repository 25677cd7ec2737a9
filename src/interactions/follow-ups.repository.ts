import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import type { Page } from '../common/paging/page.js';
import { pagedSql, splitPage, SqlParams, type PagedRow } from '../common/sql.js';
import { AWAITING_REPLY_SQL } from './interaction-rules.js';
import { INTERACTION_COLUMNS, type InteractionRow } from './interactions.repository.js';
import { visibleTo } from '../auth/visibility.js';

/** Due first, ties by id. */
export const followUpSortKey = (row: InteractionRow) => [row.followUpOn, row.id];
export const FOLLOW_UP_CURSOR = ['date', 'uuid'] as const;

/** Oldest first: the reverse of the interactions list. */
export const awaitingReplySortKey = (row: InteractionRow) => [row.occurredOn, row.createdAtKey, row.id];
export const AWAITING_REPLY_CURSOR = ['date', 'timestamp', 'uuid'] as const;

export interface FollowUpQuery {
  /** Due on or before this date. */
  dueOnOrBefore?: string;
  /** Due strictly before this date. */
  dueBefore?: string;
}

export interface AwaitingReplyQuery {
  /** Occurred on or before this date. */
  sentOnOrBefore?: string;
}

/** The pending work on interactions, with the viewer's visibility rules applied in SQL. */
@Injectable()
export class FollowUpsRepository {
  constructor(private readonly db: Db) {}

  async followUps(viewer: Viewer, query: FollowUpQuery, page: Page): Promise<{ rows: InteractionRow[]; total: number | null }> {
    const p = new SqlParams();
    const where = [visibleTo(viewer, p), 'i.follow_up_on IS NOT NULL', 'i.follow_up_done_at IS NULL'];
    if (query.dueOnOrBefore) where.push(`i.follow_up_on <= ${p.add(query.dueOnOrBefore)}::date`);
    if (query.dueBefore) where.push(`i.follow_up_on < ${p.add(query.dueBefore)}::date`);
    const filtered = `SELECT ${INTERACTION_COLUMNS} FROM interactions i WHERE ${where.join(' AND ')}`;
    const cursor = page.after ? `("followUpOn", id) > (${p.add(page.after[0])}::date, ${p.add(page.after[1])}::uuid)` : null;
    const rows = await this.db.query<PagedRow<InteractionRow>[]>(pagedSql(filtered, cursor, '"followUpOn", id', page), p.values);
    return splitPage<InteractionRow>(rows, 'id');
  }

  async awaitingReplies(viewer: Viewer, query: AwaitingReplyQuery, page: Page): Promise<{ rows: InteractionRow[]; total: number | null }> {
    const p = new SqlParams();
    const where = [visibleTo(viewer, p), AWAITING_REPLY_SQL];
    if (query.sentOnOrBefore) where.push(`i.occurred_on <= ${p.add(query.sentOnOrBefore)}::date`);
    const filtered = `SELECT ${INTERACTION_COLUMNS} FROM interactions i WHERE ${where.join(' AND ')}`;
    const after = page.after;
    const cursor = after
      ? `("occurredOn", "createdAt", id) > (${p.add(after[0])}::date, ${p.add(after[1])}::timestamptz, ${p.add(after[2])}::uuid)`
      : null;
    const rows = await this.db.query<PagedRow<InteractionRow>[]>(
      pagedSql(filtered, cursor, '"occurredOn", "createdAt", id', page),
      p.values,
    );
    return splitPage<InteractionRow>(rows, 'id');
  }
}
