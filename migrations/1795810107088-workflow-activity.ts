import type { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_KINDS = [
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

/**
 * Activity for the outreach workflows: new kinds of event, and a visibility of their own for events
 * that are about something other than one interaction (a letter campaign, say).
 */
const UP = [
  `ALTER TABLE "activity_events" ADD "visibility" "public"."visibility"`,
  ...NEW_KINDS.map((kind) => `ALTER TYPE "public"."activity_kind" ADD VALUE '${kind}'`),
];

const DOWN = [
  `DELETE FROM "activity_events" WHERE "kind"::text IN (${NEW_KINDS.map((kind) => `'${kind}'`).join(', ')})`,
  `CREATE TYPE "public"."activity_kind_old" AS ENUM('INTERACTION_LOGGED', 'INTERACTION_UPDATED', 'STAGE_CHANGED', 'OBSTACLE_RECORDED', 'CONTACT_ADDED')`,
  `ALTER TABLE "activity_events" ALTER COLUMN "kind" TYPE "public"."activity_kind_old" USING "kind"::"text"::"public"."activity_kind_old"`,
  `DROP TYPE "public"."activity_kind"`,
  `ALTER TYPE "public"."activity_kind_old" RENAME TO "activity_kind"`,
  `ALTER TABLE "activity_events" DROP COLUMN "visibility"`,
];

export class WorkflowActivity1795810107088 implements MigrationInterface {
  name = 'WorkflowActivity1795810107088';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
