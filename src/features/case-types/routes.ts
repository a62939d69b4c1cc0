import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { idempotencyHeadersSchema, idempotencyScope, sendIdempotent } from '../../platform/http/idempotency.ts';
import {
  caseTypeListSchema,
  caseTypeParamsSchema,
  caseTypeRequestSchema,
  caseTypeSchema,
  caseTypeUpdateSchema,
  eserviceCodeParamsSchema,
  extraQuestionsRequestSchema,
  extraQuestionsSchema,
  fhirQuestionnaireSchema,
} from './contract.ts';
import { caseTypeQuestionnaire, createCaseType, editCaseType, getExtraQuestions, listOwnCaseTypes, saveExtraQuestions } from './service.ts';

/** C2, for the administrator of the active unit: own case types, and the extra questions of Förnya recept. */
export const caseTypeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['unit administration'];
  app.get(
    '/api/unit-admin/case-types',
    { schema: { tags, summary: "The unit's own case types", response: { 200: caseTypeListSchema } } },
    async (request) => listOwnCaseTypes(contextOf(request), requireStaff(request)),
  );
  app.post(
    '/api/unit-admin/case-types',
    {
      schema: {
        tags,
        summary: 'Build an own case type (may share the name of a standard one). Send Idempotency-Key to make retries safe.',
        headers: idempotencyHeadersSchema,
        body: caseTypeRequestSchema,
        response: { 201: caseTypeSchema },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      const result = await createCaseType(contextOf(request), actor, request.body, idempotencyScope(request, actor));
      return sendIdempotent(reply, result);
    },
  );
  app.put(
    '/api/unit-admin/case-types/:id',
    {
      schema: { tags, summary: "Edit one of the unit's own case types", params: caseTypeParamsSchema, body: caseTypeUpdateSchema, response: { 200: caseTypeSchema } },
    },
    async (request) => editCaseType(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.get(
    '/api/unit-admin/case-types/:id/questionnaire',
    { schema: { tags, summary: "An own case type's questions as a FHIR R4 Questionnaire", params: caseTypeParamsSchema, response: { 200: fhirQuestionnaireSchema } } },
    async (request) => caseTypeQuestionnaire(contextOf(request), requireStaff(request), request.params.id),
  );
  app.get(
    '/api/unit-admin/eservices/:code/extra-questions',
    {
      schema: {
        tags,
        summary: "Förnya recept: the built-in control questions, then the unit's own, also as a FHIR Questionnaire",
        params: eserviceCodeParamsSchema,
        response: { 200: extraQuestionsSchema },
      },
    },
    async (request) => getExtraQuestions(contextOf(request), requireStaff(request), request.params.code),
  );
  app.put(
    '/api/unit-admin/eservices/:code/extra-questions',
    {
      schema: {
        tags,
        summary: 'Förnya recept: set the unit’s own questions (at most two); other standard case types are locked',
        params: eserviceCodeParamsSchema,
        body: extraQuestionsRequestSchema,
        response: { 200: extraQuestionsSchema },
      },
    },
    async (request) => saveExtraQuestions(contextOf(request), requireStaff(request), request.params.code, request.body.questions),
  );
};
