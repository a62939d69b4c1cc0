import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { okSchema } from '../../auth/contract.ts';
import { parseIdentityNumber } from '../../../lib/personnummer.ts';
import { authRequestSchema, authResponseSchema, BankIdApiError, collectResponseSchema, orderRefRequestSchema } from './api.ts';
import {
  simulatedOrderListSchema,
  simulatorAutoStartQuerySchema,
  simulatorEventRequestSchema,
  simulatorOrderParamsSchema,
  simulatorOrderRefSchema,
  simulatorScanRequestSchema,
} from './contract.ts';
import type { BankIdSimulator } from './simulator.ts';

export const SIMULATOR_RP_PREFIX = '/bankid-simulator/rp/v6.0';

/**
 * The simulator over HTTP: RP API v6 at /bankid-simulator/rp/v6.0 (so the real HTTP client
 * can be tested against it), answering errors as BankID does ({ errorCode, details }).
 * Registered only while the simulator is in use, which never happens in production.
 */
export const bankIdSimulatorRpRoutes: FastifyPluginAsyncZod<{ simulator: BankIdSimulator }> = async (app, { simulator }) => {
  const hide = { hide: true };
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof BankIdApiError) return reply.status(error.httpStatus).send({ errorCode: error.errorCode, details: error.message });
    const validation = (error as { validation?: unknown }).validation !== undefined || (error as { statusCode?: number }).statusCode === 400;
    return reply.status(validation ? 400 : 500).send({ errorCode: validation ? 'invalidParameters' : 'internalError', details: validation ? 'Invalid request' : 'Internal error' });
  });
  // Outside /api/: the auth plugin neither reads a session nor asks for a CSRF header (server to server).
  app.post(`${SIMULATOR_RP_PREFIX}/auth`, { schema: { ...hide, body: authRequestSchema, response: { 200: authResponseSchema } } }, async (request) =>
    simulator.auth(request.body),
  );
  app.post(`${SIMULATOR_RP_PREFIX}/collect`, { schema: { ...hide, body: orderRefRequestSchema, response: { 200: collectResponseSchema } } }, async (request) =>
    simulator.collect(request.body.orderRef),
  );
  app.post(`${SIMULATOR_RP_PREFIX}/cancel`, { schema: { ...hide, body: orderRefRequestSchema, response: { 200: z.object({}) } } }, async (request) => {
    await simulator.cancel(request.body.orderRef);
    return {};
  });
};

const asAppError = (error: unknown) => {
  if (error instanceof BankIdApiError) {
    return new AppError('bankid_simulator_refused', 409, { sv: `Simulatorn vägrade: ${error.message}`, en: `The simulator refused: ${error.message}` });
  }
  return error;
};

/** Demo mode: the developer plays the person's BankID app (the page /dev/bankid). */
export const bankIdSimulatorDevRoutes: FastifyPluginAsyncZod<{ simulator: BankIdSimulator }> = async (app, { simulator }) => {
  const tags = ['demo'];
  app.get('/api/dev/bankid/orders', { schema: { tags, summary: 'Demo: BankID orders waiting in the simulator', response: { 200: simulatedOrderListSchema } } }, async () => ({
    orders: simulator.pendingOrders(),
  }));

  app.get(
    '/api/dev/bankid/autostart',
    { schema: { tags, summary: 'Demo: the order an autostart token opens', querystring: simulatorAutoStartQuerySchema, response: { 200: simulatorOrderRefSchema } } },
    async (request) => {
      const orderRef = simulator.orderForAutoStartToken(request.query.autostarttoken);
      if (!orderRef) throw errors.notFound({ sv: 'Ingen väntande BankID-order hör till den länken.', en: 'No pending BankID order belongs to that link.' });
      return { orderRef };
    },
  );

  app.post(
    '/api/dev/bankid/scan',
    { schema: { tags, summary: 'Demo: the phone scans a QR code', body: simulatorScanRequestSchema, response: { 200: simulatorOrderRefSchema } } },
    async (request) => {
      try {
        return { orderRef: simulator.scanQr(request.body.qr) };
      } catch (error) {
        throw asAppError(error);
      }
    },
  );

  app.post(
    '/api/dev/bankid/orders/:orderRef/events',
    { schema: { tags, summary: 'Demo: approve, cancel or fail an order as the app would', params: simulatorOrderParamsSchema, body: simulatorEventRequestSchema, response: { 200: okSchema } } },
    async (request) => {
      const event = request.body;
      if (event.kind === 'approve') {
        const identity = parseIdentityNumber(event.personalNumber);
        if (!identity) {
          throw new AppError('validation_failed', 400, { sv: 'Skriv ett giltigt personnummer (ÅÅÅÅMMDD-NNNN).', en: 'Enter a valid personal identity number (YYYYMMDD-NNNN).' });
        }
        try {
          simulator.simulate(request.params.orderRef, { kind: 'approve', personalNumber: identity.normalised });
        } catch (error) {
          throw asAppError(error);
        }
        return { ok: true as const };
      }
      try {
        simulator.simulate(request.params.orderRef, { kind: event.kind });
      } catch (error) {
        throw asAppError(error);
      }
      return { ok: true as const };
    },
  );
};
