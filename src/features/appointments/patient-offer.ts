import { addDays } from '../../lib/calendar/iso-date.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import { accessPatient, canRepresent } from '../../platform/access/access.ts';
import type { CitizenActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { sendableCaseTypes } from '../cases/directory.ts';
import { offeredSlots } from './availability.ts';
import { appointmentErrors } from './errors.ts';
import { onlineBookingRefusal, type Channel, type OnlineBookers } from './model.ts';
import { SOONEST_DEFAULT, type BookingUnits, type SlotList, type SlotQuery, type UnitVisitTypes } from './patient-contract.ts';
import { heldTimes, lastBookableDate, visitsAtBookingLimit } from './patient-model.ts';
import { bookedWithOf, bookingRefusalFor, isListed, reachOf, unitCardOf, unitCards, visitTypeSummary, webBookingUnits, type PatientReach } from './patient-views.ts';
import { findSettings, findVisitType, listPatientAppointments, listResourcesOffering, listVisitTypes, type AppointmentRow, type VisitTypeRow } from './store.ts';

/**
 * What a patient may book (D3, D5): the units they have care relations with, a unit's
 * visit types with why one is not bookable online for them, and the free times of a type.
 * Always for the person the citizen acts for; a proxy needs the scope `appointments`.
 */

/** A guardian of a child under 13 always may; a proxy only if the power of attorney covers appointments. */
export async function assertMayHandleAppointments(tx: Tx, actor: CitizenActor, at: Date): Promise<void> {
  if (actor.personId === actor.subjectPersonId) return;
  if (!(await canRepresent(tx, at, actor.personId, actor.subjectPersonId, 'appointments'))) throw appointmentErrors.proxyScope();
}

/** Units with an active care relation, listed first; the web app searches for others (e-service webbtidbok). */
export async function bookingUnits(context: ServiceContext, actor: CitizenActor): Promise<BookingUnits> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayHandleAppointments(tx, actor, now);
    const reach = await reachOf(tx, actor.subjectPersonId, now);
    const unitIds = [...reach.relations.keys()];
    const cards = await unitCards(tx, unitIds);
    const webBooking = await webBookingUnits(tx, unitIds, reach);
    const units = unitIds
      .map((id) => ({ unit: unitCardOf(cards, id), relation: reach.relations.get(id)!, bookingOffered: webBooking.has(id) }))
      .sort((a, b) => Number(b.relation === 'listed') - Number(a.relation === 'listed') || a.unit.name.localeCompare(b.unit.name, 'sv'));
    return { units };
  });
}

/** The case types that stand beside booking (D5): Beställ tid and Av-/omboka tid, or a unit's own type in their place. */
async function timeCaseTypes(tx: Tx, unitId: string, patientId: string, now: Date) {
  const offered = await sendableCaseTypes(tx, unitId, patientId, now);
  const keyOf = (code: string) => offered.find((offer) => offer.replaces === code)?.key ?? offered.find((offer) => offer.type === code)?.key ?? null;
  return { requestCaseType: keyOf('bestall_tid'), changeCaseType: keyOf('av_omboka_tid') };
}

const asModel = (visitType: VisitTypeRow) => ({ ...visitType, channel: visitType.channel as Channel, bookableOnlineBy: visitType.bookableOnlineBy as OnlineBookers });

/**
 * Per visit type with a web booking limit, the patient's upcoming times of it when they are at
 * the limit (visitsAtBookingLimit), so the list can point to them instead of offering a time.
 * Their bookings are read only when a shown type has a limit, and audited when some are shown.
 */
async function bookedAtLimitOf(tx: Tx, context: ServiceContext, actor: CitizenActor, unitId: string, types: VisitTypeRow[], now: Date): Promise<Map<string, AppointmentRow[]>> {
  const atLimit = new Map<string, AppointmentRow[]>();
  if (!types.some((type) => type.maxUpcomingPerPatient !== null)) return atLimit;
  const rows = await listPatientAppointments(tx, actor.subjectPersonId, { unitId });
  for (const type of types) {
    const held = visitsAtBookingLimit(
      rows.filter((row) => row.visitTypeId === type.id),
      type.maxUpcomingPerPatient,
      now,
    );
    if (held) atLimit.set(type.id, held);
  }
  if (atLimit.size > 0) await accessPatient(tx, context, actor, actor.subjectPersonId, { action: 'read', objectType: 'appointment_list' });
  return atLimit;
}

