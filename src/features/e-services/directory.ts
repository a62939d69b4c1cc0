import type { Tx } from '../../platform/db/database.ts';
import { termsRefused } from './errors.ts';
import type { PatientGroup } from './model.ts';
import type { QuestionItem } from './questions.ts';
import { termsProblems } from './service.ts';
import { findEservice, findTermsVersion, findUnitEservice, listCatalogue, listUnitEservices, listUnitIdsWithActive, updateUnitEservice } from './store.ts';

/**
 * What other features may ask of e-services: which services a unit has on, for
 * the public unit pages and search. Features read this, never our tables.
 */
export type ActiveEservice = {
  code: string;
  kind: string;
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  patientGroup: PatientGroup;
};

export async function activeEservicesByUnit(tx: Tx, unitIds: string[]): Promise<Map<string, ActiveEservice[]>> {
  const catalogue = await listCatalogue(tx);
  const rows = await listUnitEservices(tx, unitIds);
  const byUnit = new Map<string, ActiveEservice[]>(unitIds.map((id) => [id, []]));
  for (const service of catalogue) {
    for (const row of rows) {
      if (row.eserviceCode !== service.code || row.status !== 'active') continue;
      byUnit.get(row.unitId)?.push({
        code: service.code,
        kind: service.kind,
        name: { sv: service.nameSv, en: service.nameEn },
        description: { sv: service.descriptionSv, en: service.descriptionEn },
        patientGroup: row.patientGroup,
      });
    }
  }
  return byUnit;
}

export const unitIdsOffering = listUnitIdsWithActive;

/** Whether a patient of this age (and listing) is in an e-service's patient group. */
export { patientGroupIncludes } from './model.ts';

export async function catalogueNames(tx: Tx) {
  return (await listCatalogue(tx)).map((service) => ({ code: service.code, name: { sv: service.nameSv, en: service.nameEn } }));
}

export type { EserviceRow as CatalogueEntry } from './store.ts';

/** A catalogue entry, or undefined. */
export const catalogueEntry = findEservice;

/** Throws terms_invalid unless both texts promise an answer within two working days and end with the proxy point (B5). */
export function assertValidTerms(texts: { sv: string; en: string }): void {
  const problems = termsProblems(texts);
  if (problems.length > 0) throw termsRefused(problems);
}

/** The unit's own extra questions on a standard service (Förnya recept). */
export async function unitExtraQuestions(tx: Tx, unitId: string, code: string): Promise<QuestionItem[]> {
  return (await findUnitEservice(tx, unitId, code))?.extraQuestions ?? [];
}

export async function setUnitExtraQuestions(tx: Tx, unitId: string, code: string, questions: QuestionItem[], at: Date, staffId: string) {
  await updateUnitEservice(tx, unitId, code, { extraQuestions: questions }, at, staffId);
}

/** A standard case type a unit has on, as the cases feature offers it to patients. */
export type OfferedCaseType = {
  code: string;
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  patientGroup: PatientGroup;
  extraQuestions: QuestionItem[];
  terms: { versionId: string; version: number; sv: string; en: string };
};

/** The standard case types active at a unit, in catalogue order, each with its current terms (B5). */
export async function offeredCaseTypes(tx: Tx, unitId: string): Promise<OfferedCaseType[]> {
  const catalogue = await listCatalogue(tx);
  const rows = await listUnitEservices(tx, [unitId]);
  const offered: OfferedCaseType[] = [];
  for (const service of catalogue) {
    const row = rows.find((candidate) => candidate.eserviceCode === service.code);
    if (service.kind !== 'case_type' || row?.status !== 'active' || !row.currentTermsVersionId) continue;
    const terms = await findTermsVersion(tx, row.currentTermsVersionId);
    if (!terms) continue;
    offered.push({
      code: service.code,
      name: { sv: service.nameSv, en: service.nameEn },
      description: { sv: service.descriptionSv, en: service.descriptionEn },
      patientGroup: row.patientGroup,
      extraQuestions: row.extraQuestions,
      terms: { versionId: terms.id, version: terms.version, sv: terms.textSv, en: terms.textEn },
    });
  }
  return offered;
}

/** The version number of an accepted terms text, for the record. */
export async function termsVersionNumber(tx: Tx, versionId: string): Promise<number | undefined> {
  return (await findTermsVersion(tx, versionId))?.version;
}
