import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record as it happened: a stage change has the date it took effect (`effective_on`) as well as
 * the moment it was recorded (`changed_at`). Existing changes took effect on the (UTC) day they were
 * recorded.
 */
const UP = [
  `ALTER TABLE "stage_changes" ADD "effective_on" date`,
  `UPDATE "stage_changes" SET "effective_on" = ("changed_at" AT TIME ZONE 'UTC')::date`,
  `ALTER TABLE "stage_changes" ALTER COLUMN "effective_on" SET NOT NULL`,
  `CREATE INDEX "ix_stage_changes_effective" ON "stage_changes" ("state_iso3", "effective_on")`,
];

const DOWN = [`DROP INDEX "public"."ix_stage_changes_effective"`, `ALTER TABLE "stage_changes" DROP COLUMN "effective_on"`];

export class EffectiveDates1795990000000 implements MigrationInterface {
  name = 'EffectiveDates1795990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
