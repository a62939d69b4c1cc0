import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { publishEvent } from '../../platform/realtime/publish.ts';

/**
 * Live updates (issue 7): tells the unit's open inboxes and the patient's open pages that a
 * case changed, in the same transaction as the change. Only the id travels; each page
 * fetches the case again through the access-checked API.
 */
export async function announceCaseChange(tx: Tx, clock: Clock, change: { caseId: string; patientId: string; unitIds: string[] }): Promise<void> {
  for (const unitId of new Set(change.unitIds)) await publishEvent(tx, clock, `unit:${unitId}`, 'case.changed', { caseId: change.caseId });
  await publishEvent(tx, clock, `person:${change.patientId}`, 'case.changed', { caseId: change.caseId });
}
