import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Posting } from '../common/enums.js';
import { table } from '../database/table.js';
import { LetterTemplateEntity } from './letter-template.entity.js';

/** A stored template, without its file unless asked for. */
export interface TemplateRow {
  campaignId: string;
  language: string;
  fileName: string;
  sizeBytes: number;
  placeholders: string[];
  uploadedBy: string;
  uploadedAt: Date;
  content?: Buffer;
}

/** What a letter says of its addressee. */
export interface RecipientRow {
  id: string;
  fullName: string;
  title: string | null;
  position: string | null;
  posting: Posting | null;
  languages: string[];
  stateIso3: string | null;
}

export interface LetterStateRow {
  iso3: string;
  name: string;
  unLanguage: string | null;
}

/** An organization's name. */
interface NameRow {
  name: string;
}

/** Who sends a campaign's letters: its owner, and the owner's organization. */
interface SenderRow {
  name: string;
  organization: string;
}

/** A template as the API reads it: its size, not its content. */
const TEMPLATE_COLUMNS = table(LetterTemplateEntity).returning({
  omit: ['content'],
  extra: (q) => [`octet_length(${q}content) AS "sizeBytes"`],
});

/** The stored templates of campaigns, and what filling their letters reads. Callers check the campaign's visibility first. */
@Injectable()
export class LettersRepository {
  constructor(private readonly db: Db) {}

  /** The templates of these campaigns, by language; with `content`, their files too. */
  templatesOf(campaignIds: readonly string[], content = false): Promise<TemplateRow[]> {
    return this.db.query<TemplateRow[]>(
      `SELECT ${TEMPLATE_COLUMNS}${content ? ', content' : ''} FROM letter_templates WHERE campaign_id = ANY($1::uuid[])
       ORDER BY campaign_id, array_position(ARRAY['en', 'fr', 'es'], language)`,
      [campaignIds],
    );
  }

  async saveTemplate(row: {
    campaignId: string;
    language: string;
    fileName: string;
    content: Buffer;
    placeholders: string[];
    uploadedBy: string;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO letter_templates (campaign_id, language, file_name, content, placeholders, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (campaign_id, language) DO UPDATE SET file_name = EXCLUDED.file_name, content = EXCLUDED.content,
         placeholders = EXCLUDED.placeholders, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()`,
      [row.campaignId, row.language, row.fileName, row.content, row.placeholders, row.uploadedBy],
    );
  }

  /** Whether a template was there to delete. */
  async deleteTemplate(campaignId: string, language: string): Promise<boolean> {
    const rows = await this.db.query<[unknown[], number]>(
      `DELETE FROM letter_templates WHERE campaign_id = $1 AND language = $2 RETURNING language`,
      [campaignId, language],
    );
    return rows[0].length > 0;
  }

  /** Contacts shared by everyone: what a letter says of them. */
  recipients(ids: readonly string[]): Promise<RecipientRow[]> {
    return this.db.query<RecipientRow[]>(
      `SELECT id, full_name AS "fullName", title, position, posting, languages, state_iso3 AS "stateIso3" FROM contacts WHERE id = ANY($1::uuid[]) ORDER BY full_name, id`,
      [ids],
    );
  }

  states(iso3s: readonly string[]): Promise<LetterStateRow[]> {
    return this.db.query<LetterStateRow[]>(
      `SELECT iso3, name, un_language AS "unLanguage" FROM states WHERE iso3 = ANY($1::char(3)[]) ORDER BY name`,
      [iso3s],
    );
  }

  /** The names of the organizations coordinating a campaign: its mandate's, else its own (by name). */
  async coordinators(campaign: { organizationId: string; mandateId: string | null }): Promise<string[]> {
    const rows = await this.db.query<NameRow[]>(
      `SELECT o.name FROM organizations o
       WHERE o.id = ANY(coalesce((SELECT m.organization_ids FROM mandates m WHERE m.id = $2::uuid), ARRAY[$1::uuid]))
       ORDER BY o.name`,
      [campaign.organizationId, campaign.mandateId],
    );
    return rows.map((row) => row.name);
  }

  /** The organizations of this organization's current mandate (the latest started whose period holds `today`), else it alone. */
  async currentCoordinators(organizationId: string, today: string): Promise<string[]> {
    const rows = await this.db.query<NameRow[]>(
      `SELECT o.name FROM organizations o
       WHERE o.id = ANY(coalesce((SELECT m.organization_ids FROM mandates m
                                  WHERE $1::uuid = ANY(m.organization_ids) AND m.period_from <= $2::date AND m.period_to >= $2::date
                                  ORDER BY m.period_from DESC, m.id LIMIT 1), ARRAY[$1::uuid]))
       ORDER BY o.name`,
      [organizationId, today],
    );
    return rows.map((row) => row.name);
  }

  async organizationName(id: string): Promise<string> {
    return (await this.db.query<NameRow[]>(`SELECT name FROM organizations WHERE id = $1`, [id]))[0].name;
  }

  async sender(campaign: { organizationId: string; ownerId: string }): Promise<SenderRow> {
    const rows = await this.db.query<SenderRow[]>(
      `SELECT u.display_name AS name, o.name AS organization FROM users u, organizations o WHERE u.id = $1 AND o.id = $2`,
      [campaign.ownerId, campaign.organizationId],
    );
    return rows[0];
  }
}
