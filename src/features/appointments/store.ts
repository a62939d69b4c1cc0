import { and, asc, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { executeRows, type Tx } from '../../platform/db/database.ts';
import type { BookedRange } from './model.ts';
import { appointmentSettings, appointments, scheduleResources, visitTypes } from './tables.ts';

export type VisitTypeRow = typeof visitTypes.$inferSelect;
export type ResourceRow = typeof scheduleResources.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentSettings = { reminderHoursBefore: number; bookingHorizonDays: number };

/** What a unit gets until its administrator says otherwise: a reminder the day before, eight weeks of web booking. */
export const DEFAULT_SETTINGS: AppointmentSettings = { reminderHoursBefore: 24, bookingHorizonDays: 56 };

/** The statuses that hold a resource's time; the exclusion constraint in migration 0012 uses the same list. */
export const LIVE_STATUSES = ['booked', 'arrived', 'no_show'] as const;

/** The longest visit a visit type may have (the check on visit_types.length_minutes). */
const MAX_VISIT_MS = 480 * 60_000;

// ---- visit types and schedules -------------------------------------------------------------

export async function findVisitType(tx: Tx, id: string): Promise<VisitTypeRow | undefined> {
  const [row] = await tx.select().from(visitTypes).where(eq(visitTypes.id, id));
  return row;
}

export async function listVisitTypes(tx: Tx, unitIds: string[], options: { activeOnly: boolean }): Promise<VisitTypeRow[]> {
  if (unitIds.length === 0) return [];
  const conditions = [inArray(visitTypes.unitId, unitIds)];
  if (options.activeOnly) conditions.push(eq(visitTypes.active, true));
  return tx
    .select()
    .from(visitTypes)
    .where(and(...conditions))
    .orderBy(asc(visitTypes.name));
}

export async function findResource(tx: Tx, id: string): Promise<ResourceRow | undefined> {
  const [row] = await tx.select().from(scheduleResources).where(eq(scheduleResources.id, id));
  return row;
}

export async function listResources(tx: Tx, unitId: string, options: { activeOnly: boolean }): Promise<ResourceRow[]> {
  const conditions = [eq(scheduleResources.unitId, unitId)];
  if (options.activeOnly) conditions.push(eq(scheduleResources.active, true));
  return tx
    .select()
    .from(scheduleResources)
    .where(and(...conditions));
}

/** The active resources of a unit on which this visit type is booked. */
export async function listResourcesOffering(tx: Tx, unitId: string, visitTypeId: string): Promise<ResourceRow[]> {
  return tx
    .select()
    .from(scheduleResources)
    .where(and(eq(scheduleResources.unitId, unitId), eq(scheduleResources.active, true), sql`${visitTypeId}::uuid = any(${scheduleResources.visitTypeIds})`));
}

export async function findSettings(tx: Tx, unitId: string): Promise<AppointmentSettings> {
  const [row] = await tx
    .select({ reminderHoursBefore: appointmentSettings.reminderHoursBefore, bookingHorizonDays: appointmentSettings.bookingHorizonDays })
    .from(appointmentSettings)
    .where(eq(appointmentSettings.unitId, unitId));
  return row ?? DEFAULT_SETTINGS;
}

// ---- bookings ------------------------------------------------------------------------------

/**
 * The live bookings of some resources that overlap [from, to): what makes a slot taken.
 * Per resource, its bookings (in no particular order), fetched as two arrays of minutes per resource
 * rather than a row per booking: a unit's eight weeks are ~9,000 bookings, and parsing that
 * many rows and timestamps cost more than the rest of the free-slot computation together.
 * The partial index appointments_live_by_resource (resource, start, covering the end) lets
 * PostgreSQL answer from the index alone.
 */
export async function listLiveBookings(tx: Tx, resourceIds: string[], from: Date, to: Date): Promise<Map<string, BookedRange[]>> {
  const booked = new Map<string, BookedRange[]>();
  if (resourceIds.length === 0) return booked;
  // Whole minutes after `from` (start rounded down, end up, so a taken slot never looks free):
  // small integers are much cheaper for PostgreSQL to write out than timestamps or floats.
  const fromSeconds = Math.floor(from.getTime() / 1000);
  const rows = await executeRows<{ resource_id: string; starts: number[]; ends: number[] }>(
    tx,
    sql`select ${appointments.resourceId} as resource_id,
          array_agg(floor((date_part('epoch', ${appointments.startsAt}) - ${fromSeconds}) / 60)::int4) as starts,
          array_agg(ceil((date_part('epoch', ${appointments.endsAt}) - ${fromSeconds}) / 60)::int4) as ends
        from ${appointments}
        where ${and(
          inArray(appointments.resourceId, resourceIds),
          inArray(appointments.status, [...LIVE_STATUSES]),
          // A lower bound on the start as well, so the index range skips the past: no visit is longer than 8 hours.
          gte(appointments.startsAt, new Date(from.getTime() - MAX_VISIT_MS)),
          lt(appointments.startsAt, to),
          gt(appointments.endsAt, from),
        )}
        group by ${appointments.resourceId}`,
  );
  for (const row of rows) {
    booked.set(
      row.resource_id,
      row.starts.map((start, index) => ({ start: (fromSeconds + start * 60) * 1000, end: (fromSeconds + row.ends[index]! * 60) * 1000 })),
    );
  }
  return booked;
}

export async function insertAppointment(tx: Tx, values: typeof appointments.$inferInsert): Promise<AppointmentRow> {
  const [row] = await tx.insert(appointments).values(values).returning();
  return row!;
}

export async function updateAppointment(tx: Tx, id: string, values: Partial<typeof appointments.$inferInsert>): Promise<AppointmentRow> {
  const [row] = await tx.update(appointments).set(values).where(eq(appointments.id, id)).returning();
  return row!;
}

/** With forUpdate, the row is locked until the transaction ends: two changes of one booking queue up. */
export async function findAppointment(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<AppointmentRow | undefined> {
  const query = tx.select().from(appointments).where(eq(appointments.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** A patient's bookings, newest first (moved-away rows are left out: the new booking stands for them). */
export async function listPatientAppointments(tx: Tx, patientId: string, options: { unitId?: string } = {}): Promise<AppointmentRow[]> {
  const conditions = [eq(appointments.patientId, patientId), sql`${appointments.status} <> 'rebooked'`];
  if (options.unitId) conditions.push(eq(appointments.unitId, options.unitId));
  return tx
    .select()
    .from(appointments)
    .where(and(...conditions))
    .orderBy(desc(appointments.startsAt));
}

/**
 * A patient's booked visits of one visit type not yet over (what its web booking limit
 * counts), soonest first. Read through the index appointments_patient (patient, start).
 */
export async function listBookedNotOverOfType(tx: Tx, patientId: string, visitTypeId: string, now: Date): Promise<AppointmentRow[]> {
  return tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.patientId, patientId), eq(appointments.visitTypeId, visitTypeId), eq(appointments.status, 'booked'), gt(appointments.endsAt, now)))
    .orderBy(asc(appointments.startsAt));
}

/** A unit's bookings that start in [from, to), optionally of one resource, in time order. */
export async function listUnitAppointments(tx: Tx, unitId: string, from: Date, to: Date, options: { resourceId?: string } = {}): Promise<AppointmentRow[]> {
  const conditions = [eq(appointments.unitId, unitId), sql`${appointments.startsAt} >= ${from.toISOString()}`, lt(appointments.startsAt, to), sql`${appointments.status} <> 'rebooked'`];
  if (options.resourceId) conditions.push(eq(appointments.resourceId, options.resourceId));
  return tx
    .select()
    .from(appointments)
    .where(and(...conditions))
    .orderBy(asc(appointments.startsAt));
}
