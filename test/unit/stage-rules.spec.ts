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

describe('why a stage contradicts the treaty record', () => {
  it('says what the record shows', () => {
    const record = 'shows no deposit of an instrument of ratification, accession, acceptance or approval';
    expect(stageContradiction(RatificationStage.JOINED, TreatyStatus.SIGNATORY, 'Ruritania', '2020-01-01')).toBe(
      `Ruritania cannot be JOINED on 2020-01-01: the treaty record ${record} (it is SIGNATORY)`,
    );
    expect(stageContradiction(RatificationStage.DEPOSITED, TreatyStatus.NOT_SIGNED, 'Ruritania', '2020-01-01')).toBe(
      `Ruritania cannot be DEPOSITED on 2020-01-01: the treaty record ${record} (it is NOT_SIGNED)`,
    );
    expect(stageContradiction(RatificationStage.JOINED, TreatyStatus.WITHDRAWN, 'Lithuania', '2025-03-06')).toBe(
      'Lithuania cannot be JOINED on 2025-03-06: the treaty record shows its withdrawal from the Convention',
    );
    expect(stageContradiction(RatificationStage.ENGAGED, TreatyStatus.STATE_PARTY, 'Ruritania', '2020-01-01')).toBe(
      'Ruritania cannot be ENGAGED on 2020-01-01: the treaty record shows it is a State Party, so its stage is DEPOSITED or JOINED',
    );
    expect(stageContradiction(RatificationStage.DECLINED, TreatyStatus.DEPOSITED, 'Vanuatu', '2025-10-01')).toBe(
      'Vanuatu cannot be DECLINED on 2025-10-01: the treaty record shows it is a State that has deposited its instrument, so its stage is DEPOSITED or JOINED',
    );
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

  it('is the stage the first move left, before it, even when the history has no starting stage', () => {
    const moves = history.slice(0, 3);
    expect(stageOn(moves, '2010-01-01')).toBe(RatificationStage.NOT_ENGAGED);
    expect(stageOn([{ ...history[0], effectiveOn: '2018-09-21' }], '2018-09-20')).toBe(RatificationStage.ENGAGED);
    expect(stageOn([{ ...history[0], effectiveOn: '2018-09-21' }], '2018-09-21')).toBe(RatificationStage.SUPPORTIVE);
  });

  it('is the starting stage when nothing moved, and null with no history', () => {
    expect(stageOn([history[3]], '2010-01-01')).toBe(RatificationStage.NOT_ENGAGED);
    expect(stageOn([], '2010-01-01')).toBeNull();
  });
});
