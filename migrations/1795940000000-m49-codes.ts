import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The UN M49 numeric code of each State (to join map shapes) and its M49 intermediate region
 * (Caribbean, Eastern Africa, ...). Both are filled by the public-data import from states.csv.
 */
export class M49Codes1795940000000 implements MigrationInterface {
  name = 'M49Codes1795940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "states" ADD "m49_code" character(3)`);
    await queryRunner.query(`ALTER TABLE "states" ADD "intermediate_region" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "states" DROP COLUMN "intermediate_region"`);
    await queryRunner.query(`ALTER TABLE "states" DROP COLUMN "m49_code"`);
  }
}
