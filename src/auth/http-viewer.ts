import type { FastifyReply } from 'fastify';
import { AppError } from '../common/errors.js';
import type { AuthService } from './auth.service.js';
import type { Viewer } from './viewer.js';

/**
 * The viewer of a REST download's `Authorization: Bearer` header, as the API reads it; otherwise
 * the refusal is sent (401 without a valid token, 429 over the request rate) and null returned.
 */
export async function viewerOrRefuse(auth: AuthService, authorization: string | undefined, reply: FastifyReply): Promise<Viewer | null> {
  const viewer = await auth.viewerFrom(authorization).catch((error: unknown) => {
    if (error instanceof AppError) return error;
    throw error;
  });
  if (viewer instanceof AppError) {
    reply.code(429).send({ code: viewer.code, message: viewer.message, details: viewer.details });
    return null;
  }
  if (!viewer) {
    reply.code(401).send({ code: 'UNAUTHENTICATED', message: 'Authentication required: send Authorization: Bearer <token>' });
    return null;
  }
  return viewer;
}

/** An error of the service as a download's answer: 404 for NOT_FOUND, 403, 409, otherwise 400. Other errors go on. */
export function sendAppError(error: unknown, reply: FastifyReply): void {
  if (!(error instanceof AppError)) throw error;
  const status = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409 }[error.code as string] ?? 400;
  reply.code(status).send({ code: error.code, message: error.message, details: error.details });
}
