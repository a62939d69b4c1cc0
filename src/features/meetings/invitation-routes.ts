import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { meetingViewSchema, participantParamsSchema, idParamsSchema } from './contract.ts';
import { clearGuestCookie, guestSessionOf, setGuestCookie } from './guest-session.ts';
import { confirmIdChecked } from './host.ts';
import {
  acceptedInvitationSchema,
  createdInvitationSchema,
  createInvitationRequestSchema,
  guestRequestSchema,
  guestSessionSchema,
  invitationListSchema,
  invitationLookupSchema,
  invitationParamsSchema,
  invitationViewSchema,
  tokenRequestSchema,
} from './invitation-contract.ts';
import { acceptInvitation, createInvitation, listMeetingInvitations, lookupInvitation, redeemAsGuest, revokeInvitation } from './invitations.ts';

/** Invitations by link (issue 8 §2, E2–E3): the host's side, and the side of whoever got the link. */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const host = ['meetings: invitations (host)'];
  const invitee = ['meetings: invitations (invitee)'];
  const secure = () => app.deps.config.cookieSecure;

  // ---- the host ----
  app.get(
    '/api/staff/meetings/:id/invitations',
    { schema: { tags: host, summary: "The meeting's invitations and their state", params: idParamsSchema, response: { 200: invitationListSchema } } },
    async (request) => listMeetingInvitations(contextOf(request), requireStaff(request), request.params.id),
  );
  app.post(
    '/api/staff/meetings/:id/invitations',
    {
      schema: {
        tags: host,
        summary: 'Invite someone by link (shown once), optionally sent by SMS and e-mail with the link only',
        params: idParamsSchema,
        body: createInvitationRequestSchema,
        response: { 201: createdInvitationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createInvitation(contextOf(request), requireStaff(request), request.params.id, request.body)),
  );
  app.post(
    '/api/staff/meetings/:id/invitations/:invitationId/revoke',
    { schema: { tags: host, summary: 'Withdraw a link that has not been used', params: invitationParamsSchema, response: { 200: invitationViewSchema } } },
    async (request) => revokeInvitation(contextOf(request), requireStaff(request), request.params.id, request.params.invitationId),
  );
  app.post(
    '/api/staff/meetings/:id/participants/:participantId/id-checked',
    { schema: { tags: host, summary: 'Confirm that a guest’s ID was checked on camera (before letting them in)', params: participantParamsSchema, response: { 200: meetingViewSchema } } },
    async (request) => confirmIdChecked(contextOf(request), requireStaff(request), request.params.id, request.params.participantId),
  );

  // ---- whoever got the link (the token travels in the body, never in a URL the server logs) ----
  app.post(
    '/api/meeting-invitations/lookup',
    { config: { anonymousPublic: true }, schema: { tags: invitee, summary: 'What an invitation is for, before logging in', body: tokenRequestSchema, response: { 200: invitationLookupSchema } } },
    async (request) => lookupInvitation(contextOf(request), request.body),
  );
  app.post(
    '/api/meeting-invitations/accept',
    { schema: { tags: invitee, summary: 'Use the invitation as the logged-in person or member of staff', body: tokenRequestSchema, response: { 200: acceptedInvitationSchema } } },
    async (request) => {
      const actor = requireActor(request);
      if (actor.kind === 'system') throw errors.forbidden();
      return acceptInvitation(contextOf(request), actor, request.session?.authMethod ?? '', request.body);
    },
  );
  app.post(
    '/api/meeting-invitations/guest',
    { schema: { tags: invitee, summary: 'Use the invitation as a guest with a name (meetings taking ID shown on camera)', body: guestRequestSchema, response: { 200: acceptedInvitationSchema } } },
    async (request, reply) => {
      const { meetingId, path, sessionToken, expiresAt } = await redeemAsGuest(contextOf(request), request.body);
      setGuestCookie(reply, sessionToken, expiresAt, secure());
      return { meetingId, path };
    },
  );
  app.get('/api/meeting-guest/session', { schema: { tags: invitee, summary: "The guest's session: the meeting, the name, the CSRF token", response: { 200: guestSessionSchema } } }, async (request) =>
    guestSessionOf(request),
  );
  app.post('/api/meeting-guest/logout', { schema: { tags: invitee, summary: 'Forget the guest session in this browser', response: { 200: z.object({ ok: z.literal(true) }) } } }, async (_request, reply) => {
    clearGuestCookie(reply, secure());
    return { ok: true as const };
  });
};
