// Fails when web/src/gql (the typed GraphQL documents) is out of date with schema.graphql or with
// the documents in web/src: generates them again into a temporary folder and compares.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'web/src/gql';
const out = mkdtempSync(join(tmpdir(), 'ratify-codegen-'));
try {
  execFileSync(process.execPath, ['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'web/codegen.ts', '--silent'], {
    env: { ...process.env, CODEGEN_OUT: `${out}/` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const names = (dir) => readdirSync(dir).sort();
  const stale = [];
  for (const name of new Set([...names(out), ...names(committed)])) {
    let fresh = null;
    let current = null;
    try {
      fresh = readFileSync(join(out, name), 'utf8');
    } catch {}
    try {
      current = readFileSync(join(committed, name), 'utf8');
    } catch {}
    if (fresh !== current) stale.push(name);
  }
  if (stale.length) {
    console.error(`${committed} is out of date (${stale.join(', ')}): run \`npm run codegen\` and commit the result`);
    process.exit(1);
  }
  console.log(`${committed} is up to date`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
