import { ageOn, stockholmDate } from '../../lib/stockholm-time.ts';
import { professionLabels } from '../../lib/professions.ts';
import { listActiveCareRelationsOf } from '../../platform/access/store.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findPersonById, findStaffByIds } from '../../platform/people/store.ts';
import { findUnitContacts } from '../care-units/directory.ts';
import { activeEservicesByUnit, patientGroupIncludes } from '../e-services/directory.ts';
import { cancellationDeadline, onlineBookingRefusal, type Channel, type OnlineBookers } from './model.ts';
import type { BookedWith, PatientAppointment, UnitCard } from './patient-contract.ts';
import { changeRefusal } from './patient-model.ts';
import type { AppointmentRow, ResourceRow, VisitTypeRow } from './store.ts';

/**
 * What the patient sees of bookings, slots and units: the rows of several features put
 * together (unit address from the unit directory, the practitioner's name and profession,
 * whether the unit has web booking on for this patient). Reads only; no access decisions.
 */

export const WEB_BOOKING = 'webbtidbok';

/** Where the patient stands with units: listed or ongoing care, and their age for e-services' patient groups. */
export type PatientReach = { relations: Map<string, 'listed' | 'ongoing'>; age: number };

export async function reachOf(tx: Tx, patientId: string, now: Date): Promise<PatientReach> {
  const relations = await listActiveCareRelationsOf(tx, now, patientId);
  const person = await findPersonById(tx, patientId);
  const byUnit = new Map<string, 'listed' | 'ongoing'>();
  for (const relation of relations) if (byUnit.get(relation.unitId) !== 'listed') byUnit.set(relation.unitId, relation.kind === 'listed' ? 'listed' : 'ongoing');
  return { relations: byUnit, age: person ? ageOn(person.birthDate, stockholmDate(now)) : 0 };
}

export const isListed = (reach: PatientReach, unitId: string) => reach.relations.get(unitId) === 'listed';

/** The units among these that have web booking on for this patient (the e-service and its patient group). */
export async function webBookingUnits(tx: Tx, unitIds: string[], reach: PatientReach): Promise<Set<string>> {
  const services = await activeEservicesByUnit(tx, [...new Set(unitIds)]);
  const offered = new Set<string>();
  for (const [unitId, active] of services) {
    const booking = active.find((service) => service.code === WEB_BOOKING);
    if (booking && patientGroupIncludes(booking.patientGroup, { listedAtUnit: isListed(reach, unitId), age: reach.age })) offered.add(unitId);
  }
  return offered;
}

export async function unitCards(tx: Tx, unitIds: string[]): Promise<Map<string, UnitCard>> {
  const rows = await findUnitContacts(tx, [...new Set(unitIds)]);
  return new Map(rows.map((row) => [row.id, row]));
}

const unknownUnit = (id: string): UnitCard => ({ id, name: '', locality: '', streetAddress: null, postalCode: null, city: null, phone: null });
export const unitCardOf = (cards: Map<string, UnitCard>, id: string) => cards.get(id) ?? unknownUnit(id);

/** Practitioner (name, profession in words) or room, per resource id. */
export async function bookedWithOf(tx: Tx, resources: ResourceRow[]): Promise<Map<string, BookedWith>> {
  const staffIds = resources.flatMap((resource) => (resource.staffId ? [resource.staffId] : []));
  const staff = new Map((await findStaffByIds(tx, [...new Set(staffIds)])).map((member) => [member.id, member]));
  const result = new Map<string, BookedWith>();
  for (const resource of resources) {
    const member = resource.staffId ? staff.get(resource.staffId) : undefined;
    if (member) {
      const profession = professionLabels[member.profession] ?? { sv: member.profession, en: member.profession };
      result.set(resource.id, { kind: 'staff', name: `${member.givenName} ${member.familyName}`, profession });
    } else result.set(resource.id, { kind: 'room', name: resource.roomName ?? '' });
  }
  return result;
}

export function visitTypeSummary(visitType: VisitTypeRow) {
  return {
    id: visitType.id,
    name: visitType.name,
    preparation: visitType.preparation,
    lengthMinutes: visitType.lengthMinutes,
    channel: visitType.channel as Channel,
    cancellationHours: visitType.cancellationHours,
  };
}

/** Whether this patient may book the visit type online at all, leaving deadlines aside. */
export function bookingRefusalFor(visitType: VisitTypeRow, reach: PatientReach, webBooking: Set<string>) {
  if (!webBooking.has(visitType.unitId)) return 'booking_not_offered' as const;
  if (!visitType.active) return 'not_bookable_online' as const;
  const refusal = onlineBookingRefusal({ ...visitType, channel: visitType.channel as Channel, bookableOnlineBy: visitType.bookableOnlineBy as OnlineBookers }, { listedAtUnit: isListed(reach, visitType.unitId) });
  return refusal;
}

/** Where the video meeting of a booking opens (the meetings feature serves the page). */
export const meetingPath = (appointmentId: string) => `/start/moten/bokning/${appointmentId}`;

export type ViewParts = { visitType: VisitTypeRow; unit: UnitCard; with: BookedWith; reach: PatientReach; webBooking: Set<string> };

export function appointmentView(row: AppointmentRow, parts: ViewParts, now: Date): PatientAppointment {
  const { visitType } = parts;
  const timing = changeRefusal(row, visitType.cancellationHours, now);
  const booking = bookingRefusalFor(visitType, parts.reach, parts.webBooking);
  const ahead = row.status === 'booked' && row.endsAt.getTime() > now.getTime();
  return {
    id: row.id,
    status: row.status as PatientAppointment['status'],
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    channel: row.channel as Channel,
    visitType: visitTypeSummary(visitType),
    unit: parts.unit,
    with: parts.with,
    noteToPatient: row.noteToPatient,
    changeDeadline: cancellationDeadline(row.startsAt, visitType.cancellationHours).toISOString(),
    mayCancel: timing === null,
    mayRebook: timing === null && booking === null,
    changeRefusal: timing ?? (booking === null ? null : booking === 'booking_not_offered' ? 'booking_not_offered' : 'not_bookable_online'),
    meetingUrl: row.channel === 'video' && ahead ? meetingPath(row.id) : null,
    bookedByStaff: row.bookedByStaffId !== null,
    rebookedFromId: row.rebookedFromId,
  };
}
