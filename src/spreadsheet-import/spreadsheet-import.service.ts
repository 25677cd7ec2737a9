import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Db } from '../database/db.js';
import { Writes } from '../database/writes.js';
import { canWrite, type Viewer } from '../auth/viewer.js';
import { ActivityKind, InteractionType, Visibility } from '../common/enums.js';
import { todayIso } from '../common/dates.js';
import { AppError, badInput, forbidden } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { REPLY_TYPES } from '../interactions/interaction-rules.js';
import * as labels from './labels.js';
import { normalizeName, splitList } from './names.js';
import { fileReport, rejectedCount, RowAction, type ImportReport, type RowReport } from './report.js';
import { readSheet, type ColumnSpec, type Sheet, type SheetRow } from './sheet.js';
import {
  SpreadsheetImportRepository,
  type ContactRecord,
  type InteractionRecord,
  type InteractionWrite,
} from './spreadsheet-import.repository.js';
import { StateNames } from './state-names.js';

/** The columns of contacts.csv, each with the other header names that mean it. */
export const CONTACT_SHEET_COLUMNS: ColumnSpec = {
  name: ['full name', 'contact', 'contact name'],
  title: ['honorific'],
  position: ['function', 'job title'],
  posting: ['post', 'duty station'],
  state: ['country'],
  email: ['e-mail', 'mail', 'email address', 'e-mail address'],
  phone: ['telephone', 'tel', 'phone number'],
  languages: ['language'],
  notes: ['note', 'comments'],
};

/** The columns of interactions.csv, each with the other header names that mean it. */
export const INTERACTION_SHEET_COLUMNS: ColumnSpec = {
  ref: ['reference', 'id'],
  date: ['occurred on', 'occurred'],
  type: ['interaction type', 'kind'],
  states: ['state', 'countries', 'country'],
  contacts: ['contact', 'people'],
  subject: ['title'],
  summary: ['notes', 'description', 'details'],
  outcome: ['result'],
  follow_up: ['follow-up date', 'follow up on', 'follow-up on', 'followup', 'next step date'],
  visibility: ['sharing', 'shared with'],
  reply_received: ['reply received on', 'reply', 'reply date'],
};

/** The sheet's names for the fields a report says were changed. */
const CONTACT_FIELD_COLUMNS: Record<string, string> = { fullName: 'name', stateIso3: 'state' };
const INTERACTION_FIELD_COLUMNS: Record<string, string> = {
  occurredOn: 'date',
  followUpOn: 'follow_up',
  replyReceivedOn: 'reply_received',
};

const CONTACTS_FILE = 'contacts.csv';
const INTERACTIONS_FILE = 'interactions.csv';
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface SpreadsheetFiles {
  contacts?: Buffer;
  interactions?: Buffer;
}

/** What a real run writes, once every row has passed. */
interface Plan {
  contacts: { create: ContactRecord[]; update: ContactRecord[] };
  interactions: { create: InteractionWrite[]; update: InteractionWrite[] };
  contactRows: RowReport[];
  interactionRows: RowReport[];
  /** The report entry of each row to be created, to receive its id once written. */
  created: Map<string, RowReport>;
}

/** A contact the interactions may name: one already stored, or one from contacts.csv. */
interface DirectoryEntry {
  id: string;
  stateIso3: string | null;
  /** The line of contacts.csv that defines it, when it does. */
  line?: number;
  rejected?: boolean;
}

interface StoredContacts {
  byEmail: Map<string, ContactRecord>;
  byName: Map<string, ContactRecord[]>;
}

class Directory {
  private readonly byEmail = new Map<string, DirectoryEntry>();
  private readonly byName = new Map<string, DirectoryEntry[]>();

  add(entry: DirectoryEntry, name: string | null, email: string | null): void {
    if (email) this.byEmail.set(email.toLowerCase(), entry);
    if (name) {
      const key = normalizeName(name);
      // A contact from the file that matched a stored one takes its place.
      this.byName.set(key, [...(this.byName.get(key) ?? []).filter((other) => other.id !== entry.id), entry]);
    }
  }

