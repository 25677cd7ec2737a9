import { Injectable } from '@nestjs/common';
import { Writes, type WriteTransaction } from '../database/writes.js';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind, Posting } from '../common/enums.js';
import { todayIso } from '../common/dates.js';
import { badInput, notFound } from '../common/errors.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { StatesRepository } from '../states/states.repository.js';
import type { ContactPosting } from './contact-posting.model.js';
import { ContactPostingsRepository, type PostingFields } from './contact-postings.repository.js';
import type { Contact } from './contact.model.js';
import { ContactsRepository, type ContactFields } from './contacts.repository.js';
import type { AddContactPostingInput, EndContactPostingInput, UpdateContactPostingInput } from './dto/posting.inputs.js';

const POSTING_LABELS: Record<Posting, string> = {
  [Posting.CAPITAL]: 'in the capital',
  [Posting.GENEVA_MISSION]: 'at the mission in Geneva',
  [Posting.NEW_YORK_MISSION]: 'at the mission in New York',
  [Posting.OTHER_MISSION]: 'at another mission',
  [Posting.OTHER]: 'elsewhere',
};

/**
 * A contact's postings over time. The contact's `posting`, `state_iso3` and `position` columns
 * are its current posting (the one without an end date): every change here keeps them in step,
 * and when no posting is current `posting` and `position` are empty while `state_iso3` keeps the
 * State of the last one. Every change takes the contact's expected version and bumps it.
 */
