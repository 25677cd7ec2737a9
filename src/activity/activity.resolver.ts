import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Field, Info, Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import type { Viewer } from '../auth/viewer.js';
import { PageArgs } from '../common/paging/page.js';
import type { Connection } from '../common/paging/connection.js';
import { CurrentViewer, RequestLoaders, type GqlContext, type NoArgs } from '../graphql/context.js';
import type { Loaders } from '../graphql/loaders.js';
import { InteractionLoaders } from '../interactions/interaction.loaders.js';
import { Interaction } from '../interactions/interaction.model.js';
import type { InteractionRow } from '../interactions/interactions.repository.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { listOptions, selectionAt, selects } from '../graphql/selection.js';
import { ActivityConnection, ActivityEvent, ActivityFilter } from './activity.model.js';
import type { ActivityEventRow, FeedEventRow } from './activity.repository.js';
import { ActivityService } from './activity.service.js';

@ArgsType()
class ActivityFeedArgs extends PageArgs {
  @Field(() => ActivityFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityFilter)
  filter?: ActivityFilter;
}

@ArgsType()
class ActivityAddedArgs {
  @Field(() => ActivityFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityFilter)
  filter?: ActivityFilter;
}

@Resolver(() => ActivityEvent)
export class ActivityResolver {
  constructor(private readonly service: ActivityService) {}

  @Query(() => ActivityConnection, { description: 'What happened, newest first: only events about what you may see' })
  async activityFeed(
    @CurrentViewer() viewer: Viewer,
    @Args() args: ActivityFeedArgs,
    @Info() info: GraphQLResolveInfo,
    @RequestLoaders() loaders: Loaders,
  ): Promise<Connection<FeedEventRow>> {
    const { related, ...page } = await this.service.feed(viewer, args.filter ?? undefined, args, {
      ...listOptions(info),
      withActors: selects(info, ['edges', 'node', 'actor']),
      withOrganizations: selects(info, ['edges', 'node', 'organization']),
      stateFields: selectionAt(info, ['edges', 'node', 'states']),
    });
    for (const user of related.users) loaders.get(UserLoaders).user.prime(user.id, user);
    for (const organization of related.organizations) loaders.get(OrganizationLoaders).organization.prime(organization.id, organization);
    return page;
  }

  @Query(() => DateTimeScalar, {
    nullable: true,
    description: 'When you last read the activity feed (markActivityRead): newer entries are unread. Null before the first time',
  })
  activityReadAt(@CurrentViewer() viewer: Viewer): Promise<Date | null> {
    return this.service.readAt(viewer);
  }

  @Mutation(() => DateTimeScalar, {
    description:
      'Marks the activity feed read up to an instant (the newest entry you were shown; default and at most now); it never moves back. Returns the new mark',
  })
  markActivityRead(
    @CurrentViewer() viewer: Viewer,
    @Args('upTo', { type: () => DateTimeScalar, nullable: true }) upTo?: Date | null,
  ): Promise<Date> {
    return this.service.markRead(viewer, upTo);
  }

  @Subscription(() => ActivityEvent, {
    description: 'New activity you may see, live (graphql-ws protocol at /graphql; authenticate in connection_init)',
    // Each event is resolved with fresh loaders: a subscription lives longer than one request.
    resolve: (event: ActivityEventRow, _args: unknown, context: GqlContext & { renewLoaders?: () => void }) => {
      context.renewLoaders?.();
      return event;
    },
  })
  activityAdded(@CurrentViewer() viewer: Viewer, @Args() args: ActivityAddedArgs): AsyncIterableIterator<ActivityEventRow> {
    return this.service.live(viewer, args.filter ?? undefined);
  }

  @ResolveField(() => User, { nullable: true })
  actor(event: ActivityEvent, _args: NoArgs, { loaders }: GqlContext): Promise<User | null> | null {
    return event.actorId ? loaders.get(UserLoaders).user.load(event.actorId) : null;
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(event: ActivityEvent, _args: NoArgs, { loaders }: GqlContext): Promise<Organization | null> | null {
    return event.organizationId ? loaders.get(OrganizationLoaders).organization.load(event.organizationId) : null;
  }

  @ResolveField(() => [State])
  async states(event: FeedEventRow, _args: NoArgs, { loaders }: GqlContext): Promise<State[]> {
    if (event.statesReadAlong) return event.statesReadAlong;
    const states = await loaders.get(StateLoaders).state.loadMany(event.stateIso3s);
    return states.filter((s): s is State => s !== null && !(s instanceof Error));
  }

  @ResolveField(() => Interaction, { nullable: true, description: 'The interaction, when you may see it' })
  interaction(event: ActivityEvent, _args: NoArgs, { loaders }: GqlContext): Promise<InteractionRow | null> | null {
    return event.interactionId ? loaders.get(InteractionLoaders).interaction.load(event.interactionId) : null;
  }
}
