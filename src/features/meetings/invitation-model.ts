import type { IdentificationKind, MeetingStatus, ParticipantRole } from './model.ts';

/**
 * Invitations to a meeting (issue 8 §2, E2–E3), the pure rules: who may be invited, how long a
 * link lasts, what state it is in, and who may use it how. No I/O (invitations.ts stores).
 */

/** E2: the parts someone invited by link plays (the host and the patient are not invited). */
export const invitableRoles = ['relative', 'interpreter', 'care_provider', 'social_services', 'other'] as const satisfies readonly ParticipantRole[];
export type InvitableRole = (typeof invitableRoles)[number];

/** E2: spoken language (with the language), sign language, interpretation for the deaf-blind. */
export const interpretationKinds = ['spoken', 'sign_language', 'deafblind'] as const;
export type InterpretationKind = (typeof interpretationKinds)[number];

/** A link lasts a day unless the host says otherwise; at most a week (a meeting planned ahead). */
export const INVITATION_DEFAULT_HOURS = 24;
export const INVITATION_MAX_HOURS = 7 * 24;
/** A guest's session lasts long enough for a long care planning meeting, and is for this meeting only. */
export const GUEST_SESSION_HOURS = 4;

export function invitationExpiry(now: Date, hours: number = INVITATION_DEFAULT_HOURS): Date {
  return new Date(now.getTime() + Math.min(Math.max(hours, 1), INVITATION_MAX_HOURS) * 3600_000);
}

export function guestSessionExpiry(now: Date): Date {
  return new Date(now.getTime() + GUEST_SESSION_HOURS * 3600_000);
}

export type InvitationState = 'valid' | 'used' | 'revoked' | 'expired' | 'meeting_ended';

/** Revoked and ended win over used (the host's decision and the meeting's end are final); used over expired. */
export function invitationState(row: { revokedAt: Date | null; usedAt: Date | null; expiresAt: Date }, meetingStatus: MeetingStatus, now: Date): InvitationState {
  if (row.revokedAt) return 'revoked';
  if (meetingStatus === 'ended') return 'meeting_ended';
  if (row.usedAt) return 'used';
  if (now.getTime() >= row.expiresAt.getTime()) return 'expired';
  return 'valid';
}

/** How the person opening the link has shown who they are. */
export type InviteeIdentity = 'bankid' | 'staff' | 'guest' | 'other_login';

/**
 * E3: a meeting requiring strong eID takes a citizen logged in with BankID or a member of staff
 * (SITHS, or the demo login in a demo); one accepting ID on camera also takes a guest with just
 * a name (the host checks the ID before letting them in) and any logged-in citizen.
 */
export function mayUseInvitation(required: IdentificationKind, identity: InviteeIdentity): boolean {
  if (identity === 'bankid' || identity === 'staff') return true;
  return required === 'id_on_camera';
}

/** A participant with neither a person nor a staff id came by a link as a guest: the host must check their ID on camera. */
export function needsIdCheck(participant: { personId: string | null; staffId: string | null }): boolean {
  return participant.personId === null && participant.staffId === null;
}

/** The host may let a guest in only after confirming the ID on camera ("Legitimation kontrollerad på kamera"). */
export function mayAdmitGuest(participant: { personId: string | null; staffId: string | null }, idCheckedAt: Date | null): boolean {
  return !needsIdCheck(participant) || idCheckedAt !== null;
}

/**
 * Who may send signals to whom. Those let in reach each other; in a meeting accepting ID on
 * camera the host and a guest waiting to be checked reach each other too, so the host sees the
 * ID (the browsers send the host's own picture and sound to the guest only once let in).
 */
export function maySignal(
  required: IdentificationKind,
  from: { state: string; role: string; guest: boolean },
  to: { state: string; role: string; guest: boolean },
): boolean {
  if (from.state === 'admitted' && to.state === 'admitted') return true;
  if (required !== 'id_on_camera') return false;
  const check = (host: typeof from, guest: typeof from) => host.role === 'host' && host.state === 'admitted' && guest.guest && guest.state === 'waiting';
  return check(from, to) || check(to, from);
}

/** A name typed by a guest: trimmed, spaces collapsed. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** A mobile number as the SMS gateway takes it: +46 instead of the leading 0, digits only. */
export function normaliseMobile(input: string): string | null {
  const digits = input.replace(/[\s()-]/g, '');
  if (/^07\d{8}$/.test(digits)) return `+46${digits.slice(1)}`;
  if (/^\+\d{8,15}$/.test(digits)) return digits;
  return null;
}
