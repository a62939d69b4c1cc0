import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { ensureOngoingCareRelation } from '../../platform/access/store.ts';
import { announceCaseChange } from './live.ts';
import { firstAnswerDeadline } from './model.ts';
import { insertCase, insertEvent } from './store.ts';

/**
 * What other features may ask of cases. Features call these, never our tables or store.
 */

/** A proxy acts in cases (and chats) only when the power of attorney covers `cases`. */
export { assertMayHandleCases } from './patient-service.ts';

export type ConversationMessage = { author: { personId: string } | { staffId: string }; body: string; at: Date };

/**
 * C8 + C6: a finished real-time chat is kept as a closed case of the unit, with the whole
 * conversation and the closing summary, so it is documented like any other contact and
 * the patient finds it under Mina ärenden. Call inside the chat's own transaction; audit
 * is the caller's (it already holds the access decision). Returns the case id and number.
 */
export async function recordConversationAsCase(
  tx: Tx,
  clock: Clock,
  conversation: {
    unitId: string;
    patientId: string;
    /** Who started it: the patient, or a guardian or proxy acting for them. */
    startedByPersonId: string;
    reason: string;
    startedAt: Date;
    messages: ConversationMessage[];
    closedByStaffId: string;
    summary: string;
    /** The case type's name as shown in lists. */
    typeName?: { sv: string; en: string };
  },
): Promise<{ id: string; number: number }> {
  const now = clock.now();
  const firstStaffMessage = conversation.messages.find((message) => 'staffId' in message.author);
  const row = await insertCase(tx, {
    unitId: conversation.unitId,
    patientId: conversation.patientId,
    typeCode: 'chatt',
    typeNameSv: conversation.typeName?.sv ?? 'Chatt med vården',
    typeNameEn: conversation.typeName?.en ?? 'Chat with care',
    origin: 'patient',
    status: 'closed',
    acknowledgeOnly: false,
    assignedStaffId: conversation.closedByStaffId,
    subject: conversation.reason.replace(/\s+/g, ' ').trim().slice(0, 80),
    form: { reason: conversation.reason },
    createdByPersonId: conversation.startedByPersonId,
    receivedAt: conversation.startedAt,
    deadlineAt: firstAnswerDeadline(conversation.startedAt),
    firstResponseAt: firstStaffMessage?.at ?? now,
    closedAt: now,
    outcome: 'answered',
    lastActivityAt: now,
    unreadByPatient: false,
    unreadByUnit: false,
  });
  const unitId = conversation.unitId;
  await insertEvent(tx, { caseId: row.id, kind: 'request', body: conversation.reason, authorPersonId: conversation.startedByPersonId, unitId, createdAt: conversation.startedAt });
  for (const message of conversation.messages) {
    const author = 'personId' in message.author ? { authorPersonId: message.author.personId } : { authorStaffId: message.author.staffId };
    await insertEvent(tx, { caseId: row.id, kind: 'chat_message', body: message.body, unitId, createdAt: message.at, ...author });
  }
  await insertEvent(tx, { caseId: row.id, kind: 'closed', body: conversation.summary, data: { outcome: 'answered' }, authorStaffId: conversation.closedByStaffId, unitId, createdAt: now });
  await ensureOngoingCareRelation(tx, now, unitId, conversation.patientId);
  await announceCaseChange(tx, clock, { caseId: row.id, patientId: conversation.patientId, unitIds: [unitId] });
  return { id: row.id, number: row.number };
}

/** The case types a unit offers a patient now (appointments offer Beställ tid beside booking, D5). */
export { sendableCaseTypes } from './offer.ts';
