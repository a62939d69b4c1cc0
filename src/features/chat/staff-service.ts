import { accessPatient } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findPersonById, findStaffByIds, listUnitStaff } from '../../platform/people/store.ts';
import { signalEvent } from '../../platform/realtime/publish.ts';
import { recordConversationAsCase } from '../cases/directory.ts';
import { colleagueRequestSchema, endRequestSchema, messageRequestSchema, readRequestSchema, type ChatMessage, type StaffChat, type StaffQueue } from './contract.ts';
import { chatErrors } from './errors.ts';
import { availabilityAt } from './hours-service.ts';
import { announceChatChange, announceMessage, announceQueue, announceRead } from './live.ts';
import { isLive, queueOrder } from './model.ts';
import {
  findChat,
  insertMessage,
  joinChat,
  lastMessageSeq,
  leaveChat,
  listActiveAtUnit,
  listChatsOfStaff,
  listMessages,
  listQueued,
  listQueuedForTaking,
  markRead,
  readSeqOfReader,
  updateChat,
  type ChatRow,
} from './store.ts';
import { currentStaffIds, queuedPatientIds, staffViewOf } from './views.ts';

/**
 * The staff's side of the chat (C8): the unit's queue, taking the next patient, writing in the
 * chat, bringing in or handing over to a colleague, and ending it as a closed case (C6).
 * As on the patient's side, every read or write of a chat goes through accessPatient(), which audits it.
 */

const CHAT_ROLES = ['clinician', 'receptionist'] as const;
type ChatStaff = StaffActor & { unitId: string };

function chatStaffOf(actor: StaffActor): ChatStaff {
  if (!actor.unitId || actor.unitRoles.length === 0) throw chatErrors.noActiveUnit();
  if (!actor.unitRoles.some((role) => (CHAT_ROLES as readonly string[]).includes(role))) throw chatErrors.notChatStaff();
  return actor as ChatStaff;
}

// ---- staff ------------------------------------------------------------------------------------

export async function staffQueue(context: ServiceContext, actor: StaffActor): Promise<StaffQueue> {
  const staff = chatStaffOf(actor);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const queued = await listQueued(tx, staff.unitId);
    const active = await listActiveAtUnit(tx, staff.unitId);
    const mine = await listChatsOfStaff(tx, staff.unitId, staff.staffId);
    const { availability } = await availabilityAt(tx, staff.unitId, now);
    // The queue is one read of the unit's list (names and identity numbers of those waiting), as the case inbox;
    // each chat opened or taken goes through accessPatient on its own.
    await recordAudit(tx, context, actor, { action: 'read', objectType: 'chat_queue', objectId: staff.unitId });
    const patients = new Map<string, Awaited<ReturnType<typeof findPersonById>>>();
    for (const id of new Set([...queued, ...mine].map((row) => row.patientId))) patients.set(id, await findPersonById(tx, id));
    const ordered = queueOrder(queued);
    const mineWithUnread: StaffQueue['mine'] = [];
    for (const row of mine) {
      const readSeq = await readSeqOfReader(tx, row.id, 'staff', staff.staffId);
      const messages = await listMessages(tx, row.id);
      const lastPatient = messages.filter((message) => message.authorPersonId).at(-1)?.seq ?? 0;
      const patient = patients.get(row.patientId);
      mineWithUnread.push({ id: row.id, patientName: patient ? `${patient.givenName} ${patient.familyName}` : '', reason: row.reason, takenAt: row.takenAt?.toISOString() ?? null, unread: lastPatient > readSeq });
    }
    return {
      queued: ordered.map((row, index) => {
        const patient = patients.get(row.patientId);
        return {
          id: row.id,
          patient: {
            id: row.patientId,
            name: patient ? `${patient.givenName} ${patient.familyName}` : '',
            identityNumber: patient?.identityNumber ?? '',
            protectedIdentity: patient?.protectedIdentity ?? false,
          },
          reason: row.reason,
          priority: row.priority,
          queuedAt: row.queuedAt.toISOString(),
          position: index + 1,
        };
      }),
      mine: mineWithUnread,
      othersActive: active.filter((row) => !mine.some((own) => own.id === row.id)).length,
      open: availability.available,
    };
  });
}

