import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import type { RegionalGroup, Visibility } from '../common/enums.js';
import { SqlParams } from '../common/sql.js';
import { deleteVersioned, updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import { visibleTo } from '../auth/visibility.js';
import { table, type Projection } from '../database/table.js';
import { SurveyAnswerEntity, SurveyEntity, SurveyQuestionEntity } from './survey.entity.js';
import type { Survey, SurveyAnswer, SurveyQuestion } from './survey.model.js';

const surveys = table(SurveyEntity);
const SURVEY_COLUMNS = surveys.select('v', {
  omit: ['createdBy', 'updatedAt'],
  extra: (v) => [
    `ARRAY(SELECT ss.state_iso3::text FROM survey_states ss WHERE ss.survey_id = ${v}id ORDER BY ss.state_iso3) AS "stateIso3s"`,
  ],
});

const QUESTION_COLUMNS = table(SurveyQuestionEntity).select('q');

const answers = table(SurveyAnswerEntity);
const ANSWER: Projection<SurveyAnswerEntity> = { as: { recordedBy: 'recordedById' } };
const ANSWER_COLUMNS = answers.select('a', ANSWER);
const ANSWER_RETURNING = answers.returning(ANSWER);

export interface SurveyAnswerFields {
  choice?: string | null;
  text?: string | null;
  answeredOn?: string;
  visibility?: Visibility;
}

const ANSWER_SPEC = {
  table: answers.name,
  what: 'SurveyAnswer',
  returning: ANSWER_RETURNING,
  columns: answers.columnMap('choice', 'text', 'answeredOn', 'visibility') satisfies ColumnMap<SurveyAnswerFields>,
};

export interface NewSurvey {
  id: string;
  name: string;
  campaignId: string;
  visibility: Visibility;
  organizationId: string;
  mandateId: string | null;
  createdBy: string;
  stateIso3s: string[];
  questions: Omit<SurveyQuestion, 'surveyId'>[];
}

export type NewSurveyAnswer = Omit<SurveyAnswer, 'version' | 'createdAt' | 'updatedAt'>;

/** One group of the results: the answers this viewer may see to a question with one choice, from one regional group. */
export interface ResultRow {
  surveyId: string;
  questionId: string;
  choice: string | null;
  regionalGroup: RegionalGroup | null;
  stateIso3s: string[];
}

/** The survey a letter campaign sends. */
export interface CampaignSurveyRow {
  id: string;
  campaignId: string;
}

/** An answer's id. */
interface IdRow {
  id: string;
}

/** Which answers the results count (default: every one the viewer may see). */
export interface ResultScope {
  asOf?: string;
  regionalGroups?: RegionalGroup[];
  stateIso3s?: string[] | null;
}

@Injectable()
export class SurveysRepository {
  constructor(readonly db: Db) {}

  /** The survey, its questions and its States in three statements of the caller's transaction. */
  async insert(survey: NewSurvey): Promise<void> {
    const { stateIso3s, questions: q, ...row } = survey;
    await this.db.query(...surveys.insert(row));
    await this.db.query(
      `INSERT INTO survey_questions (id, survey_id, position, text, category, choices, allows_text)
       SELECT q.id, $1, q.position, q.text, q.category::obstacle_category, ARRAY(SELECT json_array_elements_text(q.choices)), q.allows_text
       FROM json_to_recordset($2::json) AS q(id uuid, position int, text text, category text, choices json, allows_text boolean)`,
      [
        survey.id,
        JSON.stringify(
          q.map((x) => ({
            id: x.id,
            position: x.position,
            text: x.text,
            category: x.category,
            choices: x.choices,
            allows_text: x.allowsText,
          })),
        ),
      ],
    );
    await this.db.query(`INSERT INTO survey_states (survey_id, state_iso3) SELECT $1, unnest($2::char(3)[])`, [survey.id, stateIso3s]);
  }

  /** A survey by id, when this viewer may see it. */
  async visibleById(viewer: Viewer, id: string): Promise<Survey | null> {
    if (!isUuid(id)) return null;
    const p = new SqlParams();
    const rows = await this.db.query<Survey[]>(
      `SELECT ${SURVEY_COLUMNS} FROM surveys v WHERE v.id = ${p.add(id)} AND ${visibleTo(viewer, p, 'v')}`,
      p.values,
    );
    return rows[0] ?? null;
  }

  /** For each of these letter campaigns, the survey it sends, when this viewer may see that survey. */
  visibleOfCampaigns(viewer: Viewer, campaignIds: readonly string[]): Promise<CampaignSurveyRow[]> {
    const p = new SqlParams();
    return this.db.query<CampaignSurveyRow[]>(
      `SELECT v.id, v.campaign_id AS "campaignId" FROM surveys v WHERE v.campaign_id = ANY(${p.add(campaignIds)}::uuid[]) AND ${visibleTo(viewer, p, 'v')}`,
      p.values,
    );
  }

  /** The surveys this viewer may see, newest first (at most 200). */
  list(viewer: Viewer): Promise<Survey[]> {
    const p = new SqlParams();
    return this.db.query<Survey[]>(
      `SELECT ${SURVEY_COLUMNS} FROM surveys v WHERE ${visibleTo(viewer, p, 'v')} ORDER BY v.created_at DESC, v.id LIMIT 200`,
      p.values,
    );
  }

  /** The questions of several surveys, in their order. */
  questionsOf(surveyIds: readonly string[]): Promise<SurveyQuestion[]> {
    return this.db.query<SurveyQuestion[]>(
      `SELECT ${QUESTION_COLUMNS} FROM survey_questions q WHERE q.survey_id = ANY($1::uuid[]) ORDER BY q.survey_id, q.position`,
      [surveyIds],
    );
  }

  /** An answer by id, when this viewer may see it (and, for a write, locked). */
  async visibleAnswer(viewer: Viewer, id: string, lock = false): Promise<SurveyAnswer | null> {
    const p = new SqlParams();
    const rows = await this.db.query<SurveyAnswer[]>(
      `SELECT ${ANSWER_COLUMNS} FROM survey_answers a WHERE a.id = ${p.add(id)} AND ${visibleTo(viewer, p, 'a')}${lock ? ' FOR UPDATE' : ''}`,
      p.values,
    );
    return rows[0] ?? null;
  }

  /** The answers to several surveys this viewer may see, by question position and State. */
  answersOf(viewer: Viewer, surveyIds: readonly string[]): Promise<SurveyAnswer[]> {
    const p = new SqlParams();
    return this.db.query<SurveyAnswer[]>(
      `SELECT ${ANSWER_COLUMNS} FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
       WHERE a.survey_id = ANY(${p.add(surveyIds)}::uuid[]) AND ${visibleTo(viewer, p, 'a')} ORDER BY q.position, a.state_iso3, a.created_at`,
      p.values,
    );
  }

  /** Whether the organization already recorded an answer of this State to this question. */
  async answered(questionId: string, stateIso3: string, organizationId: string): Promise<string | null> {
    const rows = await this.db.query<IdRow[]>(
      `SELECT id FROM survey_answers WHERE question_id = $1 AND state_iso3 = $2 AND organization_id = $3`,
      [questionId, stateIso3, organizationId],
    );
    return rows[0]?.id ?? null;
  }

  async insertAnswer(row: NewSurveyAnswer): Promise<SurveyAnswer> {
    const rows = await this.db.query<SurveyAnswer[]>(...answers.insertReturning(row, ANSWER));
    return rows[0];
  }

  updateAnswer(id: string, expectedVersion: number, changes: SurveyAnswerFields): Promise<SurveyAnswer> {
    return updateVersioned<SurveyAnswerFields, SurveyAnswer>(this.db, ANSWER_SPEC, id, expectedVersion, changes);
  }

  deleteAnswer(id: string, expectedVersion: number): Promise<void> {
    return deleteVersioned(this.db, ANSWER_SPEC, id, expectedVersion);
  }

  /**
   * The results in one statement: the answers this viewer may see, grouped by question, choice and
   * the State's regional group, with the States behind each group. `scope` narrows them to the
   * answers given by a day, from States of some regional groups or some States (a progress report's).
   */
  results(viewer: Viewer, surveyIds: readonly string[], scope: ResultScope = {}): Promise<ResultRow[]> {
    const p = new SqlParams();
    const where = [`a.survey_id = ANY(${p.add(surveyIds)}::uuid[])`, visibleTo(viewer, p, 'a')];
    if (scope.asOf) where.push(`a.answered_on <= ${p.add(scope.asOf)}::date`);
    if (scope.regionalGroups?.length) where.push(`s.regional_group = ANY(${p.add(scope.regionalGroups)}::regional_group[])`);
    if (scope.stateIso3s) where.push(`a.state_iso3 = ANY(${p.add(scope.stateIso3s)}::char(3)[])`);
    return this.db.query<ResultRow[]>(
      `SELECT a.survey_id AS "surveyId", a.question_id AS "questionId", a.choice, s.regional_group AS "regionalGroup",
         array_agg(DISTINCT a.state_iso3::text) AS "stateIso3s"
       FROM survey_answers a JOIN states s ON s.iso3 = a.state_iso3
       WHERE ${where.join(' AND ')}
       GROUP BY a.survey_id, a.question_id, a.choice, s.regional_group`,
      p.values,
    );
  }

  /**
   * The surveys of a progress report this viewer may see: those created in its period (by asOf), and,
   * for a mandate's report, linked to that mandate. Oldest first.
   */
  ofReport(viewer: Viewer, report: { from: string; to: string; mandateId: string | null }): Promise<Survey[]> {
    const p = new SqlParams();
    const where = [
      `(v.created_at AT TIME ZONE 'UTC')::date BETWEEN ${p.add(report.from)}::date AND ${p.add(report.to)}::date`,
      visibleTo(viewer, p, 'v'),
    ];
    if (report.mandateId) where.push(`v.mandate_id = ${p.add(report.mandateId)}::uuid`);
    return this.db.query<Survey[]>(
      `SELECT ${SURVEY_COLUMNS} FROM surveys v WHERE ${where.join(' AND ')} ORDER BY v.created_at, v.id LIMIT 200`,
      p.values,
    );
  }
}
