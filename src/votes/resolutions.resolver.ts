import { Query, Resolver } from '@nestjs/graphql';
import { Resolution } from './resolution.model.js';
import { VotesRepository } from './votes.repository.js';

@Resolver(() => Resolution)
export class ResolutionsResolver {
  constructor(private readonly votes: VotesRepository) {}

  @Query(() => [Resolution], { description: 'The General Assembly resolutions on the Convention, newest first' })
  resolutions(): Promise<Resolution[]> {
    return this.votes.resolutions();
  }
}
