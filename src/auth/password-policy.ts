import { badInput } from '../common/errors.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

/** How many of the most used passwords are refused, whatever their case. */
export const COMMON_PASSWORDS_REFUSED = 10_000;

let common: Promise<Set<string>> | undefined;

/**
 * The most used passwords, from the list zxcvbn-ts maintains (ordered by frequency), lower-cased.
 * Read the first time a password is set, not at start-up.
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORDS_REFUSED).map((p) => p.toLowerCase())),
  );
  return common;
}

/** Why a new password is not acceptable, or null when it is. */
export async function passwordProblem(password: string): Promise<string | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if ((await commonPasswords()).has(password.toLowerCase())) {
    return `This password is one of the ${COMMON_PASSWORDS_REFUSED.toLocaleString('en')} most used passwords: choose another`;
  }
  return null;
}

/** Refuses a password that is too short or too common (BAD_USER_INPUT). Every place that sets a password calls it. */
export async function checkNewPassword(password: string): Promise<void> {
  const problem = await passwordProblem(password);
  if (problem) throw badInput(problem, { field: 'password' });
}
