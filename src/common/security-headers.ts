import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify from 'fastify';

/**
 * The security headers of every response, as @fastify/helmet sets them: a Content-Security-Policy
 * that allows only this origin (no inline script or style: the explorer's page loads everything from
 * /graphiql/assets), no framing (`frame-ancestors 'none'` and `X-Frame-Options: DENY`),
 * `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`; also helmet's HSTS and
 * cross-origin opener and resource policies. Helmet's headers for old browsers (X-XSS-Protection,
 * X-Download-Options, X-DNS-Prefetch-Control, X-Permitted-Cross-Domain-Policies, Origin-Agent-Cluster)
 * are left out: every header is written on every response.
 */
export const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
  xXssProtection: false,
  xDownloadOptions: false,
  xDnsPrefetchControl: false,
  xPermittedCrossDomainPolicies: false,
  originAgentCluster: false,
};

/**
 * The headers @fastify/helmet gives a response with this configuration. They are the same for every
 * response (no nonces), so they are read once at start-up, from a response of a throwaway server on
 * a loopback port: the plugin itself builds its middleware again on every request, which measured
 * as a large share of the time of a small GraphQL request.
 */
export async function securityHeaders(): Promise<Record<string, string>> {
  const probe = Fastify();
  try {
    await probe.register(helmet, { ...SECURITY_HEADERS, global: true });
    probe.get('/', () => Promise.resolve(''));
    const address = await probe.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(address);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!['content-type', 'content-length', 'date', 'connection', 'keep-alive'].includes(name)) headers[name] = value;
    });
    return headers;
  } finally {
    await probe.close();
  }
}

/** Sends the security headers with every response (set first: a route may still override one). */
export async function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const headers = await securityHeaders();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
}
