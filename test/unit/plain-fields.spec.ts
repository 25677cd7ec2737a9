import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphqlSync } from 'graphql';
import { inlinePlainFields } from '../../src/graphql/plain-fields.js';

/** Nest's resolver for a plain field, as its schema factory writes it (the name is how it is recognized). */
function nestPlainField(name: string, defaultValue?: unknown) {
  const rootFieldResolver = (root: Record<string, unknown>) => (typeof root[name] === 'undefined' ? defaultValue : root[name]);
  return rootFieldResolver;
}

describe('inlinePlainFields', () => {
  const own = (parent: { name: string }) => parent.name.toUpperCase();
  const build = () => {
    const State = new GraphQLObjectType({
      name: 'State',
      fields: {
        name: { type: GraphQLString, resolve: nestPlainField('name') },
        motto: { type: GraphQLString, resolve: nestPlainField('motto', 'none recorded') },
        shout: { type: GraphQLString, resolve: own },
      },
    });
    const Query = new GraphQLObjectType({
      name: 'Query',
      fields: { state: { type: State, resolve: () => ({ name: 'Kiribati' }) } },
    });
    return new GraphQLSchema({ query: Query });
  };

  it('removes the plain property reads, and keeps default values, own resolvers and root fields', () => {
    const schema = inlinePlainFields(build());
    const fields = (schema.getType('State') as GraphQLObjectType).getFields();
    expect(fields.name.resolve).toBeUndefined();
    expect(fields.motto.resolve!({}, {}, {}, {} as never)).toBe('none recorded');
    expect(fields.motto.resolve!({ motto: 'Onward' }, {}, {}, {} as never)).toBe('Onward');
    expect(fields.shout.resolve).toBe(own);
    expect(schema.getQueryType()!.getFields().state.resolve!({}, {}, {}, {} as never)).toEqual({ name: 'Kiribati' });
  });

  it('answers as before', () => {
    const query = '{ state { name motto shout } }';
    const before = graphqlSync({ schema: build(), source: query });
    const after = graphqlSync({ schema: inlinePlainFields(build()), source: query });
    expect(after).toEqual(before);
    expect(after.data).toEqual({ state: { name: 'Kiribati', motto: 'none recorded', shout: 'KIRIBATI' } });
  });
});
