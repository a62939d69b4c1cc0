import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { cancelJob, registerJobHandler, scheduleJob } from '../../platform/jobs/jobs.ts';
import { enqueueNotification, nudgeOutbox } from '../../platform/notifications/outbox.ts';
import { findAppointment, findSettings } from './store.ts';

/**
 * D6: a reminder before the appointment, by the recipients' own choice of e-mail/SMS through
 * the outbox, `reminder_hours_before` the unit's settings say (24 without settings). It is a
 * durable job (platform/jobs), scheduled in the booking's transaction, so it survives a
 * restart and runs once across processes. The text says only the date and time (the outbox's
 * appointment_reminder template): no unit, practitioner, visit type or anything medical.
 */
export const REMINDER_JOB = 'appointment-reminder';

const HOUR = 3_600_000;

export const reminderKey = (appointmentId: string) => `${REMINDER_JOB}:${appointmentId}`;

const payloadSchema = z.object({ appointmentId: z.uuid(), startsAt: z.iso.datetime({ offset: true }) });
export type ReminderPayload = z.infer<typeof payloadSchema>;

/**
 * Schedules (or moves) the booking's reminder in the caller's transaction. When the reminder's
 * moment has already passed (booked at short notice), none is sent: the booking confirmation
 * is enough.
 */
export async function scheduleAppointmentReminder(tx: Tx, clock: Clock, appointment: { id: string; unitId: string; startsAt: Date }): Promise<void> {
  const { reminderHoursBefore } = await findSettings(tx, appointment.unitId);
  const runAt = new Date(appointment.startsAt.getTime() - reminderHoursBefore * HOUR);
  if (runAt.getTime() <= clock.now().getTime()) {
    await cancelJob(tx, reminderKey(appointment.id));
    return;
  }
  const payload: ReminderPayload = { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() };
  await scheduleJob(tx, clock, { name: REMINDER_JOB, key: reminderKey(appointment.id), runAt, payload });
}

/** The booking was cancelled, moved or attended: its reminder is not sent. */
export async function cancelAppointmentReminder(tx: Tx, appointmentId: string): Promise<void> {
  await cancelJob(tx, reminderKey(appointmentId));
}

/**
 * The job. Idempotent, as every job handler must be: it re-reads the booking and sends only if
 * it is still booked for the time the reminder was scheduled for (a cancelled or moved booking
 * whose job was not cancelled, say by a race, sends nothing), and the dedupe key makes a second
 * run enqueue nothing. The patient gets it, and whoever booked it for them (a guardian).
 */
export async function sendAppointmentReminder(db: Database, clock: Clock, rawPayload: Record<string, unknown>): Promise<void> {
  const payload = payloadSchema.parse(rawPayload);
  const startsAt = new Date(payload.startsAt);
  const enqueued = await db.transaction(async (tx) => {
    const appointment = await findAppointment(tx, payload.appointmentId);
    if (!appointment || appointment.status !== 'booked' || appointment.startsAt.getTime() !== startsAt.getTime()) return 0;
    // A worker that was down past the appointment: a reminder now would only confuse.
    if (appointment.startsAt.getTime() <= clock.now().getTime()) return 0;
    const recipients = [appointment.patientId];
    if (appointment.bookedByPersonId && appointment.bookedByPersonId !== appointment.patientId) recipients.push(appointment.bookedByPersonId);
    return enqueueNotification(tx, clock, {
      recipientPersonIds: recipients,
      template: 'appointment_reminder',
      dedupeKey: `${REMINDER_JOB}:${appointment.id}:${payload.startsAt}`,
      params: { startsAt: payload.startsAt },
    });
  });
  if (enqueued > 0) nudgeOutbox();
}

// Registered when the module loads; booking.ts imports this module, so every process that serves
// the appointment routes can run the reminders.
registerJobHandler(REMINDER_JOB, sendAppointmentReminder);
