import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts over time: the history of each contact's postings, and the keys that find likely
 * duplicates. `ratify_name_key` folds accents, case and spaces ("José  Pérez" → "jose perez");
 * it is immutable so that an index can be built on it (unaccent() alone is only stable: it
 * reads its dictionary, which is named here with its schema so that the result cannot vary).
 * Every contact with a posting or a State gets one current posting, from the day it was created.
 */
const UP = [
  `CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`,
  `CREATE FUNCTION ratify_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
   SELECT lower(regexp_replace(btrim(public.unaccent('public.unaccent'::regdictionary, name)), '\\s+', ' ', 'g'))
   $$`,
  `CREATE INDEX "ix_contacts_name_key" ON "contacts" (ratify_name_key("full_name"), "id")`,
  `CREATE INDEX "ix_contacts_email_key" ON "contacts" (lower("email"), "id") WHERE "email" IS NOT NULL`,
  `CREATE TABLE "contact_postings" ("id" uuid NOT NULL, "contact_id" uuid NOT NULL, "posting" "public"."posting", "state_iso3" character(3), "organization_id" uuid, "position" text, "from_date" date NOT NULL, "to_date" date, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae70774d084bcc07c8199b6f275" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "ux_contact_postings_current" ON "contact_postings" ("contact_id") WHERE "to_date" IS NULL`,
  `CREATE INDEX "ix_contact_postings_state" ON "contact_postings" ("state_iso3", "posting", "from_date")`,
  `CREATE INDEX "ix_contact_postings_contact" ON "contact_postings" ("contact_id", "from_date")`,
  `ALTER TABLE "contact_postings" ADD CONSTRAINT "fk_contact_postings_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "contact_postings" ADD CONSTRAINT "fk_contact_postings_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "contact_postings" ADD CONSTRAINT "fk_contact_postings_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "contact_postings" ADD CONSTRAINT "fk_contact_postings_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `CREATE TRIGGER audit_contact_postings AFTER INSERT OR UPDATE OR DELETE ON contact_postings FOR EACH ROW EXECUTE FUNCTION ratify_audit('id')`,
  `INSERT INTO "contact_postings" ("id", "contact_id", "posting", "state_iso3", "position", "from_date", "created_by", "created_at", "updated_at")
   SELECT gen_random_uuid(), "id", "posting", "state_iso3", "position", ("created_at" AT TIME ZONE 'UTC')::date, "created_by", "created_at", "created_at"
   FROM "contacts" WHERE "posting" IS NOT NULL OR "state_iso3" IS NOT NULL`,
];

const DOWN = [
  `DROP TRIGGER audit_contact_postings ON contact_postings`,
  `ALTER TABLE "contact_postings" DROP CONSTRAINT "fk_contact_postings_created_by"`,
  `ALTER TABLE "contact_postings" DROP CONSTRAINT "fk_contact_postings_organization"`,
  `ALTER TABLE "contact_postings" DROP CONSTRAINT "fk_contact_postings_state"`,
  `ALTER TABLE "contact_postings" DROP CONSTRAINT "fk_contact_postings_contact"`,
  `DROP INDEX "public"."ix_contact_postings_contact"`,
  `DROP INDEX "public"."ix_contact_postings_state"`,
  `DROP INDEX "public"."ux_contact_postings_current"`,
  `DROP TABLE "contact_postings"`,
  `DROP INDEX "public"."ix_contacts_email_key"`,
  `DROP INDEX "public"."ix_contacts_name_key"`,
  `DROP FUNCTION ratify_name_key(text)`,
  `DROP EXTENSION IF EXISTS unaccent`,
];

export class ContactPostings1795850000000 implements MigrationInterface {
  name = 'ContactPostings1795850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
