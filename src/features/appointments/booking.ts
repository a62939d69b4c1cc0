import { stockholmDate } from '../../lib/stockholm-time.ts';
import type { Clock } from '../../platform/clock.ts';
import { sql } from 'drizzle-orm';
import { isExclusionViolation, type Tx } from '../../platform/db/database.ts';
import { enqueueNotification } from '../../platform/notifications/outbox.ts';
import { appointmentErrors } from './errors.ts';
import { announceAppointmentChange } from './live.ts';
import { generateSlots } from './model.ts';
import { cancelAppointmentReminder, scheduleAppointmentReminder } from './reminders.ts';
import { insertAppointment, updateAppointment, type AppointmentRow, type ResourceRow, type VisitTypeRow } from './store.ts';

/**
 * The writes every booking path shares (patient, guardian, staff): book a slot, move a
 * booking, cancel, mark attendance. Each runs in the caller's transaction together with the
 * reminder job, the notification and the live event, so they exist exactly when the change
 * commits. Who may do what (deadlines, online rules, access) is the callers' business.
 *
 * No double booking: the insert is the check. The exclusion constraint
 * `appointments_no_overlap` lets only one of any number of concurrent bookings of a time
 * commit; the others fail with 23P01 and become 409 slot_taken. A move frees the old time
 * and takes the new one in one transaction, so if the new time is lost the old one stays.
 *
 * Bookings of one resource first queue on a transaction-scoped advisory lock: two inserts
 * that conflict under an exclusion constraint otherwise each see the other's uncommitted
 * row and wait for each other, and PostgreSQL breaks that with a deadlock error (seen as a
 * 500 in about 1 of 600 contended bookings). Callers audit after booking, never before, so
 * no transaction waits for this lock while holding the audit chain's. A patient's online
 * booking of a limited visit type takes its per-patient lock (patient-service.ts) before this
 * one; nothing takes them the other way round.
 */
const BOOKING_LOCK_CLASS = 7_361_005;
export type Booker = { personId: string } | { staffId: string };

export type NewBooking = {
  visitType: VisitTypeRow;
  resource: ResourceRow;
  startsAt: Date;
  patientId: string;
  by: Booker;
  noteToPatient?: string | null;
};

type Notice = 'appointment_booked' | 'appointment_changed' | 'appointment_cancelled';

const changedBy = (by: Booker) => ('personId' in by ? { changedByPersonId: by.personId, changedByStaffId: null } : { changedByPersonId: null, changedByStaffId: by.staffId });

/** The time must be one of the resource's slots for the visit type (its template decides), and still ahead. */
function assertInSchedule(booking: NewBooking, now: Date): void {
  const { visitType, resource, startsAt } = booking;
  if (resource.unitId !== visitType.unitId || !resource.active || !resource.visitTypeIds.includes(visitType.id)) throw appointmentErrors.wrongVisitTypeForResource();
  if (startsAt.getTime() <= now.getTime()) throw appointmentErrors.slotNotOffered();
  const slots = generateSlots(resource.template, stockholmDate(startsAt), 1, visitType.lengthMinutes);
  if (!slots.some((slot) => slot.start.getTime() === startsAt.getTime())) throw appointmentErrors.slotNotOffered();
}

export async function bookSlot(tx: Tx, clock: Clock, booking: NewBooking, options: { rebookedFromId?: string; notice?: Notice } = {}): Promise<AppointmentRow> {
  const now = clock.now();
  assertInSchedule(booking, now);
  await tx.execute(sql`select pg_advisory_xact_lock(${BOOKING_LOCK_CLASS}, hashtext(${booking.resource.id}))`);
  let row: AppointmentRow;
  try {
    row = await insertAppointment(tx, {
      unitId: booking.visitType.unitId,
      resourceId: booking.resource.id,
      visitTypeId: booking.visitType.id,
      patientId: booking.patientId,
      startsAt: booking.startsAt,
      endsAt: new Date(booking.startsAt.getTime() + booking.visitType.lengthMinutes * 60_000),
      channel: booking.visitType.channel,
      status: 'booked',
      bookedByPersonId: 'personId' in booking.by ? booking.by.personId : null,
      bookedByStaffId: 'staffId' in booking.by ? booking.by.staffId : null,
      bookedAt: now,
      noteToPatient: booking.noteToPatient ?? null,
      rebookedFromId: options.rebookedFromId ?? null,
    });
  } catch (error) {
    if (isExclusionViolation(error, 'appointments_no_overlap')) throw appointmentErrors.slotTaken();
    throw error;
  }
  await scheduleAppointmentReminder(tx, clock, row);
  await notifyPatient(tx, clock, row, options.notice ?? 'appointment_booked');
  await announceAppointmentChange(tx, clock, row);
  return row;
}

/** D2: the old time is released only together with taking the new one (both in this transaction). */
export async function moveBooking(tx: Tx, clock: Clock, old: AppointmentRow, to: Omit<NewBooking, 'patientId'>): Promise<AppointmentRow> {
  if (old.status !== 'booked') throw appointmentErrors.notChangeable();
  const now = clock.now();
  await updateAppointment(tx, old.id, { status: 'rebooked', changedAt: now, ...changedBy(to.by) });
  await cancelAppointmentReminder(tx, old.id);
  const moved = await bookSlot(tx, clock, { ...to, patientId: old.patientId, noteToPatient: to.noteToPatient ?? old.noteToPatient }, { rebookedFromId: old.id, notice: 'appointment_changed' });
  await updateAppointment(tx, old.id, { replacedById: moved.id });
  return moved;
}

export async function cancelBooking(tx: Tx, clock: Clock, appointment: AppointmentRow, by: Booker): Promise<AppointmentRow> {
  if (appointment.status !== 'booked') throw appointmentErrors.notChangeable();
  const row = await updateAppointment(tx, appointment.id, { status: 'cancelled', changedAt: clock.now(), ...changedBy(by) });
  await cancelAppointmentReminder(tx, appointment.id);
  await notifyPatient(tx, clock, row, 'appointment_cancelled');
  await announceAppointmentChange(tx, clock, row);
  return row;
}

/** Staff mark a visit arrived or no-show (or correct the mark) from the day it is booked for. */
export async function markAttendance(tx: Tx, clock: Clock, appointment: AppointmentRow, status: 'arrived' | 'no_show' | 'booked', staffId: string): Promise<AppointmentRow> {
  if (!['booked', 'arrived', 'no_show'].includes(appointment.status)) throw appointmentErrors.notChangeable();
  const now = clock.now();
  if (stockholmDate(appointment.startsAt) > stockholmDate(now)) throw appointmentErrors.notYetAttendable();
  const row = await updateAppointment(tx, appointment.id, { status, changedAt: now, changedByPersonId: null, changedByStaffId: staffId });
  if (status !== 'booked') await cancelAppointmentReminder(tx, appointment.id);
  await announceAppointmentChange(tx, clock, row);
  return row;
}

/** The patient, and whoever booked for them (a guardian), hear of the change; the text holds only the time. */
async function notifyPatient(tx: Tx, clock: Clock, row: AppointmentRow, template: Notice): Promise<void> {
  const recipients = [row.patientId, ...(row.bookedByPersonId ? [row.bookedByPersonId] : [])];
  await enqueueNotification(tx, clock, {
    recipientPersonIds: recipients,
    template,
    dedupeKey: `${template}:${row.id}:${row.status}`,
    params: { startsAt: row.startsAt.toISOString() },
  });
}
