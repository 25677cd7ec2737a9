import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reloadAndReapply } from './conflict';
import { errorMessage, formProblems, isConflict, type ErrorLike } from './errors';

type WriteResult = { error?: ErrorLike | null };

/**
 * The state of a form that writes: its values (and the values it started from), the problems per
 * field and the others, a CONFLICT kept for "reload and re-apply", and whether a write is running.
 *
 * `run(local, write)` shows the problems found in the browser and stops there, or sends the write:
 * a BAD_USER_INPUT's problems go to their fields, a CONFLICT is kept, anything else is listed.
 * `reapply(reload, send)` reads the item's current version and sends the same change with it.
 * Both answer whether the write went through.
 */
export function useFormWrite<V extends object>(initial: V | (() => V), fields: readonly string[] | Record<string, string>) {
  const { t } = useTranslation();
  const [original] = useState(initial);
  const [values, setValues] = useState(original);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string[]>([]);
  const [conflict, setConflict] = useState<ErrorLike | null>(null);
  const [busy, setBusy] = useState(false);

  /** Changes one field, and forgets the problem shown on it. */
  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field as string];
      return next;
    });
  }, []);

  const fail = (error: ErrorLike) => {
    if (isConflict(error)) return setConflict(error);
    setConflict(null);
    const problems = formProblems(error, fields);
    setErrors(problems.fields);
    setOther(problems.other.length || Object.keys(problems.fields).length ? problems.other : [errorMessage(error) ?? '']);
  };

  const settle = async (write: () => Promise<WriteResult>): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await write();
      if (result.error) {
        fail(result.error);
        return false;
      }
      setConflict(null);
      return true;
    } finally {
      setBusy(false);
    }
  };

  const run = (local: Record<string, string>, write: () => Promise<WriteResult>): Promise<boolean> => {
    setOther([]);
    setConflict(null);
    setErrors(local);
    if (Object.keys(local).length) return Promise.resolve(false);
    return settle(write);
  };

  /** Reads the current version (none: the item was deleted meanwhile, and the form says so), then sends the change again with it. */
  const reapply = (
    reload: () => Promise<{ version: number } | null | undefined>,
    send: (expectedVersion: number) => Promise<WriteResult>,
  ) => settle(() => reloadAndReapply(reload, send, t('errors.gone')));

  return { original, values, setValues, set, errors, setErrors, other, conflict, setConflict, busy, fail, run, reapply };
}

/** A new idempotency key: a write sent twice with it (a retry, a double click) is done once. */
export const newIdempotencyKey = (): string => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;

/** The idempotency key of one opening of a form. */
export function useIdempotencyKey(): string {
  const [key] = useState(newIdempotencyKey);
  return key;
}
