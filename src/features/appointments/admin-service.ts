import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { idempotent, type IdempotencyScope, type IdempotentResult } from '../../platform/http/idempotency.ts';
import { activeEservicesByUnit } from '../e-services/directory.ts';
import type { AdminVisitType, AppointmentSettingsView, SettingsRequest, VisitTypeList, VisitTypeRequest } from './admin-contract.ts';
import { adminErrors } from './admin-errors.ts';
import { countBookedAheadOfVisitType, findSettingsRow, findUnitVisitTypeForUpdate, insertVisitType, lockSettings, removeVisitTypeFromSchedules, saveSettings, updateVisitType } from './admin-store.ts';
import { appointmentErrors } from './errors.ts';
import { rescheduleUnitReminders } from './reminders.ts';
import { DEFAULT_SETTINGS, listResources, listVisitTypes, type VisitTypeRow } from './store.ts';

/**
 * The unit administrator's visit types and settings (issue 5): for staff with the role
 * unit_admin at their active unit, like chat hours and case types. Every change is audited.
 * A visit type is never deleted (bookings refer to it): it is retired, which also takes it off
 * the unit's schedules so nobody can book it; its bookings stay as they are.
 * Schedules are in admin-schedule-service.ts.
 */

/** The unit a unit administrator manages: the active unit, if they administer it. */
export function administeredUnitId(actor: StaffActor): string {
  if (!actor.unitId) throw appointmentErrors.noActiveUnit();
  if (!actor.unitRoles.includes('unit_admin')) throw appointmentErrors.notUnitAdministrator();
  return actor.unitId;
}

function viewOf(row: VisitTypeRow, scheduleCount: number): AdminVisitType {
  return {
    id: row.id,
    name: row.name,
    preparation: row.preparation,
    lengthMinutes: row.lengthMinutes,
    channel: row.channel as AdminVisitType['channel'],
    bookableOnlineBy: row.bookableOnlineBy as AdminVisitType['bookableOnlineBy'],
    cancellationHours: row.cancellationHours,
    published: row.published,
    maxUpcomingPerPatient: row.maxUpcomingPerPatient,
    active: row.active,
    scheduleCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function scheduleCounts(tx: Tx, unitId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const resource of await listResources(tx, unitId, { activeOnly: false })) {
    for (const id of resource.visitTypeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');

/** Two types in use with one name would look the same to a patient choosing a time. */
async function ensureNameFree(tx: Tx, unitId: string, name: string, exceptId?: string) {
  const inUse = await listVisitTypes(tx, [unitId], { activeOnly: true });
  if (inUse.some((other) => other.id !== exceptId && sameName(other.name, name))) throw adminErrors.visitTypeNameTaken();
}

async function visitTypeView(tx: Tx, unitId: string, row: VisitTypeRow): Promise<AdminVisitType> {
  return viewOf(row, (await scheduleCounts(tx, unitId)).get(row.id) ?? 0);
}

export async function listAdminVisitTypes(context: ServiceContext, actor: StaffActor): Promise<VisitTypeList> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    // One after the other: a transaction is one connection (pg warns on overlapping queries).
    const rows = await listVisitTypes(tx, [unitId], { activeOnly: false });
    const counts = await scheduleCounts(tx, unitId);
    const eservices = await activeEservicesByUnit(tx, [unitId]);
    const active = new Set((eservices.get(unitId) ?? []).map((service) => service.code));
    // In use first, then retired; each by name (the store's order).
    const sorted = [...rows.filter((row) => row.active), ...rows.filter((row) => !row.active)];
    return { unitId, webBookingActive: active.has('webbtidbok'), videoActive: active.has('videomote'), visitTypes: sorted.map((row) => viewOf(row, counts.get(row.id) ?? 0)) };
  });
}

export async function createVisitType(context: ServiceContext, actor: StaffActor, request: VisitTypeRequest, scope: IdempotencyScope | null): Promise<IdempotentResult<AdminVisitType>> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      await ensureNameFree(tx, unitId, request.name);
      const now = context.clock.now();
      const row = await insertVisitType(tx, { unitId, ...request, maxUpcomingPerPatient: request.maxUpcomingPerPatient ?? null, active: true, createdAt: now, updatedAt: now });
      await recordAudit(tx, context, actor, { action: 'create', objectType: 'appointment_visit_type', objectId: row.id });
      return viewOf(row, 0);
    }),
  );
}

