import { addDays, isoWeekday } from '../../lib/calendar/iso-date.ts';
import { stockholmLocalToUtc } from '../../lib/calendar/stockholm-clock.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonsByIds } from '../../platform/people/store.ts';
import { offeredSlots, type OfferedSlot } from './availability.ts';
import { workedIntervals } from './model.ts';
import { calendarQuerySchema, freeSlotsQuerySchema, type Calendar, type CalendarQuery, type FreeSlot, type FreeSlots, type FreeSlotsQuery, type UnitResources } from './staff-contract.ts';
import { patientView, resourceViews, schedulerOf, unitResource, unitVisitType, visitTypeView } from './staff-views.ts';
import { listResources, listUnitAppointments, listVisitTypes, type ResourceRow, type VisitTypeRow } from './store.ts';

/**
 * Tidbok: the unit's calendar for staff. Bookings come from the table; worked hours and free
 * slots are computed from the resources' templates (model.ts, availability.ts) for the days
 * shown, so the calendar always follows the current schedules.
 *
 * Listing is audited like the case inbox: one `appointment_calendar` read of the unit per
 * request (it shows many patients' names and numbers); each booking opened, and every change,
 * is audited per patient through accessPatient().
 */

/** The unit's active practitioners and rooms and its active visit types, for the calendar's choices. */
export async function unitResources(context: ServiceContext, actor: StaffActor): Promise<UnitResources> {
  const staff = schedulerOf(actor);
  return context.db.transaction(async (tx) => {
    // One query at a time: a transaction is one connection (pg queues, and warns about, concurrent ones).
    const unit = await findUnit(tx, staff.unitId);
    const resources = await listResources(tx, staff.unitId, { activeOnly: true });
    const visitTypes = await listVisitTypes(tx, [staff.unitId], { activeOnly: true });
    return { unit: { id: staff.unitId, name: unit?.name ?? '' }, resources: await resourceViews(tx, resources), visitTypes: visitTypes.map(visitTypeView) };
  });
}

/** The days a view covers: the date itself, or the Monday-to-Sunday week around it. */
export function daysOf(date: string, view: 'day' | 'week'): string[] {
  if (view === 'day') return [date];
  const monday = addDays(date, 1 - isoWeekday(date));
  return Array.from({ length: 7 }, (_, offset) => addDays(monday, offset));
}

export async function calendar(context: ServiceContext, actor: StaffActor, input: CalendarQuery): Promise<Calendar> {
  const staff = schedulerOf(actor);
  const query = calendarQuerySchema.parse(input);
  const days = daysOf(query.date, query.view);
  const from = stockholmLocalToUtc(days[0]!, '00:00');
  const to = stockholmLocalToUtc(addDays(days.at(-1)!, 1), '00:00');
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const chosenType = query.visitTypeId ? await unitVisitType(tx, staff, query.visitTypeId) : undefined;
    // All the unit's types (retired ones name old bookings); the active ones offer free slots.
    const unitTypes = await listVisitTypes(tx, [staff.unitId], { activeOnly: false });
    const visitTypes = chosenType ? [chosenType] : unitTypes.filter((type) => type.active);
    const bookings = await listUnitAppointments(tx, staff.unitId, from, to, { resourceId: query.resourceId });
    // The whole unit: its active resources, and a retired one that still holds bookings in the view.
    const resources = query.resourceId
      ? [await unitResource(tx, staff, query.resourceId)]
      : (await listResources(tx, staff.unitId, { activeOnly: false })).filter((resource) => resource.active || bookings.some((row) => row.resourceId === resource.id));
    const people = new Map((await findPersonsByIds(tx, [...new Set(bookings.map((row) => row.patientId))])).map((person) => [person.id, person]));
    const typeNames = new Map(unitTypes.map((row) => [row.id, row.name]));
    const free = await freeSlotsOf(tx, resources.filter((resource) => resource.active), visitTypes, days, now, Boolean(chosenType));
    await recordAudit(tx, context, actor, { action: 'read', objectType: 'appointment_calendar', objectId: staff.unitId });
    return {
      view: query.view,
      days,
      resources: await resourceViews(tx, resources),
      worked: resources.flatMap((resource) =>
        days.map((date) => ({
          resourceId: resource.id,
          date,
          intervals: resource.active
            ? workedIntervals(resource.template, date).map((interval) => ({
                start: stockholmLocalToUtc(date, interval.from).toISOString(),
                end: stockholmLocalToUtc(date, interval.to).toISOString(),
              }))
            : [],
        })),
      ),
      bookings: bookings.map((row) => ({
        id: row.id,
        resourceId: row.resourceId,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        status: row.status as Calendar['bookings'][number]['status'],
        channel: row.channel as Calendar['bookings'][number]['channel'],
        visitType: { id: row.visitTypeId, name: typeNames.get(row.visitTypeId) ?? '' },
        patient: patientView(row.patientId, people.get(row.patientId)),
        bookedBy: row.bookedByStaffId ? 'staff' : 'patient',
      })),
      freeSlots: free,
    };
  });
}

