import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findStaffByIds } from '../../platform/people/store.ts';
import { meetingSettingsRequestSchema, type MeetingSettings } from './contract.ts';
import { meetingErrors } from './errors.ts';
import { findUnitSettings, saveUnitSettings } from './store.ts';

/**
 * E4 (seed 003): sharing a screen that may show patient data is not allowed by default; the
 * unit's manager (verksamhetschef) may allow it for the unit. The decision applies to meetings
 * created after it; who decided and when is kept and audited.
 */

function unitOf(actor: StaffActor): string {
  if (!actor.unitId || actor.unitRoles.length === 0) throw meetingErrors.noActiveUnit();
  return actor.unitId;
}

async function settingsOf(tx: Tx, unitId: string, actor: StaffActor): Promise<MeetingSettings> {
  const row = await findUnitSettings(tx, unitId);
  const [decider] = row?.decidedByStaffId ? await findStaffByIds(tx, [row.decidedByStaffId]) : [];
  return {
    screenSharingAllowed: row?.screenSharingAllowed ?? false,
    decidedBy: decider ? `${decider.givenName} ${decider.familyName}` : null,
    decidedAt: row?.decidedAt?.toISOString() ?? null,
    mayDecide: actor.unitRoles.includes('unit_manager'),
  };
}

export async function getMeetingSettings(context: ServiceContext, actor: StaffActor): Promise<MeetingSettings> {
  const unitId = unitOf(actor);
  return context.db.transaction((tx) => settingsOf(tx, unitId, actor));
}

export async function setMeetingSettings(context: ServiceContext, actor: StaffActor, input: unknown): Promise<MeetingSettings> {
  const unitId = unitOf(actor);
  if (!actor.unitRoles.includes('unit_manager')) throw meetingErrors.notUnitManager();
  const { screenSharingAllowed } = meetingSettingsRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    await saveUnitSettings(tx, unitId, screenSharingAllowed, actor.staffId, context.clock.now());
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'meeting_settings', objectId: unitId });
    return settingsOf(tx, unitId, actor);
  });
}
