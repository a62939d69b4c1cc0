import { stockholmDate } from '../../lib/stockholm-time.ts';
import type { Actor, CitizenActor } from '../auth/actor.ts';
import { recordAudit, type AuditContext } from '../audit/audit.ts';
import type { Tx } from '../db/database.ts';
import { errors } from '../errors.ts';
import { listRepresentationsOf } from '../people/store.ts';
import { isAcceptableEmergencyReason, representationIsActive, type ProxyScope } from './policy.ts';
import { listCareRelationsAt } from './store.ts';

export type PatientAccessBasis = 'self' | 'representative' | 'care_relation' | 'emergency';

export async function hasActiveCareRelation(tx: Tx, at: Date, unitId: string, patientId: string): Promise<boolean> {
  return (await listCareRelationsAt(tx, at, unitId, patientId)).length > 0;
}

/** May this citizen act for that person now (themselves, a child under 13, or a principal within scope)? */
export async function canRepresent(tx: Tx, at: Date, personId: string, subjectId: string, scope?: ProxyScope): Promise<boolean> {
  if (personId === subjectId) return true;
  const today = stockholmDate(at);
  const representations = await listRepresentationsOf(tx, personId);
  return representations.some(
    ({ person, representation }) => person.id === subjectId && representationIsActive(representation, today, scope),
  );
}

/**
 * The one gate in front of patient data. Checks that the actor may see the patient
 * and writes the audit row in the same transaction. Staff need a care relation at
 * their active unit, or state a reason for emergency access, which is logged as such.
 */
export async function accessPatient(
  tx: Tx,
  context: AuditContext,
  actor: Actor,
  patientId: string,
  access: {
    action: 'read' | 'create' | 'update';
    objectType: string;
    objectId?: string;
    emergencyReason?: string;
    /** Why staff changed something (a cancelled appointment), kept in the log for the unit; emergency access records its own reason instead. */
    reason?: string;
  },
): Promise<PatientAccessBasis> {
  const basis = await decideBasis(tx, context.clock.now(), actor, patientId, access.emergencyReason);
  await recordAudit(tx, context, actor, {
    action: basis === 'emergency' && access.action === 'read' ? 'emergency_read' : access.action,
    objectType: access.objectType,
    objectId: access.objectId ?? null,
    patientId,
    reason: basis === 'emergency' ? access.emergencyReason!.trim() : (access.reason ?? null),
  });
  return basis;
}

async function decideBasis(tx: Tx, at: Date, actor: Actor, patientId: string, emergencyReason?: string): Promise<PatientAccessBasis> {
  switch (actor.kind) {
    case 'citizen':
      return citizenBasis(actor, patientId);
    case 'staff':
      if (!actor.unitId || actor.unitRoles.length === 0) throw errors.forbidden();
      if (await hasActiveCareRelation(tx, at, actor.unitId, patientId)) return 'care_relation';
      if (isAcceptableEmergencyReason(emergencyReason) && actor.unitRoles.includes('clinician')) return 'emergency';
      throw errors.noCareRelation();
    case 'system':
      return 'care_relation';
  }
}

function citizenBasis(actor: CitizenActor, patientId: string): PatientAccessBasis {
  // The session's subject was checked against the representation rules when the actor was built.
  if (actor.subjectPersonId !== patientId) throw errors.forbidden();
  return actor.subjectPersonId === actor.personId ? 'self' : 'representative';
}
