import { stringify } from 'csv-stringify/sync';

/**
 * Text exports (CSV, Markdown) carry what users wrote: every piece of text goes out through these
 * functions, so that a spreadsheet or a Markdown viewer shows it as text and never runs it.
 */

/** A cell a spreadsheet would read as a formula (or a DDE call) starts with one of these (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell prefixed with an apostrophe when a spreadsheet would otherwise evaluate it. Numbers are left as they are. */
export function csvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV with every text cell neutralised (see csvText); csv-stringify quotes what needs quoting. */
export function toCsv(rows: unknown[][]): string {
  return stringify(rows, { cast: { string: csvText } });
}

const MARKDOWN_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text for inside a line of a Markdown document (after a list marker or in a table cell), shown as
 * written: HTML becomes entities (`<img onerror>` and `<javascript:...>` stay text), the characters
 * that open inline Markdown (code, emphasis, links and images, strikethrough, table cells, headings)
 * are escaped with a backslash, and line breaks become spaces so that the text cannot start a line
 * of its own (a list, a heading, a table row).
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]#!|~]/g, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => MARKDOWN_ESCAPES[c]);
}
