import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { assertHost, assertNotEnded, auditMeeting, reachMeeting, type Reach } from './access.ts';
import type { MeetingView } from './contract.ts';
import { meetingErrors } from './errors.ts';
import { announceMeetingChange } from './live.ts';
import { mayAdmitGuest, needsIdCheck } from './invitation-model.ts';
import { invitationsOfParticipants, updateInvitation } from './invitation-store.ts';
import { MESH_MAX_PARTICIPANTS, mayAdmit, steppedOut } from './model.ts';
import { forgetMembership } from './signals.ts';
import { findMeeting, listParticipants, updateMeeting, updateParticipant } from './store.ts';
import { meetingViewOf } from './views.ts';

/**
 * The host's steps (issue 8 §3–4): let someone in from the waiting room, remove someone,
 * end the meeting for everyone. Each is a change of the meeting, audited through
 * accessPatient when the meeting is about a patient, and announced to everyone in it.
 */

async function hostStep(
  context: ServiceContext,
  actor: StaffActor,
  id: string,
  step: (tx: Tx, reach: Reach, now: Date) => Promise<void>,
): Promise<MeetingView> {
  const view = await context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const reach = await reachMeeting(tx, actor, id, now, { forUpdate: true });
    assertHost(reach);
    await step(tx, reach, now);
    const fresh = (await findMeeting(tx, id))!;
    await announceMeetingChange(tx, context.clock, fresh, await listParticipants(tx, id));
    return meetingViewOf(tx, { ...reach, meeting: fresh }, actor);
  });
  forgetMembership(id);
  return view;
}

/** Lets a waiting participant in (E3: for id_on_camera meetings the host has checked the ID in the waiting room's preview). */
export function admitParticipant(context: ServiceContext, actor: StaffActor, id: string, participantId: string): Promise<MeetingView> {
  return hostStep(context, actor, id, async (tx, reach, now) => {
    assertNotEnded(reach.meeting);
    if (reach.me?.state !== 'admitted') throw meetingErrors.notAdmitted();
    const participants = await listParticipants(tx, id);
    const target = participants.find((row) => row.id === participantId);
    if (!target) throw meetingErrors.participantNotFound();
    if (target.state !== 'waiting') throw meetingErrors.notWaiting();
    if (!mayAdmit(participants.filter((row) => row.state === 'admitted').length)) throw meetingErrors.full(MESH_MAX_PARTICIPANTS);
    // E3: a guest without a login comes in only after the host confirmed the ID shown on camera.
    if (needsIdCheck(target)) {
      const [invitation] = await invitationsOfParticipants(tx, [target.id]);
      if (!mayAdmitGuest(target, invitation?.idCheckedAt ?? null)) throw meetingErrors.idNotChecked();
    }
    await auditMeeting(tx, context, actor, reach.meeting, 'update', 'meeting_participant');
    await updateParticipant(tx, target.id, { state: 'admitted', admittedAt: now, firstAdmittedAt: target.firstAdmittedAt ?? now, waitingSince: null });
  });
}

/** E3: the host confirms "Legitimation kontrollerad på kamera" for a guest (who can then be let in). */
export function confirmIdChecked(context: ServiceContext, actor: StaffActor, id: string, participantId: string): Promise<MeetingView> {
  return hostStep(context, actor, id, async (tx, reach, now) => {
    assertNotEnded(reach.meeting);
    const target = (await listParticipants(tx, id)).find((row) => row.id === participantId);
    if (!target) throw meetingErrors.participantNotFound();
    if (!needsIdCheck(target)) throw meetingErrors.notAGuest();
    const [invitation] = await invitationsOfParticipants(tx, [target.id]);
    if (!invitation) throw meetingErrors.participantNotFound();
    await auditMeeting(tx, context, actor, reach.meeting, 'update', 'meeting_id_check');
    if (!invitation.idCheckedAt) await updateInvitation(tx, invitation.id, { idCheckedAt: now, idCheckedByStaffId: actor.staffId });
  });
}

/** Removes someone from the meeting or turns them away from the waiting room; they cannot join this meeting again. */
export function removeParticipant(context: ServiceContext, actor: StaffActor, id: string, participantId: string): Promise<MeetingView> {
  return hostStep(context, actor, id, async (tx, reach, now) => {
    assertNotEnded(reach.meeting);
    const target = (await listParticipants(tx, id)).find((row) => row.id === participantId);
    if (!target) throw meetingErrors.participantNotFound();
    if (target.role === 'host') throw meetingErrors.cannotRemoveHost();
    await auditMeeting(tx, context, actor, reach.meeting, 'update', 'meeting_participant');
    if (target.state !== 'removed') await updateParticipant(tx, target.id, steppedOut(target, 'removed', now));
  });
}

/** Ends the meeting for everyone: those in it and those waiting leave; the record is complete. */
export function endMeeting(context: ServiceContext, actor: StaffActor, id: string): Promise<MeetingView> {
  return hostStep(context, actor, id, async (tx, reach, now) => {
    if (reach.meeting.status === 'ended') return;
    await auditMeeting(tx, context, actor, reach.meeting, 'update');
    for (const row of await listParticipants(tx, id)) {
      if (row.state === 'waiting' || row.state === 'admitted') await updateParticipant(tx, row.id, steppedOut(row, 'left', now));
    }
    await updateMeeting(tx, id, { status: 'ended', endedAt: now, endedByStaffId: actor.staffId });
  });
}
