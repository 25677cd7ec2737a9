import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { todayIso } from '../common/dates.js';
import { mayChange } from '../common/editable.js';
import { Role } from '../common/enums.js';
import type { Connection } from '../common/paging/connection.js';
import { ContactLoaders } from '../contacts/contact.loaders.js';
import { Contact } from '../contacts/contact.model.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, signedIn, type GqlContext, type NoArgs } from '../graphql/context.js';
import { FieldArgs } from '../graphql/field-args.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { InteractionLoaders } from '../interactions/interaction.loaders.js';
import { Interaction } from '../interactions/interaction.model.js';
import type { InteractionRow } from '../interactions/interactions.repository.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { CampaignLoaders } from './campaign.loaders.js';
import {
  CampaignLetter,
  CampaignProgress,
  LetterCampaign,
  LetterCampaignConnection,
  LetterStatus,
  UnansweredLetter,
} from './campaign.model.js';
import type { PartnerWork } from './campaigns.repository.js';
import { CampaignsService, letterStatus, suggestFollowUps, toLetter } from './campaigns.service.js';
import { CampaignsRepository } from './campaigns.repository.js';
import {
  CreateLetterCampaignInput,
  LetterCampaignsArgs,
  LettersArgs,
  LogLetterReplyInput,
  MarkCampaignFollowUpDoneInput,
  NoReplyAfterArgs,
  UpdateLetterCampaignInput,
} from './dto/campaign.inputs.js';
import { pageOf } from '../common/paging/cursor.js';
import type { Page } from '../common/paging/page.js';

@Resolver(() => LetterCampaign)
export class CampaignsResolver {
  constructor(
    private readonly service: CampaignsService,
    private readonly repository: CampaignsRepository,
  ) {}

  @Query(() => LetterCampaign, { nullable: true, description: 'A letter campaign you may see; null otherwise' })
  letterCampaign(@CurrentViewer() viewer: Viewer, @IdArg() id: string): Promise<LetterCampaign | null> {
    return this.repository.visibleById(viewer, id);
  }

