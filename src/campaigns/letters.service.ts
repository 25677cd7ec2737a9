import { Inject, Injectable } from '@nestjs/common';
import PizZip from 'pizzip';
import { Writes } from '../database/writes.js';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind } from '../common/enums.js';
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { todayIso } from '../common/dates.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { votingRecord, type VotingRecord } from '../votes/voting-record.js';
import { VotesRepository, type StateVote } from '../votes/votes.repository.js';
import type { LetterCampaign } from './campaign.model.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';
import {
  dateIn,
  fillTemplate,
  isLetterLanguage,
  LETTER_LANGUAGES,
  listIn,
  missingIn,
  postingIn,
  readTemplate,
  stateNameIn,
  TemplateProblems,
  voteIn,
  type LetterLanguageCode,
  type LetterValues,
} from './letter-fill.js';
import { LetterLanguageSource, languageCode, type UploadLetterTemplateInput, type LetterLanguage } from './letter.model.js';
import { LettersRepository, type LetterStateRow, type RecipientRow, type TemplateRow } from './letters.repository.js';

const LANGUAGE_NAMES: Record<LetterLanguageCode, string> = { en: 'English', fr: 'French', es: 'Spanish' };

/** One letter to be generated: a State's letter, to one of its addressees (or to none). */
export interface Draft {
  stateIso3: string;
  contactId: string | null;
  language: LetterLanguageCode;
  languageSource: LetterLanguageSource;
  fileName: string;
  missingPlaceholders: string[];
  values: LetterValues;
}

/** The language of a letter: the contact's first with a template, else the State's usual UN language, else English, else any. */
export function letterLanguage(
  contact: Pick<RecipientRow, 'languages'> | null,
  stateLanguage: string | null,
  available: readonly string[],
): { language: LetterLanguageCode; source: LetterLanguageSource } {
  for (const raw of contact?.languages ?? []) {
    const code = raw.trim().toLowerCase().slice(0, 2);
    if (isLetterLanguage(code) && available.includes(code)) return { language: code, source: LetterLanguageSource.CONTACT };
  }
  if (isLetterLanguage(stateLanguage) && available.includes(stateLanguage))
    return { language: stateLanguage, source: LetterLanguageSource.STATE };
  const fallback = available.includes('en') ? 'en' : available[0];
  return { language: fallback as LetterLanguageCode, source: LetterLanguageSource.DEFAULT };
}

/** A State's voting record on the resolutions, and the newest resolution's symbol. */
function recordOf(votes: StateVote[]): VotingRecord & { lastSymbol: string | null } {
  const record = votingRecord(votes.map((v) => ({ choice: v.choice, adoptedOn: v.resolution.adoptedOn, symbol: v.resolution.symbol })));
  const newest = [...votes].sort((a, b) => (a.resolution.adoptedOn < b.resolution.adoptedOn ? 1 : -1))[0];
  return { ...record, lastSymbol: newest?.resolution.symbol ?? null };
}

/** Every placeholder's value for one letter, in its language (null where there is none). */
function letterValues(
  language: LetterLanguageCode,
  letter: {
    contact: RecipientRow | null;
    state: LetterStateRow;
    record: VotingRecord & { lastSymbol: string | null };
    date: string;
    coordinators: string[];
    sender: { name: string; organization: string };
    campaignName: string | null;
  },
): LetterValues {
  const { contact, state, record, sender } = letter;
  return {
    recipient_title: contact?.title,
    recipient_name: contact?.fullName,
    recipient_position: contact?.position,
    recipient_posting: postingIn(language, contact?.posting ?? null),
    state_name: stateNameIn(language, state.iso3, state.name),
    date: dateIn(language, letter.date),
    coordinators: letter.coordinators.length ? listIn(language, letter.coordinators) : null,
    sender_name: sender.name,
    sender_organization: sender.organization,
    campaign_name: letter.campaignName,
    last_vote: voteIn(language, record.lastChoice),
    last_vote_resolution: record.lastSymbol,
    yes_streak: record.total ? String(record.consecutiveYes) : null,
  };
}

/** "jose-perez": a file-name part from a name, in ASCII. */
function slug(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return folded.slice(0, 60) || 'contact';
}

