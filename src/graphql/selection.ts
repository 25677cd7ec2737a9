import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { toPage, type CursorPart } from '../common/paging/cursor.js';
import { pageArgsInRange, type ListOptions, type Page, type PageArgs } from '../common/paging/page.js';

/*
 * What a document selects below the current field, read by resolvers so that services are handed
 * plain options (`{ withTotal }`, `{ withActors, stateFields }`) and know nothing of GraphQL. Each
 * question walks only the path it asks about, through fragments, with every alias merged: a few
 * microseconds per request (a library that parses the whole selection into a tree costs ten times
 * as much for the same answers).
 */

type Fragments = GraphQLResolveInfo['fragments'];

/**
 * Whether the current field's selection (through fragments) reaches this path of field names,
 * such as ['edges', 'node', 'actor'] below a connection.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return nodesAt(info.fieldNodes, info.fragments, path).length > 0;
}

/** The list options of a connection field: the total is counted only when the document selects `totalCount`. */
export function listOptions(info: GraphQLResolveInfo): Required<ListOptions> {
  return { withTotal: selects(info, ['totalCount']) };
}

/**
 * The names of the fields selected at the end of this path below the current field (through
 * fragments, every alias merged), such as the fields of each `obstacles` at
 * ['edges', 'node', 'state', 'obstacles']; undefined when the selection does not reach the path.
 */
export function selectionAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> | undefined {
  const nodes = nodesAt(info.fieldNodes, info.fragments, path);
  if (!nodes.length) return undefined;
  const names = new Set<string>();
  eachField(nodes, info.fragments, (field) => names.add(field.name.value));
  return names;
}

/**
 * The page that a connection field below the current one will ask for, such as a State's
 * `interactions(first: 20)` below `state(iso3:)`, so that the parent can read it along: its page
 * (from its arguments, with the request's variables) and whether it reaches `path` (such as
 * ['edges', 'node', 'contacts']). Undefined unless the field is selected once, with valid page
 * arguments: otherwise it reads (or refuses) its page itself.
 */
export function childPage(
  info: GraphQLResolveInfo,
  name: string,
  shape: readonly CursorPart[],
  path: readonly string[],
): { page: Page; reaches: boolean } | undefined {
  const nodes = childFields(info.fieldNodes, info.fragments, name);
  const parent = getNamedType(info.returnType);
  const field = isObjectType(parent) ? parent.getFields()[name] : undefined;
  if (nodes.length !== 1 || !field) return undefined;
  try {
    const args = getArgumentValues(field, nodes[0], info.variableValues) as PageArgs;
    if (!pageArgsInRange(args)) return undefined;
    const page = toPage(args, shape, nodesAt(nodes, info.fragments, ['totalCount']).length > 0);
    return { page, reaches: nodesAt(nodes, info.fragments, path).length > 0 };
  } catch {
    return undefined;
  }
}

/** The fields at the end of the path below these fields (none when the selections do not reach it). */
function nodesAt(nodes: readonly FieldNode[], fragments: Fragments, path: readonly string[]): readonly FieldNode[] {
  let level = nodes;
  for (const name of path) {
    if (!level.length) break;
    level = childFields(level, fragments, name);
  }
  return level;
}

/** The fields of this name directly in these fields' selections (through fragments). */
function childFields(nodes: readonly FieldNode[], fragments: Fragments, name: string): FieldNode[] {
  const found: FieldNode[] = [];
  eachField(nodes, fragments, (field) => {
    if (field.name.value === name) found.push(field);
  });
  return found;
}

/** Visits every field directly in these fields' selections, through fragments. */
function eachField(nodes: readonly FieldNode[], fragments: Fragments, visit: (field: FieldNode) => void): void {
  const collect = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) visit(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else collect(fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of nodes) collect(node.selectionSet);
}
