import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { publishEvent } from '../../platform/realtime/publish.ts';
import type { ChatRow } from './store.ts';

/**
 * What the chat tells open pages (issue 7), in the same transaction as the change; only ids
 * travel, each page fetches again through the access-checked API.
 *
 * - chat.changed {chatId}       the chat's state (taken, transferred, ended, someone brought in):
 *                               the patient's side, the staff in it, and the unit (its queue page).
 * - chat.message {chatId, seq}  a new message: the patient's side and the staff in the chat.
 * - chat.read {chatId, seq}     a read receipt: the other side.
 * - chat.queue {unitId}         the unit's queue changed: the unit's staff and every queued patient
 *                               there (their position and wait changed).
 * - chat.typing {chatId, side}  a passing signal (signalEvent), not stored.
 */
export async function announceChatChange(tx: Tx, clock: Clock, chat: ChatRow, staffIds: string[]): Promise<void> {
  await publishEvent(tx, clock, `person:${chat.patientId}`, 'chat.changed', { chatId: chat.id });
  for (const staffId of new Set(staffIds)) await publishEvent(tx, clock, `staff:${staffId}`, 'chat.changed', { chatId: chat.id });
  await publishEvent(tx, clock, `unit:${chat.unitId}`, 'chat.changed', { chatId: chat.id });
}

export async function announceMessage(tx: Tx, clock: Clock, chat: ChatRow, staffIds: string[], seq: number): Promise<void> {
  await publishEvent(tx, clock, `person:${chat.patientId}`, 'chat.message', { chatId: chat.id, seq });
  for (const staffId of new Set(staffIds)) await publishEvent(tx, clock, `staff:${staffId}`, 'chat.message', { chatId: chat.id, seq });
}

export async function announceRead(tx: Tx, clock: Clock, chat: ChatRow, to: { patient: boolean; staffIds: string[] }, seq: number): Promise<void> {
  if (to.patient) await publishEvent(tx, clock, `person:${chat.patientId}`, 'chat.read', { chatId: chat.id, seq });
  for (const staffId of new Set(to.staffIds)) await publishEvent(tx, clock, `staff:${staffId}`, 'chat.read', { chatId: chat.id, seq });
}

export async function announceQueue(tx: Tx, clock: Clock, unitId: string, queuedPatientIds: string[]): Promise<void> {
  await publishEvent(tx, clock, `unit:${unitId}`, 'chat.queue', { unitId });
  for (const patientId of new Set(queuedPatientIds)) await publishEvent(tx, clock, `person:${patientId}`, 'chat.queue', { unitId });
}
