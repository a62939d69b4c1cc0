import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import { useRefetchOn } from '../../../web/realtime/realtime.ts';
import type { MeetingView } from '../contract.ts';
import type { AcceptedInvitation, CreatedInvitation, CreateInvitationRequest, GuestSession, InvitationList, InvitationLookup, InvitationView } from '../invitation-contract.ts';

/** The invitations' calls (issue 8 §2, E2–E3). Tokens travel in bodies, never in a URL. */

const path = (id: string) => `/api/staff/meetings/${encodeURIComponent(id)}`;
export const invitationsKey = (id: string) => ['meetings', 'invitations', id] as const;
export const guestSessionKey = ['meetings', 'guest-session'] as const;

export function useInvitations(meetingId: string) {
  const key = invitationsKey(meetingId);
  // Someone using a link joins the waiting room, which changes the meeting: the list's states follow.
  useRefetchOn('meeting.changed', (event) => (event.data.meetingId === meetingId ? [key] : []));
  return useQuery({ queryKey: key, queryFn: () => api<InvitationList>('GET', `${path(meetingId)}/invitations`) });
}

export const createInvitation = (meetingId: string, body: CreateInvitationRequest) => api<CreatedInvitation>('POST', `${path(meetingId)}/invitations`, body);
export const revokeInvitation = (meetingId: string, invitationId: string) =>
  api<InvitationView>('POST', `${path(meetingId)}/invitations/${encodeURIComponent(invitationId)}/revoke`);
export const confirmIdChecked = (meetingId: string, participantId: string) =>
  api<MeetingView>('POST', `${path(meetingId)}/participants/${encodeURIComponent(participantId)}/id-checked`);

export const lookupInvitation = (token: string) => api<InvitationLookup>('POST', '/api/meeting-invitations/lookup', { token });
export const acceptInvitation = (token: string) => api<AcceptedInvitation>('POST', '/api/meeting-invitations/accept', { token });
export const joinAsGuest = (token: string, name: string) => api<AcceptedInvitation>('POST', '/api/meeting-invitations/guest', { token, name });
export const readGuestSession = () => api<GuestSession>('GET', '/api/meeting-guest/session');

/** The invitation's token from the link's fragment ("/inbjudan#<token>"), which never reaches the server's logs. */
export function tokenFromHash(hash: string): string | null {
  const token = hash.replace(/^#/, '');
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** Kept while the person logs in (BankID or staff login), then used by the accepting page. */
export const PENDING_INVITATION_KEY = 'nara.pendingInvitation';
