import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (memory-hard; about 20 ms a hash on a small server). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** How many passwords this process has checked against a hash (the sign-in limit caps it). */
export const passwordChecks = { count: 0 };

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  passwordChecks.count++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when no user matches keeps the timing of a failed login the same. */
export const UNMATCHABLE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const MIN_PASSWORD_LENGTH = 12;
