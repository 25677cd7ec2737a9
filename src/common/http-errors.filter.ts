import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, type ErrorCode } from './errors.js';
import { UploadRefused } from './uploads.js';

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
 * `extensions`; a refused upload, its status and `{ code: 'BAD_REQUEST', message }`. Anything else goes on to Nest's own handler (logged, 500).
 */
@Catch(AppError, UploadRefused)
export class HttpErrorFilter implements ExceptionFilter<AppError | UploadRefused> {
  catch(error: AppError | UploadRefused, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof UploadRefused) return void reply.code(error.status).send({ code: 'BAD_REQUEST', message: error.message });
    reply.code(STATUS[error.code] ?? 400).send({ code: error.code, message: error.message, details: error.details });
  }
}
