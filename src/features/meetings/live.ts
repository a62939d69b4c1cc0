import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { publishEvent } from '../../platform/realtime/publish.ts';
import type { Topic } from '../../platform/realtime/model.ts';
import type { MeetingRow, ParticipantRow } from './store.ts';

/**
 * What a meeting tells open pages, in the same transaction as the change; ids only, each
 * page fetches the meeting again through the access-checked API.
 *
 * - meeting.changed {meetingId}       someone asked to join, was let in, left, was removed, raised
 *                                     or lowered a hand, started or stopped sharing; the meeting
 *                                     started or ended: every participant, the host and the unit.
 * - meeting.message {meetingId, seq}  a chat message: those let in.
 * - meeting.signal {meetingId, from, fromClient, to, toClient, payload}
 *                                     a WebRTC offer, answer or ICE candidate for one participant's
 *                                     tab (signalEvent: passing, not stored; signals.ts).
 */
export function topicOf(participant: Pick<ParticipantRow, 'id' | 'personId' | 'staffId'>): Topic {
  if (participant.personId) return `person:${participant.personId}`;
  if (participant.staffId) return `staff:${participant.staffId}`;
  // A guest let in by an invitation (E3): heard only by that guest's own socket.
  return `guest:${participant.id}`;
}

function topicsOf(participants: Pick<ParticipantRow, 'id' | 'personId' | 'staffId'>[]): Set<Topic> {
  const topics = new Set<Topic>();
  for (const participant of participants) {
    const topic = topicOf(participant);
    if (topic) topics.add(topic);
  }
  return topics;
}

export async function announceMeetingChange(tx: Tx, clock: Clock, meeting: MeetingRow, participants: ParticipantRow[]): Promise<void> {
  const topics = topicsOf(participants);
  topics.add(`staff:${meeting.hostStaffId}`);
  topics.add(`unit:${meeting.unitId}`);
  // The patient hears of it too (their list of meetings), also before they have joined.
  if (meeting.patientId) topics.add(`person:${meeting.patientId}`);
  for (const topic of topics) await publishEvent(tx, clock, topic, 'meeting.changed', { meetingId: meeting.id });
}

export async function announceMessage(tx: Tx, clock: Clock, meeting: MeetingRow, participants: ParticipantRow[], seq: number): Promise<void> {
  const admitted = participants.filter((participant) => participant.state === 'admitted');
  for (const topic of topicsOf(admitted)) await publishEvent(tx, clock, topic, 'meeting.message', { meetingId: meeting.id, seq });
}