  @Query(() => LetterCampaignConnection, { description: 'The letter campaigns you may see, newest sending date first' })
  letterCampaigns(@CurrentViewer() viewer: Viewer, @Args() args: LetterCampaignsArgs): Promise<Connection<LetterCampaign>> {
    const read = (page: Page) => this.repository.page(viewer, args.filter ?? {}, page);
    return pageOf(args, ['date', 'uuid'], (c) => [c.sendingDate, c.id], read);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => LetterCampaign, {
    description: 'Creates a campaign and one LETTER per State, all or nothing. The States come from a target filter or a list',
  })
  createLetterCampaign(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateLetterCampaignInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<LetterCampaign> {
    return this.service.create(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => LetterCampaign, {
    description:
      "Corrects a campaign's name, template, sending date, owner or visibility (the campaign's organization or an admin). The visibility is the campaign's and every letter's: they change together, in one transaction; a stale expectedVersion is a CONFLICT",
  })
  updateLetterCampaign(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateLetterCampaignInput): Promise<LetterCampaign> {
    return this.service.update(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, {
    description:
      'Deletes a campaign and its letters, in one transaction, while every letter still awaits its reply; returns its id. Once a letter has a reply, a reply note or a follow-up done, the campaign stays as history: CONFLICT',
  })
  deleteLetterCampaign(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @ExpectedVersionArg() expectedVersion: number,
  ): Promise<string> {
    return this.service.delete(viewer, id, expectedVersion);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => CampaignLetter, { description: "Records the reply to a State's letter (its date, and what it said)" })
  logLetterReply(@CurrentViewer() viewer: Viewer, @Args('input') input: LogLetterReplyInput): Promise<CampaignLetter> {
    return this.service.logReply(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => CampaignLetter, { description: 'Records that a letter without reply was followed up' })
  markCampaignFollowUpDone(@CurrentViewer() viewer: Viewer, @Args('input') input: MarkCampaignFollowUpDoneInput): Promise<CampaignLetter> {
    return this.service.markFollowUpDone(viewer, input);
  }

  @ResolveField(() => User)
  async owner(campaign: LetterCampaign, _args: NoArgs, { loaders }: GqlContext): Promise<User> {
    return (await loaders.get(UserLoaders).user.load(campaign.ownerId))!;
  }

  @ResolveField(() => [User], {
    nullable: true,
    description:
      "Whom ownerId may name: the enabled coordinators and admins of the campaign's organization, by name. Null unless you may correct the campaign (a coordinator of its organization or of its mandate's, or an admin)",
  })
  async possibleOwners(campaign: LetterCampaign, _args: NoArgs, context: GqlContext): Promise<User[] | null> {
    const { loaders } = context;
    const viewer = signedIn(context);
    if (viewer.role !== Role.ADMIN && viewer.role !== Role.COORDINATOR) return null;
    const batches = loaders.get(CampaignLoaders);
    const team = mayChange(viewer, campaign, null, 'EDIT') || !campaign.mandateId ? null : await batches.teams.load(campaign.id);
    if (!mayChange(viewer, campaign, team, 'EDIT')) return null;
    const ids = await batches.possibleOwners.load(campaign.organizationId);
    return (await loaders.get(UserLoaders).user.loadMany(ids)).filter((user): user is User => !!user && !(user instanceof Error));
  }

  @ResolveField(() => Organization)
  async organization(campaign: LetterCampaign, _args: NoArgs, { loaders }: GqlContext): Promise<Organization> {
    return (await loaders.get(OrganizationLoaders).organization.load(campaign.organizationId))!;
  }

  @ResolveField(() => [CampaignLetter], { description: 'One per State, by State name; only those with this status when given' })
  async letters(
    campaign: LetterCampaign,
    @FieldArgs(LettersArgs) { status }: LettersArgs,
    { loaders }: GqlContext,
  ): Promise<CampaignLetter[]> {
    const rows = await loaders.get(CampaignLoaders).letters.load(campaign.id);
    return rows.filter((row) => !status || letterStatus(row) === status).map(toLetter);
  }

  @ResolveField(() => CampaignProgress)
  async progress(campaign: LetterCampaign, _args: NoArgs, { loaders }: GqlContext): Promise<CampaignProgress> {
    const rows = await loaders.get(CampaignLoaders).letters.load(campaign.id);
    const states = async (status?: LetterStatus) =>
      (await loaders
        .get(StateLoaders)
        .state.loadMany(rows.filter((row) => !status || letterStatus(row) === status).map((row) => row.stateIso3))) as State[];
    const [sentStates, repliedStates, noReplyStates, followUpDoneStates] = await Promise.all([
      states(),
      states(LetterStatus.REPLIED),
      states(LetterStatus.AWAITING_REPLY),
      states(LetterStatus.FOLLOWED_UP),
    ]);
    return {
      sent: sentStates.length,
      replied: repliedStates.length,
      noReply: noReplyStates.length,
      followUpDone: followUpDoneStates.length,
      sentStates,
      repliedStates,
      noReplyStates,
      followUpDoneStates,
    };
  }

  @ResolveField(() => [UnansweredLetter], {
    description:
      'The letters still without reply or follow-up that were sent at least `days` days before asOf (default today), with whom to try next',
  })
  async noReplyAfter(
    campaign: LetterCampaign,
    @FieldArgs(NoReplyAfterArgs) { days, asOf }: NoReplyAfterArgs,
    { loaders }: GqlContext,
  ): Promise<UnansweredLetter[]> {
    const batches = loaders.get(CampaignLoaders);
    const unanswered = this.service.unanswered(await batches.letters.load(campaign.id), Math.max(0, days), asOf ?? todayIso());
    const iso3s = unanswered.map(({ row }) => row.stateIso3);
    const [states, contacts, partners, addressees] = await Promise.all([
      loaders.get(StateLoaders).state.loadMany(iso3s) as Promise<State[]>,
      loaders.get(ContactLoaders).contactsByState.loadMany(iso3s) as Promise<Contact[][]>,
      batches.partners.loadMany(iso3s) as Promise<PartnerWork[][]>,
      batches.addressees.loadMany(unanswered.map(({ row }) => row.interactionId)) as Promise<string[][]>,
    ]);
    return unanswered.map(({ row, daysWithoutReply }, index) => {
      const byId = new Map(contacts[index].map((c) => [c.id, c]));
      const suggestions = suggestFollowUps(
        row,
        states[index].name,
        addressees[index],
        contacts[index].map((c) => ({ id: c.id, fullName: c.fullName, posting: c.posting, stateIso3: c.stateIso3 })),
        partners[index].filter((p) => p.id !== campaign.organizationId),
      );
      return {
        state: states[index],
        letter: toLetter(row),
        daysWithoutReply,
        suggestedFollowUps: suggestions.map((s) => ({
          channel: s.channel,
          contact: s.contactId ? byId.get(s.contactId)! : null,
          organization: s.organization ? { id: s.organization.id, name: s.organization.name, kind: s.organization.kind } : null,
          reason: s.reason,
        })),
      };
    });
  }
}

@Resolver(() => CampaignLetter)
export class CampaignLetterFieldsResolver {
  @ResolveField(() => State)
  async state(letter: CampaignLetter, _args: NoArgs, { loaders }: GqlContext): Promise<State> {
    return (await loaders.get(StateLoaders).state.load(letter.stateIso3))!;
  }

  @ResolveField(() => Interaction, { description: 'The LETTER interaction' })
  async interaction(letter: CampaignLetter, _args: NoArgs, { loaders }: GqlContext): Promise<InteractionRow | null> {
    return loaders.get(InteractionLoaders).interaction.load(letter.interactionId);
  }

  @ResolveField(() => [Contact], { description: 'The contacts it was addressed to' })
  contacts(letter: CampaignLetter, _args: NoArgs, { loaders }: GqlContext): Promise<Contact[]> {
    return loaders.get(InteractionLoaders).contactsByInteraction.load(letter.interactionId);
  }
}
