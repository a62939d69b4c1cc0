import { sql } from 'drizzle-orm';
import { accessPatient } from '../../platform/access/access.ts';
import { ensureOngoingCareRelation } from '../../platform/access/store.ts';
import type { CitizenActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { idempotent, type IdempotencyScope, type IdempotentResult } from '../../platform/http/idempotency.ts';
import { cancelBooking, bookSlot, moveBooking } from './booking.ts';
import { appointmentErrors } from './errors.ts';
import { cancellationDeadline } from './model.ts';
import { calendarEventOf } from './patient-calendar.ts';
import { calendarFile } from './ics.ts';
import { bookRequestSchema, rebookRequestSchema, type AppointmentList, type BookRequest, type PatientAppointment, type RebookRequest, type SlotList, type SlotQuery } from './patient-contract.ts';
import { changeRefusal, heldTimes, splitVisits, visitsAtBookingLimit, withinHorizon } from './patient-model.ts';
import { assertMayHandleAppointments, bookableVisitType, slotsOf } from './patient-offer.ts';
import { appointmentView, bookedWithOf, reachOf, unitCardOf, unitCards, webBookingUnits } from './patient-views.ts';
import { findAppointment, findResource, findSettings, findVisitType, listBookedNotOverOfType, listPatientAppointments, listResources, listVisitTypes, type AppointmentRow, type VisitTypeRow } from './store.ts';

/**
 * The patient's appointments (D1–D4, D6's calendar file): their bookings, booking a free
 * time, cancelling and moving one before its deadline. Always about the person the citizen
 * acts for (themselves, a child as guardian, a principal as proxy with scope
 * `appointments`); the acting person is recorded as who booked or changed it. Every read
 * and write of a booking goes through accessPatient(), which audits it.
 */

/** The patient's bookings as they see them, with unit, practitioner and what they may still change. */
async function viewsOf(tx: Tx, rows: AppointmentRow[], patientId: string, now: Date): Promise<PatientAppointment[]> {
  if (rows.length === 0) return [];
  const unitIds = [...new Set(rows.map((row) => row.unitId))];
  const reach = await reachOf(tx, patientId, now);
  const cards = await unitCards(tx, unitIds);
  const types = await listVisitTypes(tx, unitIds, { activeOnly: false });
  const resources: Awaited<ReturnType<typeof listResources>> = [];
  for (const unitId of unitIds) resources.push(...(await listResources(tx, unitId, { activeOnly: false })));
  const used = new Set(rows.map((row) => row.resourceId));
  const webBooking = await webBookingUnits(tx, unitIds, reach);
  const withOf = await bookedWithOf(tx, resources.filter((resource) => used.has(resource.id)));
  const typeOf = new Map(types.map((type) => [type.id, type]));
  return rows.map((row) =>
    appointmentView(row, { visitType: typeOf.get(row.visitTypeId)!, unit: unitCardOf(cards, row.unitId), with: withOf.get(row.resourceId)!, reach, webBooking }, now),
  );
}

const viewOf = async (tx: Tx, row: AppointmentRow, now: Date) => (await viewsOf(tx, [row], row.patientId, now))[0]!;

/** One of the subject's own bookings; anyone else's does not exist (404), whoever asks. */
async function ownAppointment(tx: Tx, actor: CitizenActor, id: string, now: Date, forUpdate = false): Promise<AppointmentRow> {
  await assertMayHandleAppointments(tx, actor, now);
  const row = await findAppointment(tx, id, { forUpdate });
  if (!row || row.patientId !== actor.subjectPersonId || row.status === 'rebooked') throw appointmentErrors.appointmentNotFound();
  return row;
}

/** D2, D4: only a booked visit, and only before its deadline. */
function assertChangeable(row: AppointmentRow, visitType: VisitTypeRow, now: Date): void {
  const refusal = changeRefusal(row, visitType.cancellationHours, now);
  if (refusal === 'not_booked') throw appointmentErrors.notChangeable();
  if (refusal === 'deadline_passed') throw appointmentErrors.tooLateToChange(cancellationDeadline(row.startsAt, visitType.cancellationHours));
}

/**
 * One patient's bookings queue on this transaction-scoped lock, so two tabs booking a limited
 * type at once cannot both count the times held before either has committed. Lock order, never
 * the other way round: idempotency key (7_361_003) → this (7_361_006, per patient) → the
 * resource's booking lock in booking.ts (7_361_005) → the audit chain (after booking).
 */
const PATIENT_BOOKING_LOCK_CLASS = 7_361_006;

/**
 * A visit type's web booking limit (only a new booking online: not a move, not staff): the
 * patient may not hold more upcoming booked times of the type than it allows. Types without a
 * limit take no lock and read nothing.
 */
async function assertUnderBookingLimit(tx: Tx, visitType: VisitTypeRow, patientId: string, now: Date): Promise<void> {
  if (visitType.maxUpcomingPerPatient === null) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${PATIENT_BOOKING_LOCK_CLASS}, hashtext(${patientId}))`);
  const held = visitsAtBookingLimit(await listBookedNotOverOfType(tx, patientId, visitType.id, now), visitType.maxUpcomingPerPatient, now);
  if (!held) return;
  throw appointmentErrors.bookingLimitReached(visitType.name, visitType.maxUpcomingPerPatient, heldTimes(held, visitType.cancellationHours, now), now);
}

/** The horizon and the schedule resource of a new time; the booking itself checks the slot. */
async function resourceForNewTime(tx: Tx, visitType: VisitTypeRow, request: { resourceId: string; startsAt: string }, now: Date) {
  const startsAt = new Date(request.startsAt);
  const settings = await findSettings(tx, visitType.unitId);
  if (!withinHorizon(startsAt, now, settings.bookingHorizonDays)) throw appointmentErrors.outsideHorizon();
  const resource = await findResource(tx, request.resourceId);
  if (!resource || resource.unitId !== visitType.unitId) throw appointmentErrors.resourceNotFound();
  return { resource, startsAt };
}

export async function listMyAppointments(context: ServiceContext, actor: CitizenActor): Promise<AppointmentList> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayHandleAppointments(tx, actor, now);
    const patientId = actor.subjectPersonId;
    await accessPatient(tx, context, actor, patientId, { action: 'read', objectType: 'appointment_list' });
    const rows = splitVisits(await listPatientAppointments(tx, patientId), now);
    const views = new Map((await viewsOf(tx, [...rows.upcoming, ...rows.past], patientId, now)).map((view) => [view.id, view]));
    return { upcoming: rows.upcoming.map((row) => views.get(row.id)!), past: rows.past.map((row) => views.get(row.id)!) };
  });
}

export async function getMyAppointment(context: ServiceContext, actor: CitizenActor, id: string): Promise<PatientAppointment> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const row = await ownAppointment(tx, actor, id, now);
    await accessPatient(tx, context, actor, row.patientId, { action: 'read', objectType: 'appointment', objectId: row.id });
    return viewOf(tx, row, now);
  });
}

/** D3: books a free time. With an Idempotency-Key a retry or double click answers the first booking. */
export async function bookAppointment(context: ServiceContext, actor: CitizenActor, input: BookRequest, scope: IdempotencyScope | null): Promise<IdempotentResult<PatientAppointment>> {
  const request = bookRequestSchema.parse(input);
  return context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      const now = context.clock.now();
      await assertMayHandleAppointments(tx, actor, now);
      const patientId = actor.subjectPersonId;
      const { visitType } = await bookableVisitType(tx, request.visitTypeId, patientId, now);
      const { resource, startsAt } = await resourceForNewTime(tx, visitType, request, now);
      await assertUnderBookingLimit(tx, visitType, patientId, now);
      const row = await bookSlot(tx, context.clock, { visitType, resource, startsAt, patientId, by: { personId: actor.personId } });
      // A booked visit is a care episode at the unit: its staff may then read the patient.
      await ensureOngoingCareRelation(tx, now, visitType.unitId, patientId);
      await accessPatient(tx, context, actor, patientId, { action: 'create', objectType: 'appointment', objectId: row.id });
      return viewOf(tx, row, now);
    }),
  );
}

/** D4: cancels before the deadline; after it the patient calls the unit. */
export async function cancelMyAppointment(context: ServiceContext, actor: CitizenActor, id: string, scope: IdempotencyScope | null): Promise<IdempotentResult<PatientAppointment>> {
  return context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 200, async () => {
      const now = context.clock.now();
      const row = await ownAppointment(tx, actor, id, now, true);
      assertChangeable(row, (await findVisitType(tx, row.visitTypeId))!, now);
      const cancelled = await cancelBooking(tx, context.clock, row, { personId: actor.personId });
      await accessPatient(tx, context, actor, row.patientId, { action: 'update', objectType: 'appointment', objectId: row.id });
      return viewOf(tx, cancelled, now);
    }),
  );
}

/** The free times a booking may move to: its own visit type's, if it may still be moved. */
export async function rebookSlots(context: ServiceContext, actor: CitizenActor, id: string, query: SlotQuery): Promise<SlotList> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const row = await ownAppointment(tx, actor, id, now);
    await accessPatient(tx, context, actor, row.patientId, { action: 'read', objectType: 'appointment', objectId: row.id });
    const { visitType } = await bookableVisitType(tx, row.visitTypeId, row.patientId, now);
    assertChangeable(row, visitType, now);
    return slotsOf(tx, visitType, query, now);
  });
}

/**
 * D2: moves a booking to another free time of the same visit type in one step. The old
 * time is released in the same transaction that takes the new one, so if the new time is
 * taken (409 slot_taken) the patient keeps the old one.
 */
export async function rebookMyAppointment(
  context: ServiceContext,
  actor: CitizenActor,
  id: string,
  input: RebookRequest,
  scope: IdempotencyScope | null,
): Promise<IdempotentResult<PatientAppointment>> {
  const request = rebookRequestSchema.parse(input);
  return context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      const now = context.clock.now();
      const row = await ownAppointment(tx, actor, id, now, true);
      const { visitType } = await bookableVisitType(tx, row.visitTypeId, row.patientId, now);
      assertChangeable(row, visitType, now);
      const { resource, startsAt } = await resourceForNewTime(tx, visitType, request, now);
      const moved = await moveBooking(tx, context.clock, row, { visitType, resource, startsAt, by: { personId: actor.personId } });
      await accessPatient(tx, context, actor, row.patientId, { action: 'update', objectType: 'appointment', objectId: row.id });
      await accessPatient(tx, context, actor, row.patientId, { action: 'create', objectType: 'appointment', objectId: moved.id });
      return viewOf(tx, moved, now);
    }),
  );
}

/** D6: the booking as an .ics file; its name holds the date only, never who it is for. */
export async function myAppointmentCalendar(
  context: ServiceContext,
  actor: CitizenActor,
  id: string,
  options: { publicUrl: string; language: 'sv' | 'en' },
): Promise<{ fileName: string; content: string }> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const row = await ownAppointment(tx, actor, id, now);
    await accessPatient(tx, context, actor, row.patientId, { action: 'read', objectType: 'appointment_calendar', objectId: row.id });
    const view = await viewOf(tx, row, now);
    const event = calendarEventOf(view, { ...options, now });
    return { fileName: `besok-${event.localDate}.ics`, content: calendarFile(event) };
  });
}
