import { RegionalGroup, TreatyStatus } from '../common/enums.js';
import { entryIntoForceDate, treatyStatus, type TreatyDates } from './treaty-status.js';

/** The Convention was opened for signature in Oslo on 3 December 2008. */
export const OPENED_FOR_SIGNATURE = '2008-12-03';

export interface TimelineState extends TreatyDates {
  regionalGroup: RegionalGroup | null;
}

export interface TimelinePoint {
  date: string;
  statesParties: number;
  /** Signed, instrument not yet deposited. */
  signatories: number;
  /** Instrument deposited, the Convention not yet in force for the State (Article 17(2)). */
  deposited: number;
  withdrawn: number;
}

export interface TimelineSeries {
  /** Null for every State. */
  regionalGroup: RegionalGroup | null;
  points: TimelinePoint[];
}

/**
 * The dates in [from, to] on which some State's treaty status changes: a signature, a deposit,
 * an entry into force (Article 17) or a withdrawal taking effect; and `from` and `to` themselves.
 */
export function changeDates(states: readonly TreatyDates[], from: string, to: string): string[] {
  const dates = new Set([from, to]);
  for (const state of states) {
    for (const date of [state.signatureDate, state.consentDate, entryIntoForceDate(state.consentDate), state.withdrawalDate]) {
      if (date !== null && date > from && date < to) dates.add(date);
    }
  }
  return [...dates].sort();
}

function point(states: readonly TreatyDates[], date: string): TimelinePoint {
  const counts = { statesParties: 0, signatories: 0, deposited: 0, withdrawn: 0 };
  for (const state of states) {
    switch (treatyStatus(state, date)) {
      case TreatyStatus.STATE_PARTY:
        counts.statesParties++;
        break;
      case TreatyStatus.SIGNATORY:
        counts.signatories++;
        break;
      case TreatyStatus.DEPOSITED:
        counts.deposited++;
        break;
      case TreatyStatus.WITHDRAWN:
        counts.withdrawn++;
        break;
      default:
        break;
    }
  }
  return { date, ...counts };
}

/**
 * The number of States Parties, signatories, deposits not yet in force and withdrawals, from
 * `from` to `to`, for every State and for each UN regional group: one point on each date a count
 * may change (the counts hold until the next point), each computed by the same Article 17 rules
 * as a State's treatyStatus.
 */
export function treatyTimeline(states: readonly TimelineState[], from: string, to: string): TimelineSeries[] {
  const dates = changeDates(states, from, to);
  const groups: (RegionalGroup | null)[] = [null, ...Object.values(RegionalGroup)];
  return groups.map((regionalGroup) => {
    const members = regionalGroup === null ? states : states.filter((s) => s.regionalGroup === regionalGroup);
    return { regionalGroup, points: dates.map((date) => point(members, date)) };
  });
}
