import type { EntityManager } from 'typeorm';
import type { ResolutionRecord, VoteRecord } from './records.js';
import { countUpsert, type TableCounts } from './sql-counts.js';

const UPSERT_RESOLUTIONS = `
  INSERT INTO resolutions AS r (symbol, session, adopted_on, title, yes, no, abstain, non_voting, source)
  SELECT * FROM unnest($1::text[], $2::int[], $3::date[], $4::text[], $5::int[], $6::int[], $7::int[],
                       $8::int[], $9::text[])
  ON CONFLICT (symbol) DO UPDATE SET
    session = EXCLUDED.session, adopted_on = EXCLUDED.adopted_on, title = EXCLUDED.title, yes = EXCLUDED.yes,
    no = EXCLUDED.no, abstain = EXCLUDED.abstain, non_voting = EXCLUDED.non_voting, source = EXCLUDED.source
  WHERE (r.session, r.adopted_on, r.title, r.yes, r.no, r.abstain, r.non_voting, r.source)
    IS DISTINCT FROM
        (EXCLUDED.session, EXCLUDED.adopted_on, EXCLUDED.title, EXCLUDED.yes, EXCLUDED.no, EXCLUDED.abstain,
         EXCLUDED.non_voting, EXCLUDED.source)`;

const UPSERT_VOTES = `
  INSERT INTO votes AS v (resolution_symbol, state_iso3, choice)
  SELECT * FROM unnest($1::text[], $2::text[], $3::vote_choice[])
  ON CONFLICT (resolution_symbol, state_iso3) DO UPDATE SET choice = EXCLUDED.choice
  WHERE v.choice IS DISTINCT FROM EXCLUDED.choice`;

/** Votes on the imported resolutions that the file no longer lists. */
const DELETE_STALE_VOTES = `
  WITH gone AS (
    DELETE FROM votes v
     WHERE v.resolution_symbol = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS f(symbol, iso3)
                        WHERE f.symbol = v.resolution_symbol AND f.iso3 = v.state_iso3)
    RETURNING 1)
  SELECT count(*)::int AS deleted FROM gone`;

interface DeletedCountRow {
  deleted: number;
}

export async function upsertResolutions(manager: EntityManager, resolutions: ResolutionRecord[]): Promise<TableCounts> {
  const column = <K extends keyof ResolutionRecord>(key: K) => resolutions.map((resolution) => resolution[key]);
  const parameters = [
    column('symbol'),
    column('session'),
    column('adoptedOn'),
    column('title'),
    column('yes'),
    column('no'),
    column('abstain'),
    column('nonVoting'),
    column('source'),
  ];
  return countUpsert(manager, UPSERT_RESOLUTIONS, parameters, resolutions.length);
}

/** Writes the votes of the imported resolutions: new, changed and no longer listed. */
export async function upsertVotes(manager: EntityManager, symbols: string[], votes: VoteRecord[]): Promise<TableCounts> {
  const voteSymbols = votes.map((vote) => vote.symbol);
  const voteStates = votes.map((vote) => vote.iso3);
  const [{ deleted }] = await manager.query<DeletedCountRow[]>(DELETE_STALE_VOTES, [symbols, voteSymbols, voteStates]);
  const counts = await countUpsert(manager, UPSERT_VOTES, [voteSymbols, voteStates, votes.map((vote) => vote.choice)], votes.length);
  return { ...counts, deleted };
}
