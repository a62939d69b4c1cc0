import { ageOn, stockholmDate } from '../../lib/stockholm-time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { enqueueNotification, nudgeOutbox } from '../../platform/notifications/outbox.ts';
import { findPersonById, listGuardiansOf } from '../../platform/people/store.ts';
import { NOTIFY_UNREAD_AFTER_MS } from './model.ts';
import { listUnreadByPatient, updateChat } from './store.ts';

/** Guardians act for a child until the child turns 13 (seed 002); so they are the ones to tell. */
const GUARDIANS_NOTIFIED_BELOW_AGE = 13;
const SWEEP_EVERY_MS = 30_000;

/**
 * A patient who is not looking gets the outbox's "new message in Nära" (no content) when a
 * staff message in a live chat has stayed unread for two minutes. Chosen over asking the
 * realtime hub whether the patient has a socket: a socket may be open on another server
 * process, or open in a tab nobody looks at; an unread message is what matters. Each unread
 * stretch notifies once (chats.notified_through_seq); the dedupe key is the message, and
 * rows are taken with SKIP LOCKED, so two processes sweeping at once send one notification.
 */
export async function notifyUnreadChatMessages(db: Database, clock: Clock): Promise<number> {
  const now = clock.now();
  const enqueued = await db.transaction(async (tx) => {
    const unread = await listUnreadByPatient(tx, new Date(now.getTime() - NOTIFY_UNREAD_AFTER_MS));
    for (const { chatId, patientId, seq } of unread) {
      const patient = await findPersonById(tx, patientId);
      const recipients = [patientId];
      if (patient && ageOn(patient.birthDate, stockholmDate(now)) < GUARDIANS_NOTIFIED_BELOW_AGE) recipients.push(...(await listGuardiansOf(tx, patientId)).map((guardian) => guardian.id));
      await enqueueNotification(tx, clock, { recipientPersonIds: recipients, template: 'new_message', dedupeKey: `chat-message:${chatId}:${seq}` });
      await updateChat(tx, chatId, { notifiedThroughSeq: seq });
    }
    return unread.length;
  });
  if (enqueued > 0) nudgeOutbox();
  return enqueued;
}

/** Sweeps every 30 s while the server runs; returns the stop function. */
export function startUnreadSweep(db: Database, clock: Clock, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => void notifyUnreadChatMessages(db, clock).catch(onError), SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
