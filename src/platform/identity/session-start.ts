import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { endSession, type NewSession } from '../auth/sessions.ts';
import { startSession } from '../auth/service.ts';
import { setSessionCookie } from '../auth/plugin.ts';
import { contextOf } from '../context.ts';

/**
 * Logs someone in after their identity was proven. Session fixation protection: whatever
 * session the browser presented is ended, and the new session gets a new random token
 * (and a new CSRF token), never one chosen before the login.
 */
export async function beginSession(request: FastifyRequest, reply: FastifyReply, input: NewSession): Promise<void> {
  const { config } = request.server.deps;
  const context = contextOf(request);
  if (request.session && request.actor) {
    const previous = request.session;
    const actor = request.actor;
    await context.db.transaction(async (tx) => {
      await endSession(tx, context.clock, previous.tokenHash);
      await recordAudit(tx, context, actor, { action: 'logout', objectType: 'session' });
    });
  }
  const created = await startSession(context, config.session, input);
  setSessionCookie(reply, created.token, config.cookieSecure);
}
