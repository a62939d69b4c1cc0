import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCitizen } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { accessLogQuerySchema, accessLogResponseSchema } from './contract.ts';
import { listAccessLog } from './service.ts';

export const accessLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me/access-log',
    {
      schema: {
        tags: ['patient'],
        summary: 'Which staff, at which unit, read or changed my data (or that of whom I act for)',
        querystring: accessLogQuerySchema,
        response: { 200: accessLogResponseSchema },
      },
    },
    async (request) => ({ entries: await listAccessLog(contextOf(request), requireCitizen(request), request.query.limit) }),
  );
};
