import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: States with their treaty actions, UN General Assembly resolutions and
 * votes, organizations, users, contacts, interactions and ratification-stage history.
 *
 * Treaty status is derived, never stored: `ccm_treaty_status()` computes it for a date from
 * the signature, consent and withdrawal dates, following Article 17 of the Convention
 * (see src/states/treaty-status.ts, which implements the same rules and is tested against it).
 */
const UP = [
  `CREATE TYPE "public"."organization_kind" AS ENUM('GOVERNMENT', 'CIVIL_SOCIETY', 'INTERNATIONAL_ORGANIZATION', 'SECRETARIAT')`,
  `CREATE TABLE "organizations" ("id" uuid NOT NULL, "name" text NOT NULL, "kind" "public"."organization_kind" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_organizations_name" ON "organizations"("name")`,
  `CREATE TYPE "public"."regional_group" AS ENUM('AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_AND_CARIBBEAN', 'WESTERN_EUROPEAN_AND_OTHERS')`,
  `CREATE TYPE "public"."consent_type" AS ENUM('RATIFICATION', 'ACCESSION', 'ACCEPTANCE', 'APPROVAL')`,
  `CREATE TYPE "public"."ratification_stage" AS ENUM('NOT_ENGAGED', 'ENGAGED', 'SUPPORTIVE', 'DOMESTIC_PROCESS', 'APPROVED', 'DEPOSITED', 'JOINED', 'DECLINED')`,
  `CREATE TABLE "states" ("iso3" character(3) NOT NULL, "iso2" character(2), "name" text NOT NULL, "un_member" boolean NOT NULL, "regional_group" "public"."regional_group", "m49_region" text, "subregion" text, "signature_date" date, "consent_date" date, "consent_type" "public"."consent_type", "withdrawal_date" date, "status_as_of" date, "ratification_stage" "public"."ratification_stage" NOT NULL DEFAULT 'NOT_ENGAGED', "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_386b95acc260073495ee88a089d" PRIMARY KEY ("iso3"))`,
  `CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'COORDINATOR', 'PARTNER')`,
  `CREATE TABLE "users" ("id" uuid NOT NULL, "email" text NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "role" "public"."user_role" NOT NULL, "organization_id" uuid NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_users_email" ON "users"("email")`,
  `CREATE INDEX "ix_users_organization" ON "users"("organization_id")`,
  `CREATE TYPE "public"."posting" AS ENUM('CAPITAL', 'GENEVA_MISSION', 'NEW_YORK_MISSION', 'OTHER_MISSION', 'OTHER')`,
  `CREATE TABLE "contacts" ("id" uuid NOT NULL, "full_name" text NOT NULL, "title" text, "position" text, "posting" "public"."posting", "state_iso3" character(3), "organization_id" uuid, "email" text, "phone" text, "languages" text array NOT NULL DEFAULT '{}', "notes" text, "version" integer NOT NULL DEFAULT '1', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_contacts_name" ON "contacts"("full_name", "id")`,
  `CREATE INDEX "ix_contacts_organization" ON "contacts"("organization_id")`,
  `CREATE INDEX "ix_contacts_state" ON "contacts"("state_iso3")`,
  `CREATE TABLE "data_imports" ("id" uuid NOT NULL, "checksum" text NOT NULL, "summary" jsonb NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_170aea53191b5c89deebf7dec39" PRIMARY KEY ("id"))`,
  `CREATE TYPE "public"."interaction_type" AS ENUM('LETTER', 'BILATERAL_MEETING', 'PHONE_CALL', 'EMAIL', 'DEMARCHE', 'WORKSHOP', 'EVENT_MEETING', 'OTHER')`,
  `CREATE TYPE "public"."visibility" AS ENUM('ORGANIZATION', 'COORDINATORS', 'SHARED')`,
  `CREATE TABLE "interactions" ("id" uuid NOT NULL, "type" "public"."interaction_type" NOT NULL, "occurred_on" date NOT NULL, "subject" text NOT NULL, "summary" text, "outcome" text, "follow_up_on" date, "visibility" "public"."visibility" NOT NULL, "organization_id" uuid NOT NULL, "author_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_911b7416a6671b4148b18c18ecb" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_interactions_follow_up" ON "interactions"("follow_up_on") WHERE follow_up_on IS NOT NULL`,
  `CREATE INDEX "ix_interactions_author" ON "interactions"("author_id")`,
  `CREATE INDEX "ix_interactions_organization" ON "interactions"("organization_id")`,
  `CREATE INDEX "ix_interactions_recent" ON "interactions"("occurred_on", "created_at", "id")`,
  `CREATE TABLE "interaction_states" ("interaction_id" uuid NOT NULL, "state_iso3" character(3) NOT NULL, CONSTRAINT "PK_7914a0a6ee9d63ca17c989099e0" PRIMARY KEY ("interaction_id", "state_iso3"))`,
  `CREATE INDEX "ix_interaction_states_state" ON "interaction_states"("state_iso3", "interaction_id")`,
  `CREATE TABLE "interaction_contacts" ("interaction_id" uuid NOT NULL, "contact_id" uuid NOT NULL, CONSTRAINT "PK_20f3c587213fa79eab1f27e001a" PRIMARY KEY ("interaction_id", "contact_id"))`,
  `CREATE INDEX "ix_interaction_contacts_contact" ON "interaction_contacts"("contact_id", "interaction_id")`,
  `CREATE TABLE "stage_changes" ("id" uuid NOT NULL, "state_iso3" character(3) NOT NULL, "from_stage" "public"."ratification_stage", "to_stage" "public"."ratification_stage" NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by" uuid, "note" text, CONSTRAINT "PK_52f8926aef64cff4aebe3c96955" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_stage_changes_state" ON "stage_changes"("state_iso3", "changed_at")`,
  `CREATE TABLE "resolutions" ("symbol" text NOT NULL, "session" integer NOT NULL, "adopted_on" date NOT NULL, "title" text NOT NULL, "yes" integer NOT NULL, "no" integer NOT NULL, "abstain" integer NOT NULL, "non_voting" integer NOT NULL, "source" text, CONSTRAINT "PK_4be9c0e75c92adaa67a080ec063" PRIMARY KEY ("symbol"))`,
  `CREATE TYPE "public"."vote_choice" AS ENUM('YES', 'NO', 'ABSTAIN', 'NON_VOTING')`,
  `CREATE TABLE "votes" ("resolution_symbol" text NOT NULL, "state_iso3" character(3) NOT NULL, "choice" "public"."vote_choice" NOT NULL, CONSTRAINT "PK_c8d18f859e3fcb0247190be5e12" PRIMARY KEY ("resolution_symbol", "state_iso3"))`,
  `CREATE INDEX "ix_votes_state" ON "votes"("state_iso3")`,
  `ALTER TABLE "users" ADD CONSTRAINT "fk_users_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "contacts" ADD CONSTRAINT "fk_contacts_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "contacts" ADD CONSTRAINT "fk_contacts_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "contacts" ADD CONSTRAINT "fk_contacts_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `ALTER TABLE "interactions" ADD CONSTRAINT "fk_interactions_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "interactions" ADD CONSTRAINT "fk_interactions_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "interaction_states" ADD CONSTRAINT "fk_interaction_states_interaction" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "interaction_states" ADD CONSTRAINT "fk_interaction_states_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "interaction_contacts" ADD CONSTRAINT "fk_interaction_contacts_interaction" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "interaction_contacts" ADD CONSTRAINT "fk_interaction_contacts_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "stage_changes" ADD CONSTRAINT "fk_stage_changes_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "stage_changes" ADD CONSTRAINT "fk_stage_changes_changed_by" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `ALTER TABLE "votes" ADD CONSTRAINT "fk_votes_resolution" FOREIGN KEY ("resolution_symbol") REFERENCES "resolutions"("symbol") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "votes" ADD CONSTRAINT "fk_votes_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
  // Article 17(1): the Convention entered into force on 1 August 2010, the first day of the sixth
  // month after the month of the thirtieth deposit (16 February 2010). Article 17(2): for a later
  // deposit, on the first day of the sixth month after the month of deposit.
  `CREATE FUNCTION ccm_entry_into_force(consent date) RETURNS date
     LANGUAGE sql IMMUTABLE PARALLEL SAFE
     RETURN CASE
       WHEN consent IS NULL THEN NULL
       WHEN consent <= DATE '2010-02-16' THEN DATE '2010-08-01'
       ELSE (date_trunc('month', consent) + interval '6 months')::date
     END`,
  `CREATE FUNCTION ccm_treaty_status(signature date, consent date, withdrawal date, as_of date) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE
     RETURN CASE
       WHEN withdrawal IS NOT NULL AND withdrawal <= as_of THEN 'WITHDRAWN'
       WHEN consent IS NOT NULL AND consent <= as_of THEN
         CASE WHEN ccm_entry_into_force(consent) <= as_of THEN 'STATE_PARTY' ELSE 'DEPOSITED' END
       WHEN signature IS NOT NULL AND signature <= as_of THEN 'SIGNATORY'
       ELSE 'NOT_SIGNED'
     END`,
];

