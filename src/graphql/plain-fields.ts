import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/**
 * Nest gives every field of an object type a resolver that returns the parent's property of the
 * same name (or the field's default value when the property is missing). graphql-jit compiles a
 * field without a resolver into a property read inside the compiled query, and a field with one into
 * a function call, a promise check and a separate step that builds the value: for the thousands of
 * plain fields of a list, most of the time spent executing it.
 *
 * Removes those resolvers where they are a plain property read (no default value, no field
 * middleware), so that graphql-jit and graphql-js read the property themselves, as they do for a
 * field without a resolver. Changes the schema in place; returns it. Fields with their own resolver
 * (`@ResolveField`) keep it.
 */
export function inlinePlainFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && isPropertyRead(field.resolve, field.name)) field.resolve = undefined;
    }
  }
  return schema;
}

const probe = Symbol('probe');

/** Whether the resolver is Nest's plain property read for this field, with no default value. */
function isPropertyRead(resolve: GraphQLFieldResolver<unknown, unknown>, name: string): boolean {
  if (resolve.name !== 'rootFieldResolver') return false;
  const read = resolve as (root: Record<string, unknown>) => unknown;
  return read({ [name]: probe }) === probe && read({}) === undefined;
}
