import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys: a create mutation sent with a key records it, with its result, in the same
 * transaction as the write, so that a retry after a lost answer finds it and writes nothing.
 */
const UP = [
  `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" text NOT NULL, "operation" text NOT NULL, "fingerprint" text NOT NULL, "result" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("user_id", "key"))`,
  `CREATE INDEX "ix_idempotency_keys_created_at" ON "idempotency_keys" ("created_at")`,
];

const DOWN = [`DROP INDEX "public"."ix_idempotency_keys_created_at"`, `DROP TABLE "idempotency_keys"`];

export class IdempotencyKeys1795900000000 implements MigrationInterface {
  name = 'IdempotencyKeys1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