/**
 * Letters from a campaign's Word templates: uploading them (the campaign's editors), the dry run
 * and the filled letters (whoever may see the campaign: its letters, contacts and the State's
 * public record are all the letter says).
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly writes: Writes,
    private readonly campaigns: CampaignsRepository,
    private readonly campaignsService: CampaignsService,
    private readonly letters: LettersRepository,
    private readonly votes: VotesRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores (or replaces) the campaign's template in one language, once it is read and every placeholder is known. */
  async uploadTemplate(viewer: Viewer, input: UploadLetterTemplateInput): Promise<LetterCampaign> {
    const content = Buffer.from(input.contentBase64, 'base64');
    const limit = this.config.letterTemplateBytes;
    if (content.length > limit) {
      const problem = `The template is ${content.length} bytes; the limit is ${limit} (LETTER_TEMPLATE_LIMIT_BYTES)`;
      throw badInput(problem, { field: 'contentBase64', problems: [problem] });
    }
    let placeholders: string[];
    try {
      placeholders = readTemplate(content);
    } catch (error) {
      if (!(error instanceof TemplateProblems)) throw error;
      throw badInput(`The template cannot be used: ${error.message}`, { field: 'contentBase64', problems: error.problems });
    }
    const language = languageCode(input.language);
    return this.writes.run(viewer, 'uploadLetterTemplate', async ({ emit }) => {
      const current = await this.campaignsService.editableCampaign(viewer, input.campaignId, input.expectedVersion);
      await this.letters.saveTemplate({
        campaignId: current.id,
        language,
        fileName: input.fileName,
        content,
        placeholders,
        uploadedBy: viewer.id,
      });
      const campaign = await this.campaigns.touch(current.id);
      await emit({
        kind: ActivityKind.CAMPAIGN_CHANGED,
        subjectId: campaign.id,
        stateIso3s: (await this.campaigns.lockLetters(campaign.id)).map((letter) => letter.stateIso3),
        summary: `Letter campaign "{text}": ${LANGUAGE_NAMES[language]} template ${input.fileName} uploaded`,
        visibility: campaign.visibility,
        mandateId: campaign.mandateId,
      });
      return campaign;
    });
  }

  async deleteTemplate(viewer: Viewer, campaignId: string, language: LetterLanguage, expectedVersion: number): Promise<LetterCampaign> {
    const code = languageCode(language);
    return this.writes.run(viewer, 'deleteLetterTemplate', async ({ emit }) => {
      const current = await this.campaignsService.editableCampaign(viewer, campaignId, expectedVersion);
      if (!(await this.letters.deleteTemplate(current.id, code))) throw notFound('Letter template', `${campaignId}/${language}`);
      const campaign = await this.campaigns.touch(current.id);
      await emit({
        kind: ActivityKind.CAMPAIGN_CHANGED,
        subjectId: campaign.id,
        stateIso3s: (await this.campaigns.lockLetters(campaign.id)).map((letter) => letter.stateIso3),
        summary: `Letter campaign "{text}": ${LANGUAGE_NAMES[code]} template removed`,
        visibility: campaign.visibility,
        mandateId: campaign.mandateId,
      });
      return campaign;
    });
  }

  /** The campaign, if the viewer may see it; NOT_FOUND otherwise (revealing nothing). */
  async visibleCampaign(viewer: Viewer, id: string): Promise<LetterCampaign> {
    const campaign = await this.campaigns.visibleById(viewer, id);
    if (!campaign) throw notFound('Letter campaign', id);
    return campaign;
  }

  /**
   * Every letter the campaign's templates give, as the viewer may see the campaign's letters: one
   * per addressee of each State's letter (one to the State when it had none), in the addressee's
   * language, with the placeholders that have no value. No template: no letter.
   */
  async drafts(viewer: Viewer, campaign: LetterCampaign, templates: TemplateRow[]): Promise<Draft[]> {
    const available = templates.map((t) => t.language);
    if (!available.length) return [];
    const letters = await this.campaigns.lettersOf(viewer, [campaign.id]);
    if (!letters.length) return [];
    const iso3s = letters.map((l) => l.stateIso3);
    const addressees = await this.campaigns.addresseesOf(letters.map((l) => l.interactionId));
    const [recipients, states, votes, coordinators, sender] = await Promise.all([
      this.letters.recipients([...new Set([...addressees.values()].flat())]),
      this.letters.states(iso3s),
      this.votes.byStates(iso3s),
      this.letters.coordinators(campaign),
      this.letters.sender(campaign),
    ]);
    const contactById = new Map(recipients.map((c) => [c.id, c]));
    const placeholdersOf = new Map(templates.map((t) => [t.language, t.placeholders]));
    const used = new Set<string>();
    const drafts: Draft[] = [];
    for (const state of states) {
      const letter = letters.find((l) => l.stateIso3 === state.iso3)!;
      const record = recordOf(votes.filter((v) => v.stateIso3 === state.iso3));
      const contacts = (addressees.get(letter.interactionId) ?? []).map((id) => contactById.get(id)!).filter(Boolean);
      for (const contact of contacts.length ? contacts : [null]) {
        const { language, source } = letterLanguage(contact, state.unLanguage, available);
        const values = letterValues(language, {
          contact,
          state,
          record,
          date: letter.sentOn,
          coordinators,
          sender,
          campaignName: campaign.name,
        });
        let fileName = `${state.iso3}-${contact ? slug(contact.fullName) : 'letter'}-${language}.docx`;
        for (let n = 2; used.has(fileName); n += 1)
          fileName = `${state.iso3}-${contact ? slug(contact.fullName) : 'letter'}-${n}-${language}.docx`;
        used.add(fileName);
        drafts.push({
          stateIso3: state.iso3,
          contactId: contact?.id ?? null,
          language,
          languageSource: source,
          fileName,
          missingPlaceholders: missingIn(placeholdersOf.get(language) ?? [], values),
          values,
        });
      }
    }
    return drafts;
  }

  /**
   * "Write a letter": one State's letter from a template sent with the request, stored nowhere. To
   * a contact of the State when named, in the language asked for, else the contact's or the State's;
   * from the viewer and their organization's coordinators (its current mandate's organizations).
   */
  async writeLetter(viewer: Viewer, request: SingleLetterRequest): Promise<{ draft: Draft; placeholders: string[]; content: Buffer }> {
    let placeholders: string[];
    try {
      placeholders = readTemplate(request.template);
    } catch (error) {
      if (!(error instanceof TemplateProblems)) throw error;
      throw badInput(`The template cannot be used: ${error.message}`, { field: 'template', problems: error.problems });
    }
    if (request.language !== undefined && !isLetterLanguage(request.language)) {
      throw badInput('language must be en, fr or es', { field: 'language', problems: ['language must be en, fr or es'] });
    }
    const [state] = /^[A-Z]{3}$/.test(request.stateIso3) ? await this.letters.states([request.stateIso3]) : [];
    if (!state) throw notFound('State', request.stateIso3);
    let contact: RecipientRow | null = null;
    if (request.contactId !== undefined) {
      [contact = null] = isUuid(request.contactId) ? await this.letters.recipients([request.contactId]) : [];
      if (!contact || contact.stateIso3 !== state.iso3) {
        const problem = `contactId must name a contact of ${state.name}`;
        throw badInput(problem, { field: 'contactId', problems: [problem] });
      }
    }
    const date = request.date ?? todayIso();
    const [votes, coordinators, sender] = await Promise.all([
      this.votes.byStates([state.iso3]),
      this.letters.currentCoordinators(viewer.organizationId, todayIso()),
      this.letters.organizationName(viewer.organizationId),
    ]);
    const chosen = request.language
      ? { language: request.language, source: LetterLanguageSource.DEFAULT }
      : letterLanguage(contact, state.unLanguage, LETTER_LANGUAGES);
    const values = letterValues(chosen.language, {
      contact,
      state,
      record: recordOf(votes),
      date,
      coordinators,
      sender: { name: viewer.displayName, organization: sender },
      campaignName: null,
    });
    const draft: Draft = {
      stateIso3: state.iso3,
      contactId: contact?.id ?? null,
      language: chosen.language,
      languageSource: request.language ? LetterLanguageSource.REQUESTED : chosen.source,
      fileName: `${state.iso3}-${contact ? slug(contact.fullName) : 'letter'}-${chosen.language}.docx`,
      missingPlaceholders: missingIn(placeholders, values),
      values,
    };
    return { draft, placeholders, content: fillTemplate(request.template, values) };
  }

  /** The campaign's letters as one .zip of .docx files; with `fileName`, that letter alone. */
  async generate(viewer: Viewer, campaignId: string, fileName?: string): Promise<{ fileName: string; content: Buffer; type: string }> {
    const campaign = await this.visibleCampaign(viewer, campaignId);
    const templates = await this.letters.templatesOf([campaign.id], true);
    if (!templates.length)
      throw badInput('The campaign has no letter template yet: upload one with uploadLetterTemplate', { problems: ['no template'] });
    const drafts = await this.drafts(viewer, campaign, templates);
    const content = new Map(templates.map((t) => [t.language, t.content!]));
    if (fileName !== undefined) {
      const draft = drafts.find((d) => d.fileName === fileName);
      if (!draft) throw notFound('Letter', fileName);
      return { fileName, content: fillTemplate(content.get(draft.language)!, draft.values), type: DOCX };
    }
    const zip = new PizZip();
    for (const draft of drafts) zip.file(draft.fileName, fillTemplate(content.get(draft.language)!, draft.values));
    return {
      fileName: `${slug(campaign.name)}-letters.zip`,
      content: zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }),
      type: 'application/zip',
    };
  }
}

/** What "write a letter" fills for one State, without a campaign. */
export interface SingleLetterRequest {
  stateIso3: string;
  contactId?: string;
  language?: string;
  date?: string;
  template: Buffer;
}

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
