import type { FastifyRequest } from 'fastify';
import { getOperationAST, GraphQLError, Kind, parse, type DocumentNode } from 'graphql';
import { GRAPHQL_RESPONSE_JSON, JSON_TYPE, negotiateMediaType } from './media-type.js';

/** A request that is not a well-formed GraphQL-over-HTTP request; answered with this status. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

type Params = Record<string, unknown>;

const isMap = (value: unknown): value is Params => typeof value === 'object' && value !== null && !Array.isArray(value);

const isAbsent = (value: unknown) => value === undefined || value === null;

/** 406 when the client accepts neither application/graphql-response+json nor application/json. */
export function assertAcceptable(request: FastifyRequest): void {
  if (negotiateMediaType(request.headers.accept) === null) {
    throw new HttpProblem(406, `Not acceptable: this endpoint answers with ${GRAPHQL_RESPONSE_JSON} or ${JSON_TYPE}`);
  }
}

function checkParams(params: Params): void {
  const { query, operationName, variables, extensions } = params;
  if (isAbsent(query) || query === '') throw new HttpProblem(400, 'Missing "query": send the GraphQL document as a string in "query"');
  if (typeof query !== 'string') throw new HttpProblem(400, '"query" must be a string holding the GraphQL document');
  if (!isAbsent(operationName) && typeof operationName !== 'string') throw new HttpProblem(400, '"operationName" must be a string or null');
  if (!isAbsent(variables) && !isMap(variables))
    throw new HttpProblem(400, '"variables" must be a JSON object (a map of names to values) or null');
  if (!isAbsent(extensions) && !isMap(extensions)) throw new HttpProblem(400, '"extensions" must be a JSON object (a map) or null');
}

/** GET carries variables and extensions as URL-encoded JSON (the query string parser gives a string, or several). */
function decodedGetParams(query: Params): Params {
  const decoded: Params = { ...query };
  for (const name of ['variables', 'extensions']) {
    const raw = query[name] as string | string[] | undefined;
    if (raw === undefined) continue;
    try {
      decoded[name] = JSON.parse(String(raw));
    } catch {
      throw new HttpProblem(400, `"${name}" must be URL-encoded JSON`);
    }
  }
  return decoded;
}

/**
 * Mercurius picks the operation of a GET without checking that there is one; report what
 * graphql-js would (the URL keeps the document small enough to parse twice).
 */
function checkGetOperation({ query, operationName }: Params): void {
  let document: DocumentNode;
  try {
    document = parse(query as string);
  } catch {
    return; // a syntax error, which Mercurius reports
  }
  const name = typeof operationName === 'string' ? operationName : undefined;
  if (getOperationAST(document, name)) return;
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (name) throw new GraphQLError(`Unknown operation named "${name}".`);
  throw new GraphQLError(
    operations.length ? 'Must provide operation name if query contains multiple operations.' : 'Must provide an operation.',
  );
}

function checkPost(request: FastifyRequest): void {
  const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type !== JSON_TYPE) {
    throw new HttpProblem(415, `Unsupported content type ${type ? `"${type}"` : '(none)'}: send the request body as ${JSON_TYPE}`);
  }
  const body = request.body;
  if (Array.isArray(body)) throw new HttpProblem(400, 'Batched requests are not supported: send one operation per request');
  if (!isMap(body)) throw new HttpProblem(400, 'The request body must be a JSON object such as {"query": "{ __typename }"}');
  checkParams(body);
  // Null means absent (the spec allows it; Mercurius's own check does not).
  if (body.extensions === null) delete body.extensions;
}

/**
 * Checks what Mercurius receives, so that each malformed request gets its status and a message
 * saying what to fix, before any GraphQL work is done.
 */
export function checkGraphqlRequest(request: FastifyRequest): void {
  if (request.method === 'POST') return checkPost(request);
  const params = decodedGetParams(request.query as Params);
  checkParams(params);
  checkGetOperation(params);
}
