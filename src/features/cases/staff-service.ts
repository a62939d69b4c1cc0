import { accessPatient } from '../../platform/access/access.ts';
import { ensureOngoingCareRelation } from '../../platform/access/store.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { idempotent, type IdempotencyScope, type IdempotentResult } from '../../platform/http/idempotency.ts';
import { nudgeOutbox } from '../../platform/notifications/outbox.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonById, listUnitStaff } from '../../platform/people/store.ts';
import { termsVersionNumber } from '../e-services/directory.ts';
import { ownTermsVersionNumber } from '../case-types/directory.ts';
import type { CreatedCase, InboxCounts, InboxPage, InboxQuery, StaffAction, StaffCase, StaffMessageRequest, StaffNewCaseRequest } from './contract.ts';
import { closeRequestSchema, forwardRequestSchema, inboxQuerySchema, recordContactRequestSchema, staffMessageRequestSchema } from './contract.ts';
import { caseErrors } from './errors.ts';
import { announceCaseChange } from './live.ts';
import { applyAction, firstAnswerDeadline, newStaffCase, type CaseAction, type CaseState } from './model.ts';
import { notifyPatientOfNewMessage } from './notify.ts';
import { recordSummary } from './record-summary.ts';
import { bindAttachments, findUnitCase, inboxCounts, inboxPage, insertCase, insertEvent, updateCase, type CaseRow, type InboxCursor } from './store.ts';
import { caseDetailOf, stateOf, summaryOf } from './views.ts';
import type { z } from 'zod';

/**
 * The unit's side of cases (C1–C6): the inbox, reading a case, and every step staff take.
 * Staff see only their active unit's cases; each case read or changed goes through the
 * patient-access gate, which writes the audit row.
 */

type ActiveStaff = StaffActor & { unitId: string };

function activeUnitOf(actor: StaffActor): ActiveStaff {
  if (!actor.unitId || actor.unitRoles.length === 0) throw caseErrors.noActiveUnit();
  return actor as ActiveStaff;
}

// ---- the inbox ------------------------------------------------------------------------

function decodeCursor(raw: string | undefined): InboxCursor | null {
  if (!raw) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(key)) || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { key, id };
  } catch {
    return null;
  }
}

const encodeCursor = (cursor: InboxCursor) => Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');

export async function listInbox(context: ServiceContext, actor: StaffActor, input: InboxQuery): Promise<InboxPage> {
  const staff = activeUnitOf(actor);
  const query = inboxQuerySchema.parse(input);
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const assigned = query.assigned === 'anyone' ? undefined : query.assigned === 'unassigned' ? null : query.assigned === 'me' ? staff.staffId : query.assigned;
    const page = await inboxPage(
      tx,
      { unitId: staff.unitId, now, status: query.status, type: query.type, assignedStaffId: assigned, deadline: query.deadline },
      decodeCursor(query.after),
      query.limit,
    );
    // One row for the list (names and identity numbers of many patients); each case opened is audited on its own.
    await recordAudit(tx, context, actor, { action: 'read', objectType: 'case_inbox', objectId: staff.unitId });
    const unit = await findUnit(tx, staff.unitId);
    return {
      items: page.items.map(({ case: row, patient, assignedName }) => ({
        ...summaryOf(row, unit?.name ?? '', now, row.unreadByUnit),
        patient: { id: patient.id, name: `${patient.givenName} ${patient.familyName}`, identityNumber: patient.identityNumber, protectedIdentity: patient.protectedIdentity },
        assignedTo: row.assignedStaffId ? { id: row.assignedStaffId, name: assignedName ?? '' } : null,
        acknowledgeOnly: row.acknowledgeOnly,
      })),
      total: page.total,
      nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
    };
  });
}

export async function countInbox(context: ServiceContext, actor: StaffActor): Promise<InboxCounts> {
  const staff = activeUnitOf(actor);
  return context.db.transaction((tx) => inboxCounts(tx, staff.unitId, staff.staffId, context.clock.now()));
}

