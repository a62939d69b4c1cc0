import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { idempotencyHeadersSchema, idempotencyScope, sendIdempotent } from '../../platform/http/idempotency.ts';
import {
  adminScheduleSchema,
  adminVisitTypeSchema,
  bookingsOutsideSchema,
  idParamsSchema,
  scheduleCreateSchema,
  scheduleFieldsSchema,
  scheduleListSchema,
  scheduleSavedSchema,
  scheduleUpdateSchema,
  settingsRequestSchema,
  settingsSchema,
  visitTypeListSchema,
  visitTypeRequestSchema,
} from './admin-contract.ts';
import { createSchedule, listSchedules, previewSchedule, updateSchedule } from './admin-schedule-service.ts';
import { createVisitType, editVisitType, getAppointmentSettings, listAdminVisitTypes, setAppointmentSettings, setVisitTypeActive } from './admin-service.ts';

const activeChangedSchema = z.object({ visitType: adminVisitTypeSchema, bookingsAhead: z.number().int() });

/** Issue 5, for the administrator of the active unit: visit types, schedules and booking settings. */
export const adminAppointmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['unit administration'];
  const base = '/api/unit-admin/appointments';

  app.get(`${base}/visit-types`, { schema: { tags, summary: "The unit's visit types, in use first, then retired", response: { 200: visitTypeListSchema } } }, async (request) =>
    listAdminVisitTypes(contextOf(request), requireStaff(request)),
  );
  app.post(
    `${base}/visit-types`,
    {
      schema: { tags, summary: 'Add a visit type. Send Idempotency-Key to make retries safe.', headers: idempotencyHeadersSchema, body: visitTypeRequestSchema, response: { 201: adminVisitTypeSchema } },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      return sendIdempotent(reply, await createVisitType(contextOf(request), actor, request.body, idempotencyScope(request, actor)));
    },
  );
  app.put(
    `${base}/visit-types/:id`,
    { schema: { tags, summary: 'Edit a visit type in use (booked visits keep their time, length and channel)', params: idParamsSchema, body: visitTypeRequestSchema, response: { 200: adminVisitTypeSchema } } },
    async (request) => editVisitType(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post(
    `${base}/visit-types/:id/retire`,
    { schema: { tags, summary: 'Retire a visit type: no longer bookable, taken off the schedules; its bookings stay', params: idParamsSchema, response: { 200: activeChangedSchema } } },
    async (request) => setVisitTypeActive(contextOf(request), requireStaff(request), request.params.id, false),
  );
  app.post(
    `${base}/visit-types/:id/reactivate`,
    { schema: { tags, summary: 'Bring a retired visit type back (then add it to schedules again)', params: idParamsSchema, response: { 200: activeChangedSchema } } },
    async (request) => setVisitTypeActive(contextOf(request), requireStaff(request), request.params.id, true),
  );

  app.get(`${base}/schedules`, { schema: { tags, summary: "The unit's schedules, and its staff without one", response: { 200: scheduleListSchema } } }, async (request) =>
    listSchedules(contextOf(request), requireStaff(request)),
  );
  app.post(
    `${base}/schedules`,
    {
      schema: {
        tags,
        summary: 'Add the schedule of a practitioner of the unit or of a room. Send Idempotency-Key to make retries safe.',
        headers: idempotencyHeadersSchema,
        body: scheduleCreateSchema,
        response: { 201: adminScheduleSchema },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      return sendIdempotent(reply, await createSchedule(contextOf(request), actor, request.body, idempotencyScope(request, actor)));
    },
  );
  app.put(
    `${base}/schedules/:id`,
    {
      schema: {
        tags,
        summary: 'Replace a schedule’s template, visit types and in-use flag; bookings are not moved, the answer counts those it no longer covers',
        params: idParamsSchema,
        body: scheduleUpdateSchema,
        response: { 200: scheduleSavedSchema },
      },
    },
    async (request) => updateSchedule(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post(
    `${base}/schedules/:id/preview`,
    { schema: { tags, summary: 'The bookings ahead a changed schedule would no longer cover, without saving', params: idParamsSchema, body: scheduleFieldsSchema, response: { 200: bookingsOutsideSchema } } },
    async (request) => previewSchedule(contextOf(request), requireStaff(request), request.params.id, request.body),
  );

  app.get(`${base}/settings`, { schema: { tags, summary: 'Reminder time and booking horizon of the unit', response: { 200: settingsSchema } } }, async (request) =>
    getAppointmentSettings(contextOf(request), requireStaff(request)),
  );
  app.put(`${base}/settings`, { schema: { tags, summary: 'Set the reminder time and booking horizon', body: settingsRequestSchema, response: { 200: settingsSchema } } }, async (request) =>
    setAppointmentSettings(contextOf(request), requireStaff(request), request.body),
  );
};
