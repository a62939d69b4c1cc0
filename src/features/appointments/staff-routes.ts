import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { idempotencyHeadersSchema, idempotencyScope, sendIdempotent } from '../../platform/http/idempotency.ts';
import { calendar, freeSlotsFor, unitResources } from './staff-calendar.ts';
import {
  appointmentDetailSchema,
  appointmentIdParamsSchema,
  attendanceRequestSchema,
  calendarQuerySchema,
  calendarSchema,
  freeSlotsQuerySchema,
  freeSlotsSchema,
  patientAppointmentsSchema,
  patientIdParamsSchema,
  staffBookRequestSchema,
  staffCancelRequestSchema,
  staffMoveRequestSchema,
  unitResourcesSchema,
} from './staff-contract.ts';
import { bookForPatient, cancelAppointment, getAppointment, moveAppointment, patientAppointments, setAttendance } from './staff-service.ts';

/** Tidbok: the unit's calendar and bookings on patients' behalf, for clinicians and receptionists of the active unit. */
export const staffAppointmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['appointments: staff'];

  app.get(
    '/api/staff/appointments/resources',
    { schema: { tags, summary: "The unit's practitioners and rooms with schedules, and its active visit types", response: { 200: unitResourcesSchema } } },
    async (request) => unitResources(contextOf(request), requireStaff(request)),
  );
  app.get(
    '/api/staff/appointments/calendar',
    {
      schema: {
        tags,
        summary: 'A day or ISO week of the unit (or one resource): worked hours, bookings and free slots. Audited as one read of the unit.',
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema },
      },
    },
    async (request) => calendar(contextOf(request), requireStaff(request), request.query),
  );
  app.get(
    '/api/staff/appointments/free-slots',
    { schema: { tags, summary: 'Free times of one visit type (to move a booking to)', querystring: freeSlotsQuerySchema, response: { 200: freeSlotsSchema } } },
    async (request) => freeSlotsFor(contextOf(request), requireStaff(request), request.query),
  );
  app.post(
    '/api/staff/appointments',
    {
      schema: {
        tags,
        summary: "Book a free time on a patient's behalf (starts a care relation at the unit). Send Idempotency-Key.",
        headers: idempotencyHeadersSchema,
        body: staffBookRequestSchema,
        response: { 201: appointmentDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      return sendIdempotent(reply, await bookForPatient(contextOf(request), actor, request.body, idempotencyScope(request, actor)));
    },
  );
  app.get(
    '/api/staff/appointments/:id',
    { schema: { tags, summary: "One booking with the patient's appointments at the unit", params: appointmentIdParamsSchema, response: { 200: appointmentDetailSchema } } },
    async (request) => getAppointment(contextOf(request), requireStaff(request), request.params.id),
  );
  app.get(
    '/api/staff/appointments/patients/:patientId',
    { schema: { tags, summary: "A patient's earlier and upcoming appointments at the unit", params: patientIdParamsSchema, response: { 200: patientAppointmentsSchema } } },
    async (request) => patientAppointments(contextOf(request), requireStaff(request), request.params.patientId),
  );
  app.post(
    '/api/staff/appointments/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a booking to another free time in one step (no deadline for staff). Send Idempotency-Key.',
        headers: idempotencyHeadersSchema,
        params: appointmentIdParamsSchema,
        body: staffMoveRequestSchema,
        response: { 200: appointmentDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      return sendIdempotent(reply, await moveAppointment(contextOf(request), actor, request.params.id, request.body, idempotencyScope(request, actor)));
    },
  );
  app.post(
    '/api/staff/appointments/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a booking; the reason is kept in the audit log, not sent to the patient. Send Idempotency-Key.',
        headers: idempotencyHeadersSchema,
        params: appointmentIdParamsSchema,
        body: staffCancelRequestSchema,
        response: { 200: appointmentDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      return sendIdempotent(reply, await cancelAppointment(contextOf(request), actor, request.params.id, request.body, idempotencyScope(request, actor)));
    },
  );
  app.put(
    '/api/staff/appointments/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Mark arrived or no-show, or undo (booked); from the day of the visit',
        params: appointmentIdParamsSchema,
        body: attendanceRequestSchema,
        response: { 200: appointmentDetailSchema },
      },
    },
    async (request) => setAttendance(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
};
