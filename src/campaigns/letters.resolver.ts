import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { ContactLoaders } from '../contacts/contact.loaders.js';
import type { Contact } from '../contacts/contact.model.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, signedIn, type GqlContext, type NoArgs } from '../graphql/context.js';
import { StateLoaders } from '../states/state.loaders.js';
import type { State } from '../states/state.model.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { CampaignLoaders } from './campaign.loaders.js';
import { LetterCampaign } from './campaign.model.js';
import { LetterDraft, LetterLanguage, LetterTemplate, UploadLetterTemplateInput, languageOf } from './letter.model.js';
import type { TemplateRow } from './letters.repository.js';
import { LettersService } from './letters.service.js';

const toTemplate = (row: TemplateRow): LetterTemplate => ({ ...row, language: languageOf(row.language) });

@Resolver(() => LetterCampaign)
export class LettersResolver {
  constructor(private readonly service: LettersService) {}

  @ResolveField(() => [LetterTemplate], { description: 'Its Word templates, one per language (English, French, Spanish first)' })
  async templates(campaign: LetterCampaign, _args: NoArgs, { loaders }: GqlContext): Promise<LetterTemplate[]> {
    return (await loaders.get(CampaignLoaders).templates.load(campaign.id)).map(toTemplate);
  }

  @ResolveField(() => [LetterDraft], {
    description:
      "The dry run: every letter the templates would give (one per addressee of each State's letter, in the addressee's language), each with the placeholders that have no value. Empty without a template. Read it for one campaign at a time",
  })
  async letterDryRun(campaign: LetterCampaign, _args: NoArgs, context: GqlContext): Promise<LetterDraft[]> {
    const { loaders } = context;
    const drafts = await this.service.drafts(signedIn(context), campaign, await loaders.get(CampaignLoaders).templates.load(campaign.id));
    const [states, contacts] = await Promise.all([
      loaders.get(StateLoaders).state.loadMany(drafts.map((d) => d.stateIso3)) as Promise<State[]>,
      loaders.get(ContactLoaders).contact.loadMany(drafts.map((d) => d.contactId).filter((id): id is string => id !== null)) as Promise<
        Contact[]
      >,
    ]);
    const contactById = new Map(contacts.map((c) => [c.id, c]));
    return drafts.map((draft, index) => ({
      state: states[index],
      contact: draft.contactId ? (contactById.get(draft.contactId) ?? null) : null,
      language: languageOf(draft.language),
      languageSource: draft.languageSource,
      fileName: draft.fileName,
      downloadPath: `/exports/campaigns/${campaign.id}/letters/${draft.fileName}`,
      missingPlaceholders: draft.missingPlaceholders,
    }));
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => LetterCampaign, {
    description:
      "Stores the campaign's Word template (.docx, base64) in one language, replacing the one it had; every placeholder must be known (BAD_USER_INPUT lists the problems). The campaign's editors, with its version",
  })
  uploadLetterTemplate(@CurrentViewer() viewer: Viewer, @Args('input') input: UploadLetterTemplateInput): Promise<LetterCampaign> {
    return this.service.uploadTemplate(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => LetterCampaign, {
    description: "Removes the campaign's template in one language (the campaign's editors, with its version)",
  })
  deleteLetterTemplate(
    @CurrentViewer() viewer: Viewer,
    @IdArg('campaignId') campaignId: string,
    @Args('language', { type: () => LetterLanguage }) language: LetterLanguage,
    @ExpectedVersionArg() expectedVersion: number,
  ): Promise<LetterCampaign> {
    return this.service.deleteTemplate(viewer, campaignId, language, expectedVersion);
  }
}

@Resolver(() => LetterTemplate)
export class LetterTemplateFieldsResolver {
  @ResolveField(() => User)
  async uploadedBy(template: LetterTemplate, _args: NoArgs, { loaders }: GqlContext): Promise<User> {
    return (await loaders.get(UserLoaders).user.load(template.uploadedBy))!;
  }
}
