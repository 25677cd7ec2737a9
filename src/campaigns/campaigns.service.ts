import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Writes } from '../database/writes.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { addDays, todayIso } from '../common/dates.js';
import { ActivityKind, InteractionType, Posting, Visibility } from '../common/enums.js';
import { editableTeamRow } from '../common/editable.js';
import { AppError, badInput, conflict, notFound } from '../common/errors.js';
import { checkDates, checkNotFuture, closesFollowUp } from '../interactions/interaction-rules.js';
import { showsDeposit, treatyStatus } from '../states/treaty-status.js';
import { InteractionsRepository } from '../interactions/interactions.repository.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { StatesRepository } from '../states/states.repository.js';
import { checkMandateVisibility, mandateFor } from '../work-plans/mandate-link.js';
import { daysBetween } from '../targets/score.js';
import { TargetsService } from '../targets/targets.service.js';
import { CampaignLetter, FollowUpChannel, LetterCampaign, LetterStatus } from './campaign.model.js';
import { CampaignsRepository, type AddressableContact, type LetterRow, type NewLetter, type PartnerWork } from './campaigns.repository.js';
import type {
  CreateLetterCampaignInput,
  LetterRef,
  LogLetterReplyInput,
  MarkCampaignFollowUpDoneInput,
  UpdateLetterCampaignInput,
} from './dto/campaign.inputs.js';

export const DEFAULT_POSTINGS = [Posting.GENEVA_MISSION, Posting.NEW_YORK_MISSION, Posting.CAPITAL];

const POSTING_NAMES: Record<Posting, string> = {
  [Posting.CAPITAL]: 'the capital',
  [Posting.GENEVA_MISSION]: 'the mission in Geneva',
  [Posting.NEW_YORK_MISSION]: 'the mission in New York',
  [Posting.OTHER_MISSION]: 'another mission',
  [Posting.OTHER]: 'another posting',
};

/** After a letter to one posting, where to try next: the capital first, then the other missions. */
const FOLLOW_UP_ORDER: Record<Posting | 'NONE', Posting[]> = {
  [Posting.GENEVA_MISSION]: [Posting.CAPITAL, Posting.NEW_YORK_MISSION, Posting.OTHER_MISSION, Posting.OTHER],
  [Posting.NEW_YORK_MISSION]: [Posting.CAPITAL, Posting.GENEVA_MISSION, Posting.OTHER_MISSION, Posting.OTHER],
  [Posting.CAPITAL]: [Posting.GENEVA_MISSION, Posting.NEW_YORK_MISSION, Posting.OTHER_MISSION, Posting.OTHER],
  [Posting.OTHER_MISSION]: [Posting.CAPITAL, Posting.GENEVA_MISSION, Posting.NEW_YORK_MISSION, Posting.OTHER],
  [Posting.OTHER]: [Posting.CAPITAL, Posting.GENEVA_MISSION, Posting.NEW_YORK_MISSION, Posting.OTHER_MISSION],
  NONE: [Posting.CAPITAL, Posting.GENEVA_MISSION, Posting.NEW_YORK_MISSION, Posting.OTHER_MISSION, Posting.OTHER],
};

export function letterStatus(row: LetterRow): LetterStatus {
  if (row.replyReceivedOn) return LetterStatus.REPLIED;
  return row.followUpDone ? LetterStatus.FOLLOWED_UP : LetterStatus.AWAITING_REPLY;
}

export function toLetter(row: LetterRow): CampaignLetter {
  return { ...row, status: letterStatus(row) };
}

export interface Suggestion {
  channel: FollowUpChannel;
  contactId: string | null;
  organization: PartnerWork | null;
  reason: string;
}

