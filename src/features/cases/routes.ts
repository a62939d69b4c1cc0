import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCitizen, requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { idempotencyHeadersSchema, idempotencyScope, sendIdempotent } from '../../platform/http/idempotency.ts';
import { acceptFileUploads, sendFile, uploadBodySchema, uploadOf, uploadRouteOptions } from './attachments/routes.ts';
import { downloadAsPatient, downloadAsStaff, uploadAsPatient, uploadAsStaff } from './attachments/service.ts';
import {
  assignRequestSchema,
  attachmentParamsSchema,
  attachmentSchema,
  certificatesSchema,
  closeRequestSchema,
  colleaguesSchema,
  createdCaseSchema,
  forwardRequestSchema,
  idParamsSchema,
  inboxCountsSchema,
  inboxPageSchema,
  inboxQuerySchema,
  myUnitsSchema,
  newCaseRequestSchema,
  patientCaseListSchema,
  patientCaseSchema,
  recordContactRequestSchema,
  recordSummarySchema,
  replyRequestSchema,
  sendableCaseTypesSchema,
  staffCaseSchema,
  staffMessageRequestSchema,
  staffNewCaseRequestSchema,
  templateListSchema,
  templateRequestSchema,
  templateSchema,
  unitParamsSchema,
} from './contract.ts';
import { caseTypesForPatient, getMyCase, listMyCases, myUnits, replyToCase, sendCase } from './patient-service.ts';
import {
  acknowledgeCase,
  answerCase,
  assignCase,
  caseRecordSummary,
  closeCase,
  countInbox,
  forwardCase,
  getUnitCase,
  listColleagues,
  listInbox,
  recordContact,
  startCaseToPatient,
} from './staff-service.ts';
import { createTemplate, editTemplate, getCertificates, setCertificates, templatesForAdministration, templatesForAnswering } from './unit-settings-service.ts';

