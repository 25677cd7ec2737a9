/**
 * How recorded treaty actions combine with the treaty record file: the file is the baseline, a
 * recorded action is a later fact. For each kind of date (signature, consent, withdrawal) the
 * newest recorded action of that kind wins over the file's date; a deposit after a withdrawal
 * (a State that joins again) ends that withdrawal.
 */
import { ConsentType, TreatyActionKind } from '../common/enums.js';

export interface TreatyRecordDates {
  signatureDate: string | null;
  consentDate: string | null;
  consentType: ConsentType | null;
  withdrawalDate: string | null;
}

export interface RecordedAction {
  action: TreatyActionKind;
  date: string;
}

const CONSENT: Partial<Record<TreatyActionKind, ConsentType>> = {
  [TreatyActionKind.RATIFICATION]: ConsentType.RATIFICATION,
  [TreatyActionKind.ACCESSION]: ConsentType.ACCESSION,
  [TreatyActionKind.ACCEPTANCE]: ConsentType.ACCEPTANCE,
  [TreatyActionKind.APPROVAL]: ConsentType.APPROVAL,
};

/** The consent type of a deposit; undefined for a signature or a withdrawal. */
export function consentTypeOf(action: TreatyActionKind): ConsentType | undefined {
  return CONSENT[action];
}

function newest<T extends RecordedAction>(actions: T[], keep: (action: T) => boolean): T | undefined {
  return actions.filter(keep).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
}

/** The dates in force: the file's, overlaid with the recorded actions. */
export function overlayActions(file: TreatyRecordDates, actions: RecordedAction[]): TreatyRecordDates {
  if (actions.length === 0) return file;
  const signature = newest(actions, (a) => a.action === TreatyActionKind.SIGNATURE);
  const consent = newest(actions, (a) => consentTypeOf(a.action) !== undefined);
  const withdrawal = newest(actions, (a) => a.action === TreatyActionKind.WITHDRAWAL);
  const consentDate = consent ? consent.date : file.consentDate;
  let withdrawalDate = withdrawal ? withdrawal.date : file.withdrawalDate;
  if (withdrawalDate !== null && consentDate !== null && consentDate > withdrawalDate) withdrawalDate = null;
  return {
    signatureDate: signature ? signature.date : file.signatureDate,
    consentDate,
    consentType: consent ? consentTypeOf(consent.action)! : file.consentType,
    withdrawalDate,
  };
}

/** True when the file gives this very action (same kind, same date): it is then not counted twice. */
export function fileGives(file: TreatyRecordDates, { action, date }: RecordedAction): boolean {
  if (action === TreatyActionKind.SIGNATURE) return file.signatureDate === date;
  if (action === TreatyActionKind.WITHDRAWAL) return file.withdrawalDate === date;
  return file.consentDate === date && file.consentType === consentTypeOf(action);
}
