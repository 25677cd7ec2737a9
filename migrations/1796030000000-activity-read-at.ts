import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each user last read the activity feed: newer entries are shown as unread. Kept apart from
 * `users` so that reading the feed is not an audited change of the account.
 */
const UP = [
  `CREATE TABLE "activity_reads" ("user_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_activity_reads" PRIMARY KEY ("user_id"))`,
  `ALTER TABLE "activity_reads" ADD CONSTRAINT "fk_activity_reads_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
];

const DOWN = [`ALTER TABLE "activity_reads" DROP CONSTRAINT "fk_activity_reads_user"`, `DROP TABLE "activity_reads"`];

export class ActivityReadAt1796030000000 implements MigrationInterface {
  name = 'ActivityReadAt1796030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
