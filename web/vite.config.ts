import { transformAsync, type PluginObj } from '@babel/core';
import { babelOptimizerPlugin as graphqlDocuments } from '@graphql-codegen/client-preset';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const artifactDirectory = fileURLToPath(new URL('src/gql', import.meta.url));

/**
 * A document's local constant usually has the name of the generated one (`const TargetsDocument =
 * graphql(…)`): it is renamed first, so that the import below does not collide with it.
 */
const renameDocumentConstants = (): PluginObj => ({
  visitor: {
    VariableDeclarator(path) {
      const { id, init } = path.node;
      if (
        id.type === 'Identifier' &&
        init?.type === 'CallExpression' &&
        init.callee.type === 'Identifier' &&
        init.callee.name === 'graphql'
      ) {
        path.scope.rename(id.name);
      }
    },
  },
});

const DOCUMENT_MODULE = 'virtual:ratify-document/';

/** The generated documents, each as the text of its object (read once per build). */
function generatedDocuments(): Map<string, string> {
  const documents = new Map<string, string>();
  const source = readFileSync(`${artifactDirectory}/graphql.ts`, 'utf8');
  for (const match of source.matchAll(/^export const (\w+Document) = (\{.*\}) as unknown as DocumentNode<[^>]*>;$/gm)) {
    documents.set(match[1], match[2]);
  }
  return documents;
}

/**
 * In the built bundle, each `graphql(`…`)` call becomes an import of its one document
 * (GraphQL Code Generator's own Babel plugin), instead of a lookup in the map of every document of
 * the application; and each document is a module of its own (`virtual:ratify-document/<Name>`),
 * because a bundler places a module's code in one chunk: from `src/gql/graphql.ts`, every
 * document any page uses would land in the chunk that signs in. A page then carries only its own
 * documents.
 */
function documentsByImport(): Plugin {
  let documents: Map<string, string> | undefined;
  return {
    name: 'ratify:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = undefined;
    },
    resolveId(id) {
      return id.startsWith(DOCUMENT_MODULE) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${DOCUMENT_MODULE}`)) return null;
      const name = id.slice(DOCUMENT_MODULE.length + 1);
      const document = (documents ??= generatedDocuments()).get(name);
      if (!document) throw new Error(`No generated document ${name} in src/gql/graphql.ts: run npm run codegen`);
      return `export const ${name} = ${document};`;
    },
    async transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(artifactDirectory) || !code.includes('graphql(`')) return null;
      const result = await transformAsync(code, {
        filename: id,
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        parserOpts: { plugins: ['typescript', 'jsx'] },
        plugins: [renameDocumentConstants, [graphqlDocuments, { artifactDirectory, gqlTagName: 'graphql' }]],
      });
      if (!result?.code) return null;
      const rewritten = result.code.replace(
        /^import \{ (\w+Document) \} from "[^"]*\/gql\/graphql";$/gm,
        `import { $1 } from "${DOCUMENT_MODULE}$1";`,
      );
      return { code: rewritten, map: result.map };
    },
  };
}

/**
 * The web application: built into dist/web, which the service serves at `/`. Vite's own transform
 * compiles TSX with React's automatic runtime. Everything is bundled (no CDN, no remote
 * font); the styles are CSS files, so the strict Content-Security-Policy (`style-src 'self'`) holds.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [documentsByImport()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine's "use client" directives mean nothing outside React Server Components.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:3000', ws: true },
      '/exports': 'http://127.0.0.1:3000',
      '/imports': 'http://127.0.0.1:3000',
    },
  },
  test: {
    root: webRoot,
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
