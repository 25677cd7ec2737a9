import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext, type ValidationRule } from 'graphql';
import type { RequestLimits } from '../config/config.js';

/** graphql-armor throws "Syntax Error: …" by default; report a validation error instead. */
function reportRejection(context: ValidationContext | null, error: GraphQLError): void {
  const message = error.message.replace(/^Syntax Error: /, '');
  context?.reportError(new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
}

const report = { propagateOnRejection: false, onReject: [reportRejection] };

/**
 * Validation rules that refuse an over-deep or over-aliased document before anything runs;
 * introspection is refused too when it is turned off. Mercurius caches the outcome per document,
 * so the cost, which depends on the variables, is checked per request (costErrors in cost.ts).
 */
export function limitRules(limits: RequestLimits): ValidationRule[] {
  const rules: ValidationRule[] = [
    maxDepthRule({ n: limits.maxDepth, ...report }),
    maxAliasesRule({ n: limits.maxAliases, ...report }),
    maxDirectivesRule({ n: limits.maxDirectives, ...report }),
  ];
  return limits.introspection ? rules : [...rules, NoSchemaIntrospectionCustomRule];
}

/** graphql-js stops lexing past this many tokens, before building the document. */
export const parseOptions = (limits: RequestLimits) => ({ maxTokens: limits.maxTokens });
