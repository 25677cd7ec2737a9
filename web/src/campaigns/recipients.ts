/**
 * Whom each letter of a new campaign goes to, as the service decides it (createLetterCampaign):
 * the State's contacts with the first of the postings it has (the mission in Geneva, then the one
 * in New York, then the capital), or the contacts chosen by hand for that State.
 */

export const DEFAULT_POSTINGS = ['GENEVA_MISSION', 'NEW_YORK_MISSION', 'CAPITAL'] as const;

export interface RecipientContact {
  id: string;
  fullName: string;
  posting?: string | null;
}

export interface Addressees {
  /** The posting the contacts were chosen by; null when chosen by hand or when none is on file. */
  posting: string | null;
  contacts: RecipientContact[];
  byHand: boolean;
}

/** The contacts of the first posting of `postings` the State has; none when it has none of them. */
export function addressByPosting(contacts: readonly RecipientContact[], postings: readonly string[] = DEFAULT_POSTINGS): Addressees {
  for (const posting of postings) {
    const matching = contacts.filter((contact) => contact.posting === posting);
    if (matching.length) return { posting, contacts: matching, byHand: false };
  }
  return { posting: null, contacts: [], byHand: false };
}

/** The addressees of every State: by posting, unless chosen by hand (`picked`). */
export function addressees(
  iso3s: readonly string[],
  contactsByState: ReadonlyMap<string, readonly RecipientContact[]>,
  picked: ReadonlyMap<string, readonly string[]>,
): Map<string, Addressees> {
  const result = new Map<string, Addressees>();
  for (const iso3 of iso3s) {
    const contacts = contactsByState.get(iso3) ?? [];
    const chosen = picked.get(iso3);
    result.set(
      iso3,
      chosen
        ? { posting: null, contacts: contacts.filter((contact) => chosen.includes(contact.id)), byHand: true }
        : addressByPosting(contacts),
    );
  }
  return result;
}

/** The `recipients` of createLetterCampaign: the States whose contacts were chosen by hand. */
export function recipientsInput(
  iso3s: readonly string[],
  picked: ReadonlyMap<string, readonly string[]>,
): { stateIso3: string; contactIds: string[] }[] {
  return iso3s.filter((iso3) => picked.has(iso3)).map((iso3) => ({ stateIso3: iso3, contactIds: [...picked.get(iso3)!] }));
}
