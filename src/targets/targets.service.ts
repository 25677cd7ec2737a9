import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { todayIso } from '../common/dates.js';
import { AppError, badInput } from '../common/errors.js';
import { type ObstacleCategory, TargetOrder, TreatyStatus } from '../common/enums.js';
import { toConnection, toPage, type CursorPart } from '../common/paging/cursor.js';
import type { Connection } from '../common/paging/connection.js';
import type { ObstacleProperty } from '../obstacles/obstacles.repository.js';
import type { ServedState } from '../states/states.service.js';
import type { VotingRecord } from '../votes/resolution.model.js';
import { votingRecord } from '../votes/voting-record.js';
import { VotingRecords, type StateVoting } from '../votes/voting-records.js';
import type { TargetFilter, TargetsArgs } from './dto/targets.args.js';
import { scoreTarget, STAGE_RANK, type ScoreReason } from './score.js';
import { TargetsRepository, type TargetFactsRow } from './targets.repository.js';

/** The States not Party: the default target list. */
export const NOT_PARTY = [TreatyStatus.SIGNATORY, TreatyStatus.NOT_SIGNED, TreatyStatus.WITHDRAWN];

export interface RankedTarget {
  state: ServedState;
  treatyStatus: TreatyStatus;
  votingRecord: VotingRecord;
  score: number;
  reasons: ScoreReason[];
  rank: number;
  lastContactOn: string | null;
  openObstacles: number;
  /** From the survey answers the viewer may see (see TargetFacts.survey). */
  surveyNoObstacle: ObstacleCategory[];
  surveyObstacles: ObstacleCategory[];
  /** When the list was asked for with its obstacles: the State's obstacles, as JSON text (see TargetQuery). */
  obstaclesJson?: string;
}

type SortKey = (string | number)[];

/** Ascending order of these keys is the list's order; ties always end with the name, then the code. */
const SORT_KEYS: Record<TargetOrder, { key: (t: Omit<RankedTarget, 'rank'>) => SortKey; shape: CursorPart[] }> = {
  [TargetOrder.SCORE]: { key: (t) => [-t.score, t.state.name, t.state.iso3], shape: ['number', 'text', 'text'] },
  [TargetOrder.NAME]: { key: (t) => [t.state.name, t.state.iso3], shape: ['text', 'text'] },
  [TargetOrder.LAST_CONTACT]: { key: (t) => [t.lastContactOn ?? '', t.state.name, t.state.iso3], shape: ['text', 'text', 'text'] },
  [TargetOrder.STAGE]: {
    key: (t) => [-STAGE_RANK[t.state.ratificationStage], -t.score, t.state.name, t.state.iso3],
    shape: ['number', 'number', 'text', 'text'],
  },
};

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

@Injectable()
export class TargetsService {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly votingRecords: VotingRecords,
  ) {}

  /** The whole ranked list for this viewer: filtered in SQL, scored and ordered here. */
  async rank(
    viewer: Viewer,
    given: TargetFilter = {},
    orderBy: TargetOrder = TargetOrder.SCORE,
    obstacleProperties?: ObstacleProperty[],
  ): Promise<RankedTarget[]> {
    const filter = await this.targets.resolveRegions(given);
    await this.checkReferences(filter);
    const { asOf, ...rest } = filter;
    const today = asOf ?? todayIso();
    const rows = await this.targets.facts(viewer, {
      ...rest,
      treatyStatuses: filter.treatyStatuses ?? NOT_PARTY,
      asOf: today,
      asOfGiven: asOf !== undefined,
      obstacleProperties,
    });
    const current = rows.length ? await this.votingRecords.asOfImport(rows[0].importId) : null;
    const votingOf = current && asOf !== undefined ? votesKnownOn(current, asOf) : current;
    const { key } = SORT_KEYS[orderBy];
    return rows
      .map((row) => toTarget(row, votingOf!(row.iso3), today))
      .sort((a, b) => compareKeys(key(a), key(b)))
      .map((target, index) => ({ ...target, rank: index + 1 }));
  }

  /** A page of the ranked list; with `obstacleProperties`, each State's obstacles are read along (see RankedTarget). */
  async page(viewer: Viewer, args: TargetsArgs, obstacleProperties?: ObstacleProperty[]): Promise<Connection<RankedTarget>> {
    const orderBy = args.orderBy ?? TargetOrder.SCORE;
    const { key, shape } = SORT_KEYS[orderBy];
    // The cursor names its order, so that a cursor of another ordering is refused.
    const page = toPage(args, ['text', ...shape]);
    if (page.after && page.after[0] !== orderBy)
      throw badInput(`This cursor belongs to a list ordered by ${String(page.after[0])}, not ${orderBy}`);
    const ranked = await this.rank(viewer, args.filter, orderBy, obstacleProperties);
    const after = page.after?.slice(1) as SortKey | undefined;
    const rest = after ? ranked.filter((target) => compareKeys(key(target), after) > 0) : ranked;
    return toConnection(rest.slice(0, page.first + 1), page.first, ranked.length, (target) => [orderBy, ...key(target)]);
  }

  private async checkReferences(filter: TargetFilter): Promise<void> {
    if (filter.votedOn !== undefined && !filter.votes) {
      throw badInput('votedOn goes with votes: say which choices on that resolution to keep, such as votes: [YES]');
    }
    if (filter.votedOn !== undefined && !(await this.targets.resolutionExists(filter.votedOn))) {
      throw new AppError('NOT_FOUND', `No resolution "${filter.votedOn}": use a symbol such as A/RES/72/54 (see the resolutions query)`, {
        votedOn: filter.votedOn,
      });
    }
    if (filter.groupingIds?.length) {
      const known = await this.targets.existingGroupings(filter.groupingIds);
      const unknown = filter.groupingIds.filter((id) => !known.has(id));
      if (unknown.length) throw new AppError('NOT_FOUND', `Unknown grouping(s): ${unknown.join(', ')}`, { groupingIds: unknown });
    }
  }
}

/** The votes of resolutions adopted on or before `asOf`, and the record they add up to. */
function votesKnownOn(votingOf: (iso3: string) => StateVoting, asOf: string): (iso3: string) => StateVoting {
  return (iso3) => {
    const { votes } = votingOf(iso3);
    const known = votes.filter((vote) => vote.adoptedOn <= asOf);
    return known.length === votes.length ? votingOf(iso3) : { votes: known, record: votingRecord(known) };
  };
}

function toTarget(row: TargetFactsRow, { votes, record }: StateVoting, today: string): Omit<RankedTarget, 'rank'> {
  const {
    treatyStatus,
    importId: _importId,
    lastContactOn,
    openObstacles,
    obstaclesJson,
    surveyNoObstacle,
    surveyObstacles,
    ...state
  } = row;
  const { score, reasons } = scoreTarget({
    treatyStatus,
    signatureDate: state.signatureDate,
    withdrawalDate: state.withdrawalDate,
    stage: state.ratificationStage,
    votes: {
      yes: record.yes,
      total: record.total,
      consecutiveYes: record.consecutiveYes,
      lastChoice: record.lastChoice,
      lastSymbol: votes[0]?.symbol ?? null,
    },
    openObstacles,
    lastContactOn,
    survey: { noObstacle: surveyNoObstacle, obstacles: surveyObstacles },
    today,
  });
  return {
    state: { ...state, asOf: today },
    treatyStatus,
    votingRecord: record,
    score,
    reasons,
    lastContactOn,
    openObstacles,
    surveyNoObstacle,
    surveyObstacles,
    obstaclesJson,
  };
}
