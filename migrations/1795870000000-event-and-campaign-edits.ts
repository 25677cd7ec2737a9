import type { MigrationInterface, QueryRunner } from 'typeorm';
import { activityKindsAdded } from './activity-kinds.js';

/** The kinds of activity before this migration, in their order (restored on revert). */
const KINDS_BEFORE = [
  'INTERACTION_LOGGED',
  'INTERACTION_UPDATED',
  'STAGE_CHANGED',
  'OBSTACLE_RECORDED',
  'CONTACT_ADDED',
  'CAMPAIGN_CREATED',
  'LETTER_REPLY_LOGGED',
  'EVENT_RECORDED',
  'MEETING_PLANNED',
  'MANDATE_STARTED',
  'WORK_PLAN_CHANGED',
  'CONTACT_POSTING_CHANGED',
  'CONTACTS_MERGED',
  'SPREADSHEET_IMPORTED',
];

const NEW_KINDS = ['EVENT_CHANGED', 'EVENT_DELETED', 'CAMPAIGN_CHANGED', 'CAMPAIGN_DELETED'];

/** The kinds of activity after this migration, in their order. */
export const KINDS_AFTER_EVENT_AND_CAMPAIGN_EDITS = [...KINDS_BEFORE, ...NEW_KINDS];

/** Events and letter campaigns can be corrected and deleted: the activity feed reports both. */
const { up: UP, down: DOWN } = activityKindsAdded(KINDS_BEFORE, NEW_KINDS);

export class EventAndCampaignEdits1795870000000 implements MigrationInterface {
  name = 'EventAndCampaignEdits1795870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
