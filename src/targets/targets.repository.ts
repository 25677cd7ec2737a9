import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { ObstacleCategory, RatificationStage, RegionalGroup, TreatyStatus, VoteChoice } from '../common/enums.js';
import { LAST_IMPORT_SQL } from '../votes/voting-records.js';
import { SqlParams } from '../common/sql.js';
import { newestVisibleOn, visibleTo } from '../auth/visibility.js';
import { SURVEY_NO_OBSTACLE } from './score.js';
import { obstacleVisibleTo, stateObstaclesJson, type ObstacleProperty } from '../obstacles/obstacles.repository.js';
import { resolveRegions, type RegionFilter } from '../states/regions.js';
import { STATE_COLUMNS, stateSearchMatch } from '../states/states.repository.js';
import type { State } from '../states/state.model.js';

export interface TargetQuery {
  asOf: string;
  /** Asked for a past (or future) day: contacts after it do not count. */
  asOfGiven?: boolean;
  regionalGroups?: RegionalGroup[];
  subregions?: string[];
  intermediateRegions?: string[];
  groupingIds?: string[];
  treatyStatuses: TreatyStatus[];
  stages?: RatificationStage[];
  votedOn?: string;
  votes?: VoteChoice[];
  minYesShare?: number;
  notContactedForDays?: number;
  hasOpenObstacles?: boolean;
  search?: string;
  /** Also read each State's obstacles with these properties, as JSON text (parsed only for the States that are served). */
  obstacleProperties?: ObstacleProperty[];
}

/** Everything the score needs about one State, gathered for a whole list in one statement. */
export interface TargetFactsRow extends State {
  treatyStatus: TreatyStatus;
  /** The last public-data import: the votes that go with this row are those of that import (see VotingRecords). */
  importId: string | null;
  lastContactOn: string | null;
  openObstacles: number;
  /** From the survey answers this viewer may see (see TargetFacts.survey). */
  surveyNoObstacle: ObstacleCategory[];
  surveyObstacles: ObstacleCategory[];
  /** With `obstacleProperties`: the State's obstacles, as JSON text. */
  obstaclesJson?: string;
}

/** Every State with its dates in force, as JSON, the last import's id and the day the record is known up to. */
interface BacktestRecordRow {
  states: State[];
  importId: string | null;
  recordAsOf: string | null;
}

@Injectable()
export class TargetsRepository {
  constructor(private readonly db: Db) {}

