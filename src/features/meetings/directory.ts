import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { MeetingRecord } from './contract.ts';
import { meetingErrors } from './errors.ts';
import { announceMeetingChange } from './live.ts';
import { createMeetingRow } from './service.ts';
import { appointmentForMeeting } from '../appointments/directory.ts';
import { findMeetingOfAppointment } from './store.ts';
import { meetingRecordOf } from './views.ts';

/**
 * What other features may ask of meetings. The appointments feature opens the meeting of a
 * booked video visit here and shows its record on the booking.
 */

/**
 * Finds or creates the meeting of a booked video visit (one per booking): hosted by the
 * practitioner the visit is booked with, about the booking's patient, planned at its start,
 * requiring strong eID (the patient logs in with BankID). Call inside the caller's
 * transaction, after its own access check; audit is the caller's (it holds the decision).
 * `openedByStaffId` is the member of staff opening it, or null when the patient arrives first.
 */
export async function openMeetingForAppointment(tx: Tx, clock: Clock, appointmentId: string, openedByStaffId: string | null): Promise<{ meetingId: string; created: boolean }> {
  const existing = await findMeetingOfAppointment(tx, appointmentId);
  if (existing) return { meetingId: existing.id, created: false };
  const appointment = await appointmentForMeeting(tx, appointmentId);
  if (!appointment) throw meetingErrors.appointmentNotFound();
  if (appointment.channel !== 'video') throw meetingErrors.notVideoAppointment();
  if (appointment.status !== 'booked' && appointment.status !== 'arrived') throw meetingErrors.appointmentNotLive();
  const hostStaffId = appointment.practitionerStaffId ?? openedByStaffId;
  if (!hostStaffId) throw meetingErrors.appointmentHasNoHost();
  const meeting = await createMeetingRow(tx, clock.now(), {
    unitId: appointment.unitId,
    kind: 'patient_care',
    title: null,
    createdByStaffId: openedByStaffId,
    hostStaffId,
    patientId: appointment.patientId,
    appointmentId: appointment.id,
    requiredIdentification: 'strong_eid',
    startsAt: appointment.startsAt,
  });
  await announceMeetingChange(tx, clock, meeting, []);
  return { meetingId: meeting.id, created: true };
}

/** The meeting record of a booking's video visit (who took part, when, how long), or null if none was held. */
export async function meetingRecordForAppointment(tx: Tx, clock: Clock, appointmentId: string): Promise<MeetingRecord | null> {
  const meeting = await findMeetingOfAppointment(tx, appointmentId);
  return meeting ? meetingRecordOf(tx, meeting, clock.now()) : null;
}