/** Other contacts of the State, the most promising posting first, then the partners that work with it. */
export function suggestFollowUps(
  letter: LetterRow,
  stateName: string,
  addressees: string[],
  contacts: AddressableContact[],
  partners: PartnerWork[],
): Suggestion[] {
  const order = FOLLOW_UP_ORDER[letter.addressedPosting ?? 'NONE'];
  const sentTo = letter.addressedPosting
    ? `The letter went to ${POSTING_NAMES[letter.addressedPosting]}`
    : 'The letter had no named addressee';
  const rank = (c: AddressableContact) => {
    const index = order.indexOf(c.posting ?? Posting.OTHER);
    return index < 0 ? order.length : index;
  };
  const others = contacts.filter((c) => !addressees.includes(c.id)).sort((a, b) => rank(a) - rank(b));
  const suggestions: Suggestion[] = others.map((c) => ({
    channel: c.posting ?? Posting.OTHER,
    contactId: c.id,
    organization: null,
    reason: `${sentTo}; try ${c.fullName} (${POSTING_NAMES[c.posting ?? Posting.OTHER]})`,
  }));
  for (const partner of partners) {
    const count = `${partner.interactions} shared interaction${partner.interactions === 1 ? '' : 's'}`;
    suggestions.push({
      channel: FollowUpChannel.PARTNER_ORGANIZATION,
      contactId: null,
      organization: partner,
      reason: `${partner.name} logged ${count} with ${stateName} (the latest on ${partner.lastOn})`,
    });
  }
  return suggestions;
}

