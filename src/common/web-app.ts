import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../config/config.js';

/** Where `npm run build` writes the web application (web/ built by Vite). */
export const WEB_DIR = resolve(PROJECT_ROOT, 'dist', 'web');

/**
 * Paths that belong to the service, never to the web application: an unknown one among them is a
 * 404 as before, not the application's page.
 */
const SERVICE_PATHS = /^\/(graphql|graphiql|health|exports|imports|assets)(\/|$)/;

/**
 * Serves the web application at `/`: its hashed files under /assets (cached for a year), and
 * index.html for `/` and for every other GET path (the application's own routes, such as
 * /states/KIR), never cached so that a new version is picked up at once. The service's own routes
 * are unchanged. Without a build (dist/web/index.html missing), nothing is served.
 */
export async function serveWebApp(app: NestFastifyApplication, dir = WEB_DIR): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) {
    new Logger('WebApp').warn(`no web application in ${dir}: run \`npm run build\` to build it`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders(response, path) {
      response.header('cache-control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const page = (reply: { header(name: string, value: string): unknown; sendFile(name: string): unknown }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  fastify.get('/', (_request, reply) => page(reply));
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    if (SERVICE_PATHS.test(path)) return reply.callNotFound();
    return page(reply);
  });
  return true;
}
