import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { okSchema } from '../../platform/auth/contract.ts';
import {
  adminOverviewSchema,
  auditVerificationSchema,
  optionPackagesRequestSchema,
  organisationParamsSchema,
} from './contract.ts';
import { changeOptionPackages, getAdminOverview, verifyAudit } from './service.ts';

export const adminOverviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admin'];
  app.get(
    '/api/admin/overview',
    { schema: { tags, summary: 'Organisations, their option packages and units', response: { 200: adminOverviewSchema } } },
    async (request) => getAdminOverview(contextOf(request), requireStaff(request)),
  );
  app.put(
    '/api/admin/organisations/:organisationId/option-packages',
    {
      schema: {
        tags,
        summary: "Region administrator: set a municipality's or provider's option packages (seed 001)",
        params: organisationParamsSchema,
        body: optionPackagesRequestSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await changeOptionPackages(contextOf(request), requireStaff(request), request.params.organisationId, request.body.optionPackages);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/admin/audit/verification',
    { schema: { tags, summary: 'Region administrator: recompute the audit log hash chain', response: { 200: auditVerificationSchema } } },
    async (request) => verifyAudit(contextOf(request), requireStaff(request)),
  );
};
