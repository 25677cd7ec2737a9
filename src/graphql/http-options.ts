import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestLimits } from '../config/config.js';
import { costErrors, RequestTooCostly } from './cost.js';
import { formatErrors } from './error-formatter.js';
import { assertAcceptable, checkGraphqlRequest } from './http-request.js';
import { limitRules, parseOptions } from './limits.js';
import { GRAPHQL_RESPONSE_JSON, JSON_TYPE, negotiateMediaType } from './media-type.js';

const mediaTypeOf = (request: FastifyRequest | undefined) => negotiateMediaType(request?.headers.accept) ?? JSON_TYPE;

/** Answers with the negotiated media type; a refused GET mutation says that POST is allowed. */
function onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const type = String(reply.getHeader('content-type') ?? '');
  if (type.startsWith(JSON_TYPE) && mediaTypeOf(request) === GRAPHQL_RESPONSE_JSON) reply.type(`${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
  if (reply.statusCode === 405) reply.header('allow', 'POST');
  return Promise.resolve(payload);
}

/** The operation a request names, in its JSON body (POST) or its URL (GET). */
function operationNameOf(request: FastifyRequest | undefined): string | undefined {
  const source = (request?.method === 'GET' ? request.query : request?.body) as { operationName?: unknown } | undefined;
  return typeof source?.operationName === 'string' ? source.operationName : undefined;
}

/**
 * The /graphql endpoint's HTTP behaviour (GraphQL over HTTP) and request limits, as Mercurius
 * options: malformed requests are refused with their status before any GraphQL work, and
 * documents over the limits fail validation before anything runs (the cost and the response
 * size with the request's variables, just before execution).
 */
export function httpOptions(limits: RequestLimits): Partial<MercuriusDriverConfig> {
  return {
    validationRules: limitRules(limits),
    cache: limits.documentCache || false,
    graphql: { parseOptions: parseOptions(limits) },
    hooks: {
      // The cost with this request's variables, on every request (validation is cached per document).
      preExecution: [
        (schema, document, context, variables) => {
          const errors = costErrors(schema, document, variables, operationNameOf(context.reply?.request), limits);
          if (errors.length) throw new RequestTooCostly(errors);
        },
      ],
    },
    errorFormatter: (execution, context) =>
      formatErrors(execution, { mediaType: mediaTypeOf(context.reply?.request), hideSuggestions: !limits.introspection }),
    additionalRouteOptions: {
      preParsing: async (request, _reply, payload) => {
        assertAcceptable(request);
        return payload;
      },
      preValidation: (request) => Promise.resolve(checkGraphqlRequest(request)),
      onSend,
    },
  };
}
