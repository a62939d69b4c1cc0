import { and, asc, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { meetingDropins, meetingDropinSettings } from './tables.ts';

export type DropinRow = typeof meetingDropins.$inferSelect;
export type DropinSettingsRow = typeof meetingDropinSettings.$inferSelect;

export async function findDropinSettings(tx: Tx, unitId: string): Promise<DropinSettingsRow | undefined> {
  const [row] = await tx.select().from(meetingDropinSettings).where(eq(meetingDropinSettings.unitId, unitId));
  return row;
}

/** Units whose staff have switched their drop-in on (the e-service and the hours are checked by the caller). */
export async function listOpenDropinSettings(tx: Tx): Promise<DropinSettingsRow[]> {
  return tx.select().from(meetingDropinSettings).where(eq(meetingDropinSettings.open, true)).limit(1000);
}

export async function saveDropinSettings(tx: Tx, values: typeof meetingDropinSettings.$inferInsert): Promise<void> {
  const { unitId, ...rest } = values;
  await tx.insert(meetingDropinSettings).values(values).onConflictDoUpdate({ target: meetingDropinSettings.unitId, set: rest });
}

/** The unit's queue, oldest first. */
export async function listWaitingDropins(tx: Tx, unitId: string): Promise<DropinRow[]> {
  return tx
    .select()
    .from(meetingDropins)
    .where(and(eq(meetingDropins.unitId, unitId), eq(meetingDropins.status, 'waiting')))
    .orderBy(asc(meetingDropins.queuedAt), asc(meetingDropins.id))
    .limit(500);
}

export async function countWaitingDropins(tx: Tx, unitIds: string[]): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await tx
    .select({ unitId: meetingDropins.unitId, n: sql<number>`count(*)::int` })
    .from(meetingDropins)
    .where(and(inArray(meetingDropins.unitId, unitIds), eq(meetingDropins.status, 'waiting')))
    .groupBy(meetingDropins.unitId);
  return new Map(rows.map((row) => [row.unitId, row.n]));
}

/**
 * The oldest waiting patient of the unit, locked for this transaction; another clinician
 * taking the next one at the same moment skips it and gets the one after (SKIP LOCKED).
 */
export async function claimNextDropin(tx: Tx, unitId: string): Promise<DropinRow | undefined> {
  const [row] = await tx
    .select()
    .from(meetingDropins)
    .where(and(eq(meetingDropins.unitId, unitId), eq(meetingDropins.status, 'waiting')))
    .orderBy(asc(meetingDropins.queuedAt), asc(meetingDropins.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

export async function findDropin(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<DropinRow | undefined> {
  const query = tx.select().from(meetingDropins).where(eq(meetingDropins.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findWaitingDropin(tx: Tx, unitId: string, patientId: string): Promise<DropinRow | undefined> {
  const [row] = await tx
    .select()
    .from(meetingDropins)
    .where(and(eq(meetingDropins.unitId, unitId), eq(meetingDropins.patientId, patientId), eq(meetingDropins.status, 'waiting')));
  return row;
}

/** The patient's places: those waiting, and those taken or left since `since` (so the page can move on to the meeting). */
export async function listPatientDropins(tx: Tx, patientId: string, since: Date): Promise<DropinRow[]> {
  return tx
    .select()
    .from(meetingDropins)
    .where(and(eq(meetingDropins.patientId, patientId), or(eq(meetingDropins.status, 'waiting'), gte(meetingDropins.takenAt, since), gte(meetingDropins.leftAt, since))))
    .orderBy(desc(meetingDropins.queuedAt))
    .limit(20);
}

export async function insertDropin(tx: Tx, values: typeof meetingDropins.$inferInsert): Promise<DropinRow> {
  const [row] = await tx.insert(meetingDropins).values(values).returning();
  return row!;
}

export async function updateDropin(tx: Tx, id: string, values: Partial<typeof meetingDropins.$inferInsert>): Promise<DropinRow> {
  const [row] = await tx.update(meetingDropins).set(values).where(eq(meetingDropins.id, id)).returning();
  return row!;
}
