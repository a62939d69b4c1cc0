import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireCitizen, requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import {
  acknowledgeRequestSchema,
  alertSchema,
  countsSchema,
  dashboardQuerySchema,
  dashboardSchema,
  endRequestSchema,
  enrolmentSchema,
  enrolRequestSchema,
  idParamsSchema,
  limitsRequestSchema,
  myEnrolmentsSchema,
  programmeListSchema,
  readingRequestSchema,
  readingResultSchema,
} from './contract.ts';
import { registerMonitoringCheck } from './schedule.ts';
import {
  acknowledgeAlert,
  changeLimits,
  countUnitAlerts,
  endEnrolment,
  enrolPatient,
  getMyEnrolment,
  getUnitEnrolment,
  listMyEnrolments,
  listProgrammes,
  recordReading,
  unitDashboard,
} from './service.ts';

/** Self-monitoring (F1–F3): programmes, the care team's dashboard and enrolments, the patient's readings. */
export const selfMonitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = ['self-monitoring: staff'];
  const patient = ['self-monitoring: patient'];
  registerMonitoringCheck();

  app.get('/api/monitoring/programmes', { schema: { tags: [...staff, ...patient], summary: 'The self-monitoring programmes (data from content/self-monitoring)', response: { 200: programmeListSchema } } }, async (request) => {
    requireActor(request);
    return listProgrammes();
  });

  // ---- staff ----
  app.get('/api/staff/monitoring/dashboard', { schema: { tags: staff, summary: "The unit's enrolled patients by alert severity and recency", querystring: dashboardQuerySchema, response: { 200: dashboardSchema } } }, async (request) =>
    unitDashboard(contextOf(request), requireStaff(request), request.query),
  );
  app.get('/api/staff/monitoring/counts', { schema: { tags: staff, summary: "The unit's open self-monitoring alerts counted (work queue, start page)", response: { 200: countsSchema } } }, async (request) =>
    countUnitAlerts(contextOf(request), requireStaff(request)),
  );
  app.post('/api/staff/monitoring/enrolments', { schema: { tags: staff, summary: 'Enrol a patient of the unit in a programme', body: enrolRequestSchema, response: { 201: enrolmentSchema } } }, async (request, reply) =>
    reply.status(201).send(await enrolPatient(contextOf(request), requireStaff(request), request.body)),
  );
  app.get('/api/staff/monitoring/enrolments/:id', { schema: { tags: staff, summary: 'One enrolment: readings, alerts, limits', params: idParamsSchema, response: { 200: enrolmentSchema } } }, async (request) =>
    getUnitEnrolment(contextOf(request), requireStaff(request), request.params.id),
  );
  app.put('/api/staff/monitoring/enrolments/:id/limits', { schema: { tags: staff, summary: 'Change the individual limits and schedule', params: idParamsSchema, body: limitsRequestSchema, response: { 200: enrolmentSchema } } }, async (request) =>
    changeLimits(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post('/api/staff/monitoring/enrolments/:id/end', { schema: { tags: staff, summary: 'End the enrolment', params: idParamsSchema, body: endRequestSchema, response: { 200: enrolmentSchema } } }, async (request) =>
    endEnrolment(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post('/api/staff/monitoring/alerts/:id/acknowledge', { schema: { tags: staff, summary: 'Acknowledge an alert with a note', params: idParamsSchema, body: acknowledgeRequestSchema, response: { 200: alertSchema } } }, async (request) =>
    acknowledgeAlert(contextOf(request), requireStaff(request), request.params.id, request.body),
  );

  // ---- the patient ----
  app.get('/api/patient/monitoring', { schema: { tags: patient, summary: "The patient's programmes and what is due today", response: { 200: myEnrolmentsSchema } } }, async (request) =>
    listMyEnrolments(contextOf(request), requireCitizen(request)),
  );
  app.get('/api/patient/monitoring/:id', { schema: { tags: patient, summary: 'One programme: readings, alerts with advice', params: idParamsSchema, response: { 200: enrolmentSchema } } }, async (request) =>
    getMyEnrolment(contextOf(request), requireCitizen(request), request.params.id),
  );
  app.post('/api/patient/monitoring/:id/readings', { schema: { tags: patient, summary: 'Record a reading (entered by hand or from a Bluetooth device)', params: idParamsSchema, body: readingRequestSchema, response: { 201: readingResultSchema } } }, async (request, reply) =>
    reply.status(201).send(await recordReading(contextOf(request), requireCitizen(request), request.params.id, request.body)),
  );
};
