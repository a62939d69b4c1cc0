import { accessPatient } from '../../platform/access/access.ts';
import type { CitizenActor, StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { assertMayAttend, clinicianOf } from './access.ts';
import { meetingRecordForAppointment, openMeetingForAppointment } from './directory.ts';
import { meetingErrors } from './errors.ts';
import { appointmentForMeeting } from '../appointments/directory.ts';

/**
 * Opening the meeting of a booked video visit from either side: the practitioner from the
 * day's bookings, or the patient arriving first (who then waits for the practitioner).
 * Until the appointments feature shows its own "Starta videomöte" button, these routes are
 * how the web reaches openMeetingForAppointment.
 */

async function openedOnce<T>(open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    // Both sides opened it at the same moment: the unique index let one through; this one finds it.
    if (isUniqueViolation(error, 'meetings_one_per_appointment')) return open();
    throw error;
  }
}

export function staffOpenForAppointment(context: ServiceContext, actor: StaffActor, appointmentId: string) {
  const staff = clinicianOf(actor);
  return openedOnce(() =>
    context.db.transaction(async (tx) => {
      const appointment = await appointmentForMeeting(tx, appointmentId);
      if (!appointment || appointment.unitId !== staff.unitId) throw meetingErrors.appointmentNotFound();
      await accessPatient(tx, context, actor, appointment.patientId, { action: 'update', objectType: 'meeting_for_appointment', objectId: appointmentId });
      return openMeetingForAppointment(tx, context.clock, appointmentId, staff.staffId);
    }),
  );
}

export function patientOpenForAppointment(context: ServiceContext, actor: CitizenActor, appointmentId: string) {
  return openedOnce(() =>
    context.db.transaction(async (tx) => {
      await assertMayAttend(tx, actor, context.clock.now());
      const appointment = await appointmentForMeeting(tx, appointmentId);
      if (!appointment || appointment.patientId !== actor.subjectPersonId) throw meetingErrors.appointmentNotFound();
      await accessPatient(tx, context, actor, appointment.patientId, { action: 'update', objectType: 'meeting_for_appointment', objectId: appointmentId });
      return openMeetingForAppointment(tx, context.clock, appointmentId, null);
    }),
  );
}

/**
 * The short record of a booked video visit's meeting (issue 8 item 5), shown with the booking:
 * null while no meeting has been opened for it. Staff of the booking's unit, or the patient
 * (or whoever acts for them); audited as a read of the patient.
 */
export async function staffRecordForAppointment(context: ServiceContext, actor: StaffActor, appointmentId: string) {
  // Anyone working at the unit (receptionists see it in Tidbok too); accessPatient decides on the patient.
  if (!actor.unitId || actor.unitRoles.length === 0) throw meetingErrors.noActiveUnit();
  const unitId = actor.unitId;
  return context.db.transaction(async (tx) => {
    const appointment = await appointmentForMeeting(tx, appointmentId);
    if (!appointment || appointment.unitId !== unitId) throw meetingErrors.appointmentNotFound();
    await accessPatient(tx, context, actor, appointment.patientId, { action: 'read', objectType: 'meeting_record', objectId: appointmentId });
    return { record: await meetingRecordForAppointment(tx, context.clock, appointmentId) };
  });
}

export async function patientRecordForAppointment(context: ServiceContext, actor: CitizenActor, appointmentId: string) {
  return context.db.transaction(async (tx) => {
    await assertMayAttend(tx, actor, context.clock.now());
    const appointment = await appointmentForMeeting(tx, appointmentId);
    if (!appointment || appointment.patientId !== actor.subjectPersonId) throw meetingErrors.appointmentNotFound();
    await accessPatient(tx, context, actor, appointment.patientId, { action: 'read', objectType: 'meeting_record', objectId: appointmentId });
    return { record: await meetingRecordForAppointment(tx, context.clock, appointmentId) };
  });
}
