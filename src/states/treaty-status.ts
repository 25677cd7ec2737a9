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
