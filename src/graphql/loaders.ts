import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { byKey, groupByKey, withoutKey } from '../common/batches.js';
import { ContactPostingsRepository } from '../contacts/contact-postings.repository.js';
import type { ContactPosting } from '../contacts/contact-posting.model.js';
import { ContactsRepository } from '../contacts/contacts.repository.js';
import type { Contact } from '../contacts/contact.model.js';
import { unauthenticated } from '../common/errors.js';
import type { Page } from '../common/pagination.js';
import type { Grouping } from '../groupings/grouping.model.js';
import { GroupingsRepository } from '../groupings/groupings.repository.js';
import { InteractionsRepository, type InteractionPageOf, type InteractionRow } from '../interactions/interactions.repository.js';
import type { Obstacle } from '../obstacles/obstacle.model.js';
import { ObstaclesRepository } from '../obstacles/obstacles.repository.js';
import type { Organization } from '../organizations/organization.model.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { StatesRepository, type StageChangeRow } from '../states/states.repository.js';
import type { State } from '../states/state.model.js';
import type { User } from '../users/user.model.js';
import { UsersRepository } from '../users/users.repository.js';
import type { VotingRecord } from '../votes/resolution.model.js';
import { votingRecord } from '../votes/voting-record.js';
import { VotesRepository, type StateVote } from '../votes/votes.repository.js';

export interface InteractionPage {
  rows: InteractionRow[];
  /** Null when the page was asked for without its total. */
  total: number | null;
}

/**
 * Per-request batching: every relation field goes through one of these, so a list of N
 * parents costs one statement per relation, not N. The viewer's visibility rules are part
 * of every interaction query.
 */
export class Loaders {
  readonly state: DataLoader<string, State | null>;
  readonly votesByState: DataLoader<string, StateVote[]>;
  /** Computed from votesByState, unless a list that already has it primed it (the targets). */
  readonly votingRecord: DataLoader<string, VotingRecord>;
  readonly contactsByState: DataLoader<string, Contact[]>;
  readonly contact: DataLoader<string, Contact | null>;
  readonly postingsByContact: DataLoader<string, ContactPosting[]>;
  readonly statesByInteraction: DataLoader<string, State[]>;
  readonly contactsByInteraction: DataLoader<string, Contact[]>;
  readonly organization: DataLoader<string, Organization | null>;
  readonly user: DataLoader<string, User | null>;
  readonly lastInteractionOn: DataLoader<string, string | null>;
  readonly stageHistory: DataLoader<string, StageChangeRow[]>;
  readonly obstaclesByState: DataLoader<string, Obstacle[]>;
  readonly groupingsByState: DataLoader<string, Grouping[]>;
  readonly statesByGrouping: DataLoader<string, State[]>;
  /** An interaction by id, or null when the viewer may not see it. */
  readonly interaction: DataLoader<string, InteractionRow | null>;
  private readonly interactionPages = new Map<string, DataLoader<string, InteractionPage>>();

