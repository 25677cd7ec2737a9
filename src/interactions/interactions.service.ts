import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Writes, type WriteTransaction } from '../database/writes.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { AppError, badInput, conflict, notFound, unknownStates } from '../common/errors.js';
import { editableRow, editableTeamRow, type Right } from '../common/editable.js';
import { ActivityKind, Role, Visibility } from '../common/enums.js';
import { isUuid } from '../common/ids.js';
import { withTimestamps } from '../common/sql.js';
import type { KeyClaim, StoredKey } from '../idempotency/idempotency-keys.repository.js';
import type { ActivityEventRow } from '../activity/activity.repository.js';
import { checkMandateVisibility, mandateFor } from '../work-plans/mandate-link.js';
import type { LogInteractionInput, UpdateInteractionInput } from './dto/interaction.inputs.js';
import { checkDates, checkNotFuture, closesFollowUp, TYPE_LABELS } from './interaction-rules.js';
import { InteractionsRepository, type InteractionRow } from './interactions.repository.js';

@Injectable()
export class InteractionsService {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
    private readonly interactions: InteractionsRepository,
  ) {}

  /**
   * One statement (see InteractionsRepository.log), with its idempotency key if it was sent one,
   * unless it is tied to a planned event.
   */
  log(viewer: Viewer, input: LogInteractionInput): Promise<InteractionRow> {
    if (input.eventId) return this.logInTransaction(viewer, input);
    return this.writes.single<InteractionRow>(async (key) => {
      const written = await this.write(viewer, input, 'logInteraction', key);
      if (written.first) return { first: { ...written.first, result: withTimestamps(written.first.result as InteractionRow) } };
      return { result: written.interaction, events: [written.event] };
    });
  }

  /**
   * Logs an interaction in a transaction: its own, or the write it is part of (a planned meeting
   * being held, say).
   */
  logInTransaction(viewer: Viewer, input: LogInteractionInput): Promise<InteractionRow> {
    return this.writes.run(viewer, 'logInteraction', async ({ announce }) => {
      checkDates(input);
      checkNotFuture(input);
      if (input.eventId && !(await this.interactions.eventVisible(viewer, input.eventId))) throw notFound('Event', input.eventId);
      const { interaction, event } = await this.write(viewer, input, null);
      if (!interaction) throw new Error('logged without a key, yet answered as a retry');
      if (input.eventId) await this.interactions.linkEvent(interaction.id, input.eventId);
      announce(event);
      return interaction;
    });
  }

  /** Checks the input, then writes the interaction, its links and its activity event in one statement. */
  private async write(
    viewer: Viewer,
    input: LogInteractionInput,
    action: string | null,
    key?: KeyClaim,
  ): Promise<
    | { interaction: InteractionRow; event: ActivityEventRow; first?: undefined }
    | { first: StoredKey; interaction?: undefined; event?: undefined }
  > {
    checkNotFuture(input);
    checkDates(input);
    const visibility = visibilityFor(viewer, input.visibility);
    const mandateId = await mandateFor(viewer, input.mandateId, visibility, this.db);
    const id = randomUUID();
    const fields = {
      type: input.type,
      occurredOn: input.occurredOn,
      subject: input.subject,
      summary: input.summary ?? null,
      outcome: input.outcome ?? null,
      followUpOn: input.followUpOn ?? null,
      visibility,
    };
    const logged = await this.interactions.log({
      id,
      ...fields,
      organizationId: viewer.organizationId,
      authorId: viewer.id,
      action,
      stateIso3s: input.stateIso3s,
      contactIds: input.contactIds ?? [],
      eventId: randomUUID(),
      eventSummary: describe({ type: input.type }),
      mandateId,
      key,
    });
    if (logged.first) return { first: logged.first };
    if (logged.missingStates?.length) {
      throw unknownStates(logged.missingStates);
    }
    if (logged.missingContacts?.length) {
      throw new AppError('NOT_FOUND', `Unknown contact(s): ${logged.missingContacts.join(', ')}`, { contactIds: logged.missingContacts });
    }
    return { interaction: logged.interaction!, event: logged.event! };
  }

  /**
   * A change of an interaction's text (subject, summary, outcome) by its own organization is one
   * statement: the write, from the version the viewer read when it sent one. Any other change, or
   * one that this write does not apply (another organization's interaction, a stale version, an
   * unknown id), takes two: what the change is checked against (the interaction as the viewer may
   * see it, its team, the States and contacts named), then the write from the version read, with
   * its links and activity event. An interaction changed by someone else in between is read again.
   */
  async update(viewer: Viewer, id: string, input: UpdateInteractionInput): Promise<InteractionRow> {
    const { expectedVersion, stateIso3s, contactIds, keepFollowUpOpen, ...changes } = input;
    if (isUuid(id) && changesOnlyText(input)) {
      const written = await this.interactions.updateRead(
        viewer,
        { id, version: expectedVersion, organizationId: viewer.organizationId },
        changes,
        {},
      );
      if (written) return this.published(written);
    }
    for (;;) {
      const read = isUuid(id) ? await this.interactions.beforeUpdate(viewer, id, stateIso3s ?? [], contactIds ?? []) : null;
      const current = editableRow(
        viewer,
        read?.current ?? null,
        { what: 'Interaction', id, forbidden: EDIT_FORBIDDEN },
        read?.team ?? null,
      );
      const { missingStates, missingContacts, campaignLetter } = read!;
      checkMandateVisibility(changes.visibility, current.mandateId);
      checkNotFuture(changes);
      const followUpOn = changes.followUpOn === undefined ? current.followUpOn : changes.followUpOn;
      checkDates({
        type: changes.type ?? current.type,
        occurredOn: changes.occurredOn ?? current.occurredOn,
        followUpOn,
        replyReceivedOn: changes.replyReceivedOn === undefined ? current.replyReceivedOn : changes.replyReceivedOn,
      });
      if (missingStates.length) throw unknownStates(missingStates);
      if (missingContacts.length)
        throw new AppError('NOT_FOUND', `Unknown contact(s): ${missingContacts.join(', ')}`, { contactIds: missingContacts });
      // A campaign's letters are seen as the campaign is, all together: whoever may see the campaign sees each of its letters.
      if (changes.visibility && changes.visibility !== current.visibility && campaignLetter) {
        throw badInput("A letter's visibility is its campaign's: change it with updateLetterCampaign", { field: 'visibility' });
      }
      if (expectedVersion !== undefined && current.version !== expectedVersion)
        throw conflict('Interaction', id, expectedVersion, current.version);
      // A new follow-up date is a new follow-up: it is pending again. A reply recorded now closes the pending one, unless asked to keep it.
      let followUpDoneAt: Date | null | undefined = followUpOn === current.followUpOn ? undefined : null;
      if (followUpDoneAt === undefined && closesFollowUp(current, changes.replyReceivedOn, keepFollowUpOpen)) followUpDoneAt = new Date();
      const written = await this.interactions.updateRead(
        viewer,
        { id, version: current.version },
        { ...changes, followUpDoneAt },
        { stateIso3s, contactIds },
      );
      if (written) return this.published(written);
    }
  }

  private async published(written: { interaction: InteractionRow; event: ActivityEventRow }): Promise<InteractionRow> {
    await this.writes.publish([written.event]);
    return written.interaction;
  }

  async delete(viewer: Viewer, id: string, expectedVersion?: number): Promise<string> {
    await this.writes.run(viewer, 'deleteInteraction', async () => {
      await this.editable(viewer, id);
      await this.interactions.delete(id, expectedVersion);
    });
    return id;
  }

  /** Reports a change of an interaction in the feed, naming the States it now concerns. */
  async emitUpdate(emit: WriteTransaction['emit'], row: InteractionRow, what = 'updated'): Promise<void> {
    const states: { iso3: string }[] = await this.interactions.statesOf([row.id]);
    await emit({
      kind: ActivityKind.INTERACTION_UPDATED,
      interactionId: row.id,
      stateIso3s: states.map((s) => s.iso3),
      summary: describe(row, what),
    });
  }

  /**
   * An interaction is edited by its own organization and, when it belongs to a mandate, by the
   * mandate's organizations; the successors close it (see mayChange). Admins may edit any they see.
   * One the viewer may not see is reported as not found, revealing nothing.
   */
  async editable(viewer: Viewer, id: string, right: Right = 'EDIT'): Promise<InteractionRow> {
    const current = await this.interactions.visibleById(viewer, id);
    const forbidden =
      right === 'EDIT'
        ? EDIT_FORBIDDEN
        : "Only the organization that logged an interaction, its mandate's organizations or those that took it over can close it";
    return editableTeamRow(viewer, current, { what: 'Interaction', id, forbidden }, this.db, 'interactions', right);
  }
}

