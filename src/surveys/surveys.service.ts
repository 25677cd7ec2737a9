import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Writes } from '../database/writes.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { todayIso } from '../common/dates.js';
import { ObstacleCategory, Role, Visibility } from '../common/enums.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { ObstaclesService } from '../obstacles/obstacles.service.js';
import { checkMandateVisibility, mandateFor } from '../work-plans/mandate-link.js';
import type { CreateSurveyInput, RecordSurveyAnswerInput, SurveyQuestionInput, UpdateSurveyAnswerInput } from './dto/survey.inputs.js';
import type { Survey, SurveyAnswer, SurveyChoiceCount, SurveyQuestion, SurveyQuestionResult } from './survey.model.js';
import { SurveysRepository, type ResultRow } from './surveys.repository.js';

/** The 2017 plan's three categories of obstacles, one question each: a survey's questions when none are given. */
export const DEFAULT_QUESTIONS: Required<SurveyQuestionInput>[] = [
  {
    category: ObstacleCategory.SUBSTANTIVE,
    text: 'Which substantive concerns stand in the way of joining the Convention?',
    choices: [
      'None',
      'Security and defence concerns',
      'Military cooperation with States not Party',
      'Regional security situation',
      'Other',
    ],
    allowsText: true,
  },
  {
    category: ObstacleCategory.PROCEDURAL,
    text: 'Which procedural steps stand in the way of joining the Convention?',
    choices: ['None', 'Inter-ministerial consultation', 'Parliamentary approval', 'Competing legislative priorities', 'Other'],
    allowsText: true,
  },
  {
    category: ObstacleCategory.TECHNICAL,
    text: 'Which technical difficulties stand in the way of joining the Convention?',
    choices: [
      'None',
      'Drafting the instrument or national legislation',
      'Stockpile destruction or clearance capacity',
      'Transparency reporting (Article 7)',
      'Other',
    ],
    allowsText: true,
  },
];

