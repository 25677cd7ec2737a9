import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '../database/db.js';
import { eventInStatement, LIVE_EVENT_COLUMN, liveEvent, type ActivityEventRow } from '../activity/activity.repository.js';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind, Posting } from '../common/enums.js';
import { conflict, notFound } from '../common/errors.js';
import type { Page } from '../common/paging/page.js';
import { actorCte, pagedSql, splitPage, SqlParams, withTimestamps, type PagedRow } from '../common/sql.js';
import { deleteVersioned, updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import { closeness, searchKey, searchWords, wordsMatch } from '../common/search.js';
import { table, type Projection } from '../database/table.js';
import type { ContactDuplicateGroup } from './contact-posting.model.js';
import { ContactPostingEntity } from './contact-posting.entity.js';
import { ContactEntity } from './contact.entity.js';
import type { Contact } from './contact.model.js';

const contacts = table(ContactEntity);

/** A contact as the API reads it (who created it is not part of it). */
const CONTACT: Projection<ContactEntity> = { omit: ['createdBy'] };
export const CONTACT_COLUMNS = contacts.select('c', CONTACT);
const RETURNING = contacts.returning(CONTACT);
/** What a client writes of a contact (ContactFields), in the order of its INSERT's values. */
const CONTACT_FIELDS = [
  'fullName',
  'title',
  'position',
  'posting',
  'stateIso3',
  'organizationId',
  'email',
  'phone',
  'languages',
  'notes',
] as const satisfies readonly (keyof ContactFields)[];
const INSERT_COLUMNS = contacts.columns('id', ...CONTACT_FIELDS, 'createdBy');
/** A new contact's first posting: the one its posting, State and position say. */
const FIRST_POSTING_INSERT = table(ContactPostingEntity).columns(
  'id',
  'contactId',
  'posting',
  'stateIso3',
  'position',
  'fromDate',
  'createdBy',
);

export interface ContactFields {
  fullName?: string;
  title?: string | null;
  position?: string | null;
  posting?: Posting | null;
  stateIso3?: string | null;
  organizationId?: string | null;
  email?: string | null;
  phone?: string | null;
  languages?: string[];
  notes?: string | null;
}

const COLUMNS = contacts.columnMap(...CONTACT_FIELDS) satisfies ColumnMap<ContactFields>;

export const CONTACT_SPEC = { table: contacts.name, what: 'Contact', returning: RETURNING, columns: COLUMNS };

/** createContact's one row: the unknown references, or the contact written (as JSON) and its event. */
interface CreatedContactRow {
  unknownState: boolean;
  unknownOrganization: boolean;
  contact: Contact | null;
  __event: (ActivityEventRow & { storedSummary?: string }) | null;
}

export interface ContactQuery {
  stateIso3s?: string[];
  organizationIds?: string[];
  postings?: Posting[];
  search?: string;
  /** With it, `stateIso3s`, `organizationIds` and `postings` apply to the posting held on that date. */
  postedAt?: string;
}

@Injectable()
export class ContactsRepository {
  constructor(private readonly db: Db) {}

  byIds(ids: readonly string[]): Promise<Contact[]> {
    return this.db.query<Contact[]>(`SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  byStates(iso3s: readonly string[]): Promise<Contact[]> {
    return this.db.query<Contact[]>(
      `SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.state_iso3 = ANY($1::char(3)[]) ORDER BY c.full_name, c.id`,
      [iso3s],
    );
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ id: string }[]>('SELECT id FROM contacts WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((row) => row.id));
  }

  async page(query: ContactQuery, page: Page): Promise<{ rows: Contact[]; total: number | null }> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.postedAt) {
      const on = p.add(query.postedAt);
      const held = [`cp.contact_id = c.id`, `cp.from_date <= ${on}::date`, `(cp.to_date IS NULL OR cp.to_date > ${on}::date)`];
      if (query.stateIso3s) held.push(`cp.state_iso3 = ANY(${p.add(query.stateIso3s)}::char(3)[])`);
      if (query.organizationIds) held.push(`cp.organization_id = ANY(${p.add(query.organizationIds)}::uuid[])`);
      if (query.postings) held.push(`cp.posting = ANY(${p.add(query.postings)}::posting[])`);
      where.push(`EXISTS (SELECT 1 FROM contact_postings cp WHERE ${held.join(' AND ')})`);
    } else {
      if (query.stateIso3s) where.push(`c.state_iso3 = ANY(${p.add(query.stateIso3s)}::char(3)[])`);
      if (query.organizationIds) where.push(`c.organization_id = ANY(${p.add(query.organizationIds)}::uuid[])`);
      if (query.postings) where.push(`c.posting = ANY(${p.add(query.postings)}::posting[])`);
    }
    const search = query.search?.trim();
    if (search) {
      // Every word in the name or the e-mail, the closest names first (see src/common/search.ts).
      where.push(wordsMatch(p, [searchKey('c.full_name'), searchKey('c.email')], searchWords(search)));
      const filtered = `SELECT ${CONTACT_COLUMNS}, ${closeness(p, searchKey('c.full_name'), search)} AS "searchCloseness"
        FROM contacts c WHERE ${where.join(' AND ')}`;
      const after = page.after;
      const cursor = after
        ? `("searchCloseness", "fullName", id) > (${p.add(after[0])}::int, ${p.add(after[1])}, ${p.add(after[2])}::uuid)`
        : null;
      const rows = await this.db.query<PagedRow<Contact>[]>(
        pagedSql(filtered, cursor, '"searchCloseness", "fullName", id', page),
        p.values,
      );
      return splitPage<Contact>(rows, 'id');
    }
    const filtered = `SELECT ${CONTACT_COLUMNS} FROM contacts c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const cursor = page.after ? `("fullName", id) > (${p.add(page.after[0])}, ${p.add(page.after[1])}::uuid)` : null;
    const rows = await this.db.query<PagedRow<Contact>[]>(pagedSql(filtered, cursor, '"fullName", id', page), p.values);
    return splitPage<Contact>(rows, 'id');
  }

  /**
   * createContact in one statement: checks that its State and organization exist, writes the
   * contact, its first posting and its activity event (the audit triggers run inside it, for the
   * actor it names), or writes nothing and says which reference is unknown.
   */
  async create(
    actor: Viewer,
    contact: ContactFields & { id: string; fullName: string; postingStartedOn: string },
    summary: string,
  ): Promise<{ contact: Contact; event: ActivityEventRow } | { unknownState: boolean; unknownOrganization: boolean }> {
    const p = new SqlParams();
    const by = p.add(actor.id);
    const state = p.add(contact.stateIso3 ?? null);
    const organization = p.add(contact.organizationId ?? null);
    const event = eventInStatement(
      actor,
      {
        after: 'written',
        kind: ActivityKind.CONTACT_ADDED,
        stateIso3s: `CASE WHEN "stateIso3" IS NULL THEN '{}' ELSE ARRAY["stateIso3"] END`,
        summary,
      },
      p,
    );
    const [row] = await this.db.query<CreatedContactRow[]>(
      `WITH ${actorCte(actor.id, 'createContact', p)},
       checked AS (
         SELECT (${state}::char(3) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM states s WHERE s.iso3 = ${state}::char(3))) AS "unknownState",
                (${organization}::uuid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = ${organization}::uuid)) AS "unknownOrganization"
         FROM actor),
       written AS (
         INSERT INTO contacts (${INSERT_COLUMNS})
         SELECT ${p.add(contact.id)}::uuid, ${p.add(contact.fullName)}::text, ${p.add(contact.title ?? null)}::text, ${p.add(contact.position ?? null)}::text,
           ${p.add(contact.posting ?? null)}::posting, ${state}::char(3), ${organization}::uuid, ${p.add(contact.email ?? null)}::text,
           ${p.add(contact.phone ?? null)}::text, ${p.add(contact.languages ?? [])}::text[], ${p.add(contact.notes ?? null)}::text, ${by}::uuid
         FROM checked WHERE NOT "unknownState" AND NOT "unknownOrganization"
         RETURNING ${RETURNING}),
       first_posting AS (
         INSERT INTO contact_postings (${FIRST_POSTING_INSERT})
         SELECT ${p.add(randomUUID())}::uuid, w.id, w.posting, w."stateIso3", w.position, ${p.add(contact.postingStartedOn)}::date, ${by}::uuid
         FROM written w WHERE w.posting IS NOT NULL OR w."stateIso3" IS NOT NULL),
       ${event}
       SELECT c."unknownState", c."unknownOrganization", (SELECT to_json(w) FROM written w) AS contact, ${LIVE_EVENT_COLUMN} FROM checked c`,
      p.values,
    );
    if (!row.contact) return { unknownState: row.unknownState, unknownOrganization: row.unknownOrganization };
    return { contact: withTimestamps(row.contact), event: liveEvent(row.__event)! };
  }

  async insert(contact: ContactFields & { id: string; fullName: string; createdBy: string; postingStartedOn: string }): Promise<Contact> {
    const rows = await this.db.query<Contact[]>(
      `INSERT INTO contacts (${INSERT_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${RETURNING}`,
      [
        contact.id,
        contact.fullName,
        contact.title ?? null,
        contact.position ?? null,
        contact.posting ?? null,
        contact.stateIso3 ?? null,
        contact.organizationId ?? null,
        contact.email ?? null,
        contact.phone ?? null,
        contact.languages ?? [],
        contact.notes ?? null,
        contact.createdBy,
      ],
    );
    const created: Contact = rows[0];
    // A contact created with a posting or a State holds it from the day given: its first current posting.
    if (created.posting || created.stateIso3) {
      await this.db.query(
        `INSERT INTO contact_postings (${FIRST_POSTING_INSERT})
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), created.id, created.posting, created.stateIso3, created.position, contact.postingStartedOn, contact.createdBy],
      );
    }
    return created;
  }

  /**
   * Locks contacts for a write that spans several statements, checking each expected version:
   * NOT_FOUND for a missing one, CONFLICT for a stale one. Locks in id order, so that two
   * writers never wait on each other.
   */
  async lock(expected: { id: string; version?: number }[]): Promise<Map<string, Contact>> {
    const rows = await this.db.query<Contact[]>(
      `SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE`,
      [expected.map((e) => e.id)],
    );
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const { id, version } of expected) {
      const row = found.get(id);
      if (!row) throw notFound('Contact', id);
      if (version !== undefined && row.version !== version) throw conflict('Contact', id, version, row.version);
    }
    return found;
  }

  /**
   * Groups of likely duplicates, by reason then key: contacts whose names fold to the same key
   * (accents, case and spacing ignored) and contacts with the same e-mail (case ignored). One
   * grouping pass over the table, on the same expressions as the indexes ix_contacts_name_key and
   * ix_contacts_email_key.
   */
  async duplicates(page: Page): Promise<{ rows: ContactDuplicateGroup[]; total: number | null }> {
    const p = new SqlParams();
    const groups = `SELECT 'SAME_NAME' AS reason, ratify_name_key(full_name) AS key, array_agg(id::text ORDER BY created_at, id) AS "contactIds"
        FROM contacts GROUP BY ratify_name_key(full_name) HAVING count(*) > 1
      UNION ALL
      SELECT 'SAME_EMAIL', lower(email), array_agg(id::text ORDER BY created_at, id)
        FROM contacts WHERE email IS NOT NULL GROUP BY lower(email) HAVING count(*) > 1`;
    const cursor = page.after ? `(reason, key) > (${p.add(page.after[0])}::text, ${p.add(page.after[1])}::text)` : null;
    const rows = await this.db.query<PagedRow<ContactDuplicateGroup>[]>(pagedSql(groups, cursor, 'reason, key', page), p.values);
    return splitPage<ContactDuplicateGroup>(rows, 'reason');
  }

  update(id: string, expectedVersion: number, changes: ContactFields): Promise<Contact> {
    return updateVersioned<ContactFields, Contact>(this.db, CONTACT_SPEC, id, expectedVersion, changes);
  }

  delete(id: string, expectedVersion: number | undefined): Promise<void> {
    return deleteVersioned(this.db, CONTACT_SPEC, id, expectedVersion);
  }
}
