import { isConflict, type ErrorLike } from './errors';

/**
 * "Reload and re-apply" after a CONFLICT: reads the item again (its current version), then sends
 * the user's change once more with that version as `expectedVersion`. Any other error is returned
 * as is: a second CONFLICT (someone changed it again meanwhile) is shown again, never looped on.
 * An item deleted meanwhile gives `goneMessage` (the caller's, in the user's language).
 */
export async function reloadAndReapply<R extends { error?: ErrorLike | null }>(
  reload: () => Promise<{ version: number } | null | undefined>,
  apply: (expectedVersion: number) => Promise<R>,
  goneMessage = 'The item no longer exists',
): Promise<R | { error: ErrorLike }> {
  const current = await reload();
  if (!current) return { error: { message: goneMessage } };
  return apply(current.version);
}

export { isConflict };
