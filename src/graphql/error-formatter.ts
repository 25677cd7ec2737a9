import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { AppError, type ErrorCode } from '../common/errors.js';
import { HttpProblem } from './http-request.js';
import { GRAPHQL_RESPONSE_JSON, type ResponseMediaType } from './media-type.js';

const logger = new Logger('GraphQL');

/** graphql-js messages for a literal or variable of the wrong type or value (graphql 16). */
const INPUT_VALUE_MESSAGE =
  /^(Variable "\$|Expected value of type|Enum "|Value "|Field "[^"]+" of required type|Int cannot|Float cannot|String cannot|Boolean cannot|ID cannot|Argument "[^"]+" of (required|non-null) type|Date must|DateTime must)/;

/** Postgres and driver failures that mean "the database is not reachable right now". */
function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM releases a transaction's query runner when its connection breaks; its next query throws one of these.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const e = error as { code?: string; message?: string; driverError?: { code?: string } } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  if (
    code &&
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '53300'].includes(code)
  ) {
    return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e?.message ?? '');
}

/** PostgreSQL cancelled a statement that ran past DB_STATEMENT_TIMEOUT_MS (query_canceled). */
function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | undefined;
  return (e?.driverError?.code ?? e?.code) === '57014';
}

/** graphql-js's own message when the token limit stops the parser. */
const TOO_MANY_TOKENS = /Document contains more that (\d+) tokens\. Parsing aborted\./;

/** Two graphql-js messages, said more plainly. */
function plainly(message: string): string {
  // graphql-js gives up on a document whose fields take too long to compare.
  if (message === 'Validation aborted.') {
    return 'The document is too complex to validate (too many fields to compare): split it into smaller operations';
  }
  return message.replace(TOO_MANY_TOKENS, 'the document has more than $1 tokens, the most this service accepts.');
}

/** graphql-js's "Did you mean …?" hints, which reveal the schema. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

type Code = ErrorCode | 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST';

/**
 * The message of a PostgreSQL data exception (class 22: a value too long or out of range, malformed
 * text for its type, a NUL character, ...): a client's value that validation let through.
 */
function dataException(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: unknown; message?: string } } | undefined)?.driverError;
  return typeof driverError?.code === 'string' && driverError.code.startsWith('22') ? driverError.message : undefined;
}

interface Formatted {
  message: string;
  code: Code;
  details?: Record<string, unknown>;
}

export interface FormatOptions {
  /** The response media type; application/json when absent. */
  mediaType?: ResponseMediaType;
  /** Strip "Did you mean …?" from messages (with introspection off). */
  hideSuggestions?: boolean;
}

export interface FormattedResponse {
  statusCode: number;
  response: ExecutionResult;
}

/** An error of the HTTP request itself, before any GraphQL work: its status and what to fix. */
function httpProblem(error: GraphQLError): { status: number; message: string } | null {
  const original: (Error & { statusCode?: unknown; code?: string; errors?: unknown[] }) | undefined = error.originalError;
  if (original instanceof HttpProblem) return { status: original.statusCode, message: original.message };
  if (!original || original instanceof GraphQLError || typeof original.statusCode !== 'number') return null;
  const status = original.statusCode;
  if (original.code === 'MER_ERR_METHOD_NOT_ALLOWED')
    return { status, message: 'Only queries may be sent with GET: send mutations with POST' };
  if (status < 400 || status >= 500) return null;
  const inner = original.errors?.[0];
  if (inner instanceof GraphQLError) return null;
  if (inner instanceof Error) return { status, message: `Invalid request: ${inner.message}` };
  if (original instanceof SyntaxError) return { status, message: `The request body is not valid JSON: ${original.message}` };
  if (original.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status, message: 'Unsupported content type: send the request body as application/json' };
  }
  return { status, message: original.message };
}

function classify(error: GraphQLError): Formatted {
  const original = error.originalError;
  if (original instanceof AppError) return { message: original.message, code: original.code, details: original.details };
  if (original instanceof HttpException) {
    return { message: original.message, code: original.getStatus() === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT' };
  }
  const code = error.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return { message: error.message, code: code as Code };
  if (original && isDatabaseUnavailable(original)) {
    return { message: 'The database is not reachable right now; try again shortly', code: 'SERVICE_UNAVAILABLE' };
  }
  if (original && isStatementTimeout(original)) {
    return {
      message: 'The database took too long to answer and the request was stopped; narrow it or try again shortly',
      code: 'SERVICE_UNAVAILABLE',
    };
  }
  const rejected = dataException(original);
  if (rejected) {
    logger.warn(`the database refused a value at ${error.path?.join('.') ?? '(request)'}: ${rejected}`);
    return { message: `Invalid input: ${rejected}`, code: 'BAD_USER_INPUT' };
  }
  if (!original || original instanceof GraphQLError) {
    // Errors of the request itself: syntax, validation, and the coercion of argument values.
    const message = plainly(error.message);
    if (message.startsWith('Syntax Error')) return { message, code: 'GRAPHQL_PARSE_FAILED' };
    if (INPUT_VALUE_MESSAGE.test(message)) return { message, code: 'BAD_USER_INPUT' };
    if (!error.path) return { message, code: 'GRAPHQL_VALIDATION_FAILED' };
  }
  logger.error(`unexpected error at ${error.path?.join('.') ?? '(request)'}: ${original?.stack ?? error.message}`);
  return { message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' };
}

function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const e = error as Error & { locations?: unknown; path?: readonly (string | number)[] };
  return new GraphQLError(e.message, { originalError: e, path: e.path });
}

/** A failure before execution: the client's mistake, unless the service could not answer. */
function requestErrorStatus(errors: GraphQLError[]): number {
  const codes = errors.map((e) => e.extensions.code);
  if (codes.includes('SERVICE_UNAVAILABLE')) return 503;
  if (codes.includes('INTERNAL_SERVER_ERROR')) return 500;
  return 400;
}

/**
 * Every error leaves with a stable `extensions.code`. Client mistakes keep their message;
 * anything unexpected is logged here and masked. The status follows GraphQL over HTTP: a
 * malformed HTTP request gets its 4xx; a request that fails before execution (syntax,
 * validation, variables) gets 200 with application/json and 4xx/5xx, without `data`, with
 * application/graphql-response+json; an executed request gets 200.
 */
export function formatErrors(execution: ExecutionResult, options: FormatOptions = {}): FormattedResponse {
  const problem = execution.errors?.length === 1 ? httpProblem(execution.errors[0]) : null;
  if (problem) {
    const error = new GraphQLError(problem.message, { extensions: { code: 'BAD_REQUEST' } });
    return { statusCode: problem.status, response: { errors: [error] } };
  }
  const errors = (execution.errors ?? [])
    .flatMap((error) => {
      // Mercurius wraps validation failures in one error that lists them.
      const inner = (error.originalError as { errors?: unknown[] } | undefined)?.errors;
      return Array.isArray(inner) ? inner.map(toGraphQLError) : [error];
    })
    .map((error) => {
      const { message, code, details } = classify(error);
      return new GraphQLError(options.hideSuggestions ? message.replace(SUGGESTION, '') : message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        extensions: { code, ...(details ? { details } : {}) },
      });
    });
  if (execution.data !== undefined) return { statusCode: 200, response: { data: execution.data, errors } };
  if (options.mediaType === GRAPHQL_RESPONSE_JSON) return { statusCode: requestErrorStatus(errors), response: { errors } };
  return { statusCode: 200, response: { data: null, errors } };
}
