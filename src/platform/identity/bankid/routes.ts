import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../context.ts';
import { okSchema } from '../../auth/contract.ts';
import { beginSession } from '../session-start.ts';
import {
  bankIdCollectResponseSchema,
  bankIdLoginParamsSchema,
  bankIdQrResponseSchema,
  bankIdStartRequestSchema,
  bankIdStartResponseSchema,
} from './contract.ts';
import { bankIdQr, cancelBankIdLogin, collectBankIdLogin, startBankIdLogin, type BankIdLoginDeps } from './service.ts';

/** Citizens log in with BankID: start an order, show the QR code or open the app, collect, cancel. */
export const bankIdLoginRoutes: FastifyPluginAsyncZod<{ deps: BankIdLoginDeps }> = async (app, { deps }) => {
  const { config } = app.deps;
  const tags = ['auth'];
  const loginLimit = { rateLimit: { max: config.rateLimit.loginPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/auth/bankid/start',
    {
      config: loginLimit,
      schema: { tags, summary: 'Start a BankID login (QR code on another device, or autostart on this one)', body: bankIdStartRequestSchema, response: { 200: bankIdStartResponseSchema } },
    },
    async (request) => startBankIdLogin(deps, { method: request.body.method, endUserIp: request.ip }),
  );

  app.get(
    '/api/auth/bankid/:loginId/qr',
    { schema: { tags, summary: 'The QR code content for this second (the secret stays on the server)', params: bankIdLoginParamsSchema, response: { 200: bankIdQrResponseSchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return bankIdQr(deps, request.params.loginId);
    },
  );

  app.post(
    '/api/auth/bankid/:loginId/collect',
    {
      // Every two seconds for at most a few minutes; a login attempt is counted at start.
      config: { rateLimit: { max: Math.max(60, config.rateLimit.loginPerMinute * 3), timeWindow: '1 minute' } },
      schema: { tags, summary: 'How the BankID order is going; on completion the session cookie is set', params: bankIdLoginParamsSchema, response: { 200: bankIdCollectResponseSchema } },
    },
    async (request, reply) => {
      const context = contextOf(request);
      const { personId, ...result } = await collectBankIdLogin(deps, context.db, request.params.loginId);
      if (result.status === 'complete' && personId) {
        await beginSession(request, reply, { kind: 'citizen', personId, authMethod: 'bankid' });
      } else if (result.status === 'failed' && result.message.code === 'unknown_person') {
        request.log.warn({ event: 'bankid_unknown_person' }, 'BankID login by a person the region does not know');
      }
      return result;
    },
  );

  app.post(
    '/api/auth/bankid/:loginId/cancel',
    { schema: { tags, summary: 'Cancel a BankID login in progress', params: bankIdLoginParamsSchema, response: { 200: okSchema } } },
    async (request) => {
      await cancelBankIdLogin(deps, request.params.loginId);
      return { ok: true as const };
    },
  );
};
