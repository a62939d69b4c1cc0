import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from './actor.ts';
import { buildActor } from './build-actor.ts';
import { errors } from '../errors.ts';
import { loadSession, SESSION_COOKIE, type SessionRow } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
    /** Set when the cookie named a session that has timed out, so the client can say why. */
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /**
     * A public route anyone may call without logging in, holding nothing of the caller's
     * (Sök vård): without a login session it needs no CSRF header; inside one it still does.
     */
    anonymousPublic?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';
/** Sent by the web app on requests it makes by itself while the person is away (live refreshes). */
export const BACKGROUND_HEADER = 'x-nara-background';

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, secure, sameSite: 'strict' as const };
}

/**
 * Resolves the session cookie into request.actor for every /api request and
 * enforces CSRF protection: a state-changing request inside a session must carry
 * the session's CSRF token in a header (which another site cannot read or set);
 * one without a session must at least carry our client header, which a plain
 * cross-site form cannot send.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const { db, clock } = app.deps;
      // No transaction: these are reads, and the occasional write (touch, end, reset acting-for)
      // is one statement. On PGlite an explicit transaction would cost every request two more
      // round trips through the single session.
      // A live refresh the page made while nobody used it does not count as activity.
      const background = request.method === 'GET' && request.headers[BACKGROUND_HEADER] === '1';
      const loaded = await loadSession(db.db, clock, token, { touch: !background });
      const resolved = { loaded, actor: loaded.state === 'active' ? await buildActor(db.db, clock, loaded.session) : null };
      if (resolved.loaded.state === 'active') {
        request.session = resolved.loaded.session;
        request.actor = resolved.actor;
      } else {
        request.sessionExpired = resolved.loaded.state !== 'unknown' && resolved.loaded.state !== 'ended';
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(app.deps.config.cookieSecure));
      }
    }
    if (UNSAFE_METHODS.has(request.method)) checkCsrf(request);
  });
});

function checkCsrf(request: FastifyRequest) {
  const header = request.headers[CSRF_HEADER];
  const presented = Array.isArray(header) ? header[0] : header;
  if (request.session) {
    if (!presented || !sameToken(presented, request.session.csrfToken)) throw errors.csrf();
    return;
  }
  if (request.routeOptions.config?.anonymousPublic) return;
  if (!presented) throw errors.csrf();
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw request.sessionExpired ? errors.sessionExpired() : errors.unauthenticated();
  return request.actor;
}

export function requireCitizen(request: FastifyRequest) {
  const actor = requireActor(request);
  if (actor.kind !== 'citizen') throw errors.forbidden();
  return actor;
}

export function requireStaff(request: FastifyRequest) {
  const actor = requireActor(request);
  if (actor.kind !== 'staff') throw errors.forbidden();
  return actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(secure));
}
