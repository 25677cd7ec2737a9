import { transformAsync, type PluginObj } from '@babel/core';
import { babelOptimizerPlugin as graphqlDocuments } from '@graphql-codegen/client-preset';
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
      if (id.type === 'Identifier' && init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'graphql') {
        path.scope.rename(id.name);
      }
    },
  },
});

/**
 * In the built bundle, each `graphql(`…`)` call becomes an import of its one document from
 * `src/gql/graphql.ts` (GraphQL Code Generator's own Babel plugin), instead of a lookup in the map
 * of every document of the application: a page then carries only its own documents.
 */
function documentsByImport(): Plugin {
  return {
    name: 'ratify:graphql-documents',
    apply: 'build',
    enforce: 'pre',
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
      return result?.code ? { code: result.code, map: result.map } : null;
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
