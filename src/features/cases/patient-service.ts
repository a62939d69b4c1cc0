import { accessPatient, canRepresent } from '../../platform/access/access.ts';
import { ensureOngoingCareRelation, listActiveCareRelationsOf } from '../../platform/access/store.ts';
import type { CitizenActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { idempotent, type IdempotencyScope, type IdempotentResult } from '../../platform/http/idempotency.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import type { CreatedCase, MyUnits, NewCaseRequest, PatientCase, PatientCaseList, ReplyRequest, SendableCaseTypes } from './contract.ts';
import { newCaseRequestSchema, replyRequestSchema, type CaseForm, type SendableCaseType } from './contract.ts';
import { triageSummary } from '../triage/directory.ts';
import { activeEservicesByUnit } from '../e-services/directory.ts';
import { caseErrors } from './errors.ts';
import { announceCaseChange } from './live.ts';
import { answerProblems, subjectOf } from './forms.ts';
import { applyAction, firstAnswerDeadline, newPatientCase } from './model.ts';
import { offerFor, sendableCaseTypes } from './offer.ts';
import { bindAttachments, findPatientCase, insertCase, insertEvent, listPatientCases, listUnitIdsOfPatientCases, updateCase } from './store.ts';
import { caseDetailOf, stateOf, summaryOf, unitNames } from './views.ts';

/**
 * The patient's side of cases (C1, C4, C5): what they may send where, sending, their
 * cases and replies. Always about the person the citizen acts for (themselves, a child
 * as guardian, a principal as proxy); the acting person is recorded as the author.
 */

/**
 * A proxy handles cases only if the power of attorney covers them (scope `cases`); a
 * guardian of a child under 13 always does. The session's subject was already checked
 * against the representation itself when the actor was built.
 */
export async function assertMayHandleCases(tx: Tx, actor: CitizenActor, at: Date): Promise<void> {
  if (actor.personId === actor.subjectPersonId) return;
  if (!(await canRepresent(tx, at, actor.personId, actor.subjectPersonId, 'cases'))) throw caseErrors.proxyScope();
}

export async function myUnits(context: ServiceContext, actor: CitizenActor): Promise<MyUnits> {
  return context.db.transaction(async (tx) => {
    await assertMayHandleCases(tx, actor, context.clock.now());
    const patientId = actor.subjectPersonId;
    const relations = await listActiveCareRelationsOf(tx, context.clock.now(), patientId);
    const caseUnitIds = await listUnitIdsOfPatientCases(tx, patientId);
    const relationOf = new Map<string, MyUnits['units'][number]['relation']>();
    for (const relation of relations) if (relationOf.get(relation.unitId) !== 'listed') relationOf.set(relation.unitId, relation.kind as 'listed' | 'ongoing');
    for (const unitId of caseUnitIds) if (!relationOf.has(unitId)) relationOf.set(unitId, 'earlier_case');
    const names = await unitNames(tx, [...relationOf.keys()]);
    const order = { listed: 0, ongoing: 1, earlier_case: 2 };
    const units = [...relationOf.entries()]
      .map(([id, relation]) => ({ id, name: names.get(id) ?? '', relation }))
      .sort((a, b) => order[a.relation] - order[b.relation] || a.name.localeCompare(b.name, 'sv'));
    return { units };
  });
}

/** The e-services that are ways in of their own (the chat and appointments features), not case types. */
const CHAT_ESERVICE = 'chatt';
const WEB_BOOKING_ESERVICE = 'webbtidbok';

export async function caseTypesForPatient(context: ServiceContext, actor: CitizenActor, unitId: string): Promise<SendableCaseTypes> {
  return context.db.transaction(async (tx) => {
    await assertMayHandleCases(tx, actor, context.clock.now());
    const unit = await findUnit(tx, unitId);
    if (!unit) throw caseErrors.unitNotFound();
    const caseTypes = await sendableCaseTypes(tx, unit.id, actor.subjectPersonId, context.clock.now());
    const active = new Set((await activeEservicesByUnit(tx, [unit.id])).get(unit.id)?.map((service) => service.code));
    return { unit: { id: unit.id, name: unit.name }, caseTypes, alsoOffered: { chat: active.has(CHAT_ESERVICE), webBooking: active.has(WEB_BOOKING_ESERVICE) } };
  });
}

function checkForm(form: CaseForm, offer: SendableCaseType) {
  if (form.type === 'fornya_recept' || form.type === 'own') {
    const problems = answerProblems(offer.questions, form.answers);
    if (problems.length > 0) throw caseErrors.answersInvalid(problems);
  }
  // With no list the unit takes any certificate by name; with a list, one of it.
  if (form.type === 'begar_intyg' && offer.certificates.length > 0 && !offer.certificates.includes(form.certificate)) throw caseErrors.certificateUnknown();
  if (form.type === 'kontakta_mig' && form.channel === 'phone' && !form.phoneNumber) throw caseErrors.phoneRequired();
  if (form.type === 'av_omboka_tid' && !form.appointmentId && !form.appointmentDescription) throw caseErrors.appointmentRequired();
}

async function attach(tx: Tx, ids: string[], owner: { patientId: string; personId: string }, target: { caseId: string; eventId: string }) {
  const unique = [...new Set(ids)];
  if ((await bindAttachments(tx, unique, owner, target)) !== unique.length) throw caseErrors.attachmentUnknown();
}

/** Sends a case (C1). With an Idempotency-Key a double click or a retry answers the first case and makes no second one. */
export async function sendCase(context: ServiceContext, actor: CitizenActor, input: NewCaseRequest, scope: IdempotencyScope | null): Promise<IdempotentResult<CreatedCase>> {
  const request = newCaseRequestSchema.parse(input);
  return context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      const now = context.clock.now();
      await assertMayHandleCases(tx, actor, now);
      const patientId = actor.subjectPersonId;
      const unit = await findUnit(tx, request.unitId);
      if (!unit) throw caseErrors.unitNotFound();
      const offer = offerFor(await sendableCaseTypes(tx, unit.id, patientId, now), request.form);
      if (!offer) throw caseErrors.caseTypeNotOffered();
      if (offer.terms.versionId !== request.termsVersionId) throw caseErrors.termsChanged({ versionId: offer.terms.versionId, version: offer.terms.version });
      checkForm(request.form, offer);
      const state = newPatientCase(offer.acknowledgeOnly);
      const row = await insertCase(tx, {
        unitId: unit.id,
        patientId,
        typeCode: offer.type,
        ownCaseTypeId: offer.caseTypeId,
        typeNameSv: offer.name.sv,
        typeNameEn: offer.name.en,
        origin: state.origin,
        status: state.status,
        acknowledgeOnly: state.acknowledgeOnly,
        subject: subjectOf(request.form, offer.name.sv),
        form: request.form,
        questions: offer.questions,
        termsVersionId: offer.caseTypeId ? null : offer.terms.versionId,
        caseTypeTermsVersionId: offer.caseTypeId ? offer.terms.versionId : null,
        createdByPersonId: actor.personId,
        receivedAt: now,
        deadlineAt: firstAnswerDeadline(now),
        lastActivityAt: now,
        unreadByUnit: true,
      });
      const event = await insertEvent(tx, { caseId: row.id, kind: 'request', authorPersonId: actor.personId, unitId: unit.id, createdAt: now });
      if (request.triageSessionId) {
        const summary = triageSummary(context, request.triageSessionId);
        if (!summary) throw caseErrors.triageExpired();
        const data = { urgency: summary.urgency, title: summary.title, complaint: summary.complaint.display, complaintCode: summary.complaint.code, reasons: summary.reasons };
        await insertEvent(tx, { caseId: row.id, kind: 'triage', body: summary.text, data, authorPersonId: actor.personId, unitId: unit.id, createdAt: now });
      }
      await attach(tx, request.attachmentIds, { patientId, personId: actor.personId }, { caseId: row.id, eventId: event.id });
      // Turning to the unit starts a care episode there, so its staff may read the case.
      await ensureOngoingCareRelation(tx, now, unit.id, patientId);
      await accessPatient(tx, context, actor, patientId, { action: 'create', objectType: 'case', objectId: row.id });
      await announceCaseChange(tx, context.clock, { caseId: row.id, patientId, unitIds: [unit.id] });
      return { id: row.id, number: row.number };
    }),
  );
}

