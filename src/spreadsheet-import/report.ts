import type { Sheet } from './sheet.js';
import { type EnumValue, enumOf } from '../common/enum.js';

/** What the import does (or, in a dry run, would do) with one row. */
export const RowAction = enumOf('CREATE', 'UPDATE', 'UNCHANGED', 'REJECT');
export type RowAction = EnumValue<typeof RowAction>;

export interface RowReport {
  /** The line of the file the row ends on (the header is line 1). */
  line: number;
  action: RowAction;
  /** Why: the problems of a rejected row, what an update changes, what a row matched. */
  reasons: string[];
  /** The contact or interaction the row matched, or (once written) created. */
  id?: string;
}

export interface FileReport {
  file: string;
  delimiter: string;
  /** Problems with the file as a whole: with any, every row of it counts as rejected. */
  errors: string[];
  ignoredColumns: string[];
  counts: Record<RowAction, number>;
  rows: RowReport[];
}

export interface ImportReport {
  dryRun: boolean;
  /** True when the changes were written; false in a dry run and whenever a row or file is rejected. */
  committed: boolean;
  /** Rejected rows, plus one per file rejected as a whole. */
  rejected: number;
  contacts: FileReport | null;
  interactions: FileReport | null;
}

export function fileReport(sheet: Sheet, rows: RowReport[]): FileReport {
  const all = [
    ...rows,
    ...sheet.broken.map(({ line, message }) => ({ line, action: RowAction.REJECT, reasons: [`the record cannot be read: ${message}`] })),
  ];
  all.sort((a, b) => a.line - b.line);
  const counts = { CREATE: 0, UPDATE: 0, UNCHANGED: 0, REJECT: 0 };
  for (const row of all) counts[row.action]++;
  return { file: sheet.file, delimiter: sheet.delimiter, errors: sheet.errors, ignoredColumns: sheet.ignoredColumns, counts, rows: all };
}

export function rejectedCount(report: FileReport | null): number {
  return report ? report.counts.REJECT + report.errors.length : 0;
}
