import { Writes } from '../database/writes.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind } from '../common/enums.js';
import { badInput, notFound } from '../common/errors.js';
import { todayIso } from '../common/dates.js';
import { toConnection, toPage } from '../common/paging/cursor.js';
import type { Connection } from '../common/paging/connection.js';
import type { ListOptions } from '../common/paging/page.js';
import { isUuid } from '../common/ids.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { StatesRepository } from '../states/states.repository.js';
import type { Contact } from './contact.model.js';
import { ContactPostingsService } from './contact-postings.service.js';
import { ContactsRepository, type ContactFields } from './contacts.repository.js';
import type { ContactsArgs, CreateContactInput, UpdateContactInput } from './dto/contact.inputs.js';

@Injectable()
export class ContactsService {
  constructor(
    private readonly writes: Writes,
    private readonly contacts: ContactsRepository,
    private readonly states: StatesRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly postings: ContactPostingsService,
  ) {}

  async get(id: string): Promise<Contact | null> {
    if (!isUuid(id)) return null;
    const [contact] = await this.contacts.byIds([id]);
    return contact ?? null;
  }

  async list(args: ContactsArgs, { withTotal }: ListOptions = {}): Promise<Connection<Contact>> {
    // A search ranks by closeness first, and its cursors carry it.
    const searching = Boolean(args.filter?.search?.trim());
    const page = toPage(args, searching ? ['number', 'text', 'uuid'] : ['text', 'uuid'], withTotal);
    const { rows, total } = await this.contacts.page(args.filter ?? {}, page);
    return toConnection(rows as (Contact & { searchCloseness?: number })[], page.first, total, (c) =>
      searching ? [c.searchCloseness, c.fullName, c.id] : [c.fullName, c.id],
    );
  }

  create(viewer: Viewer, input: CreateContactInput): Promise<Contact> {
    const { postingStartedOn, ...fields } = input;
    const today = todayIso();
    if (postingStartedOn && postingStartedOn > today) {
      const problem = `postingStartedOn (${postingStartedOn}) is after today (${today}): record the posting once it has started`;
      throw badInput(problem, { field: 'postingStartedOn', problems: [problem] });
    }
    if (postingStartedOn && !fields.posting && !fields.stateIso3) {
      const problem = 'postingStartedOn is the start of the posting: give the posting or the State too';
      throw badInput(problem, { field: 'postingStartedOn', problems: [problem] });
    }
    const position = fields.position ? `, ${fields.position}` : '';
    const summary = `Contact added${fields.stateIso3 ? ' for {states}' : ''}: ${fields.fullName}${position}`;
    const oneStatement = async () => {
      const written = await this.contacts.create(
        viewer,
        { ...fields, id: randomUUID(), postingStartedOn: postingStartedOn ?? today },
        summary,
      );
      if ('unknownState' in written) {
        throw written.unknownState ? notFound('State', fields.stateIso3!) : notFound('Organization', fields.organizationId!);
      }
      return { result: written.contact, events: [written.event] };
    };
    // With an idempotency key: in a transaction that stores the key with the result.
    return this.writes.statement(oneStatement, () =>
      this.writes.run(viewer, 'createContact', async ({ emit }) => {
        await this.checkReferences(fields);
        const contact = await this.contacts.insert({
          ...fields,
          id: randomUUID(),
          createdBy: viewer.id,
          postingStartedOn: postingStartedOn ?? today,
        });
        await emit({
          kind: ActivityKind.CONTACT_ADDED,
          stateIso3s: contact.stateIso3 ? [contact.stateIso3] : [],
          summary,
        });
        return contact;
      }),
    );
  }

  update(viewer: Viewer, id: string, { expectedVersion, ...changes }: UpdateContactInput): Promise<Contact> {
    if (!isUuid(id)) throw notFound('Contact', id);
    return this.writes.run(viewer, 'updateContact', async () => {
      await this.checkReferences(changes);
      const contact = await this.contacts.update(id, expectedVersion, changes);
      await this.postings.followContact(viewer, contact, changes);
      return contact;
    });
  }

  async delete(viewer: Viewer, id: string, expectedVersion?: number): Promise<string> {
    if (!isUuid(id)) throw notFound('Contact', id);
    await this.writes.run(viewer, 'deleteContact', () => this.contacts.delete(id, expectedVersion));
    return id;
  }

  /** A contact may only point at a State and an organization that exist. */
  private async checkReferences(fields: ContactFields): Promise<void> {
    if (fields.stateIso3 && !(await this.states.existing([fields.stateIso3])).has(fields.stateIso3)) {
      throw notFound('State', fields.stateIso3);
    }
    if (fields.organizationId && !(await this.organizations.byIds([fields.organizationId])).length) {
      throw notFound('Organization', fields.organizationId);
    }
  }
}