  emailMatch(email: string): DirectoryEntry | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  nameMatches(name: string): DirectoryEntry[] {
    return this.byName.get(normalizeName(name)) ?? [];
  }
}

/** Reads the cells of one row, collecting a reason for each problem. */
class Cells {
  readonly reasons: string[] = [];

  constructor(private readonly row: SheetRow) {}

  get ok(): boolean {
    return this.reasons.length === 0;
  }

  raw(column: string): string {
    return this.row.values[column] ?? '';
  }

  fail(column: string, message: string): void {
    this.reasons.push(`${column}: ${message}`);
  }

  text(column: string, max: number): string | null {
    const value = this.raw(column);
    if (value.length > max) this.fail(column, `at most ${max} characters (this one has ${value.length})`);
    return value === '' ? null : value;
  }

  required(column: string, max: number): string {
    const value = this.text(column, max);
    if (value === null) this.fail(column, 'a value is required');
    return value ?? '';
  }

  date(column: string): string | null {
    const value = this.raw(column);
    if (value === '') return null;
    const date = labels.parseDate(value);
    if (!date) this.fail(column, `"${value}" is not a date: write YYYY-MM-DD or DD/MM/YYYY`);
    return date;
  }

  choice<T>(column: string, read: (cell: string) => T | null, expected: string): T | null {
    const value = this.raw(column);
    if (value === '') return null;
    const choice = read(value);
    if (choice === null) this.fail(column, `"${value}" is not known: expected ${expected}`);
    return choice;
  }
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);

/**
 * Imports contacts and interactions from the CSV files coordinators keep. Every row is resolved
 * and checked first; a dry run stops there and reports. A real run writes everything in one
 * transaction, and only if no row is rejected.
 */
