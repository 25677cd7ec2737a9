/**
 * The signed-in session, kept in localStorage so that every tab of the browser shares it: the
 * token, and why the last session ended (shown on the sign-in page).
 */
const TOKEN_KEY = 'ratify.token';
const ENDED_KEY = 'ratify.sessionEnded';

export type EndReason = 'expired' | 'revoked' | 'signedOut';

type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function getToken(): string | null {
  return storage()?.getItem(TOKEN_KEY) ?? null;
}

export function setToken(token: string | null, reason?: EndReason): void {
  const store = storage();
  if (token) {
    store?.setItem(TOKEN_KEY, token);
    store?.removeItem(ENDED_KEY);
  } else {
    store?.removeItem(TOKEN_KEY);
    if (reason) store?.setItem(ENDED_KEY, reason);
  }
  for (const listener of listeners) listener(token);
}

/**
 * Why the previous session ended, kept until the next sign-in: a reload of the sign-in page (or
 * the session ended live, then the page reloaded) still says why.
 */
export function endReason(): EndReason | null {
  return (storage()?.getItem(ENDED_KEY) as EndReason | null | undefined) ?? null;
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY) listener(event.newValue);
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** The expiry of a JWT (ms since the epoch), read without checking it: only to end the session in time. */
export function tokenExpiresAt(token: string): number | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
