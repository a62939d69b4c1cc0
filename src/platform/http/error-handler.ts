import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, pickLanguage, type LocalisedMessage } from '../errors.ts';

/**
 * One error format: { error: { code, message, details? } }, message in the
 * client's language. Input problems are always 4xx; a 5xx says nothing about
 * internals and is logged with the request id so it can be found.
 */
const frameworkErrors: Record<string, { code: string; status?: number; messages: LocalisedMessage }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', messages: { sv: 'Begäran innehåller ogiltig JSON.', en: 'The request body is not valid JSON.' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', messages: { sv: 'Begäran saknar innehåll.', en: 'The request body is empty.' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', messages: { sv: 'Begäran är för stor.', en: 'The request is too large.' } },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    messages: { sv: 'Innehållstypen stöds inte; skicka application/json.', en: 'Unsupported content type; send application/json.' },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', messages: { sv: 'Felaktig begäran.', en: 'Bad request.' } },
};

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const language = pickLanguage(request.headers['accept-language']);
  const body: { code: string; message: string; details?: unknown } = { code: error.code, message: error.messages[language] };
  if (error.details !== undefined) body.details = error.details;
  return reply.status(error.status).send({ error: body });
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((rawError, request, reply) => {
    const error = rawError as FastifyError;
    if (error instanceof AppError) return sendError(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        where: error.validationContext,
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        problem: (issue.params.issue as { code?: string } | undefined)?.code ?? 'invalid',
      }));
      return sendError(
        request,
        reply,
        new AppError('validation_failed', 400, { sv: 'Uppgifterna är inte giltiga. Kontrollera fälten och försök igen.', en: 'The data is not valid. Check the fields and try again.' }, details),
      );
    }
    const known = error.code ? frameworkErrors[error.code] : undefined;
    if (known) return sendError(request, reply, new AppError(known.code, error.statusCode ?? 400, known.messages));
    if (error.statusCode === 429) {
      return sendError(request, reply, new AppError('rate_limited', 429, { sv: 'För många förfrågningar. Vänta en stund och försök igen.', en: 'Too many requests. Wait a moment and try again.' }));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(request, reply, new AppError('bad_request', error.statusCode, { sv: 'Felaktig begäran.', en: 'Bad request.' }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(
      request,
      reply,
      new AppError('internal_error', 500, {
        sv: `Något gick fel hos oss. Försök igen om en stund. (Referens: ${request.id})`,
        en: `Something went wrong on our side. Please try again shortly. (Reference: ${request.id})`,
      }),
    );
  });

}