@Injectable()
export class SpreadsheetImportService {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
    private readonly repository: SpreadsheetImportRepository,
  ) {}

  async run(viewer: Viewer, files: SpreadsheetFiles, options: { dryRun: boolean }): Promise<ImportReport> {
    if (!canWrite(viewer)) throw forbidden('Only coordinators and admins can import spreadsheets');
    if (!files.contacts && !files.interactions) throw badInput('Send a contacts file, an interactions file, or both');
    const contactSheet = files.contacts ? readSheet(CONTACTS_FILE, files.contacts, CONTACT_SHEET_COLUMNS, ['name']) : null;
    const interactionSheet = files.interactions
      ? readSheet(INTERACTIONS_FILE, files.interactions, INTERACTION_SHEET_COLUMNS, ['date', 'type', 'states', 'subject'])
      : null;
    const report = (plan: Plan, committed: boolean): ImportReport => {
      const contacts = contactSheet && fileReport(contactSheet, plan.contactRows);
      const interactions = interactionSheet && fileReport(interactionSheet, plan.interactionRows);
      return { dryRun: options.dryRun, committed, rejected: rejectedCount(contacts) + rejectedCount(interactions), contacts, interactions };
    };
    if (options.dryRun) return report(await this.plan(viewer, contactSheet, interactionSheet), false);
    try {
      return await this.writes.run(viewer, 'importSpreadsheet', async ({ emit }) => {
        const plan = await this.plan(viewer, contactSheet, interactionSheet);
        const checked = report(plan, false);
        if (checked.rejected > 0) return checked;
        await this.repository.insertContacts(plan.contacts.create, viewer.id);
        await this.repository.updateContacts(plan.contacts.update);
        await this.repository.insertInteractions(plan.interactions.create, viewer.organizationId, viewer.id);
        await this.repository.updateInteractions(plan.interactions.update);
        for (const [id, row] of plan.created) row.id = id;
        const summary = describe(plan);
        if (summary) {
          const written = [...plan.interactions.create, ...plan.interactions.update];
          const stateIso3s = [...new Set(written.flatMap((i) => i.stateIso3s))].sort();
          await emit({ kind: ActivityKind.SPREADSHEET_IMPORTED, stateIso3s, summary, visibility: Visibility.ORGANIZATION });
        }
        return report(plan, true);
      });
    } catch (error) {
      // Someone imported the same rows meanwhile: the unique import key refused the second copy.
      if ((error as { code?: string }).code === '23505') {
        throw new AppError('CONFLICT', 'The same rows were imported at the same time by another request: import again to see what changed');
      }
      throw error;
    }
  }

  private async plan(viewer: Viewer, contactSheet: Sheet | null, interactionSheet: Sheet | null): Promise<Plan> {
    const plan: Plan = {
      contacts: { create: [], update: [] },
      interactions: { create: [], update: [] },
      contactRows: [],
      interactionRows: [],
      created: new Map(),
    };
    const states = await StateNames.load(this.db);
    const stored = await this.repository.contacts();
    const directory = new Directory();
    for (const contact of stored) directory.add({ id: contact.id, stateIso3: contact.stateIso3 }, contact.fullName, contact.email);
    if (contactSheet) this.planContacts(contactSheet, stored, states, directory, plan);
    if (interactionSheet) await this.planInteractions(viewer, interactionSheet, states, directory, plan);
    return plan;
  }

  private planContacts(sheet: Sheet, contacts: ContactRecord[], states: StateNames, directory: Directory, plan: Plan): void {
    const stored: StoredContacts = { byEmail: new Map(), byName: new Map() };
    for (const contact of contacts) {
      if (contact.email) stored.byEmail.set(contact.email.toLowerCase(), contact);
      const key = normalizeName(contact.fullName);
      stored.byName.set(key, [...(stored.byName.get(key) ?? []), contact]);
    }
    const seen = new Map<string, number>();
    for (const row of sheet.rows) {
      const cells = new Cells(row);
      const fullName = cells.required('name', 200);
      const email = cells.text('email', 320);
      if (email && !EMAIL.test(email)) cells.fail('email', `"${email}" is not an e-mail address`);
      const stateCell = cells.raw('state');
      const stateIso3 = stateCell ? states.resolve(stateCell) : null;
      if (stateCell && !stateIso3) cells.fail('state', `unknown State "${stateCell}" (write its ISO3 code or its UN name)`);
      const languages = splitList(cells.raw('languages').replace(/,/g, ';'));
      if (languages.length > 20 || languages.some((language) => language.length > 50))
        cells.fail('languages', 'at most 20, of 50 characters each');
      const fields = {
        fullName,
        title: cells.text('title', 100),
        position: cells.text('position', 200),
        posting: cells.choice('posting', labels.posting, labels.POSTING_CHOICES),
        stateIso3,
        email,
        phone: cells.text('phone', 50),
        languages,
        notes: cells.text('notes', 10000),
      };
      const identity = email ? `email:${email.toLowerCase()}` : `name:${normalizeName(fullName)}|${stateIso3 ?? ''}`;
      const earlier = seen.get(identity);
      if (earlier !== undefined)
        cells.reasons.push(`the same contact as line ${earlier} (${email ? 'same e-mail' : 'same name and State'})`);
      else seen.set(identity, row.line);

      const match = cells.ok ? this.matchContact(fields, stored) : { contact: null, how: '' };
      if (typeof match === 'string') cells.reasons.push(match);
      if (!cells.ok || typeof match === 'string') {
        plan.contactRows.push({ line: row.line, action: RowAction.REJECT, reasons: cells.reasons });
        directory.add({ id: `line ${row.line}`, stateIso3, line: row.line, rejected: true }, fullName || null, email);
        continue;
      }
      const current = match.contact;
      if (!current) {
        const contact: ContactRecord = { id: randomUUID(), ...fields };
        plan.contacts.create.push(contact);
        const report = { line: row.line, action: RowAction.CREATE, reasons: [] };
        plan.contactRows.push(report);
        plan.created.set(contact.id, report);
        directory.add({ id: contact.id, stateIso3, line: row.line }, fullName, email);
        continue;
      }
      // An empty cell leaves the stored value as it is.
      const merged: ContactRecord = {
        ...current,
        // A name written without its accents or in another case is the same name: the stored spelling stays.
        fullName: normalizeName(fullName) === normalizeName(current.fullName) ? current.fullName : fullName,
        title: fields.title ?? current.title,
        position: fields.position ?? current.position,
        posting: fields.posting ?? current.posting,
        stateIso3: fields.stateIso3 ?? current.stateIso3,
        // The same address in another case is the same address.
        email: fields.email && fields.email.toLowerCase() !== current.email?.toLowerCase() ? fields.email : current.email,
        phone: fields.phone ?? current.phone,
        languages: fields.languages.length ? fields.languages : current.languages,
        notes: fields.notes ?? current.notes,
      };
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((key) =>
        key === 'languages' ? merged.languages.join('\n') !== current.languages.join('\n') : merged[key] !== current[key],
      );
      directory.add({ id: current.id, stateIso3: merged.stateIso3, line: row.line }, fullName, merged.email);
      if (changed.length) {
        plan.contacts.update.push(merged);
        const columns = changed.map((field) => CONTACT_FIELD_COLUMNS[field] ?? field);
        plan.contactRows.push({
          line: row.line,
          action: RowAction.UPDATE,
          id: current.id,
          reasons: [match.how, `changes ${columns.join(', ')}`],
        });
      } else {
        plan.contactRows.push({ line: row.line, action: RowAction.UNCHANGED, id: current.id, reasons: [match.how] });
      }
    }
  }

  /**
   * A stored contact with the same e-mail (any case); without an e-mail in the row, one with the same
   * name (and State, when the row gives one). With an e-mail that no one has, a stored contact of the
   * same name that has no e-mail yet. A string when the name is ambiguous.
   */
  private matchContact(
    fields: { fullName: string; email: string | null; stateIso3: string | null },
    stored: StoredContacts,
  ): { contact: ContactRecord | null; how: string } | string {
    if (fields.email) {
      const byEmail = stored.byEmail.get(fields.email.toLowerCase());
      if (byEmail) return { contact: byEmail, how: `matches the contact with the e-mail ${fields.email}` };
    }
    let candidates = stored.byName.get(normalizeName(fields.fullName)) ?? [];
    if (fields.email) candidates = candidates.filter((contact) => !contact.email);
    if (fields.stateIso3) candidates = candidates.filter((contact) => contact.stateIso3 === fields.stateIso3 || !contact.stateIso3);
    if (candidates.length > 1) {
      return `${candidates.length} stored contacts are named "${fields.fullName}"${fields.stateIso3 ? ` for ${fields.stateIso3}` : ''}: give the e-mail or the State to tell them apart`;
    }
    if (!candidates.length) return { contact: null, how: '' };
    return { contact: candidates[0], how: `matches the contact named "${candidates[0].fullName}"` };
  }

  private async planInteractions(viewer: Viewer, sheet: Sheet, states: StateNames, directory: Directory, plan: Plan): Promise<void> {
    interface Parsed {
      line: number;
      cells: Cells;
      key: string;
      ref: string | null;
      record: Omit<InteractionRecord, 'id' | 'importKey'>;
      given: { summary: boolean; outcome: boolean; followUpOn: boolean; replyReceivedOn: boolean; visibility: boolean; contacts: boolean };
    }
    const parsed: Parsed[] = [];
    const seen = new Map<string, number>();
    for (const row of sheet.rows) {
      const cells = new Cells(row);
      const ref = cells.text('ref', 200);
      const occurredOn = cells.date('date');
      if (!cells.raw('date')) cells.fail('date', 'a value is required');
      const type = cells.choice('type', labels.interactionType, labels.TYPE_CHOICES);
      if (!cells.raw('type')) cells.fail('type', 'a value is required');
      const subject = cells.required('subject', 300);
      const stateIso3s: string[] = [];
      const stateNames = splitList(cells.raw('states'));
      if (!stateNames.length) cells.fail('states', 'at least one State is required');
      for (const name of stateNames) {
        const iso3 = states.resolve(name);
        if (!iso3) cells.fail('states', `unknown State "${name}" (write its ISO3 code or its UN name)`);
        else if (!stateIso3s.includes(iso3)) stateIso3s.push(iso3);
      }
      if (stateIso3s.length > 200) cells.fail('states', 'at most 200 States');
      const contactIds: string[] = [];
      const contactNames = splitList(cells.raw('contacts'));
      if (contactNames.length > 100) cells.fail('contacts', 'at most 100 contacts');
      for (const name of contactNames) {
        const found = resolveContact(name, stateIso3s, directory);
        if ('problem' in found) cells.fail('contacts', found.problem);
        else if (!contactIds.includes(found.id)) contactIds.push(found.id);
      }
      const followUpOn = cells.date('follow_up');
      const replyReceivedOn = cells.date('reply_received');
      const visibility = cells.choice('visibility', labels.visibility, labels.VISIBILITY_CHOICES);
      const record = {
        type: type ?? InteractionType.OTHER,
        occurredOn: occurredOn ?? '',
        subject,
        summary: cells.text('summary', 20000),
        outcome: cells.text('outcome', 20000),
        followUpOn,
        replyReceivedOn,
        visibility: visibility ?? Visibility.ORGANIZATION,
        stateIso3s: [...stateIso3s].sort(),
        contactIds: [...contactIds].sort(),
      };
      const key =
        ref !== null
          ? `ref:${ref}`
          : `row:${createHash('sha256')
              .update([occurredOn, type, record.stateIso3s.join(','), normalizeName(subject)].join('\n'))
              .digest('hex')}`;
      if (cells.ok) {
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          cells.reasons.push(
            ref !== null ? `the same ref as line ${earlier}` : `a duplicate of line ${earlier} (same date, type, States and subject)`,
          );
        } else seen.set(key, row.line);
      }
      const given = {
        summary: record.summary !== null,
        outcome: record.outcome !== null,
        followUpOn: followUpOn !== null,
        replyReceivedOn: replyReceivedOn !== null,
        visibility: visibility !== null,
        contacts: contactIds.length > 0,
      };
      parsed.push({ line: row.line, cells, key, ref, record, given });
    }

    const keys = parsed.filter((p) => p.cells.ok).map((p) => p.key);
    const existing = new Map((await this.repository.interactionsByKeys(viewer.organizationId, keys)).map((i) => [i.importKey, i]));
    // A ref that no import of this organization used but that is the id of an interaction the viewer
    // may see names that interaction: it is how an exported sheet (see /exports/interactions.csv) names its rows.
    const idRefs = parsed
      .filter((p) => p.cells.ok && p.ref !== null && isUuid(p.ref) && !existing.has(p.key))
      .map((p) => p.ref!.toLowerCase());
    const byId = new Map((await this.repository.visibleInteractionsByIds(viewer, idRefs)).map((i) => [i.id, i]));
    for (const { line, cells, key, ref, record, given } of parsed) {
      const current = cells.ok ? (existing.get(key) ?? (ref !== null ? byId.get(ref.toLowerCase()) : undefined)) : undefined;
      // An empty cell leaves the stored value as it is.
      const merged: InteractionRecord = current
        ? {
            ...record,
            id: current.id,
            importKey: key,
            summary: given.summary ? record.summary : current.summary,
            outcome: given.outcome ? record.outcome : current.outcome,
            followUpOn: given.followUpOn ? record.followUpOn : current.followUpOn,
            replyReceivedOn: given.replyReceivedOn ? record.replyReceivedOn : current.replyReceivedOn,
            visibility: given.visibility ? record.visibility : current.visibility,
            contactIds: given.contacts ? record.contactIds : [...current.contactIds].sort(),
          }
        : { ...record, id: randomUUID(), importKey: key };
      if (cells.ok) checkDates(merged, cells);
      if (!cells.ok) {
        plan.interactionRows.push({ line, action: RowAction.REJECT, reasons: cells.reasons });
        continue;
      }
      if (!current) {
        plan.interactions.create.push({ ...merged, resetFollowUp: false, statesChanged: true, contactsChanged: true });
        const report = { line, action: RowAction.CREATE, reasons: [] };
        plan.interactionRows.push(report);
        plan.created.set(merged.id, report);
        continue;
      }
      const how =
        ref === null
          ? 'matches an interaction imported with the same date, type, States and subject'
          : current.importKey === key
            ? `matches the interaction imported with ref "${ref}"`
            : `matches the interaction with the id ${current.id}`;
      const fields = ['type', 'occurredOn', 'subject', 'summary', 'outcome', 'followUpOn', 'replyReceivedOn', 'visibility'] as const;
      const changed: string[] = fields
        .filter((field) => merged[field] !== current[field])
        .map((field) => INTERACTION_FIELD_COLUMNS[field] ?? field);
      const statesChanged = !sameList(merged.stateIso3s, current.stateIso3s);
      const contactsChanged = !sameList(merged.contactIds, current.contactIds);
      if (statesChanged) changed.push('states');
      if (contactsChanged) changed.push('contacts');
      if (!changed.length) {
        plan.interactionRows.push({ line, action: RowAction.UNCHANGED, id: current.id, reasons: [how] });
        continue;
      }
      if (current.organizationId !== viewer.organizationId) {
        const reasons = [how, `changes ${changed.join(', ')}, but only the organization that logged it can change it through an import`];
        plan.interactionRows.push({ line, action: RowAction.REJECT, id: current.id, reasons });
        continue;
      }
      // A new follow-up date is a new follow-up: it is pending again.
      plan.interactions.update.push({ ...merged, resetFollowUp: merged.followUpOn !== current.followUpOn, statesChanged, contactsChanged });
      plan.interactionRows.push({ line, action: RowAction.UPDATE, id: current.id, reasons: [how, `changes ${changed.join(', ')}`] });
    }
  }
}

