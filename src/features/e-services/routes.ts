import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { okSchema } from '../../platform/auth/contract.ts';
import { contextOf } from '../../platform/context.ts';
import {
  activationRequestSchema,
  basicOfferingSchema,
  catalogueResponseSchema,
  catalogueUpdateSchema,
  eserviceCodeParamsSchema,
  termsRequestSchema,
  unitEservicesResponseSchema,
} from './contract.ts';
import { basicOfferingOverview, regionCatalogue, updateCatalogueEntry } from './region.ts';
import { listForUnitAdministrator, saveTerms, setActivation } from './service.ts';

export const eserviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const unitTags = ['unit administration'];
  const regionTags = ['admin'];

  app.get(
    '/api/unit-admin/eservices',
    { schema: { tags: unitTags, summary: "The active unit's e-services: status, terms, patient group", response: { 200: unitEservicesResponseSchema } } },
    async (request) => listForUnitAdministrator(contextOf(request), requireStaff(request)),
  );
  app.put(
    '/api/unit-admin/eservices/:code/activation',
    {
      schema: {
        tags: unitTags,
        summary: 'Turn an e-service on (stating the unit offers the same by phone or desk), off, or mark it not applicable with a reason',
        params: eserviceCodeParamsSchema,
        body: activationRequestSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await setActivation(contextOf(request), requireStaff(request), request.params.code, request.body);
      return { ok: true as const };
    },
  );
  app.put(
    '/api/unit-admin/eservices/:code/terms',
    {
      schema: {
        tags: unitTags,
        summary: "Save the unit's terms text; refused unless it promises an answer within two working days and ends with the proxy point",
        params: eserviceCodeParamsSchema,
        body: termsRequestSchema,
        response: { 200: z.object({ versionId: z.uuid(), version: z.number().int() }) },
      },
    },
    async (request) => saveTerms(contextOf(request), requireStaff(request), request.params.code, request.body),
  );

  app.get(
    '/api/admin/basic-offering',
    { schema: { tags: regionTags, summary: 'Units × basic services: active, missing or not applicable', response: { 200: basicOfferingSchema } } },
    async (request) => basicOfferingOverview(contextOf(request), requireStaff(request)),
  );
  app.get(
    '/api/admin/eservices',
    { schema: { tags: regionTags, summary: 'The regional catalogue of standard e-services', response: { 200: catalogueResponseSchema } } },
    async (request) => ({ eservices: await regionCatalogue(contextOf(request), requireStaff(request)) }),
  );
  app.put(
    '/api/admin/eservices/:code',
    {
      schema: {
        tags: regionTags,
        summary: 'Edit a catalogue entry: description, terms template, unit kinds',
        params: eserviceCodeParamsSchema,
        body: catalogueUpdateSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await updateCatalogueEntry(contextOf(request), requireStaff(request), request.params.code, request.body);
      return { ok: true as const };
    },
  );
};
