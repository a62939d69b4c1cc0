import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';

/** Security headers with a strict CSP (no inline script or style) and rate limiting per session or address. */
export async function installSecurity(app: FastifyInstance, options: { perMinute: number }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(rateLimit, {
    global: true,
    max: options.perMinute,
    timeWindow: '1 minute',
    // Per session when logged in (many patients may share one NAT address), otherwise per address.
    keyGenerator: (request) => {
      const session = request.cookies?.[SESSION_COOKIE];
      return session ? `s:${createHash('sha256').update(session).digest('hex').slice(0, 32)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: () =>
      new AppError('rate_limited', 429, {
        sv: 'För många förfrågningar. Vänta en stund och försök igen.',
        en: 'Too many requests. Wait a moment and try again.',
      }),
  });
}