/** A contact named in an interaction row, by e-mail or by name, or why it cannot be found. */
function resolveContact(name: string, stateIso3s: string[], directory: Directory): { id: string } | { problem: string } {
  const found = (entry: DirectoryEntry) =>
    entry.rejected
      ? { problem: `contact "${name}" is defined on line ${entry.line} of ${CONTACTS_FILE}, which is rejected` }
      : { id: entry.id };
  if (name.includes('@')) {
    const entry = directory.emailMatch(name);
    return entry ? found(entry) : { problem: `unknown contact "${name}": no contact has this e-mail (add the person to ${CONTACTS_FILE})` };
  }
  const all = directory.nameMatches(name);
  const entries = all.length > 1 ? all.filter((entry) => entry.stateIso3 !== null && stateIso3s.includes(entry.stateIso3)) : all;
  if (entries.length === 1) return found(entries[0]);
  if (all.length > 1)
    return { problem: `contact "${name}" is ambiguous: ${all.length} contacts have this name (write the e-mail instead)` };
  return { problem: `unknown contact "${name}" (add the person to ${CONTACTS_FILE}, or write the e-mail of a stored contact)` };
}

/**
 * An interaction and its reply are dated on or before today; a follow-up and a reply come on or after
 * the interaction; only letters and e-mails get replies.
 */
