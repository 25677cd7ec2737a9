import { RatificationStage, TreatyStatus } from '../../src/common/enums.js';
import {
  CONVENTION_ENTRY_INTO_FORCE,
  entryIntoForceDate,
  initialStage,
  THIRTIETH_DEPOSIT,
  treatyStatus,
} from '../../src/states/treaty-status.js';

const VANUATU = { signatureDate: null, consentDate: '2025-09-05', withdrawalDate: null };
const LITHUANIA = { signatureDate: '2008-12-03', consentDate: '2011-03-24', withdrawalDate: '2025-03-06' };
const INDONESIA = { signatureDate: '2008-12-03', consentDate: null, withdrawalDate: null };
const NON_SIGNATORY = { signatureDate: null, consentDate: null, withdrawalDate: null };
const EARLY_RATIFIER = { signatureDate: '2008-12-03', consentDate: '2009-06-16', withdrawalDate: null };

describe('entryIntoForceDate', () => {
  it('is 1 August 2010 for every deposit up to the thirtieth', () => {
    expect(THIRTIETH_DEPOSIT).toBe('2010-02-16');
    expect(entryIntoForceDate('2008-12-03')).toBe(CONVENTION_ENTRY_INTO_FORCE);
    expect(entryIntoForceDate('2009-06-16')).toBe('2010-08-01');
    expect(entryIntoForceDate('2010-02-16')).toBe('2010-08-01');
  });

  it('is the first day of the sixth month after the month of a later deposit', () => {
    expect(entryIntoForceDate('2010-02-17')).toBe('2010-08-01');
    expect(entryIntoForceDate('2010-03-01')).toBe('2010-09-01');
    expect(entryIntoForceDate('2010-06-17')).toBe('2010-12-01');
    expect(entryIntoForceDate('2019-12-10')).toBe('2020-06-01');
    expect(entryIntoForceDate('2025-09-05')).toBe('2026-03-01');
  });

  it('is null without a deposit', () => {
    expect(entryIntoForceDate(null)).toBeNull();
  });
});

describe('treatyStatus', () => {
  it('has Vanuatu deposited until the Convention enters into force for it on 1 March 2026', () => {
    expect(treatyStatus(VANUATU, '2025-09-04')).toBe(TreatyStatus.NOT_SIGNED);
    expect(treatyStatus(VANUATU, '2025-09-05')).toBe(TreatyStatus.DEPOSITED);
    expect(treatyStatus(VANUATU, '2026-02-28')).toBe(TreatyStatus.DEPOSITED);
    expect(treatyStatus(VANUATU, '2026-03-01')).toBe(TreatyStatus.STATE_PARTY);
  });

  it('has Lithuania a State Party until its withdrawal took effect on 6 March 2025', () => {
    expect(treatyStatus(LITHUANIA, '2010-01-01')).toBe(TreatyStatus.SIGNATORY);
    expect(treatyStatus(LITHUANIA, '2011-03-24')).toBe(TreatyStatus.DEPOSITED);
    expect(treatyStatus(LITHUANIA, '2011-09-01')).toBe(TreatyStatus.STATE_PARTY);
    expect(treatyStatus(LITHUANIA, '2025-03-05')).toBe(TreatyStatus.STATE_PARTY);
    expect(treatyStatus(LITHUANIA, '2025-03-06')).toBe(TreatyStatus.WITHDRAWN);
    expect(treatyStatus(LITHUANIA, '2026-02-03')).toBe(TreatyStatus.WITHDRAWN);
  });

  it('has a State that only signed as a signatory from its signature on', () => {
    expect(treatyStatus(INDONESIA, '2008-12-02')).toBe(TreatyStatus.NOT_SIGNED);
    expect(treatyStatus(INDONESIA, '2008-12-03')).toBe(TreatyStatus.SIGNATORY);
    expect(treatyStatus(INDONESIA, '2026-02-03')).toBe(TreatyStatus.SIGNATORY);
  });

  it('has a State with no treaty action as not signed', () => {
    expect(treatyStatus(NON_SIGNATORY, '2026-02-03')).toBe(TreatyStatus.NOT_SIGNED);
  });

  it('has an early ratifier a State Party from 1 August 2010', () => {
    expect(treatyStatus(EARLY_RATIFIER, '2009-06-16')).toBe(TreatyStatus.DEPOSITED);
    expect(treatyStatus(EARLY_RATIFIER, '2010-07-31')).toBe(TreatyStatus.DEPOSITED);
    expect(treatyStatus(EARLY_RATIFIER, '2010-08-01')).toBe(TreatyStatus.STATE_PARTY);
  });

  it('counts six months from the month of a mid-2010 deposit', () => {
    const state = { signatureDate: '2008-12-03', consentDate: '2010-06-17', withdrawalDate: null };
    expect(treatyStatus(state, '2010-11-30')).toBe(TreatyStatus.DEPOSITED);
    expect(treatyStatus(state, '2010-12-01')).toBe(TreatyStatus.STATE_PARTY);
  });

  it('rolls a December deposit into the next year', () => {
    const state = { signatureDate: null, consentDate: '2019-12-10', withdrawalDate: null };
    expect(treatyStatus(state, '2020-05-31')).toBe(TreatyStatus.DEPOSITED);
    expect(treatyStatus(state, '2020-06-01')).toBe(TreatyStatus.STATE_PARTY);
  });
});

describe('initialStage', () => {
  it.each([
    [TreatyStatus.STATE_PARTY, RatificationStage.JOINED],
    [TreatyStatus.DEPOSITED, RatificationStage.DEPOSITED],
    [TreatyStatus.SIGNATORY, RatificationStage.NOT_ENGAGED],
    [TreatyStatus.NOT_SIGNED, RatificationStage.NOT_ENGAGED],
    [TreatyStatus.WITHDRAWN, RatificationStage.NOT_ENGAGED],
  ])('maps %s to %s', (status, stage) => {
    expect(initialStage(status)).toBe(stage);
  });
});
