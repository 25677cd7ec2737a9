export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const JSON_TYPE = 'application/json';

export type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof JSON_TYPE;

interface MediaRange {
  type: string;
  quality: number;
}

function parseRange(range: string): MediaRange {
  const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
  const q = params.find((param) => param.startsWith('q='));
  const quality = q ? Number(q.slice(2)) : 1;
  return { type, quality: Number.isFinite(quality) ? quality : 0 };
}

function matching(range: string): ResponseMediaType | undefined {
  if (range === GRAPHQL_RESPONSE_JSON || range === JSON_TYPE) return range;
  if (range === '*/*' || range === 'application/*') return JSON_TYPE;
  return undefined;
}

/**
 * The response media type for an `Accept` header (GraphQL over HTTP): the supported type
 * with the highest quality, the first listed on a tie. No header means application/json;
 * null means the client accepts neither type.
 */
export function negotiateMediaType(accept: string | undefined): ResponseMediaType | null {
  if (!accept?.trim()) return JSON_TYPE;
  let best: { type: ResponseMediaType; quality: number } | null = null;
  for (const range of accept.split(',').map(parseRange)) {
    const type = matching(range.type);
    if (type && range.quality > 0 && range.quality > (best?.quality ?? 0)) best = { type, quality: range.quality };
  }
  return best?.type ?? null;
}
