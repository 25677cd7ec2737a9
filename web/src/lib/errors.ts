/**
 * What the service's GraphQL errors mean to a form: the stable `extensions.code`, the fields a
 * BAD_USER_INPUT names (`extensions.details.problems`, each "input.subject: message", or
 * `extensions.details.field`), and whether a write was refused as a CONFLICT (a stale version).
 */

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

/** An urql CombinedError, a plain GraphQL error list, or anything else. */
export interface ErrorLike {
  message?: string;
  graphQLErrors?: readonly GraphQLErrorLike[];
  networkError?: unknown;
}

export function graphQLErrors(error: ErrorLike | null | undefined): readonly GraphQLErrorLike[] {
  return error?.graphQLErrors ?? [];
}

/** The first error's `extensions.code` (such as CONFLICT), or undefined. */
export function errorCode(error: ErrorLike | null | undefined): string | undefined {
  for (const item of graphQLErrors(error)) {
    const code = item.extensions?.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export const hasCode = (error: ErrorLike | null | undefined, code: string) =>
  graphQLErrors(error).some((item) => item.extensions?.code === code);

export const isConflict = (error: ErrorLike | null | undefined) => hasCode(error, 'CONFLICT');
export const isUnauthenticated = (error: ErrorLike | null | undefined) => hasCode(error, 'UNAUTHENTICATED');
export const isForbidden = (error: ErrorLike | null | undefined) => hasCode(error, 'FORBIDDEN');

/** A CONFLICT's versions: the one the form sent and the current one. */
export function conflictVersions(error: ErrorLike | null | undefined): { expectedVersion: number; actualVersion: number } | undefined {
  const item = graphQLErrors(error).find((e) => e.extensions?.code === 'CONFLICT');
  const details = item?.extensions?.details as { expectedVersion?: unknown; actualVersion?: unknown } | undefined;
  if (typeof details?.expectedVersion !== 'number' || typeof details.actualVersion !== 'number') return undefined;
  return { expectedVersion: details.expectedVersion, actualVersion: details.actualVersion };
}

/**
 * The form field a problem's path names: "input.stateIso3s[1]" is `stateIso3s`, "input.posting.from"
 * is `posting.from`, "email" is `email`. The argument's own name (`input`) is dropped.
 */
export function fieldOfPath(path: string): string {
  const parts = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter(Boolean);
  if (parts.length > 1 && parts[0] === 'input') parts.shift();
  return parts.join('.');
}

/** "input.subject: subject must not be empty" → the field `subject` and its message. */
export function parseProblem(problem: string): { field?: string; message: string } {
  const match = /^([A-Za-z_][\w.[\]]*): (.+)$/s.exec(problem);
  if (!match) return { message: problem };
  return { field: fieldOfPath(match[1]), message: match[2] };
}

export interface FormProblems {
  /** Message per form field (the first problem of each field). */
  fields: Record<string, string>;
  /** Problems that name no field, or a field the form does not have. */
  other: string[];
}

/**
 * The BAD_USER_INPUT errors of `error` as messages on the form's fields. With `fields` (the
 * form's field names, or a map from the server's path to the form's name), a problem about
 * another field is kept in `other` so that it is still shown.
 */
export function formProblems(error: ErrorLike | null | undefined, fields?: readonly string[] | Record<string, string>): FormProblems {
  const result: FormProblems = { fields: {}, other: [] };
  const rename = (field: string): string | undefined => {
    if (!fields) return field;
    if (Array.isArray(fields)) return fields.includes(field) ? field : undefined;
    const map = fields as Record<string, string>;
    return map[field] ?? (Object.values(map).includes(field) ? field : undefined);
  };
  const add = (field: string | undefined, message: string) => {
    const name = field === undefined ? undefined : rename(field);
    if (name === undefined) result.other.push(message);
    else if (!(name in result.fields)) result.fields[name] = message;
  };
  for (const item of graphQLErrors(error)) {
    if (item.extensions?.code !== 'BAD_USER_INPUT') continue;
    const details = (item.extensions.details ?? {}) as { problems?: unknown; field?: unknown };
    if (Array.isArray(details.problems) && details.problems.length) {
      for (const problem of details.problems) {
        if (typeof problem !== 'string') continue;
        const { field, message } = parseProblem(problem);
        add(field, field === undefined ? message : message);
      }
    } else if (typeof details.field === 'string') {
      add(fieldOfPath(details.field), item.message);
    } else {
      result.other.push(item.message);
    }
  }
  return result;
}

/** A message for whatever went wrong: the server's, or a network failure's. */
export function errorMessage(error: ErrorLike | null | undefined): string | undefined {
  if (!error) return undefined;
  const first = graphQLErrors(error)[0];
  if (first) return first.message;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- anything thrown by a fetch; urql's are Errors, others said as they are
  if (error.networkError) return error.networkError instanceof Error ? error.networkError.message : String(error.networkError);
  return error.message;
}