function checkDates(row: InteractionRecord, cells: Cells): void {
  const today = todayIso();
  if (row.occurredOn > today) cells.fail('date', `${row.occurredOn} is after today: an interaction is recorded once it has happened`);
  if (row.replyReceivedOn && row.replyReceivedOn > today) cells.fail('reply_received', `${row.replyReceivedOn} is after today`);
  if (row.followUpOn && row.followUpOn < row.occurredOn) cells.fail('follow_up', `${row.followUpOn} is before the date ${row.occurredOn}`);
  if (!row.replyReceivedOn) return;
  if (!REPLY_TYPES.includes(row.type)) cells.fail('reply_received', `only a letter or an e-mail gets a reply; this row is a ${row.type}`);
  else if (row.replyReceivedOn < row.occurredOn)
    cells.fail('reply_received', `${row.replyReceivedOn} is before the date ${row.occurredOn}`);
}

/** "Spreadsheet imported: 24 interactions created, 2 updated; 12 contacts created", or null when nothing changes. */
function describe(plan: Plan): string | null {
  const parts: string[] = [];
  const count = (what: string, created: number, updated: number) => {
    if (!created && !updated) return;
    parts.push(
      [created ? `${created} ${what} created` : '', updated ? `${updated} ${created ? '' : `${what} `}updated` : '']
        .filter(Boolean)
        .join(', ')
        .replace(/ {2}/g, ' '),
    );
  };
  count('interactions', plan.interactions.create.length, plan.interactions.update.length);
  count('contacts', plan.contacts.create.length, plan.contacts.update.length);
  return parts.length ? `Spreadsheet imported: ${parts.join('; ')}` : null;
}
