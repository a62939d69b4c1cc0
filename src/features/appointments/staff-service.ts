import { parseIdentityNumber } from '../../lib/personnummer.ts';
import { accessPatient } from '../../platform/access/access.ts';
import { ensureOngoingCareRelation } from '../../platform/access/store.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { idempotent, type IdempotencyScope, type IdempotentResult } from '../../platform/http/idempotency.ts';
import { nudgeOutbox } from '../../platform/notifications/outbox.ts';
import { findPersonById, findPersonByIdentityNumber } from '../../platform/people/store.ts';
import { bookSlot, cancelBooking, markAttendance, moveBooking } from './booking.ts';
import { appointmentErrors } from './errors.ts';
import {
  attendanceRequestSchema,
  staffBookRequestSchema,
  staffCancelRequestSchema,
  staffMoveRequestSchema,
  type AppointmentDetail,
  type AttendanceRequest,
  type PatientAppointments,
  type StaffBookRequest,
  type StaffCancelRequest,
  type StaffMoveRequest,
} from './staff-contract.ts';
import { patientView, schedulerOf, staffAppointmentOf, summaryOf, unitAppointment, unitNames, unitResource, unitVisitType, type Scheduler } from './staff-views.ts';
import { findVisitType, listPatientAppointments, type AppointmentRow } from './store.ts';

/**
 * Staff book, move and cancel on a patient's behalf and mark attendance (issue 5 item 4).
 * The writes themselves are booking.ts (shared with the patient's side); this decides who may
 * (clinicians and receptionists of the active unit, on the unit's own bookings) and passes
 * every read and write of a patient through accessPatient(), which audits it. Staff have no
 * cancellation deadline and may book any active visit type of the unit, published or not.
 */

/** The patient's appointments at the unit: the ones ahead soonest first, earlier ones latest first. */
async function historyOf(tx: Tx, staff: Scheduler, patientId: string, now: Date): Promise<PatientAppointments> {
  const rows = await listPatientAppointments(tx, patientId, { unitId: staff.unitId });
  const person = await findPersonById(tx, patientId);
  const names = await unitNames(tx, staff.unitId);
  const upcoming = rows.filter((row) => row.endsAt.getTime() > now.getTime()).reverse();
  const earlier = rows.filter((row) => row.endsAt.getTime() <= now.getTime());
  return { patient: patientView(patientId, person), upcoming: upcoming.map((row) => summaryOf(row, names)), earlier: earlier.map((row) => summaryOf(row, names)) };
}

async function detailOf(tx: Tx, staff: Scheduler, row: AppointmentRow, now: Date): Promise<AppointmentDetail> {
  const names = await unitNames(tx, staff.unitId);
  return { appointment: await staffAppointmentOf(tx, row, names, now), history: await historyOf(tx, staff, row.patientId, now) };
}

/** One booking with the patient's appointments at the unit (the details panel). */
export async function getAppointment(context: ServiceContext, actor: StaffActor, id: string): Promise<AppointmentDetail> {
  const staff = schedulerOf(actor);
  return context.db.transaction(async (tx) => {
    const row = await unitAppointment(tx, staff, id);
    await accessPatient(tx, context, actor, row.patientId, { action: 'read', objectType: 'appointment', objectId: row.id });
    return detailOf(tx, staff, row, context.clock.now());
  });
}

/** A patient's earlier and upcoming appointments at the active unit. */
export async function patientAppointments(context: ServiceContext, actor: StaffActor, patientId: string): Promise<PatientAppointments> {
  const staff = schedulerOf(actor);
  return context.db.transaction(async (tx) => {
    await accessPatient(tx, context, actor, patientId, { action: 'read', objectType: 'appointment_history', objectId: patientId });
    return historyOf(tx, staff, patientId, context.clock.now());
  });
}

/**
 * Book for a patient found by identity number. The booking starts an ongoing care relation
 * at the unit (as a case does), so the unit may then read what it booked.
 */
