import { accessPatient, canRepresent } from '../../platform/access/access.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import type { Actor, CitizenActor, StaffActor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';

import { errors } from '../../platform/errors.ts';
import { meetingErrors } from './errors.ts';
import { findInvitationById, findInvitationUsedBy, type InvitationRow } from './invitation-store.ts';
import { findMeeting, findParticipant, findParticipantOf, type MeetingRow, type ParticipantRow } from './store.ts';

/**
 * Who may see and do what in a meeting. A meeting exists only for the staff of its unit
 * (others get 404: its existence would leak) and for its patient or whoever acts for them;
 * anyone who already holds a place in it (a participant row) may come back to it. Every
 * read or change of a meeting about a patient goes through accessPatient(), which audits it.
 */

/**
 * Someone let in by an invitation link without an account (E3, ID shown on camera): a guest
 * session for this one meeting (guest-session.ts). Never a platform actor, so it reaches no
 * other route; the meetings routes that take guests resolve it themselves.
 */
export type GuestActor = {
  kind: 'meeting_guest';
  invitationId: string;
  meetingId: string;
  /** Null until the guest first joins from their browser. */
  participantId: string | null;
  sessionId: string;
};

export type MeetingActor = CitizenActor | StaffActor | GuestActor;

/** Clinicians of the active unit create and host meetings (receptionists book them; the visit is the clinician's). */
export function clinicianOf(actor: StaffActor): StaffActor & { unitId: string } {
  if (!actor.unitId || actor.unitRoles.length === 0) throw meetingErrors.noActiveUnit();
  if (!actor.unitRoles.includes('clinician')) throw meetingErrors.notClinician();
  return actor as StaffActor & { unitId: string };
}

export function participantKeyOf(actor: CitizenActor | StaffActor): { personId: string } | { staffId: string } {
  return actor.kind === 'citizen' ? { personId: actor.personId } : { staffId: actor.staffId };
}

/** The platform actor written to the audit log: a guest is logged as what let them in, with the invitation as the reason. */
export function auditActorOf(actor: MeetingActor): Actor {
  return actor.kind === 'meeting_guest' ? { kind: 'system', name: 'meeting_guest' } : actor;
}

/** A proxy needs the scope for booked visits; a guardian of a child under 13 acts fully (the actor was checked at login). */
export async function assertMayAttend(tx: Tx, actor: CitizenActor, at: Date): Promise<void> {
  if (actor.personId === actor.subjectPersonId) return;
  if (!(await canRepresent(tx, at, actor.personId, actor.subjectPersonId, 'appointments'))) throw meetingErrors.proxyScope();
}

/** Audits an access to the meeting: through accessPatient when it is about a patient, else as a plain audit row for changes. */
export async function auditMeeting(tx: Tx, context: AuditContext, actor: Actor, meeting: MeetingRow, action: 'read' | 'create' | 'update', objectType = 'meeting'): Promise<void> {
  if (meeting.patientId) {
    await accessPatient(tx, context, actor, meeting.patientId, { action, objectType, objectId: meeting.id });
    return;
  }
  if (action !== 'read') await recordAudit(tx, context, actor, { action, objectType, objectId: meeting.id });
}

/** `invitation`: set when the reader reaches the meeting only through an invitation (their basis, audited as such). */
export type Reach = { meeting: MeetingRow; me: ParticipantRow | undefined; isHost: boolean; invitation?: InvitationRow };

/**
 * Audits the reader's access: through accessPatient when they are staff of the unit or the
 * patient's side; with the invitation as the stated basis when that is what let them in (staff
 * of another unit need no care relation, a relative or an interpreter is not the patient).
 */
export async function auditReach(tx: Tx, context: AuditContext, actor: MeetingActor, reach: Reach, action: 'read' | 'create' | 'update', objectType = 'meeting'): Promise<void> {
  if (!reach.invitation) {
    await auditMeeting(tx, context, auditActorOf(actor), reach.meeting, action, objectType);
    return;
  }
  const who = actor.kind === 'meeting_guest' ? ` (gäst: ${reach.invitation.guestName ?? ''})` : '';
  await recordAudit(tx, context, auditActorOf(actor), {
    action,
    objectType,
    objectId: reach.meeting.id,
    patientId: reach.meeting.patientId,
    reason: `Inbjuden till mötet som ${reach.invitation.role}, inbjudan ${reach.invitation.id}${who}`,
  });
}

/**
 * The meeting as this actor may reach it, or 404. Staff: their active unit's meetings, or one
 * they hold a place in. Citizens: meetings about the person they act for now.
 */
export async function reachMeeting(tx: Tx, actor: MeetingActor, meetingId: string, at: Date, options: { forUpdate?: boolean } = {}): Promise<Reach> {
  // A guest's session belongs to one meeting: any other id is as if it did not exist.
  if (actor.kind === 'meeting_guest' && actor.meetingId !== meetingId) throw meetingErrors.notFound();
  const meeting = await findMeeting(tx, meetingId, options);
  if (!meeting) throw meetingErrors.notFound();
  if (actor.kind === 'meeting_guest') {
    const invitation = await findInvitationUsedByGuest(tx, actor);
    const me = actor.participantId ? await findParticipant(tx, meeting.id, actor.participantId) : undefined;
    return { meeting, me, isHost: false, invitation };
  }
  const me = await findParticipantOf(tx, meeting.id, participantKeyOf(actor));
  if (actor.kind === 'staff') {
    const atUnit = actor.unitId === meeting.unitId && actor.unitRoles.includes('clinician');
    const invitation = atUnit ? undefined : await findInvitationUsedBy(tx, meeting.id, { staffId: actor.staffId });
    if (!atUnit && !me && !invitation) throw meetingErrors.notFound();
    return { meeting, me, isHost: actor.staffId === meeting.hostStaffId, ...(invitation ? { invitation } : {}) };
  }
  if (meeting.patientId && meeting.patientId === actor.subjectPersonId) {
    await assertMayAttend(tx, actor, at);
    return { meeting, me, isHost: false };
  }
  // A relative or an interpreter who opened their invitation logged in (BankID): the invitation is their basis.
  const invitation = await findInvitationUsedBy(tx, meeting.id, { personId: actor.personId });
  if (!invitation) throw meetingErrors.notFound();
  return { meeting, me, isHost: false, invitation };
}

async function findInvitationUsedByGuest(tx: Tx, actor: GuestActor): Promise<InvitationRow> {
  const row = await findInvitationById(tx, actor.invitationId);
  if (!row || row.revokedAt) throw meetingErrors.notFound();
  return row;
}

export function assertHost(reach: Reach): void {
  if (!reach.isHost) throw meetingErrors.notHost();
}

export function assertNotEnded(meeting: MeetingRow): void {
  if (meeting.status === 'ended') throw meetingErrors.ended();
}

/** The reader's own row, let in: required to chat, raise a hand, share a screen, get ICE servers. */
export function admittedSelf(reach: Reach): ParticipantRow {
  assertNotEnded(reach.meeting);
  if (!reach.me || reach.me.state !== 'admitted') throw meetingErrors.notAdmitted();
  return reach.me;
}

export function requireMeetingActor(actor: Actor): MeetingActor {
  if (actor.kind === 'system') throw errors.forbidden();
  return actor;
}
