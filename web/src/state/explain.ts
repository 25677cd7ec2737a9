/**
 * The one-line explanation of a State's treaty status, from the treaty record's dates (the service
 * computes the status by the Convention's Article 17: in force on the first day of the sixth month
 * after the month of deposit). Returns a message key and its values; the page translates it.
 */
export interface TreatyRecord {
  treatyStatus: string;
  signatureDate?: string | null;
  consentDate?: string | null;
  consentType?: string | null;
  entryIntoForceDate?: string | null;
  withdrawalDate?: string | null;
  statusAsOf?: string | null;
}

export function explainStatus(record: TreatyRecord): { key: string; values: Record<string, string> } {
  const values: Record<string, string> = {
    signed: record.signatureDate ?? '',
    deposited: record.consentDate ?? '',
    inForce: record.entryIntoForceDate ?? '',
    withdrawn: record.withdrawalDate ?? '',
    asOf: record.statusAsOf ?? '',
  };
  switch (record.treatyStatus) {
    case 'STATE_PARTY':
      return { key: 'treaty.explain.STATE_PARTY', values };
    case 'DEPOSITED':
      return { key: 'treaty.explain.DEPOSITED', values };
    case 'SIGNATORY':
      return { key: 'treaty.explain.SIGNATORY', values };
    case 'WITHDRAWN':
      return { key: 'treaty.explain.WITHDRAWN', values };
    default:
      return { key: record.signatureDate ? 'treaty.explain.SIGNATORY' : 'treaty.explain.NOT_SIGNED', values };
  }
}

/** Votes newest first (as the service gives them) → a row oldest first, newest last. */
export function votesOldestFirst<T extends { resolution: { adoptedOn: string; symbol: string } }>(votes: readonly T[]): T[] {
  return [...votes].sort(
    (a, b) => a.resolution.adoptedOn.localeCompare(b.resolution.adoptedOn) || a.resolution.symbol.localeCompare(b.resolution.symbol),
  );
}
