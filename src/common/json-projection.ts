/**
 * Rows of one kind read as JSON with only the properties that a GraphQL selection needs. A list
 * that reads related rows along (a target State's obstacles, an event's States) builds each JSON
 * object from those properties alone, which costs less to build, to send and to parse.
 *
 * Objects read so are partial: they go with the parent object that asked for them, never into a
 * request's loaders, where another path of the same document could meet them.
 */
export class JsonProjection<T extends object> {
  private readonly all: readonly (keyof T & string)[];

  /**
   * @param columns each property, with the SQL expression that reads it
   * @param resolvedFrom the GraphQL fields resolved from properties (a relation from its key, a
   *   computed value from its inputs), with those properties; fields that need none map to []
   * @param always the properties read whatever the selection (a key, what an argument filters on)
   */
  constructor(
    private readonly columns: { readonly [K in keyof T & string]: string },
    private readonly resolvedFrom: Readonly<Record<string, readonly (keyof T & string)[]>> = {},
    private readonly always: readonly (keyof T & string)[] = [],
  ) {
    this.all = Object.keys(columns) as (keyof T & string)[];
  }

  /** The properties these selected fields need: every property when one of them is not known here. */
  properties(fields: Iterable<string>): (keyof T & string)[] {
    const needed = new Set<string>(this.always);
    for (const field of fields) {
      const properties = field === '__typename' ? [] : (this.resolvedFrom[field] ?? (field in this.columns ? [field] : undefined));
      if (!properties) return [...this.all];
      for (const property of properties) needed.add(property);
    }
    return this.all.filter((property) => needed.has(property));
  }

  /** A `json_build_object` of these properties (default: every one). */
  object(properties: readonly (keyof T & string)[] = this.all): string {
    return `json_build_object(${properties.map((property) => `'${property}', ${this.columns[property]}`).join(', ')})`;
  }
}
