import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import type { WorkTemplate } from './model.ts';
import { DEFAULT_SETTINGS, type AppointmentRow, type AppointmentSettings, type ResourceRow, type VisitTypeRow } from './store.ts';
import { appointmentSettings, appointments, scheduleResources, visitTypes } from './tables.ts';

/** The unit administrator's writes (visit types, schedules, settings) and the reads only they need. */

export async function insertVisitType(tx: Tx, values: typeof visitTypes.$inferInsert): Promise<VisitTypeRow> {
  const [row] = await tx.insert(visitTypes).values(values).returning();
  return row!;
}

export async function updateVisitType(tx: Tx, id: string, values: Partial<typeof visitTypes.$inferInsert>): Promise<VisitTypeRow> {
  const [row] = await tx.update(visitTypes).set(values).where(eq(visitTypes.id, id)).returning();
  return row!;
}

/** One of the unit's visit types, locked for the change; another unit's is as good as missing. */
export async function findUnitVisitTypeForUpdate(tx: Tx, unitId: string, id: string): Promise<VisitTypeRow | undefined> {
  const [row] = await tx
    .select()
    .from(visitTypes)
    .where(and(eq(visitTypes.id, id), eq(visitTypes.unitId, unitId)))
    .for('update');
  return row;
}

export async function findUnitResourceForUpdate(tx: Tx, unitId: string, id: string): Promise<ResourceRow | undefined> {
  const [row] = await tx
    .select()
    .from(scheduleResources)
    .where(and(eq(scheduleResources.id, id), eq(scheduleResources.unitId, unitId)))
    .for('update');
  return row;
}

export async function insertResource(tx: Tx, values: typeof scheduleResources.$inferInsert): Promise<ResourceRow> {
  const [row] = await tx.insert(scheduleResources).values(values).returning();
  return row!;
}

export async function updateResource(tx: Tx, id: string, values: { template: WorkTemplate; visitTypeIds: string[]; active: boolean; roomName?: string; updatedAt: Date }): Promise<ResourceRow> {
  const [row] = await tx.update(scheduleResources).set(values).where(eq(scheduleResources.id, id)).returning();
  return row!;
}

/** Takes a retired visit type off every schedule of its unit, so no path can book it any more. */
export async function removeVisitTypeFromSchedules(tx: Tx, unitId: string, visitTypeId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(scheduleResources)
    .set({ visitTypeIds: sql`array_remove(${scheduleResources.visitTypeIds}, ${visitTypeId}::uuid)`, updatedAt: at })
    .where(and(eq(scheduleResources.unitId, unitId), sql`${visitTypeId}::uuid = any(${scheduleResources.visitTypeIds})`))
    .returning({ id: scheduleResources.id });
  return rows.length;
}

/** The bookings still to come on a resource (booked, not yet started). */
export async function listBookedAhead(tx: Tx, resourceId: string, now: Date): Promise<AppointmentRow[]> {
  return tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.resourceId, resourceId), eq(appointments.status, 'booked'), gt(appointments.startsAt, now)))
    .orderBy(appointments.startsAt);
}

export async function countBookedAheadOfVisitType(tx: Tx, visitTypeId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.visitTypeId, visitTypeId), eq(appointments.status, 'booked'), gt(appointments.startsAt, now)));
  return row!.n;
}

/** The unit's bookings still ahead (booked, not yet started), soonest first: a new reminder time may move their reminders. */
export async function listUnitBookedAhead(tx: Tx, unitId: string, now: Date): Promise<{ id: string; startsAt: Date }[]> {
  return tx
    .select({ id: appointments.id, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(eq(appointments.unitId, unitId), eq(appointments.status, 'booked'), gt(appointments.startsAt, now)))
    .orderBy(appointments.startsAt);
}

export async function findSettingsRow(tx: Tx, unitId: string) {
  const [row] = await tx.select().from(appointmentSettings).where(eq(appointmentSettings.unitId, unitId));
  return row;
}

/**
 * The unit's settings, locked for a change (a unit still on the defaults gets its row first):
 * two administrators' changes then happen one after the other, and the later one reads what the
 * earlier saved, so it knows whether the reminder time really changes.
 */
export async function lockSettings(tx: Tx, unitId: string, at: Date): Promise<AppointmentSettings> {
  await tx.insert(appointmentSettings).values({ unitId, ...DEFAULT_SETTINGS, updatedAt: at }).onConflictDoNothing({ target: appointmentSettings.unitId });
  const [row] = await tx
    .select({ reminderHoursBefore: appointmentSettings.reminderHoursBefore, bookingHorizonDays: appointmentSettings.bookingHorizonDays })
    .from(appointmentSettings)
    .where(eq(appointmentSettings.unitId, unitId))
    .for('update');
  return row!;
}

export async function saveSettings(tx: Tx, unitId: string, values: { reminderHoursBefore: number; bookingHorizonDays: number }, at: Date) {
  const [row] = await tx
    .insert(appointmentSettings)
    .values({ unitId, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: appointmentSettings.unitId, set: { ...values, updatedAt: at } })
    .returning();
  return row!;
}
