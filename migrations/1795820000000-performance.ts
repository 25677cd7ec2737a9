import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns of an interaction that each of its State links carries a copy of. */
const COPIED = ['occurred_on', 'created_at', 'visibility', 'organization_id'];

/** The audit function as the sharing migration created it (restored on revert). */
const AUDIT_BEFORE = `CREATE OR REPLACE FUNCTION ratify_audit() RETURNS trigger LANGUAGE plpgsql AS $$
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
   END $$`;

/**
 * Performance at a million interactions. Each State link of an interaction (interaction_states)
 * carries a copy of the interaction's date, creation time, visibility and organization, kept by
 * triggers, so that "the newest interactions of a State this viewer may see" walks an index and
 * stops after a page. The audit trail leaves the copies out (the interaction's own entry has them).
 * state_interaction_counts keeps the number of links per State, visibility and organization, so
 * that a State's count of visible interactions reads a few rows.
 */
const UP = [
  `CREATE OR REPLACE FUNCTION ratify_audit() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     hidden text[] := CASE WHEN TG_TABLE_NAME = 'interaction_states'
                           THEN ARRAY['password_hash', ${COPIED.map((c) => `'${c}'`).join(', ')}] ELSE ARRAY['password_hash'] END;
     before_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) - hidden END;
     after_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) - hidden END;
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
  `ALTER TABLE "interaction_states" ADD "occurred_on" date`,
  `ALTER TABLE "interaction_states" ADD "created_at" TIMESTAMP WITH TIME ZONE`,
  `ALTER TABLE "interaction_states" ADD "visibility" "public"."visibility"`,
  `ALTER TABLE "interaction_states" ADD "organization_id" uuid`,
  `UPDATE "interaction_states" l SET ${COPIED.map((c) => `"${c}" = i."${c}"`).join(', ')} FROM "interactions" i WHERE i."id" = l."interaction_id"`,
  ...COPIED.map((c) => `ALTER TABLE "interaction_states" ALTER COLUMN "${c}" SET NOT NULL`),
  `CREATE FUNCTION ratify_copy_interaction() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     SELECT ${COPIED.map((c) => `i.${c}`).join(', ')} INTO ${COPIED.map((c) => `NEW.${c}`).join(', ')}
     FROM interactions i WHERE i.id = NEW.interaction_id;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER copy_interaction BEFORE INSERT OR UPDATE ON interaction_states FOR EACH ROW EXECUTE FUNCTION ratify_copy_interaction()`,
  `CREATE FUNCTION ratify_copy_to_links() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE interaction_states SET ${COPIED.map((c) => `${c} = NEW.${c}`).join(', ')} WHERE interaction_id = NEW.id;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER copy_to_links AFTER UPDATE ON interactions FOR EACH ROW
   WHEN ((${COPIED.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM (${COPIED.map((c) => `NEW.${c}`).join(', ')}))
   EXECUTE FUNCTION ratify_copy_to_links()`,
  `CREATE TABLE "state_interaction_counts" ("state_iso3" character(3) NOT NULL, "visibility" "public"."visibility" NOT NULL, "organization_id" uuid NOT NULL, "count" integer NOT NULL, CONSTRAINT "pk_state_interaction_counts" PRIMARY KEY ("state_iso3", "visibility", "organization_id"))`,
  `INSERT INTO "state_interaction_counts" SELECT "state_iso3", "visibility", "organization_id", count(*) FROM "interaction_states" GROUP BY 1, 2, 3`,
  // One statement per change of the links, in key order (so concurrent writers lock counters in the same order).
  `CREATE FUNCTION ratify_count_links() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       INSERT INTO state_interaction_counts AS c
       SELECT state_iso3, visibility, organization_id, count(*) FROM new_links GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
       ON CONFLICT (state_iso3, visibility, organization_id) DO UPDATE SET count = c.count + EXCLUDED.count;
     ELSIF TG_OP = 'DELETE' THEN
       UPDATE state_interaction_counts c SET count = c.count - d.n
       FROM (SELECT state_iso3, visibility, organization_id, count(*) AS n FROM old_links GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) d
       WHERE (c.state_iso3, c.visibility, c.organization_id) = (d.state_iso3, d.visibility, d.organization_id);
     ELSE
       INSERT INTO state_interaction_counts AS c
       SELECT state_iso3, visibility, organization_id, sum(delta) FROM (
         SELECT state_iso3, visibility, organization_id, 1 AS delta FROM new_links
         UNION ALL SELECT state_iso3, visibility, organization_id, -1 FROM old_links) d
       GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
       ON CONFLICT (state_iso3, visibility, organization_id) DO UPDATE SET count = c.count + EXCLUDED.count;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER count_links_insert AFTER INSERT ON interaction_states REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION ratify_count_links()`,
  `CREATE TRIGGER count_links_delete AFTER DELETE ON interaction_states REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION ratify_count_links()`,
  `CREATE TRIGGER count_links_update AFTER UPDATE ON interaction_states REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION ratify_count_links()`,
  `CREATE INDEX "ix_interaction_states_visible" ON "interaction_states"("state_iso3", "visibility", "occurred_on", "created_at", "interaction_id")`,
  `CREATE INDEX "ix_interaction_states_organization" ON "interaction_states"("state_iso3", "organization_id", "occurred_on", "created_at", "interaction_id") WHERE visibility = 'ORGANIZATION'`,
];

const DOWN = [
  `DROP TRIGGER count_links_update ON interaction_states`,
  `DROP TRIGGER count_links_delete ON interaction_states`,
  `DROP TRIGGER count_links_insert ON interaction_states`,
  `DROP FUNCTION ratify_count_links()`,
  `DROP TABLE "state_interaction_counts"`,
  `DROP INDEX "public"."ix_interaction_states_organization"`,
  `DROP INDEX "public"."ix_interaction_states_visible"`,
  `DROP TRIGGER copy_to_links ON interactions`,
  `DROP FUNCTION ratify_copy_to_links()`,
  `DROP TRIGGER copy_interaction ON interaction_states`,
  `DROP FUNCTION ratify_copy_interaction()`,
  ...COPIED.map((c) => `ALTER TABLE "interaction_states" DROP COLUMN "${c}"`),
  AUDIT_BEFORE,
];

export class Performance1795820000000 implements MigrationInterface {
  name = 'Performance1795820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
