/** One problem found in the public-data files. Line numbers count the header as line 1. */
export interface ImportIssue {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export function formatIssue(issue: ImportIssue): string {
  const place = [
    issue.file,
    issue.line === null ? null : `line ${issue.line}`,
    issue.column === null ? null : `column ${issue.column}`,
    issue.value === null ? null : `value "${issue.value}"`,
  ];
  return `${place.filter((part) => part !== null).join(', ')}: ${issue.message}`;
}

/** Every problem found in the files; an import that throws this has written nothing. */
export class ImportValidationError extends Error {
  constructor(readonly errors: ImportIssue[]) {
    const noun = errors.length === 1 ? 'problem' : 'problems';
    super([`The public data has ${errors.length} ${noun}:`, ...errors.map(formatIssue)].join('\n'));
    this.name = 'ImportValidationError';
  }
}

/** Collects issues while every file is checked, so that all of them are reported at once. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];

  add(issue: ImportIssue): void {
    this.issues.push(issue);
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new ImportValidationError(this.issues);
  }
}
