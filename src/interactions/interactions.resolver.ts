import type { GraphQLResolveInfo } from 'graphql';
import { Args, ID, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { Contact } from '../contacts/contact.model.js';
import type { Connection } from '../common/paging/connection.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { listOptions } from '../graphql/selection.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { State } from '../states/state.model.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { InteractionsArgs, LogInteractionInput, UpdateInteractionInput } from './dto/interaction.inputs.js';
import { InteractionLoaders } from './interaction.loaders.js';
import { Interaction, InteractionConnection } from './interaction.model.js';
import type { InteractionRow } from './interactions.repository.js';
import { InteractionsService } from './interactions.service.js';
import { InteractionsRepository } from './interactions.repository.js';
import { pageOf } from '../common/paging/cursor.js';
import type { Page } from '../common/paging/page.js';
import { INTERACTION_CURSOR, interactionSortKey } from './interactions.repository.js';

@Resolver(() => Interaction)
export class InteractionsResolver {
  constructor(
    private readonly service: InteractionsService,
    private readonly repository: InteractionsRepository,
  ) {}

  @Query(() => Interaction, { nullable: true, description: 'An interaction you may see; null otherwise' })
  interaction(@CurrentViewer() viewer: Viewer, @IdArg() id: string): Promise<InteractionRow | null> {
    return this.repository.visibleById(viewer, id);
  }

  @Query(() => InteractionConnection, { description: 'The interactions you may see, newest first' })
  interactions(
    @CurrentViewer() viewer: Viewer,
    @Args() args: InteractionsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<InteractionRow>> {
    const read = (page: Page) => this.repository.page(viewer, args.filter ?? {}, page);
    return pageOf(args, INTERACTION_CURSOR, interactionSortKey, read, listOptions(info).withTotal);
  }

  @IdempotentMutation(() => Interaction, {
    description: "Logs an interaction for your organization. A partner's interactions are always SHARED",
  })
  logInteraction(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: LogInteractionInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<InteractionRow> {
    return this.service.log(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Interaction)
  updateInteraction(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @Args('input') input: UpdateInteractionInput,
  ): Promise<InteractionRow> {
    return this.service.update(viewer, id, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, { description: 'Deletes an interaction; returns its id' })
  deleteInteraction(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @ExpectedVersionArg({ nullable: true }) expectedVersion?: number,
  ): Promise<string> {
    return this.service.delete(viewer, id, expectedVersion ?? undefined);
  }

  @ResolveField(() => [State])
  states(interaction: Interaction, _args: NoArgs, { loaders }: GqlContext): Promise<State[]> {
    return loaders.get(InteractionLoaders).statesByInteraction.load(interaction.id);
  }

  @ResolveField(() => [Contact])
  contacts(interaction: Interaction, _args: NoArgs, { loaders }: GqlContext): Promise<Contact[]> {
    return loaders.get(InteractionLoaders).contactsByInteraction.load(interaction.id);
  }

  @ResolveField(() => Organization)
  async organization(interaction: Interaction, _args: NoArgs, { loaders }: GqlContext): Promise<Organization> {
    return (await loaders.get(OrganizationLoaders).organization.load(interaction.organizationId))!;
  }

  @ResolveField(() => User)
  async author(interaction: Interaction, _args: NoArgs, { loaders }: GqlContext): Promise<User> {
    return (await loaders.get(UserLoaders).user.load(interaction.authorId))!;
  }
}
