import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCitizen, requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import {
  dropinEntrySchema,
  dropinParamsSchema,
  dropinSettingsRequestSchema,
  joinDropinRequestSchema,
  patientDropinSchema,
  staffDropinSchema,
  takenDropinSchema,
  unitParamsSchema,
} from './dropin-contract.ts';
import { getPatientDropin, joinDropin, leaveDropin } from './dropin-service.ts';
import { getStaffDropin, setDropinSettings, takeNextDropin } from './dropin-staff.ts';

/** E6, drop-in via video: the unit's switch and queue for its clinicians; the queue for patients. */
export const dropinRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = ['meetings: drop-in (staff)'];
  const patient = ['meetings: drop-in (patient)'];

  app.get('/api/staff/dropin', { schema: { tags: staff, summary: "The unit's video drop-in: its switch, hours and queue", response: { 200: staffDropinSchema } } }, async (request) =>
    getStaffDropin(contextOf(request), requireStaff(request)),
  );
  app.put(
    '/api/staff/dropin/settings',
    { schema: { tags: staff, summary: "Switch the unit's video drop-in on or off, with optional daily hours", body: dropinSettingsRequestSchema, response: { 200: staffDropinSchema } } },
    async (request) => setDropinSettings(contextOf(request), requireStaff(request), request.body),
  );
  app.post(
    '/api/staff/dropin/take-next',
    { schema: { tags: staff, summary: 'Take the patient who has waited longest: a meeting with them in its waiting room', response: { 200: takenDropinSchema } } },
    async (request) => takeNextDropin(contextOf(request), requireStaff(request)),
  );

  app.get('/api/patient/dropin', { schema: { tags: patient, summary: 'Units whose video drop-in I may join, and my places in their queues', response: { 200: patientDropinSchema } } }, async (request) =>
    getPatientDropin(contextOf(request), requireCitizen(request)),
  );
  app.post(
    '/api/patient/dropin/units/:unitId/queue',
    { schema: { tags: patient, summary: "Join a unit's video drop-in queue with a short reason", params: unitParamsSchema, body: joinDropinRequestSchema, response: { 200: dropinEntrySchema } } },
    async (request) => joinDropin(contextOf(request), requireCitizen(request), request.params.unitId, request.body),
  );
  app.post(
    '/api/patient/dropin/:id/leave',
    { schema: { tags: patient, summary: 'Give up my place in the queue', params: dropinParamsSchema, response: { 200: dropinEntrySchema } } },
    async (request) => leaveDropin(contextOf(request), requireCitizen(request), request.params.id),
  );
};