/** Takes the first in the queue (most urgent, then longest waiting). */
export async function takeNext(context: ServiceContext, actor: StaffActor): Promise<StaffChat> {
  const staff = chatStaffOf(actor);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const [next] = queueOrder(await listQueuedForTaking(tx, staff.unitId));
    if (!next) throw chatErrors.queueEmpty();
    await accessPatient(tx, context, actor, next.patientId, { action: 'update', objectType: 'chat', objectId: next.id });
    const chat = await updateChat(tx, next.id, { status: 'active', assignedStaffId: staff.staffId, takenAt: now });
    await joinChat(tx, chat.id, staff.staffId, now);
    await announceChatChange(tx, context.clock, chat, [staff.staffId]);
    await announceQueue(tx, context.clock, staff.unitId, await queuedPatientIds(tx, staff.unitId));
    return staffViewOf(tx, chat, staff.staffId);
  });
}

async function unitChatOrThrow(tx: Tx, staff: ChatStaff, id: string, forUpdate = false): Promise<ChatRow> {
  const chat = await findChat(tx, id, { forUpdate });
  // Another unit's chat does not exist for this reader (its existence would leak).
  if (!chat || chat.unitId !== staff.unitId) throw chatErrors.chatNotFound();
  return chat;
}

async function assertParticipant(tx: Tx, chat: ChatRow, staffId: string): Promise<string[]> {
  if (!isLive(chat.status)) throw chatErrors.notLive();
  if (chat.status !== 'active') throw chatErrors.notActive();
  const current = await currentStaffIds(tx, chat.id);
  if (!current.includes(staffId)) throw chatErrors.notParticipant();
  return current;
}

export async function getUnitChat(context: ServiceContext, actor: StaffActor, id: string): Promise<StaffChat> {
  const staff = chatStaffOf(actor);
  return context.db.transaction(async (tx) => {
    const chat = await unitChatOrThrow(tx, staff, id);
    await accessPatient(tx, context, actor, chat.patientId, { action: 'read', objectType: 'chat', objectId: chat.id });
    return staffViewOf(tx, chat, staff.staffId);
  });
}

export async function staffMessage(context: ServiceContext, actor: StaffActor, id: string, input: unknown): Promise<ChatMessage> {
  const staff = chatStaffOf(actor);
  const { body } = messageRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const chat = await unitChatOrThrow(tx, staff, id, true);
    const current = await assertParticipant(tx, chat, staff.staffId);
    await accessPatient(tx, context, actor, chat.patientId, { action: 'update', objectType: 'chat', objectId: chat.id });
    const message = await insertMessage(tx, { chatId: chat.id, authorStaffId: staff.staffId, body, createdAt: now });
    await markRead(tx, chat.id, { kind: 'staff', id: staff.staffId }, message.seq, now);
    await announceMessage(tx, context.clock, chat, current, message.seq);
    const [me] = await findStaffByIds(tx, [staff.staffId]);
    return { seq: message.seq, side: 'staff', authorName: me ? `${me.givenName} ${me.familyName}` : '', mine: true, body, at: now.toISOString() };
  });
}

export async function staffRead(context: ServiceContext, actor: StaffActor, id: string, input: unknown): Promise<void> {
  const staff = chatStaffOf(actor);
  const { seq } = readRequestSchema.parse(input);
  await context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const chat = await unitChatOrThrow(tx, staff, id);
    const upTo = Math.min(seq, await lastMessageSeq(tx, chat.id));
    if (upTo <= (await readSeqOfReader(tx, chat.id, 'staff', staff.staffId))) return;
    await accessPatient(tx, context, actor, chat.patientId, { action: 'read', objectType: 'chat', objectId: chat.id });
    await markRead(tx, chat.id, { kind: 'staff', id: staff.staffId }, upTo, now);
    await announceRead(tx, context.clock, chat, { patient: true, staffIds: (await currentStaffIds(tx, chat.id)).filter((other) => other !== staff.staffId) }, upTo);
  });
}

export async function staffTyping(context: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  const staff = chatStaffOf(actor);
  // Checked, not audited: a typing signal carries ids only and is not stored.
  const chat = await context.db.transaction(async (tx) => {
    const row = await unitChatOrThrow(tx, staff, id);
    await assertParticipant(tx, row, staff.staffId);
    return row;
  });
  await signalEvent(context.db, context.clock, `person:${chat.patientId}`, 'chat.typing', { chatId: chat.id, side: 'staff' });
}

