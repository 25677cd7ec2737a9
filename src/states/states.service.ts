import type { GraphQLResolveInfo } from 'graphql';
import { Writes } from '../activity/writes.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer.js';
import { todayIso } from '../common/dates.js';
import { ActivityKind } from '../common/enums.js';
import { conflict, notFound } from '../common/errors.js';
import { toConnection, toPage, type Connection } from '../common/pagination.js';
import type { SetRatificationStageArgs, StatesArgs } from './dto/states.args.js';
import type DataLoader from 'dataloader';
import type { StateVote } from '../votes/votes.repository.js';
import type { State } from './state.model.js';
import { StatesRepository } from './states.repository.js';

/** A State row as served, with the date its treaty status is computed for. */
export type ServedState = State & { asOf?: string };

const ISO3 = /^[A-Z]{3}$/;

@Injectable()
export class StatesService {
  constructor(
    private readonly writes: Writes,
    private readonly states: StatesRepository,
  ) {}

  /** A State by code; with `votesTo`, its votes are read in the same statement and handed to that loader. */
  async get(iso3: string, votesTo?: DataLoader<string, StateVote[]>): Promise<State | null> {
    const code = iso3.trim().toUpperCase();
    if (!ISO3.test(code)) return null;
    if (!votesTo) return (await this.states.findByIso3s([code]))[0] ?? null;
    const found = await this.states.findWithVotes(code);
    if (found) votesTo.prime(found.state.iso3, found.votes);
    return found?.state ?? null;
  }

  async list(args: StatesArgs, info?: GraphQLResolveInfo): Promise<Connection<ServedState>> {
    const page = toPage(args, ['text', 'text'], info);
    const asOf = args.filter?.asOf ?? todayIso();
    const { rows, total } = await this.states.page({ ...args.filter, asOf }, page);
    const served = rows.map((state) => ({ ...state, asOf }));
    return toConnection(served, page.first, total, (s) => [s.name, s.iso3]);
  }

  /** Moves a State's ratification stage and records the move, atomically. */
  async setStage(viewer: Viewer, args: SetRatificationStageArgs): Promise<State> {
    const iso3 = args.iso3.trim().toUpperCase();
    return this.writes.run(viewer, 'setRatificationStage', async ({ manager, emit }) => {
      const moved = await this.states.setStage(iso3, args.stage, args.expectedVersion, manager);
      if (!moved) {
        const [current] = await this.states.findByIso3s([iso3], manager);
        if (!current) throw notFound('State', iso3);
        if (args.expectedVersion !== undefined && current.version !== args.expectedVersion) {
          throw conflict('State', iso3, args.expectedVersion, current.version);
        }
        return current; // already at that stage: nothing to record
      }
      await this.states.insertStageChange(
        { id: randomUUID(), stateIso3: iso3, from: moved.from, to: args.stage, changedById: viewer.id, note: args.note ?? null },
        manager,
      );
      const why = args.note ? `: ${args.note}` : '';
      await emit({ kind: ActivityKind.STAGE_CHANGED, stateIso3s: [iso3], summary: `{states} moved from ${moved.from} to ${args.stage}${why}` });
      return moved.state;
    });
  }
}
