import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revoking tokens. Each user has a token generation, carried by every token issued to them:
 * changing or resetting the password raises it, and every older token stops working. Signing out
 * revokes one token, by its id, until it would have expired anyway.
 */
const UP = [
  `ALTER TABLE "users" ADD "token_generation" integer NOT NULL DEFAULT 0`,
  `CREATE TABLE "revoked_tokens" ("token_id" uuid NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_revoked_tokens" PRIMARY KEY ("token_id"))`,
  `CREATE INDEX "ix_revoked_tokens_user" ON "revoked_tokens" ("user_id")`,
  `ALTER TABLE "revoked_tokens" ADD CONSTRAINT "fk_revoked_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
];

const DOWN = [
  `ALTER TABLE "revoked_tokens" DROP CONSTRAINT "fk_revoked_tokens_user"`,
  `DROP INDEX "public"."ix_revoked_tokens_user"`,
  `DROP TABLE "revoked_tokens"`,
  `ALTER TABLE "users" DROP COLUMN "token_generation"`,
];

export class TokenRevocation1795930000000 implements MigrationInterface {
  name = 'TokenRevocation1795930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
