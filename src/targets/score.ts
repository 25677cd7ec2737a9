import { ObstacleCategory, RatificationStage, TreatyStatus, VoteChoice } from '../common/enums.js';

/** The weights of the factors found in the public record for any past date: votes and treaty status. */
export interface PublicRecordWeights {
  yesShare: number;
  consecutiveYes: number;
  consecutiveYesCap: number;
  lastChoice: Record<VoteChoice, number>;
  treatyStatus: Record<TreatyStatus, number>;
}

/**
 * How a State not Party is scored as a target. Every factor and weight lives here, and every
 * point comes with a reason, so a score can always be explained: the points add up to the score.
 */
export const WEIGHTS = {
  /** Points for voting yes on every resolution; scaled by the share of yes votes. */
  yesShare: 30,
  /** Points per yes vote in a row, counting back from the newest resolution… */
  consecutiveYes: 2,
  /** …counting at most this many. */
  consecutiveYesCap: 10,
  /** Points for the choice on the newest resolution. */
  lastChoice: { [VoteChoice.YES]: 10, [VoteChoice.ABSTAIN]: 0, [VoteChoice.NON_VOTING]: -3, [VoteChoice.NO]: -15 },
  /**
   * A signatory needs only to ratify; a State that withdrew is a harder case. The target backtest
   * (README) raised the signatory's points from 15 to 40: on the lists of 2016 to 2020,
   * signatories joined more often than their votes alone would rank them.
   */
  treatyStatus: {
    [TreatyStatus.SIGNATORY]: 40,
    [TreatyStatus.NOT_SIGNED]: 0,
    [TreatyStatus.WITHDRAWN]: -10,
    [TreatyStatus.DEPOSITED]: 0,
    [TreatyStatus.STATE_PARTY]: 0,
  },
  /** The coordinators' assessment: SUPPORTIVE and DOMESTIC_PROCESS are closest; DECLINED sinks. */
  stage: {
    [RatificationStage.NOT_ENGAGED]: 0,
    [RatificationStage.ENGAGED]: 5,
    [RatificationStage.SUPPORTIVE]: 15,
    [RatificationStage.DOMESTIC_PROCESS]: 20,
    [RatificationStage.APPROVED]: 25,
    [RatificationStage.DEPOSITED]: 0,
    [RatificationStage.JOINED]: 0,
    [RatificationStage.DECLINED]: -40,
  },
  /** Points per open obstacle… */
  openObstacle: -4,
  /** …counting at most this many. */
  openObstaclesCap: 3,
  /** Neglected States rise: points for a State never contacted… */
  neverContacted: 12,
  /** …or per 30 days since the last contact… */
  perMonthWithoutContact: 1,
  /** …counting at most this many months. */
  monthsWithoutContactCap: 12,
  /**
   * The State's own word, in its reply to an obstacle survey: per obstacle category, its newest
   * answer that the viewer may see. "None" (no obstacle of that kind) is a step closer…
   */
  surveyNoObstacle: 3,
  /** …and an obstacle it names is one further, unless the answer opened it in the register (then it counts as an open obstacle). */
  surveyObstacle: -2,
} as const;

/** The survey choice that says there is no obstacle of the question's category. */
export const SURVEY_NO_OBSTACLE = 'None';

/**
 * The factors that come from the public record alone (the General Assembly votes and the treaty
 * record), so that they can be computed for any past date; the others come from the work logged here.
 */
export const PUBLIC_RECORD_FACTORS = ['yesShare', 'consecutiveYes', 'lastVote', 'treatyStatus'] as const;

/** What the public record says of a State on a date. */
export interface PublicRecordFacts {
  treatyStatus: TreatyStatus;
  signatureDate: string | null;
  withdrawalDate: string | null;
  votes: { yes: number; total: number; consecutiveYes: number; lastChoice: VoteChoice | null; lastSymbol: string | null };
}

export interface TargetFacts extends PublicRecordFacts {
  stage: RatificationStage;
  openObstacles: number;
  /** The newest interaction the viewer may see, or null. */
  lastContactOn: string | null;
  /**
   * From the survey answers the viewer may see, per obstacle category the State's newest answer
   * with a choice: the categories it said hold no obstacle, and those where it named one (not
   * counting answers that opened an obstacle in the register).
   */
  survey?: { noObstacle: ObstacleCategory[]; obstacles: ObstacleCategory[] };
  /** The date the score is computed for (YYYY-MM-DD). */
  today: string;
}

export interface ScoreReason {
  factor: string;
  points: number;
  detail: string;
}

export interface Score {
  score: number;
  reasons: ScoreReason[];
}

const round = (value: number) => Math.round(value * 100) / 100;

const DAY_MS = 24 * 3600 * 1000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

type AddReason = (factor: string, points: number, detail: string) => void;