  /**
   * The States matching every filter, each with the date of the newest interaction this viewer may
   * see and its count of open obstacles, and the last import's id (the votes come from VotingRecords,
   * kept in memory). Filtering happens here, in SQL.
   */
  async facts(viewer: Viewer, query: TargetQuery): Promise<TargetFactsRow[]> {
    const p = new SqlParams();
    const asOf = p.add(query.asOf);
    const where: string[] = [`t."treatyStatus" = ANY(${p.add(query.treatyStatuses)}::text[])`];
    if (query.regionalGroups) where.push(`t."regionalGroup" = ANY(${p.add(query.regionalGroups)}::regional_group[])`);
    if (query.subregions) where.push(`t.subregion = ANY(${p.add(query.subregions)}::text[])`);
    if (query.intermediateRegions) where.push(`t."intermediateRegion" = ANY(${p.add(query.intermediateRegions)}::text[])`);
    if (query.stages) where.push(`t."ratificationStage" = ANY(${p.add(query.stages)}::ratification_stage[])`);
    if (query.groupingIds) {
      where.push(
        `EXISTS (SELECT 1 FROM grouping_states g WHERE g.state_iso3 = t.iso3 AND g.grouping_id = ANY(${p.add(query.groupingIds)}::uuid[]))`,
      );
    }
    if (query.votes) {
      const symbol = query.votedOn
        ? `${p.add(query.votedOn)}::text`
        : `(SELECT symbol FROM resolutions WHERE adopted_on <= ${asOf}::date ORDER BY adopted_on DESC, symbol DESC LIMIT 1)`;
      where.push(
        `EXISTS (SELECT 1 FROM votes v WHERE v.state_iso3 = t.iso3 AND v.resolution_symbol = ${symbol} AND v.choice = ANY(${p.add(query.votes)}::vote_choice[]))`,
      );
    }
    if (query.minYesShare !== undefined) {
      where.push(
        `(SELECT count(*) FILTER (WHERE v.choice = 'YES') >= ${p.add(query.minYesShare)}::float8 * count(*) AND count(*) > 0 FROM votes v JOIN resolutions r ON r.symbol = v.resolution_symbol WHERE v.state_iso3 = t.iso3 AND r.adopted_on <= ${asOf}::date)`,
      );
    }
    if (query.notContactedForDays !== undefined) {
      where.push(`(t."lastContactOn" IS NULL OR t."lastContactOn" <= ${asOf}::date - ${p.add(query.notContactedForDays)}::int)`);
    }
    if (query.hasOpenObstacles !== undefined) where.push(query.hasOpenObstacles ? 't."openObstacles" > 0' : 't."openObstacles" = 0');
    if (query.search?.trim()) where.push(stateSearchMatch(p, 't', query.search.trim()));

    return this.db.query<TargetFactsRow[]>(
      `SELECT * FROM (
         SELECT ${STATE_COLUMNS},
           ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, ${asOf}::date) AS "treatyStatus",
           ${LAST_IMPORT_SQL} AS "importId",
           ${newestVisibleOn(viewer, p, 's.iso3', query.asOfGiven ? query.asOf : undefined)} AS "lastContactOn", o.open AS "openObstacles",
           coalesce(sv."noObstacle", '{}') AS "surveyNoObstacle", coalesce(sv.obstacles, '{}') AS "surveyObstacles"
           ${query.obstacleProperties ? `, ${stateObstaclesJson(viewer, p, 's.iso3', query.obstacleProperties)}::text AS "obstaclesJson"` : ''}
         FROM states s
         LEFT JOIN LATERAL (
           SELECT count(*) AS open FROM obstacles o WHERE o.state_iso3 = s.iso3 AND o.status = 'OPEN' AND ${obstacleVisibleTo(viewer, p)}) o ON true
         LEFT JOIN LATERAL (
           SELECT array_agg(x.category::text ORDER BY x.category) FILTER (WHERE x.choice = ${p.add(SURVEY_NO_OBSTACLE)}) AS "noObstacle",
             array_agg(x.category::text ORDER BY x.category) FILTER (WHERE x.choice <> ${p.add(SURVEY_NO_OBSTACLE)} AND x.obstacle_id IS NULL) AS obstacles
           FROM (
             SELECT DISTINCT ON (q.category) q.category, a.choice, a.obstacle_id
             FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
             WHERE a.state_iso3 = s.iso3 AND q.category IS NOT NULL AND a.choice IS NOT NULL AND a.answered_on <= ${asOf}::date
               AND ${visibleTo(viewer, p, 'a')}
             ORDER BY q.category, a.answered_on DESC, a.created_at DESC, a.id
           ) x) sv ON true
       ) t
       WHERE ${where.join(' AND ')}`,
      p.values,
    );
  }

  /**
   * Every State with its treaty dates in force (the record file overlaid with the recorded treaty
   * actions), the last import's id (its votes come from VotingRecords), and the day the treaty
   * record is known up to: the record file's status date, in one statement.
   */
  async backtestRecord(): Promise<BacktestRecordRow> {
    const [row] = await this.db.query<BacktestRecordRow[]>(
      `SELECT coalesce((SELECT json_agg(x ORDER BY x.iso3) FROM (SELECT ${STATE_COLUMNS} FROM states s) x), '[]') AS states,
         ${LAST_IMPORT_SQL} AS "importId", (SELECT max(status_as_of)::text FROM states) AS "recordAsOf"`,
    );
    return row;
  }

  /** The filter with its region names checked and written as the States table writes them (see resolveRegions). */
  resolveRegions<T extends RegionFilter>(filter: T): Promise<T> {
    return resolveRegions(filter, this.db);
  }

  async existingGroupings(ids: string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ id: string }[]>('SELECT id FROM groupings WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((row) => row.id));
  }

  async resolutionExists(symbol: string): Promise<boolean> {
    return (await this.db.query<unknown[]>('SELECT 1 FROM resolutions WHERE symbol = $1', [symbol])).length > 0;
  }
}
