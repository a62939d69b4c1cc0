import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation, type Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { idempotent, type IdempotencyScope, type IdempotentResult } from '../../platform/http/idempotency.ts';
import { EXTRA_QUESTIONS_ALLOWED, MAX_EXTRA_QUESTIONS } from '../e-services/model.ts';
import { renewalControlQuestions, toFhirQuestionnaire } from '../e-services/questions.ts';
import { assertValidTerms, catalogueEntry, setUnitExtraQuestions, unitExtraQuestions, type CatalogueEntry } from '../e-services/directory.ts';
import type { CaseType, CaseTypeList, CaseTypeRequest, CaseTypeUpdate, ExtraQuestions, FhirQuestionnaire } from './contract.ts';
import { checkExtraQuestions, fallbackTermsTemplate, OWN_CASE_TYPE_TERMS_SOURCE, ownCaseTypeTerms, renewalQuestions, sameName } from './model.ts';
import { addCaseTypeTerms, currentTermsOf, findCaseType, insertCaseType, listCaseTypes, updateCaseType, type CaseTypeRow, type CaseTypeTermsRow } from './store.ts';
import type { QuestionItem } from '../e-services/questions.ts';

// ---- errors ---------------------------------------------------------------------------

const notUnitAdministrator = () =>
  new AppError('forbidden', 403, {
    sv: 'Du behöver vara administratör för enheten du arbetar på.',
    en: 'You need to be an administrator of the unit you are working at.',
  });

const caseTypeNotFound = () =>
  new AppError('case_type_not_found', 404, { sv: 'Ärendetypen finns inte vid din enhet.', en: 'Your unit has no such case type.' });

const nameTaken = () =>
  new AppError('case_type_name_taken', 409, {
    sv: 'Enheten har redan en egen ärendetyp med det namnet. (Samma namn som en standardärendetyp går bra.)',
    en: 'The unit already has an own case type with that name. (The name of a standard case type is fine.)',
  });

const unknownEservice = () =>
  new AppError('eservice_not_found', 404, { sv: 'E-tjänsten finns inte i regionens katalog.', en: 'The e-service is not in the regional catalogue.' });

const extraQuestionsNotAllowed = () =>
  new AppError('extra_questions_not_allowed', 409, {
    sv: 'Standardärendetyperna är låsta; bara Förnya recept tar egna tilläggsfrågor. Bygg en egen ärendetyp om ni behöver fler frågor.',
    en: 'The standard case types are locked; only Renew a prescription takes extra questions. Build an own case type if you need more questions.',
  });

const tooManyExtraQuestions = (max: number) =>
  new AppError(
    'too_many_extra_questions',
    400,
    {
      sv: `Förnya recept har två inbyggda kontrollfrågor som alltid kommer först; därefter får enheten lägga till högst ${max} egna frågor. Behöver ni fler frågor, bygg en egen ärendetyp – den får gärna heta Förnya recept.`,
      en: `Renew a prescription has two built-in control questions that always come first; after them the unit may add at most ${max} questions of its own. For more questions, build an own case type – it may be called Renew a prescription too.`,
    },
    { max, builtIn: renewalControlQuestions.length },
  );

const linkIdReserved = (linkIds: string[]) =>
  new AppError(
    'question_link_id_reserved',
    400,
    { sv: 'En fråga har samma id som en av de inbyggda kontrollfrågorna.', en: 'A question has the same id as one of the built-in control questions.' },
    { linkIds },
  );

// ---- helpers --------------------------------------------------------------------------

/** The unit a unit administrator manages: the active unit, if they administer it. */
function administeredUnitId(actor: StaffActor): string {
  if (!actor.unitId || !actor.unitRoles.includes('unit_admin')) throw notUnitAdministrator();
  return actor.unitId;
}

function toView(row: CaseTypeRow, terms: CaseTypeTermsRow): CaseType {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    questions: row.questions,
    active: row.active,
    terms: { versionId: terms.id, version: terms.version, sv: terms.textSv, en: terms.textEn },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function viewOf(tx: Tx, row: CaseTypeRow): Promise<CaseType> {
  const terms = (await currentTermsOf(tx, [row.id])).get(row.id);
  if (!terms) throw new Error(`case type ${row.id} has no terms`);
  return toView(row, terms);
}

/** The database's answer when two requests with one name race past ensureNameFree. */
function nameTakenIfDuplicate(error: unknown): never {
  if (isUniqueViolation(error, 'unit_case_types_unit_name')) throw nameTaken();
  throw error;
}

async function ensureNameFree(tx: Tx, unitId: string, name: string, exceptId?: string) {
  const own = await listCaseTypes(tx, unitId);
  if (own.some((other) => other.id !== exceptId && sameName(other.name, name))) throw nameTaken();
}

// ---- own case types -------------------------------------------------------------------

export async function listOwnCaseTypes(context: ServiceContext, actor: StaffActor): Promise<CaseTypeList> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const rows = await listCaseTypes(tx, unitId);
    const terms = await currentTermsOf(tx, rows.map((row) => row.id));
    return { unitId, caseTypes: rows.map((row) => toView(row, terms.get(row.id)!)) };
  });
}

/**
 * C2: a unit builds its own case type, with its own questions, even under the name of a
 * standard one. Its terms start as the regional Kontakta mig text, titled with its name.
 */
