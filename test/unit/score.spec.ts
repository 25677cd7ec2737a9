import { ObstacleCategory, RatificationStage, TreatyStatus, VoteChoice } from '../../src/common/enums.js';
import {
  daysBetween,
  PUBLIC_RECORD_FACTORS,
  scorePublicRecord,
  scoreTarget,
  STAGE_RANK,
  SURVEY_NO_OBSTACLE,
  WEIGHTS,
  type TargetFacts,
} from '../../src/targets/score.js';

const base: TargetFacts = {
  treatyStatus: TreatyStatus.NOT_SIGNED,
  signatureDate: null,
  withdrawalDate: null,
  stage: RatificationStage.NOT_ENGAGED,
  votes: { yes: 0, total: 0, consecutiveYes: 0, lastChoice: null, lastSymbol: null },
  openObstacles: 0,
  lastContactOn: '2026-11-20',
  today: '2026-11-27',
};

const sum = (points: number[]) => Math.round(points.reduce((a, b) => a + b, 0) * 100) / 100;
const byFactor = (facts: TargetFacts) => Object.fromEntries(scoreTarget(facts).reasons.map((r) => [r.factor, r.points]));

describe('scoreTarget', () => {
  it('gives nothing to a State with no votes, no stage and a recent contact', () => {
    expect(scoreTarget(base)).toEqual({ score: 0, reasons: [] });
  });

  it('rewards a State that votes yes every year (the Kiribati case)', () => {
    const facts = { ...base, votes: { yes: 10, total: 10, consecutiveYes: 10, lastChoice: VoteChoice.YES, lastSymbol: 'A/RES/79/58' } };
    expect(byFactor(facts)).toEqual({ yesShare: 30, consecutiveYes: 20, lastVote: 10 });
    const { reasons } = scoreTarget(facts);
    expect(reasons.map((r) => r.detail)).toEqual([
      'Voted yes on 10 of 10 resolutions (100%)',
      'Voted yes on the newest 10 resolutions in a row',
      'Voted YES on A/RES/79/58, the newest resolution',
    ]);
  });

  it('caps the streak and weighs a partial yes share', () => {
    const facts = { ...base, votes: { yes: 7, total: 10, consecutiveYes: 12, lastChoice: VoteChoice.ABSTAIN, lastSymbol: 'A/RES/79/58' } };
    expect(byFactor(facts)).toEqual({ yesShare: 21, consecutiveYes: WEIGHTS.consecutiveYes * WEIGHTS.consecutiveYesCap });
  });

  it('sinks a State that voted no last time', () => {
    const facts = { ...base, votes: { yes: 0, total: 3, consecutiveYes: 0, lastChoice: VoteChoice.NO, lastSymbol: 'A/RES/79/58' } };
    expect(scoreTarget(facts).score).toBe(-15);
  });

  it('raises signatories, lowers withdrawn States, and explains both', () => {
    const signatory = scoreTarget({ ...base, treatyStatus: TreatyStatus.SIGNATORY, signatureDate: '2008-12-03' });
    expect(signatory.reasons).toEqual([{ factor: 'treatyStatus', points: 40, detail: 'Signed on 2008-12-03: needs only to ratify' }]);
    const withdrawn = scoreTarget({ ...base, treatyStatus: TreatyStatus.WITHDRAWN, withdrawalDate: '2025-03-06' });
    expect(withdrawn.reasons).toEqual([
      { factor: 'treatyStatus', points: -10, detail: 'Withdrew from the Convention with effect from 2025-03-06' },
    ]);
  });

  it('orders the stages: DOMESTIC_PROCESS and SUPPORTIVE near the top, DECLINED sinks', () => {
    const points = (stage: RatificationStage) => scoreTarget({ ...base, stage }).score;
    expect(points(RatificationStage.DOMESTIC_PROCESS)).toBeGreaterThan(points(RatificationStage.SUPPORTIVE));
    expect(points(RatificationStage.SUPPORTIVE)).toBeGreaterThan(points(RatificationStage.ENGAGED));
    expect(points(RatificationStage.ENGAGED)).toBeGreaterThan(points(RatificationStage.NOT_ENGAGED));
    expect(points(RatificationStage.DECLINED)).toBe(-40);
  });

  it('takes points off for open obstacles, up to a cap', () => {
    expect(byFactor({ ...base, openObstacles: 1 })).toEqual({ openObstacles: -4 });
    expect(byFactor({ ...base, openObstacles: 9 })).toEqual({ openObstacles: -12 });
    expect(scoreTarget({ ...base, openObstacles: 2 }).reasons[0].detail).toBe('2 open obstacles');
  });

  it('lets neglected States rise, never-contacted ones most', () => {
    expect(byFactor({ ...base, lastContactOn: null })).toEqual({ lastContact: 12 });
    expect(byFactor({ ...base, lastContactOn: '2026-05-31' })).toEqual({ lastContact: 6 });
    expect(byFactor({ ...base, lastContactOn: '2020-01-01' })).toEqual({ lastContact: 12 });
    expect(scoreTarget({ ...base, lastContactOn: '2026-05-31' }).reasons[0].detail).toBe('Last contact 180 days ago (2026-05-31)');
  });

  it('always adds the points of its reasons up to the score', () => {
    const facts: TargetFacts = {
      treatyStatus: TreatyStatus.SIGNATORY,
      signatureDate: '2008-12-03',
      withdrawalDate: null,
      stage: RatificationStage.SUPPORTIVE,
      votes: { yes: 3, total: 7, consecutiveYes: 1, lastChoice: VoteChoice.YES, lastSymbol: 'A/RES/79/58' },
      openObstacles: 2,
      lastContactOn: null,
      today: '2026-11-27',
    };
    const { score, reasons } = scoreTarget(facts);
    expect(score).toBe(sum(reasons.map((r) => r.points)));
    expect(score).toBe(12.86 + 2 + 10 + 40 + 15 - 8 + 12);
  });

  it('gives the public-record factors, which the backtest scores past years by, the same points as the product', () => {
    const facts: TargetFacts = {
      ...base,
      treatyStatus: TreatyStatus.SIGNATORY,
      signatureDate: '2008-12-03',
      stage: RatificationStage.SUPPORTIVE,
      votes: { yes: 4, total: 6, consecutiveYes: 2, lastChoice: VoteChoice.YES, lastSymbol: 'A/RES/79/58' },
      openObstacles: 1,
      lastContactOn: null,
    };
    const publicRecord = scoreTarget(facts).reasons.filter((r) => (PUBLIC_RECORD_FACTORS as readonly string[]).includes(r.factor));
    expect(publicRecord.map((r) => r.factor)).toEqual([...PUBLIC_RECORD_FACTORS]);
    expect(scorePublicRecord(facts).reasons).toEqual(publicRecord);
    expect(scorePublicRecord(facts).score).toBe(sum(publicRecord.map((r) => r.points)));
  });

  it("weighs the State's survey answers: no obstacle of a kind raises it, an obstacle named lowers it, and the backtest ignores them", () => {
    const facts = {
      ...base,
      survey: { noObstacle: [ObstacleCategory.PROCEDURAL, ObstacleCategory.SUBSTANTIVE], obstacles: [ObstacleCategory.TECHNICAL] },
    };
    const reason = scoreTarget(facts).reasons.find((r) => r.factor === 'surveyAnswers');
    expect(reason).toEqual({
      factor: 'surveyAnswers',
      points: 2 * WEIGHTS.surveyNoObstacle + WEIGHTS.surveyObstacle,
      detail: 'Survey answers: no procedural, substantive obstacle; 1 obstacle named (technical)',
    });
    expect(scoreTarget({ ...base, survey: { noObstacle: [], obstacles: [] } })).toEqual({ score: 0, reasons: [] });
    expect(PUBLIC_RECORD_FACTORS as readonly string[]).not.toContain('surveyAnswers');
    expect(scorePublicRecord(facts).reasons).toEqual([]);
  });

  it('counts whole days between ISO dates, across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });
});

describe('the reasons of a target score, word for word', () => {
  const facts = (overrides: Partial<TargetFacts> = {}): TargetFacts => ({
    treatyStatus: TreatyStatus.NOT_SIGNED,
    signatureDate: null,
    withdrawalDate: null,
    votes: { yes: 1, total: 1, consecutiveYes: 1, lastChoice: VoteChoice.YES, lastSymbol: 'A/RES/80/1' },
    stage: RatificationStage.ENGAGED,
    openObstacles: 1,
    lastContactOn: null,
    today: '2026-12-02',
    ...overrides,
  });

  it('names each factor and says one resolution, one obstacle, never contacted', () => {
    expect(scoreTarget(facts()).reasons).toEqual([
      { factor: 'yesShare', points: 30, detail: 'Voted yes on 1 of 1 resolution (100%)' },
      { factor: 'consecutiveYes', points: 2, detail: 'Voted yes on the newest 1 resolution in a row' },
      { factor: 'lastVote', points: 10, detail: 'Voted YES on A/RES/80/1, the newest resolution' },
      { factor: 'stage', points: 5, detail: 'Ratification stage: ENGAGED' },
      { factor: 'openObstacles', points: -4, detail: '1 open obstacle' },
      { factor: 'lastContact', points: 12, detail: 'Never contacted' },
    ]);
  });

  it('orders the stages from closest to joining to furthest', () => {
    const order = Object.entries(STAGE_RANK)
      .sort(([, a], [, b]) => b - a)
      .map(([stage]) => stage);
    expect(order).toEqual(['JOINED', 'DEPOSITED', 'APPROVED', 'DOMESTIC_PROCESS', 'SUPPORTIVE', 'ENGAGED', 'NOT_ENGAGED', 'DECLINED']);
    expect(Object.values(STAGE_RANK).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the survey reason, one side at a time', () => {
  it('says only what was answered: obstacles named without a "no obstacle", and the reverse', () => {
    const detail = (survey: TargetFacts['survey']) =>
      scoreTarget({ ...base, survey }).reasons.find((r) => r.factor === 'surveyAnswers')?.detail;
    expect(detail({ noObstacle: [], obstacles: [ObstacleCategory.TECHNICAL, ObstacleCategory.PROCEDURAL] })).toBe(
      'Survey answers: 2 obstacles named (technical, procedural)',
    );
    expect(detail({ noObstacle: [ObstacleCategory.SUBSTANTIVE], obstacles: [] })).toBe('Survey answers: no substantive obstacle');
  });

  it('counts as "no obstacle" the choice that every default survey question offers for it', async () => {
    const { DEFAULT_QUESTIONS } = await import('../../src/surveys/surveys.service.js');
    expect(DEFAULT_QUESTIONS.map((q) => q.choices[0])).toEqual([SURVEY_NO_OBSTACLE, SURVEY_NO_OBSTACLE, SURVEY_NO_OBSTACLE]);
  });
});
