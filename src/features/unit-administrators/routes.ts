import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { administratorRequestSchema, administratorResponseSchema, staffParamsSchema, unitStaffListSchema } from './contract.ts';
import { listStaffOfUnit, setAdministrator } from './service.ts';

/** B6: the unit's administrators, appointed by the unit manager, at the caller's active unit. */
export const unitAdministratorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['unit administration'];
  app.get(
    '/api/unit-admin/staff',
    {
      schema: {
        tags,
        summary: "Unit manager or unit administrator: the active unit's staff, their roles and who administers the unit",
        response: { 200: unitStaffListSchema },
      },
    },
    async (request) => listStaffOfUnit(contextOf(request), requireStaff(request)),
  );
  app.put(
    '/api/unit-admin/staff/:staffId/administrator',
    {
      schema: {
        tags,
        summary: 'Unit manager: appoint or remove an administrator of the active unit (a unit keeps at least one once it has one)',
        params: staffParamsSchema,
        body: administratorRequestSchema,
        response: { 200: administratorResponseSchema },
      },
    },
    async (request) => setAdministrator(contextOf(request), requireStaff(request), request.params.staffId, request.body.administrator),
  );
};
