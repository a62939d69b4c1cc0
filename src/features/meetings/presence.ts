import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { registerJobHandler, scheduleJob } from '../../platform/jobs/jobs.ts';
import type { PresenceEvent, PresenceHandler } from '../../platform/realtime/presence.ts';
import type { RealtimeGuest } from '../../platform/realtime/signals.ts';
import { needsIdCheck } from './invitation-model.ts';
import { announceMeetingChange } from './live.ts';
import { steppedOut } from './model.ts';
import { isGoneAfterGrace, PRESENCE_GRACE_MS, presenceLeftAt } from './presence-model.ts';
import { forgetMembership } from './signals.ts';
import { findMeeting, findParticipant, findParticipantOf, listParticipants, updateParticipant, type ParticipantRow } from './store.ts';

/**
 * Presence (issue 8): when the realtime socket of a participant's tab closes — the tab was
 * closed, the laptop slept, the network went — and no socket of that tab says it is back
 * within the grace period, the participant has left: the host's list is right again and their
 * time in the meeting stops (at the moment the socket closed). A socket of the same tab that
 * comes back in time (the realtime client reconnects by itself) keeps them in; a new tab
 * joins with a new client id, so an old tab's late close is not theirs. Guests who came by an
 * invitation link (E3) are covered as everyone: their socket is opened on their guest session
 * and speaks for their own row, in that meeting only.
 *
 * Multi-process: the tab's last socket is written on the participant row (`presence_socket`),
 * so a close that reaches a server after a newer socket announced itself elsewhere is ignored;
 * the check after the grace period is a durable job (platform/jobs), run by whichever process
 * is free, after a restart too.
 */

export const PRESENCE_JOB = 'meeting-presence';

/**
 * Whose row a socket may speak for: a citizen's or staff member's by their id; an invitation
 * guest's (E3, no platform actor) by the participant row their guest session is bound to, and
 * only in the one meeting that session is for.
 */
type Who = { personId: string } | { staffId: string } | { guestParticipantId: string };

function whoOf(actor: Actor | RealtimeGuest, meetingId: string): Who | null {
  if (actor.kind === 'citizen') return { personId: actor.personId };
  if (actor.kind === 'staff') return { staffId: actor.staffId };
  if (actor.kind === 'guest') return actor.scope === meetingId ? { guestParticipantId: actor.id } : null;
  return null;
}

const isLive = (row: ParticipantRow) => row.state === 'waiting' || row.state === 'admitted';

async function rowOf(tx: Parameters<typeof findParticipantOf>[0], meetingId: string, who: Who): Promise<ParticipantRow | undefined> {
  if (!('guestParticipantId' in who)) return findParticipantOf(tx, meetingId, who);
  const row = await findParticipant(tx, meetingId, who.guestParticipantId);
  // A guest session speaks for a guest's row only, never for someone with an account.
  return row && needsIdCheck(row) ? row : undefined;
}

/** This person's row in the meeting, if it is the tab that announced itself and they are waiting or in. */
async function rowOfTab(tx: Parameters<typeof findParticipantOf>[0], who: Who, event: PresenceEvent): Promise<ParticipantRow | undefined> {
  const row = await rowOf(tx, event.meetingId, who);
  return row && row.clientId === event.clientId && isLive(row) ? row : undefined;
}

/** The tab is on the meeting's page over this socket. */
export async function presenceArrived(db: Database, who: Who, event: PresenceEvent): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await rowOfTab(tx, who, event);
    if (!row || (row.presenceSocket === event.socketId && row.disconnectedAt === null)) return;
    await updateParticipant(tx, row.id, { presenceSocket: event.socketId, disconnectedAt: null });
  });
}

/** The socket closed: unless it is back in time, the participant is taken to have left. */
export async function presenceDeparted(db: Database, clock: Clock, who: Who, event: PresenceEvent): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await rowOfTab(tx, who, event);
    // A newer socket of the tab has announced itself since (perhaps to another process): not gone.
    if (!row || row.presenceSocket !== event.socketId || row.disconnectedAt !== null) return;
    const now = clock.now();
    await updateParticipant(tx, row.id, { disconnectedAt: now });
    await scheduleJob(tx, clock, {
      name: PRESENCE_JOB,
      key: `${PRESENCE_JOB}:${row.id}`,
      runAt: new Date(now.getTime() + PRESENCE_GRACE_MS),
      payload: { meetingId: event.meetingId, participantId: row.id, clientId: event.clientId },
    });
  });
}

/**
 * The job after the grace period: marks the participant left if that tab is still gone.
 * Idempotent — it re-reads the row, and does nothing if they came back, joined from another
 * tab, left, were removed, or the meeting ended.
 */
export async function settlePresence(db: Database, clock: Clock, payload: Record<string, unknown>): Promise<void> {
  const meetingId = String(payload.meetingId);
  let changed = false;
  await db.transaction(async (tx) => {
    // The meeting's row lock serialises this with joins, admits and the end (as every change of a meeting).
    const meeting = await findMeeting(tx, meetingId, { forUpdate: true });
    if (!meeting || meeting.status === 'ended') return;
    const row = (await listParticipants(tx, meetingId)).find((candidate) => candidate.id === payload.participantId);
    const now = clock.now();
    if (!row || !isLive(row) || row.clientId !== payload.clientId || !isGoneAfterGrace(row.disconnectedAt, now)) return;
    // Their time stops when their connection went, not when the server noticed.
    const leftAt = presenceLeftAt({ disconnectedAt: row.disconnectedAt!, admittedAt: row.admittedAt });
    await updateParticipant(tx, row.id, { ...steppedOut(row, 'left', leftAt), disconnectedAt: null, presenceSocket: null });
    await recordAudit(tx, { clock }, { kind: 'system', name: 'meeting_presence' }, { action: 'update', objectType: 'meeting_participant', objectId: meeting.id });
    await announceMeetingChange(tx, clock, meeting, await listParticipants(tx, meetingId));
    changed = true;
  });
  if (changed) forgetMembership(meetingId);
}

registerJobHandler(PRESENCE_JOB, settlePresence);

/** Registered with the realtime platform (presence-routes.ts): for citizens, staff and invitation guests alike. */
export const meetingPresence: PresenceHandler = {
  arrived: async (context: ServiceContext, actor: Actor | RealtimeGuest, event: PresenceEvent) => {
    const who = whoOf(actor, event.meetingId);
    if (who) await presenceArrived(context.db, who, event);
  },
  departed: async (context: ServiceContext, actor: Actor | RealtimeGuest, event: PresenceEvent) => {
    const who = whoOf(actor, event.meetingId);
    if (who) await presenceDeparted(context.db, context.clock, who, event);
  },
};
