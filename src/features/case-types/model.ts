/**
 * C2: units' own case types and the extra questions of Förnya recept. Pure: no I/O,
 * used by the server and the web app.
 */
import { MAX_EXTRA_QUESTIONS } from '../e-services/model.ts';
import { renewalControlQuestions, type QuestionItem, type QuestionType } from '../e-services/questions.ts';

export const CASE_TYPE_NAME_MIN = 3;
export const CASE_TYPE_NAME_MAX = 80;
export const CASE_TYPE_DESCRIPTION_MAX = 1000;
export const MAX_CASE_TYPE_QUESTIONS = 20;
/** The catalogue entry whose regional terms are the starting text of every own case type. */
export const OWN_CASE_TYPE_TERMS_SOURCE = 'kontakta_mig';

export type Localised = { sv: string; en: string };

/**
 * Used only if the catalogue has no kontakta_mig entry: the regional rules in their
 * shortest form (answer within two working days; the proxy point last).
 */
export const fallbackTermsTemplate: Localised = {
  sv: 'Villkor för Kontakta mig\n\n- Du får svar inom två arbetsdagar. Ibland är det första svaret ett delsvar; ett slutligt svar kommer så snart som möjligt.\n- Tjänsten är inte avsedd för akuta besvär. Vid akuta besvär, ring 1177 för sjukvårdsrådgivning eller 112 vid livshotande tillstånd.\n- Det du skriver dokumenteras i din journal på samma sätt som om du hade ringt.\n- Du som använder tjänsten som ombud för någon annan ska ha en giltig fullmakt och får bara använda tjänsten i den omfattning fullmakten gäller.',
  en: 'Terms for Contact me\n\n- You will get an answer within two working days. Sometimes the first answer is a partial one; a final answer follows as soon as possible.\n- The service is not meant for urgent problems. For urgent problems call 1177 for health care advice, or 112 in a life-threatening emergency.\n- What you write is documented in your medical record, just as if you had phoned.\n- If you use the service as a proxy for someone else, you must hold a valid power of attorney and may use the service only as far as it reaches.',
};

const TITLE = { sv: /^Villkor för [^\n]*/, en: /^Terms for [^\n]*/ };

/** The first terms of a new own case type: the template, with its title naming the case type. */
export function ownCaseTypeTerms(template: Localised, name: string): Localised {
  return {
    sv: template.sv.replace(TITLE.sv, () => `Villkor för ${name}`),
    en: template.en.replace(TITLE.en, () => `Terms for ${name}`),
  };
}

export type ExtraQuestionsProblem = { problem: 'too_many'; max: number } | { problem: 'link_id_reserved'; linkIds: string[] };

/**
 * Seed 002: Förnya recept has two built-in control questions, then at most two of the
 * unit's own; their linkIds must not repeat the built-in ones (one Questionnaire).
 */
export function checkExtraQuestions(questions: QuestionItem[]): ExtraQuestionsProblem | null {
  if (questions.length > MAX_EXTRA_QUESTIONS) return { problem: 'too_many', max: MAX_EXTRA_QUESTIONS };
  const reserved = new Set(renewalControlQuestions.map((question) => question.linkId));
  const clashes = questions.map((question) => question.linkId).filter((linkId) => reserved.has(linkId));
  if (clashes.length > 0) return { problem: 'link_id_reserved', linkIds: clashes };
  return null;
}

/** Förnya recept as the patient meets it: the built-in questions first, then the unit's own. */
export function renewalQuestions(own: QuestionItem[]): QuestionItem[] {
  return [...renewalControlQuestions, ...own];
}

/** Whether two names are the same to a patient (case and surrounding spaces ignored). */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('sv-SE') === b.trim().toLocaleLowerCase('sv-SE');
}

/** A linkId for a new question in the builder: q1, q2, … skipping those taken. */
export function nextLinkId(taken: Iterable<string>, prefix = 'q'): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const candidate = `${prefix}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export const choiceTypes: readonly QuestionType[] = ['choice', 'multiple_choice'];

/** A question as the builder edits it: options as typed, kept while the type changes. */
export type QuestionDraft = { linkId: string; text: string; type: QuestionType; required: boolean; options: string[] };
export type QuestionDraftProblem = 'text_length' | 'options_too_few';

export function toDraft(item: QuestionItem): QuestionDraft {
  return { linkId: item.linkId, text: item.text, type: item.type, required: item.required, options: item.options ?? ['', ''] };
}

/** What the builder tells the administrator before sending (the API checks the same with questionItemSchema). */
export function questionDraftProblems(draft: QuestionDraft): QuestionDraftProblem[] {
  const problems: QuestionDraftProblem[] = [];
  const length = draft.text.trim().length;
  if (length < 3 || length > 300) problems.push('text_length');
  if (choiceTypes.includes(draft.type) && draft.options.filter((option) => option.trim() !== '').length < 2) problems.push('options_too_few');
  return problems;
}

/**
 * A question as the builder edits it → the item the API takes:
 * options trimmed and blanks dropped for choice types, none for the others.
 */
export function toQuestionItem(draft: QuestionDraft): QuestionItem {
  const item: QuestionItem = { linkId: draft.linkId, text: draft.text.trim(), type: draft.type, required: draft.required };
  if (choiceTypes.includes(draft.type)) item.options = draft.options.map((option) => option.trim()).filter(Boolean);
  return item;
}

/** Moves the item at `from` one step up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(items: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