export async function unitVisitTypes(context: ServiceContext, actor: CitizenActor, unitId: string): Promise<UnitVisitTypes> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayHandleAppointments(tx, actor, now);
    const unit = (await unitCards(tx, [unitId])).get(unitId);
    if (!unit) throw appointmentErrors.unitNotFound();
    const reach = await reachOf(tx, actor.subjectPersonId, now);
    const webBooking = await webBookingUnits(tx, [unitId], reach);
    const types = await listVisitTypes(tx, [unitId], { activeOnly: true });
    const settings = await findSettings(tx, unitId);
    const caseTypes = await timeCaseTypes(tx, unitId, actor.subjectPersonId, now);
    const bookingOffered = webBooking.has(unitId);
    const refusals = types.map((type) => ({ type, refusal: onlineBookingRefusal(asModel(type), { listedAtUnit: isListed(reach, unitId) }) }));
    const shown = bookingOffered ? refusals.filter(({ refusal }) => refusal !== 'not_published') : [];
    const held = await bookedAtLimitOf(tx, context, actor, unitId, shown.filter(({ refusal }) => refusal === null).map(({ type }) => type), now);
    return {
      unit,
      bookingOffered,
      visitTypes: shown.map(({ type, refusal }) => ({
        ...visitTypeSummary(type),
        refusal: refusal as 'not_bookable_online' | 'listed_patients_only' | null,
        bookedAtLimit: heldTimes(held.get(type.id) ?? [], type.cancellationHours, now).map((time) => ({ ...time, startsAt: time.startsAt.toISOString() })),
      })),
      notAllBookable: !bookingOffered || refusals.length === 0 || refusals.some(({ refusal }) => refusal !== null),
      ...caseTypes,
      lastBookableDate: lastBookableDate(now, settings.bookingHorizonDays),
    };
  });
}

/**
 * The visit type if this patient may book it online now; otherwise the reason as an
 * error. An unpublished or retired type is not shown to patients at all (404).
 */
export async function bookableVisitType(tx: Tx, visitTypeId: string, patientId: string, now: Date): Promise<{ visitType: VisitTypeRow; reach: PatientReach }> {
  const visitType = await findVisitType(tx, visitTypeId);
  if (!visitType || !visitType.active || !visitType.published) throw appointmentErrors.visitTypeNotFound();
  const reach = await reachOf(tx, patientId, now);
  const refusal = bookingRefusalFor(visitType, reach, await webBookingUnits(tx, [visitType.unitId], reach));
  if (refusal === 'booking_not_offered') throw appointmentErrors.bookingNotOffered();
  if (refusal) throw appointmentErrors.notBookableOnline(refusal);
  return { visitType, reach };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
/** Soonest-first looks a week at a time, so a unit with free times tomorrow does not compute eight weeks. */
const SOONEST_STEP_DAYS = 7;

/** Free times of a visit type within the booking horizon: the soonest N, or those of a date range. */
export async function slotsOf(tx: Tx, visitType: VisitTypeRow, query: SlotQuery, now: Date): Promise<SlotList> {
  const settings = await findSettings(tx, visitType.unitId);
  const first = stockholmDate(now);
  const last = lastBookableDate(now, settings.bookingHorizonDays);
  const resources = await listResourcesOffering(tx, visitType.unitId, visitType.id);
  let offered: Awaited<ReturnType<typeof offeredSlots>> = [];
  if (query.from) {
    const from = query.from < first ? first : query.from;
    const to = addDays(query.from, (query.days ?? 1) - 1);
    const end = to > last ? last : to;
    if (from <= end) offered = await offeredSlots(tx, visitType, { fromDate: from, days: daysBetween(from, end) + 1 }, now, { resources });
  } else {
    const wanted = query.first ?? SOONEST_DEFAULT;
    for (let from = first; from <= last && offered.length < wanted; from = addDays(from, SOONEST_STEP_DAYS)) {
      const days = Math.min(SOONEST_STEP_DAYS, daysBetween(from, last) + 1);
      offered.push(...(await offeredSlots(tx, visitType, { fromDate: from, days }, now, { resources })));
    }
    offered = offered.slice(0, wanted);
  }
  const cards = await unitCards(tx, [visitType.unitId]);
  const withOf = await bookedWithOf(tx, resources);
  return {
    unit: unitCardOf(cards, visitType.unitId),
    visitType: visitTypeSummary(visitType),
    slots: offered.map((slot) => ({ resourceId: slot.resourceId, startsAt: slot.start.toISOString(), endsAt: slot.end.toISOString(), with: withOf.get(slot.resourceId)! })),
    firstBookableDate: first,
    lastBookableDate: last,
  };
}

export async function visitTypeSlots(context: ServiceContext, actor: CitizenActor, visitTypeId: string, query: SlotQuery): Promise<SlotList> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayHandleAppointments(tx, actor, now);
    const { visitType } = await bookableVisitType(tx, visitTypeId, actor.subjectPersonId, now);
    return slotsOf(tx, visitType, query, now);
  });
}
