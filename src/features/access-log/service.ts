import { accessPatient } from '../../platform/access/access.ts';
import { listStaffAccessesToPatient } from '../../platform/audit/store.ts';
import type { CitizenActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { AccessLogEntry } from './contract.ts';

const patientVisibleActions = new Set(['read', 'emergency_read', 'create', 'update', 'delete']);

/** Who among staff has read or changed the data of the person the citizen is acting for. */
export async function listAccessLog(context: ServiceContext, actor: CitizenActor, limit: number): Promise<AccessLogEntry[]> {
  return context.db.transaction(async (tx) => {
    const patientId = actor.subjectPersonId;
    await accessPatient(tx, context, actor, patientId, { action: 'read', objectType: 'access_log' });
    const rows = await listStaffAccessesToPatient(tx, patientId, limit);
    return rows
      .filter((row) => patientVisibleActions.has(row.action))
      .map((row) => ({
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        action: row.action as AccessLogEntry['action'],
        objectType: row.objectType,
        staffName: `${row.staffGivenName} ${row.staffFamilyName}`,
        profession: row.profession,
        unitName: row.unitName,
        emergencyReason: row.action === 'emergency_read' ? row.reason : null,
      }));
  });
}
