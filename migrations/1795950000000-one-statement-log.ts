import type { MigrationInterface, QueryRunner } from 'typeorm';

const COPIED = ['occurred_on', 'created_at', 'visibility', 'organization_id'];

/**
 * A link to an interaction copies the interaction's columns, except when the interaction is written
 * by the same statement (logInteraction's one statement): the trigger cannot see it then, and the
 * statement gives the copies itself.
 */
const COPY_WHEN_FOUND = `CREATE OR REPLACE FUNCTION ratify_copy_interaction() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     found_row record;
   BEGIN
     SELECT ${COPIED.map((c) => `i.${c}`).join(', ')} INTO found_row FROM interactions i WHERE i.id = NEW.interaction_id;
     IF FOUND THEN
       ${COPIED.map((c) => `NEW.${c} := found_row.${c};`).join(' ')}
     END IF;
     RETURN NEW;
   END $$`;

const COPY_ALWAYS = `CREATE OR REPLACE FUNCTION ratify_copy_interaction() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     SELECT ${COPIED.map((c) => `i.${c}`).join(', ')} INTO ${COPIED.map((c) => `NEW.${c}`).join(', ')}
     FROM interactions i WHERE i.id = NEW.interaction_id;
     RETURN NEW;
   END $$`;

export class OneStatementLog1795950000000 implements MigrationInterface {
  name = 'OneStatementLog1795950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(COPY_WHEN_FOUND);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(COPY_ALWAYS);
  }
}