export async function bookForPatient(context: ServiceContext, actor: StaffActor, input: StaffBookRequest, scope: IdempotencyScope | null): Promise<IdempotentResult<AppointmentDetail>> {
  const staff = schedulerOf(actor);
  const request = staffBookRequestSchema.parse(input);
  const identity = parseIdentityNumber(request.identityNumber);
  if (!identity) throw appointmentErrors.invalidIdentityNumber();
  const result = await context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      const now = context.clock.now();
      const patient = await findPersonByIdentityNumber(tx, identity.normalised);
      if (!patient) throw appointmentErrors.patientNotFound();
      const [visitType, resource] = [await unitVisitType(tx, staff, request.visitTypeId), await unitResource(tx, staff, request.resourceId)];
      await ensureOngoingCareRelation(tx, now, staff.unitId, patient.id);
      const row = await bookSlot(tx, context.clock, {
        visitType,
        resource,
        startsAt: new Date(request.startsAt),
        patientId: patient.id,
        by: { staffId: staff.staffId },
        noteToPatient: request.noteToPatient || null,
      });
      await accessPatient(tx, context, actor, patient.id, { action: 'create', objectType: 'appointment', objectId: row.id });
      return detailOf(tx, staff, row, now);
    }),
  );
  // Committed: the confirmation may go out now rather than at the worker's next poll.
  nudgeOutbox();
  return result;
}

/** D2 for staff: to another free time (any resource of the unit offering the type), atomically, with no deadline. */
export async function moveAppointment(
  context: ServiceContext,
  actor: StaffActor,
  id: string,
  input: StaffMoveRequest,
  scope: IdempotencyScope | null,
): Promise<IdempotentResult<AppointmentDetail>> {
  const staff = schedulerOf(actor);
  const request = staffMoveRequestSchema.parse(input);
  const result = await context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 200, async () => {
      const old = await unitAppointment(tx, staff, id, true);
      // The booking's own type may since have been retired; a new choice must be an active one.
      const visitType = request.visitTypeId ? await unitVisitType(tx, staff, request.visitTypeId) : await findVisitType(tx, old.visitTypeId);
      if (!visitType) throw appointmentErrors.visitTypeNotFound();
      const resource = await unitResource(tx, staff, request.resourceId);
      const moved = await moveBooking(tx, context.clock, old, { visitType, resource, startsAt: new Date(request.startsAt), by: { staffId: staff.staffId } });
      // Audited after the move (an access refused still rolls it back): the audit chain's lock is
      // never held while waiting for the resource's booking lock (booking.ts).
      await accessPatient(tx, context, actor, old.patientId, { action: 'update', objectType: 'appointment', objectId: old.id });
      return detailOf(tx, staff, moved, context.clock.now());
    }),
  );
  nudgeOutbox();
  return result;
}

/** Cancel with a reason that stays in the audit log; the patient is told only that the time is cancelled. */
export async function cancelAppointment(
  context: ServiceContext,
  actor: StaffActor,
  id: string,
  input: StaffCancelRequest,
  scope: IdempotencyScope | null,
): Promise<IdempotentResult<AppointmentDetail>> {
  const staff = schedulerOf(actor);
  const request = staffCancelRequestSchema.parse(input);
  const result = await context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 200, async () => {
      const row = await unitAppointment(tx, staff, id, true);
      await accessPatient(tx, context, actor, row.patientId, { action: 'update', objectType: 'appointment', objectId: row.id, reason: `cancelled: ${request.reason}` });
      const cancelled = await cancelBooking(tx, context.clock, row, { staffId: staff.staffId });
      return detailOf(tx, staff, cancelled, context.clock.now());
    }),
  );
  nudgeOutbox();
  return result;
}

/** Arrived, no-show, or back to booked (undo); from the day of the visit. Setting a state is idempotent by itself. */
export async function setAttendance(context: ServiceContext, actor: StaffActor, id: string, input: AttendanceRequest): Promise<AppointmentDetail> {
  const staff = schedulerOf(actor);
  const request = attendanceRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const row = await unitAppointment(tx, staff, id, true);
    await accessPatient(tx, context, actor, row.patientId, { action: 'update', objectType: 'appointment_attendance', objectId: row.id });
    const marked = row.status === request.status ? row : await markAttendance(tx, context.clock, row, request.status, staff.staffId);
    return detailOf(tx, staff, marked, context.clock.now());
  });
}
