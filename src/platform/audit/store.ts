import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { careUnits } from '../organisations/tables.ts';
import { staff } from '../people/tables.ts';
import { auditLog } from './tables.ts';

/** Staff's reads and writes of one patient's data, newest first, with who and where. */
export async function listStaffAccessesToPatient(tx: Tx, patientId: string, limit: number) {
  return tx
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      objectType: auditLog.objectType,
      reason: auditLog.reason,
      staffGivenName: staff.givenName,
      staffFamilyName: staff.familyName,
      profession: staff.profession,
      unitName: careUnits.name,
    })
    .from(auditLog)
    .innerJoin(staff, eq(staff.id, auditLog.actorStaffId))
    .leftJoin(careUnits, eq(careUnits.id, auditLog.unitId))
    .where(and(eq(auditLog.patientId, patientId), eq(auditLog.actorKind, 'staff')))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.seq))
    .limit(limit);
}
