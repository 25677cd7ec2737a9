import { getMetadataArgsStorage } from 'typeorm';

/** An entity class: a table declared with TypeORM's decorators. */
type EntityClass<E> = abstract new (...args: never[]) => E;

/** The properties of an entity that hold its columns: the required ones (its relations are optional). */
export type ColumnOf<E> = { [K in keyof E & string]-?: object extends Pick<E, K> ? never : K }[keyof E & string];

/** One row to INSERT: its columns' values by property name (see Table.insert). */
export type InsertRow = Readonly<Record<string, unknown>>;

/**
 * What a SELECT reads of a table: by default every column, in the entity's order (its own columns,
 * then those of the base it extends), each under its property's name.
 */
export interface Projection<E> {
  /** Columns it leaves out (a password hash, a document only one statement reads). */
  omit?: readonly ColumnOf<E>[];
  /** Columns read under another name than their property (`created_by AS "createdById"`). */
  as?: { readonly [K in ColumnOf<E>]?: string };
  /**
   * Computed columns, after the table's own: given the table's qualifier (`i.` in a SELECT, empty
   * in a RETURNING), the SQL of each (`${q}follow_up_done_at IS NOT NULL AS "followUpDone"`).
   */
  extra?: (q: string) => string[];
}

/**
 * A table as its entity declares it: the column lists of the repositories' SQL are derived from
 * the entity's TypeORM metadata, so that a table is written once (its migration aside, which
 * `npm run schema:check` compares with the entity). Everything is computed when the repository's
 * module loads: a statement only ever sees constant strings.
 */
export class Table<E> {
  /** The table's name, as `@Entity()` gives it. */
  readonly name: string;
  /** Each column property's column name, in the entity's order. */
  private readonly columnNames: ReadonlyMap<ColumnOf<E>, string>;

  constructor(entity: EntityClass<E>) {
    const storage = getMetadataArgsStorage();
    const declared = storage.tables.find((table) => table.target === entity);
    if (!declared?.name) throw new Error(`${entity.name} is not an entity with a table name`);
    this.name = declared.name;
    const columns = new Map<ColumnOf<E>, string>();
    // The class's own columns first, then its base's: a base holds what many tables share
    // (src/database/owned.ts), which comes last in each of them.
    for (
      let target: unknown = entity;
      typeof target === 'function' && target !== Function.prototype;
      target = Object.getPrototypeOf(target)
    ) {
      for (const column of storage.columns) {
        if (column.target !== target || columns.has(column.propertyName as ColumnOf<E>)) continue;
        columns.set(column.propertyName as ColumnOf<E>, column.options.name ?? column.propertyName);
      }
    }
    this.columnNames = columns;
  }

  /** A property's column name. */
  column(property: ColumnOf<E>): string {
    const name = this.columnNames.get(property);
    if (name === undefined) throw new Error(`${this.name} has no column for ${property}`);
    return name;
  }

  /** The column names of these properties, in that order: an INSERT's column list (`id, full_name, title`). */
  columns(...properties: ColumnOf<E>[]): string {
    return properties.map((property) => this.column(property)).join(', ');
  }

  /** A SELECT's column list on the table under an alias: `c.id, c.full_name AS "fullName", ...`. */
  select(alias: string, projection: Projection<E> = {}): string {
    return this.list(`${alias}.`, projection);
  }

  /** The same list for a RETURNING clause, where the columns are not qualified. */
  returning(projection: Projection<E> = {}): string {
    return this.list('', projection);
  }

  /**
   * An INSERT of one row, as `db.query`'s arguments: `INSERT INTO t (c1, c2) VALUES ($1, $2)`, the
   * row's properties in the row's order, each under its column; a property the projection reads
   * under another name (`recordedById`) is accepted by that name. An undefined property is left out
   * (the column's default).
   */
  insert(row: InsertRow, projection: Projection<E> = {}): [sql: string, values: unknown[]] {
    const renamed = Object.entries(projection.as ?? {}) as [ColumnOf<E>, string][];
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const [key, value] of Object.entries(row)) {
      if (value === undefined) continue;
      const property = renamed.find(([, name]) => name === key)?.[0] ?? (key as ColumnOf<E>);
      columns.push(this.column(property));
      values.push(value);
    }
    const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
    return [`INSERT INTO ${this.name} (${columns.join(', ')}) VALUES (${placeholders})`, values];
  }

  /** The same INSERT, answering the row written as `returning(projection)` reads it. */
  insertReturning(row: InsertRow, projection: Projection<E> = {}): [sql: string, values: unknown[]] {
    const [sql, values] = this.insert(row, projection);
    return [`${sql} RETURNING ${this.returning(projection)}`, values];
  }

  /** Input fields mapped to their columns, for `updateVersioned`: `{ fullName: 'full_name', ... }`. */
  columnMap<K extends ColumnOf<E>>(...properties: K[]): { readonly [P in K]: string } {
    return Object.fromEntries(properties.map((property) => [property, this.column(property)])) as { [P in K]: string };
  }

  private list(q: string, { omit = [], as = {}, extra }: Projection<E>): string {
    const items: string[] = [];
    for (const [property, column] of this.columnNames) {
      if (omit.includes(property)) continue;
      const name: string = as[property] ?? property;
      items.push(name === column ? `${q}${column}` : `${q}${column} AS "${name}"`);
    }
    if (extra) items.push(...extra(q));
    return items.join(', ');
  }
}

/** The table an entity class declares. */
export function table<E>(entity: EntityClass<E>): Table<E> {
  return new Table(entity);
}
