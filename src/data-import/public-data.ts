import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCsvTable, type CsvTable } from './csv-table.js';
import { IssueLog } from './import-validation-error.js';
import type { PublicData } from './records.js';
import { PARTICIPATION_COLUMNS, readStates, STATE_COLUMNS } from './state-records.js';
import { readVoting, RESOLUTION_COLUMNS, VOTE_COLUMNS } from './vote-records.js';

export const DATA_FILES = {
  states: 'states.csv',
  participation: 'ccm-participation.csv',
  resolutions: 'unga-ccm-resolutions.csv',
  votes: 'unga-ccm-votes.csv',
} as const;

type FileKey = keyof typeof DATA_FILES;
type FileContents = Record<FileKey, Buffer | null>;

async function readFiles(dir: string, log: IssueLog): Promise<FileContents> {
  const contents = {} as FileContents;
  for (const [key, file] of Object.entries(DATA_FILES) as [FileKey, string][]) {
    try {
      contents[key] = await readFile(join(dir, file));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
      log.add({ file, line: null, column: null, value: null, message: `${reason} in ${dir}` });
      contents[key] = null;
    }
  }
  return contents;
}

function checksum(contents: FileContents): string {
  const hash = createHash('sha256');
  for (const [key, file] of Object.entries(DATA_FILES) as [FileKey, string][]) {
    const content = contents[key] ?? Buffer.alloc(0);
    hash.update(`${file}\n${content.length}\n`).update(content);
  }
  return hash.digest('hex');
}

/** The four public-data files as read, before any parsing: enough to tell whether they changed. */
export interface PublicDataFiles {
  contents: FileContents;
  /** A sha256 over the four files, each preceded by its name and length. */
  checksum: string;
  /** Files that could not be read. */
  log: IssueLog;
}

export async function readPublicDataFiles(dir: string): Promise<PublicDataFiles> {
  const log = new IssueLog();
  const contents = await readFiles(dir, log);
  return { contents, checksum: checksum(contents), log };
}

/**
 * Checks the files read by readPublicDataFiles. Every problem found in any of them is
 * collected, and all are thrown together as one ImportValidationError.
 */
export function parsePublicData({ contents, checksum, log }: PublicDataFiles): PublicData {
  const table = (key: FileKey, columns: readonly string[]): CsvTable => {
    const content = contents[key];
    if (content === null) return { file: DATA_FILES[key], rows: [], complete: false };
    return readCsvTable(DATA_FILES[key], content, columns, log);
  };
  const statesTable = table('states', STATE_COLUMNS);
  const states = readStates(statesTable, table('participation', PARTICIPATION_COLUMNS), log);
  const knownStates = statesTable.complete ? { file: statesTable.file, keys: states.codes } : null;
  const voting = readVoting(table('resolutions', RESOLUTION_COLUMNS), table('votes', VOTE_COLUMNS), knownStates, log);
  log.throwIfAny();
  return { states: states.records, ...voting, checksum };
}

/** Reads and checks the four public-data files in `dir` (see parsePublicData). */
export async function loadPublicData(dir: string): Promise<PublicData> {
  return parsePublicData(await readPublicDataFiles(dir));
}