/** Booked visits keep their time, length and channel: the booking rows hold them. */
export async function editVisitType(context: ServiceContext, actor: StaffActor, id: string, request: VisitTypeRequest): Promise<AdminVisitType> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const existing = await findUnitVisitTypeForUpdate(tx, unitId, id);
    if (!existing) throw appointmentErrors.visitTypeNotFound();
    if (!existing.active) throw adminErrors.visitTypeRetired();
    if (!sameName(existing.name, request.name)) await ensureNameFree(tx, unitId, request.name, id);
    // A limit left out keeps the one the type has (undefined is not written); null removes it.
    const row = await updateVisitType(tx, id, { ...request, updatedAt: context.clock.now() });
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'appointment_visit_type', objectId: id });
    return visitTypeView(tx, unitId, row);
  });
}

/**
 * Retire (active=false) or bring back. Retiring takes the type off the unit's schedules; the
 * answer says how many bookings of it are still ahead, for the administrator to follow up.
 * Bringing it back does not put it on schedules again: the administrator chooses where.
 */
export async function setVisitTypeActive(
  context: ServiceContext,
  actor: StaffActor,
  id: string,
  active: boolean,
): Promise<{ visitType: AdminVisitType; bookingsAhead: number }> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const existing = await findUnitVisitTypeForUpdate(tx, unitId, id);
    if (!existing) throw appointmentErrors.visitTypeNotFound();
    const now = context.clock.now();
    if (existing.active !== active) {
      if (active) await ensureNameFree(tx, unitId, existing.name, id);
      await updateVisitType(tx, id, { active, updatedAt: now });
      if (!active) await removeVisitTypeFromSchedules(tx, unitId, id, now);
      await recordAudit(tx, context, actor, { action: 'update', objectType: 'appointment_visit_type', objectId: id, reason: active ? 'reactivated' : 'retired' });
    }
    const row = (await findUnitVisitTypeForUpdate(tx, unitId, id))!;
    return { visitType: await visitTypeView(tx, unitId, row), bookingsAhead: await countBookedAheadOfVisitType(tx, id, now) };
  });
}

// ---- settings -------------------------------------------------------------------------------

export async function getAppointmentSettings(context: ServiceContext, actor: StaffActor): Promise<AppointmentSettingsView> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const row = await findSettingsRow(tx, unitId);
    if (!row) return { unitId, ...DEFAULT_SETTINGS, updatedAt: null };
    return { unitId, reminderHoursBefore: row.reminderHoursBefore, bookingHorizonDays: row.bookingHorizonDays, updatedAt: row.updatedAt.toISOString() };
  });
}

/**
 * A new reminder time applies to the bookings already made as well: their pending reminders move
 * in this transaction (reminders.ts), and one whose new moment has passed is not sent.
 */
export async function setAppointmentSettings(context: ServiceContext, actor: StaffActor, request: SettingsRequest): Promise<AppointmentSettingsView> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const before = await lockSettings(tx, unitId, now);
    const row = await saveSettings(tx, unitId, request, now);
    // When only the booking horizon changed, the reminders stay as they are.
    if (row.reminderHoursBefore !== before.reminderHoursBefore) await rescheduleUnitReminders(tx, context.clock, unitId, row.reminderHoursBefore);
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'appointment_settings', objectId: unitId });
    return { unitId, reminderHoursBefore: row.reminderHoursBefore, bookingHorizonDays: row.bookingHorizonDays, updatedAt: row.updatedAt.toISOString() };
  });
}
