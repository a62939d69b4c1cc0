import type { FastifyServerOptions } from 'fastify';
import type { Writable } from 'node:stream';

/**
 * Structured logs with the request id. Nothing that identifies a patient is
 * logged: no bodies, no cookies or tokens, only method, route and status.
 */
export function loggerOptions(level: string, stream?: Writable): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        // The route pattern, not the concrete URL: query strings may carry search terms.
        route: request.routeOptions?.url ?? request.url.split('?')[0],
      }),
    },
  };
}
