import { accessPatient } from '../../platform/access/access.ts';
import { ensureOngoingCareRelation } from '../../platform/access/store.ts';
import type { CitizenActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation, type Tx } from '../../platform/db/database.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { signalEvent } from '../../platform/realtime/publish.ts';
import { assertMayHandleCases } from '../cases/directory.ts';
import { triagePriority, triageSummary } from '../triage/directory.ts';
import { messageRequestSchema, readRequestSchema, startChatRequestSchema, type ChatMessage, type PatientChat, type PatientChatList } from './contract.ts';
import { chatErrors } from './errors.ts';
import { availabilityAt } from './hours-service.ts';
import { announceChatChange, announceMessage, announceQueue, announceRead } from './live.ts';
import { isLive } from './model.ts';
import { findChat, findLiveChat, insertChat, insertMessage, lastMessageSeq, listPatientChats, markRead, personNames, readSeqOfReader, updateChat, type ChatRow } from './store.ts';
import { chatBaseOf, currentStaffIds, queuedPatientIds } from './views.ts';

/**
 * The patient's side of the chat: starting it, reading and writing in it, and leaving the queue.
 * Staff's side is in staff-service.ts, the chat hours in hours-service.ts, what each side sees in views.ts.
 *
 * Chat with care (C8). The patient (or whoever acts for them, with a proxy's scope
 * `cases`) starts a chat at a unit while its chat is open, waits in the queue, and talks
 * with the unit's staff; staff take the next patient, bring in or hand over to a
 * colleague, and end the chat with a summary: the transcript becomes a closed case (C6).
 * Every read or write of a chat goes through accessPatient(), which audits it.
 */

// ---- the patient ------------------------------------------------------------------------------

async function startOnce(context: ServiceContext, actor: CitizenActor, request: ReturnType<typeof startChatRequestSchema.parse>): Promise<{ chat: PatientChat; created: boolean }> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayHandleCases(tx, actor, now);
    const patientId = actor.subjectPersonId;
    const unit = await findUnit(tx, request.unitId);
    if (!unit) throw chatErrors.unitNotFound();
    const existing = await findLiveChat(tx, patientId, unit.id);
    if (existing) {
      await accessPatient(tx, context, actor, patientId, { action: 'read', objectType: 'chat', objectId: existing.id });
      return { chat: (await chatBaseOf(tx, existing, { side: 'patient', personId: actor.personId })).base, created: false };
    }
    const { availability } = await availabilityAt(tx, unit.id, now);
    if (!availability.available) throw availability.reason === 'closed' || availability.reason === 'no_hours' ? chatErrors.closed(availability.opensAt) : chatErrors.notOffered();
    // The queue priority is the server's own Sök vård assessment (G5), never a number from the browser.
    const triage = request.triageSessionId ? triageSummary(context, request.triageSessionId) : null;
    if (request.triageSessionId && !triage) throw chatErrors.triageExpired();
    const chat = await insertChat(tx, {
      unitId: unit.id,
      patientId,
      startedByPersonId: actor.personId,
      reason: request.reason,
      priority: triage ? triagePriority(triage.urgency) : null,
      status: 'queued',
      queuedAt: now,
    });
    if (triage) {
      // The assessment the patient chose to send is their first message: staff read it when they
      // take the chat, and it stays in the transcript kept as a case.
      const message = await insertMessage(tx, { chatId: chat.id, authorPersonId: actor.personId, body: triage.text, createdAt: now });
      await markRead(tx, chat.id, { kind: 'person', id: actor.personId }, message.seq, now);
    }
    // Turning to the unit starts a care episode there, so its staff may read the chat (as cases do).
    await ensureOngoingCareRelation(tx, now, unit.id, patientId);
    await accessPatient(tx, context, actor, patientId, { action: 'create', objectType: 'chat', objectId: chat.id });
    await announceQueue(tx, context.clock, unit.id, await queuedPatientIds(tx, unit.id));
    return { chat: (await chatBaseOf(tx, chat, { side: 'patient', personId: actor.personId })).base, created: true };
  });
}

/** Starts a chat, or answers the patient's live chat at the unit if there is one (a double click, a second tab). */
export async function startChat(context: ServiceContext, actor: CitizenActor, input: unknown): Promise<{ chat: PatientChat; created: boolean }> {
  const request = startChatRequestSchema.parse(input);
  try {
    return await startOnce(context, actor, request);
  } catch (error) {
    // Two starts at once: the unique index lets one through; the other answers it.
    if (isUniqueViolation(error, 'chats_one_live_per_patient_unit')) return startOnce(context, actor, request);
    throw error;
  }
}

