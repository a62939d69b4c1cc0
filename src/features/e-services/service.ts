import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import type { z } from 'zod';
import type { activationRequestSchema, UnitEservice } from './contract.ts';
import { activationRefused, notUnitAdministrator, termsRefused, unknownEservice } from './errors.ts';
import { checkActivation, EXTRA_QUESTIONS_ALLOWED, everyone } from './model.ts';
import { addTermsVersion, findEservice, findTermsVersion, findUnitEservice, listCatalogue, listUnitEservices, updateUnitEservice, type EserviceRow } from './store.ts';
import { checkTerms, type TermsLanguage, type TermsProblem } from './terms.ts';

type ActivationRequest = z.infer<typeof activationRequestSchema>;

/** The unit an administrator manages: the active unit, if they are its administrator. */
async function administeredUnit(tx: Tx, actor: StaffActor) {
  if (!actor.unitId || !actor.unitRoles.includes('unit_admin')) throw notUnitAdministrator();
  return (await findUnit(tx, actor.unitId))!;
}

export function termsProblems(texts: { sv: string; en: string }) {
  const problems: { language: TermsLanguage; problem: TermsProblem }[] = [];
  for (const language of ['sv', 'en'] as const) {
    for (const problem of checkTerms(texts[language], language)) problems.push({ language, problem });
  }
  return problems;
}

export async function listForUnitAdministrator(context: ServiceContext, actor: StaffActor) {
  return context.db.transaction(async (tx) => {
    const unit = await administeredUnit(tx, actor);
    const catalogue = await listCatalogue(tx);
    const rows = await listUnitEservices(tx, [unit.id]);
    const eservices: UnitEservice[] = [];
    for (const service of catalogue) {
      const row = rows.find((candidate) => candidate.eserviceCode === service.code);
      const terms = row?.currentTermsVersionId ? await findTermsVersion(tx, row.currentTermsVersionId) : undefined;
      eservices.push({
        code: service.code,
        kind: service.kind as UnitEservice['kind'],
        name: { sv: service.nameSv, en: service.nameEn },
        description: { sv: service.descriptionSv, en: service.descriptionEn },
        basicOffering: service.basicOffering,
        appliesToUnit: service.appliesToUnitKinds.includes(unit.kind),
        status: (row?.status ?? 'inactive') as UnitEservice['status'],
        offeredByPhoneOrDesk: row?.offeredByPhoneOrDesk ?? false,
        notApplicableReason: row?.notApplicableReason ?? null,
        patientGroup: row?.patientGroup ?? everyone,
        extraQuestionsAllowed: EXTRA_QUESTIONS_ALLOWED.includes(service.code),
        extraQuestions: row?.extraQuestions ?? [],
        terms: terms
          ? { versionId: terms.id, version: terms.version, sv: terms.textSv, en: terms.textEn, isRegionalTemplate: terms.textSv === service.termsTemplateSv && terms.textEn === service.termsTemplateEn }
          : { versionId: null, version: 0, sv: service.termsTemplateSv, en: service.termsTemplateEn, isRegionalTemplate: true },
        template: { sv: service.termsTemplateSv, en: service.termsTemplateEn },
        updatedAt: row?.updatedAt.toISOString() ?? null,
      });
    }
    return { unitId: unit.id, unitName: unit.name, eservices };
  });
}

async function serviceOrThrow(tx: Tx, code: string): Promise<EserviceRow> {
  const service = await findEservice(tx, code);
  if (!service) throw unknownEservice();
  return service;
}

/** B4 and J1: turn an e-service on (for everyone or a patient group), off, or mark it not applicable with a reason. */
export async function setActivation(context: ServiceContext, actor: StaffActor, code: string, request: ActivationRequest) {
  await context.db.transaction(async (tx) => {
    const unit = await administeredUnit(tx, actor);
    const service = await serviceOrThrow(tx, code);
    const problems = checkActivation(request, service.appliesToUnitKinds.includes(unit.kind));
    if (problems.length > 0) throw activationRefused(problems);
    const existing = await findUnitEservice(tx, unit.id, code);
    // The first time a unit touches a service it starts from the regional terms, as version 1.
    const termsVersionId =
      existing?.currentTermsVersionId ??
      (await addTermsVersion(tx, { unitId: unit.id, eserviceCode: code, textSv: service.termsTemplateSv, textEn: service.termsTemplateEn, createdAt: context.clock.now(), createdByStaffId: actor.staffId })).id;
    // Turning a service off keeps the phone-or-desk statement and patient group for next time.
    const activation =
      request.status === 'active'
        ? { offeredByPhoneOrDesk: request.offeredByPhoneOrDesk, patientGroup: request.patientGroup }
        : {};
    await updateUnitEservice(
      tx,
      unit.id,
      code,
      {
        status: request.status,
        notApplicableReason: request.status === 'not_applicable' ? request.reason.trim() : null,
        currentTermsVersionId: termsVersionId,
        ...activation,
      },
      context.clock.now(),
      actor.staffId,
    );
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'unit_eservice', objectId: `${unit.id}:${code}`, reason: request.status });
  });
}

/** B5: a unit's own terms text, kept only if it still promises an answer within two working days and ends with the proxy point. */
export async function saveTerms(context: ServiceContext, actor: StaffActor, code: string, texts: { sv: string; en: string }) {
  return context.db.transaction(async (tx) => {
    const unit = await administeredUnit(tx, actor);
    const service = await serviceOrThrow(tx, code);
    const problems = termsProblems(texts);
    if (problems.length > 0) throw termsRefused(problems);
    const version = await addTermsVersion(tx, { unitId: unit.id, eserviceCode: service.code, textSv: texts.sv, textEn: texts.en, createdAt: context.clock.now(), createdByStaffId: actor.staffId });
    await updateUnitEservice(tx, unit.id, service.code, { currentTermsVersionId: version.id }, context.clock.now(), actor.staffId);
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'unit_terms', objectId: version.id });
    return { versionId: version.id, version: version.version };
  });
}

/** What a patient accepts before sending: the unit's current terms version for the service (used by cases). */
export async function currentTerms(tx: Tx, unitId: string, code: string) {
  const row = await findUnitEservice(tx, unitId, code);
  return row?.currentTermsVersionId ? findTermsVersion(tx, row.currentTermsVersionId) : undefined;
}