@Injectable()
export class ContactPostingsService {
  constructor(
    private readonly writes: Writes,
    private readonly contacts: ContactsRepository,
    private readonly postings: ContactPostingsRepository,
    private readonly states: StatesRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  add(viewer: Viewer, input: AddContactPostingInput): Promise<Contact> {
    return this.writes.run(viewer, 'addContactPosting', async ({ emit }) => {
      const contact = (await this.contacts.lock([{ id: input.contactId, version: input.expectedVersion }])).get(input.contactId)!;
      await this.checkReferences(input);
      const to = input.to ?? null;
      if (to !== null && to <= input.from)
        throw badInput(`A posting ends after it starts: "to" (${to}) must be after "from" (${input.from})`);
      if (to === null) {
        const current = await this.postings.current(contact.id);
        if (current) {
          if (current.from >= input.from) {
            throw badInput(`The current posting started on ${current.from}: a new current posting must start after that`, {
              postingId: current.id,
            });
          }
          await this.postings.update(current.id, { to: input.from });
        }
      }
      const posting = await this.postings.insert({ ...input, to, contactId: contact.id, createdBy: viewer.id });
      const updated = await this.sync(contact, input.expectedVersion);
      await this.announce(emit, updated, posting, to === null ? 'now' : 'past');
      return updated;
    });
  }

  end(viewer: Viewer, input: EndContactPostingInput): Promise<Contact> {
    return this.writes.run(viewer, 'endContactPosting', async ({ emit }) => {
      const { posting, contact } = await this.lockPosting(input.postingId, input.expectedVersion);
      if (!posting.current) throw badInput(`This posting already ended on ${posting.to}`, { postingId: posting.id });
      if (input.to <= posting.from) throw badInput(`A posting ends after it starts: "to" (${input.to}) must be after ${posting.from}`);
      const ended = await this.postings.update(posting.id, { to: input.to });
      const updated = await this.sync(contact, input.expectedVersion);
      await this.announce(emit, updated, ended, 'ended');
      return updated;
    });
  }

  update(viewer: Viewer, { postingId, expectedVersion, ...changes }: UpdateContactPostingInput): Promise<Contact> {
    return this.writes.run(viewer, 'updateContactPosting', async ({ emit }) => {
      const { posting, contact } = await this.lockPosting(postingId, expectedVersion);
      await this.checkReferences(changes);
      const from = changes.from ?? posting.from;
      const to = changes.to === undefined ? posting.to : changes.to;
      if (to !== null && to <= from) throw badInput(`A posting ends after it starts: "to" (${to}) must be after "from" (${from})`);
      if (to === null && !posting.current) {
        const current = await this.postings.current(contact.id);
        if (current) {
          throw badInput('Another posting is current: end it, or add this one with addContactPosting', { postingId: current.id });
        }
      }
      const changed = await this.postings.update(posting.id, changes);
      const updated = await this.sync(contact, expectedVersion);
      await this.announce(emit, updated, changed, 'corrected');
      return updated;
    });
  }

  delete(viewer: Viewer, postingId: string, expectedVersion: number): Promise<Contact> {
    return this.writes.run(viewer, 'deleteContactPosting', async ({ emit }) => {
      const { posting, contact } = await this.lockPosting(postingId, expectedVersion);
      await this.postings.delete(posting.id);
      const updated = await this.sync(contact, expectedVersion);
      await this.announce(emit, updated, posting, 'removed');
      return updated;
    });
  }

  /**
   * After updateContact changed the contact's posting, State or position: the current posting
   * follows (a correction), or, when none is current, the contact now holds one from today.
   */
  async followContact(viewer: Viewer, contact: Contact, changes: ContactFields): Promise<void> {
    if (changes.posting === undefined && changes.stateIso3 === undefined && changes.position === undefined) return;
    const current = await this.postings.current(contact.id);
    const fields: PostingFields = { posting: contact.posting, stateIso3: contact.stateIso3, position: contact.position };
    if (current) await this.postings.update(current.id, fields);
    else if (contact.posting || contact.stateIso3) {
      await this.postings.insert({ ...fields, contactId: contact.id, from: todayIso(), createdBy: viewer.id });
    }
  }

  /** Makes the contact's columns match its current posting, bumping its version. */
  private async sync(contact: Contact, expectedVersion: number): Promise<Contact> {
    const current = await this.postings.current(contact.id);
    const changes: ContactFields = current
      ? { posting: current.posting, stateIso3: current.stateIso3, position: current.position }
      : { posting: null, position: null };
    return this.contacts.update(contact.id, expectedVersion, changes);
  }

  private async lockPosting(postingId: string, expectedVersion: number): Promise<{ posting: ContactPosting; contact: Contact }> {
    const found = await this.postings.byId(postingId);
    if (!found) throw notFound('ContactPosting', postingId);
    const contact = (await this.contacts.lock([{ id: found.contactId, version: expectedVersion }])).get(found.contactId)!;
    // Read again under the contact's lock: the posting may have changed meanwhile.
    const posting = await this.postings.byId(postingId);
    if (!posting) throw notFound('ContactPosting', postingId);
    return { posting, contact };
  }

  private async checkReferences(fields: { stateIso3?: string | null; organizationId?: string | null }): Promise<void> {
    if (fields.stateIso3 && !(await this.states.existing([fields.stateIso3])).has(fields.stateIso3)) {
      throw notFound('State', fields.stateIso3);
    }
    if (fields.organizationId && !(await this.organizations.byIds([fields.organizationId])).length) {
      throw notFound('Organization', fields.organizationId);
    }
  }

  private announce(
    emit: WriteTransaction['emit'],
    contact: Contact,
    posting: ContactPosting,
    what: 'now' | 'past' | 'ended' | 'corrected' | 'removed',
  ) {
    const where = `${posting.posting ? POSTING_LABELS[posting.posting] : 'posted'}${posting.stateIso3 ? ' for {states}' : ''}`;
    const position = posting.position ? ` as ${posting.position}` : '';
    const summaries = {
      now: `${contact.fullName} is now ${where}${position}, since ${posting.from}`,
      past: `Past posting recorded for ${contact.fullName}: ${where}${position}, ${posting.from} to ${posting.to}`,
      ended: `${contact.fullName}'s posting ${where} ended on ${posting.to}`,
      corrected: `Posting of ${contact.fullName} corrected: ${where}${position}, from ${posting.from}${posting.to ? ` to ${posting.to}` : ''}`,
      removed: `Posting of ${contact.fullName} removed: ${where}, from ${posting.from}`,
    };
    return emit({
      kind: ActivityKind.CONTACT_POSTING_CHANGED,
      stateIso3s: posting.stateIso3 ? [posting.stateIso3] : [],
      summary: summaries[what],
    });
  }
}
