import type { Tx } from '../../platform/db/database.ts';
import type { QuestionItem } from '../e-services/questions.ts';
import { currentTermsOf, findCaseType, findCaseTypeTermsVersion, listCaseTypes } from './store.ts';

/**
 * What other features may ask of units' own case types (C2): the active ones a patient
 * can send, with their current terms. Features read this, never our tables.
 */
export type OwnCaseTypeOffer = {
  id: string;
  name: string;
  description: string;
  questions: QuestionItem[];
  terms: { versionId: string; version: number; sv: string; en: string };
};

export async function activeOwnCaseTypes(tx: Tx, unitId: string): Promise<OwnCaseTypeOffer[]> {
  const active = (await listCaseTypes(tx, unitId)).filter((caseType) => caseType.active);
  const terms = await currentTermsOf(
    tx,
    active.map((caseType) => caseType.id),
  );
  return active.flatMap((caseType) => {
    const current = terms.get(caseType.id);
    if (!current) return [];
    return [
      {
        id: caseType.id,
        name: caseType.name,
        description: caseType.description,
        questions: caseType.questions,
        terms: { versionId: current.id, version: current.version, sv: current.textSv, en: current.textEn },
      },
    ];
  });
}

/** One of the unit's own case types, active or not (old cases keep pointing at it). */
export const findOwnCaseType = findCaseType;

/** The version number of an accepted own-type terms text, for the record. */
export async function ownTermsVersionNumber(tx: Tx, versionId: string): Promise<number | undefined> {
  return (await findCaseTypeTermsVersion(tx, versionId))?.version;
}
