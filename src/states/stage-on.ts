import type { RatificationStage } from '../common/enums.js';

export interface StageMove {
  from: RatificationStage | null;
  to: RatificationStage;
  effectiveOn: string;
  recordedAt: Date;
}

/**
 * A State's stage on `date`, from its history: the stage of the latest move that took effect on or
 * before that day; before its first move, the stage that move left; with no move at all, the stage
 * it started at. Null when the history is empty.
 */
export function stageOn(history: readonly StageMove[], date: string): RatificationStage | null {
  const moves = history
    .filter((change) => change.from !== null)
    .sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || new Date(b.recordedAt).getTime() - new Date(a.recordedAt).getTime());
  const latest = moves.find((move) => move.effectiveOn <= date);
  if (latest) return latest.to;
  if (moves.length) return moves[moves.length - 1].from;
  return history.find((change) => change.from === null)?.to ?? null;
}
