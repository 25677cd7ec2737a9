// `npm run schema:print`: rewrites schema.graphql from the code-first schema (no database needed).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildSchema, SCHEMA_FILE, schemaFileText } from '../graphql/schema-file.js';

async function main(): Promise<void> {
  const text = schemaFileText(await buildSchema());
  if (existsSync(SCHEMA_FILE) && readFileSync(SCHEMA_FILE, 'utf8') === text) {
    console.log(`${SCHEMA_FILE} is up to date.`);
    return;
  }
  writeFileSync(SCHEMA_FILE, text);
  console.log(`Wrote ${SCHEMA_FILE}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
