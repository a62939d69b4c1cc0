import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../context.ts';
import { listAdministeredOrganisations, listMemberships } from '../../people/store.ts';
import { beginSession } from '../session-start.ts';
import { createOidcClient, type OidcSettings } from './client.ts';
import { decodeFlow, encodeFlow, OIDC_FLOW_COOKIE, OIDC_FLOW_SECONDS, safeReturnTo } from './flow-cookie.ts';
import { findStaffByHsaId } from './store.ts';

const flowCookieOptions = (secure: boolean) => ({ path: '/api/auth/oidc', httpOnly: true, secure, sameSite: 'lax' as const });

/**
 * Staff log in with SITHS through the region's IdP (OpenID Connect). The browser goes to
 * /api/auth/oidc/start (a plain link: the CSP's form-action would stop a form redirecting
 * away), the IdP sends it back to /callback, and the HSA-id claim names the staff member.
 * Failures go back to the login page with ?fel=<code>, never with details.
 */
export const oidcRoutes: FastifyPluginAsyncZod<{ oidc: OidcSettings }> = async (app, { oidc: settings }) => {
  const { config } = app.deps;
  const client = createOidcClient(settings);
  const tags = ['auth'];
  const loginLimit = { rateLimit: { max: config.rateLimit.loginPerMinute, timeWindow: '1 minute' } };
  const failed = (code: string) => `/logga-in?fel=${code}`;

  app.get(
    '/api/auth/oidc/start',
    { config: loginLimit, schema: { tags, summary: 'Staff: log in with SITHS (redirects to the IdP)', querystring: z.object({ till: z.string().max(300).optional() }) } },
    async (request, reply) => {
      let started;
      try {
        started = await client.authorizationUrl();
      } catch (error) {
        request.log.error({ err: error }, 'OpenID Connect discovery failed');
        return reply.redirect(failed('siths_unavailable'));
      }
      const flow = { state: started.state, nonce: started.nonce, verifier: started.verifier, returnTo: safeReturnTo(request.query.till), startedAt: app.deps.clock.now().getTime() };
      reply.setCookie(OIDC_FLOW_COOKIE, encodeFlow(flow), { ...flowCookieOptions(config.cookieSecure), maxAge: OIDC_FLOW_SECONDS });
      reply.header('cache-control', 'no-store');
      return reply.redirect(started.url.href);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    { config: loginLimit, schema: { tags, summary: 'Staff: where the IdP sends the browser back', querystring: z.record(z.string(), z.string()) } },
    async (request, reply) => {
      const flow = decodeFlow(request.cookies[OIDC_FLOW_COOKIE], app.deps.clock.now());
      reply.clearCookie(OIDC_FLOW_COOKIE, flowCookieOptions(config.cookieSecure));
      reply.header('cache-control', 'no-store');
      if (!flow) return reply.redirect(failed('siths_expired'));
      if (request.query.error) return reply.redirect(failed(request.query.error === 'access_denied' ? 'siths_cancelled' : 'siths_failed'));

      let result;
      try {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        result = await client.complete(query, flow);
      } catch (error) {
        request.log.warn({ err: error }, 'OpenID Connect callback refused');
        return reply.redirect(failed('siths_failed'));
      }
      const context = contextOf(request);
      const member = result.hsaId ? await findStaffByHsaId(context.db, result.hsaId) : undefined;
      if (!member) {
        request.log.warn({ event: 'siths_unknown_staff', hasHsaId: result.hsaId !== null }, 'SITHS login by someone who is not staff here');
        return reply.redirect(failed('siths_unknown_staff'));
      }
      await beginSession(request, reply, { kind: 'staff', staffId: member.id, authMethod: 'siths' });
      const [memberships, administered] = await Promise.all([listMemberships(context.db, member.id), listAdministeredOrganisations(context.db, member.id)]);
      const home = memberships.length === 0 && administered.length > 0 ? '/admin' : '/arbetsyta';
      const target = flow.returnTo && flow.returnTo.startsWith(home) ? flow.returnTo : home;
      return reply.redirect(target);
    },
  );
};
