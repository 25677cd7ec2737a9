import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { buildSchema, SCHEMA_FILE, schemaFileText } from '../../src/graphql/schema-file.js';
import { startTestApp, type TestApp } from '../support/app.js';

const OUTDATED = 'schema.graphql is out of date with the code: run `npm run schema:print` and commit the result';

/** The first differing line, so that the failure shows what changed. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `${OUTDATED}\nfirst difference at line ${at + 1}:\n  schema.graphql: ${b[at] ?? '(end of file)'}\n  the code:       ${a[at] ?? '(end of schema)'}`;
}

describe('schema.graphql', () => {
  let t: TestApp;
  let running: string;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_ON_START: 'false' });
    running = schemaFileText(t.app.get(GraphQLSchemaHost).schema);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('matches the schema the running service serves', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== running) throw new Error(firstDifference(running, committed));
  });

  it('is what npm run schema:print builds without a database', async () => {
    expect(schemaFileText(await buildSchema())).toBe(running);
  });
});