async function colleagueOrThrow(tx: Tx, staff: ChatStaff, staffId: string) {
  const member = (await listUnitStaff(tx, staff.unitId)).find((candidate) => candidate.staffId === staffId);
  if (!member || !member.roles.some((role) => (CHAT_ROLES as readonly string[]).includes(role))) throw chatErrors.colleagueNotAtUnit();
  return member;
}

/** Brings a colleague into the chat (both stay). */
export async function addColleague(context: ServiceContext, actor: StaffActor, id: string, input: unknown): Promise<StaffChat> {
  const staff = chatStaffOf(actor);
  const { staffId } = colleagueRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const chat = await unitChatOrThrow(tx, staff, id, true);
    const current = await assertParticipant(tx, chat, staff.staffId);
    await colleagueOrThrow(tx, staff, staffId);
    if (current.includes(staffId)) throw chatErrors.alreadyInChat();
    await accessPatient(tx, context, actor, chat.patientId, { action: 'update', objectType: 'chat_participant', objectId: chat.id });
    await joinChat(tx, chat.id, staffId, now);
    await announceChatChange(tx, context.clock, chat, [...current, staffId]);
    return staffViewOf(tx, chat, staff.staffId);
  });
}

/** Hands the chat over to a colleague: they have it now, and the one handing over leaves it. */
export async function transferChat(context: ServiceContext, actor: StaffActor, id: string, input: unknown): Promise<StaffChat> {
  const staff = chatStaffOf(actor);
  const { staffId } = colleagueRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const chat = await unitChatOrThrow(tx, staff, id, true);
    const current = await assertParticipant(tx, chat, staff.staffId);
    if (staffId === staff.staffId) throw chatErrors.alreadyInChat();
    await colleagueOrThrow(tx, staff, staffId);
    await accessPatient(tx, context, actor, chat.patientId, { action: 'update', objectType: 'chat_participant', objectId: chat.id });
    await joinChat(tx, chat.id, staffId, now);
    await leaveChat(tx, chat.id, staff.staffId, now);
    const updated = await updateChat(tx, chat.id, { assignedStaffId: staffId });
    await announceChatChange(tx, context.clock, updated, [...current, staffId]);
    return staffViewOf(tx, updated, staff.staffId);
  });
}

/** Ends the chat with a summary; the whole conversation is kept as a closed case (C6, C8). */
export async function endChat(context: ServiceContext, actor: StaffActor, id: string, input: unknown): Promise<{ caseId: string; caseNumber: number }> {
  const staff = chatStaffOf(actor);
  const { summary } = endRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const chat = await unitChatOrThrow(tx, staff, id, true);
    const current = await assertParticipant(tx, chat, staff.staffId);
    await accessPatient(tx, context, actor, chat.patientId, { action: 'update', objectType: 'chat', objectId: chat.id });
    const messages = await listMessages(tx, chat.id);
    const recorded = await recordConversationAsCase(tx, context.clock, {
      unitId: chat.unitId,
      patientId: chat.patientId,
      startedByPersonId: chat.startedByPersonId,
      reason: chat.reason,
      startedAt: chat.queuedAt,
      messages: messages.map((message) => ({
        author: message.authorPersonId ? { personId: message.authorPersonId } : { staffId: message.authorStaffId! },
        body: message.body,
        at: message.createdAt,
      })),
      closedByStaffId: staff.staffId,
      summary,
    });
    const updated = await updateChat(tx, chat.id, { status: 'ended', endedAt: now, summary, caseId: recorded.id });
    await announceChatChange(tx, context.clock, updated, current);
    return { caseId: recorded.id, caseNumber: recorded.number };
  });
}

export async function chatColleagues(context: ServiceContext, actor: StaffActor) {
  const staff = chatStaffOf(actor);
  return context.db.transaction(async (tx) => {
    const members = await listUnitStaff(tx, staff.unitId);
    return {
      colleagues: members
        .filter((member) => member.staffId !== staff.staffId && member.roles.some((role) => (CHAT_ROLES as readonly string[]).includes(role)))
        .map((member) => ({ id: member.staffId, name: `${member.givenName} ${member.familyName}`, profession: member.profession }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    };
  });
}
