import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.ts';
import { unitDetailsSchema, unitParamsSchema, unitSearchQuerySchema, unitSearchResponseSchema } from './contract.ts';
import { findUnits, getUnit } from './service.ts';

/** Public: finding care needs no login (B1, B2). */
export const careUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['find care'];
  app.get(
    '/api/public/units',
    {
      schema: {
        tags,
        summary: 'Search care units by name, place, kind, care offered and e-service; optionally open now and nearest first',
        querystring: unitSearchQuerySchema,
        response: { 200: unitSearchResponseSchema },
      },
    },
    async (request) => ({ units: await findUnits(contextOf(request), request.query) }),
  );
  app.get(
    '/api/public/units/:unitId',
    { schema: { tags, summary: 'A care unit: address, phone, opening hours, open now, care and e-services', params: unitParamsSchema, response: { 200: unitDetailsSchema } } },
    async (request) => getUnit(contextOf(request), request.params.unitId),
  );
};
