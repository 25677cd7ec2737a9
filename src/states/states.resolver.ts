import type { GraphQLResolveInfo } from 'graphql';
import { Args, Context, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { CurrentViewer, RequestLoaders, type GqlContext } from '../graphql/context.js';
import { InteractionLoaders } from '../interactions/interaction.loaders.js';
import { INTERACTION_CURSOR } from '../interactions/interactions.repository.js';
import type { Loaders } from '../graphql/loaders.js';
import { SetRatificationStageArgs, SetStageChangeVisibilityArgs, StatesArgs } from './dto/states.args.js';
import { StageChange } from './stage-change.model.js';
import type { StageChangeRow } from './states.repository.js';
import { State, StateConnection } from './state.model.js';
import { TreatyTimelineArgs, TreatyTimelineSeries } from './treaty-timeline.model.js';
import { StatesService, type ServedState } from './states.service.js';
import { childPage, listOptions, selects } from '../graphql/selection.js';
import type { Connection } from '../common/paging/connection.js';
import { VoteLoaders } from '../votes/vote.loaders.js';

@Resolver(() => State)
export class StatesResolver {
  constructor(private readonly service: StatesService) {}

  @Query(() => State, { nullable: true, description: 'A State by ISO3 code; null when unknown' })
  async state(
    @Args('iso3') iso3: string,
    @Info() info: GraphQLResolveInfo,
    @RequestLoaders() loaders: Loaders,
    @Context() { viewer }: GqlContext,
  ): Promise<State | null> {
    // Its votes (directly or as its voting record) and its page of interactions, when asked for,
    // come in the same statement, and are handed to the request's loaders.
    const votes = selects(info, ['votes']) || selects(info, ['votingRecord']);
    const child = viewer ? childPage(info, 'interactions', INTERACTION_CURSOR, ['edges', 'node', 'contacts']) : undefined;
    const interactions = viewer && child ? { viewer, page: child.page, withContacts: child.reaches } : undefined;
    if (!votes && !interactions) return this.service.get(iso3);
    const detail = await this.service.detail(iso3, { votes, interactions });
    if (!detail) return null;
    const { iso3: code } = detail.state;
    if (detail.votes) loaders.get(VoteLoaders).votesByState.prime(code, detail.votes);
    if (detail.interactions && interactions) {
      loaders.get(InteractionLoaders).primeInteractions('state', code, interactions.page, interactions.withContacts, detail.interactions);
    }
    return detail.state;
  }

  @Query(() => StateConnection, { description: 'States by name, filtered' })
  states(@Args() args: StatesArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<ServedState>> {
    return this.service.list(args, listOptions(info));
  }

  @Query(() => [TreatyTimelineSeries], {
    description:
      'States Parties and signatories over time (Article 17, as treatyStatus), for every State then for each UN regional group: a point on each date a count changes',
  })
  treatyTimeline(@Args() args: TreatyTimelineArgs): Promise<TreatyTimelineSeries[]> {
    return this.service.timeline(args);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => State, { description: "Moves a State's ratification stage and records the move in its history" })
  setRatificationStage(@CurrentViewer() viewer: Viewer, @Args() args: SetRatificationStageArgs): Promise<State> {
    return this.service.setStage(viewer, args);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => StageChange, {
    description:
      "Changes who reads a stage change's note and author (its organization's coordinators, or an admin). Every user still sees the move",
  })
  setStageChangeVisibility(@CurrentViewer() viewer: Viewer, @Args() args: SetStageChangeVisibilityArgs): Promise<StageChangeRow> {
    return this.service.setStageChangeVisibility(viewer, args);
  }
}
