import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { ConsentType, InteractionType, ObstacleStatus, RatificationStage, RegionalGroup } from '../common/enums.js';
import { SqlParams } from '../common/sql.js';
import { visibleTo, visibleToEvery } from '../auth/visibility.js';
import { obstacleVisibleTo } from '../obstacles/obstacles.repository.js';

export interface ReportScope {
  from: string;
  to: string;
  /** Nothing after this day counts. */
  asOf: string;
  regionalGroups: RegionalGroup[];
  stateIso3s: string[] | null;
  /** Null: interactions of every organization. */
  organizationIds: string[] | null;
  /**
   * A mandate's report, for one of its members: its interactions are those of its organizations and
   * those linked to it, and its numbers count what every one of its organizations sees (the same
   * report for each), not what the viewer alone sees.
   */
  team?: { mandateId: string; organizationIds: string[] } | null;
}

export interface InteractionStateRow {
  id: string;
  type: InteractionType;
  answered: boolean;
  iso3: string;
  name: string;
}

export interface StageMoveRow {
  id: string;
  iso3: string;
  name: string;
  from: RatificationStage;
  to: RatificationStage;
  changedAt: Date;
  effectiveOn: string;
}

export interface ObstacleRow {
  id: string;
  iso3: string;
  name: string;
  recordedOn: string;
  status: ObstacleStatus;
  resolvedOn: string | null;
}

export interface TreatyCountsRow {
  statesParties: number;
  partiesIncludingDeposited: number;
}

export interface TreatyRow {
  iso3: string;
  name: string;
  signatureDate: string | null;
  consentDate: string | null;
  consentType: ConsentType | null;
}

/** The States a report covers, as SQL on the states alias `s`. */
function statesIn(scope: ReportScope, p: SqlParams): string {
  const where = ['true'];
  if (scope.regionalGroups.length) where.push(`s.regional_group = ANY(${p.add(scope.regionalGroups)}::regional_group[])`);
  if (scope.stateIso3s) where.push(`s.iso3 = ANY(${p.add(scope.stateIso3s)}::char(3)[])`);
  return where.join(' AND ');
}

/** One statement per section of the report; the numbers are counted from these rows. */
@Injectable()
export class ProgressReportRepository {
  constructor(private readonly db: Db) {}

  /** Each visible interaction of the period with each of its States in scope. */
  interactions(viewer: Viewer, scope: ReportScope): Promise<InteractionStateRow[]> {
    const p = new SqlParams();
    const to = p.add(scope.to);
    const where = [
      `i.occurred_on BETWEEN ${p.add(scope.from)}::date AND ${to}::date`,
      scope.team ? visibleToEvery(scope.team.organizationIds, p) : visibleTo(viewer, p),
      statesIn(scope, p),
    ];
    if (scope.organizationIds) {
      const linked = scope.team ? ` OR i.mandate_id = ${p.add(scope.team.mandateId)}::uuid` : '';
      where.push(`(i.organization_id = ANY(${p.add(scope.organizationIds)}::uuid[])${linked})`);
    }
    return this.db.query<InteractionStateRow[]>(
      // A reply counts when it came by the end of the period: a report on a past period stays as it was.
      `SELECT i.id, i.type, coalesce(i.reply_received_on <= ${to}::date, false) AS answered, s.iso3, s.name
       FROM interactions i JOIN interaction_states l ON l.interaction_id = i.id JOIN states s ON s.iso3 = l.state_iso3
       WHERE ${where.join(' AND ')} ORDER BY s.name, s.iso3`,
      p.values,
    );
  }

  /** Stage moves that took effect in the period; the import's initial stages are not moves. */
  stageMoves(scope: ReportScope): Promise<StageMoveRow[]> {
    const p = new SqlParams();
    return this.db.query<StageMoveRow[]>(
      `SELECT c.id, s.iso3, s.name, c.from_stage AS "from", c.to_stage AS "to", c.changed_at AS "changedAt",
         to_char(c.effective_on, 'YYYY-MM-DD') AS "effectiveOn"
       FROM stage_changes c JOIN states s ON s.iso3 = c.state_iso3
       WHERE c.from_stage IS NOT NULL AND c.from_stage <> c.to_stage
         AND c.effective_on BETWEEN ${p.add(scope.from)}::date AND ${p.add(scope.to)}::date
         AND ${statesIn(scope, p)}
       ORDER BY c.effective_on, c.changed_at, c.id`,
      p.values,
    );
  }

  /** Obstacles this viewer may see, recorded in the period or addressed in it. */
  obstacles(viewer: Viewer, scope: ReportScope): Promise<ObstacleRow[]> {
    const p = new SqlParams();
    const from = p.add(scope.from);
    const to = p.add(scope.to);
    return this.db.query<ObstacleRow[]>(
      `SELECT o.id, s.iso3, s.name, o.recorded_on AS "recordedOn", o.status, o.resolved_on AS "resolvedOn"
       FROM obstacles o JOIN states s ON s.iso3 = o.state_iso3
       WHERE (o.recorded_on BETWEEN ${from}::date AND ${to}::date
              OR (o.status = 'ADDRESSED' AND o.resolved_on BETWEEN ${from}::date AND ${to}::date))
         AND ${scope.team ? visibleToEvery(scope.team.organizationIds, p, 'o') : obstacleVisibleTo(viewer, p)} AND ${statesIn(scope, p)}
       ORDER BY s.name, s.iso3`,
      p.values,
    );
  }

  /** States that signed, or deposited their consent to be bound, in the period. */
  /** States Parties on asOf, strictly and including the States that deposited but are not yet bound. */
  async treatyCounts(scope: ReportScope): Promise<TreatyCountsRow> {
    const p = new SqlParams();
    const asOf = p.add(scope.asOf);
    const [row] = await this.db.query<TreatyCountsRow[]>(
      `SELECT count(*) FILTER (WHERE t.status = 'STATE_PARTY')::int AS "statesParties",
              count(*) FILTER (WHERE t.status IN ('STATE_PARTY', 'DEPOSITED'))::int AS "partiesIncludingDeposited"
       FROM (SELECT ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, ${asOf}::date) AS status
             FROM states s WHERE ${statesIn(scope, p)}) t`,
      p.values,
    );
    return row;
  }

  treaty(scope: ReportScope): Promise<TreatyRow[]> {
    const p = new SqlParams();
    const from = p.add(scope.from);
    const to = p.add(scope.to);
    return this.db.query<TreatyRow[]>(
      `SELECT s.iso3, s.name, s.signature_date AS "signatureDate", s.consent_date AS "consentDate", s.consent_type AS "consentType"
       FROM states s
       WHERE (s.signature_date BETWEEN ${from}::date AND ${to}::date OR s.consent_date BETWEEN ${from}::date AND ${to}::date)
         AND ${statesIn(scope, p)}
       ORDER BY s.name, s.iso3`,
      p.values,
    );
  }
}
