import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, validateSync } from 'class-validator';
import type { Type } from '@nestjs/common';
import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { isIsoDate } from './dates.js';
import { badInput } from './errors.js';
import { isUuid } from './ids.js';
import { invalidInput } from './validation.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
const MAX_CURSOR_LENGTH = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'The endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string;
}

/**
 * Page arguments checked as the validation pipe checks PageArgs, for a resolver called directly
 * (DirectArgs): arguments in range cost two comparisons; others get the pipe's own error.
 */
export function checkedPageArgs(args: PageArgs): PageArgs {
  if (inRange(args)) return args;
  const errors = validateSync(plainToInstance(PageArgs, args));
  if (errors.length) throw invalidInput(errors);
  return args;
}

/** Whether page arguments (of the types GraphQL has checked) are within PageArgs' limits. */
function inRange({ first, after }: PageArgs): boolean {
  const firstFine = first === undefined || first === null || (Number.isInteger(first) && first >= 1 && first <= MAX_PAGE_SIZE);
  return firstFine && (after === undefined || after === null || (typeof after === 'string' && after.length <= MAX_CURSOR_LENGTH));
}

export interface Page {
  first: number;
  /** The sort key of the last row already seen, or undefined for the first page. */
  after?: unknown[];
  /** Whether the total is needed: counting reads every matching row, so only when asked for. */
  withTotal: boolean;
}

/** What each part of a list's sort key is, so that a cursor from another list is refused. */
export type CursorPart = 'text' | 'number' | 'date' | 'uuid' | 'timestamp';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  date: (value) => typeof value === 'string' && isIsoDate(value),
  uuid: (value) => typeof value === 'string' && isUuid(value),
  timestamp: (value) => typeof value === 'string' && TIMESTAMP.test(value),
};

/** With the field's resolve info, the total is counted only when the document selects `totalCount`. */
export function toPage(args: PageArgs, shape: readonly CursorPart[], info?: GraphQLResolveInfo): Page {
  return {
    first: args.first ?? DEFAULT_PAGE_SIZE,
    after: args.after ? decodeCursor(args.after, shape) : undefined,
    withTotal: info ? selectsField(info, 'totalCount') : true,
  };
}

/** Whether the current field's selection (through fragments) includes a field of this name. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsPath(info, [name]);
}

/**
 * Whether the current field's selection (through fragments) reaches this path of field names,
 * such as ['edges', 'node', 'actor'] below a connection.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return reaches(info.fieldNodes, info.fragments, path);
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

/** Whether these fields' selections reach the path (each name a field below the one before). */
function reaches(nodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], path: readonly string[]): boolean {
  return nodesAt(nodes, fragments, path).length > 0;
}

/** The fields at the end of the path below these fields (none when the selections do not reach it). */
function nodesAt(nodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], path: readonly string[]): readonly FieldNode[] {
  let level = nodes;
  for (const name of path) {
    if (!level.length) break;
    level = childFields(level, fragments, name);
  }
  return level;
}

/** The fields of this name directly in these fields' selections (through fragments). */
function childFields(nodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], name: string): FieldNode[] {
  const found: FieldNode[] = [];
  eachField(nodes, fragments, (field) => {
    if (field.name.value === name) found.push(field);
  });
  return found;
}

/** Visits every field directly in these fields' selections, through fragments. */
function eachField(nodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], visit: (field: FieldNode) => void): void {
  const collect = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) visit(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else collect(fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of nodes) collect(node.selectionSet);
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
    if (!inRange(args)) return undefined;
    const page = { first: args.first ?? DEFAULT_PAGE_SIZE, after: args.after ? decodeCursor(args.after, shape) : undefined, withTotal: reaches(nodes, info.fragments, ['totalCount']) };
    return { page, reaches: reaches(nodes, info.fragments, path) };
  } catch {
    return undefined;
  }
}

/** Cursors are opaque to clients: the row's sort key, as base64url JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly CursorPart[]): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && shape.every((part, i) => PART_CHECKS[part](key[i]))) {
      return key;
    }
  } catch {
    // fall through
  }
  throw badInput(`"${cursor.slice(0, 60)}" is not a valid cursor: pass the endCursor of a previous page`, { after: cursor });
}

/** Rows fetched with `LIMIT first + 1`: the extra row only says whether there is a next page. */
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Null only when the document did not select it (see Page.withTotal). */
  totalCount: number | null;
}

export function toConnection<T>(rows: T[], first: number, totalCount: number | null, sortKey: (row: T) => unknown[]): Connection<T> {
  const hasNextPage = rows.length > first;
  const edges = (hasNextPage ? rows.slice(0, first) : rows).map((node) => ({ node, cursor: encodeCursor(sortKey(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Builds the Relay-style `<Name>Connection` and `<Name>Edge` types for a node type. */
export function ConnectionType<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}
