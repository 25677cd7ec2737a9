import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config.js';

export const DATA_DIR = join(PROJECT_ROOT, 'data');

/** A throwaway copy of the public-data files, to edit or corrupt. */
export class DataCopy {
  readonly dir = mkdtempSync(join(tmpdir(), 'ratify-data-'));

  constructor() {
    cpSync(DATA_DIR, this.dir, { recursive: true });
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  /** Rewrites one file; `edit` receives and returns its lines (line 1 is the header). */
  edit(file: string, edit: (lines: string[]) => string[]): this {
    const text = this.read(file);
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    const edited = edit(lines);
    writeFileSync(join(this.dir, file), edited.length === 0 ? '' : `${edited.join(newline)}${newline}`);
    return this;
  }

  /** Replaces the line that starts with `prefix`. */
  replaceLine(file: string, prefix: string, replace: (line: string) => string): this {
    return this.edit(file, (lines) => {
      const index = lines.findIndex((line) => line.startsWith(prefix));
      if (index < 0) throw new Error(`no line of ${file} starts with ${prefix}`);
      return lines.map((line, i) => (i === index ? replace(line) : line));
    });
  }

  /** The line number (1-based) of the line that starts with `prefix`. */
  lineOf(file: string, prefix: string): number {
    return (
      this.read(file)
        .split(/\r?\n/)
        .findIndex((line) => line.startsWith(prefix)) + 1
    );
  }

  remove(file: string): this {
    rmSync(join(this.dir, file));
    return this;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