@Injectable()
export class SurveysService {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
    private readonly surveys: SurveysRepository,
    private readonly campaigns: CampaignsService,
    private readonly obstacles: ObstaclesService,
  ) {}

  /**
   * Creates the survey's letter campaign through the campaigns service (which checks the States:
   * known, not Party on the sending date), then the survey, its questions and States, all in one
   * transaction: should any part fail, nothing is written.
   */
  async create(viewer: Viewer, input: CreateSurveyInput): Promise<Survey> {
    const questions = (input.questions ?? DEFAULT_QUESTIONS).map((q, index) => ({
      id: randomUUID(),
      position: index + 1,
      text: q.text,
      category: q.category ?? null,
      choices: q.choices ?? [],
      allowsText: q.allowsText ?? true,
    }));
    const problems = questions
      .filter((q) => !q.choices.length && !q.allowsText)
      .map((q) => `Question ${q.position} has no choices and allows no text: it could not be answered`);
    if (problems.length) throw badInput(problems.join('; '), { field: 'questions', problems });
    const visibility = input.visibility ?? Visibility.COORDINATORS;
    // With an idempotency key, a retry gets the first survey's id back (see Writes.run).
    const id = await this.writes.run(viewer, 'createSurvey', async () => {
      const id = randomUUID();
      const mandateId = await mandateFor(viewer, input.mandateId, visibility, this.db);
      const campaign = await this.campaigns.create(viewer, {
        name: input.name,
        templateRef: input.templateRef ?? `Survey: ${input.name}`,
        sendingDate: input.sendingDate ?? todayIso(),
        stateIso3s: input.stateIso3s,
        visibility,
        mandateId: mandateId ?? undefined,
        followUpOn: input.followUpOn,
      });
      await this.surveys.insert({
        id,
        name: input.name,
        campaignId: campaign.id,
        visibility,
        organizationId: viewer.organizationId,
        mandateId,
        createdBy: viewer.id,
        stateIso3s: input.stateIso3s,
        questions,
      });
      return id;
    });
    return (await this.surveys.visibleById(viewer, id))!;
  }

  /**
   * Records a State's answer to a question. With openObstacle, the obstacle is recorded through the
   * obstacles service and linked, in the answer's transaction: both are written or neither is.
   */
  async recordAnswer(viewer: Viewer, input: RecordSurveyAnswerInput): Promise<SurveyAnswer> {
    const survey = await this.visibleSurvey(viewer, input.surveyId);
    const question = await this.questionOf(survey, input.questionId);
    const choice = input.choice ?? null;
    const text = input.text || null;
    const problems = answerProblems(question, choice, text, input.answeredOn);
    if (!survey.stateIso3s.includes(input.stateIso3)) problems.push(`The survey was not sent to ${input.stateIso3}`);
    if (input.openObstacle && !question.category)
      problems.push(`Question ${question.position} has no obstacle category: it cannot open an obstacle`);
    if (problems.length) throw badInput(problems.join('; '), { problems });
    const existing = await this.surveys.answered(question.id, input.stateIso3, viewer.organizationId);
    if (existing) throw alreadyAnswered(existing);
    const visibility = input.visibility ?? Visibility.COORDINATORS;

    return this.writes.run(viewer, 'recordSurveyAnswer', async () => {
      const mandateId = await mandateFor(viewer, input.mandateId, visibility, this.db);
      const again = await this.surveys.answered(question.id, input.stateIso3, viewer.organizationId);
      if (again) throw alreadyAnswered(again);
      const obstacle = input.openObstacle
        ? await this.obstacles.record(viewer, {
            stateIso3: input.stateIso3,
            category: question.category!,
            description: `Survey "${survey.name}", ${question.text} ${[choice, text].filter(Boolean).join(': ')}`.slice(0, 5000),
            recordedOn: input.answeredOn,
            visibility,
            mandateId: mandateId ?? undefined,
          })
        : null;
      return this.surveys.insertAnswer({
        id: randomUUID(),
        surveyId: survey.id,
        questionId: question.id,
        stateIso3: input.stateIso3,
        choice,
        text,
        answeredOn: input.answeredOn,
        obstacleId: obstacle?.id ?? null,
        visibility,
        organizationId: viewer.organizationId,
        mandateId,
        recordedById: viewer.id,
      });
    });
  }

  /** Corrects an answer the viewer may see, from the version it read (stale: CONFLICT). */
  updateAnswer(viewer: Viewer, { id, expectedVersion, ...changes }: UpdateSurveyAnswerInput): Promise<SurveyAnswer> {
    return this.writes.run(viewer, 'updateSurveyAnswer', async () => {
      const current = await this.currentAnswer(viewer, id, expectedVersion);
      if (changes.visibility !== undefined && changes.visibility !== current.visibility) {
        checkMandateVisibility(changes.visibility, current.mandateId);
        if (viewer.role !== Role.ADMIN && current.organizationId !== viewer.organizationId) {
          throw forbidden('Only the organization that recorded an answer can change who sees it');
        }
      }
      const [question] = (await this.surveys.questionsOf([current.surveyId])).filter((q) => q.id === current.questionId);
      const choice = changes.choice !== undefined ? changes.choice : current.choice;
      const text = changes.text !== undefined ? changes.text || null : current.text;
      const problems = answerProblems(question, choice, text, changes.answeredOn ?? current.answeredOn);
      if (problems.length) throw badInput(problems.join('; '), { problems });
      return this.surveys.updateAnswer(id, expectedVersion, { ...changes, text: changes.text !== undefined ? text : undefined });
    });
  }

  /** Deletes an answer recorded by mistake; the obstacle it opened, if any, stays in the register. */
  async deleteAnswer(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    await this.writes.run(viewer, 'deleteSurveyAnswer', async () => {
      await this.currentAnswer(viewer, id, expectedVersion);
      await this.surveys.deleteAnswer(id, expectedVersion);
    });
    return id;
  }

  /**
   * Per question: each choice with the States that picked it, overall and per regional group,
   * counting only the answers this viewer may see. A State counts once per choice, however many
   * organizations recorded its answer.
   */
  async results(viewer: Viewer, surveyId: string): Promise<SurveyQuestionResult[]> {
    const survey = await this.visibleSurvey(viewer, surveyId);
    const [questions, rows] = await Promise.all([this.surveys.questionsOf([survey.id]), this.surveys.results(viewer, [survey.id])]);
    return questionResults(questions, rows);
  }

  private async visibleSurvey(viewer: Viewer, id: string): Promise<Survey> {
    const survey = await this.surveys.visibleById(viewer, id);
    if (!survey) throw notFound('Survey', id);
    return survey;
  }

  private async questionOf(survey: Survey, questionId: string): Promise<SurveyQuestion> {
    const question = (await this.surveys.questionsOf([survey.id])).find((q) => q.id === questionId);
    if (!question) throw notFound('SurveyQuestion', questionId);
    return question;
  }

  private async currentAnswer(viewer: Viewer, id: string, expectedVersion: number): Promise<SurveyAnswer> {
    const current = isUuid(id) ? await this.surveys.visibleAnswer(viewer, id, true) : null;
    if (!current) throw notFound('SurveyAnswer', id);
    if (current.version !== expectedVersion) throw conflict('SurveyAnswer', id, expectedVersion, current.version);
    return current;
  }
}

