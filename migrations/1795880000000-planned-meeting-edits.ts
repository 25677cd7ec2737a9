import type { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_KINDS = ['MEETING_CHANGED', 'MEETING_DELETED'];

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
  'EVENT_CHANGED',
  'EVENT_DELETED',
  'CAMPAIGN_CHANGED',
  'CAMPAIGN_DELETED',
];

const list = (kinds: string[]) => kinds.map((kind) => `'${kind}'`).join(', ');

/** Planned meetings can be corrected and deleted: the activity feed reports both. */
const UP = NEW_KINDS.map((kind) => `ALTER TYPE "public"."activity_kind" ADD VALUE '${kind}'`);

const DOWN = [
  `DELETE FROM "activity_events" WHERE "kind"::text IN (${list(NEW_KINDS)})`,
  `CREATE TYPE "public"."activity_kind_old" AS ENUM(${list(KINDS_BEFORE)})`,
  `ALTER TABLE "activity_events" ALTER COLUMN "kind" TYPE "public"."activity_kind_old" USING "kind"::"text"::"public"."activity_kind_old"`,
  `DROP TYPE "public"."activity_kind"`,
  `ALTER TYPE "public"."activity_kind_old" RENAME TO "activity_kind"`,
];

export class PlannedMeetingEdits1795880000000 implements MigrationInterface {
  name = 'PlannedMeetingEdits1795880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
