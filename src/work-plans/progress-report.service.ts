import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { badInput, notFound } from '../common/errors.js';
import { InteractionType, ObstacleStatus, RatificationStage } from '../common/enums.js';
import { todayIso } from '../common/dates.js';
import { isUuid } from '../common/ids.js';
import type { ProgressReportInput } from './dto/progress-report.input.js';
import { canEditMandate } from '../auth/visibility.js';
import { questionResults } from '../surveys/surveys.service.js';
import { SurveysRepository } from '../surveys/surveys.repository.js';
import { MandatesRepository } from './mandates.repository.js';
import type { ReportSurveys } from './progress-report.format.js';
import {
  InteractionTypeTally,
  ProgressReport,
  type ProgressReportSurvey,
  StageMoveDirection,
  type StageMove,
  type StateRef,
  type StateTally,
} from './progress-report.model.js';
import { ProgressReportRepository, type ReportScope } from './progress-report.repository.js';
import { IndicatorMetric } from './work-plan.enums.js';
import type { Mandate } from './work-plan.models.js';

/** How far along the way to joining a stage is; DECLINED is behind every other stage. */
const STAGE_RANK: Record<RatificationStage, number> = {
  DECLINED: 0,
  NOT_ENGAGED: 1,
  ENGAGED: 2,
  SUPPORTIVE: 3,
  DOMESTIC_PROCESS: 4,
  APPROVED: 5,
  DEPOSITED: 6,
  JOINED: 7,
};

/** Counts distinct items and lists their distinct States by name. */
function tally(rows: { id: string; iso3: string; name: string }[]): StateTally {
  const items = new Set<string>();
  const states = new Map<string, StateRef>();
  for (const row of rows) {
    items.add(row.id);
    states.set(row.iso3, { iso3: row.iso3, name: row.name });
  }
  const stateRefs = [...states.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.iso3.localeCompare(b.iso3));
  return { count: items.size, stateRefs };
}

const minDate = (a: string, b: string) => (a < b ? a : b);

@Injectable()
export class ProgressReportService {
  constructor(
    private readonly report: ProgressReportRepository,
    private readonly mandates: MandatesRepository,
    private readonly surveys: SurveysRepository,
  ) {}

  /**
   * The report's surveys this viewer may see (created in its period, by asOf; for a mandate's report,
   * the mandate's), each with its results: the answers this viewer may see, given by asOf, from the
   * report's States. A survey or an answer the viewer may not see counts nowhere.
   */
  async surveysOf(viewer: Viewer, report: ProgressReport): Promise<ProgressReportSurvey[]> {
    const surveys = await this.surveys.ofReport(viewer, {
      from: report.from,
      to: minDate(report.to, report.asOf),
      mandateId: report.mandate?.id ?? null,
    });
    if (!surveys.length) return [];
    const ids = surveys.map((survey) => survey.id);
    const [questions, rows] = await Promise.all([
      this.surveys.questionsOf(ids),
      this.surveys.results(viewer, ids, { asOf: report.asOf, regionalGroups: report.regionalGroups, stateIso3s: report.stateIso3s }),
    ]);
    return surveys.map((survey) => ({
      survey,
      results: questionResults(
        questions.filter((q) => q.surveyId === survey.id),
        rows.filter((row) => row.surveyId === survey.id),
      ),
    }));
  }

  /** The report's surveys (see surveysOf) with the names of the States behind their results, for the downloads. */
  async surveysWithNames(viewer: Viewer, report: ProgressReport): Promise<ReportSurveys> {
    const surveys = await this.surveysOf(viewer, report);
    const iso3s = [...new Set(surveys.flatMap((s) => s.results.flatMap((r) => r.choices.flatMap((c) => c.stateIso3s))))];
    const rows = iso3s.length
      ? await this.surveys.db.query<StateRef[]>(`SELECT iso3::text AS iso3, name FROM states WHERE iso3 = ANY($1::char(3)[])`, [iso3s])
      : [];
    return { surveys, stateNames: new Map(rows.map((row) => [row.iso3, row.name])) };
  }

  async build(viewer: Viewer, input: ProgressReportInput): Promise<ProgressReport> {
    let mandate: Mandate | null = null;
    if (input.mandateId) {
      if (!isUuid(input.mandateId)) throw notFound('Mandate', input.mandateId);
      [mandate] = await this.mandates.visibleByIds(viewer, [input.mandateId]);
      if (!mandate) throw notFound('Mandate', input.mandateId);
    }
    const from = input.from ?? mandate?.periodFrom;
    const to = input.to ?? mandate?.periodTo;
    if (!from || !to)
      throw badInput('Give the period (from and to), or a mandateId whose period is the default', { field: from ? 'to' : 'from' });
    if (to < from) throw badInput(`to (${to}) cannot be before from (${from})`, { field: 'to' });
    return this.forScope(viewer, mandate, {
      from,
      to,
      asOf: input.asOf ?? minDate(to, todayIso()),
      regionalGroups: input.regionalGroups ?? [],
      stateIso3s: input.stateIso3s ?? null,
      organizationIds: input.organizationIds ?? mandate?.organizationIds ?? null,
      team: mandate && !input.organizationIds ? teamOfReport(viewer, mandate) : null,
    });
  }

