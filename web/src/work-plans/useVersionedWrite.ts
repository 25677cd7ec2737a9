import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, formProblems, isConflict, type ErrorLike } from '../lib/errors';
import '../i18n/later';

/**
 * A write with optimistic locking: `send(expectedVersion)` with the version the form read; a
 * BAD_USER_INPUT's problems go to the form's `fields`, a CONFLICT is kept for "reload and
 * re-apply", which reads the current version (`reload`) and sends the same change once more.
 */
export function useVersionedWrite(
  fields: readonly string[],
  send: (expectedVersion: number) => Promise<{ error?: ErrorLike | null }>,
  reload: () => Promise<number | null | undefined>,
  onDone: () => void,
) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string[]>([]);
  const [conflict, setConflict] = useState<ErrorLike | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (error: ErrorLike) => {
    if (isConflict(error)) {
      setConflict(error);
      return;
    }
    const problems = formProblems(error, fields);
    setErrors(problems.fields);
    setOther(problems.other.length || Object.keys(problems.fields).length ? problems.other : [errorMessage(error) ?? '']);
  };
  const run = async (version: number | null | undefined) => {
    setBusy(true);
    setConflict(null);
    setOther([]);
    try {
      if (version === null || version === undefined) {
        setOther([t('workPlans.gone')]);
        return;
      }
      const result = await send(version);
      if (result.error) return fail(result.error);
      setErrors({});
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return {
    errors,
    setErrors,
    other,
    conflict,
    busy,
    submit: (version: number) => run(version),
    reapply: async () => run(await reload()),
    discard: () => {
      setConflict(null);
      onDone();
    },
  };
}
