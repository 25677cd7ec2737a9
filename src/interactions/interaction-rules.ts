import { todayIso } from '../common/dates.js';
import { InteractionType } from '../common/enums.js';
import { badInput } from '../common/errors.js';

/** How the activity feed names each type of interaction. */
export const TYPE_LABELS: Readonly<Record<InteractionType, string>> = {
  [InteractionType.LETTER]: 'Letter',
  [InteractionType.BILATERAL_MEETING]: 'Bilateral meeting',
  [InteractionType.PHONE_CALL]: 'Phone call',
  [InteractionType.EMAIL]: 'E-mail',
  [InteractionType.DEMARCHE]: 'Démarche',
  [InteractionType.WORKSHOP]: 'Workshop',
  [InteractionType.EVENT_MEETING]: 'Meeting at an event',
  [InteractionType.OTHER]: 'Interaction',
};

/** TYPE_LABELS as SQL: the label of the interaction type in `column`. */
export function typeLabelSql(column: string): string {
  const cases = Object.entries(TYPE_LABELS).map(([type, label]) => `WHEN '${type}' THEN '${label.replaceAll("'", "''")}'`);
  return `(CASE ${column} ${cases.join(' ')} END)`;
}

/** The interactions that expect a reply. */
export const REPLY_TYPES: readonly InteractionType[] = [InteractionType.LETTER, InteractionType.EMAIL];

/** True, as SQL on the interactions' columns (qualified by `q`, such as `i.`), while a LETTER or EMAIL has no reply recorded. */
export function awaitingReplySql(q: string): string {
  return `(${q}type IN (${REPLY_TYPES.map((type) => `'${type}'`).join(', ')}) AND ${q}reply_received_on IS NULL)`;
}

/** The same on the interactions alias `i`. */
export const AWAITING_REPLY_SQL = awaitingReplySql('i.');

export interface InteractionDates {
  type: InteractionType;
  occurredOn: string;
  followUpOn?: string | null;
  replyReceivedOn?: string | null;
}

/** A follow-up and a reply come on or after the interaction; only letters and e-mails get replies. */
export function checkDates({ type, occurredOn, followUpOn, replyReceivedOn }: InteractionDates): void {
  if (followUpOn && followUpOn < occurredOn) {
    throw badInput(`followUpOn (${followUpOn}) cannot be before occurredOn (${occurredOn})`, { field: 'followUpOn' });
  }
  if (!replyReceivedOn) return;
  if (!REPLY_TYPES.includes(type)) {
    throw badInput(`Only a LETTER or an EMAIL gets a reply; this interaction is a ${type}`, { field: 'replyReceivedOn' });
  }
  if (replyReceivedOn < occurredOn) {
    throw badInput(`replyReceivedOn (${replyReceivedOn}) cannot be before occurredOn (${occurredOn})`, { field: 'replyReceivedOn' });
  }
}

/**
 * An interaction is a fact: it is dated on or before today, and so is its reply. (What is still to
 * come is planned: a meeting planned at an event, a follow-up date.)
 */
export function checkNotFuture({ occurredOn, replyReceivedOn }: { occurredOn?: string | null; replyReceivedOn?: string | null }): void {
  const today = todayIso();
  if (occurredOn && occurredOn > today) {
    const problem = `occurredOn (${occurredOn}) is after today (${today}): an interaction is recorded once it has happened; plan a meeting at an event instead`;
    throw badInput(problem, { field: 'occurredOn', problems: [problem] });
  }
  if (replyReceivedOn && replyReceivedOn > today) {
    const problem = `The reply's date (${replyReceivedOn}) is after today (${today}): a reply is recorded once it has come`;
    throw badInput(problem, { field: 'replyReceivedOn', problems: [problem] });
  }
}

/**
 * Whether recording `replyReceivedOn` closes the interaction's pending follow-up: a reply newly
 * recorded on a LETTER or EMAIL does, unless the user asks to keep the follow-up open.
 */
export function closesFollowUp(
  current: { type: InteractionType; followUpOn: string | null; followUpDone: boolean; replyReceivedOn: string | null },
  replyReceivedOn: string | null | undefined,
  keepFollowUpOpen: boolean | undefined,
): boolean {
  if (!replyReceivedOn || current.replyReceivedOn || keepFollowUpOpen) return false;
  return REPLY_TYPES.includes(current.type) && current.followUpOn !== null && !current.followUpDone;
}
