import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation, type Tx } from '../../platform/db/database.ts';
import { idempotent, type IdempotencyScope, type IdempotentResult } from '../../platform/http/idempotency.ts';
import { listUnitStaff } from '../../platform/people/store.ts';
import type { AdminSchedule, BookingsOutside, ScheduleCreate, ScheduleFields, ScheduleList, ScheduleSaved, ScheduleUpdate } from './admin-contract.ts';
import { adminErrors } from './admin-errors.ts';
import { administeredUnitId } from './admin-service.ts';
import { findUnitResourceForUpdate, insertResource, listBookedAhead, updateResource } from './admin-store.ts';
import { appointmentErrors } from './errors.ts';
import type { WorkTemplate } from './model.ts';
import { listResources, listVisitTypes, type ResourceRow } from './store.ts';
import { bookingsOutsideTemplate, normaliseTemplate, templateProblems } from './template-rules.ts';

/**
 * The schedules of a unit's practitioners and rooms (issue 5), for its unit administrator:
 * a weekly template, exceptions per date, absences, which visit types are booked on it, and
 * whether it is in use. Free times are computed from the template on demand, so a change
 * shows at once in the web booking. A change never moves or cancels a booking: the answer
 * counts the bookings ahead that the new schedule no longer covers, to be followed up.
 */

const SHOW_AT_MOST = 20;

type StaffMember = Awaited<ReturnType<typeof listUnitStaff>>[number];
const nameOf = (member: Pick<StaffMember, 'givenName' | 'familyName'>) => `${member.givenName} ${member.familyName}`;

function viewOf(row: ResourceRow, members: Map<string, StaffMember>): AdminSchedule {
  const member = row.staffId ? members.get(row.staffId) : undefined;
  return {
    id: row.id,
    kind: row.kind as AdminSchedule['kind'],
    staffId: row.staffId,
    roomName: row.roomName,
    // A practitioner who has left the unit keeps the schedule (bookings refer to it), shown by id.
    name: row.roomName ?? (member ? nameOf(member) : row.staffId!),
    profession: member?.profession ?? null,
    template: row.template as unknown as AdminSchedule['template'],
    visitTypeIds: row.visitTypeIds,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function membersOf(tx: Tx, unitId: string): Promise<Map<string, StaffMember>> {
  return new Map((await listUnitStaff(tx, unitId)).map((member) => [member.staffId, member]));
}

/** Checks the template and the visit types; the template comes back in the stored order. */
async function checkedFields(tx: Tx, unitId: string, fields: ScheduleFields): Promise<{ template: WorkTemplate; visitTypeIds: string[]; active: boolean }> {
  const template = normaliseTemplate(fields.template as unknown as WorkTemplate);
  const problems = templateProblems(template);
  if (problems.length > 0) throw adminErrors.templateInvalid(problems);
  const inUse = new Set((await listVisitTypes(tx, [unitId], { activeOnly: true })).map((row) => row.id));
  const unknown = fields.visitTypeIds.filter((id) => !inUse.has(id));
  if (unknown.length > 0) throw adminErrors.visitTypesNotAtUnit(unknown);
  return { template, visitTypeIds: fields.visitTypeIds, active: fields.active };
}

async function ensureRoomNameFree(tx: Tx, unitId: string, name: string, exceptId?: string) {
  const rooms = await listResources(tx, unitId, { activeOnly: false });
  if (rooms.some((room) => room.id !== exceptId && room.roomName !== null && room.roomName.toLocaleLowerCase('sv') === name.toLocaleLowerCase('sv'))) throw adminErrors.roomNameTaken();
}

/** The bookings ahead on a resource that these fields would not cover. */
async function outsideOf(tx: Tx, resourceId: string, fields: { template: WorkTemplate; visitTypeIds: string[]; active: boolean }, now: Date): Promise<BookingsOutside> {
  const ahead = await listBookedAhead(tx, resourceId, now);
  const offered = new Set(fields.visitTypeIds);
  const outside = fields.active
    ? [...ahead.filter((row) => !offered.has(row.visitTypeId)), ...bookingsOutsideTemplate(fields.template, ahead.filter((row) => offered.has(row.visitTypeId)))]
    : ahead;
  outside.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { count: outside.length, startsAt: outside.slice(0, SHOW_AT_MOST).map((row) => row.startsAt.toISOString()) };
}

export async function listSchedules(context: ServiceContext, actor: StaffActor): Promise<ScheduleList> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    // One after the other: a transaction is one connection (pg warns on overlapping queries).
    const rows = await listResources(tx, unitId, { activeOnly: false });
    const members = await membersOf(tx, unitId);
    const schedules = rows.map((row) => viewOf(row, members)).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'sv'));
    const withSchedule = new Set(rows.map((row) => row.staffId));
    const staffWithoutSchedule = [...members.values()]
      .filter((member) => !withSchedule.has(member.staffId))
      .map((member) => ({ staffId: member.staffId, name: nameOf(member), profession: member.profession }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    return { unitId, schedules, staffWithoutSchedule };
  });
}

