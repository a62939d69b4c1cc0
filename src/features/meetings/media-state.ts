import { z } from 'zod';
import type { CitizenActor, StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { admittedSelf, auditMeeting, reachMeeting } from './access.ts';
import { announceMeetingChange } from './live.ts';
import { listParticipants, updateParticipant } from './store.ts';

/**
 * Whether a participant's microphone and camera are on, shown to the others ("Mikrofonen är
 * av"): through the meeting's own change event rather than the mesh's data channel, so the
 * host's participant list shows it too and nothing is added to the WebRTC negotiation. A
 * change is rare (a click), so one write and one refetch per page is cheap.
 */
export const mediaStateRequestSchema = z.object({ micOff: z.boolean(), cameraOff: z.boolean() });

export async function setMediaState(context: ServiceContext, actor: CitizenActor | StaffActor, id: string, input: unknown): Promise<void> {
  const { micOff, cameraOff } = mediaStateRequestSchema.parse(input);
  await context.db.transaction(async (tx) => {
    const reach = await reachMeeting(tx, actor, id, context.clock.now(), { forUpdate: true });
    const me = admittedSelf(reach);
    if (me.micOff === micOff && me.cameraOff === cameraOff) return;
    await auditMeeting(tx, context, actor, reach.meeting, 'update', 'meeting_participant');
    await updateParticipant(tx, me.id, { micOff, cameraOff });
    await announceMeetingChange(tx, context.clock, reach.meeting, await listParticipants(tx, reach.meeting.id));
  });
}