export async function createCaseType(
  context: ServiceContext,
  actor: StaffActor,
  request: CaseTypeRequest,
  scope: IdempotencyScope | null,
): Promise<IdempotentResult<CaseType>> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction((tx) =>
    idempotent(tx, context.clock, scope, 201, async () => {
      await ensureNameFree(tx, unitId, request.name);
      const now = context.clock.now();
      const row = await insertCaseType(tx, {
        unitId,
        name: request.name,
        description: request.description,
        questions: request.questions,
        active: true,
        createdAt: now,
        updatedAt: now,
        updatedByStaffId: actor.staffId,
      }).catch(nameTakenIfDuplicate);
      const source = await catalogueEntry(tx, OWN_CASE_TYPE_TERMS_SOURCE);
      const texts = ownCaseTypeTerms(source ? { sv: source.termsTemplateSv, en: source.termsTemplateEn } : fallbackTermsTemplate, request.name);
      assertValidTerms(texts);
      const terms = await addCaseTypeTerms(tx, { caseTypeId: row.id, textSv: texts.sv, textEn: texts.en, createdAt: now, createdByStaffId: actor.staffId });
      await recordAudit(tx, context, actor, { action: 'create', objectType: 'unit_case_type', objectId: row.id });
      return toView(row, terms);
    }),
  );
}

export async function editCaseType(context: ServiceContext, actor: StaffActor, id: string, request: CaseTypeUpdate): Promise<CaseType> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const existing = await findCaseType(tx, unitId, id);
    if (!existing) throw caseTypeNotFound();
    if (!sameName(existing.name, request.name)) await ensureNameFree(tx, unitId, request.name, id);
    const now = context.clock.now();
    const row = await updateCaseType(tx, id, {
      name: request.name,
      description: request.description,
      questions: request.questions,
      active: request.active,
      updatedAt: now,
      updatedByStaffId: actor.staffId,
    }).catch(nameTakenIfDuplicate);
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'unit_case_type', objectId: id, reason: request.active ? 'active' : 'inactive' });
    if (request.terms) {
      const current = (await currentTermsOf(tx, [id])).get(id);
      if (!current || current.textSv !== request.terms.sv || current.textEn !== request.terms.en) {
        assertValidTerms(request.terms);
        const terms = await addCaseTypeTerms(tx, { caseTypeId: id, textSv: request.terms.sv, textEn: request.terms.en, createdAt: now, createdByStaffId: actor.staffId });
        await recordAudit(tx, context, actor, { action: 'create', objectType: 'unit_case_type_terms', objectId: terms.id });
      }
    }
    return viewOf(tx, row);
  });
}

export async function caseTypeQuestionnaire(context: ServiceContext, actor: StaffActor, id: string): Promise<FhirQuestionnaire> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const row = await findCaseType(tx, unitId, id);
    if (!row) throw caseTypeNotFound();
    return toFhirQuestionnaire({ id: row.id, title: row.name, description: row.description, items: row.questions });
  });
}

// ---- extra questions of a standard case type (only Förnya recept) ---------------------

async function extraQuestionsService(tx: Tx, code: string): Promise<CatalogueEntry> {
  const service = await catalogueEntry(tx, code);
  if (!service) throw unknownEservice();
  if (!EXTRA_QUESTIONS_ALLOWED.includes(code)) throw extraQuestionsNotAllowed();
  return service;
}

function extraQuestionsView(unitId: string, service: CatalogueEntry, own: QuestionItem[]): ExtraQuestions {
  const questions = renewalQuestions(own);
  return {
    code: service.code,
    name: { sv: service.nameSv, en: service.nameEn },
    builtIn: renewalControlQuestions,
    own,
    max: MAX_EXTRA_QUESTIONS,
    questions,
    // FHIR ids allow letters, digits, '-' and '.': no underscore.
    questionnaire: toFhirQuestionnaire({ id: `${service.code.replaceAll('_', '-')}-${unitId}`, title: service.nameSv, description: service.descriptionSv, items: questions }),
  };
}

export async function getExtraQuestions(context: ServiceContext, actor: StaffActor, code: string): Promise<ExtraQuestions> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const service = await extraQuestionsService(tx, code);
    return extraQuestionsView(unitId, service, await unitExtraQuestions(tx, unitId, code));
  });
}

/** C2 and seed 002: after the two built-in control questions, at most two of the unit's own. */
export async function saveExtraQuestions(context: ServiceContext, actor: StaffActor, code: string, questions: QuestionItem[]): Promise<ExtraQuestions> {
  const unitId = administeredUnitId(actor);
  return context.db.transaction(async (tx) => {
    const service = await extraQuestionsService(tx, code);
    const problem = checkExtraQuestions(questions);
    if (problem?.problem === 'too_many') throw tooManyExtraQuestions(problem.max);
    if (problem?.problem === 'link_id_reserved') throw linkIdReserved(problem.linkIds);
    await setUnitExtraQuestions(tx, unitId, code, questions, context.clock.now(), actor.staffId);
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'unit_eservice', objectId: `${unitId}:${code}`, reason: 'extra_questions' });
    return extraQuestionsView(unitId, service, questions);
  });
}
