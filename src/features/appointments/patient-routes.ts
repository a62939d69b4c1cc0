import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCitizen } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { pickLanguage } from '../../platform/errors.ts';
import { idempotencyHeadersSchema, idempotencyScope, sendIdempotent } from '../../platform/http/idempotency.ts';
import {
  appointmentListSchema,
  bookingUnitsSchema,
  bookRequestSchema,
  idParamsSchema,
  patientAppointmentSchema,
  rebookRequestSchema,
  slotListSchema,
  slotQuerySchema,
  unitParamsSchema,
  unitVisitTypesSchema,
  visitTypeParamsSchema,
} from './patient-contract.ts';
import { bookingUnits, unitVisitTypes, visitTypeSlots } from './patient-offer.ts';
import { bookAppointment, cancelMyAppointment, getMyAppointment, listMyAppointments, myAppointmentCalendar, rebookMyAppointment, rebookSlots } from './patient-service.ts';

/** The patient's appointments (D1–D5, D6's calendar file). Citizens only; for the person they act for. */
export const patientAppointmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['appointments: patient'];
  const idempotentNote = 'Send Idempotency-Key so a retry or double click changes once.';

  app.get('/api/patient/appointments', { schema: { tags, summary: 'My appointments: upcoming soonest first, then past ones', response: { 200: appointmentListSchema } } }, async (request) =>
    listMyAppointments(contextOf(request), requireCitizen(request)),
  );
  app.get(
    '/api/patient/appointments/:id',
    { schema: { tags, summary: 'One of my appointments', params: idParamsSchema, response: { 200: patientAppointmentSchema } } },
    async (request) => getMyAppointment(contextOf(request), requireCitizen(request), request.params.id),
  );
  app.post(
    '/api/patient/appointments',
    {
      schema: {
        tags,
        summary: `Book a free time of a visit type. ${idempotentNote} 409 slot_taken when someone was quicker.`,
        headers: idempotencyHeadersSchema,
        body: bookRequestSchema,
        response: { 201: patientAppointmentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      return sendIdempotent(reply, await bookAppointment(contextOf(request), actor, request.body, idempotencyScope(request, actor)));
    },
  );
  app.post(
    '/api/patient/appointments/:id/cancel',
    {
      schema: {
        tags,
        summary: `Cancel before the deadline (409 cancellation_deadline_passed after it). ${idempotentNote}`,
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        response: { 200: patientAppointmentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      return sendIdempotent(reply, await cancelMyAppointment(contextOf(request), actor, request.params.id, idempotencyScope(request, actor)));
    },
  );
  app.get(
    '/api/patient/appointments/:id/slots',
    { schema: { tags, summary: 'Free times the appointment can be moved to (same visit type)', params: idParamsSchema, querystring: slotQuerySchema, response: { 200: slotListSchema } } },
    async (request) => rebookSlots(contextOf(request), requireCitizen(request), request.params.id, request.query),
  );
  app.post(
    '/api/patient/appointments/:id/rebook',
    {
      schema: {
        tags,
        summary: `Move the appointment to another free time in one step; the old time stays if the new one is taken. ${idempotentNote}`,
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: rebookRequestSchema,
        response: { 201: patientAppointmentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      return sendIdempotent(reply, await rebookMyAppointment(contextOf(request), actor, request.params.id, request.body, idempotencyScope(request, actor)));
    },
  );
  app.get(
    '/api/patient/appointments/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'The appointment as an iCalendar file (RFC 5545) to add to one’s calendar',
        params: idParamsSchema,
        querystring: z.object({ lang: z.enum(['sv', 'en']).optional() }),
        response: { 200: z.string().describe('text/calendar') },
      },
    },
    async (request, reply) => {
      const language = request.query.lang ?? pickLanguage(request.headers['accept-language']);
      const file = await myAppointmentCalendar(contextOf(request), requireCitizen(request), request.params.id, {
        publicUrl: request.server.deps.config.notifications.publicUrl,
        language,
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  // ---- what can be booked ----
  app.get('/api/patient/booking-units', { schema: { tags, summary: 'Units I have care relations with, listed first, and whether they have web booking', response: { 200: bookingUnitsSchema } } }, async (request) =>
    bookingUnits(contextOf(request), requireCitizen(request)),
  );
  app.get(
    '/api/patient/booking-units/:unitId',
    { schema: { tags, summary: "A unit's published visit types, with why one is not bookable online for me, and Beställ tid beside them (D5)", params: unitParamsSchema, response: { 200: unitVisitTypesSchema } } },
    async (request) => unitVisitTypes(contextOf(request), requireCitizen(request), request.params.unitId),
  );
  app.get(
    '/api/patient/visit-types/:visitTypeId/slots',
    {
      schema: {
        tags,
        summary: 'Free times of a visit type within the booking horizon: the soonest (first=N) or those of a date range (from, days)',
        params: visitTypeParamsSchema,
        querystring: slotQuerySchema,
        response: { 200: slotListSchema },
      },
    },
    async (request) => visitTypeSlots(contextOf(request), requireCitizen(request), request.params.visitTypeId, request.query),
  );
};
