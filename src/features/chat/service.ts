import { accessPatient } from '../../platform/access/access.ts';
import { ensureOngoingCareRelation } from '../../platform/access/store.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { CitizenActor, StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation, type Tx } from '../../platform/db/database.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonById, findStaffByIds, listUnitStaff } from '../../platform/people/store.ts';
import { signalEvent } from '../../platform/realtime/publish.ts';
import { assertMayHandleCases, recordConversationAsCase } from '../cases/directory.ts';
import { activeEservicesByUnit } from '../e-services/directory.ts';
import { triagePriority, triageSummary } from '../triage/directory.ts';
import type { OpeningHours } from '../../lib/opening-hours.ts';
import {
  chatHoursRequestSchema,
  colleagueRequestSchema,
  endRequestSchema,
  messageRequestSchema,
  readRequestSchema,
  startChatRequestSchema,
  type ChatHoursSettings,
  type ChatMessage,
  type ChatOpenStatus,
  type PatientChat,
  type PatientChatList,
  type StaffChat,
  type StaffQueue,
} from './contract.ts';
import { chatErrors } from './errors.ts';
import { announceChatChange, announceMessage, announceQueue, announceRead } from './live.ts';
import { chatAvailability, estimatedWaitMinutes, isLive, queueOrder, queuePosition, typicalHandlingMinutes, type ChatAvailability } from './model.ts';
import {
  findChat,
  findChatHours,
  findLiveChat,
  insertChat,
  insertMessage,
  joinChat,
  lastMessageSeq,
  leaveChat,
  listActiveAtUnit,
  listChatsOfStaff,
  listMessages,
  listParticipants,
  listPatientChats,
  listQueued,
  listQueuedForTaking,
  markRead,
  personNames,
  readSeqOf,
  readSeqOfReader,
  recentHandlingMs,
  saveChatHours,
  updateChat,
  type ChatRow,
} from './store.ts';

/**
 * Chat with care (C8). The patient (or whoever acts for them, with a proxy's scope
 * `cases`) starts a chat at a unit while its chat is open, waits in the queue, and talks
 * with the unit's staff; staff take the next patient, bring in or hand over to a
 * colleague, and end the chat with a summary: the transcript becomes a closed case (C6).
 * Every read or write of a chat goes through accessPatient(), which audits it.
 */

const CHAT_ROLES = ['clinician', 'receptionist'] as const;
type ChatStaff = StaffActor & { unitId: string };

function chatStaffOf(actor: StaffActor): ChatStaff {
  if (!actor.unitId || actor.unitRoles.length === 0) throw chatErrors.noActiveUnit();
  if (!actor.unitRoles.some((role) => (CHAT_ROLES as readonly string[]).includes(role))) throw chatErrors.notChatStaff();
  return actor as ChatStaff;
}

// ---- availability and hours ------------------------------------------------------------------

async function availabilityAt(tx: Tx, unitId: string, at: Date): Promise<{ availability: ChatAvailability; hours: OpeningHours | null; offered: boolean }> {
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

// ---- views --------------------------------------------------------------------------------

type Viewer = { side: 'patient'; personId: string } | { side: 'staff'; staffId: string };

async function queueFacts(tx: Tx, chat: ChatRow): Promise<{ position: number | null; estimatedWaitMinutes: number | null }> {
  if (chat.status !== 'queued') return { position: null, estimatedWaitMinutes: null };
  const queued = await listQueued(tx, chat.unitId);
  const active = await listActiveAtUnit(tx, chat.unitId);
  const handling = await recentHandlingMs(tx, chat.unitId);
  const position = queuePosition(queued, chat.id);
  if (position === null) return { position: null, estimatedWaitMinutes: null };
  const staffChatting = new Set(active.map((row) => row.assignedStaffId).filter(Boolean)).size;
  return { position, estimatedWaitMinutes: estimatedWaitMinutes(position, typicalHandlingMinutes(handling), staffChatting) };
}

async function chatBaseOf(tx: Tx, chat: ChatRow, viewer: Viewer) {
  const unit = await findUnit(tx, chat.unitId);
  const participants = await listParticipants(tx, chat.id);
  const messages = await listMessages(tx, chat.id);
  const facts = await queueFacts(tx, chat);
  const current = participants.filter((participant) => participant.leftAt === null);
  const staffIds = [...new Set([...participants.map((participant) => participant.staffId), ...messages.flatMap((message) => (message.authorStaffId ? [message.authorStaffId] : []))])];
  const personIds = [...new Set(messages.flatMap((message) => (message.authorPersonId ? [message.authorPersonId] : [])))];
  const staffRows = await findStaffByIds(tx, staffIds);
  const names = await personNames(tx, personIds);
  const staffById = new Map(staffRows.map((row) => [row.id, row]));
  const staffName = (id: string) => {
    const row = staffById.get(id);
    return row ? `${row.givenName} ${row.familyName}` : '';
  };
  const otherSideReadSeq = await readSeqOf(tx, chat.id, viewer.side === 'patient' ? 'staff' : 'person');
  const chatMessages: ChatMessage[] = messages.map((message) => ({
    seq: message.seq,
    side: message.authorPersonId ? 'patient' : 'staff',
    authorName: message.authorPersonId ? (names.get(message.authorPersonId) ?? '') : staffName(message.authorStaffId!),
    mine: viewer.side === 'patient' ? message.authorPersonId === viewer.personId : message.authorStaffId === viewer.staffId,
    body: message.body,
    at: message.createdAt.toISOString(),
  }));
  return {
    base: {
      id: chat.id,
      unit: { id: chat.unitId, name: unit?.name ?? '' },
      status: chat.status as PatientChat['status'],
      reason: chat.reason,
      priority: chat.priority,
      queuedAt: chat.queuedAt.toISOString(),
      takenAt: chat.takenAt?.toISOString() ?? null,
      endedAt: chat.endedAt?.toISOString() ?? null,
      ...facts,
      staff: current.map((participant) => ({ id: participant.staffId, name: staffName(participant.staffId), profession: staffById.get(participant.staffId)?.profession ?? '' })),
      messages: chatMessages,
      otherSideReadSeq,
      caseId: chat.caseId,
    },
    current,
    staffName,
  };
}

async function staffViewOf(tx: Tx, chat: ChatRow, staffId: string): Promise<StaffChat> {
  const { base, current, staffName } = await chatBaseOf(tx, chat, { side: 'staff', staffId });
  const patient = await findPersonById(tx, chat.patientId);
  return {
    ...base,
    patient: {
      id: chat.patientId,
      name: patient ? `${patient.givenName} ${patient.familyName}` : '',
      identityNumber: patient?.identityNumber ?? '',
      protectedIdentity: patient?.protectedIdentity ?? false,
    },
    assignedTo: chat.assignedStaffId ? { id: chat.assignedStaffId, name: staffName(chat.assignedStaffId) } : null,
    participating: chat.status === 'active' && current.some((participant) => participant.staffId === staffId),
    summary: chat.summary,
  };
}

const currentStaffIds = async (tx: Tx, chatId: string) => (await listParticipants(tx, chatId)).filter((participant) => participant.leftAt === null).map((participant) => participant.staffId);

const queuedPatientIds = async (tx: Tx, unitId: string) => (await listQueued(tx, unitId)).map((row) => row.patientId);

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
