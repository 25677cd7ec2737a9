import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regional targeting: user-defined groupings of States, the obstacles States raise, and the
 * follow-up and reply tracking of interactions.
 */
const UP = [
  `CREATE TABLE "groupings" ("id" uuid NOT NULL, "name" text NOT NULL, "description" text, "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e70fdf42fb0b59eef7d5aa037b" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_groupings_name" ON "groupings"("name")`,
  `CREATE TABLE "grouping_states" ("grouping_id" uuid NOT NULL, "state_iso3" character(3) NOT NULL, CONSTRAINT "PK_2fcec13102516a33b09395cb012" PRIMARY KEY ("grouping_id", "state_iso3"))`,
  `CREATE INDEX "ix_grouping_states_state" ON "grouping_states"("state_iso3", "grouping_id")`,
  `CREATE TYPE "public"."obstacle_category" AS ENUM('SUBSTANTIVE', 'PROCEDURAL', 'TECHNICAL')`,
  `CREATE TYPE "public"."obstacle_status" AS ENUM('OPEN', 'ADDRESSED')`,
  `CREATE TABLE "obstacles" ("id" uuid NOT NULL, "state_iso3" character(3) NOT NULL, "category" "public"."obstacle_category" NOT NULL, "description" text NOT NULL, "measures" text, "status" "public"."obstacle_status" NOT NULL DEFAULT 'OPEN', "recorded_on" date NOT NULL, "resolved_on" date, "recorded_by" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1acf5a7ec4294a96d95251dc5c9" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_obstacles_state" ON "obstacles"("state_iso3", "status")`,
  `ALTER TABLE "interactions" ADD "follow_up_done_at" TIMESTAMP WITH TIME ZONE`,
  `ALTER TABLE "interactions" ADD "reply_received_on" date`,
  `CREATE INDEX "ix_interactions_follow_up_pending" ON "interactions"("follow_up_on", "id") WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL`,
  `ALTER TABLE "groupings" ADD CONSTRAINT "fk_groupings_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `ALTER TABLE "grouping_states" ADD CONSTRAINT "fk_grouping_states_grouping" FOREIGN KEY ("grouping_id") REFERENCES "groupings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "grouping_states" ADD CONSTRAINT "fk_grouping_states_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "obstacles" ADD CONSTRAINT "fk_obstacles_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "obstacles" ADD CONSTRAINT "fk_obstacles_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
];

const DOWN = [
  `ALTER TABLE "obstacles" DROP CONSTRAINT "fk_obstacles_recorded_by"`,
  `ALTER TABLE "obstacles" DROP CONSTRAINT "fk_obstacles_state"`,
  `ALTER TABLE "grouping_states" DROP CONSTRAINT "fk_grouping_states_state"`,
  `ALTER TABLE "grouping_states" DROP CONSTRAINT "fk_grouping_states_grouping"`,
  `ALTER TABLE "groupings" DROP CONSTRAINT "fk_groupings_created_by"`,
  `DROP INDEX "public"."ix_interactions_follow_up_pending"`,
  `ALTER TABLE "interactions" DROP COLUMN "reply_received_on"`,
  `ALTER TABLE "interactions" DROP COLUMN "follow_up_done_at"`,
  `DROP INDEX "public"."ix_obstacles_state"`,
  `DROP TABLE "obstacles"`,
  `DROP TYPE "public"."obstacle_status"`,
  `DROP TYPE "public"."obstacle_category"`,
  `DROP INDEX "public"."ix_grouping_states_state"`,
  `DROP TABLE "grouping_states"`,
  `DROP INDEX "public"."uq_groupings_name"`,
  `DROP TABLE "groupings"`,
];

export class Targeting1795801911291 implements MigrationInterface {
  name = 'Targeting1795801911291';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
