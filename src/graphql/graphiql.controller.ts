import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Public } from '../auth/auth.guard.js';

const require = createRequire(import.meta.url);
const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);

/** GraphiQL's scripts and styles, served from the installed packages: the explorer works offline. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: packageFile('graphiql', 'dist/index.umd.js'), type: 'text/javascript' },
  'graphiql.css': { file: packageFile('graphiql', 'dist/style.css'), type: 'text/css' },
};

const cache = new Map<string, Buffer>();

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Ratify GraphQL explorer</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <link rel="stylesheet" href="/graphiql/assets/explorer.css">
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/explorer.js"></script>
</body>
</html>`;

/** The page's own style, served as a file: the Content-Security-Policy allows no inline style or script. */
const STYLE = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

/**
 * Sign in with the login mutation, then put {"Authorization": "Bearer <token>"} in the
 * Headers tab; the explorer remembers headers between visits.
 */
const BOOT = `
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() });
const defaultQuery = \`# Sign in first, then copy the token into the Headers tab:
#   { "Authorization": "Bearer <token>" }
mutation Login {
  login(email: "you@example.org", password: "your password") { token }
}

query PacificStatesNotParty {
  states(filter: { subregions: ["Melanesia", "Micronesia", "Polynesia"], treatyStatuses: [SIGNATORY, NOT_SIGNED] }) {
    totalCount
    edges { node { name treatyStatus votingRecord { yesShare consecutiveYes lastChoice } } }
  }
}
\`;
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, isHeadersEditorEnabled: true, shouldPersistHeaders: true }),
);
`;

@Public()
@Controller('graphiql')
export class GraphiqlController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() reply: FastifyReply): void {
    if (name === 'explorer.js') {
      reply.type('text/javascript').send(BOOT);
      return;
    }
    if (name === 'explorer.css') {
      reply.type('text/css').send(STYLE);
      return;
    }
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException();
    let body = cache.get(name);
    if (!body) {
      body = readFileSync(asset.file);
      cache.set(name, body);
    }
    reply.type(asset.type).header('Cache-Control', 'public, max-age=86400').send(body);
  }
}
