import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint work. The visibility MANDATE ("the organizations of this mandate"), between ORGANIZATION
 * and COORDINATORS; the link of each piece of work to the mandate it belongs to; a handed-over
 * mandate's target lists as they were; and the function that says who reads a mandate's work.
 */
const ITEMS = ['interactions', 'letter_campaigns', 'events', 'planned_meetings', 'obstacles', 'stage_changes'];

/** Every column of the type visibility (the down migration puts MANDATE rows back to ORGANIZATION). */
const VISIBILITY_COLUMNS = [
  'interactions',
  'interaction_states',
  'letter_campaigns',
  'events',
  'planned_meetings',
  'obstacles',
  'stage_changes',
  'activity_events',
  'mandates',
];

const UP = [
  `ALTER TYPE "public"."visibility" ADD VALUE IF NOT EXISTS 'MANDATE' BEFORE 'COORDINATORS'`,
  ...ITEMS.flatMap((table) => [
    `ALTER TABLE "${table}" ADD "mandate_id" uuid`,
    `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_mandate" FOREIGN KEY ("mandate_id") REFERENCES "mandates"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  ]),
  `ALTER TABLE "activity_events" ADD "mandate_id" uuid`,
  `ALTER TABLE "mandates" ADD "target_lists_at_hand_over" jsonb`,
  // A mandate's readers: its organizations and those of the mandates that took over from it, in turn.
  `CREATE FUNCTION ratify_mandate_readers(mandate uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
     WITH RECURSIVE line(id, organization_ids) AS (
       SELECT m.id, m.organization_ids FROM mandates m WHERE m.id = mandate
       UNION SELECT n.id, n.organization_ids FROM mandates n JOIN line ON n.previous_mandate_id = line.id)
     SELECT coalesce(array_agg(DISTINCT o), '{}') FROM line, unnest(line.organization_ids) o
   $$`,
];

const DOWN = [
  `DROP FUNCTION ratify_mandate_readers(uuid)`,
  `ALTER TABLE "mandates" DROP COLUMN "target_lists_at_hand_over"`,
  `ALTER TABLE "activity_events" DROP COLUMN "mandate_id"`,
  ...ITEMS.flatMap((table) => [
    `ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}_mandate"`,
    `ALTER TABLE "${table}" DROP COLUMN "mandate_id"`,
  ]),
  ...VISIBILITY_COLUMNS.map((table) => `UPDATE "${table}" SET "visibility" = 'ORGANIZATION' WHERE "visibility"::text = 'MANDATE'`),
  // The counts per visibility: MANDATE rows merge into the ORGANIZATION ones.
  `DELETE FROM "state_interaction_counts" WHERE "visibility"::text = 'MANDATE'`,
  `DELETE FROM "state_interaction_counts"`,
  `INSERT INTO "state_interaction_counts" SELECT "state_iso3", "visibility", "organization_id", count(*) FROM "interaction_states" GROUP BY 1, 2, 3`,
  // PostgreSQL cannot drop an enum value: with no row using it any more, remove it from the catalog.
  `DELETE FROM pg_enum WHERE enumtypid = '"public"."visibility"'::regtype AND enumlabel = 'MANDATE'`,
  ...[...VISIBILITY_COLUMNS, 'state_interaction_counts'].map((table) => `REINDEX TABLE "${table}"`),
];

export class JointWork1795970000000 implements MigrationInterface {
  name = 'JointWork1795970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
