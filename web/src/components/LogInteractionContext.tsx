import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { EditableInteraction } from '../interactions/form';

/** A meeting planned at an event, to log as held: the form starts from the plan and logs it as the meeting's. */
export interface HeldMeeting {
  id: string;
  eventId: string;
  version: number;
  stateIso3: string;
  stateName?: string;
  plannedOn?: string | null;
  objective?: string | null;
  visibility: string;
  contacts: { id: string; fullName?: string }[];
  /** Called once the meeting is logged as held (with the interaction's id). */
  onHeld?(interactionId: string | null): void;
}

/** What the form starts with: from a State page, that State; to edit, the interaction; from an event, its planned meeting. */
export interface LogInteractionDefaults {
  stateIso3s?: string[];
  interaction?: EditableInteraction;
  meeting?: HeldMeeting;
}

interface LogInteractionValue {
  open: (defaults?: LogInteractionDefaults) => void;
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
