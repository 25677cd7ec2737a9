import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { EditableInteraction } from '../interactions/form';

/** What the form starts with: from a State page, that State; to edit, the interaction. */
export interface LogInteractionDefaults {
  stateIso3s?: string[];
  interaction?: EditableInteraction;
}

interface LogInteractionValue {
  open(defaults?: LogInteractionDefaults): void;
}

const LogInteractionContext = createContext<LogInteractionValue>({ open: () => undefined });

/** Opens "Log an interaction" from anywhere under the shell: `useLogInteraction().open({ stateIso3s: ['KIR'] })`. */
export const useLogInteraction = () => useContext(LogInteractionContext);

// The form (its selects, inputs and GraphQL documents) is its own chunk, loaded on first opening:
// signing in and the dashboard do not wait for it.
const LogInteractionDialog = lazy(() => import('./LogInteraction'));

export function LogInteractionProvider({ children }: { children: ReactNode }) {
  const [defaults, setDefaults] = useState<LogInteractionDefaults | null>(null);
  const [opened, setOpened] = useState(0);
  const open = useCallback((next?: LogInteractionDefaults) => {
    setDefaults(next ?? {});
    setOpened((n) => n + 1);
  }, []);
  const close = useCallback(() => setDefaults(null), []);
  const value = useMemo(() => ({ open }), [open]);
  return (
    <LogInteractionContext.Provider value={value}>
      {children}
      {opened > 0 && (
        <Suspense fallback={null}>
          <LogInteractionDialog defaults={defaults} opened={opened} onClose={close} />
        </Suspense>
      )}
    </LogInteractionContext.Provider>
  );
}
