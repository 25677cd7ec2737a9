import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * At most this many distinct statements are prepared per process (the texts come from the code:
 * a few hundred, some once per page size in use, see pageLimit); any beyond run unnamed, as usual.
 * Each connection prepares a statement once, the first time it runs it.
 */
export const MAX_PREPARED_STATEMENTS = 2000;

/** Statement names by text: a short hash, the same in every process and connection. */
const names = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) {
    name = `r_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A `pg` client that runs every statement with parameters as a named prepared statement: PostgreSQL
 * parses it once per connection instead of on every request, and plans it once too when it finds a
 * generic plan as cheap as one made for the parameters at hand (planning costs as much as running
 * most of the service's reads). Statements without parameters (migrations, scripts of
 * several statements) go through the simple query protocol as before.
 */
export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg's query() has many forms; only (text, values[, callback]) is rewritten, the rest pass as they are.
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const [text, values, callback] = args;
      const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 ? statementName(text) : undefined;
      return name ? query({ name, text, values }, callback) : query(...args);
    }) as pg.Client['query'];
  }
}
