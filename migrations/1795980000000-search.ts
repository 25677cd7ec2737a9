import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search as users type. `ratify_search_key` folds accents, case and punctuation into words
 * separated by one space ("Côte d’Ivoire" → "cote d ivoire"); it is immutable so that trigram
 * indexes can be built on it (unaccent() alone is only stable: the dictionary is named with its
 * schema so that the result cannot vary). The trigram indexes serve `key LIKE '%word%'`, one
 * condition per word of a search. `state_names` holds the other names of States (former, short,
 * formal names, spellings: data/state-names.csv), which the public-data import keeps up to date.
 */
const UP = [
  `CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`,
  `CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`,
  `CREATE FUNCTION ratify_search_key(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
   SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^[:alnum:]]+', ' ', 'g'))
   $$`,
  `CREATE TABLE "state_names" ("state_iso3" character(3) NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, CONSTRAINT "pk_state_names" PRIMARY KEY ("state_iso3", "name"))`,
  `ALTER TABLE "state_names" ADD CONSTRAINT "fk_state_names_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `CREATE INDEX "ix_states_search" ON "states" USING gin (ratify_search_key("name") public.gin_trgm_ops)`,
  `CREATE INDEX "ix_state_names_search" ON "state_names" USING gin (ratify_search_key("name") public.gin_trgm_ops)`,
  `CREATE INDEX "ix_contacts_search" ON "contacts" USING gin (ratify_search_key("full_name") public.gin_trgm_ops)`,
  `CREATE INDEX "ix_contacts_email_search" ON "contacts" USING gin (ratify_search_key("email") public.gin_trgm_ops)`,
  `CREATE INDEX "ix_interactions_search" ON "interactions" USING gin (ratify_search_key(coalesce("subject", '') || ' ' || coalesce("summary", '') || ' ' || coalesce("outcome", '')) public.gin_trgm_ops)`,
  `CREATE INDEX "ix_organizations_search" ON "organizations" USING gin (ratify_search_key("name") public.gin_trgm_ops)`,
];

const DOWN = [
  `DROP INDEX "public"."ix_organizations_search"`,
  `DROP INDEX "public"."ix_interactions_search"`,
  `DROP INDEX "public"."ix_contacts_email_search"`,
  `DROP INDEX "public"."ix_contacts_search"`,
  `DROP INDEX "public"."ix_state_names_search"`,
  `DROP INDEX "public"."ix_states_search"`,
  `ALTER TABLE "state_names" DROP CONSTRAINT "fk_state_names_state"`,
  `DROP TABLE "state_names"`,
  `DROP FUNCTION ratify_search_key(text)`,
  // unaccent stays: an earlier migration created it and ratify_name_key needs it.
  `DROP EXTENSION IF EXISTS pg_trgm`,
];

export class Search1795980000000 implements MigrationInterface {
  name = 'Search1795980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
