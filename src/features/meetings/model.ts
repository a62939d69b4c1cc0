/**
 * Digital care meetings (issue 8, E1–E6): the pure rules. Who is let in how, the states a
 * participant moves through, how long someone took part, and the mesh's limits. No I/O:
 * the service stores and announces what these functions decide.
 */

/** E1: patient–care, care–care, coordinated care planning, with other authorities, education. */
export const meetingKinds = ['patient_care', 'care_care', 'care_planning', 'authority', 'education'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** E3: what a participant from outside the unit must prove before the host lets them in. */
export const identificationKinds = ['strong_eid', 'id_on_camera'] as const;
export type IdentificationKind = (typeof identificationKinds)[number];

/** scheduled: created, the host has not come yet; open: the host has joined; ended: over for everyone. */
export const meetingStatuses = ['scheduled', 'open', 'ended'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** E2: the parts people play. host is the member of staff who runs it (admits, removes, ends). */
export const participantRoles = ['host', 'patient', 'relative', 'interpreter', 'care_provider', 'social_services', 'other'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const participantStates = ['waiting', 'admitted', 'left', 'removed'] as const;
export type ParticipantState = (typeof participantStates)[number];

/**
 * A mesh sends each participant's video to every other one: with n people each uploads n−1
 * streams. Six keeps that within an ordinary home connection (5 × ~500 kbit/s); larger
 * meetings (education, up to 200) need an SFU (see ARCHITECTURE.md, "Meetings").
 */
export const MESH_MAX_PARTICIPANTS = 6;

/** Where a member of staff or a citizen ends up when they ask to join. */
export type JoinDecision =
  | { outcome: 'admitted' }
  | { outcome: 'waiting' }
  | { outcome: 'refused'; reason: 'ended' | 'removed' };

/**
 * The host goes straight in; everybody else waits until the host lets them in (the waiting
 * room is where identity is checked, E3). Someone already admitted who comes back with a new
 * tab or after a reload stays admitted; someone who left waits again; someone the host
 * removed stays out of this meeting.
 */
export function decideJoin(input: { status: MeetingStatus; isHost: boolean; current: ParticipantState | null }): JoinDecision {
  if (input.status === 'ended') return { outcome: 'refused', reason: 'ended' };
  if (input.current === 'removed') return { outcome: 'refused', reason: 'removed' };
  if (input.isHost) return { outcome: 'admitted' };
  if (input.current === 'admitted') return { outcome: 'admitted' };
  return { outcome: 'waiting' };
}

/** The host may let someone in only while the mesh has room for them. */
export function mayAdmit(admittedCount: number): boolean {
  return admittedCount < MESH_MAX_PARTICIPANTS;
}

/** A participant's time in the meeting: earlier stretches plus the current one, if they are in now. */
export function presentSeconds(accumulated: number, admittedAt: Date | null, until: Date): number {
  if (!admittedAt) return accumulated;
  return accumulated + Math.max(0, Math.round((until.getTime() - admittedAt.getTime()) / 1000));
}

export type RecordParticipant = {
  role: ParticipantRole;
  name: string;
  firstAdmittedAt: Date | null;
  lastLeftAt: Date | null;
  presentSeconds: number;
};

/**
 * The short meeting record (issue 8 §5): who took part, when, for how long. People who only
 * waited and were never let in are listed last, with no time; the order is when they came in.
 */
export function recordOrder<T extends { firstAdmittedAt: Date | null; role: ParticipantRole }>(rows: T[]): T[] {
  const time = (row: T) => row.firstAdmittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort((a, b) => time(a) - time(b) || (a.role === 'host' ? -1 : b.role === 'host' ? 1 : 0));
}

/** The meeting's length: from the host's start to its end (or now, while it goes on). */
export function meetingSeconds(startedAt: Date | null, endedAt: Date | null, now: Date): number | null {
  if (!startedAt) return null;
  return Math.max(0, Math.round(((endedAt ?? now).getTime() - startedAt.getTime()) / 1000));
}

/**
 * Perfect negotiation needs exactly one polite side per pair, and both must agree without
 * asking: the one with the smaller participant id yields when offers collide.
 */
export function isPolite(myParticipantId: string, theirParticipantId: string): boolean {
  return myParticipantId < theirParticipantId;
}

/** A citizen's role in a patient's meeting: the patient themselves, or whoever acts for them (a guardian, a proxy). */
export function citizenRole(personId: string, patientId: string): ParticipantRole {
  return personId === patientId ? 'patient' : 'relative';
}

/** A participant leaving (or being removed, or the meeting ending): their time so far is added up and their signals cleared. */
export function steppedOut(row: { presentSeconds: number; admittedAt: Date | null }, state: 'left' | 'removed', now: Date) {
  return {
    state,
    presentSeconds: presentSeconds(row.presentSeconds, row.admittedAt, now),
    admittedAt: null,
    waitingSince: null,
    leftAt: now,
    handRaisedAt: null,
    screenSharingSince: null,
  };
}
