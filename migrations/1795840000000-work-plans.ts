import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The new tables hold user data: every change is audited, like the other tables. */
const AUDITED = ['mandates', 'mandate_objectives', 'planned_activities'];

/**
 * Work plans: coordinators' mandates with their objectives and indicators, planned activities,
 * and what a hand-over carried over from the previous mandate.
 */
const UP = [
  `CREATE TABLE "mandates" ("id" uuid NOT NULL, "name" text NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "organization_ids" uuid array NOT NULL, "visibility" "public"."visibility" NOT NULL DEFAULT 'SHARED', "previous_mandate_id" uuid, "grouping_ids" uuid array NOT NULL DEFAULT '{}', "carried_follow_up_ids" uuid array NOT NULL DEFAULT '{}', "carried_obstacle_ids" uuid array NOT NULL DEFAULT '{}', "carried_grouping_ids" uuid array NOT NULL DEFAULT '{}', "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_mandates_period" CHECK ("period_to" >= "period_from"), CONSTRAINT "PK_08c57882cd87cc778f329700004" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_mandates_previous" ON "mandates"("previous_mandate_id") WHERE previous_mandate_id IS NOT NULL`,
  `CREATE TABLE "mandate_objectives" ("id" uuid NOT NULL, "mandate_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "indicators" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d16e9c55eca3c1ae53ae4a4ca53" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_mandate_objectives_mandate" ON "mandate_objectives"("mandate_id", "created_at")`,
  `CREATE TYPE "public"."planned_activity_kind" AS ENUM('LETTER_CAMPAIGN', 'BILATERAL_MEETING', 'DEMARCHE', 'WORKSHOP', 'EVENT', 'REVIEW', 'REPORT', 'OTHER')`,
  `CREATE TYPE "public"."planned_activity_status" AS ENUM('PLANNED', 'DONE', 'CANCELLED')`,
  `CREATE TABLE "planned_activities" ("id" uuid NOT NULL, "mandate_id" uuid NOT NULL, "title" text NOT NULL, "kind" "public"."planned_activity_kind" NOT NULL, "planned_on" date NOT NULL, "planned_until" date, "regional_group" "public"."regional_group", "state_iso3s" character(3) array NOT NULL DEFAULT '{}', "status" "public"."planned_activity_status" NOT NULL DEFAULT 'PLANNED', "notes" text, "interaction_ids" uuid array NOT NULL DEFAULT '{}', "carried_from_id" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_planned_activities_dates" CHECK ("planned_until" IS NULL OR "planned_until" >= "planned_on"), CONSTRAINT "PK_da13848db5cac92d85be734a233" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_planned_activities_mandate" ON "planned_activities"("mandate_id", "planned_on")`,
  `ALTER TABLE "mandates" ADD CONSTRAINT "fk_mandates_previous" FOREIGN KEY ("previous_mandate_id") REFERENCES "mandates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "mandates" ADD CONSTRAINT "fk_mandates_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `ALTER TABLE "mandate_objectives" ADD CONSTRAINT "fk_mandate_objectives_mandate" FOREIGN KEY ("mandate_id") REFERENCES "mandates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_activities" ADD CONSTRAINT "fk_planned_activities_mandate" FOREIGN KEY ("mandate_id") REFERENCES "mandates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_activities" ADD CONSTRAINT "fk_planned_activities_carried_from" FOREIGN KEY ("carried_from_id") REFERENCES "planned_activities"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  ...AUDITED.map(
    (table) =>
      `CREATE TRIGGER audit_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ratify_audit('id')`,
  ),
];

const DOWN = [
  ...AUDITED.map((table) => `DROP TRIGGER audit_${table} ON ${table}`),
  `ALTER TABLE "planned_activities" DROP CONSTRAINT "fk_planned_activities_carried_from"`,
  `ALTER TABLE "planned_activities" DROP CONSTRAINT "fk_planned_activities_mandate"`,
  `ALTER TABLE "mandate_objectives" DROP CONSTRAINT "fk_mandate_objectives_mandate"`,
  `ALTER TABLE "mandates" DROP CONSTRAINT "fk_mandates_created_by"`,
  `ALTER TABLE "mandates" DROP CONSTRAINT "fk_mandates_previous"`,
  `DROP INDEX "public"."ix_planned_activities_mandate"`,
  `DROP TABLE "planned_activities"`,
  `DROP TYPE "public"."planned_activity_status"`,
  `DROP TYPE "public"."planned_activity_kind"`,
  `DROP INDEX "public"."ix_mandate_objectives_mandate"`,
  `DROP TABLE "mandate_objectives"`,
  `DROP INDEX "public"."uq_mandates_previous"`,
  `DROP TABLE "mandates"`,
];

export class WorkPlans1795840000000 implements MigrationInterface {
  name = 'WorkPlans1795840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
