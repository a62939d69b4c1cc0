import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Clock } from '../platform/clock.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { authPlugin } from '../platform/auth/plugin.ts';
import { authRoutes } from '../platform/auth/routes.ts';
import { identityRoutes } from '../platform/identity/routes.ts';
import { installErrorHandling } from '../platform/http/error-handler.ts';
import { healthRoutes } from '../platform/http/health.ts';
import { installOpenApi } from '../platform/http/openapi.ts';
import { installSecurity } from '../platform/http/security.ts';
import { installWeb } from '../platform/http/web.ts';
import { loggerOptions } from '../platform/logging.ts';
import { features } from './features.ts';
import type { Config } from './config.ts';

export type AppDeps = {
  config: Config;
  db: DatabaseHandle;
  clock: Clock;
  /** False until migrations and seeding are done; /readyz reports it. */
  isReady: () => boolean;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** Assembles the server: platform plugins first, then each feature's routes. */
export async function buildApp(deps: AppDeps, options: { logger?: boolean; logStream?: Writable } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config.logLevel, options.logStream),
    // A caller's request id is kept when it looks like one, so a trace crosses services.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandling(app);

  await app.register(cookie);
  await installSecurity(app, { perMinute: deps.config.rateLimit.perMinute });
  await installOpenApi(app);
  await app.register(authPlugin);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(identityRoutes);
  for (const feature of features) await app.register(feature);
  await installWeb(app, deps.config.webDistDir);
  return app;
}
