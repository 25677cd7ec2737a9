import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { byKey, groupByKey, withoutKey } from '../common/batches.js';
import type { Page } from '../common/paging/page.js';
import type { Contact } from '../contacts/contact.model.js';
import { requireViewer, type LoaderSource } from '../graphql/loaders.js';
import type { State } from '../states/state.model.js';
import { InteractionsRepository, type InteractionPageOf, type InteractionRow } from './interactions.repository.js';

export interface InteractionPage {
  rows: InteractionRow[];
  /** Null when the page was asked for without its total. */
  total: number | null;
}

/** Interactions as the viewer may see them: by id, in pages below a State or a contact, with their States and contacts. */
class InteractionBatches {
  /** An interaction by id, or null when the viewer may not see it. */
  readonly interaction: DataLoader<string, InteractionRow | null>;
  readonly statesByInteraction: DataLoader<string, State[]>;
  readonly contactsByInteraction: DataLoader<string, Contact[]>;
  readonly lastInteractionOn: DataLoader<string, string | null>;
  private readonly pages = new Map<string, DataLoader<string, InteractionPage>>();

  constructor(
    private readonly interactions: InteractionsRepository,
    private readonly viewer: Viewer | null,
  ) {
    this.interaction = new DataLoader(async (ids) => {
      const found = byKey(await interactions.visibleByIds(requireViewer(viewer), ids), (i) => i.id);
      return ids.map((id) => found.get(id) ?? null);
    });
    this.statesByInteraction = new DataLoader(async (ids) => {
      const groups = groupByKey(await interactions.statesOf(ids), (row) => row.__key);
      return ids.map((id) => (groups.get(id) ?? []).map(withoutKey));
    });
    this.contactsByInteraction = new DataLoader(async (ids) => {
      const groups = groupByKey(await interactions.contactsOf(ids), (row) => row.__key);
      return ids.map((id) => (groups.get(id) ?? []).map(withoutKey));
    });
    this.lastInteractionOn = new DataLoader(async (iso3s) => {
      const last = await interactions.lastOnByStates(requireViewer(viewer), iso3s);
      return iso3s.map((iso3) => last.get(iso3) ?? null);
    });
  }

  /**
   * A page of a State's or contact's visible interactions; parents asking for the same page are
   * batched. With `withContacts`, each interaction's contacts come in the same statement.
   */
  interactionsOf(via: 'state' | 'contact', key: string, page: Page, withContacts = false): Promise<InteractionPage> {
    return this.pageLoader(via, page, withContacts).load(key);
  }

  /** Hands over a page of interactions read along with its parent (and their contacts, if read). */
  primeInteractions(via: 'state' | 'contact', key: string, page: Page, withContacts: boolean, read: InteractionPageOf): void {
    this.primeContactsOf(read);
    this.pageLoader(via, page, withContacts).prime(key, { rows: read.rows, total: read.total });
  }

  private primeContactsOf(read: InteractionPageOf): void {
    for (const [interactionId, list] of read.contacts ?? []) this.contactsByInteraction.prime(interactionId, list);
  }

  private pageLoader(via: 'state' | 'contact', page: Page, withContacts: boolean): DataLoader<string, InteractionPage> {
    const id = `${via}:${page.first}:${page.withTotal}:${withContacts}:${JSON.stringify(page.after ?? null)}`;
    let loader = this.pages.get(id);
    if (!loader) {
      loader = new DataLoader(async (keys) => {
        const pages = await this.interactions.pagesByKey(requireViewer(this.viewer), via, keys, page, withContacts);
        for (const read of pages.values()) this.primeContactsOf(read);
        return keys.map((k) => pages.get(k) ?? { rows: [], total: 0 });
      });
      this.pages.set(id, loader);
    }
    return loader;
  }
}

@Injectable()
export class InteractionLoaders implements LoaderSource<InteractionBatches> {
  constructor(private readonly interactions: InteractionsRepository) {}

  forRequest(viewer: Viewer | null): InteractionBatches {
    return new InteractionBatches(this.interactions, viewer);
  }
}
