import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../platform/auth/plugin.ts';
import type { RealtimeGuest } from '../../platform/realtime/signals.ts';
import type { GuestActor } from './access.ts';
import { meetingErrors } from './errors.ts';
import type { GuestSession } from './invitation-contract.ts';
import { findInvitationByGuestSession, type InvitationRow } from './invitation-store.ts';
import type { ParticipantRole } from './model.ts';

/**
 * A guest's session (E3, ID shown on camera): a cookie with a random token whose hash is kept on
 * the invitation, valid for GUEST_SESSION_HOURS and for this one meeting. It is not a platform
 * session: request.actor stays null, so every other route answers 401; only the meeting routes
 * that take guests (and the realtime socket, for this guest's own topic) resolve it. Changes
 * need the guest's own CSRF token in the header, as for a login session.
 */

export const GUEST_COOKIE = 'nara_meeting_guest';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setGuestCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(GUEST_COOKIE, token, { path: '/api/', httpOnly: true, secure, sameSite: 'strict', expires: expiresAt });
}

export function clearGuestCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(GUEST_COOKIE, { path: '/api/', httpOnly: true, secure, sameSite: 'strict' });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The invitation behind the request's guest cookie, while its session lasts and it has not been revoked. */
async function liveGuestInvitation(request: FastifyRequest): Promise<InvitationRow | null> {
  const token = request.cookies[GUEST_COOKIE];
  if (!token) return null;
  const row = await findInvitationByGuestSession(request.server.deps.db.db, token);
  if (!row || row.revokedAt || !row.guestSessionExpiresAt) return null;
  if (request.server.deps.clock.now().getTime() >= row.guestSessionExpiresAt.getTime()) return null;
  return row;
}

/** The guest of this request, or null; a change without the guest's CSRF token is refused. */
export async function guestOf(request: FastifyRequest): Promise<GuestActor | null> {
  const row = await liveGuestInvitation(request);
  if (!row) return null;
  if (UNSAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    const presented = Array.isArray(header) ? header[0] : header;
    if (!presented || !row.guestCsrfToken || !sameToken(presented, row.guestCsrfToken)) throw meetingErrors.guestSessionMissing();
  }
  return { kind: 'meeting_guest', invitationId: row.id, meetingId: row.meetingId, participantId: row.participantId, sessionId: row.guestSessionHash! };
}

/** The guest's page reads its session: which meeting, its name, and the CSRF token for changes. */
export async function guestSessionOf(request: FastifyRequest): Promise<GuestSession> {
  const row = await liveGuestInvitation(request);
  if (!row) throw meetingErrors.guestSessionMissing();
  return {
    meetingId: row.meetingId,
    participantId: row.participantId,
    name: row.guestName ?? '',
    role: row.role as ParticipantRole,
    csrfToken: row.guestCsrfToken ?? '',
    expiresAt: row.guestSessionExpiresAt!.toISOString(),
  };
}

/** For the realtime socket: a guest who has joined hears only their own topic (`guest:<participant id>`). */
export async function realtimeGuestOf(request: FastifyRequest): Promise<RealtimeGuest | null> {
  const row = await liveGuestInvitation(request);
  if (!row?.participantId) return null;
  return { kind: 'guest', id: row.participantId, scope: row.meetingId, expiresAt: row.guestSessionExpiresAt! };
}
