import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '../common/batches.js';
import type { LoaderSource } from '../graphql/loaders.js';
import type { ContactPosting } from './contact-posting.model.js';
import { ContactPostingsRepository } from './contact-postings.repository.js';
import type { Contact } from './contact.model.js';
import { ContactsRepository } from './contacts.repository.js';

/** Contacts by id and by State, and each contact's postings. */
@Injectable()
export class ContactLoaders implements LoaderSource {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly postings: ContactPostingsRepository,
  ) {}

  forRequest() {
    const { contacts, postings } = this;
    return {
      contact: new DataLoader<string, Contact | null>(async (ids) => {
        const found = byKey(await contacts.byIds(ids), (c) => c.id);
        return ids.map((id) => found.get(id) ?? null);
      }),
      contactsByState: new DataLoader<string, Contact[]>(async (iso3s) => {
        const groups = groupByKey(await contacts.byStates(iso3s), (c) => c.stateIso3!);
        return iso3s.map((iso3) => groups.get(iso3) ?? []);
      }),
      postingsByContact: new DataLoader<string, ContactPosting[]>(async (ids) => {
        const groups = groupByKey(await postings.byContacts(ids), (p) => p.contactId);
        return ids.map((id) => groups.get(id) ?? []);
      }),
    };
  }
}
