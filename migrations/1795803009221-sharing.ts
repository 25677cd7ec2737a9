import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose every change is audited, with the column that identifies the changed entity. */
const AUDITED: [table: string, key: string][] = [
  ['organizations', 'id'],
  ['users', 'id'],
  ['states', 'iso3'],
  ['contacts', 'id'],
  ['interactions', 'id'],
  ['interaction_states', 'interaction_id'],
  ['interaction_contacts', 'interaction_id'],
  ['obstacles', 'id'],
  ['groupings', 'id'],
  ['grouping_states', 'grouping_id'],
];

/**
 * Sharing: the activity feed and the audit trail. The trail is written by a trigger on each
 * audited table, in the same transaction as the change; a write names its actor and action with
 * set_config('ratify.actor_id' / 'ratify.action', ..., true). Password hashes are never copied.
 */
const UP = [
  `CREATE TYPE "public"."activity_kind" AS ENUM('INTERACTION_LOGGED', 'INTERACTION_UPDATED', 'STAGE_CHANGED', 'OBSTACLE_RECORDED', 'CONTACT_ADDED')`,
  `CREATE TABLE "activity_events" ("id" uuid NOT NULL, "kind" "public"."activity_kind" NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "organization_id" uuid, "interaction_id" uuid, "state_iso3s" character(3) array NOT NULL DEFAULT '{}', "summary" text NOT NULL, CONSTRAINT "PK_f8e8d9dbf64f93f58ae52b4a9e4" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_activity_events_interaction" ON "activity_events"("interaction_id")`,
  `CREATE INDEX "ix_activity_events_recent" ON "activity_events"("occurred_at", "id")`,
  `CREATE TABLE "audit_entries" ("id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_id" uuid, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_audit_entries_actor" ON "audit_entries"("actor_id")`,
  `CREATE INDEX "ix_audit_entries_entity" ON "audit_entries"("entity", "entity_id")`,
  `CREATE INDEX "ix_audit_entries_recent" ON "audit_entries"("at", "id")`,
  `ALTER TABLE "activity_events" ADD CONSTRAINT "fk_activity_events_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `ALTER TABLE "activity_events" ADD CONSTRAINT "fk_activity_events_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  `ALTER TABLE "activity_events" ADD CONSTRAINT "fk_activity_events_interaction" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `CREATE FUNCTION ratify_audit() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     before_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) - 'password_hash' END;
     after_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) - 'password_hash' END;
   BEGIN
     IF TG_OP = 'UPDATE' AND before_row = after_row THEN RETURN NULL; END IF;
     INSERT INTO audit_entries (id, actor_id, action, entity, entity_id, before, after)
     VALUES (gen_random_uuid(),
             nullif(current_setting('ratify.actor_id', true), '')::uuid,
             coalesce(nullif(current_setting('ratify.action', true), ''), lower(TG_OP)),
             TG_TABLE_NAME,
             coalesce(after_row, before_row) ->> TG_ARGV[0],
             before_row,
             after_row);
     RETURN NULL;
   END $$`,
  ...AUDITED.map(
    ([table, key]) =>
      `CREATE TRIGGER audit_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ratify_audit('${key}')`,
  ),
];

const DOWN = [
  ...AUDITED.map(([table]) => `DROP TRIGGER audit_${table} ON ${table}`),
  `DROP FUNCTION ratify_audit()`,
  `ALTER TABLE "activity_events" DROP CONSTRAINT "fk_activity_events_interaction"`,
  `ALTER TABLE "activity_events" DROP CONSTRAINT "fk_activity_events_organization"`,
  `ALTER TABLE "activity_events" DROP CONSTRAINT "fk_activity_events_actor"`,
  `DROP INDEX "public"."ix_audit_entries_recent"`,
  `DROP INDEX "public"."ix_audit_entries_entity"`,
  `DROP INDEX "public"."ix_audit_entries_actor"`,
  `DROP TABLE "audit_entries"`,
  `DROP INDEX "public"."ix_activity_events_recent"`,
  `DROP INDEX "public"."ix_activity_events_interaction"`,
  `DROP TABLE "activity_events"`,
  `DROP TYPE "public"."activity_kind"`,
];

export class Sharing1795803009221 implements MigrationInterface {
  name = 'Sharing1795803009221';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
