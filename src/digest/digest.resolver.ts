import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '../auth/viewer.js';
import { CurrentViewer } from '../graphql/context.js';
import { State } from '../states/state.model.js';
import { StatesRepository } from '../states/states.repository.js';
import { DigestSettings, SubscribeToDigestInput } from './digest.model.js';
import { DigestService } from './digest.service.js';

/** Each user's own digest settings and followed States: nobody reads or changes another's. */
@Resolver()
export class DigestResolver {
  constructor(
    private readonly digests: DigestService,
    private readonly states: StatesRepository,
  ) {}

  @Query(() => DigestSettings, { nullable: true, description: 'Your daily digest by e-mail; null when you have not asked for it' })
  myDigest(@CurrentViewer() viewer: Viewer): Promise<DigestSettings | null> {
    return this.digests.settings(viewer);
  }

  @Mutation(() => DigestSettings, {
    description:
      'Asks for (or changes) your daily digest by e-mail: follow-ups due, letters without reply, and the activity on the States you follow',
  })
  subscribeToDigest(@CurrentViewer() viewer: Viewer, @Args('input') input: SubscribeToDigestInput): Promise<DigestSettings> {
    return this.digests.subscribe(viewer, input);
  }

  @Mutation(() => Boolean, { description: 'Stops your daily digest; false if you had none' })
  unsubscribeFromDigest(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.digests.unsubscribe(viewer);
  }

  @Query(() => [State], { description: 'The States you follow (their activity comes in your digest), by ISO code' })
  async followedStates(@CurrentViewer() viewer: Viewer): Promise<State[]> {
    return this.states.findByIso3s(await this.digests.followed(viewer));
  }

  @Mutation(() => [State], { description: 'Follows a State; returns the States you follow' })
  async followState(@CurrentViewer() viewer: Viewer, @Args('iso3') iso3: string): Promise<State[]> {
    return this.states.findByIso3s(await this.digests.follow(viewer, iso3, true));
  }

  @Mutation(() => [State], { description: 'Stops following a State; returns the States you follow' })
  async unfollowState(@CurrentViewer() viewer: Viewer, @Args('iso3') iso3: string): Promise<State[]> {
    return this.states.findByIso3s(await this.digests.follow(viewer, iso3, false));
  }
}