  constructor(
    private readonly repos: LoaderRepositories,
    private readonly viewer: Viewer | null,
  ) {
    const { states, votes, contacts, contactPostings, interactions, organizations, users, obstacles, groupings } = repos;
    this.interaction = new DataLoader(async (ids) => {
      const found = byKey(await interactions.visibleByIds(this.requireViewer(), ids), (i) => i.id);
      return ids.map((id) => found.get(id) ?? null);
    });
    this.state = new DataLoader(async (iso3s) => {
      const found = byKey(await states.findByIso3s(iso3s), (s) => s.iso3);
      return iso3s.map((iso3) => found.get(iso3) ?? null);
    });
    this.votesByState = new DataLoader(async (iso3s) => {
      const groups = groupByKey(await votes.byStates(iso3s), (v) => v.stateIso3);
      return iso3s.map((iso3) => groups.get(iso3) ?? []);
    });
    this.votingRecord = new DataLoader(async (iso3s) => {
      const votes = await this.votesByState.loadMany(iso3s);
      return votes.map((stateVotes) =>
        stateVotes instanceof Error
          ? stateVotes
          : votingRecord(stateVotes.map((v) => ({ choice: v.choice, adoptedOn: v.resolution.adoptedOn, symbol: v.resolution.symbol }))),
      );
    });
    this.contactsByState = new DataLoader(async (iso3s) => {
      const groups = groupByKey(await contacts.byStates(iso3s), (c) => c.stateIso3!);
      return iso3s.map((iso3) => groups.get(iso3) ?? []);
    });
    this.contact = new DataLoader(async (ids) => {
      const found = byKey(await contacts.byIds(ids), (c) => c.id);
      return ids.map((id) => found.get(id) ?? null);
    });
    this.postingsByContact = new DataLoader(async (ids) => {
      const groups = groupByKey(await contactPostings.byContacts(ids), (p) => p.contactId);
      return ids.map((id) => groups.get(id) ?? []);
    });
    this.statesByInteraction = new DataLoader(async (ids) => {
      const groups = groupByKey(await interactions.statesOf(ids), (row) => row.__key);
      return ids.map((id) => (groups.get(id) ?? []).map(withoutKey));
    });
    this.contactsByInteraction = new DataLoader(async (ids) => {
      const groups = groupByKey(await interactions.contactsOf(ids), (row) => row.__key);
      return ids.map((id) => (groups.get(id) ?? []).map(withoutKey));
    });
    this.organization = new DataLoader(async (ids) => {
      const found = byKey(await organizations.byIds(ids), (o) => o.id);
      return ids.map((id) => found.get(id) ?? null);
    });
    this.user = new DataLoader(async (ids) => {
      const found = byKey(await users.byIds(ids), (u) => u.id);
      return ids.map((id) => found.get(id) ?? null);
    });
    this.lastInteractionOn = new DataLoader(async (iso3s) => {
      const last = await interactions.lastOnByStates(this.requireViewer(), iso3s);
      return iso3s.map((iso3) => last.get(iso3) ?? null);
    });
    this.stageHistory = new DataLoader(async (iso3s) => {
      const groups = groupByKey(await states.stageChangesOf(this.requireViewer(), iso3s), (c) => c.stateIso3);
      return iso3s.map((iso3) => groups.get(iso3) ?? []);
    });
    this.obstaclesByState = new DataLoader(async (iso3s) => {
      const groups = groupByKey(await obstacles.byStates(this.requireViewer(), iso3s), (o) => o.stateIso3);
      return iso3s.map((iso3) => groups.get(iso3) ?? []);
    });
    this.groupingsByState = new DataLoader(async (iso3s) => {
      const groups = groupByKey(await groupings.ofStates(iso3s), (row) => row.__key);
      return iso3s.map((iso3) => (groups.get(iso3) ?? []).map(withoutKey));
    });
    this.statesByGrouping = new DataLoader(async (ids) => {
      const groups = groupByKey(await groupings.statesOf(ids), (row) => row.__key);
      return ids.map((id) => (groups.get(id) ?? []).map(withoutKey));
    });
  }

  /**
   * A page of a State's or contact's visible interactions; parents asking for the same page are
   * batched. With `withContacts`, each interaction's contacts come in the same statement.
   */
  interactionsOf(via: 'state' | 'contact', key: string, page: Page, withContacts = false): Promise<InteractionPage> {
    return this.interactionPageLoader(via, page, withContacts).load(key);
  }

  /** Hands over a page of interactions read along with its parent (and their contacts, if read). */
  primeInteractions(via: 'state' | 'contact', key: string, page: Page, withContacts: boolean, read: InteractionPageOf): void {
    this.primeContactsOf(read);
    this.interactionPageLoader(via, page, withContacts).prime(key, { rows: read.rows, total: read.total });
  }

  private primeContactsOf(read: InteractionPageOf): void {
    for (const [interactionId, list] of read.contacts ?? []) this.contactsByInteraction.prime(interactionId, list);
  }

  private interactionPageLoader(via: 'state' | 'contact', page: Page, withContacts: boolean): DataLoader<string, InteractionPage> {
    const id = `${via}:${page.first}:${page.withTotal}:${withContacts}:${JSON.stringify(page.after ?? null)}`;
    let loader = this.interactionPages.get(id);
    if (!loader) {
      loader = new DataLoader(async (keys) => {
        const pages = await this.repos.interactions.pagesByKey(this.requireViewer(), via, keys, page, withContacts);
        for (const read of pages.values()) this.primeContactsOf(read);
        return keys.map((k) => pages.get(k) ?? { rows: [], total: 0 });
      });
      this.interactionPages.set(id, loader);
    }
    return loader;
  }

  private requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }
}

export interface LoaderRepositories {
  states: StatesRepository;
  votes: VotesRepository;
  contacts: ContactsRepository;
  contactPostings: ContactPostingsRepository;
  interactions: InteractionsRepository;
  organizations: OrganizationsRepository;
  users: UsersRepository;
  obstacles: ObstaclesRepository;
  groupings: GroupingsRepository;
}

@Injectable()
export class LoadersFactory {
  private readonly repos: LoaderRepositories;

  constructor(
    states: StatesRepository,
    votes: VotesRepository,
    contacts: ContactsRepository,
    contactPostings: ContactPostingsRepository,
    interactions: InteractionsRepository,
    organizations: OrganizationsRepository,
    users: UsersRepository,
    obstacles: ObstaclesRepository,
    groupings: GroupingsRepository,
  ) {
    this.repos = { states, votes, contacts, contactPostings, interactions, organizations, users, obstacles, groupings };
  }

  create(viewer: Viewer | null): Loaders {
    return new Loaders(this.repos, viewer);
  }
}
