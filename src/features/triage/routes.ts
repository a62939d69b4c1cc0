import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { describeFlows } from './model.ts';
import { triageContent } from './content.ts';
import { currentRoutingRules, routingSettings, saveRouting } from './region-routing.ts';
import { outcomeStatistics } from './statistics.ts';
import {
  answerBodySchema,
  complaintsQuerySchema,
  complaintsResponseSchema,
  createdSessionSchema,
  createSessionBodySchema,
  langSchema,
  sessionParamsSchema,
  stepResponseSchema,
  summarySchema,
} from './contract.ts';
import { answerQuestion, listComplaints, sessionSummary, startSession } from './service.ts';
import { z } from 'zod';

/**
 * Sök vård: public, no login (issue 9 §7). Anonymous sessions hold no identity, so these
 * POSTs need no CSRF token when there is no login session (`anonymousPublic`); inside a
 * login session the token is still required.
 */
export const triageRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['seek care (triage)'];
  const config = { anonymousPublic: true };
  app.get(
    '/api/triage/complaints',
    { schema: { tags, summary: 'The reasons for contact (sökorsaker), coded', querystring: complaintsQuerySchema, response: { 200: complaintsResponseSchema } } },
    async (request) => listComplaints(request.query.lang),
  );
  app.post(
    '/api/triage/sessions',
    { config, schema: { tags, summary: 'Start a triage session; answers the first step', body: createSessionBodySchema, response: { 201: createdSessionSchema } } },
    async (request, reply) => reply.code(201).send(await startSession(contextOf(request), request.body, request.log)),
  );
  app.post(
    '/api/triage/sessions/:sessionId/answers',
    {
      config,
      schema: { tags, summary: 'Answer the current question (or change an earlier one); answers the next step', params: sessionParamsSchema, body: answerBodySchema, response: { 200: stepResponseSchema } },
    },
    async (request) => answerQuestion(contextOf(request), request.params.sessionId, request.body, request.log),
  );
  app.get(
    '/api/triage/sessions/:sessionId/summary',
    { schema: { tags, summary: 'The triage summary to attach to a case (G5)', params: sessionParamsSchema, querystring: z.object({ lang: langSchema.default('sv') }), response: { 200: summarySchema } } },
    async (request) => sessionSummary(contextOf(request), request.params.sessionId, request.query.lang),
  );
  app.get(
    '/api/admin/triage/flows',
    { schema: { tags, summary: 'Every complaint\'s decision flow, readable, and the routing rules (administrators)', querystring: z.object({ lang: langSchema.default('sv') }) } },
    async (request) => {
      const actor = requireStaff(request);
      if (actor.administeredOrganisationIds.length === 0) throw errors.forbidden();
      return { complaints: describeFlows(triageContent(), request.query.lang), routing: await currentRoutingRules(contextOf(request)) };
    },
  );

  // The region's routing rules (G4) and the outcome statistics (§8): the region administrator only.
  const adminTags = ['seek care (triage): administration'];
  app.get(
    '/api/admin/triage/routing',
    { schema: { tags: adminTags, summary: 'The current routing rules, where they come from, and the region\'s standard' } },
    async (request) => routingSettings(contextOf(request), requireStaff(request)),
  );
  app.put(
    '/api/admin/triage/routing',
    {
      schema: {
        tags: adminTags,
        summary: 'Save a new version of the routing rules (validated per rule: 400 triage_routing_invalid with details.problems)',
        body: z.object({ rules: z.array(z.record(z.string(), z.unknown())).max(500) }),
      },
    },
    async (request) => saveRouting(contextOf(request), requireStaff(request), request.body),
  );
  app.delete(
    '/api/admin/triage/routing',
    { schema: { tags: adminTags, summary: 'Return to the region\'s standard rules (content/triage/routing.json); kept as a version' } },
    async (request) => saveRouting(contextOf(request), requireStaff(request), null),
  );
  app.get(
    '/api/admin/triage/statistics',
    { schema: { tags: adminTags, summary: 'Finished assessments of the last 12 weeks per urgency, per week and per complaint', querystring: z.object({ lang: langSchema.default('sv') }) } },
    async (request) => outcomeStatistics(contextOf(request), requireStaff(request), request.query.lang),
  );
};
