import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { signalEvent } from '../../platform/realtime/publish.ts';
import type { SignalRelay } from '../../platform/realtime/signals.ts';
import { signalPayloadSchema, type MeetingSignalEvent } from './contract.ts';
import { meetingErrors } from './errors.ts';
import { topicOf } from './live.ts';
import { maySignal, needsIdCheck } from './invitation-model.ts';
import type { IdentificationKind } from './model.ts';
import { signalMembersOfLiveMeeting } from './store.ts';

/**
 * WebRTC signalling for the mesh (issue 8 §4): a participant's browser sends an offer, answer
 * or ICE candidate for another participant over its realtime socket; the server passes it on
 * only between participants the host has let into the same meeting, to the recipient's current
 * tab. Signals are passing (signalEvent: NOTIFY, not stored). An offer for audio and video is
 * 5–8 KB of SDP, close to NOTIFY's 8000-byte limit, so the platform sends larger signals as
 * parts in one statement and joins them in the receiving process (platform/realtime/model.ts).
 *
 * Who is in a meeting is cached for a moment per process, because a call's start sends dozens
 * of ICE candidates; this process forgets a meeting's entry at once when it changes who is in,
 * and another process's entry is at most CACHE_MS old. Signals carry no patient data: checked,
 * not audited (as typing in the chat).
 */

const CACHE_MS = 2000;
const MAX_CACHED = 5000;
type Member = Awaited<ReturnType<typeof signalMembersOfLiveMeeting>>[number];
const cache = new Map<string, { at: number; members: Member[] }>();

export function forgetMembership(meetingId: string): void {
  cache.delete(meetingId);
}

async function membersOf(db: Database, meetingId: string, fresh: boolean): Promise<{ members: Member[]; cached: boolean }> {
  const hit = cache.get(meetingId);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return { members: hit.members, cached: true };
  const members = await signalMembersOfLiveMeeting(db, meetingId);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(meetingId, { at: Date.now(), members });
  return { members, cached: false };
}

const invalidSignal = () => new AppError('signal_invalid', 400, { sv: 'Signalen kunde inte läsas.', en: 'The signal could not be read.' });

export const relayMeetingSignal: SignalRelay = async (context, actor, message) => {
  if (actor.kind === 'system') throw meetingErrors.notAdmitted();
  const payload = signalPayloadSchema.safeParse(message.payload);
  if (!payload.success) throw invalidSignal();
  // A guest's socket belongs to one meeting.
  if (actor.kind === 'guest' && actor.scope !== message.meetingId) throw meetingErrors.notAdmitted();
  const side = (member: Member) => ({ state: member.state, role: member.role, guest: needsIdCheck(member) });
  const find = (members: Member[]) => {
    const sender = members.find((member) =>
      actor.kind === 'guest' ? member.id === actor.id && needsIdCheck(member) : actor.kind === 'citizen' ? member.personId === actor.personId : member.staffId === actor.staffId,
    );
    const recipient = members.find((member) => member.id === message.to && member.id !== sender?.id);
    const allowed = !!sender && !!recipient && maySignal(sender.requiredIdentification as IdentificationKind, side(sender), side(recipient));
    return { sender, recipient, allowed };
  };
  let { members, cached } = await membersOf(context.db, message.meetingId, false);
  let { sender, recipient, allowed } = find(members);
  // Someone just let in (by another server process) may not be in this process's cached list yet.
  if (!allowed && cached) {
    members = (await membersOf(context.db, message.meetingId, true)).members;
    ({ sender, recipient, allowed } = find(members));
  }
  if (!sender || (!allowed && sender.state !== 'admitted')) throw meetingErrors.notAdmitted();
  if (!recipient || !allowed) throw meetingErrors.recipientNotAdmitted();
  const topic = topicOf(recipient);
  const event: MeetingSignalEvent = {
    meetingId: message.meetingId,
    from: sender.id,
    fromClient: sender.clientId,
    to: recipient.id,
    toClient: recipient.clientId,
    payload: payload.data,
  };
  await signalEvent(context.db, context.clock, topic, 'meeting.signal', event);
};
