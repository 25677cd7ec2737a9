import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet import: each imported interaction keeps the key of its row (the sheet's `ref`, or a
 * hash of its date, type, States and subject), unique within its organization, so that importing
 * the same sheet again creates nothing.
 */
const UP = [
  `ALTER TABLE "interactions" ADD "import_key" text`,
  `CREATE UNIQUE INDEX "ux_interactions_import_key" ON "interactions"  ("organization_id", "import_key") WHERE import_key IS NOT NULL`,
];

const DOWN = [`DROP INDEX "public"."ux_interactions_import_key"`, `ALTER TABLE "interactions" DROP COLUMN "import_key"`];

export class SpreadsheetImport1795860000000 implements MigrationInterface {
  name = 'SpreadsheetImport1795860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
