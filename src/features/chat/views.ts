import type { Tx } from '../../platform/db/database.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonById, findStaffByIds } from '../../platform/people/store.ts';
import type { ChatMessage, PatientChat, StaffChat } from './contract.ts';
import { estimatedWaitMinutes, queuePosition, typicalHandlingMinutes } from './model.ts';
import { listActiveAtUnit, listMessages, listParticipants, listQueued, personNames, readSeqOf, recentHandlingMs, type ChatRow } from './store.ts';

/**
 * Views of a chat (C8): what the patient and staff see of one chat (its messages, the staff in
 * it, the place in the queue), and the ids the live announcements go to.
 */

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

export async function chatBaseOf(tx: Tx, chat: ChatRow, viewer: Viewer) {
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

export async function staffViewOf(tx: Tx, chat: ChatRow, staffId: string): Promise<StaffChat> {
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

export const currentStaffIds = async (tx: Tx, chatId: string) => (await listParticipants(tx, chatId)).filter((participant) => participant.leftAt === null).map((participant) => participant.staffId);

export const queuedPatientIds = async (tx: Tx, unitId: string) => (await listQueued(tx, unitId)).map((row) => row.patientId);
