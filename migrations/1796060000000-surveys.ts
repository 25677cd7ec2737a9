import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUDITED: [string, string][] = [
  ['surveys', 'id'],
  ['survey_questions', 'id'],
  ['survey_states', 'survey_id'],
  ['survey_answers', 'id'],
];

/**
 * The obstacle survey: a questionnaire (its questions, each with an optional obstacle category and
 * its choices) sent to chosen States through a letter campaign, and each State's answers, under
 * the visibility rule of every item.
 */
export class Surveys1796060000000 implements MigrationInterface {
  name = 'Surveys1796060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "surveys" (
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "campaign_id" uuid,
      "visibility" "public"."visibility" NOT NULL DEFAULT 'COORDINATORS',
      "organization_id" uuid,
      "mandate_id" uuid,
      "created_by" uuid,
      "version" integer NOT NULL DEFAULT 1,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_surveys" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "survey_questions" (
      "id" uuid NOT NULL,
      "survey_id" uuid NOT NULL,
      "position" integer NOT NULL,
      "text" text NOT NULL,
      "category" "public"."obstacle_category",
      "choices" text array NOT NULL,
      "allows_text" boolean NOT NULL DEFAULT true,
      CONSTRAINT "ux_survey_questions_position" UNIQUE ("survey_id", "position"),
      CONSTRAINT "PK_survey_questions" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "survey_states" (
      "survey_id" uuid NOT NULL,
      "state_iso3" character(3) NOT NULL,
      CONSTRAINT "PK_survey_states" PRIMARY KEY ("survey_id", "state_iso3"))`);
    await queryRunner.query(`CREATE TABLE "survey_answers" (
      "id" uuid NOT NULL,
      "survey_id" uuid NOT NULL,
      "question_id" uuid NOT NULL,
      "state_iso3" character(3) NOT NULL,
      "choice" text,
      "text" text,
      "answered_on" date NOT NULL,
      "obstacle_id" uuid,
      "recorded_by" uuid,
      "visibility" "public"."visibility" NOT NULL DEFAULT 'COORDINATORS',
      "organization_id" uuid,
      "mandate_id" uuid,
      "version" integer NOT NULL DEFAULT 1,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ux_survey_answers_one_per_organization" UNIQUE ("question_id", "state_iso3", "organization_id"),
      CONSTRAINT "PK_survey_answers" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_survey_answers_survey" ON "survey_answers" ("survey_id") `);
    const fk = (table: string, name: string, column: string, target: string, onDelete: string) => {
      const [targetTable, targetColumn] = target.split('.');
      return queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${targetTable}"("${targetColumn}") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    };
    await fk('surveys', 'fk_surveys_campaign', 'campaign_id', 'letter_campaigns.id', 'SET NULL');
    await fk('surveys', 'fk_surveys_organization', 'organization_id', 'organizations.id', 'SET NULL');
    await fk('surveys', 'fk_surveys_mandate', 'mandate_id', 'mandates.id', 'SET NULL');
    await fk('surveys', 'fk_surveys_created_by', 'created_by', 'users.id', 'SET NULL');
    await fk('survey_questions', 'fk_survey_questions_survey', 'survey_id', 'surveys.id', 'CASCADE');
    await fk('survey_states', 'fk_survey_states_survey', 'survey_id', 'surveys.id', 'CASCADE');
    await fk('survey_states', 'fk_survey_states_state', 'state_iso3', 'states.iso3', 'RESTRICT');
    await fk('survey_answers', 'fk_survey_answers_survey', 'survey_id', 'surveys.id', 'CASCADE');
    await fk('survey_answers', 'fk_survey_answers_question', 'question_id', 'survey_questions.id', 'CASCADE');
    await fk('survey_answers', 'fk_survey_answers_state', 'state_iso3', 'states.iso3', 'RESTRICT');
    await fk('survey_answers', 'fk_survey_answers_obstacle', 'obstacle_id', 'obstacles.id', 'SET NULL');
    await fk('survey_answers', 'fk_survey_answers_recorded_by', 'recorded_by', 'users.id', 'SET NULL');
    await fk('survey_answers', 'fk_survey_answers_organization', 'organization_id', 'organizations.id', 'SET NULL');
    await fk('survey_answers', 'fk_survey_answers_mandate', 'mandate_id', 'mandates.id', 'SET NULL');
    for (const [table, key] of AUDITED) {
      await queryRunner.query(
        `CREATE TRIGGER audit_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ratify_audit('${key}')`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "survey_answers"`);
    await queryRunner.query(`DROP TABLE "survey_states"`);
    await queryRunner.query(`DROP TABLE "survey_questions"`);
    await queryRunner.query(`DROP TABLE "surveys"`);
  }
}
