import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import type { Page } from '../common/paging/page.js';
import { SqlParams } from '../common/sql.js';
import { interactionPageFromJson, stateInteractionsJson, type InteractionPageOf } from '../interactions/interactions.repository.js';
import { stateVotesJson, type StateVote } from '../votes/votes.repository.js';
import { STATE_COLUMNS } from './states.repository.js';
import type { State } from './state.model.js';

/** What to read along with a State: its votes, a page of the interactions a viewer may see. */
export interface StateDetailQuery {
  votes: boolean;
  interactions?: { viewer: Viewer; page: Page; withContacts: boolean };
}

export interface StateDetail {
  state: State;
  votes?: StateVote[];
  interactions?: InteractionPageOf;
}

/** A page of a State's interactions as read along with it (JSON). */
type InteractionPageJson = Parameters<typeof interactionPageFromJson>[0];

/** A State with what was read along with it: each column only when asked for. */
interface StateDetailRow extends State {
  __votes?: StateVote[];
  __interactions?: InteractionPageJson | null;
}

/** A State with what its reader asks for below it, in one statement. */
@Injectable()
export class StateDetailRepository {
  constructor(private readonly db: Db) {}

  async read(iso3: string, query: StateDetailQuery): Promise<StateDetail | null> {
    const p = new SqlParams();
    const code = p.add(iso3);
    const { interactions } = query;
    const columns = [
      STATE_COLUMNS,
      query.votes ? `${stateVotesJson('s.iso3')} AS "__votes"` : null,
      interactions
        ? `${stateInteractionsJson(interactions.viewer, 's.iso3', interactions.page, interactions.withContacts, p)} AS "__interactions"`
        : null,
    ].filter(Boolean);
    const rows = await this.db.query<StateDetailRow[]>(`SELECT ${columns.join(', ')} FROM states s WHERE s.iso3 = ${code}`, p.values);
    if (!rows.length) return null;
    const { __votes, __interactions, ...state } = rows[0];
    return {
      state,
      votes: query.votes ? __votes : undefined,
      interactions: interactions ? interactionPageFromJson(__interactions ?? [], interactions.withContacts) : undefined,
    };
  }
}
