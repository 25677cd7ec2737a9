import { Injectable } from '@nestjs/common';
import { Writes } from '../database/writes.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind } from '../common/enums.js';
import { todayIso } from '../common/dates.js';
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { pageOf } from '../common/paging/cursor.js';
import type { Connection } from '../common/paging/connection.js';
import type { PageArgs } from '../common/paging/page.js';
import type { ContactDuplicateGroup } from './contact-posting.model.js';
import { ContactPostingsRepository } from './contact-postings.repository.js';
import { moveContactReferences } from './contact-references.js';
import type { Contact } from './contact.model.js';
import { ContactsRepository, type ContactFields } from './contacts.repository.js';
import type { MergeContactsInput } from './dto/posting.inputs.js';

/** Single-valued fields a survivor takes from a duplicate when its own is empty. */
const FILLABLE = ['title', 'email', 'phone', 'organizationId', 'stateIso3'] as const;

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  position: 'position',
  posting: 'posting',
  stateIso3: 'State',
  organizationId: 'organization',
  email: 'e-mail',
  phone: 'phone',
};

@Injectable()
export class ContactMergeService {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
    private readonly contacts: ContactsRepository,
    private readonly postings: ContactPostingsRepository,
  ) {}

  duplicates(args: PageArgs): Promise<Connection<ContactDuplicateGroup>> {
    return pageOf(
      args,
      ['text', 'text'],
      (g) => [g.reason, g.key],
      (page) => this.contacts.duplicates(page),
    );
  }

  /**
   * Merges the duplicates into the survivor in one transaction: every reference moves to it
   * (repeated interaction links are dropped), its empty fields are filled from the duplicates, the
   * duplicates' other values and notes are kept in its notes, then the duplicates are deleted.
   * Its posting, State and position then follow the current posting of the merged history.
   */
  merge(viewer: Viewer, input: MergeContactsInput): Promise<Contact> {
    const { survivorId, duplicateIds, survivorExpectedVersion, duplicateExpectedVersions } = input;
    if (!isUuid(survivorId)) throw notFound('Contact', survivorId);
    if (duplicateIds.includes(survivorId)) throw badInput('The survivor cannot be one of the duplicates', { survivorId });
    if (duplicateExpectedVersions && duplicateExpectedVersions.length !== duplicateIds.length) {
      throw badInput('duplicateExpectedVersions must give one version per duplicate, in the order of duplicateIds');
    }
    return this.writes.run(viewer, 'mergeContacts', async ({ emit }) => {
      const locked = await this.contacts.lock([
        { id: survivorId, version: survivorExpectedVersion },
        ...duplicateIds.map((id, i) => ({ id, version: duplicateExpectedVersions?.[i] })),
      ]);
      const survivor = locked.get(survivorId)!;
      const duplicates = duplicateIds.map((id) => locked.get(id)!);

      await this.settleCurrentPostings(survivorId, duplicateIds);
      await moveContactReferences(this.db, survivorId, duplicateIds);

      const changes = this.mergedFields(survivor, duplicates);
      const current = await this.postings.current(survivorId);
      if (current) Object.assign(changes, { posting: current.posting, stateIso3: current.stateIso3, position: current.position });
      await this.db.query('DELETE FROM contacts WHERE id = ANY($1::uuid[])', [duplicateIds]);
      const merged = await this.contacts.update(survivorId, survivorExpectedVersion, changes);

      await emit({
        kind: ActivityKind.CONTACTS_MERGED,
        stateIso3s: merged.stateIso3 ? [merged.stateIso3] : [],
        summary: `Contacts merged into ${merged.fullName}: ${duplicates.map((d) => d.fullName).join(', ')}`,
      });
      return merged;
    });
  }

  /**
   * At most one posting may be current once the postings are together: as when a posting is
   * added, the one that started last stays current (the survivor's on a tie) and the others end
   * the day it started, so each stays in the history.
   */
  private async settleCurrentPostings(survivorId: string, duplicateIds: string[]): Promise<void> {
    await this.db.query(
      `WITH keep AS (
         SELECT id, from_date FROM contact_postings
         WHERE to_date IS NULL AND contact_id = ANY($1::uuid[])
         ORDER BY from_date DESC, contact_id = $2::uuid DESC, created_at DESC, id LIMIT 1)
       UPDATE contact_postings p SET to_date = keep.from_date, updated_at = now()
       FROM keep
       WHERE p.to_date IS NULL AND p.contact_id = ANY($1::uuid[]) AND p.id <> keep.id`,
      [[survivorId, ...duplicateIds], survivorId],
    );
  }

  /** What the survivor takes from the duplicates: empty fields, languages, and notes with provenance. */
  private mergedFields(survivor: Contact, duplicates: Contact[]): ContactFields {
    const result: Record<string, unknown> = {};
    const final = (field: keyof Contact) => (field in result ? result[field] : survivor[field]);
    for (const field of FILLABLE) {
      if (final(field) !== null && final(field) !== '') continue;
      const donor = duplicates.find((d) => d[field] !== null && d[field] !== '');
      if (donor) result[field] = donor[field];
    }
    const languages = [...new Set([...survivor.languages, ...duplicates.flatMap((d) => d.languages)])];
    if (languages.length !== survivor.languages.length) result.languages = languages;

    const notes = survivor.notes ? [survivor.notes] : [];
    for (const duplicate of duplicates) {
      const others = Object.keys(FIELD_LABELS)
        .filter((field) => {
          const value = duplicate[field as keyof Contact];
          return value !== null && value !== '' && value !== final(field as keyof Contact);
        })
        .map((field) => `${FIELD_LABELS[field]}: ${String(duplicate[field as keyof Contact])}`);
      const heading = `Merged on ${todayIso()} from ${duplicate.fullName} (${duplicate.id}, created ${duplicate.createdAt.toISOString().slice(0, 10)})`;
      notes.push([others.length ? `${heading}; ${others.join('; ')}` : heading, duplicate.notes].filter(Boolean).join('\n'));
    }
    result.notes = notes.join('\n\n');
    return result;
  }
}