export async function listMyCases(context: ServiceContext, actor: CitizenActor): Promise<PatientCaseList> {
  return context.db.transaction(async (tx) => {
    await assertMayHandleCases(tx, actor, context.clock.now());
    const patientId = actor.subjectPersonId;
    await accessPatient(tx, context, actor, patientId, { action: 'read', objectType: 'case_list' });
    const rows = await listPatientCases(tx, patientId);
    const names = await unitNames(
      tx,
      rows.map((row) => row.unitId),
    );
    const now = context.clock.now();
    return { cases: rows.map((row) => summaryOf(row, names.get(row.unitId) ?? '', now, row.unreadByPatient)) };
  });
}

async function patientCaseOrThrow(tx: Tx, actor: CitizenActor, id: string, at: Date, forUpdate = false) {
  await assertMayHandleCases(tx, actor, at);
  const row = await findPatientCase(tx, actor.subjectPersonId, id, { forUpdate });
  if (!row) throw caseErrors.caseNotFound();
  return row;
}

/** One case with its whole thread; opening it marks what the unit wrote as read. */
export async function getMyCase(context: ServiceContext, actor: CitizenActor, id: string): Promise<PatientCase> {
  return context.db.transaction(async (tx) => {
    let row = await patientCaseOrThrow(tx, actor, id, context.clock.now());
    await accessPatient(tx, context, actor, row.patientId, { action: 'read', objectType: 'case', objectId: row.id });
    if (row.unreadByPatient) row = await updateCase(tx, row.id, { unreadByPatient: false });
    return caseDetailOf(tx, row, 'patient', context.clock.now());
  });
}

/** C4, C5: the patient answers a counter-question, or replies once to a case staff started. */
export async function replyToCase(
  context: ServiceContext,
  actor: CitizenActor,
  id: string,
  input: ReplyRequest,
  scope: IdempotencyScope | null,
): Promise<IdempotentResult<PatientCase>> {
  const request = replyRequestSchema.parse(input);
  return context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      const now = context.clock.now();
      const row = await patientCaseOrThrow(tx, actor, id, now, true);
      const outcome = applyAction(stateOf(row), { kind: 'patient_reply' }, now);
      if ('refused' in outcome) throw caseErrors.replyNotOpen();
      const event = await insertEvent(tx, { caseId: row.id, kind: 'patient_reply', body: request.body, authorPersonId: actor.personId, unitId: row.unitId, createdAt: now });
      await attach(tx, request.attachmentIds, { patientId: row.patientId, personId: actor.personId }, { caseId: row.id, eventId: event.id });
      const updated = await updateCase(tx, row.id, {
        status: outcome.state.status,
        patientRepliesLeft: outcome.state.patientRepliesLeft,
        lastActivityAt: now,
        unreadByUnit: true,
      });
      await accessPatient(tx, context, actor, row.patientId, { action: 'update', objectType: 'case', objectId: row.id });
      await announceCaseChange(tx, context.clock, { caseId: row.id, patientId: row.patientId, unitIds: [row.unitId] });
      return caseDetailOf(tx, updated, 'patient', now);
    }),
  );
}
