import type { GraphQLResolveInfo } from 'graphql';
import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import type { Connection } from '../common/paging/connection.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer } from '../graphql/context.js';
import { listOptions } from '../graphql/selection.js';
import { DateScalar } from '../graphql/scalars.js';
import { AwaitingRepliesArgs, FollowUpsArgs } from './dto/follow-up.args.js';
import { Interaction, InteractionConnection } from './interaction.model.js';
import type { InteractionRow } from './interactions.repository.js';
import { FollowUpsService } from './follow-ups.service.js';

/** Follow-ups and replies. Edits follow the rules of updateInteraction. */
@Resolver(() => Interaction)
export class FollowUpsResolver {
  constructor(private readonly service: FollowUpsService) {}

  @Query(() => InteractionConnection, { description: 'The pending follow-ups of the interactions you may see, soonest due first' })
  followUps(
    @CurrentViewer() viewer: Viewer,
    @Args() args: FollowUpsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<InteractionRow>> {
    return this.service.followUps(viewer, args, listOptions(info));
  }

  @Query(() => InteractionConnection, { description: 'The letters and e-mails you may see that await a reply, oldest first' })
  awaitingReplies(
    @CurrentViewer() viewer: Viewer,
    @Args() args: AwaitingRepliesArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<InteractionRow>> {
    return this.service.awaitingReplies(viewer, args, listOptions(info));
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Interaction, { description: 'Marks the follow-up done (or, with done: false, pending again)' })
  markFollowUpDone(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @Args('done', { type: () => Boolean, nullable: true, defaultValue: true }) done: boolean | null,
    @ExpectedVersionArg({ nullable: true }) expectedVersion?: number,
  ): Promise<InteractionRow> {
    return this.service.markFollowUpDone(viewer, id, done ?? true, expectedVersion ?? undefined);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Interaction, {
    description:
      'Records the date the reply to a LETTER or EMAIL came (not after today); it closes the pending follow-up unless keepFollowUpOpen',
  })
  recordReply(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @Args('receivedOn', { type: () => DateScalar }) receivedOn: string,
    @ExpectedVersionArg({ nullable: true }) expectedVersion?: number,
    @Args('keepFollowUpOpen', {
      type: () => Boolean,
      nullable: true,
      description: 'Keep the pending follow-up open (by default the reply closes it)',
    })
    keepFollowUpOpen?: boolean,
  ): Promise<InteractionRow> {
    return this.service.recordReply(viewer, id, receivedOn, expectedVersion ?? undefined, keepFollowUpOpen ?? undefined);
  }
}
