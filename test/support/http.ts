export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

export interface RawResponse {
  status: number;
  contentType: string;
  headers: Headers;
  body: any;
}

export interface GraphqlRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as is when a string, as JSON otherwise. */
  body?: unknown;
  /** URL query parameters. */
  query?: Record<string, string>;
}

/** A request to /graphql exactly as given; GET unless it has a body. */
export async function rawGraphql(url: string, init: GraphqlRequest = {}): Promise<RawResponse> {
  const target = new URL(`${url}/graphql`);
  for (const [name, value] of Object.entries(init.query ?? {})) target.searchParams.set(name, value);
  const body = init.body === undefined || typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const response = await fetch(target, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers: init.headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, body: parsed };
}

/** POST application/json, asking for application/graphql-response+json unless told otherwise. */
export function postGraphql(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawGraphql(url, { body: payload, headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, ...headers } });
}

export const errorCodes = (response: RawResponse): unknown[] =>
  (response.body?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
