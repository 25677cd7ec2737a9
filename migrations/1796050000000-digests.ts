import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily digest by e-mail: who asked for it (with their time zone, hour and reply delay) and the
 * day it was last sent (each instance claims a user's digest of the day by updating that row, so
 * it goes out once across instances and after restarts), and the States each user follows.
 */
const UP = [
  `CREATE TABLE "digest_subscriptions" (
     "user_id" uuid NOT NULL,
     "time_zone" text NOT NULL,
     "send_hour" smallint NOT NULL DEFAULT 7,
     "no_reply_after_days" smallint NOT NULL DEFAULT 30,
     "last_sent_on" date,
     "last_sent_at" TIMESTAMP WITH TIME ZONE,
     "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
     "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
     CONSTRAINT "CHK_digest_send_hour" CHECK ("send_hour" BETWEEN 0 AND 23),
     CONSTRAINT "CHK_digest_no_reply_after_days" CHECK ("no_reply_after_days" BETWEEN 1 AND 365),
     CONSTRAINT "PK_digest_subscriptions" PRIMARY KEY ("user_id"))`,
  `ALTER TABLE "digest_subscriptions" ADD CONSTRAINT "fk_digest_subscriptions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `CREATE TABLE "followed_states" (
     "user_id" uuid NOT NULL,
     "state_iso3" character(3) NOT NULL,
     "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
     CONSTRAINT "PK_followed_states" PRIMARY KEY ("user_id", "state_iso3"))`,
  `ALTER TABLE "followed_states" ADD CONSTRAINT "fk_followed_states_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "followed_states" ADD CONSTRAINT "fk_followed_states_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
];

const DOWN = [`DROP TABLE "followed_states"`, `DROP TABLE "digest_subscriptions"`];

export class Digests1796050000000 implements MigrationInterface {
  name = 'Digests1796050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