@Injectable()
export class CampaignsService {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
    private readonly campaigns: CampaignsRepository,
    private readonly interactions: InteractionsRepository,
    private readonly interactionsService: InteractionsService,
    private readonly states: StatesRepository,
    private readonly targets: TargetsService,
  ) {}

  /**
   * The campaign and one LETTER per State in one transaction: any bad State code or contact
   * refuses the whole campaign, and nothing is written. Inside another write, the campaign is
   * written in its transaction, as a part of it.
   */
  async create(viewer: Viewer, input: CreateLetterCampaignInput): Promise<LetterCampaign> {
    if ((input.targets ? 1 : 0) + (input.stateIso3s ? 1 : 0) !== 1) {
      throw badInput('Give the States as either targets (a target filter) or stateIso3s, not both', { field: 'targets' });
    }
    if (input.followUpOn && input.followUpOn < input.sendingDate) {
      throw badInput(`followUpOn (${input.followUpOn}) cannot be before sendingDate (${input.sendingDate})`, { field: 'followUpOn' });
    }
    checkSendingNotFuture(input.sendingDate);
    const iso3s = input.targets ? (await this.targets.rank(viewer, input.targets)).map((t) => t.state.iso3) : input.stateIso3s!;
    if (!iso3s.length) throw badInput('The target list is empty: a campaign needs at least one State', { field: 'targets' });
    if (iso3s.length > 200) throw badInput(`A campaign has at most 200 States; this one would have ${iso3s.length}`, { field: 'targets' });
    const visibility = input.visibility ?? Visibility.ORGANIZATION;

    return this.writes.run(viewer, 'createLetterCampaign', async ({ emit }) => {
      await this.states.checkStates(iso3s);
      const mandateId = await mandateFor(viewer, input.mandateId, visibility, this.db);
      if (!input.includesStatesParties) await this.refuseStatesParties(iso3s, input.sendingDate);
      const chosen = await this.handPicked(iso3s, input);
      const contacts = await this.campaigns.contactsOfStates(iso3s);
      const postings = input.postings ?? DEFAULT_POSTINGS;
      const campaign = await this.campaigns.insertCampaign({
        id: randomUUID(),
        name: input.name,
        templateRef: input.templateRef,
        sendingDate: input.sendingDate,
        visibility,
        organizationId: viewer.organizationId,
        ownerId: viewer.id,
        mandateId,
      });
      const letters: NewLetter[] = iso3s.map((iso3) => {
        const picked = chosen.get(iso3);
        const { contactIds, addressedPosting, addressedTo } = picked
          ? { contactIds: picked.map((c) => c.id), addressedPosting: null, addressedTo: names(picked) }
          : addressByPosting(
              contacts.filter((c) => c.stateIso3 === iso3),
              postings,
            );
        return {
          interactionId: randomUUID(),
          stateIso3: iso3,
          contactIds,
          addressedPosting,
          addressedTo,
          summary: `Letter campaign "${input.name}", template ${input.templateRef}; addressed to ${addressedTo}`,
        };
      });
      await this.campaigns.insertLetters(campaign, letters, {
        subject: input.subject ?? input.name,
        followUpOn: input.followUpOn ?? null,
        authorId: viewer.id,
      });
      await emit({
        kind: ActivityKind.CAMPAIGN_CREATED,
        subjectId: campaign.id,
        stateIso3s: iso3s,
        summary: `Letter campaign "{text}": ${lettersSent(letters.length, input.sendingDate)}`,
        visibility,
      });
      return campaign;
    });
  }

  /**
   * A letter campaign goes to States not Party: one whose treaty record shows a deposit on the
   * sending date is refused, unless the campaign says it includes States Parties (implementation).
   */
  private async refuseStatesParties(iso3s: string[], sendingDate: string): Promise<void> {
    const parties = (await this.states.findByIso3s(iso3s)).filter((state) => showsDeposit(treatyStatus(state, sendingDate)));
    if (!parties.length) return;
    const names = parties.map((state) => state.name).sort();
    const problem = `${names.join(', ')} ${parties.length === 1 ? 'has' : 'have'} deposited ${parties.length === 1 ? 'its instrument' : 'their instruments'} by ${sendingDate}: a campaign to join goes to States not Party; set includesStatesParties for a campaign to States Parties (about implementation, say)`;
    throw badInput(problem, { field: 'stateIso3s', stateIso3s: parties.map((state) => state.iso3).sort(), problems: [problem] });
  }

  /**
   * Corrects a campaign, with its letters in the same transaction: a new sending date moves the
   * letters still dated on the old one, and a new visibility is every letter's (the letters are
   * the campaign's interactions, under the same rule). Their subject and text stay as sent.
   */
  update(viewer: Viewer, { id, expectedVersion, ...changes }: UpdateLetterCampaignInput): Promise<LetterCampaign> {
    return this.writes.run(viewer, 'updateLetterCampaign', async ({ emit }) => {
      const current = await this.editableCampaign(viewer, id, expectedVersion);
      checkMandateVisibility(changes.visibility, current.mandateId);
      if (changes.ownerId && !(await this.campaigns.canOwn(changes.ownerId, current.organizationId))) {
        throw badInput("The owner must be a coordinator or admin of the campaign's organization, and not disabled", { field: 'ownerId' });
      }
      const letters = await this.campaigns.lockLetters(id);
      const moved = changes.sendingDate !== undefined && changes.sendingDate !== current.sendingDate;
      if (moved) checkSendingNotFuture(changes.sendingDate!);
      if (moved)
        checkSendingDate(
          letters.filter((letter) => letter.sentOn === current.sendingDate),
          changes.sendingDate!,
        );
      const campaign = await this.campaigns.update(id, expectedVersion, changes);
      const dates = moved ? { from: current.sendingDate, to: campaign.sendingDate } : {};
      if (moved || changes.visibility) await this.campaigns.updateLetters(id, { ...dates, visibility: changes.visibility });
      await emit({
        kind: ActivityKind.CAMPAIGN_CHANGED,
        subjectId: campaign.id,
        stateIso3s: letters.map((letter) => letter.stateIso3),
        summary: `Letter campaign "{text}" changed: ${lettersSent(letters.length, campaign.sendingDate)}`,
        visibility: campaign.visibility,
        mandateId: campaign.mandateId,
      });
      return campaign;
    });
  }

  /**
   * Deletes a campaign and its letters in one transaction, while every letter still awaits its
   * reply: a letter with a reply, a reply note or a follow-up done is history, and the campaign
   * then stays (CONFLICT).
   */
  async delete(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    await this.writes.run(viewer, 'deleteLetterCampaign', async ({ emit, freeze }) => {
      const campaign = await this.editableCampaign(viewer, id, expectedVersion);
      const letters = await this.campaigns.lockLetters(id);
      const answered = letters.filter((letter) => letterStatus(letter) !== LetterStatus.AWAITING_REPLY || letter.replyNote !== null).length;
      if (answered) {
        throw new AppError(
          'CONFLICT',
          `${answered} of the letters of "${campaign.name}" ha${answered === 1 ? 's' : 've'} a reply or a follow-up logged: they are history, so the campaign stays`,
          { id, answeredLetters: answered },
        );
      }
      await freeze([id]);
      await this.campaigns.deleteLetters(letters.map((letter) => letter.interactionId));
      await this.campaigns.delete(id, expectedVersion);
      await emit({
        kind: ActivityKind.CAMPAIGN_DELETED,
        stateIso3s: letters.map((letter) => letter.stateIso3),
        summary: `Letter campaign "${campaign.name}" deleted, with its ${lettersSent(letters.length, campaign.sendingDate)}`,
        visibility: campaign.visibility,
        mandateId: campaign.mandateId,
      });
    });
    return id;
  }

  logReply(viewer: Viewer, input: LogLetterReplyInput): Promise<CampaignLetter> {
    return this.writes.run(viewer, 'logLetterReply', async ({ emit }) => {
      const letter = await this.editableLetter(viewer, input);
      checkNotFuture({ replyReceivedOn: input.receivedOn });
      checkDates({ type: InteractionType.LETTER, occurredOn: letter.sentOn, replyReceivedOn: input.receivedOn });
      const closes = closesFollowUp({ ...letter, type: InteractionType.LETTER }, input.receivedOn, input.keepFollowUpOpen);
      await this.interactions.update(letter.interactionId, input.expectedVersion, {
        replyReceivedOn: input.receivedOn,
        ...(input.note !== undefined ? { outcome: input.note } : {}),
        ...(closes ? { followUpDoneAt: new Date() } : {}),
      });
      const campaign = (await this.campaigns.visibleById(viewer, letter.campaignId))!;
      await emit({
        kind: ActivityKind.LETTER_REPLY_LOGGED,
        interactionId: letter.interactionId,
        subjectId: campaign.id,
        stateIso3s: [letter.stateIso3],
        summary: `Reply from {states} to the letter "{text}", received on ${input.receivedOn}`,
      });
      return toLetter((await this.campaigns.letter(viewer, { interactionId: letter.interactionId }))!);
    });
  }

  /** Records that a letter without reply was followed up, through the letter's own follow-up. */
  markFollowUpDone(viewer: Viewer, input: MarkCampaignFollowUpDoneInput): Promise<CampaignLetter> {
    return this.writes.run(viewer, 'markCampaignFollowUpDone', async ({ emit }) => {
      const letter = await this.editableLetter(viewer, input);
      const current = (await this.interactions.visibleById(viewer, letter.interactionId))!;
      const doneOn = input.doneOn ?? (todayIso() < letter.sentOn ? letter.sentOn : todayIso());
      const followUpOn = current.followUpOn ?? doneOn;
      checkDates({ type: current.type, occurredOn: current.occurredOn, followUpOn });
      const row = await this.interactions.update(letter.interactionId, input.expectedVersion, { followUpOn, followUpDoneAt: new Date() });
      await this.interactionsService.emitUpdate(emit, row, 'followed up');
      return toLetter((await this.campaigns.letter(viewer, { interactionId: letter.interactionId }))!);
    });
  }

  /** Days since each unanswered letter was sent, for those sent at least `days` days before `asOf`. */
  unanswered(letters: LetterRow[], days: number, asOf: string): { row: LetterRow; daysWithoutReply: number }[] {
    const sentBy = addDays(asOf, -days);
    return letters
      .filter((row) => letterStatus(row) === LetterStatus.AWAITING_REPLY && row.sentOn <= sentBy)
      .map((row) => ({ row, daysWithoutReply: daysBetween(row.sentOn, asOf) }));
  }

  /** A campaign is changed by its own organization and its mandate's (admins may change any they see); it stays locked until the write ends. */
  async editableCampaign(viewer: Viewer, id: string, expectedVersion: number): Promise<LetterCampaign> {
    const campaign = await this.campaigns.visibleById(viewer, id, true);
    const forbidden = 'Only the organization that sent a letter campaign, or the organizations of its mandate, can change it';
    return editableTeamRow(viewer, campaign, { what: 'Letter campaign', id, expectedVersion, forbidden }, this.db, 'letter_campaigns');
  }

  private async editableLetter(viewer: Viewer, ref: LetterRef): Promise<LetterRow> {
    if (!ref.interactionId && !(ref.campaignId && ref.stateIso3)) {
      throw badInput('Name the letter by interactionId, or by campaignId and stateIso3', { field: 'interactionId' });
    }
    const letter = await this.campaigns.letter(viewer, ref);
    if (!letter) throw notFound('Letter', ref.interactionId ?? `${ref.campaignId}/${ref.stateIso3}`);
    await this.interactionsService.editable(viewer, letter.interactionId, 'CLOSE');
    if (letter.version !== ref.expectedVersion) throw conflict('Letter', letter.interactionId, ref.expectedVersion, letter.version);
    return letter;
  }

  /** Contacts chosen by hand: each must exist and belong to a State of the campaign, and to that State. */
  private async handPicked(iso3s: string[], input: CreateLetterCampaignInput): Promise<Map<string, AddressableContact[]>> {
    const chosen = new Map<string, AddressableContact[]>();
    if (!input.recipients?.length) return chosen;
    const ids = input.recipients.flatMap((r) => r.contactIds);
    const found = new Map((await this.campaigns.contactsByIds(ids)).map((c) => [c.id, c]));
    for (const { stateIso3, contactIds } of input.recipients) {
      if (!iso3s.includes(stateIso3))
        throw badInput(`recipients names ${stateIso3}, which is not one of the campaign's States`, { field: 'recipients', stateIso3 });
      if (chosen.has(stateIso3)) throw badInput(`recipients names ${stateIso3} twice`, { field: 'recipients', stateIso3 });
      const contacts = contactIds.map((id) => {
        const contact = found.get(id);
        if (!contact) throw badInput(`Unknown contact ${id}`, { field: 'recipients', contactId: id });
        if (contact.stateIso3 !== stateIso3) {
          throw badInput(`${contact.fullName} is a contact of ${contact.stateIso3 ?? 'no State'}, not of ${stateIso3}`, {
            field: 'recipients',
            contactId: id,
          });
        }
        return contact;
      });
      chosen.set(stateIso3, contacts);
    }
    return chosen;
  }
}

