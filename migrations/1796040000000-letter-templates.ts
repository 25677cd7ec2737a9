import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters from templates: each State's usual UN language (from states.csv, filled by the
 * public-data import), and a campaign's Word templates, one per language, stored with it.
 */
export class LetterTemplates1796040000000 implements MigrationInterface {
  name = 'LetterTemplates1796040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "states" ADD "un_language" text`);
    await queryRunner.query(`CREATE TABLE "letter_templates" (
      "campaign_id" uuid NOT NULL,
      "language" text NOT NULL,
      "file_name" text NOT NULL,
      "content" bytea NOT NULL,
      "placeholders" text array NOT NULL,
      "uploaded_by" uuid NOT NULL,
      "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ck_letter_templates_language" CHECK (language IN ('en', 'fr', 'es')),
      CONSTRAINT "ck_letter_templates_size" CHECK (octet_length(content) <= 4194304),
      CONSTRAINT "PK_letter_templates" PRIMARY KEY ("campaign_id", "language"))`);
    await queryRunner.query(
      `ALTER TABLE "letter_templates" ADD CONSTRAINT "fk_letter_templates_campaign" FOREIGN KEY ("campaign_id") REFERENCES "letter_campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "letter_templates" ADD CONSTRAINT "fk_letter_templates_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "letter_templates"`);
    await queryRunner.query(`ALTER TABLE "states" DROP COLUMN "un_language"`);
  }
}
