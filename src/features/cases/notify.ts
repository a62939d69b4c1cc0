import { ageOn, stockholmDate } from '../../lib/stockholm-time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { enqueueNotification } from '../../platform/notifications/outbox.ts';
import { findPersonById, listGuardiansOf } from '../../platform/people/store.ts';

/** Guardians act for a child until the child turns 13 (seed 002); so they are the ones to tell. */
const GUARDIANS_NOTIFIED_BELOW_AGE = 13;

/**
 * Tells the patient (and a young child's guardians) that something new waits in Nära —
 * only that (C6: no medical content in e-mail or SMS). Written to the outbox in the same
 * transaction as the message; the dedupe key is the event, so a retried request sends once.
 */
export async function notifyPatientOfNewMessage(tx: Tx, clock: Clock, patientId: string, eventId: string): Promise<void> {
  const patient = await findPersonById(tx, patientId);
  if (!patient) return;
  const recipients = [patientId];
  if (ageOn(patient.birthDate, stockholmDate(clock.now())) < GUARDIANS_NOTIFIED_BELOW_AGE) {
    recipients.push(...(await listGuardiansOf(tx, patientId)).map((guardian) => guardian.id));
  }
  await enqueueNotification(tx, clock, { recipientPersonIds: recipients, template: 'new_message', dedupeKey: `case-event:${eventId}` });
}
