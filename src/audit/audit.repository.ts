import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Page } from '../common/paging/page.js';
import { pagedSql, splitPage, SqlParams, type PagedRow } from '../common/sql.js';
import { table } from '../database/table.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import type { AuditEntry, AuditFilter } from './audit.model.js';

export type AuditRow = AuditEntry & { atKey: string };

/** An entry's columns (alias `a`), with its time as the text of a cursor key (to the microsecond). */
const COLUMNS = table(AuditEntryEntity).select('a', {
  extra: (a) => [`to_char(${a}at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atKey"`],
});

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Newest first. */
  async page(filter: AuditFilter, page: Page): Promise<{ rows: AuditRow[]; total: number | null }> {
    const p = new SqlParams();
    const where: string[] = [];
    if (filter.entity) where.push(`a.entity = ${p.add(filter.entity)}`);
    if (filter.entityId) where.push(`a.entity_id = ${p.add(filter.entityId)}`);
    if (filter.actorId) where.push(`a.actor_id = ${p.add(filter.actorId)}::uuid`);
    if (filter.since) where.push(`a.at >= ${p.add(filter.since)}`);
    if (filter.before) where.push(`a.at < ${p.add(filter.before)}`);
    const filtered = `SELECT ${COLUMNS} FROM audit_entries a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const cursor = page.after ? `(at, id) < (${p.add(page.after[0])}::timestamptz, ${p.add(page.after[1])}::uuid)` : null;
    const rows = await this.db.query<PagedRow<AuditRow>[]>(pagedSql(filtered, cursor, 'at DESC, id DESC', page), p.values);
    return splitPage<AuditRow>(rows, 'id');
  }
}