async function patientChatOrThrow(tx: Tx, actor: CitizenActor, id: string, at: Date, forUpdate = false): Promise<ChatRow> {
  await assertMayHandleCases(tx, actor, at);
  const chat = await findChat(tx, id, { forUpdate });
  if (!chat || chat.patientId !== actor.subjectPersonId) throw chatErrors.chatNotFound();
  return chat;
}

export async function listMyChats(context: ServiceContext, actor: CitizenActor): Promise<PatientChatList> {
  return context.db.transaction(async (tx) => {
    await assertMayHandleCases(tx, actor, context.clock.now());
    await accessPatient(tx, context, actor, actor.subjectPersonId, { action: 'read', objectType: 'chat_list' });
    const rows = await listPatientChats(tx, actor.subjectPersonId, true);
    const units = new Map<string, string>();
    for (const row of rows) if (!units.has(row.unitId)) units.set(row.unitId, (await findUnit(tx, row.unitId))?.name ?? '');
    return { chats: rows.map((row) => ({ id: row.id, unit: { id: row.unitId, name: units.get(row.unitId) ?? '' }, status: row.status as PatientChat['status'], queuedAt: row.queuedAt.toISOString() })) };
  });
}

export async function getMyChat(context: ServiceContext, actor: CitizenActor, id: string): Promise<PatientChat> {
  return context.db.transaction(async (tx) => {
    const chat = await patientChatOrThrow(tx, actor, id, context.clock.now());
    await accessPatient(tx, context, actor, chat.patientId, { action: 'read', objectType: 'chat', objectId: chat.id });
    return (await chatBaseOf(tx, chat, { side: 'patient', personId: actor.personId })).base;
  });
}

export async function patientMessage(context: ServiceContext, actor: CitizenActor, id: string, input: unknown): Promise<ChatMessage> {
  const { body } = messageRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const chat = await patientChatOrThrow(tx, actor, id, now, true);
    if (!isLive(chat.status)) throw chatErrors.notLive();
    await accessPatient(tx, context, actor, chat.patientId, { action: 'update', objectType: 'chat', objectId: chat.id });
    // Writing while queued is allowed: the first words are there when staff take the chat.
    const message = await insertMessage(tx, { chatId: chat.id, authorPersonId: actor.personId, body, createdAt: now });
    await markRead(tx, chat.id, { kind: 'person', id: actor.personId }, message.seq, now);
    await announceMessage(tx, context.clock, chat, await currentStaffIds(tx, chat.id), message.seq);
    const names = await personNames(tx, [actor.personId]);
    return { seq: message.seq, side: 'patient', authorName: names.get(actor.personId) ?? '', mine: true, body, at: now.toISOString() };
  });
}

export async function patientRead(context: ServiceContext, actor: CitizenActor, id: string, input: unknown): Promise<void> {
  const { seq } = readRequestSchema.parse(input);
  await context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const chat = await patientChatOrThrow(tx, actor, id, now);
    const upTo = Math.min(seq, await lastMessageSeq(tx, chat.id));
    if (upTo <= (await readSeqOfReader(tx, chat.id, 'person', actor.personId))) return;
    await accessPatient(tx, context, actor, chat.patientId, { action: 'read', objectType: 'chat', objectId: chat.id });
    await markRead(tx, chat.id, { kind: 'person', id: actor.personId }, upTo, now);
    await announceRead(tx, context.clock, chat, { patient: false, staffIds: await currentStaffIds(tx, chat.id) }, upTo);
  });
}

export async function patientTyping(context: ServiceContext, actor: CitizenActor, id: string): Promise<void> {
  // Checked, not audited: a typing signal carries no patient data (ids only) and is not stored.
  const staffIds = await context.db.transaction(async (tx) => {
    const chat = await patientChatOrThrow(tx, actor, id, context.clock.now());
    if (chat.status !== 'active') return [];
    return currentStaffIds(tx, chat.id);
  });
  for (const staffId of staffIds) await signalEvent(context.db, context.clock, `staff:${staffId}`, 'chat.typing', { chatId: id, side: 'patient' });
}

/** The patient leaves the queue (before anyone has taken the chat). */
export async function leaveQueue(context: ServiceContext, actor: CitizenActor, id: string): Promise<PatientChat> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const chat = await patientChatOrThrow(tx, actor, id, now, true);
    if (chat.status !== 'queued') throw chat.status === 'active' ? chatErrors.notQueued() : chatErrors.notLive();
    await accessPatient(tx, context, actor, chat.patientId, { action: 'update', objectType: 'chat', objectId: chat.id });
    const updated = await updateChat(tx, chat.id, { status: 'left', endedAt: now });
    await announceChatChange(tx, context.clock, updated, []);
    await announceQueue(tx, context.clock, chat.unitId, await queuedPatientIds(tx, chat.unitId));
    return (await chatBaseOf(tx, updated, { side: 'patient', personId: actor.personId })).base;
  });
}
