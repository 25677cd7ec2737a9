import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '../database/db.js';
import { Posting } from '../common/enums.js';
import { isUuid } from '../common/ids.js';
import type { ContactPosting } from './contact-posting.model.js';

const COLUMNS = `p.id, p.contact_id AS "contactId", p.posting, p.state_iso3 AS "stateIso3", p.organization_id AS "organizationId",
  p.position, p.from_date AS "from", p.to_date AS "to", p.to_date IS NULL AS current, p.created_at AS "createdAt"`;

const RETURNING = COLUMNS.replace(/\bp\./g, '');

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
  posting: 'posting',
  stateIso3: 'state_iso3',
  organizationId: 'organization_id',
  position: 'position',
  from: 'from_date',
  to: 'to_date',
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
    const rows = await this.db.query<ContactPosting[]>(`SELECT ${COLUMNS} FROM contact_postings p WHERE p.contact_id = $1 AND p.to_date IS NULL`, [contactId]);
    return rows[0] ?? null;
  }

  async insert(
    posting: PostingFields & { contactId: string; from: string; createdBy: string | null },
  ): Promise<ContactPosting> {
    const rows = await this.db.query<ContactPosting[]>(
      `INSERT INTO contact_postings (id, contact_id, posting, state_iso3, organization_id, position, from_date, to_date, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${RETURNING}`,
      [
        randomUUID(),
        posting.contactId,
        posting.posting ?? null,
        posting.stateIso3 ?? null,
        posting.organizationId ?? null,
        posting.position ?? null,
        posting.from,
        posting.to ?? null,
        posting.createdBy,
      ],
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