/**
 * The free slots shown. With a chosen visit type: its slots. Without one, each resource
 * shows the slots of the shortest type it offers (the finest grid), and each slot lists every
 * type that may start there, so a click can book any of them. A longer type's start that is
 * off that grid (a 20-minute type beside a 15-minute one) shows once its type is chosen.
 */
async function freeSlotsOf(tx: Tx, resources: ResourceRow[], visitTypes: VisitTypeRow[], days: string[], now: Date, chosen: boolean): Promise<FreeSlot[]> {
  const offering = visitTypes.filter((type) => resources.some((resource) => resource.visitTypeIds.includes(type.id)));
  const onlyResource = resources.length === 1 ? resources[0]!.id : undefined;
  const byType = new Map<string, OfferedSlot[]>();
  const startable = new Map<string, string[]>();
  for (const type of offering) {
    const slots = (await offeredSlots(tx, type, { fromDate: days[0]!, days: days.length }, now, { resourceId: onlyResource })).filter((slot) =>
      resources.some((resource) => resource.id === slot.resourceId),
    );
    byType.set(type.id, slots);
    for (const slot of slots) {
      const key = `${slot.resourceId}|${slot.start.getTime()}`;
      startable.set(key, [...(startable.get(key) ?? []), type.id]);
    }
  }
  const shownType = (resource: ResourceRow) =>
    offering
      .filter((type) => resource.visitTypeIds.includes(type.id))
      .sort((a, b) => a.lengthMinutes - b.lengthMinutes || a.name.localeCompare(b.name, 'sv'))[0];
  const free: FreeSlot[] = [];
  for (const resource of resources) {
    const type = shownType(resource);
    if (!type) continue;
    for (const slot of byType.get(type.id) ?? []) {
      if (slot.resourceId !== resource.id) continue;
      free.push({
        resourceId: resource.id,
        start: slot.start.toISOString(),
        end: slot.end.toISOString(),
        visitTypeIds: chosen ? [type.id] : (startable.get(`${resource.id}|${slot.start.getTime()}`) ?? [type.id]),
      });
    }
  }
  return free.sort((a, b) => a.start.localeCompare(b.start) || a.resourceId.localeCompare(b.resourceId));
}

/** Free times of one visit type (moving a booking), without patient data: not audited. */
export async function freeSlotsFor(context: ServiceContext, actor: StaffActor, input: FreeSlotsQuery): Promise<FreeSlots> {
  const staff = schedulerOf(actor);
  const query = freeSlotsQuerySchema.parse(input);
  return context.db.transaction(async (tx) => {
    const type = await unitVisitType(tx, staff, query.visitTypeId);
    if (query.resourceId) await unitResource(tx, staff, query.resourceId);
    const slots = await offeredSlots(tx, type, { fromDate: query.date, days: query.days }, context.clock.now(), { resourceId: query.resourceId });
    return { slots: slots.map((slot) => ({ resourceId: slot.resourceId, start: slot.start.toISOString(), end: slot.end.toISOString() })) };
  });
}
