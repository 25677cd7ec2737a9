import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '../database/db.js';
import { Posting } from '../common/enums.js';
import { isUuid } from '../common/ids.js';
import { table, type Projection } from '../database/table.js';
import { ContactPostingEntity } from './contact-posting.entity.js';
import type { ContactPosting } from './contact-posting.model.js';

const postings = table(ContactPostingEntity);

/** A posting as the API reads it: its dates as `from` and `to`, and whether it is still held. */
const POSTING: Projection<ContactPostingEntity> = {
  omit: ['createdBy', 'updatedAt'],
  as: { fromDate: 'from', toDate: 'to' },
  extra: (p) => [`${p}to_date IS NULL AS current`],
};
const COLUMNS = postings.select('p', POSTING);
const RETURNING = postings.returning(POSTING);

/** Newest first: by start, the current one first on a tie, then by entry. */
const NEWEST_FIRST = 'p.from_date DESC, (p.to_date IS NULL) DESC, p.created_at DESC, p.id';

export interface PostingFields {
  posting?: Posting | null;
  stateIso3?: string | null;
  organizationId?: string | null;
  position?: string | null;
  from?: string;
  to?: string | null;
}

const FIELD_COLUMNS: Record<keyof PostingFields, string> = {
  ...postings.columnMap('posting', 'stateIso3', 'organizationId', 'position'),
  from: postings.column('fromDate'),
  to: postings.column('toDate'),
};

@Injectable()
export class ContactPostingsRepository {
  constructor(private readonly db: Db) {}

  /** Every posting of these contacts, newest first. */
  byContacts(contactIds: readonly string[]): Promise<ContactPosting[]> {
    return this.db.query<ContactPosting[]>(
      `SELECT ${COLUMNS} FROM contact_postings p WHERE p.contact_id = ANY($1::uuid[]) ORDER BY p.contact_id, ${NEWEST_FIRST}`,
      [contactIds],
    );
  }

  async byId(id: string): Promise<ContactPosting | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<ContactPosting[]>(`SELECT ${COLUMNS} FROM contact_postings p WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async current(contactId: string): Promise<ContactPosting | null> {
    const rows = await this.db.query<ContactPosting[]>(
      `SELECT ${COLUMNS} FROM contact_postings p WHERE p.contact_id = $1 AND p.to_date IS NULL`,
      [contactId],
    );
    return rows[0] ?? null;
  }

  async insert(posting: PostingFields & { contactId: string; from: string; createdBy: string | null }): Promise<ContactPosting> {
    const { contactId, posting: where, stateIso3, organizationId, position, from, to, createdBy } = posting;
    const rows = await this.db.query<ContactPosting[]>(
      ...postings.insertReturning(
        { id: randomUUID(), contactId, posting: where, stateIso3, organizationId, position, from, to, createdBy },
        POSTING,
      ),
    );
    return rows[0];
  }

  /** Changes the given fields (undefined: unchanged; null clears). */
  async update(id: string, changes: PostingFields): Promise<ContactPosting> {
    const values: unknown[] = [id];
    const sets = Object.entries(FIELD_COLUMNS)
      .filter(([field]) => changes[field as keyof PostingFields] !== undefined)
      .map(([field, column]) => {
        values.push(changes[field as keyof PostingFields]);
        return `${column} = $${values.length}`;
      });
    const rows = await this.db.query<[ContactPosting[], number]>(
      `UPDATE contact_postings SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${RETURNING}`,
      values,
    );
    return rows[0][0];
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM contact_postings WHERE id = $1', [id]);
  }
}
