import { createContext, useContext } from 'react';
import type { ViewerQuery } from '../gql/graphql';

export type Viewer = ViewerQuery['me'];

export interface SessionValue {
  token: string | null;
  /** The signed-in user (null while loading or signed out). */
  viewer: Viewer | null;
  signIn: (token: string) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue>({
  token: null,
  viewer: null,
  signIn: () => undefined,
  signOut: () => Promise.resolve(),
});

export const useSession = () => useContext(SessionContext);

/** What the signed-in role may do: pages show only the buttons that will not be refused. */
export function useCan() {
  const { viewer } = useSession();
  const role = viewer?.role;
  return {
    write: role === 'ADMIN' || role === 'COORDINATOR',
    admin: role === 'ADMIN',
    partner: role === 'PARTNER',
  };
}
