import { isIsoDate } from '../common/dates.js';
import type { CsvRow } from './csv-table.js';
import type { IssueLog } from './import-validation-error.js';

/**
 * Reads and checks the fields of one CSV row, logging each problem with its file, line,
 * column and value. When a field is invalid the raw value is returned as is: callers must
 * drop the row when `ok` is false.
 */
export class RowReader {
  private valid = true;

  constructor(
    private readonly log: IssueLog,
    private readonly file: string,
    private readonly row: CsvRow,
  ) {}

  get ok(): boolean {
    return this.valid;
  }

  raw(column: string): string {
    return this.row.values[column] ?? '';
  }

  fail(column: string, message: string): void {
    this.valid = false;
    this.log.add({ file: this.file, line: this.row.line, column, value: this.raw(column), message });
  }

  text(column: string): string {
    const value = this.raw(column);
    if (value === '') this.fail(column, 'a value is required');
    return value;
  }

  optionalText(column: string): string | null {
    return this.raw(column) === '' ? null : this.raw(column);
  }

  match(column: string, pattern: RegExp, expected: string): string {
    const value = this.raw(column);
    if (!pattern.test(value)) this.fail(column, `expected ${expected}`);
    return value;
  }

  optionalMatch(column: string, pattern: RegExp, expected: string): string | null {
    return this.raw(column) === '' ? null : this.match(column, pattern, expected);
  }

  date(column: string): string {
    const value = this.raw(column);
    if (!isIsoDate(value)) this.fail(column, 'expected a calendar date as YYYY-MM-DD');
    return value;
  }

  optionalDate(column: string): string | null {
    return this.raw(column) === '' ? null : this.date(column);
  }

  count(column: string): number {
    const value = this.raw(column);
    if (!/^\d{1,9}$/.test(value)) this.fail(column, 'expected a whole number, 0 or more');
    return Number(value);
  }

  oneOf<T>(column: string, choices: Readonly<Record<string, T>>): T {
    const value = this.raw(column);
    if (!Object.hasOwn(choices, value)) {
      this.fail(
        column,
        `expected one of ${Object.keys(choices)
          .map((key) => `"${key}"`)
          .join(', ')}`,
      );
    }
    return choices[value];
  }

  optionalOneOf<T>(column: string, choices: Readonly<Record<string, T>>): T | null {
    return this.raw(column) === '' ? null : this.oneOf(column, choices);
  }

  /**
   * Checks that `key` (by default the column's value) has not been seen on an earlier line,
   * and remembers it. Returns true the first time.
   */
  unique(column: string, seen: Map<string, number>, key = this.raw(column)): boolean {
    const line = seen.get(key);
    if (line === undefined) {
      seen.set(key, this.row.line);
      return true;
    }
    this.fail(column, `duplicate of line ${line}`);
    return false;
  }
}