/** Cases (C1–C7): the patient's routes, the unit inbox, and the unit administrator's settings. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptFileUploads(app);
  const patient = ['cases: patient'];
  const staff = ['cases: staff'];
  const admin = ['unit administration'];
  const file = z.any().describe('The file');

  // ---- patient ----
  app.get('/api/patient/case-units', { schema: { tags: patient, summary: 'Units the patient is likely to write to', response: { 200: myUnitsSchema } } }, async (request) =>
    myUnits(contextOf(request), requireCitizen(request)),
  );
  app.get(
    '/api/patient/units/:unitId/case-types',
    { schema: { tags: patient, summary: 'The case types a unit offers this patient, with questions and current terms', params: unitParamsSchema, response: { 200: sendableCaseTypesSchema } } },
    async (request) => caseTypesForPatient(contextOf(request), requireCitizen(request), request.params.unitId),
  );
  app.post(
    '/api/patient/cases',
    {
      schema: {
        tags: patient,
        summary: 'Send a case. Send Idempotency-Key so a retry or double click makes one case.',
        headers: idempotencyHeadersSchema,
        body: newCaseRequestSchema,
        response: { 201: createdCaseSchema },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      return sendIdempotent(reply, await sendCase(contextOf(request), actor, request.body, idempotencyScope(request, actor)));
    },
  );
  app.get('/api/patient/cases', { schema: { tags: patient, summary: "The patient's cases, open and closed", response: { 200: patientCaseListSchema } } }, async (request) =>
    listMyCases(contextOf(request), requireCitizen(request)),
  );
  app.get('/api/patient/cases/:id', { schema: { tags: patient, summary: 'One case with its whole thread', params: idParamsSchema, response: { 200: patientCaseSchema } } }, async (request) =>
    getMyCase(contextOf(request), requireCitizen(request), request.params.id),
  );
  app.post(
    '/api/patient/cases/:id/replies',
    {
      schema: {
        tags: patient,
        summary: 'Answer a counter-question, or reply once to a case staff started',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: replyRequestSchema,
        response: { 201: patientCaseSchema },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      return sendIdempotent(reply, await replyToCase(contextOf(request), actor, request.params.id, request.body, idempotencyScope(request, actor)));
    },
  );
  app.post(
    '/api/patient/attachments',
    { ...uploadRouteOptions, schema: { tags: patient, summary: 'Upload a photo or PDF to attach to a case being written', body: uploadBodySchema, response: { 201: attachmentSchema } } },
    async (request, reply) => reply.status(201).send(await uploadAsPatient(contextOf(request), requireCitizen(request), uploadOf(request))),
  );
  app.get(
    '/api/patient/cases/:id/attachments/:attachmentId',
    { schema: { tags: patient, summary: 'A file in one of the patient’s cases', params: attachmentParamsSchema, response: { 200: file } } },
    async (request, reply) => sendFile(reply, await downloadAsPatient(contextOf(request), requireCitizen(request), request.params.id, request.params.attachmentId)),
  );

  // ---- staff ----
  app.get('/api/staff/cases', { schema: { tags: staff, summary: "The unit's inbox", querystring: inboxQuerySchema, response: { 200: inboxPageSchema } } }, async (request) =>
    listInbox(contextOf(request), requireStaff(request), request.query),
  );
  app.get('/api/staff/cases/counts', { schema: { tags: staff, summary: "The unit's open cases counted (start page)", response: { 200: inboxCountsSchema } } }, async (request) =>
    countInbox(contextOf(request), requireStaff(request)),
  );
  app.get('/api/staff/cases/colleagues', { schema: { tags: staff, summary: 'Who at the unit can be given a case', response: { 200: colleaguesSchema } } }, async (request) =>
    listColleagues(contextOf(request), requireStaff(request)),
  );
  app.post(
    '/api/staff/cases',
    {
      schema: {
        tags: staff,
        summary: 'Send a new case to a patient (the patient may answer once). Send Idempotency-Key.',
        headers: idempotencyHeadersSchema,
        body: staffNewCaseRequestSchema,
        response: { 201: createdCaseSchema },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      return sendIdempotent(reply, await startCaseToPatient(contextOf(request), actor, request.body, idempotencyScope(request, actor)));
    },
  );
  app.get('/api/staff/cases/:id', { schema: { tags: staff, summary: 'One case of the unit', params: idParamsSchema, response: { 200: staffCaseSchema } } }, async (request) =>
    getUnitCase(contextOf(request), requireStaff(request), request.params.id),
  );
  app.post(
    '/api/staff/cases/:id/assign',
    { schema: { tags: staff, summary: 'Give the case to oneself or a colleague', params: idParamsSchema, body: assignRequestSchema, response: { 200: staffCaseSchema } } },
    async (request) => assignCase(contextOf(request), requireStaff(request), request.params.id, request.body.staffId),
  );
  app.post(
    '/api/staff/cases/:id/messages',
    { schema: { tags: staff, summary: 'Counter-question, partial answer or final answer', params: idParamsSchema, body: staffMessageRequestSchema, response: { 200: staffCaseSchema } } },
    async (request) => answerCase(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post(
    '/api/staff/cases/:id/acknowledge',
    { schema: { tags: staff, summary: 'Acknowledge a message (Skicka meddelande)', params: idParamsSchema, response: { 200: staffCaseSchema } } },
    async (request) => acknowledgeCase(contextOf(request), requireStaff(request), request.params.id),
  );
  app.post(
    '/api/staff/cases/:id/contact',
    { schema: { tags: staff, summary: 'Kontakta mig: record how the patient was contacted', params: idParamsSchema, body: recordContactRequestSchema, response: { 200: staffCaseSchema } } },
    async (request) => recordContact(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post(
    '/api/staff/cases/:id/forward',
    {
      schema: {
        tags: staff,
        summary: 'Forward the case to another unit',
        params: idParamsSchema,
        body: forwardRequestSchema,
        response: { 200: z.object({ forwardedTo: z.object({ id: z.uuid(), name: z.string() }) }) },
      },
    },
    async (request) => forwardCase(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post(
    '/api/staff/cases/:id/close',
    { schema: { tags: staff, summary: 'Close the case with an outcome', params: idParamsSchema, body: closeRequestSchema, response: { 200: staffCaseSchema } } },
    async (request) => closeCase(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.get(
    '/api/staff/cases/:id/record-summary',
    { schema: { tags: staff, summary: 'The case as structured text for the medical record', params: idParamsSchema, response: { 200: recordSummarySchema } } },
    async (request) => caseRecordSummary(contextOf(request), requireStaff(request), request.params.id),
  );
  app.post(
    '/api/staff/cases/:id/attachments',
    { ...uploadRouteOptions, schema: { tags: staff, summary: 'Upload a file to attach to a message in the case', params: idParamsSchema, body: uploadBodySchema, response: { 201: attachmentSchema } } },
    async (request, reply) => reply.status(201).send(await uploadAsStaff(contextOf(request), requireStaff(request), request.params.id, uploadOf(request))),
  );
  app.get(
    '/api/staff/cases/:id/attachments/:attachmentId',
    { schema: { tags: staff, summary: 'A file in a case of the unit', params: attachmentParamsSchema, response: { 200: file } } },
    async (request, reply) => sendFile(reply, await downloadAsStaff(contextOf(request), requireStaff(request), request.params.id, request.params.attachmentId)),
  );
  app.get('/api/staff/case-templates', { schema: { tags: staff, summary: "The unit's active answer templates", response: { 200: templateListSchema } } }, async (request) =>
    templatesForAnswering(contextOf(request), requireStaff(request)),
  );

  // ---- unit administrator ----
  app.get('/api/unit-admin/case-templates', { schema: { tags: admin, summary: "The unit's answer templates", response: { 200: templateListSchema } } }, async (request) =>
    templatesForAdministration(contextOf(request), requireStaff(request)),
  );
  app.post('/api/unit-admin/case-templates', { schema: { tags: admin, summary: 'Add an answer template', body: templateRequestSchema, response: { 201: templateSchema } } }, async (request, reply) =>
    reply.status(201).send(await createTemplate(contextOf(request), requireStaff(request), request.body)),
  );
  app.put(
    '/api/unit-admin/case-templates/:id',
    { schema: { tags: admin, summary: 'Edit or deactivate an answer template', params: idParamsSchema, body: templateRequestSchema, response: { 200: templateSchema } } },
    async (request) => editTemplate(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.get('/api/unit-admin/certificates', { schema: { tags: admin, summary: 'The certificates the unit issues (Begär intyg)', response: { 200: certificatesSchema } } }, async (request) =>
    getCertificates(contextOf(request), requireStaff(request)),
  );
  app.put(
    '/api/unit-admin/certificates',
    { schema: { tags: admin, summary: 'Set the certificates the unit issues', body: certificatesSchema, response: { 200: certificatesSchema } } },
    async (request) => setCertificates(contextOf(request), requireStaff(request), request.body),
  );
};
