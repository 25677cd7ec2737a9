import { randomUUID } from 'node:crypto';
import type { WriteTransaction } from '../database/writes.js';
import { ActivityKind, RatificationStage, Visibility, type ConsentType } from '../common/enums.js';
import type { Queryable } from '../common/sql.js';
import { entryIntoForceDate, initialStage, treatyStatus } from '../states/treaty-status.js';

/** A State as the stage follow reads it (locked): its dates in force and its stage. */
export interface FollowedState {
  iso3: string;
  name: string;
  stage: RatificationStage;
  signatureDate: string | null;
  consentDate: string | null;
  consentType: ConsentType | null;
  withdrawalDate: string | null;
}

export const FOLLOWED_COLUMNS = `iso3, name, ratification_stage AS stage, to_char(signature_date, 'YYYY-MM-DD') AS "signatureDate",
  to_char(consent_date, 'YYYY-MM-DD') AS "consentDate", consent_type AS "consentType", to_char(withdrawal_date, 'YYYY-MM-DD') AS "withdrawalDate"`;

/** Stages the treaty record settles on its own (as the import does: see stage-plan.ts). */
const RECORDED_STAGES = new Set<RatificationStage>([RatificationStage.DEPOSITED, RatificationStage.JOINED]);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-03-01' → '1 March 2026'. */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The stage the dates imply on `today`, when it is one the treaty record settles and the State is not at it yet. */
export function stageToFollow(state: FollowedState, today: string): RatificationStage | null {
  const implied = initialStage(treatyStatus(state, today));
  return RECORDED_STAGES.has(implied) && implied !== state.stage ? implied : null;
}

function why(state: FollowedState, to: RatificationStage): string {
  if (to === RatificationStage.JOINED)
    return `${state.name}: the Convention entered into force on ${longDate(entryIntoForceDate(state.consentDate)!)}`;
  const instrument = state.consentType ? state.consentType.toLowerCase() : 'consent';
  return `${state.name}: instrument of ${instrument} deposited on ${longDate(state.consentDate!)}`;
}

/**
 * Moves the State to the stage its dates imply on `today` (DEPOSITED once its instrument is
 * deposited, JOINED once the Convention has entered into force for it), recording the move once
 * in its stage history (with no user) and in the activity feed. The State must be locked by the caller.
 */
export async function followStage(
  db: Queryable,
  emit: WriteTransaction['emit'],
  state: FollowedState,
  today: string,
): Promise<RatificationStage | null> {
  const to = stageToFollow(state, today);
  if (to === null) return null;
  const note = why(state, to);
  // The move took effect on the day the record gives: the deposit, or the entry into force.
  const effectiveOn = to === RatificationStage.JOINED ? entryIntoForceDate(state.consentDate)! : state.consentDate!;
  const id = randomUUID();
  await db.query(`UPDATE states SET ratification_stage = $2, version = version + 1, updated_at = now() WHERE iso3 = $1`, [state.iso3, to]);
  await db.query(
    `INSERT INTO stage_changes (id, state_iso3, from_stage, to_stage, note, visibility, effective_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, state.iso3, state.stage, to, note, Visibility.SHARED, effectiveOn],
  );
  await emit({
    kind: ActivityKind.STAGE_CHANGED,
    subjectId: id,
    stateIso3s: [state.iso3],
    summary: `{states}: ${note.slice(state.name.length + 2)}`,
  });
  return to;
}
