import type { MigrationInterface, QueryRunner } from 'typeorm';

/** New tables of user data, audited like the others (the trigger function comes from the sharing migration). */
const AUDITED: [table: string, key: string][] = [
  ['letter_campaigns', 'id'],
  ['campaign_letters', 'campaign_id'],
  ['events', 'id'],
  ['event_attendances', 'event_id'],
  ['event_delegates', 'event_id'],
  ['event_interactions', 'interaction_id'],
  ['planned_meetings', 'id'],
  ['planned_meeting_contacts', 'meeting_id'],
];

/**
 * Letter campaigns (one LETTER interaction per State, with whom it was addressed to) and events
 * (the States attending, their delegations, the bilateral meetings planned there, and the
 * interactions that took place there).
 */
const UP = [
  `CREATE TABLE "letter_campaigns"("id" uuid NOT NULL, "name" text NOT NULL, "template_ref" text NOT NULL, "sending_date" date NOT NULL, "visibility" "public"."visibility" NOT NULL, "organization_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bae13ef3a78f8f28141a42ff9ff" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_letter_campaigns_organization" ON "letter_campaigns"("organization_id")`,
  `CREATE INDEX "ix_letter_campaigns_recent" ON "letter_campaigns"("sending_date", "id")`,
  `CREATE TABLE "campaign_letters"("campaign_id" uuid NOT NULL, "state_iso3" character(3) NOT NULL, "interaction_id" uuid NOT NULL, "addressed_posting" "public"."posting", "addressed_to" text NOT NULL, CONSTRAINT "PK_b89cf8075154bb82cc7da19b58e" PRIMARY KEY ("campaign_id", "state_iso3"))`,
  `CREATE INDEX "ix_campaign_letters_state" ON "campaign_letters"("state_iso3")`,
  `CREATE UNIQUE INDEX "ux_campaign_letters_interaction" ON "campaign_letters"("interaction_id")`,
  `CREATE TYPE "public"."event_kind" AS ENUM('MEETING_OF_STATES_PARTIES', 'FIRST_COMMITTEE', 'REGIONAL_CONFERENCE', 'WORKSHOP', 'OTHER')`,
  `CREATE TABLE "events"("id" uuid NOT NULL, "name" text NOT NULL, "kind" "public"."event_kind" NOT NULL, "place" text, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "visibility" "public"."visibility" NOT NULL, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_events_organization" ON "events"("organization_id")`,
  `CREATE INDEX "ix_events_dates" ON "events"("starts_on", "id")`,
  `CREATE TABLE "event_attendances"("event_id" uuid NOT NULL, "state_iso3" character(3) NOT NULL, CONSTRAINT "PK_cd11ab2669c410639c47987a018" PRIMARY KEY ("event_id", "state_iso3"))`,
  `CREATE INDEX "ix_event_attendances_state" ON "event_attendances"("state_iso3")`,
  `CREATE TABLE "event_delegates"("event_id" uuid NOT NULL, "contact_id" uuid NOT NULL, CONSTRAINT "PK_03986a12d423d8b8815076f04df" PRIMARY KEY ("event_id", "contact_id"))`,
  `CREATE INDEX "ix_event_delegates_contact" ON "event_delegates"("contact_id")`,
  `CREATE TABLE "event_interactions"("interaction_id" uuid NOT NULL, "event_id" uuid NOT NULL, CONSTRAINT "PK_0523eedc183db41a63d9ed4fce6" PRIMARY KEY ("interaction_id"))`,
  `CREATE INDEX "ix_event_interactions_event" ON "event_interactions"("event_id")`,
  `CREATE TABLE "planned_meetings"("id" uuid NOT NULL, "event_id" uuid NOT NULL, "state_iso3" character(3) NOT NULL, "planned_on" date, "objective" text, "interaction_id" uuid, "visibility" "public"."visibility" NOT NULL, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef7608c776038786056228af830" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_planned_meetings_event" ON "planned_meetings"("event_id", "state_iso3")`,
  `CREATE TABLE "planned_meeting_contacts"("meeting_id" uuid NOT NULL, "contact_id" uuid NOT NULL, CONSTRAINT "PK_f82e92f142f6fd76da7610914e4" PRIMARY KEY ("meeting_id", "contact_id"))`,
  `CREATE INDEX "ix_planned_meeting_contacts_contact" ON "planned_meeting_contacts"("contact_id")`,
  `ALTER TABLE "letter_campaigns" ADD CONSTRAINT "fk_letter_campaigns_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "letter_campaigns" ADD CONSTRAINT "fk_letter_campaigns_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "campaign_letters" ADD CONSTRAINT "fk_campaign_letters_campaign" FOREIGN KEY ("campaign_id") REFERENCES "letter_campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "campaign_letters" ADD CONSTRAINT "fk_campaign_letters_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "campaign_letters" ADD CONSTRAINT "fk_campaign_letters_interaction" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "events" ADD CONSTRAINT "fk_events_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "events" ADD CONSTRAINT "fk_events_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "event_attendances" ADD CONSTRAINT "fk_event_attendances_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "event_attendances" ADD CONSTRAINT "fk_event_attendances_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "event_delegates" ADD CONSTRAINT "fk_event_delegates_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "event_delegates" ADD CONSTRAINT "fk_event_delegates_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "event_interactions" ADD CONSTRAINT "fk_event_interactions_interaction" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "event_interactions" ADD CONSTRAINT "fk_event_interactions_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_meetings" ADD CONSTRAINT "fk_planned_meetings_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_meetings" ADD CONSTRAINT "fk_planned_meetings_state" FOREIGN KEY ("state_iso3") REFERENCES "states"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_meetings" ADD CONSTRAINT "fk_planned_meetings_interaction" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_meetings" ADD CONSTRAINT "fk_planned_meetings_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_meetings" ADD CONSTRAINT "fk_planned_meetings_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_meeting_contacts" ADD CONSTRAINT "fk_planned_meeting_contacts_meeting" FOREIGN KEY ("meeting_id") REFERENCES "planned_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "planned_meeting_contacts" ADD CONSTRAINT "fk_planned_meeting_contacts_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  ...AUDITED.map(
    ([table, key]) =>
      `CREATE TRIGGER audit_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ratify_audit('${key}')`,
  ),
];

const DOWN = [
  ...AUDITED.map(([table]) => `DROP TRIGGER audit_${table} ON ${table}`),
  `ALTER TABLE "planned_meeting_contacts" DROP CONSTRAINT "fk_planned_meeting_contacts_contact"`,
  `ALTER TABLE "planned_meeting_contacts" DROP CONSTRAINT "fk_planned_meeting_contacts_meeting"`,
  `ALTER TABLE "planned_meetings" DROP CONSTRAINT "fk_planned_meetings_created_by"`,
  `ALTER TABLE "planned_meetings" DROP CONSTRAINT "fk_planned_meetings_organization"`,
  `ALTER TABLE "planned_meetings" DROP CONSTRAINT "fk_planned_meetings_interaction"`,
  `ALTER TABLE "planned_meetings" DROP CONSTRAINT "fk_planned_meetings_state"`,
  `ALTER TABLE "planned_meetings" DROP CONSTRAINT "fk_planned_meetings_event"`,
  `ALTER TABLE "event_interactions" DROP CONSTRAINT "fk_event_interactions_event"`,
  `ALTER TABLE "event_interactions" DROP CONSTRAINT "fk_event_interactions_interaction"`,
  `ALTER TABLE "event_delegates" DROP CONSTRAINT "fk_event_delegates_contact"`,
  `ALTER TABLE "event_delegates" DROP CONSTRAINT "fk_event_delegates_event"`,
  `ALTER TABLE "event_attendances" DROP CONSTRAINT "fk_event_attendances_state"`,
  `ALTER TABLE "event_attendances" DROP CONSTRAINT "fk_event_attendances_event"`,
  `ALTER TABLE "events" DROP CONSTRAINT "fk_events_created_by"`,
  `ALTER TABLE "events" DROP CONSTRAINT "fk_events_organization"`,
  `ALTER TABLE "campaign_letters" DROP CONSTRAINT "fk_campaign_letters_interaction"`,
  `ALTER TABLE "campaign_letters" DROP CONSTRAINT "fk_campaign_letters_state"`,
  `ALTER TABLE "campaign_letters" DROP CONSTRAINT "fk_campaign_letters_campaign"`,
  `ALTER TABLE "letter_campaigns" DROP CONSTRAINT "fk_letter_campaigns_owner"`,
  `ALTER TABLE "letter_campaigns" DROP CONSTRAINT "fk_letter_campaigns_organization"`,
  `DROP INDEX "public"."ix_planned_meeting_contacts_contact"`,
  `DROP TABLE "planned_meeting_contacts"`,
  `DROP INDEX "public"."ix_planned_meetings_event"`,
  `DROP TABLE "planned_meetings"`,
  `DROP INDEX "public"."ix_event_interactions_event"`,
  `DROP TABLE "event_interactions"`,
  `DROP INDEX "public"."ix_event_delegates_contact"`,
  `DROP TABLE "event_delegates"`,
  `DROP INDEX "public"."ix_event_attendances_state"`,
  `DROP TABLE "event_attendances"`,
  `DROP INDEX "public"."ix_events_dates"`,
  `DROP INDEX "public"."ix_events_organization"`,
  `DROP TABLE "events"`,
  `DROP TYPE "public"."event_kind"`,
  `DROP INDEX "public"."ux_campaign_letters_interaction"`,
  `DROP INDEX "public"."ix_campaign_letters_state"`,
  `DROP TABLE "campaign_letters"`,
  `DROP INDEX "public"."ix_letter_campaigns_recent"`,
  `DROP INDEX "public"."ix_letter_campaigns_organization"`,
  `DROP TABLE "letter_campaigns"`,
];

export class CampaignsAndEvents1795830000000 implements MigrationInterface {
  name = 'CampaignsAndEvents1795830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
