import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { InteractionType, Posting, Visibility } from '../common/enums.js';
import type { Viewer } from '../auth/viewer.js';
import { SqlParams } from '../common/sql.js';
import { visibleTo } from '../auth/visibility.js';

export interface ContactRecord {
  id: string;
  fullName: string;
  title: string | null;
  position: string | null;
  posting: Posting | null;
  stateIso3: string | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  notes: string | null;
}

export interface InteractionRecord {
  id: string;
  importKey: string;
  /** Read from the database: the organization that logged it. */
  organizationId?: string;
  type: InteractionType;
  occurredOn: string;
  subject: string;
  summary: string | null;
  outcome: string | null;
  followUpOn: string | null;
  replyReceivedOn: string | null;
  visibility: Visibility;
  stateIso3s: string[];
  contactIds: string[];
}

/** An interaction to write; on update, whether its follow-up becomes pending again and which links change. */
export interface InteractionWrite extends InteractionRecord {
  resetFollowUp: boolean;
  statesChanged: boolean;
  contactsChanged: boolean;
}

const CONTACT_FIELDS = `id uuid, full_name text, title text, position text, posting text, state_iso3 char(3), email text,
  phone text, languages text[], notes text`;

const INTERACTION_FIELDS = `id uuid, import_key text, type text, occurred_on date, subject text, summary text, outcome text,
  follow_up_on date, reply_received_on date, visibility text, reset_follow_up boolean`;

const contactJson = (rows: ContactRecord[]) =>
  JSON.stringify(
    rows.map((c) => ({
      id: c.id,
      full_name: c.fullName,
      title: c.title,
      position: c.position,
      posting: c.posting,
      state_iso3: c.stateIso3,
      email: c.email,
      phone: c.phone,
      languages: c.languages,
      notes: c.notes,
    })),
  );

const interactionJson = (rows: InteractionWrite[]) =>
  JSON.stringify(
    rows.map((i) => ({
      id: i.id,
      import_key: i.importKey,
      type: i.type,
      occurred_on: i.occurredOn,
      subject: i.subject,
      summary: i.summary,
      outcome: i.outcome,
      follow_up_on: i.followUpOn,
      reply_received_on: i.replyReceivedOn,
      visibility: i.visibility,
      reset_follow_up: i.resetFollowUp,
    })),
  );

/** An interaction (alias `i`) as the import compares it, with its States and contacts. */
const INTERACTION_RECORD_SELECT = `SELECT i.id, i.import_key AS "importKey", i.organization_id AS "organizationId", i.type,
    i.occurred_on::text AS "occurredOn", i.subject, i.summary, i.outcome,
    i.follow_up_on::text AS "followUpOn", i.reply_received_on::text AS "replyReceivedOn", i.visibility,
    coalesce((SELECT array_agg(s.state_iso3::text ORDER BY s.state_iso3) FROM interaction_states s WHERE s.interaction_id = i.id), '{}') AS "stateIso3s",
    coalesce((SELECT array_agg(c.contact_id::text ORDER BY c.contact_id) FROM interaction_contacts c WHERE c.interaction_id = i.id), '{}') AS "contactIds"
  FROM interactions i`;

/** A contact as a row of contacts.csv. */
export type ContactExportRow = Record<
  'name' | 'title' | 'position' | 'posting' | 'state' | 'email' | 'phone' | 'languages' | 'notes',
  string | null
>;

/** An interaction as a row of interactions.csv. */
export type InteractionExportRow = Record<
  'ref' | 'date' | 'type' | 'states' | 'contacts' | 'subject' | 'summary' | 'outcome' | 'follow_up' | 'visibility' | 'reply_received',
  string | null
>;

/** The link tables of interactions. */
const LINKS = {
  state: { table: 'interaction_states', column: 'state_iso3', type: 'char(3)', of: (i: InteractionRecord) => i.stateIso3s },
  contact: { table: 'interaction_contacts', column: 'contact_id', type: 'uuid', of: (i: InteractionRecord) => i.contactIds },
} as const;

/**
 * The reads and bulk writes of the spreadsheet import: each write is one statement for all its
 * rows (a JSON array unpacked by jsonb_to_recordset), whatever the size of the sheet.
 */
@Injectable()
export class SpreadsheetImportRepository {
  constructor(private readonly db: Db) {}

  /** Every contact, for matching by e-mail and by name (contacts are shared by all users). */
  contacts(): Promise<ContactRecord[]> {
    return this.db.query<ContactRecord[]>(
      `SELECT id, full_name AS "fullName", title, position, posting, state_iso3 AS "stateIso3", email, phone, languages, notes FROM contacts`,
    );
  }

  /** The interactions of an organization imported under these keys, with their States and contacts. */
  interactionsByKeys(organizationId: string, keys: string[]): Promise<InteractionRecord[]> {
    if (!keys.length) return Promise.resolve([]);
    return this.db.query<InteractionRecord[]>(
      `${INTERACTION_RECORD_SELECT} WHERE i.organization_id = $1 AND i.import_key = ANY($2::text[])`,
      [organizationId, keys],
    );
  }

  /**
   * The interactions with these ids that this viewer may see (an exported sheet names each row by its
   * id), of any organization, with their States and contacts.
   */
  visibleInteractionsByIds(viewer: Viewer, ids: string[]): Promise<InteractionRecord[]> {
    if (!ids.length) return Promise.resolve([]);
    const p = new SqlParams();
    const idList = p.add(ids);
    return this.db.query<InteractionRecord[]>(
      `${INTERACTION_RECORD_SELECT} WHERE i.id = ANY(${idList}::uuid[]) AND ${visibleTo(viewer, p)}`,
      p.values,
    );
  }

