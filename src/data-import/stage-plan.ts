import { RatificationStage } from '../common/enums.js';
import { initialStage, treatyStatus } from '../states/treaty-status.js';
import type { StateRecord } from './records.js';

export interface StageChange {
  iso3: string;
  from: RatificationStage | null;
  to: RatificationStage;
  note: string;
}

/** Stages the treaty record settles on its own: a coordinator's assessment gives way to them. */
const RECORDED_STAGES = new Set<RatificationStage>([RatificationStage.DEPOSITED, RatificationStage.JOINED]);

function recordName(record: StateRecord): string {
  const date = record.statusAsOf ? ` of ${record.statusAsOf}` : '';
  return `the UN Treaty Collection record${date}`;
}

/**
 * The stage a State should have after the import, and the change to record, if any. A new
 * State starts at the stage its treaty status implies on `asOf`. A known State keeps the
 * coordinators' stage unless its treaty status now implies DEPOSITED or JOINED.
 */
export function planStage(
  record: StateRecord,
  current: RatificationStage | undefined,
  asOf: string,
): { stage: RatificationStage; change: StageChange | null } {
  const status = treatyStatus(record, asOf);
  const implied = initialStage(status);
  if (current === undefined) {
    const note = `Initial stage from ${recordName(record)}`;
    return { stage: implied, change: { iso3: record.iso3, from: null, to: implied, note } };
  }
  if (!RECORDED_STAGES.has(implied) || implied === current) return { stage: current, change: null };
  const note = `Follows ${recordName(record)}: ${status} on ${asOf}`;
  return { stage: implied, change: { iso3: record.iso3, from: current, to: implied, note } };
}