const DOWN = [
  `DROP FUNCTION ccm_treaty_status(date, date, date, date)`,
  `DROP FUNCTION ccm_entry_into_force(date)`,
  `ALTER TABLE "votes" DROP CONSTRAINT "fk_votes_state"`,
  `ALTER TABLE "votes" DROP CONSTRAINT "fk_votes_resolution"`,
  `ALTER TABLE "stage_changes" DROP CONSTRAINT "fk_stage_changes_changed_by"`,
  `ALTER TABLE "stage_changes" DROP CONSTRAINT "fk_stage_changes_state"`,
  `ALTER TABLE "interaction_contacts" DROP CONSTRAINT "fk_interaction_contacts_contact"`,
  `ALTER TABLE "interaction_contacts" DROP CONSTRAINT "fk_interaction_contacts_interaction"`,
  `ALTER TABLE "interaction_states" DROP CONSTRAINT "fk_interaction_states_state"`,
  `ALTER TABLE "interaction_states" DROP CONSTRAINT "fk_interaction_states_interaction"`,
  `ALTER TABLE "interactions" DROP CONSTRAINT "fk_interactions_author"`,
  `ALTER TABLE "interactions" DROP CONSTRAINT "fk_interactions_organization"`,
  `ALTER TABLE "contacts" DROP CONSTRAINT "fk_contacts_created_by"`,
  `ALTER TABLE "contacts" DROP CONSTRAINT "fk_contacts_organization"`,
  `ALTER TABLE "contacts" DROP CONSTRAINT "fk_contacts_state"`,
  `ALTER TABLE "users" DROP CONSTRAINT "fk_users_organization"`,
  `DROP INDEX "public"."ix_votes_state"`,
  `DROP TABLE "votes"`,
  `DROP TYPE "public"."vote_choice"`,
  `DROP TABLE "resolutions"`,
  `DROP INDEX "public"."ix_stage_changes_state"`,
  `DROP TABLE "stage_changes"`,
  `DROP INDEX "public"."ix_interaction_contacts_contact"`,
  `DROP TABLE "interaction_contacts"`,
  `DROP INDEX "public"."ix_interaction_states_state"`,
  `DROP TABLE "interaction_states"`,
  `DROP INDEX "public"."ix_interactions_recent"`,
  `DROP INDEX "public"."ix_interactions_organization"`,
  `DROP INDEX "public"."ix_interactions_author"`,
  `DROP INDEX "public"."ix_interactions_follow_up"`,
  `DROP TABLE "interactions"`,
  `DROP TYPE "public"."visibility"`,
  `DROP TYPE "public"."interaction_type"`,
  `DROP TABLE "data_imports"`,
  `DROP INDEX "public"."ix_contacts_state"`,
  `DROP INDEX "public"."ix_contacts_organization"`,
  `DROP INDEX "public"."ix_contacts_name"`,
  `DROP TABLE "contacts"`,
  `DROP TYPE "public"."posting"`,
  `DROP INDEX "public"."ix_users_organization"`,
  `DROP INDEX "public"."uq_users_email"`,
  `DROP TABLE "users"`,
  `DROP TYPE "public"."user_role"`,
  `DROP TABLE "states"`,
  `DROP TYPE "public"."ratification_stage"`,
  `DROP TYPE "public"."consent_type"`,
  `DROP TYPE "public"."regional_group"`,
  `DROP INDEX "public"."uq_organizations_name"`,
  `DROP TABLE "organizations"`,
  `DROP TYPE "public"."organization_kind"`,
];

export class InitialSchema1795800199908 implements MigrationInterface {
  name = 'InitialSchema1795800199908';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
