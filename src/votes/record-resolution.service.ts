import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Writes } from '../database/writes.js';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { isIsoDate } from '../common/dates.js';
import { VoteChoice } from '../common/enums.js';
import { badInput } from '../common/errors.js';
import type { RecordResolutionInput } from './record-resolution.dto.js';
import type { Resolution } from './resolution.model.js';

const DEFAULT_TITLE = 'Implementation of the Convention on Cluster Munitions';
const SYMBOL = /^A\/RES\/(\d+)\/\d+$/;

const TOTALS = [
  ['yes', VoteChoice.YES],
  ['no', VoteChoice.NO],
  ['abstain', VoteChoice.ABSTAIN],
  ['nonVoting', VoteChoice.NON_VOTING],
] as const;

/**
 * A General Assembly resolution and its per-State votes, recorded by an admin (or read from the UN
 * Digital Library's voting-record CSV). Its totals must match the votes. Recording the same symbol
 * again replaces it. Each write adds a row to data_imports, which is what the in-memory voting records
 * of every instance are keyed on (see VotingRecords): each reads the votes again at its next request.
 */
@Injectable()
export class RecordResolutionService {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  record(viewer: Viewer, input: RecordResolutionInput, action = 'recordResolution'): Promise<Resolution> {
    const problems: string[] = [];
    const session = SYMBOL.exec(input.symbol);
    if (!session) problems.push(`symbol must be a General Assembly resolution symbol such as A/RES/80/40, got "${input.symbol}"`);
    if (!isIsoDate(input.date)) problems.push(`date must be a date as YYYY-MM-DD, got "${input.date}"`);
    const seen = new Set<string>();
    for (const { stateIso3 } of input.votes) {
      if (seen.has(stateIso3)) problems.push(`${stateIso3} votes more than once`);
      seen.add(stateIso3);
    }
    const counted = (choice: VoteChoice) => input.votes.filter((vote) => vote.vote === choice).length;
    const totals = { yes: input.yes, no: input.no, abstain: input.abstain, nonVoting: input.nonVoting ?? counted(VoteChoice.NON_VOTING) };
    for (const [total, choice] of TOTALS) {
      if (totals[total] !== counted(choice))
        problems.push(`${total}: ${totals[total]} given, ${counted(choice)} among the per-State votes`);
    }
    if (problems.length) throw badInput(`The resolution ${input.symbol} is not recorded: ${problems.join('; ')}`, { problems });
    return this.writes.run(viewer, action, async () => {
      const codes = input.votes.map((vote) => vote.stateIso3);
      const known = await this.db.query<{ iso3: string }[]>('SELECT iso3 FROM states WHERE iso3 = ANY($1::text[])', [codes]);
      const unknown = codes.filter((code) => !known.some((row) => row.iso3 === code));
      if (unknown.length)
        throw badInput(`Unknown State code(s): ${unknown.join(', ')}`, { problems: unknown.map((code) => `${code} is not a known State`) });
      const resolution = {
        symbol: input.symbol,
        session: Number(session![1]),
        adoptedOn: input.date,
        title: input.title || DEFAULT_TITLE,
        ...totals,
        source: input.source ?? null,
      };
      await this.db.query(
        `INSERT INTO resolutions (symbol, session, adopted_on, title, yes, no, abstain, non_voting, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (symbol) DO UPDATE SET session = EXCLUDED.session, adopted_on = EXCLUDED.adopted_on, title = EXCLUDED.title, yes = EXCLUDED.yes,
           no = EXCLUDED.no, abstain = EXCLUDED.abstain, non_voting = EXCLUDED.non_voting, source = EXCLUDED.source`,
        [
          resolution.symbol,
          resolution.session,
          resolution.adoptedOn,
          resolution.title,
          totals.yes,
          totals.no,
          totals.abstain,
          totals.nonVoting,
          resolution.source,
        ],
      );
      await this.db.query('DELETE FROM votes WHERE resolution_symbol = $1', [input.symbol]);
      await this.db.query(
        `INSERT INTO votes (resolution_symbol, state_iso3, choice) SELECT $1, * FROM unnest($2::text[], $3::vote_choice[])`,
        [input.symbol, codes, input.votes.map((vote) => vote.vote)],
      );
      // The files' checksum carries over: the next start-up does not import unchanged files again.
      await this.db.query(
        `INSERT INTO data_imports (id, checksum, summary, imported_at)
         SELECT $1, coalesce((SELECT checksum FROM data_imports ORDER BY imported_at DESC, id DESC LIMIT 1), ''), $2::jsonb, clock_timestamp()`,
        [randomUUID(), JSON.stringify({ recorded: action, symbol: input.symbol, votes: codes.length })],
      );
      return resolution;
    });
  }
}
