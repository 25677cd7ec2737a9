import type { ErrorLike } from '../lib/errors';
import { useFormWrite } from '../lib/useFormWrite';

/**
 * A write with optimistic locking whose values live in the form itself: `submit(expectedVersion)`
 * with the version the form read; a BAD_USER_INPUT's problems go to the form's `fields`, a CONFLICT
 * is kept for "reload and re-apply", which reads the current version (`reload`) and sends the same
 * change once more.
 */
export function useVersionedWrite(
  fields: readonly string[],
  send: (expectedVersion: number) => Promise<{ error?: ErrorLike | null }>,
  reload: () => Promise<number | null | undefined>,
  onDone: () => void,
) {
  const form = useFormWrite({}, fields);
  const current = async () => {
    const version = await reload();
    return version === null || version === undefined ? null : { version };
  };
  return {
    errors: form.errors,
    setErrors: form.setErrors,
    other: form.other,
    conflict: form.conflict,
    busy: form.busy,
    submit: async (version: number) => {
      if (await form.run({}, () => send(version))) onDone();
    },
    reapply: async () => {
      if (await form.reapply(current, send)) onDone();
    },
    discard: () => {
      form.setConflict(null);
      onDone();
    },
  };
}
