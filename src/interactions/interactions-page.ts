import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../common/paging/connection.js';
import { toConnection, toPage } from '../common/paging/cursor.js';
import type { PageArgs } from '../common/paging/page.js';
import { checkPageArgs } from '../graphql/field-args.js';
import type { Loaders } from '../graphql/loaders.js';
import { listOptions, selects } from '../graphql/selection.js';
import { InteractionLoaders } from './interaction.loaders.js';
import { INTERACTION_CURSOR, interactionSortKey, type InteractionRow } from './interactions.repository.js';

/** The `interactions` field of a State or a contact: a page of those the viewer may see, newest first. */
export async function interactionsPage(
  loaders: Loaders,
  via: 'state' | 'contact',
  key: string,
  args: PageArgs,
  info: GraphQLResolveInfo,
): Promise<Connection<InteractionRow>> {
  const page = toPage(checkPageArgs(args), INTERACTION_CURSOR, listOptions(info).withTotal);
  const { rows, total } = await loaders
    .get(InteractionLoaders)
    .interactionsOf(via, key, page, selects(info, ['edges', 'node', 'contacts']));
  return toConnection(rows, page.first, total, interactionSortKey);
}
