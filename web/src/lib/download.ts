import { getToken } from './session';

/** Saves a response's body as a file in the browser. */
export async function saveResponse(response: Response, fileName: string): Promise<void> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string; details?: { problems?: string[] } } | null;
    throw new Error(body?.details?.problems?.join('; ') || body?.message || `${response.status} ${response.statusText}`);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A request to the service with the session's token. */
export function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = getToken();
  return fetch(path, { ...init, headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}

/** The file name a response proposes (Content-Disposition), or the fallback. */
export function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}
