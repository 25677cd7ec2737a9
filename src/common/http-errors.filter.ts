import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, type ErrorCode } from './errors.js';

/** The HTTP status of each error code on the REST routes; any other code is a 400. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * The one answer of the REST routes (downloads, uploads) to a failure the client can act on: the
 * status of its code and `{ code, message, details }`, as a GraphQL error carries them in
 * `extensions`. Anything else goes on to Nest's own handler (logged, 500).
 */
@Catch(AppError)
export class HttpErrorFilter implements ExceptionFilter<AppError> {
  catch(error: AppError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    reply.code(STATUS[error.code] ?? 400).send({ code: error.code, message: error.message, details: error.details });
  }
}
