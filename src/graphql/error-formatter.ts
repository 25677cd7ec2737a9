import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { AppError, type ErrorCode } from '../common/errors.js';

const logger = new Logger('GraphQL');

/** graphql-js messages for a literal or variable of the wrong type or value (graphql 16). */
const INPUT_VALUE_MESSAGE = /^(Variable "\$|Expected value of type|Enum "|Value "|Field "[^"]+" of required type|Int cannot|Float cannot|String cannot|Boolean cannot|ID cannot|Argument "[^"]+" of (required|non-null) type|Date must|DateTime must)/;

/** Postgres and driver failures that mean "the database is not reachable right now". */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '53300'].includes(code)) {
    return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e?.message ?? '');
}

interface Formatted {
  message: string;
  code: ErrorCode | 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED';
  details?: Record<string, unknown>;
}

function classify(error: GraphQLError): Formatted {
  const original = error.originalError;
  if (original instanceof AppError) return { message: original.message, code: original.code, details: original.details };
  if (original instanceof HttpException) {
    return { message: original.message, code: original.getStatus() === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT' };
  }
  const code = error.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return { message: error.message, code: code as ErrorCode };
  if (original && isDatabaseUnavailable(original)) {
    return { message: 'The database is not reachable right now; try again shortly', code: 'SERVICE_UNAVAILABLE' };
  }
  if (!original || original instanceof GraphQLError) {
    // Errors of the request itself: syntax, validation, and the coercion of argument values.
    if (error.message.startsWith('Syntax Error')) return { message: error.message, code: 'GRAPHQL_PARSE_FAILED' };
    if (INPUT_VALUE_MESSAGE.test(error.message)) return { message: error.message, code: 'BAD_USER_INPUT' };
    if (!error.path) return { message: error.message, code: 'GRAPHQL_VALIDATION_FAILED' };
  }
  logger.error(`unexpected error at ${error.path?.join('.') ?? '(request)'}: ${original?.stack ?? error.message}`);
  return { message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' };
}

function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const e = error as Error & { locations?: unknown; path?: readonly (string | number)[] };
  return new GraphQLError(e.message, { originalError: e, path: e.path });
}

/**
 * Every error leaves with a stable `extensions.code`. Client mistakes keep their message;
 * anything unexpected is logged here and masked.
 */
export function formatErrors(execution: ExecutionResult & { statusCode?: number }): {
  statusCode: number;
  response: ExecutionResult;
} {
  const errors = (execution.errors ?? [])
    .flatMap((error) => {
      // Mercurius wraps validation failures in one error that lists them.
      const inner = (error.originalError as { errors?: unknown[] } | undefined)?.errors;
      return Array.isArray(inner) ? inner.map(toGraphQLError) : [error];
    })
    .map((error) => {
      const { message, code, details } = classify(error);
      return new GraphQLError(message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        extensions: { code, ...(details ? { details } : {}) },
      });
    });
  const requestError = !execution.data && errors.some((e) => ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'].includes(e.extensions.code as string) && !e.path);
  const statusCode = execution.data ? 200 : requestError ? (execution.statusCode ?? 400) : 200;
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
