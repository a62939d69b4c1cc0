import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { careRelations } from './tables.ts';

/** The patient's active care relations with one unit. */
export async function listCareRelationsAt(tx: Tx, at: Date, unitId: string, patientId: string) {
  return tx
    .select()
    .from(careRelations)
    .where(
      and(
        eq(careRelations.unitId, unitId),
        eq(careRelations.patientId, patientId),
        or(isNull(careRelations.endedAt), gt(careRelations.endedAt, at)),
      ),
    )
    .orderBy(careRelations.startedAt);
}

/** The units a patient has an active care relation with, and how. */
export async function listActiveCareRelationsOf(tx: Tx, at: Date, patientId: string) {
  return tx
    .select({ unitId: careRelations.unitId, kind: careRelations.kind })
    .from(careRelations)
    .where(and(eq(careRelations.patientId, patientId), or(isNull(careRelations.endedAt), gt(careRelations.endedAt, at))));
}

/**
 * A patient who turns to a unit (sends it a case) starts an ongoing care episode there,
 * so its staff may read what the patient sent. Nothing happens if a relation exists.
 */
export async function ensureOngoingCareRelation(tx: Tx, at: Date, unitId: string, patientId: string): Promise<void> {
  if ((await listCareRelationsAt(tx, at, unitId, patientId)).length > 0) return;
  await tx.insert(careRelations).values({ unitId, patientId, kind: 'ongoing', startedAt: at });
}
