import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { CitizenActor, StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { enqueueToAddress } from '../../platform/notifications/outbox.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonsByIds, findStaffByIds } from '../../platform/people/store.ts';
import { assertHost, assertNotEnded, auditMeeting, reachMeeting } from './access.ts';
import { meetingErrors } from './errors.ts';
import {
  createInvitationRequestSchema,
  guestRequestSchema,
  tokenRequestSchema,
  type AcceptedInvitation,
  type CreatedInvitation,
  type InvitationList,
  type InvitationLookup,
  type InvitationView,
} from './invitation-contract.ts';
import {
  cleanName,
  guestSessionExpiry,
  invitationExpiry,
  invitationState,
  mayUseInvitation,
  normaliseMobile,
  type InterpretationKind,
  type InvitableRole,
  type InviteeIdentity,
} from './invitation-model.ts';
import { findInvitation, findInvitationByToken, hashToken, insertInvitation, listInvitations, updateInvitation, type InvitationRow } from './invitation-store.ts';
import type { IdentificationKind, MeetingKind, MeetingStatus } from './model.ts';
import { findMeeting, type MeetingRow } from './store.ts';

/**
 * Invitations by link (issue 8 §2, E2–E3). The host creates one per person (a relative, an
 * interpreter, a care provider of another unit, social services), copies the link and may
 * have it sent by SMS or e-mail with the link only. Whoever opens it uses it once: logged in
 * (BankID, or staff login) they take part as themselves with the invited role; where the
 * meeting accepts ID shown on camera, a guest gives a name and gets a session for this
 * meeting only (guest-session.ts), and the host checks the ID before letting them in.
 */

const newToken = () => randomBytes(32).toString('base64url');
export const invitationPath = (token: string) => `/inbjudan#${token}`;

function viewOf(row: InvitationRow, meeting: MeetingRow, now: Date, names: Map<string, string>): InvitationView {
  const usedBy = row.guestName
    ? { kind: 'guest' as const, name: row.guestName }
    : row.usedByPersonId
      ? { kind: 'person' as const, name: names.get(row.usedByPersonId) ?? '' }
      : row.usedByStaffId
        ? { kind: 'staff' as const, name: names.get(row.usedByStaffId) ?? '' }
        : null;
  return {
    id: row.id,
    role: row.role as InvitableRole,
    interpretation: row.interpretation as InterpretationKind | null,
    language: row.language,
    inviteeName: row.inviteeName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    state: invitationState(row, meeting.status as MeetingStatus, now),
    usedBy,
  };
}

async function namesOfUsers(tx: Tx, rows: InvitationRow[]): Promise<Map<string, string>> {
  const persons = await findPersonsByIds(tx, rows.flatMap((row) => (row.usedByPersonId ? [row.usedByPersonId] : [])));
  const staff = await findStaffByIds(tx, rows.flatMap((row) => (row.usedByStaffId ? [row.usedByStaffId] : [])));
  return new Map([...persons, ...staff].map((row) => [row.id, `${row.givenName} ${row.familyName}`]));
}

async function hostReach(tx: Tx, actor: StaffActor, meetingId: string, now: Date) {
  const reach = await reachMeeting(tx, actor, meetingId, now, { forUpdate: true });
  assertHost(reach);
  return reach;
}

/** The host invites someone; the link (with its token) is returned once and, if asked, queued by SMS and e-mail. */
export async function createInvitation(context: ServiceContext, actor: StaffActor, meetingId: string, input: unknown): Promise<CreatedInvitation> {
  const request = createInvitationRequestSchema.parse(input);
  const mobile = request.sms ? normaliseMobile(request.sms) : null;
  if (request.sms && !mobile) throw meetingErrors.invalidMobile();
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const { meeting } = await hostReach(tx, actor, meetingId, now);
    assertNotEnded(meeting);
    const token = newToken();
    const row = await insertInvitation(tx, {
      meetingId: meeting.id,
      role: request.role,
      interpretation: request.interpretation ?? null,
      language: request.interpretation === 'spoken' ? (request.language ?? null) : null,
      inviteeName: request.inviteeName || null,
      tokenHash: hashToken(token),
      createdByStaffId: actor.staffId,
      createdAt: now,
      expiresAt: invitationExpiry(now, request.validHours),
    });
    await auditMeeting(tx, context, actor, meeting, 'create', 'meeting_invitation');
    const sent: ('sms' | 'email')[] = [];
    // The text says only that there is an invitation, with the link: no name, unit or anything about the patient.
    const notice = { template: 'meeting_invitation' as const, dedupeKey: `meeting-invitation:${row.id}`, params: { invitationPath: invitationPath(token) } };
    if (mobile && (await enqueueToAddress(tx, context.clock, { ...notice, channel: 'sms', address: mobile }))) sent.push('sms');
    if (request.email && (await enqueueToAddress(tx, context.clock, { ...notice, channel: 'email', address: request.email }))) sent.push('email');
    return { invitation: viewOf(row, meeting, now, new Map()), path: invitationPath(token), sent };
  });
}

