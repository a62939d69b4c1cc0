import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** /healthz: the process answers. /readyz: it can serve, i.e. the database answers and is migrated. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const statusSchema = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['pglite', 'postgres']).optional() });
  app.get('/healthz', { config: { rateLimit: false }, schema: { tags: ['health'], response: { 200: statusSchema } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/readyz',
    { config: { rateLimit: false }, schema: { tags: ['health'], response: { 200: statusSchema, 503: statusSchema } } },
    async (_request, reply) => {
      const { db, isReady } = app.deps;
      if (!isReady()) return reply.status(503).send({ status: 'unavailable' as const });
      try {
        await db.ping();
        return { status: 'ok' as const, database: db.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );
};
