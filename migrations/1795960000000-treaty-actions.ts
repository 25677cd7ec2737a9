import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Treaty actions recorded by an admin (signature, deposit of an instrument, withdrawal), each with
 * its source. The States keep the dates of the treaty record file (`file_*`, the baseline) beside
 * the dates in force, which are the file's overlaid with the recorded actions.
 */
const UP = [
  `CREATE TYPE "public"."treaty_action_kind" AS ENUM('SIGNATURE', 'RATIFICATION', 'ACCESSION', 'ACCEPTANCE', 'APPROVAL', 'WITHDRAWAL')`,
  `CREATE TABLE "treaty_actions" (
     "id" uuid NOT NULL,
     "state_iso3" character(3) NOT NULL,
     "action" "public"."treaty_action_kind" NOT NULL,
     "date" date NOT NULL,
     "source_url" text NOT NULL,
     "note" text,
     "in_file" boolean NOT NULL DEFAULT false,
     "recorded_by" uuid,
     "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
     "version" integer NOT NULL DEFAULT 1,
     CONSTRAINT "PK_treaty_actions" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_treaty_actions_state" ON "treaty_actions" ("state_iso3", "date")`,
  `ALTER TABLE "treaty_actions" ADD CONSTRAINT "fk_treaty_actions_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "treaty_actions" ADD CONSTRAINT "fk_treaty_actions_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `CREATE TRIGGER audit_treaty_actions AFTER INSERT OR UPDATE OR DELETE ON treaty_actions FOR EACH ROW EXECUTE FUNCTION ratify_audit('id')`,
  `ALTER TABLE "states" ADD "file_signature_date" date`,
  `ALTER TABLE "states" ADD "file_consent_date" date`,
  `ALTER TABLE "states" ADD "file_consent_type" "public"."consent_type"`,
  `ALTER TABLE "states" ADD "file_withdrawal_date" date`,
  // Until now every date came from the file.
  `UPDATE "states" SET "file_signature_date" = "signature_date", "file_consent_date" = "consent_date",
     "file_consent_type" = "consent_type", "file_withdrawal_date" = "withdrawal_date"`,
];

const DOWN = [
  `ALTER TABLE "states" DROP COLUMN "file_withdrawal_date"`,
  `ALTER TABLE "states" DROP COLUMN "file_consent_type"`,
  `ALTER TABLE "states" DROP COLUMN "file_consent_date"`,
  `ALTER TABLE "states" DROP COLUMN "file_signature_date"`,
  `DROP TRIGGER audit_treaty_actions ON treaty_actions`,
  `DROP TABLE "treaty_actions"`,
  `DROP TYPE "public"."treaty_action_kind"`,
];

export class TreatyActions1795960000000 implements MigrationInterface {
  name = 'TreatyActions1795960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
