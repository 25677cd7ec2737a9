import { parse } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import { normalizeName } from './names.js';

/** One record of a sheet, by canonical column name (absent columns read as ''). */
export interface SheetRow {
  line: number;
  values: Record<string, string>;
}

export interface Sheet {
  file: string;
  /** The field delimiter found in the header line. */
  delimiter: string;
  rows: SheetRow[];
  /** Records that could not be read (an unclosed quote, a wrong number of fields). */
  broken: { line: number; message: string }[];
  /** Problems with the file as a whole: nothing in it can be imported. */
  errors: string[];
  /** Header names that match no known column; their values are not imported. */
  ignoredColumns: string[];
}

/** A column and the header names that mean it (compared as `normalizeName` with spaces as '_'). */
export type ColumnSpec = Record<string, readonly string[]>;

const headerKey = (name: string) => normalizeName(name).replace(/ /g, '_');

/** The apostrophe that exports put before a cell a spreadsheet would read as a formula (see csvText). */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

/** The cells as they were before an export guarded them: "'=1+1" reads "=1+1", so that a sheet exported here imports as it was. */
function unguarded(values: Record<string, string>): Record<string, string> {
  for (const [column, value] of Object.entries(values)) if (FORMULA_GUARD.test(value)) values[column] = value.slice(1);
  return values;
}

/** The delimiter that occurs most often outside quotes in the first line: ',', ';' or a tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

function decode(content: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    return null;
  }
}

/**
 * Reads a spreadsheet saved as CSV: UTF-8 (with or without a byte-order mark), comma, semicolon or
 * tab delimited (found from the header line), header names matched without regard to case, accents,
 * spaces or punctuation. Empty lines, and lines whose every cell is empty, are skipped.
 */
export function readSheet(file: string, content: Buffer, spec: ColumnSpec, required: readonly string[]): Sheet {
  const sheet: Sheet = { file, delimiter: ',', rows: [], broken: [], errors: [], ignoredColumns: [] };
  const text = decode(content);
  if (text === null) {
    sheet.errors.push('the file is not UTF-8 text: save it as "CSV UTF-8"');
    return sheet;
  }
  const body = text.replace(/^\uFEFF/, '');
  sheet.delimiter = detectDelimiter(body);
  const aliases = new Map<string, string>();
  for (const [column, names] of Object.entries(spec)) for (const name of [column, ...names]) aliases.set(headerKey(name), column);
  let headerSeen = false;
  try {
    sheet.rows = parse<SheetRow, Record<string, string>>(body, {
      delimiter: sheet.delimiter,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      columns: (header: string[]) => {
        headerSeen = true;
        const seen = new Set<string>();
        const columns = header.map((name, index) => {
          const column = aliases.get(headerKey(name));
          if (!column) {
            if (name !== '') sheet.ignoredColumns.push(name);
            return `#${index}`;
          }
          if (seen.has(column)) sheet.errors.push(`two header cells mean the column "${column}" (the second is "${name}")`);
          seen.add(column);
          return column;
        });
        const missing = required.filter((column) => !seen.has(column));
        if (missing.length) sheet.errors.push(`the header must name the column(s) ${missing.map((c) => `"${c}"`).join(', ')}`);
        return columns;
      },
      on_record: (values, context) => ({ line: context.lines, values: unguarded(values) }),
      on_skip: (error: CsvError | undefined) => {
        const line = typeof error?.lines === 'number' ? error.lines : 0;
        sheet.broken.push({ line, message: error?.message ?? 'malformed record' });
      },
    });
  } catch (error) {
    sheet.errors.push(`the file cannot be read as CSV: ${(error as Error).message}`);
  }
  if (!headerSeen && !sheet.errors.length) sheet.errors.push('the file is empty: the first line must be a header');
  if (sheet.errors.length) sheet.rows = [];
  return sheet;
}
