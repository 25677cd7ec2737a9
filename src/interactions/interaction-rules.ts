import { InteractionType } from '../common/enums.js';
import { badInput } from '../common/errors.js';

/** The interactions that expect a reply. */
export const REPLY_TYPES: readonly InteractionType[] = [InteractionType.LETTER, InteractionType.EMAIL];

/** True, as SQL on the interactions alias `i`, while a LETTER or EMAIL has no reply recorded. */
export const AWAITING_REPLY_SQL = `(i.type IN (${REPLY_TYPES.map((type) => `'${type}'`).join(', ')}) AND i.reply_received_on IS NULL)`;

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
