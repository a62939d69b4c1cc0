import { ageOn, stockholmDate } from '../../lib/stockholm-time.ts';
import { listCareRelationsAt } from '../../platform/access/store.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findPersonById } from '../../platform/people/store.ts';
import { activeOwnCaseTypes } from '../case-types/directory.ts';
import { sameName } from '../case-types/model.ts';
import { offeredCaseTypes } from '../e-services/directory.ts';
import { patientGroupIncludes } from '../e-services/model.ts';
import { renewalControlQuestions } from '../e-services/questions.ts';
import type { SendableCaseType } from './contract.ts';
import { findCertificates } from './store.ts';

/** Skicka meddelande is only acknowledged (seed 002). */
export const ACKNOWLEDGE_ONLY_TYPE = 'skicka_meddelande';

/**
 * The case types a unit offers this patient now: its active standard types whose patient
 * group includes them (J1), and its active own types. An own type with the name of a
 * standard type takes its place — that is how a unit asks more than Förnya recept's two
 * extra questions, or uses its own Egenremiss form (seed 002).
 */
export async function sendableCaseTypes(tx: Tx, unitId: string, patientId: string, now: Date): Promise<SendableCaseType[]> {
  // One after another: a transaction is one connection, so queries on it never run in parallel.
  const standard = await offeredCaseTypes(tx, unitId);
  const own = await activeOwnCaseTypes(tx, unitId);
  const certificates = await findCertificates(tx, unitId);
  const relations = await listCareRelationsAt(tx, now, unitId, patientId);
  const patient = await findPersonById(tx, patientId);
  if (!patient) return [];
  const reach = { listedAtUnit: relations.some((relation) => relation.kind === 'listed'), age: ageOn(patient.birthDate, stockholmDate(now)) };
  const replacing = (name: string) => standard.find((service) => sameName(service.name.sv, name))?.code ?? null;
  const replaced = (name: { sv: string }) => own.some((caseType) => sameName(caseType.name, name.sv));
  const standardTypes: SendableCaseType[] = standard
    .filter((service) => patientGroupIncludes(service.patientGroup, reach) && !replaced(service.name))
    .map((service) => ({
      key: service.code,
      type: service.code,
      caseTypeId: null,
      replaces: null,
      name: service.name,
      description: service.description,
      questions: service.code === 'fornya_recept' ? [...renewalControlQuestions, ...service.extraQuestions] : [],
      certificates: service.code === 'begar_intyg' ? certificates : [],
      acknowledgeOnly: service.code === ACKNOWLEDGE_ONLY_TYPE,
      terms: service.terms,
    }));
  const ownTypes: SendableCaseType[] = own.map((caseType) => ({
    key: `own:${caseType.id}`,
    type: 'own',
    caseTypeId: caseType.id,
    replaces: replacing(caseType.name),
    name: { sv: caseType.name, en: caseType.name },
    description: { sv: caseType.description, en: caseType.description },
    questions: caseType.questions,
    certificates: [],
    acknowledgeOnly: false,
    terms: caseType.terms,
  }));
  return [...standardTypes, ...ownTypes];
}

/** The offered type a form is for, if the unit offers it to this patient. */
export function offerFor(offers: SendableCaseType[], form: { type: string; caseTypeId?: string }): SendableCaseType | undefined {
  return form.type === 'own' ? offers.find((offer) => offer.caseTypeId === form.caseTypeId) : offers.find((offer) => offer.type === form.type);
}
