import fs from 'node:fs';
import path from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ensureOngoingCareRelation } from '../../platform/access/store.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { persons, staff } from '../../platform/people/tables.ts';
import { caseFormSchema } from './contract.ts';
import { subjectOf } from './forms.ts';
import { applyAction, firstAnswerDeadline, newPatientCase, type CaseState } from './model.ts';
import { sendableCaseTypes } from './offer.ts';
import { insertCase, insertEvent, insertTemplate, saveCertificates } from './store.ts';
import { cases } from './tables.ts';

/**
 * The demo region's cases (content/demo-region/cases.json): some work in Vårdcentralen
 * Ekby's inbox, in different states and ages, plus its answer templates and certificates.
 * Demo mode only, into an empty cases table. Each case goes through the same rules as a
 * real one (the case model, the unit's current terms), only back-dated.
 */
const contentFile = path.resolve(import.meta.dirname, '../../../content/demo-region/cases.json');
const HOUR_MS = 3600_000;

const stepSchema = z.object({
  kind: z.enum(['counter_question', 'partial_answer', 'final_answer', 'patient_reply']),
  staff: z.string().optional(),
  hoursAgo: z.number().min(0),
  body: z.string().min(1),
});
const fileSchema = z.object({
  certificates: z.record(z.string(), z.array(z.string())),
  templates: z.record(z.string(), z.array(z.object({ title: z.string(), body: z.string() }))),
  cases: z.array(
    z.object({
      unit: z.string(),
      patient: z.string(),
      hoursAgo: z.number().min(0),
      form: caseFormSchema,
      assignedTo: z.string().optional(),
      steps: z.array(stepSchema).default([]),
    }),
  ),
});

async function idsBy<T extends { id: string }>(rows: Promise<(T & { key: string })[]>) {
  return new Map((await rows).map((row) => [row.key, row.id]));
}

async function loadUnitSettings(tx: Tx, content: z.infer<typeof fileSchema>, unitIds: Map<string, string>, at: Date) {
  for (const [hsaId, certificates] of Object.entries(content.certificates)) {
    const unitId = unitIds.get(hsaId);
    if (unitId) await saveCertificates(tx, unitId, certificates, at, null);
  }
  for (const [hsaId, templates] of Object.entries(content.templates)) {
    const unitId = unitIds.get(hsaId);
    for (const template of unitId ? templates : []) await insertTemplate(tx, { unitId: unitId!, ...template, updatedAt: at });
  }
}

export async function loadDemoCasesIfEmpty(db: Database, now: Date, file = contentFile) {
  const content = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(cases);
    if (existing!.n > 0) return null;
    const unitIds = await idsBy(tx.select({ key: careUnits.hsaId, id: careUnits.id }).from(careUnits).where(inArray(careUnits.hsaId, [...new Set(content.cases.map((item) => item.unit)), ...Object.keys(content.certificates), ...Object.keys(content.templates)])));
    const patientIds = await idsBy(tx.select({ key: persons.identityNumber, id: persons.id }).from(persons).where(inArray(persons.identityNumber, content.cases.map((item) => item.patient))));
    const staffIds = await idsBy(tx.select({ key: staff.hsaId, id: staff.id }).from(staff));
    await loadUnitSettings(tx, content, unitIds, now);
    let loaded = 0;
    for (const item of content.cases) {
      const unitId = unitIds.get(item.unit);
      const patientId = patientIds.get(item.patient);
      if (!unitId || !patientId) throw new Error(`demo cases: unknown unit ${item.unit} or patient ${item.patient}`);
      const receivedAt = new Date(now.getTime() - item.hoursAgo * HOUR_MS);
      const offer = (await sendableCaseTypes(tx, unitId, patientId, now)).find((candidate) => candidate.type === item.form.type);
      if (!offer) throw new Error(`demo cases: ${item.unit} does not offer ${item.form.type}`);
      let state: CaseState = newPatientCase(offer.acknowledgeOnly);
      if (item.assignedTo) state = (applyAction(state, { kind: 'assign', staffId: staffIds.get(item.assignedTo)! }, receivedAt) as { state: CaseState }).state;
      const row = await insertCase(tx, {
        unitId,
        patientId,
        typeCode: offer.type,
        typeNameSv: offer.name.sv,
        typeNameEn: offer.name.en,
        origin: 'patient',
        status: state.status,
        acknowledgeOnly: state.acknowledgeOnly,
        assignedStaffId: state.assignedStaffId,
        subject: subjectOf(item.form, offer.name.sv),
        form: item.form,
        questions: offer.questions,
        termsVersionId: offer.terms.versionId,
        createdByPersonId: patientId,
        receivedAt,
        deadlineAt: firstAnswerDeadline(receivedAt),
        lastActivityAt: receivedAt,
      });
      await insertEvent(tx, { caseId: row.id, kind: 'request', authorPersonId: patientId, unitId, createdAt: receivedAt });
      let lastActivityAt = receivedAt;
      for (const step of item.steps) {
        const at = new Date(now.getTime() - step.hoursAgo * HOUR_MS);
        const outcome = applyAction(state, { kind: step.kind }, at);
        if ('refused' in outcome) throw new Error(`demo cases: ${step.kind} refused (${outcome.refused})`);
        state = { ...outcome.state, assignedStaffId: state.assignedStaffId ?? (step.staff ? staffIds.get(step.staff)! : null) };
        const author = step.kind === 'patient_reply' ? { authorPersonId: patientId } : { authorStaffId: staffIds.get(step.staff!)! };
        await insertEvent(tx, { caseId: row.id, kind: step.kind, body: step.body, unitId, createdAt: at, ...author });
        lastActivityAt = at;
      }
      await tx
        .update(cases)
        .set({
          status: state.status,
          assignedStaffId: state.assignedStaffId,
          firstResponseAt: state.firstResponseAt,
          closedAt: state.status === 'closed' ? lastActivityAt : null,
          outcome: state.status === 'closed' ? 'answered' : null,
          lastActivityAt,
          unreadByPatient: item.steps.length > 0,
          unreadByUnit: item.steps.length === 0,
        })
        .where(eq(cases.id, row.id));
      await ensureOngoingCareRelation(tx, now, unitId, patientId);
      loaded++;
    }
    return { cases: loaded };
  });
}
