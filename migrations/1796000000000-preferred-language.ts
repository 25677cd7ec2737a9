import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each user's interface language (en, fr or es), chosen in the web application; null until chosen. */
export class PreferredLanguage1796000000000 implements MigrationInterface {
  name = 'PreferredLanguage1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "preferred_language" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "preferred_language"`);
  }
}