  /** Every contact, as the sheet writes them: the columns of contacts.csv, ordered by name. */
  exportContacts(): Promise<ContactExportRow[]> {
    return this.db.query<ContactExportRow[]>(
      `SELECT c.full_name AS name, c.title, c.position, c.posting, c.state_iso3 AS state, c.email, c.phone,
              array_to_string(c.languages, '; ') AS languages, c.notes
       FROM contacts c ORDER BY c.full_name, c.id`,
    );
  }

  /**
   * The interactions this viewer may see, as the sheet writes them (the columns of interactions.csv),
   * oldest first. `ref` is the ref the viewer's organization imported it with, else its id, so that
   * importing the sheet again finds each row; a contact is named by e-mail when it has one.
   */
  exportInteractions(viewer: Viewer): Promise<InteractionExportRow[]> {
    const p = new SqlParams();
    const own = p.add(viewer.organizationId);
    return this.db.query<InteractionExportRow[]>(
      `SELECT CASE WHEN i.organization_id = ${own}::uuid AND i.import_key LIKE 'ref:%' THEN substr(i.import_key, 5) ELSE i.id::text END AS ref,
              i.occurred_on::text AS date, i.type, i.subject, i.summary, i.outcome, i.follow_up_on::text AS follow_up,
              i.visibility, i.reply_received_on::text AS reply_received,
              coalesce((SELECT string_agg(s.state_iso3, '; ' ORDER BY s.state_iso3) FROM interaction_states s WHERE s.interaction_id = i.id), '') AS states,
              coalesce((SELECT string_agg(coalesce(c.email, c.full_name), '; ' ORDER BY coalesce(c.email, c.full_name))
                        FROM interaction_contacts l JOIN contacts c ON c.id = l.contact_id WHERE l.interaction_id = i.id), '') AS contacts
       FROM interactions i WHERE ${visibleTo(viewer, p)}
       ORDER BY i.occurred_on, i.created_at, i.id`,
      p.values,
    );
  }

  async insertContacts(rows: ContactRecord[], createdBy: string): Promise<void> {
    if (!rows.length) return;
    await this.db.query(
      `INSERT INTO contacts (id, full_name, title, position, posting, state_iso3, email, phone, languages, notes, created_by)
       SELECT r.id, r.full_name, r.title, r.position, r.posting::posting, r.state_iso3, r.email, r.phone, coalesce(r.languages, '{}'), r.notes, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(${CONTACT_FIELDS})`,
      [contactJson(rows), createdBy],
    );
  }

  async updateContacts(rows: ContactRecord[]): Promise<void> {
    if (!rows.length) return;
    await this.db.query(
      `UPDATE contacts c SET full_name = r.full_name, title = r.title, position = r.position, posting = r.posting::posting,
              state_iso3 = r.state_iso3, email = r.email, phone = r.phone, languages = coalesce(r.languages, '{}'), notes = r.notes,
              version = c.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(${CONTACT_FIELDS}) WHERE c.id = r.id`,
      [contactJson(rows)],
    );
  }

  async insertInteractions(rows: InteractionWrite[], organizationId: string, authorId: string): Promise<void> {
    if (!rows.length) return;
    await this.db.query(
      `INSERT INTO interactions (id, import_key, type, occurred_on, subject, summary, outcome, follow_up_on, reply_received_on,
                                 visibility, organization_id, author_id)
       SELECT r.id, r.import_key, r.type::interaction_type, r.occurred_on, r.subject, r.summary, r.outcome, r.follow_up_on,
              r.reply_received_on, r.visibility::visibility, $2, $3
       FROM jsonb_to_recordset($1::jsonb) AS r(${INTERACTION_FIELDS})`,
      [interactionJson(rows), organizationId, authorId],
    );
    for (const via of ['state', 'contact'] as const) await this.setLinks(via, rows, true);
  }

  async updateInteractions(rows: InteractionWrite[]): Promise<void> {
    if (!rows.length) return;
    await this.db.query(
      `UPDATE interactions i SET type = r.type::interaction_type, occurred_on = r.occurred_on, subject = r.subject,
              summary = r.summary, outcome = r.outcome, follow_up_on = r.follow_up_on, reply_received_on = r.reply_received_on,
              visibility = r.visibility::visibility,
              follow_up_done_at = CASE WHEN r.reset_follow_up THEN NULL ELSE i.follow_up_done_at END,
              version = i.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(${INTERACTION_FIELDS}) WHERE i.id = r.id`,
      [interactionJson(rows)],
    );
    await this.setLinks(
      'state',
      rows.filter((row) => row.statesChanged),
    );
    await this.setLinks(
      'contact',
      rows.filter((row) => row.contactsChanged),
    );
  }

  /** Makes the links of these interactions exactly their lists: removes the others (unless new), adds the missing. */
  private async setLinks(via: keyof typeof LINKS, rows: InteractionWrite[], fresh = false): Promise<void> {
    if (!rows.length) return;
    const link = LINKS[via];
    const pairs = JSON.stringify(rows.flatMap((row) => link.of(row).map((key) => ({ interaction_id: row.id, key }))));
    if (!fresh) {
      await this.db.query(
        `DELETE FROM ${link.table} l WHERE l.interaction_id = ANY($1::uuid[]) AND (l.interaction_id, l.${link.column}) NOT IN (
           SELECT r.interaction_id, r.key FROM jsonb_to_recordset($2::jsonb) AS r(interaction_id uuid, key ${link.type}))`,
        [rows.map((row) => row.id), pairs],
      );
    }
    await this.db.query(
      `INSERT INTO ${link.table} (interaction_id, ${link.column})
       SELECT r.interaction_id, r.key FROM jsonb_to_recordset($1::jsonb) AS r(interaction_id uuid, key ${link.type})
       ON CONFLICT DO NOTHING`,
      [pairs],
    );
  }
}
