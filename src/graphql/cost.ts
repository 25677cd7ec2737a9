import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isListType,
  visit,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/paging/page.js';
import type { RequestLimits } from '../config/config.js';

/**
 * What a list without a page size is assumed to hold when estimating a response: such lists
 * (the contacts of an interaction, the obstacles of a State, …) are short by nature.
 */
export const UNPAGED_LIST_SIZE = 10;

/** The weights of the cost estimate (those graphql-armor's cost limit uses). */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_COST_FACTOR = 1.5;

export interface DocumentCost {
  /** Each object costs 2 and each value 1, nested selections weigh 1.5 times more, and a page of `first` n costs n times its selection. */
  cost: number;
  /** The most values (objects, list items and leaves) the response can hold, with every page and list full. */
  nodes: number;
}

/**
 * The cost of one operation and the size of its largest possible response, computed with the
 * request's own variable values (and the variables' defaults), so that `first: $n` weighs what
 * `first: 200` does. Page sizes left out count as the default page size; lists without one as
 * UNPAGED_LIST_SIZE. Returns null when the variables do not fit the operation (execution
 * reports that).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown> | null | undefined,
): DocumentCost | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const root = schema.getRootType(operation.operation);
  if (!root) return null;

  // A fragment weighs the same wherever it is spread with the same page size around it: measured once.
  const fragmentCosts = new Map<string, { cost: number; nodes: number }>();

  const pageSizeOf = (field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1]) => {
    if (!field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return undefined;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      return undefined; // execution reports the bad argument
    }
    return typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  };

  /** The cost and node count of a selection set on `type`; `pageSize` sizes the lists directly inside a page. */
  function measure(selectionSet: SelectionSetNode, type: GraphQLNamedType, pageSize: number | undefined): { cost: number; nodes: number } {
    let cost = 0;
    let nodes = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        const inner = measure(selection.selectionSet, on ?? type, pageSize);
        cost += inner.cost;
        nodes += inner.nodes;
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const key = `${name}:${pageSize ?? ''}`;
        let inner = fragmentCosts.get(key);
        if (!inner) {
          const fragment = fragments.get(name);
          const on = fragment && schema.getType(fragment.typeCondition.name.value);
          inner = fragment && on ? measure(fragment.selectionSet, on, pageSize) : { cost: 0, nodes: 0 };
          fragmentCosts.set(key, inner);
        }
        cost += inner.cost;
        nodes += inner.nodes;
        continue;
      }
      const name = selection.name.value;
      // Introspection is allowed or refused on its own (GRAPHQL_INTROSPECTION).
      if (name === '__schema' || name === '__type') continue;
      const field = isCompositeType(type) && 'getFields' in type ? type.getFields()[name] : undefined;
      if (!field) {
        cost += SCALAR_COST; // __typename
        nodes += 1;
        continue;
      }
      const listed = isListType(getNullableType(field.type));
      const given = pageSizeOf(field, selection);
      const paged = field.args.some((arg) => arg.name === 'first' || arg.name === 'last');
      const ownPage = paged ? Math.min(Math.max(given ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE) : undefined;
      const items = listed ? (ownPage ?? pageSize ?? UNPAGED_LIST_SIZE) : 1;
      if (!selection.selectionSet) {
        cost += SCALAR_COST;
        nodes += items;
        continue;
      }
      const inner = measure(selection.selectionSet, getNamedType(field.type), ownPage);
      cost += (OBJECT_COST + DEPTH_COST_FACTOR * inner.cost) * Math.max(given ?? 1, 1);
      nodes += items * (1 + inner.nodes);
    }
    return { cost, nodes };
  }

  return measure(operation.selectionSet, root, undefined);
}

/** Per parsed document (Mercurius keeps them): the variables its page sizes use, and the verdicts given so far. */
interface DocumentVerdicts {
  pageVariables: string[];
  verdicts: Map<string, GraphQLError[]>;
}

const MAX_VERDICTS_PER_DOCUMENT = 32;
const verdictsByDocument = new WeakMap<DocumentNode, DocumentVerdicts>();

/** The names of the variables given to `first` or `last` anywhere in the document. */
function pageVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.VARIABLE)
        names.add(node.value.name.value);
    },
  });
  return [...names];
}

/**
 * The errors of a request whose cost or possible response size is over the limits (empty when
 * within them), checked with its variables before it runs: on every request, since documents are
 * validated once and cached without their variables. With no operation name, every operation of
 * the document is checked. The verdict depends only on the document and the values of its page-size
 * variables, so it is kept per document for the values seen.
 */
export function costErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  limits: RequestLimits,
): GraphQLError[] {
  let known = verdictsByDocument.get(document);
  if (!known) {
    known = { pageVariables: pageVariablesOf(document), verdicts: new Map() };
    verdictsByDocument.set(document, known);
  }
  const values = known.pageVariables.map((name) => (variables && name in variables ? [variables[name]] : []));
  const key = JSON.stringify([operationName ?? null, limits.maxCost, limits.maxResponseNodes, values]);
  let errors = known.verdicts.get(key);
  if (!errors) {
    const measured = measureAll(schema, document, variables, operationName, limits);
    errors = measured.errors;
    // Variables that did not fit (execution refuses them) gave no measure: nothing to keep.
    if (measured.complete && known.verdicts.size < MAX_VERDICTS_PER_DOCUMENT) known.verdicts.set(key, errors);
  }
  return errors;
}

function measureAll(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  limits: RequestLimits,
): { errors: GraphQLError[]; complete: boolean } {
  const errors: GraphQLError[] = [];
  let complete = true;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    const measured = operationCost(schema, document, definition, variables);
    if (!measured) {
      complete = false;
      continue;
    }
    const cost = Math.round(measured.cost);
    if (cost > limits.maxCost) errors.push(refusal(`Query Cost limit of ${limits.maxCost} exceeded, found ${cost}.`));
    else if (measured.nodes > limits.maxResponseNodes) {
      errors.push(
        refusal(
          `The response could hold up to ${measured.nodes} values, more than the limit of ${limits.maxResponseNodes}: ask for smaller pages (first) or fewer nested lists.`,
        ),
      );
    }
  }
  return { errors, complete };
}

const refusal = (message: string) => new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

/** A request refused before it runs, reported as Mercurius reports validation errors (400 with graphql-response+json). */
export class RequestTooCostly extends Error {
  readonly statusCode = 400;
  constructor(readonly errors: GraphQLError[]) {
    super('The request is over the cost limits');
  }
}