export async function listMeetingInvitations(context: ServiceContext, actor: StaffActor, meetingId: string): Promise<InvitationList> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const { meeting } = await hostReach(tx, actor, meetingId, now);
    const rows = await listInvitations(tx, meeting.id);
    const names = await namesOfUsers(tx, rows);
    await auditMeeting(tx, context, actor, meeting, 'read', 'meeting_invitation');
    return { invitations: rows.map((row) => viewOf(row, meeting, now, names)) };
  });
}

/** Withdraws a link not yet used; someone who already came by it is removed from the meeting by the host instead. */
export async function revokeInvitation(context: ServiceContext, actor: StaffActor, meetingId: string, invitationId: string): Promise<InvitationView> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const { meeting } = await hostReach(tx, actor, meetingId, now);
    let row = await findInvitation(tx, meeting.id, invitationId);
    if (!row) throw meetingErrors.invitationNotFound();
    if (row.usedAt) throw meetingErrors.invitationUnusable('used');
    if (!row.revokedAt) row = await updateInvitation(tx, row.id, { revokedAt: now, revokedByStaffId: actor.staffId });
    await auditMeeting(tx, context, actor, meeting, 'update', 'meeting_invitation');
    return viewOf(row, meeting, now, new Map());
  });
}

// ---- the one who got the link ----------------------------------------------------------------

async function usableInvitation(tx: Tx, token: string, now: Date): Promise<{ invitation: InvitationRow; meeting: MeetingRow }> {
  const invitation = await findInvitationByToken(tx, token, { forUpdate: true });
  if (!invitation) throw meetingErrors.invitationNotFound();
  const meeting = (await findMeeting(tx, invitation.meetingId))!;
  return { invitation, meeting };
}

/** What the link shows before logging in or giving a name: the role, and while usable, where and with whom — nothing about the patient. */
export async function lookupInvitation(context: ServiceContext, input: unknown): Promise<InvitationLookup> {
  const { token } = tokenRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const invitation = await findInvitationByToken(tx, token);
    if (!invitation) throw meetingErrors.invitationNotFound();
    const meeting = (await findMeeting(tx, invitation.meetingId))!;
    const state = invitationState(invitation, meeting.status as MeetingStatus, now);
    const base = { state, role: invitation.role as InvitableRole, interpretation: invitation.interpretation as InterpretationKind | null, language: invitation.language };
    if (state !== 'valid') return { ...base, meeting: null };
    const [host] = await findStaffByIds(tx, [meeting.hostStaffId]);
    const unit = await findUnit(tx, meeting.unitId);
    return {
      ...base,
      meeting: {
        unitName: unit?.name ?? '',
        hostName: host ? `${host.givenName} ${host.familyName}` : '',
        kind: meeting.kind as MeetingKind,
        status: meeting.status as MeetingStatus,
        startsAt: meeting.startsAt.toISOString(),
        requiredIdentification: meeting.requiredIdentification as IdentificationKind,
      },
    };
  });
}

