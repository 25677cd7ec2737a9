import {
  buildSchema,
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { encodeCursor } from '../../src/common/paging/cursor.js';
import { childPage, listOptions, selectionAt, selects } from '../../src/graphql/selection.js';

const schema = buildSchema(`
  type Query { state(iso3: String!): State, feed(first: Int, after: String): EventConnection! }
  type State { iso3: String! name: String! interactions(first: Int, after: String): EventConnection! }
  type EventConnection { totalCount: Int! edges: [EventEdge!]! }
  type EventEdge { node: Event! }
  type Event { id: ID! actor: String states: [State!]! }
`);

/** The resolve info of the document's first root field, as GraphQL hands it to that field's resolver. */
function info(document: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const definitions = parse(document).definitions;
  const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const parentType = schema.getQueryType() as GraphQLObjectType;
  const fragments = Object.fromEntries(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return {
    fieldName: field.name.value,
    fieldNodes: [field],
    returnType: parentType.getFields()[field.name.value].type,
    parentType,
    schema,
    fragments,
    variableValues,
    operation,
  } as unknown as GraphQLResolveInfo;
}

describe('what a document selects below a field', () => {
  it('reaches a path through fragments and aliases, and counts the total only when totalCount is selected', () => {
    const feed = info(`{ feed { edges { ... on EventEdge { node { ...who } } } } } fragment who on Event { someone: actor }`);
    expect(selects(feed, ['edges', 'node', 'actor'])).toBe(true);
    expect(selects(feed, ['edges', 'node', 'states'])).toBe(false);
    expect(listOptions(feed)).toEqual({ withTotal: false });
    expect(listOptions(info('{ feed { total: totalCount } }'))).toEqual({ withTotal: true });
  });

  it('names the fields selected at the end of a path, every alias merged', () => {
    const feed = info('{ feed { edges { node { states { iso3 } again: states { name iso3 } } } } }');
    expect(selectionAt(feed, ['edges', 'node', 'states'])).toEqual(new Set(['iso3', 'name']));
    expect(selectionAt(feed, ['edges', 'node', 'actor'])).toBeUndefined();
  });

  it("reads the page a connection below the field will ask for, with the request's variables", () => {
    const after = encodeCursor(['x']);
    const state = info(
      'query($after: String) { state(iso3: "KIR") { interactions(first: 3, after: $after) { totalCount edges { node { actor } } } } }',
      { after },
    );
    expect(childPage(state, 'interactions', ['text'], ['edges', 'node', 'actor'])).toEqual({
      page: { first: 3, after: ['x'], withTotal: true },
      reaches: true,
    });
    expect(childPage(state, 'interactions', ['text'], ['edges', 'node', 'states'])?.reaches).toBe(false);
  });

  it('leaves the page to the connection itself when it is selected twice or its arguments are out of range or not a cursor', () => {
    const page = (args: string) => `interactions(${args}) { edges { node { id } } }`;
    for (const selection of [
      `few: ${page('first: 2')} many: ${page('first: 5')}`,
      page('first: 0'),
      page('first: 201'),
      page('after: "not a cursor"'),
    ]) {
      expect(childPage(info(`{ state(iso3: "KIR") { ${selection} } }`), 'interactions', ['text'], [])).toBeUndefined();
    }
    expect(childPage(info('{ state(iso3: "KIR") { name } }'), 'interactions', ['text'], [])).toBeUndefined();
  });
});