export async function listColleagues(context: ServiceContext, actor: StaffActor) {
  const staff = activeUnitOf(actor);
  return context.db.transaction(async (tx) => {
    const members = await listUnitStaff(tx, staff.unitId);
    // Administrators and managers who do not handle patients are not given cases.
    const handling = members.filter((member) => member.roles.some((role) => role === 'clinician' || role === 'receptionist'));
    return {
      colleagues: handling
        .map((member) => ({ id: member.staffId, name: `${member.givenName} ${member.familyName}`, profession: member.profession, isMe: member.staffId === staff.staffId }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    };
  });
}

// ---- one case -------------------------------------------------------------------------

async function unitCaseOrThrow(tx: Tx, staff: ActiveStaff, id: string, forUpdate = false): Promise<CaseRow> {
  const row = await findUnitCase(tx, staff.unitId, id, { forUpdate });
  if (!row) throw caseErrors.caseNotFound();
  return row;
}

const probe = new Date(0);
const permitted = (state: CaseState, action: CaseAction) => 'state' in applyAction(state, action, probe);

/** What this member of staff may do with the case now. */
export function allowedActions(row: CaseRow): StaffAction[] {
  const state = stateOf(row);
  if (state.status === 'closed') return [];
  const actions: StaffAction[] = ['assign'];
  for (const kind of ['counter_question', 'partial_answer', 'final_answer', 'acknowledge'] as const) if (permitted(state, { kind })) actions.push(kind);
  if (row.typeCode === 'kontakta_mig' && permitted(state, { kind: 'final_answer' })) actions.push('record_contact');
  actions.push('forward', 'close');
  return actions;
}

async function staffViewOf(tx: Tx, row: CaseRow, now: Date): Promise<StaffCase> {
  const detail = await caseDetailOf(tx, row, 'staff', now);
  const patient = await findPersonById(tx, row.patientId);
  const assignee = row.assignedStaffId ? (await listUnitStaff(tx, row.unitId)).find((member) => member.staffId === row.assignedStaffId) : undefined;
  const termsVersion = row.termsVersionId
    ? await termsVersionNumber(tx, row.termsVersionId)
    : row.caseTypeTermsVersionId
      ? await ownTermsVersionNumber(tx, row.caseTypeTermsVersionId)
      : undefined;
  return {
    ...detail,
    patient: {
      id: row.patientId,
      name: patient ? `${patient.givenName} ${patient.familyName}` : '',
      identityNumber: patient?.identityNumber ?? '',
      protectedIdentity: patient?.protectedIdentity ?? false,
    },
    assignedTo: row.assignedStaffId ? { id: row.assignedStaffId, name: assignee ? `${assignee.givenName} ${assignee.familyName}` : '' } : null,
    acknowledgeOnly: row.acknowledgeOnly,
    allowedActions: allowedActions(row),
    outcome: row.outcome,
    termsVersion: termsVersion ?? null,
  };
}

export async function getUnitCase(context: ServiceContext, actor: StaffActor, id: string): Promise<StaffCase> {
  const staff = activeUnitOf(actor);
  return context.db.transaction(async (tx) => {
    let row = await unitCaseOrThrow(tx, staff, id);
    await accessPatient(tx, context, actor, row.patientId, { action: 'read', objectType: 'case', objectId: row.id });
    if (row.unreadByUnit) row = await updateCase(tx, row.id, { unreadByUnit: false });
    return staffViewOf(tx, row, context.clock.now());
  });
}

export async function caseRecordSummary(context: ServiceContext, actor: StaffActor, id: string): Promise<{ text: string }> {
  const staff = activeUnitOf(actor);
  return context.db.transaction(async (tx) => {
    const row = await unitCaseOrThrow(tx, staff, id);
    await accessPatient(tx, context, actor, row.patientId, { action: 'read', objectType: 'case_record_summary', objectId: row.id });
    return { text: recordSummary(await staffViewOf(tx, row, context.clock.now())) };
  });
}

// ---- steps ----------------------------------------------------------------------------

type Step = {
  action: CaseAction;
  event: { kind: string; body?: string | null; data?: Record<string, unknown> };
  /** Extra columns to change besides the state. */
  changes?: Partial<CaseRow>;
  attachmentIds?: string[];
  /** Tell the patient there is something new (only what the patient is meant to read). */
  notifyPatient?: boolean;
};

/**
 * Applies one step to a locked case: check the rules, audit, write the event, bind
 * attachments, update the case and enqueue the notification — all in the caller's transaction.
 */
async function applyStep(tx: Tx, context: ServiceContext, staff: ActiveStaff, row: CaseRow, step: Step): Promise<CaseRow> {
  const now = context.clock.now();
  const outcome = applyAction(stateOf(row), step.action, now);
  if ('refused' in outcome) throw caseErrors.refused(outcome.refused);
  await accessPatient(tx, context, staff, row.patientId, { action: 'update', objectType: 'case', objectId: row.id });
  const event = await insertEvent(tx, { caseId: row.id, kind: step.event.kind, body: step.event.body ?? null, data: step.event.data ?? null, authorStaffId: staff.staffId, unitId: row.unitId, createdAt: now });
  const ids = [...new Set(step.attachmentIds ?? [])];
  if (ids.length > 0 && (await bindAttachments(tx, ids, { patientId: row.patientId, staffId: staff.staffId }, { caseId: row.id, eventId: event.id })) !== ids.length) {
    throw caseErrors.attachmentUnknown();
  }
  const { state } = outcome;
  const updated = await updateCase(tx, row.id, {
    status: state.status,
    assignedStaffId: state.assignedStaffId,
    firstResponseAt: state.firstResponseAt,
    patientRepliesLeft: state.patientRepliesLeft,
    closedAt: state.status === 'closed' ? (row.closedAt ?? now) : null,
    lastActivityAt: now,
    unreadByPatient: step.notifyPatient ? true : row.unreadByPatient,
    ...step.changes,
  });
  if (step.notifyPatient) await notifyPatientOfNewMessage(tx, context.clock, row.patientId, event.id);
  // A forward reaches both inboxes: it leaves one and arrives in the other.
  await announceCaseChange(tx, context.clock, { caseId: row.id, patientId: row.patientId, unitIds: [row.unitId, updated.unitId] });
  return updated;
}

async function step(context: ServiceContext, actor: StaffActor, id: string, decide: (row: CaseRow, tx: Tx, staff: ActiveStaff) => Promise<Step> | Step): Promise<StaffCase> {
  const staff = activeUnitOf(actor);
  const view = await context.db.transaction(async (tx) => {
    const row = await unitCaseOrThrow(tx, staff, id, true);
    const updated = await applyStep(tx, context, staff, row, await decide(row, tx, staff));
    return staffViewOf(tx, updated, context.clock.now());
  });
  // Committed: the outbox worker may deliver what the step enqueued now rather than at its next poll.
  nudgeOutbox();
  return view;
}

export async function assignCase(context: ServiceContext, actor: StaffActor, id: string, staffId: string): Promise<StaffCase> {
  return step(context, actor, id, async (_row, tx, staff) => {
    const member = (await listUnitStaff(tx, staff.unitId)).find((candidate) => candidate.staffId === staffId);
    if (!member) throw caseErrors.colleagueNotAtUnit();
    return { action: { kind: 'assign', staffId }, event: { kind: 'assigned', data: { staffId, staffName: `${member.givenName} ${member.familyName}` } } };
  });
}

/** Counter-question, partial or final answer (C3, C4). Whoever answers an unassigned case takes it. */
export async function answerCase(context: ServiceContext, actor: StaffActor, id: string, input: StaffMessageRequest): Promise<StaffCase> {
  const request = staffMessageRequestSchema.parse(input);
  return step(context, actor, id, (row, _tx, staff) => ({
    action: { kind: request.kind },
    event: { kind: request.kind, body: request.body },
    attachmentIds: request.attachmentIds,
    changes: row.assignedStaffId ? {} : { assignedStaffId: staff.staffId },
    notifyPatient: true,
  }));
}

/** Skicka meddelande: the unit confirms receipt with one click. */
export async function acknowledgeCase(context: ServiceContext, actor: StaffActor, id: string): Promise<StaffCase> {
  return step(context, actor, id, () => ({ action: { kind: 'acknowledge' }, event: { kind: 'acknowledged' }, notifyPatient: true }));
}

/** Kontakta mig: staff record how they contacted the patient; that answers and closes the case. */
export async function recordContact(context: ServiceContext, actor: StaffActor, id: string, input: z.input<typeof recordContactRequestSchema>): Promise<StaffCase> {
  const request = recordContactRequestSchema.parse(input);
  return step(context, actor, id, (row) => {
    if (row.typeCode !== 'kontakta_mig') throw caseErrors.refused('not_contact_case');
    return { action: { kind: 'final_answer' }, event: { kind: 'contact_recorded', body: request.note ?? null, data: { method: request.method } }, changes: { outcome: 'answered' } };
  });
}

export async function closeCase(context: ServiceContext, actor: StaffActor, id: string, input: z.input<typeof closeRequestSchema>): Promise<StaffCase> {
  const request = closeRequestSchema.parse(input);
  return step(context, actor, id, () => ({
    action: { kind: 'close' },
    event: { kind: 'closed', body: request.note ?? null, data: { outcome: request.outcome } },
    changes: { outcome: request.outcome },
  }));
}

/** Sends the case on to another unit, which takes it over with the original deadline (C3). */
export async function forwardCase(context: ServiceContext, actor: StaffActor, id: string, input: z.input<typeof forwardRequestSchema>): Promise<{ forwardedTo: { id: string; name: string } }> {
  const request = forwardRequestSchema.parse(input);
  const staff = activeUnitOf(actor);
  return context.db.transaction(async (tx) => {
    const row = await unitCaseOrThrow(tx, staff, id, true);
    if (request.unitId === row.unitId) throw caseErrors.forwardToSameUnit();
    const target = await findUnit(tx, request.unitId);
    if (!target) throw caseErrors.unitNotFound();
    const from = await findUnit(tx, row.unitId);
    await applyStep(tx, context, staff, row, {
      action: { kind: 'forward' },
      event: { kind: 'forwarded', body: request.note, data: { fromUnitId: row.unitId, fromUnitName: from?.name ?? '', toUnitId: target.id, toUnitName: target.name } },
      changes: { unitId: target.id, unreadByUnit: true },
    });
    await ensureOngoingCareRelation(tx, context.clock.now(), target.id, row.patientId);
    return { forwardedTo: { id: target.id, name: target.name } };
  });
}

/** C5: staff send a new case to a patient, who may answer once. */
export async function startCaseToPatient(context: ServiceContext, actor: StaffActor, request: StaffNewCaseRequest, scope: IdempotencyScope | null): Promise<IdempotentResult<CreatedCase>> {
  const staff = activeUnitOf(actor);
  const created = await context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      const now = context.clock.now();
      const patient = await findPersonById(tx, request.patientId);
      if (!patient) throw caseErrors.patientNotFound();
      const state = newStaffCase(staff.staffId, now);
      const row = await insertCase(tx, {
        unitId: staff.unitId,
        patientId: patient.id,
        typeCode: 'staff_message',
        typeNameSv: 'Meddelande från mottagningen',
        typeNameEn: 'Message from the clinic',
        origin: state.origin,
        status: state.status,
        acknowledgeOnly: false,
        assignedStaffId: state.assignedStaffId,
        subject: request.subject,
        form: {},
        createdByStaffId: staff.staffId,
        receivedAt: now,
        deadlineAt: firstAnswerDeadline(now),
        firstResponseAt: state.firstResponseAt,
        patientRepliesLeft: state.patientRepliesLeft,
        lastActivityAt: now,
        unreadByPatient: true,
        unreadByUnit: false,
      });
      await accessPatient(tx, context, actor, patient.id, { action: 'create', objectType: 'case', objectId: row.id });
      const event = await insertEvent(tx, { caseId: row.id, kind: 'staff_message', body: request.body, authorStaffId: staff.staffId, unitId: staff.unitId, createdAt: now });
      await notifyPatientOfNewMessage(tx, context.clock, patient.id, event.id);
      await announceCaseChange(tx, context.clock, { caseId: row.id, patientId: patient.id, unitIds: [staff.unitId] });
      return { id: row.id, number: row.number };
    }),
  );
  nudgeOutbox();
  return created;
}
