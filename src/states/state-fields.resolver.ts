import { ResolveField, Resolver } from '@nestjs/graphql';
import { ContactLoaders } from '../contacts/contact.loaders.js';
import { Contact } from '../contacts/contact.model.js';
import { todayIso } from '../common/dates.js';
import { RatificationStage, TreatyStatus } from '../common/enums.js';
import type { GqlContext, NoArgs } from '../graphql/context.js';
import { FieldArgs } from '../graphql/field-args.js';
import { DateScalar } from '../graphql/scalars.js';
import { GroupingLoaders } from '../groupings/grouping.loaders.js';
import { Grouping } from '../groupings/grouping.model.js';
import { InteractionLoaders } from '../interactions/interaction.loaders.js';
import { InteractionsField } from '../interactions/interactions-page.js';
import { ObstacleLoaders } from '../obstacles/obstacle.loaders.js';
import { Obstacle } from '../obstacles/obstacle.model.js';
import { Vote, VotingRecord } from '../votes/resolution.model.js';
import { VoteLoaders } from '../votes/vote.loaders.js';
import { StageChange } from './stage-change.model.js';
import { StateLoaders } from './state.loaders.js';
import { State } from './state.model.js';
import { StageOnArgs, StateObstaclesArgs, TreatyStatusArgs } from './dto/states.args.js';
import { stageOn } from './stage-on.js';
import type { ServedState } from './states.service.js';
import { entryIntoForceDate, treatyStatus } from './treaty-status.js';

/** The computed and related fields of a State; every relation goes through a request loader. */
@Resolver(() => State)
export class StateFieldsResolver {
  @ResolveField(() => TreatyStatus, {
    description: 'Computed from the treaty record for asOf (default: today, or the date the list was asked for)',
  })
  treatyStatus(state: ServedState, @FieldArgs(TreatyStatusArgs) { asOf }: TreatyStatusArgs): TreatyStatus {
    return treatyStatus(state, asOf ?? state.asOf ?? todayIso());
  }

  @ResolveField(() => DateScalar, {
    nullable: true,
    description: 'When the Convention entered or enters into force for this State (Article 17)',
  })
  entryIntoForceDate(state: State): string | null {
    return entryIntoForceDate(state.consentDate);
  }

  @ResolveField(() => [Vote], { description: 'Votes on the Convention resolutions, newest first' })
  async votes(state: State, _args: NoArgs, { loaders }: GqlContext): Promise<Vote[]> {
    return loaders.get(VoteLoaders).votesByState.load(state.iso3);
  }

  @ResolveField(() => VotingRecord)
  votingRecord(state: State, _args: NoArgs, { loaders }: GqlContext): Promise<VotingRecord> {
    return loaders.get(VoteLoaders).votingRecord.load(state.iso3);
  }

  @ResolveField(() => [Contact])
  contacts(state: State, _args: NoArgs, { loaders }: GqlContext): Promise<Contact[]> {
    return loaders.get(ContactLoaders).contactsByState.load(state.iso3);
  }

  @ResolveField(() => DateScalar, { nullable: true, description: 'The date of the newest interaction you may see' })
  lastInteractionOn(state: State, _args: NoArgs, { loaders }: GqlContext): Promise<string | null> {
    return loaders.get(InteractionLoaders).lastInteractionOn.load(state.iso3);
  }

  @ResolveField(() => [StageChange], { description: 'The moves of its ratification stage, newest first (ties by id)' })
  stageHistory(state: State, _args: NoArgs, { loaders }: GqlContext): Promise<StageChange[]> {
    return loaders.get(StateLoaders).stageHistory.load(state.iso3);
  }

  @ResolveField(() => RatificationStage, {
    description:
      'Its stage on that day, from its history by the days the moves took effect (before its first recorded move: the stage that move left)',
  })
  async ratificationStageOn(
    state: State,
    @FieldArgs(StageOnArgs) { date }: StageOnArgs,
    { loaders }: GqlContext,
  ): Promise<RatificationStage> {
    return stageOn(await loaders.get(StateLoaders).stageHistory.load(state.iso3), date) ?? state.ratificationStage;
  }

  @ResolveField(() => [Obstacle], { description: 'The obstacles it raised: open ones first, then the newest recordedOn' })
  async obstacles(
    state: ServedState,
    @FieldArgs(StateObstaclesArgs) { status }: StateObstaclesArgs,
    { loaders }: GqlContext,
  ): Promise<Obstacle[]> {
    const obstacles = state.obstaclesReadAlong ?? (await loaders.get(ObstacleLoaders).obstaclesByState.load(state.iso3));
    return status ? obstacles.filter((obstacle) => obstacle.status === status) : obstacles;
  }

  @ResolveField(() => [Grouping], { description: 'The groupings it belongs to, by name' })
  groupings(state: State, _args: NoArgs, { loaders }: GqlContext): Promise<Grouping[]> {
    return loaders.get(GroupingLoaders).groupingsByState.load(state.iso3);
  }
}

export class StateInteractionsResolver extends InteractionsField(
  State,
  'state',
  (state) => state.iso3,
  'The interactions you may see, newest first',
) {}
