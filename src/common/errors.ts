import { IntrinsicException } from '@nestjs/common';

/** Stable error codes, sent to clients as `extensions.code`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/**
 * A failure the client can act on, sent with its code and message. (Intrinsic: Nest does not
 * log it as a crash.) Anything else is logged and masked.
 */
export class AppError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Authentication required: send Authorization: Bearer <token>') =>
  new AppError('UNAUTHENTICATED', message);

export const forbidden = (message = 'You are not allowed to do this') => new AppError('FORBIDDEN', message);

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} "${id}" was not found`, { id });

/** The State codes of a request that name no State (see StatesRepository.checkStates): one code and message wherever a State is named. */
export const unknownStates = (iso3s: readonly string[]) =>
  new AppError('NOT_FOUND', `Unknown State(s): ${iso3s.join(', ')}`, { stateIso3s: [...iso3s] });

export const badInput = (message: string, details?: Record<string, unknown>) => new AppError('BAD_USER_INPUT', message, details);

export const conflict = (what: string, id: string, expectedVersion: number, actualVersion: number) =>
  new AppError(
    'CONFLICT',
    `${what} "${id}" was changed by someone else: you sent version ${expectedVersion}, the current version is ${actualVersion}. Reload it and apply your change again.`,
    { id, expectedVersion, actualVersion },
  );
