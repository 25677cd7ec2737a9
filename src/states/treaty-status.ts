/**
 * Treaty status under Article 17 of the Convention on Cluster Munitions, computed from a
 * State's treaty actions. The SQL function ccm_treaty_status() applies the same rules.
 */
import { firstOfMonthAfter } from '../common/dates.js';
import { RatificationStage, TreatyStatus } from '../common/enums.js';

export { todayIso } from '../common/dates.js';

/**
 * Article 17(1): the thirtieth instrument was deposited on 16 February 2010, so the
 * Convention entered into force on 1 August 2010, the first day of the sixth month after.
 */
export const THIRTIETH_DEPOSIT = '2010-02-16';
export const CONVENTION_ENTRY_INTO_FORCE = '2010-08-01';

export interface TreatyDates {
  signatureDate: string | null;
  consentDate: string | null;
  withdrawalDate: string | null;
}

/**
 * When the Convention entered into force for a State that deposited its instrument on
 * `consentDate`: on 1 August 2010 for the first thirty deposits, otherwise (Article 17(2))
 * on the first day of the sixth month after the month of deposit.
 */
export function entryIntoForceDate(consentDate: string | null): string | null {
  if (consentDate === null) return null;
  if (consentDate <= THIRTIETH_DEPOSIT) return CONVENTION_ENTRY_INTO_FORCE;
  return firstOfMonthAfter(consentDate, 6);
}

/** A State's standing on `asOf`. A withdrawal counts from the date it took effect. */
export function treatyStatus(dates: TreatyDates, asOf: string): TreatyStatus {
  const { signatureDate, consentDate, withdrawalDate } = dates;
  if (withdrawalDate !== null && withdrawalDate <= asOf) return TreatyStatus.WITHDRAWN;
  if (consentDate !== null && consentDate <= asOf) {
    return entryIntoForceDate(consentDate)! <= asOf ? TreatyStatus.STATE_PARTY : TreatyStatus.DEPOSITED;
  }
  if (signatureDate !== null && signatureDate <= asOf) return TreatyStatus.SIGNATORY;
  return TreatyStatus.NOT_SIGNED;
}

/** The ratification stage a State starts at, given its treaty status. */
export function initialStage(status: TreatyStatus): RatificationStage {
  switch (status) {
    case TreatyStatus.STATE_PARTY:
      return RatificationStage.JOINED;
    case TreatyStatus.DEPOSITED:
      return RatificationStage.DEPOSITED;
    default:
      return RatificationStage.NOT_ENGAGED;
  }
}

/** The stages that say a State has deposited its instrument: only the treaty record can show that. */
export const DEPOSIT_STAGES: readonly RatificationStage[] = [RatificationStage.DEPOSITED, RatificationStage.JOINED];

/** Whether the treaty record shows a deposit in force on that date (a deposited instrument, not withdrawn). */
export function showsDeposit(status: TreatyStatus): boolean {
  return status === TreatyStatus.DEPOSITED || status === TreatyStatus.STATE_PARTY;
}

/**
 * Why a stage contradicts a State's treaty status on the date it takes effect, or null when it does
 * not. DEPOSITED and JOINED need a deposit on the record; once the record shows one, every other
 * stage (on the way to joining, or DECLINED) is past.
 */
export function stageContradiction(stage: RatificationStage, status: TreatyStatus, name: string, on: string): string | null {
  const deposit = showsDeposit(status);
  if (DEPOSIT_STAGES.includes(stage) && !deposit) {
    const record =
      status === TreatyStatus.WITHDRAWN
        ? 'shows its withdrawal from the Convention'
        : `shows no deposit of an instrument of ratification, accession, acceptance or approval (it is ${status})`;
    return `${name} cannot be ${stage} on ${on}: the treaty record ${record}`;
  }
  if (!DEPOSIT_STAGES.includes(stage) && deposit) {
    const standing = status === TreatyStatus.STATE_PARTY ? 'a State Party' : 'a State that has deposited its instrument';
    return `${name} cannot be ${stage} on ${on}: the treaty record shows it is ${standing}, so its stage is DEPOSITED or JOINED`;
  }
  return null;
}
