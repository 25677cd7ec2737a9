import { parse } from 'csv-parse/sync';
import { VoteChoice } from '../common/enums.js';
import { badInput } from '../common/errors.js';
import type { RecordResolutionInput } from './record-resolution.dto.js';

/**
 * The voting-record CSV of the UN Digital Library: the layout of its "General Assembly Voting Data"
 * (https://digitallibrary.un.org/record/4060887, data dictionary of version 3, July 2025), one row
 * per Member State and resolution. Columns read: `ms_code` (ISO3), `ms_vote` (Y, N, A; X or blank:
 * non-voting), `date`, `session`, `resolution` (the symbol), `title`, `total_yes`, `total_no`,
 * `total_abstentions`, `total_non_voting`, `undl_link`. Other columns (`undl_id`, `ms_name`,
 * `draft`, `committee_report`, `meeting`, `agenda_title`, `subjects`, `vote_note`, `total_ms`) are
 * allowed and ignored. Files in the dataset's first layout (version 1, September 2024: `ms_codes`,
 * `ms_votes` with NV for non-voting, `resolutions`, `yes`, `no`, `abstentions`, `non-voting`,
 * `total-voting`) are read too, their columns renamed to the current ones.
 */
export const UNDL_COLUMNS = [
  'ms_code',
  'ms_vote',
  'date',
  'resolution',
  'title',
  'total_yes',
  'total_no',
  'total_abstentions',
  'total_non_voting',
] as const;

const CHOICES: Record<string, VoteChoice> = {
  Y: VoteChoice.YES,
  N: VoteChoice.NO,
  A: VoteChoice.ABSTAIN,
  X: VoteChoice.NON_VOTING,
  NV: VoteChoice.NON_VOTING,
  '': VoteChoice.NON_VOTING,
};

/** The first layout's column names (version 1 of the dataset) and the current ones they became. */
const FIRST_LAYOUT: Record<string, string> = {
  ms_codes: 'ms_code',
  ms_names: 'ms_name',
  ms_votes: 'ms_vote',
  resolutions: 'resolution',
  agenda_titles: 'agenda_title',
  yes: 'total_yes',
  no: 'total_no',
  abstentions: 'total_abstentions',
  'non-voting': 'total_non_voting',
  'total-voting': 'total_ms',
};

function columnName(header: string): string {
  const name = header.trim().toLowerCase();
  return FIRST_LAYOUT[name] ?? name;
}

function count(value: string, column: string, problems: string[]): number {
  if (!/^\d+$/.test(value.trim())) {
    problems.push(`${column} must be a whole number, got "${value}"`);
    return 0;
  }
  return Number(value.trim());
}

/** The resolution `symbol` (or the only one in the file) as a recordResolution input; problems are refused with BAD_USER_INPUT. */
export function readUndlVotingCsv(csv: string, symbol?: string | null): RecordResolutionInput {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map(columnName),
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (error) {
    throw badInput(`The CSV cannot be read: ${(error as Error).message}`, { problems: [(error as Error).message] });
  }
  const header = rows.length ? Object.keys(rows[0]) : [];
  const missing = UNDL_COLUMNS.filter((column) => !header.includes(column));
  if (!rows.length || missing.length) {
    const problems = rows.length ? missing.map((column) => `missing column ${column}`) : ['the file has no rows'];
    throw badInput(`Not a UN Digital Library voting-record CSV: ${problems.join('; ')}`, { problems });
  }
  const symbols = [...new Set(rows.map((row) => row.resolution.trim()))];
  const wanted = symbol?.trim() || (symbols.length === 1 ? symbols[0] : null);
  if (!wanted)
    throw badInput(`The file holds several resolutions (${symbols.join(', ')}): say which with symbol`, {
      problems: [`several resolutions: ${symbols.join(', ')}`],
    });
  const mine = rows.filter((row) => row.resolution.trim() === wanted);
  if (!mine.length) throw badInput(`The file holds no vote on ${wanted}`, { problems: [`no rows for ${wanted}`] });
  const problems: string[] = [];
  const first = mine[0];
  const votes = mine.map((row, index) => {
    const choice = CHOICES[row.ms_vote.trim().toUpperCase()];
    if (!choice) problems.push(`row ${index + 2}: ms_vote "${row.ms_vote}" is not Y, N, A, X, NV or blank`);
    return { stateIso3: row.ms_code.trim().toUpperCase(), vote: choice ?? VoteChoice.NON_VOTING };
  });
  for (const column of [
    'date',
    'title',
    'total_yes',
    'total_no',
    'total_abstentions',
    'total_non_voting',
    'undl_link',
    'session',
  ] as const) {
    if (mine.some((row) => (row[column] ?? '') !== (first[column] ?? ''))) problems.push(`${column} differs between the rows of ${wanted}`);
  }
  const date = first.date.trim().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push(`date must be YYYY-MM-DD, got "${first.date}"`);
  const input = {
    symbol: wanted,
    date,
    title: first.title.trim().replace(/\s*:\s*resolution\s*\/\s*adopted by the General Assembly\s*$/i, '') || undefined,
    yes: count(first.total_yes, 'total_yes', problems),
    no: count(first.total_no, 'total_no', problems),
    abstain: count(first.total_abstentions, 'total_abstentions', problems),
    nonVoting: count(first.total_non_voting, 'total_non_voting', problems),
    source: first.undl_link?.trim() || undefined,
    votes,
  };
  if (problems.length) throw badInput(`The voting record of ${wanted} has problems: ${problems.join('; ')}`, { problems });
  return input;
}
