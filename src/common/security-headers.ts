import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The security headers of every response, by @fastify/helmet: a Content-Security-Policy that
 * allows only this origin (no inline script or style: the explorer's page loads everything from
 * /graphiql/assets), no framing (`frame-ancestors 'none'` and `X-Frame-Options: DENY`),
 * `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`, with helmet's other defaults.
 */
export const SECURITY_HEADERS = {
  global: true,
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
};

export async function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, SECURITY_HEADERS);
}
