import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each user's secret iCalendar feed address: only a SHA-256 hash of its secret is kept; deleting the row revokes it. */
export class CalendarFeeds1796045000000 implements MigrationInterface {
  name = 'CalendarFeeds1796045000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_feeds" (
      "user_id" uuid NOT NULL,
      "secret_hash" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_calendar_feeds" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_calendar_feeds_secret" ON "calendar_feeds" ("secret_hash")`);
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_calendar_feeds AFTER INSERT OR UPDATE OR DELETE ON calendar_feeds FOR EACH ROW EXECUTE FUNCTION ratify_audit('user_id')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
  }
}