export async function createSchedule(context: ServiceContext, actor: StaffActor, request: ScheduleCreate, scope: IdempotencyScope | null): Promise<IdempotentResult<AdminSchedule>> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      const fields = await checkedFields(tx, unitId, request);
      const members = await membersOf(tx, unitId);
      if (request.kind === 'staff') {
        if (!members.has(request.staffId)) throw adminErrors.staffNotAtUnit();
        if ((await listResources(tx, unitId, { activeOnly: false })).some((row) => row.staffId === request.staffId)) throw adminErrors.scheduleExists();
      } else {
        await ensureRoomNameFree(tx, unitId, request.roomName);
      }
      const row = await insertResource(tx, {
        unitId,
        kind: request.kind,
        staffId: request.kind === 'staff' ? request.staffId : null,
        roomName: request.kind === 'room' ? request.roomName : null,
        ...fields,
        updatedAt: context.clock.now(),
      }).catch((error: unknown) => {
        // Two administrators adding the same person at once: the unique index decides.
        if (isUniqueViolation(error, 'schedule_resources_one_per_staff_unit')) throw adminErrors.scheduleExists();
        throw error;
      });
      await recordAudit(tx, context, actor, { action: 'create', objectType: 'appointment_schedule', objectId: row.id });
      return viewOf(row, members);
    }),
  );
}

async function ownResource(tx: Tx, unitId: string, id: string): Promise<ResourceRow> {
  const row = await findUnitResourceForUpdate(tx, unitId, id);
  if (!row) throw appointmentErrors.resourceNotFound();
  return row;
}

/** What saving these fields would leave uncovered, without saving. */
export async function previewSchedule(context: ServiceContext, actor: StaffActor, id: string, request: ScheduleFields): Promise<BookingsOutside> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const row = await ownResource(tx, unitId, id);
    return outsideOf(tx, row.id, await checkedFields(tx, unitId, request), context.clock.now());
  });
}

export async function updateSchedule(context: ServiceContext, actor: StaffActor, id: string, request: ScheduleUpdate): Promise<ScheduleSaved> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const existing = await ownResource(tx, unitId, id);
    const fields = await checkedFields(tx, unitId, request);
    if (request.roomName !== undefined) {
      if (existing.kind !== 'room') throw adminErrors.roomNameOnStaffSchedule();
      await ensureRoomNameFree(tx, unitId, request.roomName, id);
    }
    const now = context.clock.now();
    const row = await updateResource(tx, id, { ...fields, ...(request.roomName !== undefined ? { roomName: request.roomName } : {}), updatedAt: now });
    const bookingsOutside = await outsideOf(tx, id, fields, now);
    await recordAudit(tx, context, actor, {
      action: 'update',
      objectType: 'appointment_schedule',
      objectId: id,
      reason: bookingsOutside.count > 0 ? `bookings_outside:${bookingsOutside.count}` : null,
    });
    return { schedule: viewOf(row, await membersOf(tx, unitId)), bookingsOutside };
  });
}
