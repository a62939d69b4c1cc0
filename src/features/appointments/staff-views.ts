import { stockholmDate } from '../../lib/stockholm-time.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findPersonsByIds, findStaffByIds, type PersonRow } from '../../platform/people/store.ts';
import { appointmentErrors } from './errors.ts';
import { findAppointment, findResource, findVisitType, listResources, listVisitTypes, type AppointmentRow, type ResourceRow, type VisitTypeRow } from './store.ts';
import type { AppointmentSummary, Resource, StaffAppointment, StaffAppointmentAction, StaffVisitType } from './staff-contract.ts';

/**
 * What the staff side of appointments shares: who may use it, finding the unit's own rows
 * (another unit's are "not found", so their existence does not leak), and the views.
 */

/** Clinicians and receptionists book; a unit administrator or manager alone sets up, but does not book. */
const SCHEDULER_ROLES = ['clinician', 'receptionist'] as const;
export type Scheduler = StaffActor & { unitId: string };

export function schedulerOf(actor: StaffActor): Scheduler {
  if (!actor.unitId || actor.unitRoles.length === 0) throw appointmentErrors.noActiveUnit();
  if (!actor.unitRoles.some((role) => (SCHEDULER_ROLES as readonly string[]).includes(role))) throw appointmentErrors.notScheduler();
  return actor as Scheduler;
}

export async function unitAppointment(tx: Tx, staff: Scheduler, id: string, forUpdate = false): Promise<AppointmentRow> {
  const row = await findAppointment(tx, id, { forUpdate });
  if (!row || row.unitId !== staff.unitId) throw appointmentErrors.appointmentNotFound();
  return row;
}

/** A visit type staff may book: any active type of the unit, published or not. */
export async function unitVisitType(tx: Tx, staff: Scheduler, id: string): Promise<VisitTypeRow> {
  const row = await findVisitType(tx, id);
  if (!row || row.unitId !== staff.unitId || !row.active) throw appointmentErrors.visitTypeNotFound();
  return row;
}

export async function unitResource(tx: Tx, staff: Scheduler, id: string): Promise<ResourceRow> {
  const row = await findResource(tx, id);
  if (!row || row.unitId !== staff.unitId) throw appointmentErrors.resourceNotFound();
  return row;
}

export const personName = (person: Pick<PersonRow, 'givenName' | 'familyName'> | undefined) => (person ? `${person.givenName} ${person.familyName}` : '');

export const patientView = (id: string, person: PersonRow | undefined) => ({
  id,
  name: personName(person),
  identityNumber: person?.identityNumber ?? '',
  protectedIdentity: person?.protectedIdentity ?? false,
});

export function visitTypeView(row: VisitTypeRow): StaffVisitType {
  return { id: row.id, name: row.name, lengthMinutes: row.lengthMinutes, channel: row.channel as StaffVisitType['channel'], published: row.published, preparation: row.preparation };
}

/** Resources with their names: a practitioner's from the staff register, a room's its own. */
export async function resourceViews(tx: Tx, rows: ResourceRow[]): Promise<Resource[]> {
  const staffIds = rows.flatMap((row) => (row.staffId ? [row.staffId] : []));
  const people = new Map((await findStaffByIds(tx, staffIds)).map((member) => [member.id, member]));
  return rows
    .map((row) => {
      const member = row.staffId ? people.get(row.staffId) : undefined;
      return {
        id: row.id,
        kind: row.kind as Resource['kind'],
        name: member ? `${member.givenName} ${member.familyName}` : (row.roomName ?? ''),
        profession: member?.profession ?? null,
        visitTypeIds: row.visitTypeIds,
      };
    })
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'sv') : a.kind === 'staff' ? -1 : 1));
}

/** The unit's names for visit types and resources, retired ones included (old bookings use them). */
export async function unitNames(tx: Tx, unitId: string) {
  // One query at a time: a transaction is one connection.
  const types = await listVisitTypes(tx, [unitId], { activeOnly: false });
  const resources = await listResources(tx, unitId, { activeOnly: false });
  return { visitTypes: new Map(types.map((row) => [row.id, row])), resources: new Map((await resourceViews(tx, resources)).map((view) => [view.id, view])) };
}
type UnitNames = Awaited<ReturnType<typeof unitNames>>;

export function summaryOf(row: AppointmentRow, names: UnitNames): AppointmentSummary {
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status as AppointmentSummary['status'],
    channel: row.channel as AppointmentSummary['channel'],
    visitTypeName: names.visitTypes.get(row.visitTypeId)?.name ?? '',
    resourceName: names.resources.get(row.resourceId)?.name ?? '',
  };
}

/** What staff may do now; the writes in booking.ts check the same again. */
export function allowedActions(row: AppointmentRow, now: Date): StaffAppointmentAction[] {
  // Attendance is marked from the day of the visit (markAttendance refuses earlier).
  const dayReached = stockholmDate(row.startsAt) <= stockholmDate(now);
  switch (row.status) {
    case 'booked':
      return dayReached ? ['move', 'cancel', 'arrived', 'no_show'] : ['move', 'cancel'];
    case 'arrived':
      return ['no_show', 'undo_attendance'];
    case 'no_show':
      return ['arrived', 'undo_attendance'];
    default:
      return [];
  }
}

export async function staffAppointmentOf(tx: Tx, row: AppointmentRow, names: UnitNames, now: Date): Promise<StaffAppointment> {
  const people = await findPersonsByIds(tx, [row.patientId, ...(row.bookedByPersonId ? [row.bookedByPersonId] : [])]);
  const bookers = row.bookedByStaffId ? await findStaffByIds(tx, [row.bookedByStaffId]) : [];
  const patient = people.find((person) => person.id === row.patientId);
  const visitType = names.visitTypes.get(row.visitTypeId);
  return {
    ...summaryOf(row, names),
    resourceId: row.resourceId,
    visitType: visitType
      ? visitTypeView(visitType)
      : { id: row.visitTypeId, name: '', lengthMinutes: 0, channel: row.channel as StaffVisitType['channel'], published: false, preparation: '' },
    patient: patientView(row.patientId, patient),
    noteToPatient: row.noteToPatient,
    bookedBy: row.bookedByStaffId
      ? { kind: 'staff', name: personName(bookers[0]) }
      : { kind: 'patient', name: personName(people.find((person) => person.id === row.bookedByPersonId)) },
    bookedAt: row.bookedAt.toISOString(),
    changedAt: row.changedAt?.toISOString() ?? null,
    rebookedFromId: row.rebookedFromId,
    replacedById: row.replacedById,
    allowedActions: allowedActions(row, now),
    meetingPath: row.channel === 'video' ? `/arbetsyta/moten/bokning/${row.id}` : null,
  };
}
