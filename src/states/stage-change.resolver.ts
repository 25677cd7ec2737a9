import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestLoaders } from '../graphql/context.js';
import type { Loaders } from '../graphql/loaders.js';
import { User } from '../users/user.model.js';
import { StageChange } from './stage-change.model.js';

@Resolver(() => StageChange)
export class StageChangeResolver {
  @ResolveField(() => User, { nullable: true, description: 'Null for the changes the data import recorded' })
  changedBy(@Parent() change: StageChange, @RequestLoaders() loaders: Loaders): Promise<User | null> | null {
    return change.changedById ? loaders.user.load(change.changedById) : null;
  }
}
