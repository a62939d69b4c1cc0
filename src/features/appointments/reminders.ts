import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { cancelJob, cancelJobs, jobsDone, registerJobHandler, scheduleJobs, type ScheduledJob } from '../../platform/jobs/jobs.ts';
import { enqueueNotification, nudgeOutbox } from '../../platform/notifications/outbox.ts';
import { listUnitBookedAhead } from './admin-store.ts';
import { reminderMoment } from './reminder-time.ts';
import { findAppointment, findSettings } from './store.ts';

/**
 * D6: a reminder before the appointment, by the recipients' own choice of e-mail/SMS through
 * the outbox, `reminder_hours_before` the unit's settings say (24 without settings). It is a
 * durable job (platform/jobs), scheduled in the booking's transaction, so it survives a
 * restart and runs once across processes. The text says only the date and time (the outbox's
 * appointment_reminder template): no unit, practitioner, visit type or anything medical.
 * The hours are counted on the Stockholm wall clock (reminder-time.ts), so "24 hours before" a
 * 09:00 visit is 09:00 the day before also across a clock change.
 */
export const REMINDER_JOB = 'appointment-reminder';

const KEY_PREFIX = `${REMINDER_JOB}:`;
export const reminderKey = (appointmentId: string) => `${KEY_PREFIX}${appointmentId}`;

const payloadSchema = z.object({ appointmentId: z.uuid(), startsAt: z.iso.datetime({ offset: true }) });
export type ReminderPayload = z.infer<typeof payloadSchema>;

/**
 * Schedules (or moves) the booking's reminder in the caller's transaction. When the reminder's
 * moment has already passed (booked at short notice), none is sent: the booking confirmation
 * is enough.
 */
export async function scheduleAppointmentReminder(tx: Tx, clock: Clock, appointment: { id: string; unitId: string; startsAt: Date }): Promise<void> {
  const { reminderHoursBefore } = await findSettings(tx, appointment.unitId);
  await scheduleReminders(tx, clock, [appointment], reminderHoursBefore);
}

/** The reminder jobs of these bookings under a reminder time, and the bookings whose reminder moment has passed (none is sent). */
function remindersOf(appointments: { id: string; startsAt: Date }[], hoursBefore: number, now: Date): { due: ScheduledJob[]; passed: string[] } {
  const due: ScheduledJob[] = [];
  const passed: string[] = [];
  for (const appointment of appointments) {
    const runAt = reminderMoment(appointment.startsAt, hoursBefore);
    if (runAt.getTime() <= now.getTime()) {
      passed.push(reminderKey(appointment.id));
      continue;
    }
    const payload: ReminderPayload = { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() };
    due.push({ name: REMINDER_JOB, key: reminderKey(appointment.id), runAt, payload });
  }
  return { due, passed };
}

async function scheduleReminders(tx: Tx, clock: Clock, appointments: { id: string; startsAt: Date }[], hoursBefore: number): Promise<void> {
  const { due, passed } = remindersOf(appointments, hoursBefore, clock.now());
  await cancelJobs(tx, passed);
  await scheduleJobs(tx, clock, due);
}

/**
 * The unit's reminder time changed: it applies to the bookings already made too, in the
 * caller's transaction (the one that saves the setting). Each booking still ahead gets its
 * reminder at the new moment, or none when that has passed (as if booked now under the new
 * time); a reminder already sent is not sent again. Returns how many bookings were considered.
 * The jobs are written a thousand to a statement.
 */
export async function rescheduleUnitReminders(tx: Tx, clock: Clock, unitId: string, hoursBefore: number): Promise<number> {
  const booked = await listUnitBookedAhead(tx, unitId, clock.now());
  // A reminder already sent is not sent again (the patient may have changed e-mail or SMS since).
  const sent = await jobsDone(tx, booked.map((appointment) => reminderKey(appointment.id)));
  const ahead = booked.filter((appointment) => !sent.has(reminderKey(appointment.id)));
  await scheduleReminders(tx, clock, ahead, hoursBefore);
  return ahead.length;
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
