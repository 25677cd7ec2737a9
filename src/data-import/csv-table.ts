import { parse } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import type { IssueLog } from './import-validation-error.js';

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  rows: CsvRow[];
  /**
   * True when every record was read (the header names every required column and no record
   * is malformed), so that other files' references to this one can be checked.
   */
  complete: boolean;
}

/** Logs duplicate and missing columns; returns whether every required column is present. */
function checkHeader(file: string, header: string[], required: readonly string[], log: IssueLog): boolean {
  const headerIssue = (column: string | null, message: string) => log.add({ file, line: 1, column, value: null, message });
  header.filter((name, index) => header.indexOf(name) !== index).forEach((name) => headerIssue(name, 'column appears twice in the header'));
  const missing = required.filter((name) => !header.includes(name));
  for (const name of missing) {
    headerIssue(name, `required column is missing (the header must name ${required.join(', ')})`);
  }
  return missing.length === 0;
}

/**
 * Parses a CSV file with a header line. Malformed records (a wrong number of fields, an
 * unclosed quote) and header problems are logged; the other records are returned, or none
 * when a required column is missing.
 */
export function readCsvTable(file: string, content: Buffer, required: readonly string[], log: IssueLog): CsvTable {
  let headerSeen = false;
  let usable = false;
  let malformed = 0;
  const rows = parse<CsvRow, Record<string, string>>(content, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    columns: (header: string[]) => {
      headerSeen = true;
      usable = checkHeader(file, header, required, log);
      return header;
    },
    on_record: (values, context) => ({ line: context.lines, values }),
    on_skip: (error: CsvError | undefined) => {
      malformed++;
      const line = typeof error?.lines === 'number' ? error.lines : null;
      log.add({ file, line, column: null, value: null, message: error?.message ?? 'malformed record' });
    },
  });
  if (!headerSeen) {
    const message = `file is empty (expected a header naming ${required.join(', ')})`;
    log.add({ file, line: 1, column: null, value: null, message });
  }
  return { file, rows: usable ? rows : [], complete: usable && malformed === 0 };
}
