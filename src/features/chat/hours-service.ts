import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { activeEservicesByUnit } from '../e-services/directory.ts';
import type { OpeningHours } from '../../lib/opening-hours.ts';
import { chatHoursRequestSchema, type ChatHoursSettings, type ChatOpenStatus } from './contract.ts';
import { chatErrors } from './errors.ts';
import { announceQueue } from './live.ts';
import { chatAvailability, type ChatAvailability } from './model.ts';
import { findChatHours, saveChatHours } from './store.ts';

/**
 * Chat hours and availability (C8): whether a unit offers chat and has it open now, and the
 * unit administrator's reading and setting of the chat hours.
 */

// ---- availability and hours ------------------------------------------------------------------

export async function availabilityAt(tx: Tx, unitId: string, at: Date): Promise<{ availability: ChatAvailability; hours: OpeningHours | null; offered: boolean }> {
  const services = await activeEservicesByUnit(tx, [unitId]);
  const hours = await findChatHours(tx, unitId);
  const offered = (services.get(unitId) ?? []).some((service) => service.code === 'chatt');
  return { availability: chatAvailability(offered, hours, at), hours, offered };
}

/** Public: whether a unit's chat is open now and when it next opens. */
export async function chatStatus(context: ServiceContext, unitId: string): Promise<ChatOpenStatus> {
  return context.db.transaction(async (tx) => {
    const unit = await findUnit(tx, unitId);
    if (!unit) throw chatErrors.unitNotFound();
    const { availability, hours, offered } = await availabilityAt(tx, unit.id, context.clock.now());
    return {
      unit: { id: unit.id, name: unit.name },
      offered,
      open: availability.available,
      closedReason: availability.available ? null : availability.reason,
      opensAt: !availability.available && availability.opensAt ? availability.opensAt.toISOString() : null,
      closesAt: availability.available && availability.closesAt ? availability.closesAt.toISOString() : null,
      hours,
    };
  });
}

function administeredUnitId(actor: StaffActor): string {
  if (!actor.unitId || actor.unitRoles.length === 0) throw chatErrors.noActiveUnit();
  if (!actor.unitRoles.includes('unit_admin')) throw chatErrors.notUnitAdministrator();
  return actor.unitId;
}

export async function getChatHours(context: ServiceContext, actor: StaffActor): Promise<ChatHoursSettings> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const { hours, offered } = await availabilityAt(tx, unitId, context.clock.now());
    return { hours, offered };
  });
}

export async function setChatHours(context: ServiceContext, actor: StaffActor, input: unknown): Promise<ChatHoursSettings> {
  const unitId = administeredUnitId(actor);
  const { hours } = chatHoursRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    await saveChatHours(tx, unitId, hours, context.clock.now(), actor.staffId);
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'chat_hours', objectId: unitId });
    await announceQueue(tx, context.clock, unitId, []);
    const { offered } = await availabilityAt(tx, unitId, context.clock.now());
    return { hours, offered };
  });
}