/** "16 letters sent on 2018-01-15" */
function lettersSent(count: number, sendingDate: string): string {
  return `${count} letter${count === 1 ? '' : 's'} sent on ${sendingDate}`;
}

/** The letters are interactions: they are dated on or before today. */
function checkSendingNotFuture(sendingDate: string): void {
  const today = todayIso();
  if (sendingDate <= today) return;
  const problem = `sendingDate (${sendingDate}) is after today (${today}): letters are recorded once they are sent`;
  throw badInput(problem, { field: 'sendingDate', problems: [problem] });
}

/** A letter's follow-up date and reply come on or after its date: moving the letters must keep that. */
function checkSendingDate(letters: (LetterRow & { followUpOn: string | null })[], sendingDate: string): void {
  const after = letters.filter((letter) => [letter.followUpOn, letter.replyReceivedOn].some((date) => date !== null && date < sendingDate));
  if (!after.length) return;
  const iso3s = after.map((letter) => letter.stateIso3);
  throw badInput(`sendingDate (${sendingDate}) would come after the follow-up date or the reply of the letters to ${iso3s.join(', ')}`, {
    field: 'sendingDate',
    stateIso3s: iso3s,
  });
}

function names(contacts: AddressableContact[]): string {
  return contacts.length ? contacts.map((c) => c.fullName).join(', ') : 'no named contact';
}

/** The State's contacts with the first posting of the list it has; none on file is said so. */
function addressByPosting(
  contacts: AddressableContact[],
  postings: Posting[],
): { contactIds: string[]; addressedPosting: Posting | null; addressedTo: string } {
  for (const posting of postings) {
    const matching = contacts.filter((c) => c.posting === posting);
    if (matching.length)
      return {
        contactIds: matching.map((c) => c.id),
        addressedPosting: posting,
        addressedTo: `${names(matching)} (${POSTING_NAMES[posting]})`,
      };
  }
  return {
    contactIds: [],
    addressedPosting: null,
    addressedTo: `no contact on file at ${postings.map((p) => POSTING_NAMES[p]).join(', ')}`,
  };
}
