import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../context.ts';
import { errors, pickLanguage } from '../errors.ts';
import {
  actingForRequestSchema,
  demoLoginRequestSchema,
  demoLoginResponseSchema,
  demoPersonaListSchema,
  okSchema,
  sessionSummarySchema,
  switchUnitRequestSchema,
} from './contract.ts';
import { loginAsDemoPersona, listDemoPersonas } from './demo.ts';
import { requireActor, requireCitizen, requireStaff, sessionCookieOptions, setSessionCookie } from './plugin.ts';
import { describeSession, logout, logoutEverywhere, switchActiveUnit, switchActingFor } from './service.ts';
import { endSession } from './sessions.ts';
import { z } from 'zod';
import { SESSION_COOKIE } from './sessions.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const tags = ['auth'];

  app.get(
    '/api/auth/session',
    { schema: { tags, summary: 'Who is logged in, and what they may switch between', response: { 200: sessionSummarySchema } } },
    async (request) => {
      if (!request.actor || !request.session) return { authenticated: false as const, sessionExpired: request.sessionExpired };
      return describeSession(contextOf(request), request.session, request.actor);
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'End the session', response: { 200: okSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    await logout(contextOf(request), request.session!, actor);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config.cookieSecure));
    return { ok: true as const };
  });

  app.post(
    '/api/auth/logout-everywhere',
    { schema: { tags, summary: 'End all your sessions, on every device', response: { 200: z.object({ ok: z.literal(true), ended: z.number().int() }) } } },
    async (request, reply) => {
      const ended = await logoutEverywhere(contextOf(request), requireActor(request));
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config.cookieSecure));
      return { ok: true as const, ended };
    },
  );

  app.post(
    '/api/auth/active-unit',
    { schema: { tags, summary: 'Staff: work at another of your units', body: switchUnitRequestSchema, response: { 200: okSchema } } },
    async (request) => {
      await switchActiveUnit(contextOf(request), requireStaff(request), request.body.unitId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/acting-for',
    {
      schema: {
        tags,
        summary: 'Citizen: act for yourself, a child (as guardian) or a principal (as proxy)',
        body: actingForRequestSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await switchActingFor(contextOf(request), requireCitizen(request), request.body.personId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/demo/personas',
    { schema: { tags, summary: 'Demo mode: the personas one may log in as', response: { 200: demoPersonaListSchema } } },
    async (request) => {
      if (!config.demoMode) throw errors.demoDisabled();
      return { personas: await listDemoPersonas(contextOf(request), pickLanguage(request.headers['accept-language'])) };
    },
  );

  app.post(
    '/api/auth/demo/login',
    {
      config: { rateLimit: { max: config.rateLimit.loginPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Demo mode: log in as a persona',
        body: demoLoginRequestSchema,
        response: { 200: demoLoginResponseSchema },
      },
    },
    async (request, reply) => {
      if (!config.demoMode) throw errors.demoDisabled();
      // Session fixation: a session the browser already had ends; the new one gets a new token.
      if (request.session) {
        const previous = request.session;
        await request.server.deps.db.db.transaction((tx) => endSession(tx, request.server.deps.clock, previous.tokenHash));
      }
      const { token, area } = await loginAsDemoPersona(contextOf(request), config.session, request.body.personaId);
      setSessionCookie(reply, token, config.cookieSecure);
      return { authenticated: true as const, area };
    },
  );
};
