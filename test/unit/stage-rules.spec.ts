import { RatificationStage, TreatyStatus } from '../../src/common/enums.js';
import { stageOn } from '../../src/states/stage-on.js';
import { stageContradiction } from '../../src/states/treaty-status.js';

const ON_THE_WAY = [
  RatificationStage.NOT_ENGAGED,
  RatificationStage.ENGAGED,
  RatificationStage.SUPPORTIVE,
  RatificationStage.DOMESTIC_PROCESS,
  RatificationStage.APPROVED,
  RatificationStage.DECLINED,
];
const DEPOSIT = [RatificationStage.DEPOSITED, RatificationStage.JOINED];

/** The README's table: the stages each treaty status allows. */
const ALLOWED: Record<TreatyStatus, RatificationStage[]> = {
  [TreatyStatus.NOT_SIGNED]: ON_THE_WAY,
  [TreatyStatus.SIGNATORY]: ON_THE_WAY,
  [TreatyStatus.DEPOSITED]: DEPOSIT,
  [TreatyStatus.STATE_PARTY]: DEPOSIT,
  [TreatyStatus.WITHDRAWN]: ON_THE_WAY,
};

describe('stages against the treaty record', () => {
  const cases = Object.values(TreatyStatus).flatMap((status) => Object.values(RatificationStage).map((stage) => [status, stage] as const));

  it.each(cases)('%s, %s', (status, stage) => {
    const problem = stageContradiction(stage, status, 'Ruritania', '2020-01-01');
    if (ALLOWED[status].includes(stage)) expect(problem).toBeNull();
    else expect(problem).toMatch(new RegExp(`^Ruritania cannot be ${stage} on 2020-01-01: the treaty record `));
  });
});

describe('the stage on a day', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
  const history = [
    { from: RatificationStage.ENGAGED, to: RatificationStage.SUPPORTIVE, effectiveOn: '2018-09-20', recordedAt: at(2) },
    { from: RatificationStage.SUPPORTIVE, to: RatificationStage.DECLINED, effectiveOn: '2018-09-20', recordedAt: at(3) },
    { from: RatificationStage.NOT_ENGAGED, to: RatificationStage.ENGAGED, effectiveOn: '2018-03-15', recordedAt: at(1) },
    { from: null, to: RatificationStage.NOT_ENGAGED, effectiveOn: '2026-01-01', recordedAt: at(0) },
  ];

  it('is the stage the first move left before it, then each move from its day (the later recorded last on a day)', () => {
    expect(stageOn(history, '2010-01-01')).toBe(RatificationStage.NOT_ENGAGED);
    expect(stageOn(history, '2018-03-14')).toBe(RatificationStage.NOT_ENGAGED);
    expect(stageOn(history, '2018-03-15')).toBe(RatificationStage.ENGAGED);
    expect(stageOn(history, '2018-09-20')).toBe(RatificationStage.DECLINED);
    expect(stageOn(history, '2030-01-01')).toBe(RatificationStage.DECLINED);
  });

  it('is the starting stage when nothing moved, and null with no history', () => {
    expect(stageOn([history[3]], '2010-01-01')).toBe(RatificationStage.NOT_ENGAGED);
    expect(stageOn([], '2010-01-01')).toBeNull();
  });
});
