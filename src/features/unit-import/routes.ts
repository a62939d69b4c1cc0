import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { AppError, pickLanguage } from '../../platform/errors.ts';
import { importQuerySchema, importReportSchema } from './contract.ts';
import { MAX_IMPORT_BYTES } from './model.ts';
import { decodeCsv, importUnits } from './service.ts';

/**
 * Region administrators import the units of their HSA catalogue as CSV. The text/csv
 * parser is registered in this plugin only, so no other route accepts CSV.
 */
export const unitImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => {
    try {
      done(null, decodeCsv(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.post(
    '/api/admin/unit-import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      // Refuse anyone not logged in as staff before reading up to 5 MB of body.
      onRequest: async (request) => {
        requireStaff(request);
      },
      // The body schema is a string, which a JSON string would also pass: only CSV is taken.
      preValidation: async (request) => {
        if (!/^text\/csv\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
          throw new AppError('unsupported_media_type', 415, { sv: 'Skicka filen som text/csv.', en: 'Send the file as text/csv.' });
        }
      },
      schema: {
        tags: ['admin'],
        summary:
          'Region administrator: import care units from the HSA catalogue export (CSV, semicolon-separated, UTF-8). dryRun=true (default) only reports; dryRun=false applies all lines in one transaction, or none (422 import_has_errors) if any line is invalid',
        consumes: ['text/csv'],
        querystring: importQuerySchema,
        body: z.string().describe('hsaId;name;kind;organisationNumber;streetAddress;postalCode;city;phone;latitude;longitude;careOffered'),
        response: { 200: importReportSchema },
      },
    },
    async (request) =>
      importUnits(contextOf(request), requireStaff(request), request.body, {
        dryRun: request.query.dryRun,
        language: pickLanguage(request.headers['accept-language']),
      }),
  );
};
