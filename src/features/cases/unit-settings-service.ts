import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { AnswerTemplate, Certificates, TemplateRequest } from './contract.ts';
import { templateRequestSchema } from './contract.ts';
import { caseErrors } from './errors.ts';
import { findCertificates, insertTemplate, listTemplates, saveCertificates, updateTemplate, type TemplateRow } from './store.ts';

/** A unit's answer templates (svarsmallar) and the certificates it issues through Begär intyg. */

function activeUnitId(actor: StaffActor): string {
  if (!actor.unitId || actor.unitRoles.length === 0) throw caseErrors.noActiveUnit();
  return actor.unitId;
}

function administeredUnitId(actor: StaffActor): string {
  const unitId = activeUnitId(actor);
  if (!actor.unitRoles.includes('unit_admin')) throw caseErrors.notUnitAdministrator();
  return unitId;
}

const templateOf = (row: TemplateRow): AnswerTemplate => ({ id: row.id, title: row.title, body: row.body, active: row.active, updatedAt: row.updatedAt.toISOString() });

/** The active templates, for anyone answering at the unit. */
export async function templatesForAnswering(context: ServiceContext, actor: StaffActor) {
  const unitId = activeUnitId(actor);
  return context.db.transaction(async (tx) => ({ templates: (await listTemplates(tx, unitId, true)).map(templateOf) }));
}

export async function templatesForAdministration(context: ServiceContext, actor: StaffActor) {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => ({ templates: (await listTemplates(tx, unitId, false)).map(templateOf) }));
}

export async function createTemplate(context: ServiceContext, actor: StaffActor, input: TemplateRequest): Promise<AnswerTemplate> {
  const unitId = administeredUnitId(actor);
  const request = templateRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const row = await insertTemplate(tx, { unitId, ...request, updatedAt: context.clock.now(), updatedByStaffId: actor.staffId });
    await recordAudit(tx, context, actor, { action: 'create', objectType: 'case_answer_template', objectId: row.id });
    return templateOf(row);
  });
}

export async function editTemplate(context: ServiceContext, actor: StaffActor, id: string, input: TemplateRequest): Promise<AnswerTemplate> {
  const unitId = administeredUnitId(actor);
  const request = templateRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const row = await updateTemplate(tx, unitId, id, { ...request, updatedAt: context.clock.now(), updatedByStaffId: actor.staffId });
    if (!row) throw caseErrors.templateNotFound();
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'case_answer_template', objectId: row.id });
    return templateOf(row);
  });
}

export async function getCertificates(context: ServiceContext, actor: StaffActor): Promise<Certificates> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => ({ certificates: await findCertificates(tx, unitId) }));
}

export async function setCertificates(context: ServiceContext, actor: StaffActor, request: Certificates): Promise<Certificates> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    await saveCertificates(tx, unitId, request.certificates, context.clock.now(), actor.staffId);
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'unit_certificates', objectId: unitId });
    return { certificates: request.certificates };
  });
}
