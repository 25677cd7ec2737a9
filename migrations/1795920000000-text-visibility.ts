import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every piece of user-written text carries a visibility, and the feed shows an item's text as it is now.
 *
 * - Stage changes and obstacles get a `visibility` (with the organization of the user who wrote them
 *   and, for stage changes, a version for optimistic locking). Rows written by users get
 *   COORDINATORS; the stage changes the data import records (public data, no user) get SHARED.
 * - Activity events name what they are about (`subject_id`: a letter campaign, event, planned
 *   meeting, mandate, stage change or obstacle; interactions already have `interaction_id`) and keep a
 *   `template` of their summary in which the item's own text is a placeholder, filled in from the
 *   item's current fields when the feed is read.
 *
 * Existing events: those about an interaction get their template from their summary (its text after
 * the first ": " is the interaction's subject); stage and obstacle events are matched to the row they
 * report; events about campaigns, events, meetings and mandates are matched through the audit trail
 * (same actor, same transaction's moment). Events that cannot be matched keep their text but only
 * the organization that wrote them sees them from now on (stage moves and obstacles: coordinators).
 */
const UP = [
  `ALTER TABLE "stage_changes" ADD "visibility" "public"."visibility" NOT NULL DEFAULT 'COORDINATORS'`,
  `ALTER TABLE "stage_changes" ADD "organization_id" uuid`,
  `ALTER TABLE "stage_changes" ADD "version" integer NOT NULL DEFAULT '1'`,
  `ALTER TABLE "stage_changes" ADD CONSTRAINT "fk_stage_changes_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `UPDATE "stage_changes" c SET "organization_id" = u."organization_id" FROM "users" u WHERE u."id" = c."changed_by"`,
  `UPDATE "stage_changes" SET "visibility" = 'SHARED' WHERE "changed_by" IS NULL`,
  `ALTER TABLE "obstacles" ADD "visibility" "public"."visibility" NOT NULL DEFAULT 'COORDINATORS'`,
  `ALTER TABLE "obstacles" ADD "organization_id" uuid`,
  `ALTER TABLE "obstacles" ADD CONSTRAINT "fk_obstacles_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `UPDATE "obstacles" o SET "organization_id" = u."organization_id" FROM "users" u WHERE u."id" = o."recorded_by"`,
  `ALTER TABLE "activity_events" ADD "subject_id" uuid`,
  `ALTER TABLE "activity_events" ADD "template" text`,
  `CREATE INDEX "ix_activity_events_subject" ON "activity_events"("subject_id")`,
  // Interactions: "Bilateral meeting with Kiribati: <subject>".
  `UPDATE "activity_events" SET "template" = left("summary", position(': ' IN "summary") - 1) || ': {text}'
   WHERE "interaction_id" IS NOT NULL AND "kind"::text IN ('INTERACTION_LOGGED', 'INTERACTION_UPDATED') AND position(': ' IN "summary") > 0`,
  // Replies to letters: the campaign's name.
  `UPDATE "activity_events" e SET "subject_id" = l."campaign_id",
     "template" = regexp_replace(e."summary", 'to the letter ".*", received on', 'to the letter "{text}", received on', 's')
   FROM "campaign_letters" l WHERE e."kind"::text = 'LETTER_REPLY_LOGGED' AND l."interaction_id" = e."interaction_id"`,
  // Stage moves: the note follows the stage change's visibility.
  `UPDATE "activity_events" e SET "subject_id" = (
     SELECT c."id" FROM "stage_changes" c
     WHERE c."state_iso3" = e."state_iso3s"[1] AND c."changed_by" IS NOT DISTINCT FROM e."actor_id"
     ORDER BY abs(extract(epoch FROM c."changed_at" - e."occurred_at")), c."id" LIMIT 1)
   WHERE e."kind"::text = 'STAGE_CHANGED'`,
  `UPDATE "activity_events" SET "template" = regexp_replace("summary", '^(.* moved from [A-Z_]+ to [A-Z_]+)(: .*)?$', '\\1{extra}', 's')
   WHERE "kind"::text = 'STAGE_CHANGED' AND "subject_id" IS NOT NULL`,
  // Obstacles: the event follows the obstacle's visibility.
  `UPDATE "activity_events" e SET "subject_id" = (
     SELECT o."id" FROM "obstacles" o
     WHERE o."state_iso3" = e."state_iso3s"[1] AND o."recorded_by" IS NOT DISTINCT FROM e."actor_id"
     ORDER BY abs(extract(epoch FROM o."created_at" - e."occurred_at")), o."id" LIMIT 1)
   WHERE e."kind"::text = 'OBSTACLE_RECORDED'`,
  `UPDATE "activity_events" SET "template" = regexp_replace("summary", '^\\S+ obstacle', '{text} obstacle')
   WHERE "kind"::text = 'OBSTACLE_RECORDED' AND "subject_id" IS NOT NULL`,
  // Campaigns, events, planned meetings and mandates, through the audit trail of the same write.
  ...(
    [
      [
        'letter_campaigns',
        `'CAMPAIGN_CREATED', 'CAMPAIGN_CHANGED'`,
        `CASE WHEN e."kind"::text = 'CAMPAIGN_CREATED' THEN 'Letter campaign "{text}" created' ELSE 'Letter campaign "{text}" changed' END`,
      ],
      [
        'events',
        `'EVENT_RECORDED', 'EVENT_CHANGED'`,
        `CASE WHEN e."kind"::text = 'EVENT_RECORDED' THEN 'Event recorded: {text}' ELSE 'Event changed: {text}' END`,
      ],
      [
        'planned_meetings',
        `'MEETING_PLANNED', 'MEETING_CHANGED'`,
        `CASE WHEN e."kind"::text = 'MEETING_PLANNED' THEN 'Meeting planned at {extra}' ELSE 'Planned meeting at {extra} changed' END`,
      ],
      [
        'mandates',
        `'MANDATE_STARTED', 'WORK_PLAN_CHANGED'`,
        `CASE WHEN e."kind"::text = 'MANDATE_STARTED' THEN 'Mandate "{text}" started' ELSE 'Work plan of "{text}" changed' END`,
      ],
    ] as const
  ).flatMap(([table, kinds, template]) => [
    `UPDATE "activity_events" e SET "subject_id" = (
       SELECT x."entity_id"::uuid FROM "audit_entries" x
       WHERE x."entity" = '${table}' AND x."actor_id" IS NOT DISTINCT FROM e."actor_id"
         AND x."at" BETWEEN e."occurred_at" - interval '5 seconds' AND e."occurred_at" + interval '5 seconds'
       ORDER BY abs(extract(epoch FROM x."at" - e."occurred_at")) LIMIT 1)
     WHERE e."kind"::text IN (${kinds})`,
    `UPDATE "activity_events" e SET "template" = ${template} WHERE e."kind"::text IN (${kinds}) AND e."subject_id" IS NOT NULL`,
  ]),
  `UPDATE "activity_events" SET "visibility" = 'ORGANIZATION'
   WHERE "subject_id" IS NULL AND "interaction_id" IS NULL
     AND "kind"::text IN ('CAMPAIGN_CREATED', 'CAMPAIGN_CHANGED', 'EVENT_RECORDED', 'EVENT_CHANGED', 'MEETING_PLANNED', 'MEETING_CHANGED', 'MANDATE_STARTED', 'WORK_PLAN_CHANGED')`,
  // Stage moves and obstacles not matched (none are expected): coordinators only, like the rows they report.
  `UPDATE "activity_events" SET "visibility" = 'COORDINATORS' WHERE "subject_id" IS NULL AND "kind"::text IN ('STAGE_CHANGED', 'OBSTACLE_RECORDED')`,
];

const DOWN = [
  `DROP INDEX "public"."ix_activity_events_subject"`,
  `ALTER TABLE "activity_events" DROP COLUMN "template"`,
  `ALTER TABLE "activity_events" DROP COLUMN "subject_id"`,
  `ALTER TABLE "obstacles" DROP CONSTRAINT "fk_obstacles_organization"`,
  `ALTER TABLE "obstacles" DROP COLUMN "organization_id"`,
  `ALTER TABLE "obstacles" DROP COLUMN "visibility"`,
  `ALTER TABLE "stage_changes" DROP CONSTRAINT "fk_stage_changes_organization"`,
  `ALTER TABLE "stage_changes" DROP COLUMN "version"`,
  `ALTER TABLE "stage_changes" DROP COLUMN "organization_id"`,
  `ALTER TABLE "stage_changes" DROP COLUMN "visibility"`,
];

export class TextVisibility1795920000000 implements MigrationInterface {
  name = 'TextVisibility1795920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
