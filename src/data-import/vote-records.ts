import { VoteChoice } from '../common/enums.js';
import type { CsvTable } from './csv-table.js';
import type { IssueLog } from './import-validation-error.js';
import type { ResolutionRecord, VoteRecord } from './records.js';
import { RowReader } from './row-reader.js';

export const RESOLUTION_COLUMNS = ['symbol', 'session', 'adoption_date', 'yes', 'no', 'abstain', 'title', 'source'];
export const VOTE_COLUMNS = ['symbol', 'iso3', 'vote'];

/** The keys a file defines, for checking references to it; null when the file was not read in full. */
export type KnownKeys = { file: string; keys: Set<string> } | null;

type ChoiceCounts = Record<VoteChoice, number>;

const CHOICES = { Y: VoteChoice.YES, N: VoteChoice.NO, A: VoteChoice.ABSTAIN, NV: VoteChoice.NON_VOTING };
const TOTALS = [
  { column: 'yes', choice: VoteChoice.YES },
  { column: 'no', choice: VoteChoice.NO },
  { column: 'abstain', choice: VoteChoice.ABSTAIN },
] as const;

/** A row of the resolutions file; `record` is null when the row has a problem. */
interface Resolution {
  line: number;
  record: ResolutionRecord | null;
}

function readResolutions(table: CsvTable, log: IssueLog): Map<string, Resolution> {
  const resolutions = new Map<string, Resolution>();
  const lines = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(log, table.file, row);
    const record: ResolutionRecord = {
      symbol: r.text('symbol'),
      session: r.count('session'),
      adoptedOn: r.date('adoption_date'),
      title: r.text('title'),
      yes: r.count('yes'),
      no: r.count('no'),
      abstain: r.count('abstain'),
      nonVoting: 0,
      source: r.optionalText('source'),
    };
    const first = r.unique('symbol', lines);
    if (first) resolutions.set(record.symbol, { line: row.line, record: r.ok ? record : null });
  }
  return resolutions;
}

function checkReference(r: RowReader, column: string, known: KnownKeys, what: string): void {
  const value = r.raw(column);
  if (known && value !== '' && !known.keys.has(value)) r.fail(column, `not ${what} in ${known.file}`);
}

/** Reads the votes; `incomplete` holds the symbols that lost a vote to a problem. */
function readVotes(table: CsvTable, resolutions: KnownKeys, states: KnownKeys, log: IssueLog) {
  const votes: VoteRecord[] = [];
  const incomplete = new Set<string>();
  const lines = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(log, table.file, row);
    const vote: VoteRecord = { symbol: r.text('symbol'), iso3: r.text('iso3'), choice: r.oneOf('vote', CHOICES) };
    checkReference(r, 'symbol', resolutions, 'a resolution');
    checkReference(r, 'iso3', states, 'a State');
    r.unique('iso3', lines, `${vote.symbol} ${vote.iso3}`);
    if (r.ok) votes.push(vote);
    else incomplete.add(vote.symbol);
  }
  return { votes, incomplete };
}

function countChoices(votes: VoteRecord[]): Map<string, ChoiceCounts> {
  const counts = new Map<string, ChoiceCounts>();
  for (const { symbol, choice } of votes) {
    const count = counts.get(symbol) ?? { YES: 0, NO: 0, ABSTAIN: 0, NON_VOTING: 0 };
    count[choice]++;
    counts.set(symbol, count);
  }
  return counts;
}

/** Each resolution's yes/no/abstain must equal the sums of its votes; non_voting is taken from them. */
function checkTotals(
  files: { resolutions: string; votes: string },
  resolutions: { line: number; record: ResolutionRecord }[],
  votes: VoteRecord[],
  log: IssueLog,
): void {
  const counts = countChoices(votes);
  for (const { line, record } of resolutions) {
    const count = counts.get(record.symbol) ?? { YES: 0, NO: 0, ABSTAIN: 0, NON_VOTING: 0 };
    for (const { column, choice } of TOTALS) {
      if (record[column] === count[choice]) continue;
      const message = `expected ${count[choice]}, the number of ${choice} votes on ${record.symbol} in ${files.votes}`;
      log.add({ file: files.resolutions, line, column, value: String(record[column]), message });
    }
    record.nonVoting = count.NON_VOTING;
  }
}

/** Checks the resolutions and votes files against each other and against the known States. */
export function readVoting(resolutionTable: CsvTable, voteTable: CsvTable, states: KnownKeys, log: IssueLog) {
  const resolutions = readResolutions(resolutionTable, log);
  const symbols = resolutionTable.complete ? { file: resolutionTable.file, keys: new Set(resolutions.keys()) } : null;
  const { votes, incomplete } = readVotes(voteTable, symbols, states, log);
  if (voteTable.complete) {
    const checkable = [...resolutions.values()].flatMap(({ line, record }) =>
      record && !incomplete.has(record.symbol) ? [{ line, record }] : [],
    );
    checkTotals({ resolutions: resolutionTable.file, votes: voteTable.file }, checkable, votes, log);
  }
  return {
    resolutions: [...resolutions.values()].flatMap(({ record }) => (record ? [record] : [])),
    votes,
  };
}
