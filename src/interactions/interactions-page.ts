import type { Type } from '@nestjs/common';
import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../common/paging/connection.js';
import { pageOf } from '../common/paging/cursor.js';
import { PageArgs, type Page } from '../common/paging/page.js';
import type { GqlContext } from '../graphql/context.js';
import { checkPageArgs, FieldArgs } from '../graphql/field-args.js';
import type { Loaders } from '../graphql/loaders.js';
import { listOptions, selects } from '../graphql/selection.js';
import { InteractionLoaders } from './interaction.loaders.js';
import { InteractionConnection } from './interaction.model.js';
import { INTERACTION_CURSOR, interactionSortKey, type InteractionRow } from './interactions.repository.js';

/** The `interactions` field of a State or a contact: a page of those the viewer may see, newest first. */
export function interactionsPage(
  loaders: Loaders,
  via: 'state' | 'contact',
  key: string,
  args: PageArgs,
  info: GraphQLResolveInfo,
): Promise<Connection<InteractionRow>> {
  const withContacts = selects(info, ['edges', 'node', 'contacts']);
  const read = (page: Page) => loaders.get(InteractionLoaders).interactionsOf(via, key, page, withContacts);
  return pageOf(checkPageArgs(args), INTERACTION_CURSOR, interactionSortKey, read, listOptions(info).withTotal);
}

/**
 * The resolver of the `interactions` field of a State or a contact, for its module
 * (`export class ContactInteractionsResolver extends InteractionsField(Contact, ...) {}`).
 */
export function InteractionsField<P>(parent: Type<P>, via: 'state' | 'contact', keyOf: (parent: P) => string, description: string) {
  @Resolver(() => parent)
  class InteractionsFieldResolver {
    @ResolveField(() => InteractionConnection, { description })
    interactions(
      of: P,
      @FieldArgs(PageArgs) args: PageArgs,
      { loaders }: GqlContext,
      info: GraphQLResolveInfo,
    ): Promise<Connection<InteractionRow>> {
      return interactionsPage(loaders, via, keyOf(of), args, info);
    }
  }
  return InteractionsFieldResolver;
}