const EDIT_FORBIDDEN = 'Only the organization that logged an interaction, or the organizations of its mandate, can change it';

/**
 * Whether a change touches only the interaction's text: nothing that the rules of dates, links,
 * visibility or follow-ups check against what is recorded.
 */
function changesOnlyText(input: UpdateInteractionInput): boolean {
  return Object.entries(input).every(([field, value]) => value === undefined || TEXT_FIELDS.has(field));
}

const TEXT_FIELDS = new Set<string>(['subject', 'summary', 'outcome', 'expectedVersion']);

/** "Bilateral meeting with Kiribati: <subject>" ({states} is filled in when the event is stored). */
function describe(row: Pick<InteractionRow, 'type'>, what?: string): string {
  return `${TYPE_LABELS[row.type]}${what ? ` ${what}` : ''} with {states}: {text}`;
}

/** Partners' interactions are always shared with coordinators; others default to their organization only. */
function visibilityFor(viewer: Viewer, requested: Visibility | undefined): Visibility {
  if (viewer.role !== Role.PARTNER) return requested ?? Visibility.ORGANIZATION;
  if (requested && requested !== Visibility.SHARED) {
    throw badInput('Interactions logged by partners are always SHARED', { field: 'visibility' });
  }
  return Visibility.SHARED;
}
