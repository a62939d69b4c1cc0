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