/**
 * Per question: each choice with the States that picked it, overall and per regional group, from
 * the result rows of its survey. A State counts once per choice, however many organizations
 * recorded its answer.
 */
export function questionResults(questions: SurveyQuestion[], rows: ResultRow[]): SurveyQuestionResult[] {
  return questions.map((question) => {
    const mine = rows.filter((row) => row.questionId === question.id);
    const regions = [...new Set(mine.map((row) => row.regionalGroup))].sort((a, b) => (a ?? '~').localeCompare(b ?? '~'));
    return {
      question,
      answers: new Set(mine.flatMap((row) => row.stateIso3s)).size,
      choices: countChoices(question, mine),
      regions: regions.map((regionalGroup) => ({
        regionalGroup,
        choices: countChoices(
          question,
          mine.filter((row) => row.regionalGroup === regionalGroup),
        ),
      })),
    };
  });
}

/** What is wrong with an answer to this question, in words (nothing: an empty list). */
function answerProblems(question: SurveyQuestion, choice: string | null, text: string | null, answeredOn: string): string[] {
  const problems: string[] = [];
  if (choice === null && text === null) problems.push('An answer needs a choice or a text');
  if (choice !== null && !question.choices.includes(choice)) {
    problems.push(
      `"${choice}" is not one of the choices of question ${question.position}: ${question.choices.map((c) => `"${c}"`).join(', ') || 'it has none'}`,
    );
  }
  if (text !== null && !question.allowsText) problems.push(`Question ${question.position} takes no free text`);
  if (answeredOn > todayIso()) problems.push(`answeredOn (${answeredOn}) is after today`);
  return problems;
}

function alreadyAnswered(id: string): AppError {
  return new AppError(
    'CONFLICT',
    `Your organization already recorded this State's answer to this question ("${id}"): correct it with updateSurveyAnswer`,
    { id },
  );
}

/** Each of the question's choices (those nobody picked too), then the text-only answers when there are some. */
function countChoices(question: SurveyQuestion, rows: ResultRow[]): SurveyChoiceCount[] {
  const count = (choice: string | null): SurveyChoiceCount => {
    const stateIso3s = [...new Set(rows.filter((row) => row.choice === choice).flatMap((row) => row.stateIso3s))].sort();
    return { choice, count: stateIso3s.length, stateIso3s };
  };
  const textOnly = count(null);
  return [...question.choices.map(count), ...(textOnly.count ? [textOnly] : [])];
}
