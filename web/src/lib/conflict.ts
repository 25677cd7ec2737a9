import { isConflict, type ErrorLike } from './errors';

/**
 * "Reload and re-apply" after a CONFLICT: reads the item again (its current version), then sends
 * the user's change once more with that version as `expectedVersion`. Any other error is returned
 * as is: a second CONFLICT (someone changed it again meanwhile) is shown again, never looped on.
 */
export async function reloadAndReapply<R extends { error?: ErrorLike | null }>(
  reload: () => Promise<{ version: number } | null | undefined>,
  apply: (expectedVersion: number) => Promise<R>,
): Promise<R | { error: ErrorLike }> {
  const current = await reload();
  if (!current) return { error: { message: 'The item no longer exists' } };
  return apply(current.version);
}

export { isConflict };