/** Collects the reasons worth points (rounded to hundredths); factors worth 0 points are left out. */
function reasonList(): { reasons: ScoreReason[]; add: AddReason } {
  const reasons: ScoreReason[] = [];
  const add: AddReason = (factor, points, detail) => {
    const rounded = round(points);
    if (rounded !== 0) reasons.push({ factor, points: rounded, detail });
  };
  return { reasons, add };
}

function addPublicRecordReasons(add: AddReason, facts: PublicRecordFacts, weights: PublicRecordWeights): void {
  const { votes } = facts;
  if (votes.total > 0) {
    const share = votes.yes / votes.total;
    add(
      'yesShare',
      weights.yesShare * share,
      `Voted yes on ${votes.yes} of ${plural(votes.total, 'resolution')} (${Math.round(share * 100)}%)`,
    );
    const streak = Math.min(votes.consecutiveYes, weights.consecutiveYesCap);
    add(
      'consecutiveYes',
      weights.consecutiveYes * streak,
      `Voted yes on the newest ${plural(votes.consecutiveYes, 'resolution')} in a row`,
    );
  }
  if (votes.lastChoice) {
    add('lastVote', weights.lastChoice[votes.lastChoice], `Voted ${votes.lastChoice} on ${votes.lastSymbol}, the newest resolution`);
  }

  const statusDetail: Partial<Record<TreatyStatus, string>> = {
    [TreatyStatus.SIGNATORY]: `Signed on ${facts.signatureDate}: needs only to ratify`,
    [TreatyStatus.WITHDRAWN]: `Withdrew from the Convention with effect from ${facts.withdrawalDate}`,
  };
  add('treatyStatus', weights.treatyStatus[facts.treatyStatus], statusDetail[facts.treatyStatus] ?? facts.treatyStatus);
}

const total = (reasons: ScoreReason[]) => round(reasons.reduce((sum, reason) => sum + reason.points, 0));

/**
 * The part of the score the public record gives (PUBLIC_RECORD_FACTORS), with the product's weights
 * unless others are given: what the target backtest ranks past years by.
 */
export function scorePublicRecord(facts: PublicRecordFacts, weights: PublicRecordWeights = WEIGHTS): Score {
  const { reasons, add } = reasonList();
  addPublicRecordReasons(add, facts, weights);
  return { score: total(reasons), reasons };
}

/** The score of one State and the reasons for it; factors worth 0 points are left out. */
export function scoreTarget(facts: TargetFacts): Score {
  const { reasons, add } = reasonList();
  addPublicRecordReasons(add, facts, WEIGHTS);

  add('stage', WEIGHTS.stage[facts.stage], `Ratification stage: ${facts.stage}`);

  const obstacles = Math.min(facts.openObstacles, WEIGHTS.openObstaclesCap);
  add('openObstacles', WEIGHTS.openObstacle * obstacles, `${plural(facts.openObstacles, 'open obstacle')}`);

  if (facts.lastContactOn === null) {
    add('lastContact', WEIGHTS.neverContacted, 'Never contacted');
  } else {
    const days = Math.max(0, daysBetween(facts.lastContactOn, facts.today));
    const months = Math.min(Math.floor(days / 30), WEIGHTS.monthsWithoutContactCap);
    add('lastContact', WEIGHTS.perMonthWithoutContact * months, `Last contact ${plural(days, 'day')} ago (${facts.lastContactOn})`);
  }

  const survey = facts.survey ?? { noObstacle: [], obstacles: [] };
  const categories = (list: ObstacleCategory[]) => list.map((c) => c.toLowerCase()).join(', ');
  const said = [
    survey.noObstacle.length ? `no ${categories(survey.noObstacle)} obstacle` : '',
    survey.obstacles.length ? `${plural(survey.obstacles.length, 'obstacle')} named (${categories(survey.obstacles)})` : '',
  ].filter(Boolean);
  add(
    'surveyAnswers',
    WEIGHTS.surveyNoObstacle * survey.noObstacle.length + WEIGHTS.surveyObstacle * survey.obstacles.length,
    `Survey answers: ${said.join('; ')}`,
  );

  return { score: total(reasons), reasons };
}

/** From closest to joining to furthest, for ordering by stage. */
export const STAGE_RANK: Record<RatificationStage, number> = {
  [RatificationStage.JOINED]: 7,
  [RatificationStage.DEPOSITED]: 6,
  [RatificationStage.APPROVED]: 5,
  [RatificationStage.DOMESTIC_PROCESS]: 4,
  [RatificationStage.SUPPORTIVE]: 3,
  [RatificationStage.ENGAGED]: 2,
  [RatificationStage.NOT_ENGAGED]: 1,
  [RatificationStage.DECLINED]: 0,
};