/**
 * A logged-in person or member of staff uses the link: it becomes theirs (once; opening it
 * again as the same person is no error). Strong eID: a citizen must have logged in with BankID.
 */
export async function acceptInvitation(context: ServiceContext, actor: CitizenActor | StaffActor, authMethod: string, input: unknown): Promise<AcceptedInvitation> {
  const { token } = tokenRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const { invitation, meeting } = await usableInvitation(tx, token, now);
    const path = actor.kind === 'staff' ? `/arbetsyta/moten/${meeting.id}` : `/start/moten/${meeting.id}`;
    const mine = actor.kind === 'staff' ? invitation.usedByStaffId === actor.staffId : invitation.usedByPersonId === actor.personId;
    const state = invitationState(invitation, meeting.status as MeetingStatus, now);
    if (mine && state === 'used') return { meetingId: meeting.id, path };
    if (state !== 'valid') throw meetingErrors.invitationUnusable(state);
    const identity: InviteeIdentity = actor.kind === 'staff' ? 'staff' : authMethod === 'bankid' ? 'bankid' : 'other_login';
    if (!mayUseInvitation(meeting.requiredIdentification as IdentificationKind, identity)) throw meetingErrors.strongEidRequired();
    await updateInvitation(tx, invitation.id, { usedAt: now, ...(actor.kind === 'staff' ? { usedByStaffId: actor.staffId } : { usedByPersonId: actor.personId }) });
    await recordAudit(tx, context, actor, {
      action: 'update',
      objectType: 'meeting_invitation',
      objectId: invitation.id,
      patientId: meeting.patientId,
      reason: `Inbjudan till möte ${meeting.id} använd (${identity})`,
    });
    return { meetingId: meeting.id, path };
  });
}

/**
 * E3, ID shown on camera: someone without a login gives their name and gets a guest session
 * for this meeting only. The token of the session is returned for the cookie; only its hash is kept.
 */
export async function redeemAsGuest(context: ServiceContext, input: unknown): Promise<{ meetingId: string; path: string; sessionToken: string; expiresAt: Date }> {
  const request = guestRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const { invitation, meeting } = await usableInvitation(tx, request.token, now);
    const state = invitationState(invitation, meeting.status as MeetingStatus, now);
    if (state !== 'valid') throw meetingErrors.invitationUnusable(state);
    if (!mayUseInvitation(meeting.requiredIdentification as IdentificationKind, 'guest')) throw meetingErrors.strongEidRequired();
    const sessionToken = newToken();
    const expiresAt = guestSessionExpiry(now);
    await updateInvitation(tx, invitation.id, {
      usedAt: now,
      guestName: cleanName(request.name),
      guestSessionHash: hashToken(sessionToken),
      guestCsrfToken: randomBytes(24).toString('base64url'),
      guestSessionExpiresAt: expiresAt,
    });
    await recordAudit(tx, context, { kind: 'system', name: 'meeting_guest' }, {
      action: 'update',
      objectType: 'meeting_invitation',
      objectId: invitation.id,
      patientId: meeting.patientId,
      reason: `Inbjudan till möte ${meeting.id} använd av gäst (${cleanName(request.name)}), legitimation visas i kameran`,
    });
    return { meetingId: meeting.id, path: `/mote/${meeting.id}`, sessionToken, expiresAt };
  });
}

/** The participant an invitation became, when its user first joins (service.ts joinMeeting). */
export async function bindInvitationTo(tx: Tx, invitation: InvitationRow, participantId: string): Promise<void> {
  if (invitation.participantId !== participantId) await updateInvitation(tx, invitation.id, { participantId });
}
