import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { VoteChoice } from '../common/enums.js';
import { table } from '../database/table.js';
import { ResolutionEntity } from './resolution.entity.js';
import type { Resolution } from './resolution.model.js';

const RESOLUTION_COLUMNS = table(ResolutionEntity).select('r');

export interface StateVote {
  stateIso3: string;
  choice: VoteChoice;
  resolution: Resolution;
}

/**
 * A SQL expression: the votes of the State whose code is `iso3` (an SQL expression), as a JSON array
 * of StateVote, newest resolution first: what `byStates` returns for it, read along with the State.
 */
export function stateVotesJson(iso3: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('stateIso3', v.state_iso3, 'choice', v.choice, 'resolution', to_json(x))
                                  ORDER BY x."adoptedOn" DESC, x.symbol DESC), '[]')
           FROM votes v CROSS JOIN LATERAL (SELECT ${RESOLUTION_COLUMNS} FROM resolutions r WHERE r.symbol = v.resolution_symbol) x
           WHERE v.state_iso3 = ${iso3})`;
}

/** A vote with its resolution's columns, as `byStates` reads it. */
interface VoteRow extends Resolution {
  stateIso3: string;
  choice: VoteChoice;
}

@Injectable()
export class VotesRepository {
  constructor(private readonly db: Db) {}

  /** Newest first. */
  resolutions(): Promise<Resolution[]> {
    return this.db.query<Resolution[]>(`SELECT ${RESOLUTION_COLUMNS} FROM resolutions r ORDER BY r.adopted_on DESC, r.symbol DESC`);
  }

  /** Every vote of these States, each with its resolution, newest resolution first. */
  async byStates(iso3s: readonly string[]): Promise<StateVote[]> {
    const rows = await this.db.query<VoteRow[]>(
      `SELECT v.state_iso3 AS "stateIso3", v.choice, ${RESOLUTION_COLUMNS}
       FROM votes v JOIN resolutions r ON r.symbol = v.resolution_symbol
       WHERE v.state_iso3 = ANY($1::char(3)[])
       ORDER BY r.adopted_on DESC, r.symbol DESC`,
      [iso3s],
    );
    return rows.map(({ stateIso3, choice, ...resolution }) => ({ stateIso3, choice, resolution }));
  }
}
