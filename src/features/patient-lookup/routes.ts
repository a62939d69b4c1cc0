import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { patientLookupRequestSchema, patientSummarySchema } from './contract.ts';
import { lookupPatient } from './service.ts';

export const patientLookupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/staff/patients/lookup',
    {
      schema: {
        tags: ['staff'],
        summary: 'Find a patient by identity number at the active unit (care relation or emergency access; audited)',
        body: patientLookupRequestSchema,
        response: { 200: patientSummarySchema },
      },
    },
    async (request) => lookupPatient(contextOf(request), requireStaff(request), request.body),
  );
};
