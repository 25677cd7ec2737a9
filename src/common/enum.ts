import { registerEnumType } from '@nestjs/graphql';

/** An enumeration whose every member's value is its own name (as a string enum `A = 'A'`). */
export type Members<K extends string> = { readonly [P in K]: P };

/** The values of an enumeration made by `enumOf` or `graphqlEnum`: `type Role = EnumValue<typeof Role>`. */
export type EnumValue<E> = E[keyof E];

/**
 * An enumeration with each member written once: `enumOf('CREATE', 'UPDATE')` is
 * `{ CREATE: 'CREATE', UPDATE: 'UPDATE' }`, frozen, in that order.
 */
export function enumOf<const K extends string>(...names: readonly K[]): Members<K> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as Members<K>;
}

/**
 * A GraphQL enum declared in one place: its members, in the schema's order, and its registration.
 * `members` lists the names, or maps each name to its description in the schema (null: none).
 * Used as a value (`@Field(() => Role)`, `@IsEnum(Role)`, `Role.ADMIN`) and, with
 * `type Role = EnumValue<typeof Role>` beside it, as the type of its values.
 */
export function graphqlEnum<const K extends string>(
  name: string,
  members: readonly K[] | { readonly [P in K]: string | null },
  description?: string,
): Members<K> {
  const described = !Array.isArray(members);
  const names = (described ? Object.keys(members) : members) as K[];
  const values = enumOf(...names);
  const valuesMap = described
    ? (Object.fromEntries(
        Object.entries(members as Record<string, string | null>)
          .filter(([, text]) => text !== null)
          .map(([member, text]) => [member, { description: text as string }]),
      ) as Partial<Record<K, { description: string }>>)
    : undefined;
  registerEnumType(values, { name, description, valuesMap });
  return values;
}