  /** The report on a mandate's whole period and organizations (for its indicators). */
  forMandate(viewer: Viewer, mandate: Mandate): Promise<ProgressReport> {
    return this.forScope(viewer, mandate, {
      from: mandate.periodFrom,
      to: mandate.periodTo,
      asOf: minDate(mandate.periodTo, todayIso()),
      regionalGroups: [],
      stateIso3s: null,
      organizationIds: mandate.organizationIds,
      team: teamOfReport(viewer, mandate),
    });
  }

  private async forScope(viewer: Viewer, mandate: Mandate | null, scope: ReportScope): Promise<ProgressReport> {
    // What happened after asOf is not counted: the report as the record gave it on that day.
    const counted = { ...scope, to: minDate(scope.to, scope.asOf) };
    const [interactions, moves, obstacles, treaty, counts] = await Promise.all([
      this.report.interactions(viewer, counted),
      this.report.stageMoves(counted),
      this.report.obstacles(viewer, counted),
      this.report.treaty(counted),
      this.report.treatyCounts(scope),
    ]);
    const byType = Object.values(InteractionType)
      .map((type) => Object.assign(new InteractionTypeTally(), { type, ...tally(interactions.filter((row) => row.type === type)) }))
      .filter((row) => row.count > 0);
    const letters = interactions.filter((row) => row.type === InteractionType.LETTER);
    const stageMoves: StageMove[] = moves.map((row) => ({
      stateIso3: row.iso3,
      stateName: row.name,
      from: row.from,
      to: row.to,
      changedAt: row.changedAt,
      effectiveOn: row.effectiveOn,
      direction: STAGE_RANK[row.to] > STAGE_RANK[row.from] ? StageMoveDirection.FORWARD : StageMoveDirection.BACK,
    }));
    const moveRows = (direction: StageMoveDirection) => moves.filter((_, index) => stageMoves[index].direction === direction);
    const within = (date: string | null) => date !== null && date >= counted.from && date <= counted.to;
    return {
      ...scope,
      mandate,
      statesContacted: tally(interactions.map((row) => ({ ...row, id: row.iso3 }))),
      interactions: tally(interactions),
      interactionsByType: byType,
      stageMoves: {
        forward: tally(moveRows(StageMoveDirection.FORWARD)),
        back: tally(moveRows(StageMoveDirection.BACK)),
        moves: stageMoves,
      },
      obstacles: {
        recorded: tally(obstacles.filter((row) => within(row.recordedOn))),
        addressed: tally(obstacles.filter((row) => row.status === ObstacleStatus.ADDRESSED && within(row.resolvedOn))),
      },
      letters: {
        sent: tally(letters),
        answered: tally(letters.filter((row) => row.answered)),
        unanswered: tally(letters.filter((row) => !row.answered)),
      },
      treaty: {
        signatures: tally(treaty.filter((row) => within(row.signatureDate)).map((row) => ({ ...row, id: row.iso3 }))),
        ratifications: tally(treaty.filter((row) => within(row.consentDate)).map((row) => ({ ...row, id: row.iso3 }))),
        ...counts,
      },
    };
  }
}

/**
 * A mandate's report is the same for each of its organizations (and admins): it counts the
 * mandate's work as all of its organizations see it. Others (partners, other governments) get the
 * numbers they may see.
 */
function teamOfReport(viewer: Viewer, mandate: Mandate): ReportScope['team'] {
  return canEditMandate(viewer, mandate) ? { mandateId: mandate.id, organizationIds: mandate.organizationIds } : null;
}

/** Where each indicator's number is in its mandate's report. */
const METRIC_TALLY: Record<IndicatorMetric, (report: ProgressReport) => { count: number }> = {
  STATES_CONTACTED: (r) => r.statesContacted,
  INTERACTIONS: (r) => r.interactions,
  LETTERS_SENT: (r) => r.letters.sent,
  LETTERS_ANSWERED: (r) => r.letters.answered,
  STAGE_MOVES_FORWARD: (r) => r.stageMoves.forward,
  OBSTACLES_ADDRESSED: (r) => r.obstacles.addressed,
  SIGNATURES: (r) => r.treaty.signatures,
  RATIFICATIONS: (r) => r.treaty.ratifications,
};

/** The number an indicator follows, from its mandate's report. */
export function metricValue(report: ProgressReport, metric: IndicatorMetric): number {
  return METRIC_TALLY[metric](report).count;
}
