import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { TEAM_COLUMNS, toTeam, type Team } from '../common/editable.js';
import { InteractionType, Posting, Visibility } from '../common/enums.js';
import type { Page } from '../common/paging/page.js';
import { pagedSql, splitPage, SqlParams, type PagedRow } from '../common/sql.js';
import { deleteVersioned, updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import { table } from '../database/table.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import type { Organization } from '../organizations/organization.model.js';
import { visibleTo } from '../auth/visibility.js';
import type { LetterCampaign } from './campaign.model.js';
import { LetterCampaignEntity } from './letter-campaign.entity.js';

const campaigns = table(LetterCampaignEntity);
const CAMPAIGN_COLUMNS = campaigns.select('c');
const CAMPAIGN_RETURNING = campaigns.returning();
const CAMPAIGN_INSERT = campaigns.columns(
  'id',
  'name',
  'templateRef',
  'sendingDate',
  'visibility',
  'organizationId',
  'ownerId',
  'mandateId',
);
/** The LETTER interaction of each letter of a new campaign. */
const LETTER_INTERACTION_INSERT = table(InteractionEntity).columns(
  'id',
  'type',
  'occurredOn',
  'subject',
  'summary',
  'followUpOn',
  'visibility',
  'organizationId',
  'authorId',
  'mandateId',
);

/** What a correction of a campaign may change. */
export interface CampaignChanges {
  name?: string;
  templateRef?: string;
  sendingDate?: string;
  visibility?: Visibility;
  ownerId?: string;
}

const CAMPAIGN_SPEC = {
  table: campaigns.name,
  what: 'Letter campaign',
  returning: CAMPAIGN_RETURNING,
  columns: campaigns.columnMap('name', 'templateRef', 'sendingDate', 'visibility', 'ownerId') satisfies ColumnMap<CampaignChanges>,
};

/** A letter with what its status needs: the interaction's dates and version. */
export interface LetterRow {
  campaignId: string;
  stateIso3: string;
  interactionId: string;
  addressedPosting: Posting | null;
  addressedTo: string;
  sentOn: string;
  replyReceivedOn: string | null;
  replyNote: string | null;
  followUpOn: string | null;
  followUpDone: boolean;
  version: number;
  organizationId: string;
}

const LETTER_COLUMNS = `l.campaign_id AS "campaignId", l.state_iso3 AS "stateIso3", l.interaction_id AS "interactionId",
  l.addressed_posting AS "addressedPosting", l.addressed_to AS "addressedTo", i.occurred_on AS "sentOn",
  i.reply_received_on AS "replyReceivedOn", i.outcome AS "replyNote", i.follow_up_on AS "followUpOn", i.follow_up_done_at IS NOT NULL AS "followUpDone",
  i.version, i.organization_id AS "organizationId"`;

export interface CampaignQuery {
  stateIso3s?: string[];
  organizationIds?: string[];
  from?: string;
  to?: string;
}

export interface NewLetter {
  interactionId: string;
  stateIso3: string;
  contactIds: string[];
  addressedPosting: Posting | null;
  addressedTo: string;
  summary: string;
}

export interface AddressableContact {
  id: string;
  fullName: string;
  posting: Posting | null;
  stateIso3: string | null;
}

/** A partner organization's SHARED work with a State. */
export interface PartnerWork extends Organization {
  stateIso3: string;
  interactions: number;
  lastOn: string;
}

/** A contact a letter went to. */
interface AddresseeRow {
  interactionId: string;
  contactId: string;
}

/** The users who may own a campaign of an organization. */
interface PossibleOwnersRow {
  organizationId: string;
  ids: string[];
}

/** A campaign's team (see Team), as TEAM_COLUMNS reads it. */
interface CampaignTeamRow {
  id: string;
  members: string[] | null;
  successors: string[] | null;
}

@Injectable()
export class CampaignsRepository {
  constructor(private readonly db: Db) {}

  /** The campaign if the viewer may see it; with `lock`, locked until the transaction ends. */
  async visibleById(viewer: Viewer, id: string, lock = false): Promise<LetterCampaign | null> {
    if (!isUuid(id)) return null;
    const p = new SqlParams();
    const rows = await this.db.query<LetterCampaign[]>(
      `SELECT ${CAMPAIGN_COLUMNS} FROM letter_campaigns c WHERE c.id = ${p.add(id)} AND ${visibleTo(viewer, p, 'c')}${lock ? ' FOR UPDATE' : ''}`,
      p.values,
    );
    return rows[0] ?? null;
  }

  /** Newest sending date first; the visibility rule is part of the statement. */
  async page(viewer: Viewer, query: CampaignQuery, page: Page): Promise<{ rows: LetterCampaign[]; total: number | null }> {
    const p = new SqlParams();
    const where = [visibleTo(viewer, p, 'c')];
    if (query.stateIso3s) {
      where.push(
        `EXISTS (SELECT 1 FROM campaign_letters l WHERE l.campaign_id = c.id AND l.state_iso3 = ANY(${p.add(query.stateIso3s)}::char(3)[]))`,
      );
    }
    if (query.organizationIds) where.push(`c.organization_id = ANY(${p.add(query.organizationIds)}::uuid[])`);
    if (query.from) where.push(`c.sending_date >= ${p.add(query.from)}::date`);
    if (query.to) where.push(`c.sending_date <= ${p.add(query.to)}::date`);
    const filtered = `SELECT ${CAMPAIGN_COLUMNS} FROM letter_campaigns c WHERE ${where.join(' AND ')}`;
    const cursor = page.after ? `("sendingDate", id) < (${p.add(page.after[0])}::date, ${p.add(page.after[1])}::uuid)` : null;
    const rows = await this.db.query<PagedRow<LetterCampaign>[]>(pagedSql(filtered, cursor, '"sendingDate" DESC, id DESC', page), p.values);
    return splitPage<LetterCampaign>(rows, 'id');
  }

  /** The letters of several campaigns that this viewer may see, by State name. */
  lettersOf(viewer: Viewer, campaignIds: readonly string[]): Promise<LetterRow[]> {
    const p = new SqlParams();
    return this.db.query<LetterRow[]>(
      `SELECT ${LETTER_COLUMNS}
       FROM campaign_letters l JOIN interactions i ON i.id = l.interaction_id JOIN states s ON s.iso3 = l.state_iso3
       WHERE l.campaign_id = ANY(${p.add(campaignIds)}::uuid[]) AND ${visibleTo(viewer, p)}
       ORDER BY s.name`,
      p.values,
    );
  }

  /** One letter, by its interaction or by its campaign and State, if the viewer may see it. */
  async letter(viewer: Viewer, ref: { interactionId?: string; campaignId?: string; stateIso3?: string }): Promise<LetterRow | null> {
    const p = new SqlParams();
    const where = [visibleTo(viewer, p)];
    if (ref.interactionId) where.push(`l.interaction_id = ${p.add(ref.interactionId)}::uuid`);
    else where.push(`l.campaign_id = ${p.add(ref.campaignId)}::uuid AND l.state_iso3 = ${p.add(ref.stateIso3)}`);
    const rows = await this.db.query<LetterRow[]>(
      `SELECT ${LETTER_COLUMNS} FROM campaign_letters l JOIN interactions i ON i.id = l.interaction_id WHERE ${where.join(' AND ')}`,
      p.values,
    );
    return rows[0] ?? null;
  }

  /** The contacts of these States (for choosing addressees and suggesting follow-ups). */
  contactsOfStates(iso3s: readonly string[]): Promise<AddressableContact[]> {
    return this.db.query<AddressableContact[]>(
      `SELECT c.id, c.full_name AS "fullName", c.posting, c.state_iso3 AS "stateIso3"
       FROM contacts c WHERE c.state_iso3 = ANY($1::char(3)[]) ORDER BY c.full_name, c.id`,
      [iso3s],
    );
  }

  contactsByIds(ids: readonly string[]): Promise<AddressableContact[]> {
    return this.db.query<AddressableContact[]>(
      `SELECT c.id, c.full_name AS "fullName", c.posting, c.state_iso3 AS "stateIso3" FROM contacts c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The contacts each letter went to. */
  async addresseesOf(interactionIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.query<AddresseeRow[]>(
      `SELECT interaction_id AS "interactionId", contact_id AS "contactId" FROM interaction_contacts WHERE interaction_id = ANY($1::uuid[])`,
      [interactionIds],
    );
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.interactionId, [...(map.get(row.interactionId) ?? []), row.contactId]);
    return map;
  }

  /**
   * Partner organizations (civil society, international organizations) that logged SHARED
   * interactions with these States: everyone may see those, so nothing confidential shows.
   */
  partnersOfStates(iso3s: readonly string[]): Promise<PartnerWork[]> {
    return this.db.query<PartnerWork[]>(
      `SELECT l.state_iso3 AS "stateIso3", o.id, o.name, o.kind, count(*)::int AS interactions, max(i.occurred_on) AS "lastOn"
       FROM interaction_states l JOIN interactions i ON i.id = l.interaction_id JOIN organizations o ON o.id = i.organization_id
       WHERE l.state_iso3 = ANY($1::char(3)[]) AND i.visibility = 'SHARED' AND o.kind IN ('CIVIL_SOCIETY', 'INTERNATIONAL_ORGANIZATION')
       GROUP BY l.state_iso3, o.id, o.name, o.kind
       ORDER BY l.state_iso3, count(*) DESC, o.name`,
      [iso3s],
    );
  }

  async insertCampaign(row: {
    id: string;
    name: string;
    templateRef: string;
    sendingDate: string;
    visibility: Visibility;
    organizationId: string;
    ownerId: string;
    mandateId: string | null;
  }): Promise<LetterCampaign> {
    const rows = await this.db.query<LetterCampaign[]>(
      `INSERT INTO letter_campaigns (${CAMPAIGN_INSERT})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${CAMPAIGN_RETURNING}`,
      [row.id, row.name, row.templateRef, row.sendingDate, row.visibility, row.organizationId, row.ownerId, row.mandateId],
    );
    return rows[0];
  }

  /** Every letter of a new campaign in a constant number of statements: the interactions, their links, the letters. */
  async insertLetters(
    campaign: LetterCampaign,
    letters: NewLetter[],
    common: { subject: string; followUpOn: string | null; authorId: string },
  ): Promise<void> {
    const ids = letters.map((l) => l.interactionId);
    await this.db.query(
      `INSERT INTO interactions (${LETTER_INTERACTION_INSERT})
       SELECT id, $2, $3, $4, summary, $5, $6, $7, $8, $10 FROM unnest($1::uuid[], $9::text[]) AS x(id, summary)`,
      [
        ids,
        InteractionType.LETTER,
        campaign.sendingDate,
        common.subject,
        common.followUpOn,
        campaign.visibility,
        campaign.organizationId,
        common.authorId,
        letters.map((l) => l.summary),
        campaign.mandateId ?? null,
      ],
    );
    await this.db.query(`INSERT INTO interaction_states (interaction_id, state_iso3) SELECT * FROM unnest($1::uuid[], $2::char(3)[])`, [
      ids,
      letters.map((l) => l.stateIso3),
    ]);
    const pairs = letters.flatMap((l) => l.contactIds.map((contactId) => [l.interactionId, contactId]));
    if (pairs.length) {
      await this.db.query(`INSERT INTO interaction_contacts (interaction_id, contact_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [
        pairs.map((pair) => pair[0]),
        pairs.map((pair) => pair[1]),
      ]);
    }
    await this.db.query(
      `INSERT INTO campaign_letters (campaign_id, state_iso3, interaction_id, addressed_posting, addressed_to)
       SELECT $1, * FROM unnest($2::char(3)[], $3::uuid[], $4::posting[], $5::text[])`,
      [campaign.id, letters.map((l) => l.stateIso3), ids, letters.map((l) => l.addressedPosting), letters.map((l) => l.addressedTo)],
    );
  }

  update(id: string, expectedVersion: number, changes: CampaignChanges): Promise<LetterCampaign> {
    return updateVersioned<CampaignChanges, LetterCampaign>(this.db, CAMPAIGN_SPEC, id, expectedVersion, changes);
  }

  /** A new version of a campaign whose templates changed (the caller holds its lock and checked its version). */
  async touch(id: string): Promise<LetterCampaign> {
    const rows = await this.db.query<[LetterCampaign[], number]>(
      `UPDATE letter_campaigns SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${CAMPAIGN_RETURNING}`,
      [id],
    );
    return rows[0][0];
  }

  delete(id: string, expectedVersion: number): Promise<void> {
    return deleteVersioned(this.db, CAMPAIGN_SPEC, id, expectedVersion);
  }

  /**
   * Every letter of a campaign, whoever may see it, with its follow-up date; the letters are locked
   * until the transaction ends, so that no reply or follow-up is logged on them meanwhile.
   */
  lockLetters(campaignId: string): Promise<(LetterRow & { followUpOn: string | null })[]> {
    return this.db.query<LetterRow[]>(
      `SELECT ${LETTER_COLUMNS}, i.follow_up_on AS "followUpOn"
       FROM campaign_letters l JOIN interactions i ON i.id = l.interaction_id
       WHERE l.campaign_id = $1 ORDER BY l.state_iso3 FOR UPDATE OF i`,
      [campaignId],
    );
  }

  /**
   * The campaign-level fields of its letters: those dated `from` move to `to`, and every letter takes
   * `visibility` (each left alone when not given). The letters that change get a new version.
   */
  async updateLetters(campaignId: string, changes: { from?: string; to?: string; visibility?: Visibility }): Promise<void> {
    await this.db.query(
      `UPDATE interactions i SET
         occurred_on = CASE WHEN i.occurred_on = $2::date THEN $3::date ELSE i.occurred_on END,
         visibility = coalesce($4::visibility, i.visibility),
         version = i.version + 1, updated_at = now()
       FROM campaign_letters l
       WHERE l.interaction_id = i.id AND l.campaign_id = $1
         AND ((i.occurred_on = $2::date AND $3::date IS NOT NULL) OR i.visibility <> $4::visibility)`,
      [campaignId, changes.from ?? null, changes.to ?? null, changes.visibility ?? null],
    );
  }

  /** Deletes letters (their interactions): their State and contact links and their campaign_letters rows go with them. */
  async deleteLetters(interactionIds: string[]): Promise<void> {
    await this.db.query(`DELETE FROM interactions WHERE id = ANY($1::uuid[])`, [interactionIds]);
  }

  /** Whether this user may own a campaign of this organization: a coordinator or admin of it, not disabled. */
  /** The users who may own a campaign of each organization (its enabled coordinators and admins), by display name. */
  async possibleOwnersOf(organizationIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.query<PossibleOwnersRow[]>(
      `SELECT organization_id AS "organizationId", array_agg(id ORDER BY display_name, id) AS ids FROM users
        WHERE organization_id = ANY($1::uuid[]) AND role IN ('ADMIN', 'COORDINATOR') AND disabled_at IS NULL GROUP BY organization_id`,
      [organizationIds],
    );
    return new Map(rows.map((row) => [row.organizationId, row.ids]));
  }

  /** The teams (see Team) of these campaigns: one statement. */
  async teamsOf(ids: readonly string[]): Promise<Map<string, Team>> {
    const rows = await this.db.query<CampaignTeamRow[]>(
      `SELECT t.id, ${TEAM_COLUMNS} FROM letter_campaigns t WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, toTeam(row)]));
  }

  async canOwn(userId: string, organizationId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM users WHERE id = $1 AND organization_id = $2 AND role IN ('ADMIN', 'COORDINATOR') AND disabled_at IS NULL`,
      [userId, organizationId],
    );
    return rows.length > 0;
  }
}
