import type { GqlContext, NoArgs } from '../graphql/context.js';
import { ResolveField, Resolver } from '@nestjs/graphql';

import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { StageChange } from './stage-change.model.js';

@Resolver(() => StageChange)
export class StageChangeResolver {
  @ResolveField(() => User, {
    nullable: true,
    description: 'Null for the changes the data import recorded, and when you may not see the note',
  })
  changedBy(change: StageChange, _args: NoArgs, { loaders }: GqlContext): Promise<User | null> | null {
    return change.changedById ? loaders.get(UserLoaders).user.load(change.changedById) : null;
  }
}
