import {
  contactChannels,
  contactTimes,
  SKICKA_MEDDELANDE_MAX,
  withWhomOptions,
  type Answers,
  type CaseForm,
  type CaseFormType,
} from '../../contract.ts';

/**
 * The patient's forms as data (seed 002, C1): which fields each standard case type has,
 * when a field shows, and the same limits as the contract's Zod schemas. The page renders
 * from this, validates with it and builds the request body with it; the labels live in
 * case-words.ts. Pure code, tested in form-model.test.ts.
 */

export type StandardType = Exclude<CaseFormType, 'own'>;
export type Values = Record<string, string>;
/** A question's draft answer: text as typed (numbers too), 'true'/'false' for Ja/Nej, a list for checkboxes. */
export type AnswerDraft = string | string[];
export type AnswerDrafts = Record<string, AnswerDraft>;

export type Question = { linkId: string; text: string; type: 'text' | 'boolean' | 'choice' | 'multiple_choice' | 'date' | 'number'; required: boolean; options?: string[] };

export type FieldDef =
  | { name: string; kind: 'text' | 'textarea' | 'tel'; max: number; required: boolean; shownWhen?: (values: Values) => boolean }
  | { name: string; kind: 'radio'; options: readonly string[]; required: true; shownWhen?: (values: Values) => boolean }
  /** The options come from the case type (Begär intyg: the unit's certificates); without any, the patient writes it (up to `max`). */
  | { name: string; kind: 'select'; max: number; required: true; shownWhen?: (values: Values) => boolean }
  /** Where the case type's questions go (Förnya recept: after the medicine; own types: all of it). */
  | { name: '$questions'; kind: 'questions' };

export type InputFieldDef = Exclude<FieldDef, { kind: 'questions' }>;

export const ANSWER_TEXT_MAX = 2000;
export const ANSWER_OPTION_MAX = 200;

export const standardFields: Record<StandardType, FieldDef[]> = {
  bestall_tid: [
    { name: 'reason', kind: 'textarea', max: 2000, required: true },
    { name: 'preferredTimes', kind: 'textarea', max: 500, required: false },
    { name: 'withWhom', kind: 'radio', options: withWhomOptions, required: true },
    { name: 'withWhomDetail', kind: 'text', max: 200, required: false, shownWhen: (v) => v.withWhom === 'doctor' || v.withWhom === 'nurse' || v.withWhom === 'other' },
  ],
  av_omboka_tid: [
    { name: 'action', kind: 'radio', options: ['cancel', 'rebook'], required: true },
    // Booking is not built yet, so the appointment is described in words, and that is the case.
    { name: 'appointmentDescription', kind: 'textarea', max: 300, required: true },
    { name: 'preferredTimes', kind: 'textarea', max: 500, required: false, shownWhen: (v) => v.action === 'rebook' },
    { name: 'message', kind: 'textarea', max: 1000, required: false },
  ],
  fornya_recept: [
    { name: 'medicine', kind: 'text', max: 200, required: true },
    { name: '$questions', kind: 'questions' },
    { name: 'message', kind: 'textarea', max: 1000, required: false },
  ],
  kontakta_mig: [
    { name: 'reason', kind: 'textarea', max: 2000, required: true },
    { name: 'channel', kind: 'radio', options: contactChannels, required: true },
    { name: 'phoneNumber', kind: 'tel', max: 30, required: true, shownWhen: (v) => v.channel === 'phone' },
    { name: 'when', kind: 'radio', options: contactTimes, required: true },
  ],
  begar_intyg: [
    { name: 'certificate', kind: 'select', max: 120, required: true },
    { name: 'kind', kind: 'radio', options: ['new', 'renewal'], required: true },
    { name: 'message', kind: 'textarea', max: 1000, required: false },
  ],
  skicka_meddelande: [{ name: 'message', kind: 'textarea', max: SKICKA_MEDDELANDE_MAX, required: true }],
  fraga_om_remiss: [
    { name: 'unitRole', kind: 'radio', options: ['sender', 'receiver'], required: true },
    { name: 'referral', kind: 'text', max: 300, required: true },
    { name: 'question', kind: 'textarea', max: 2000, required: true },
  ],
  egenremiss: [
    { name: 'complaint', kind: 'textarea', max: 3000, required: true },
    { name: 'duration', kind: 'text', max: 200, required: true },
    { name: 'previousCare', kind: 'textarea', max: 1000, required: false },
    { name: 'medication', kind: 'textarea', max: 1000, required: false },
    { name: 'expectation', kind: 'textarea', max: 1000, required: false },
  ],
};

export function isStandardType(type: string): type is StandardType {
  return Object.hasOwn(standardFields, type);
}

/** The fields of a type, in order; an own type (or anything unknown) is its questions only. */
export function fieldsOf(type: string): FieldDef[] {
  return isStandardType(type) ? standardFields[type] : [{ name: '$questions', kind: 'questions' }];
}

export const isShown = (field: FieldDef, values: Values) => field.kind === 'questions' || !field.shownWhen || field.shownWhen(values);

export type Problem =
  | { target: string; problem: 'required' | 'choose' | 'phone' | 'number' | 'date' }
  | { target: string; problem: 'too_long'; max: number; length: number };

/** The DOM-safe key of a question's answer, distinct from the standard fields' names. */
export const questionTarget = (linkId: string) => `q-${linkId}`;

const PHONE = /^\+?[\d\s()-]+$/;
export function validPhone(value: string): boolean {
  const trimmed = value.trim();
  return PHONE.test(trimmed) && trimmed.replace(/\D/g, '').length >= 6;
}

/** "1,5" and "1.5" are both one and a half; empty is no answer. */
export function parseNumber(value: string): number | null {
  const normalised = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(normalised)) return null;
  const number = Number(normalised);
  return Number.isFinite(number) ? number : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function answerProblems(questions: Question[], answers: AnswerDrafts): Problem[] {
  const problems: Problem[] = [];
  for (const question of questions) {
    const target = questionTarget(question.linkId);
    const draft = answers[question.linkId];
    if (question.type === 'multiple_choice') {
      const chosen = Array.isArray(draft) ? draft : [];
      if (question.required && chosen.length === 0) problems.push({ target, problem: 'choose' });
      continue;
    }
    const value = typeof draft === 'string' ? draft.trim() : '';
    if (!value) {
      if (question.required) problems.push({ target, problem: question.type === 'boolean' || question.type === 'choice' ? 'choose' : 'required' });
      continue;
    }
    if (question.type === 'text' && value.length > ANSWER_TEXT_MAX) problems.push({ target, problem: 'too_long', max: ANSWER_TEXT_MAX, length: value.length });
    if (question.type === 'number' && parseNumber(value) === null) problems.push({ target, problem: 'number' });
    if (question.type === 'date' && !ISO_DATE.test(value)) problems.push({ target, problem: 'date' });
  }
  return problems;
}

/**
 * What stops the form from being sent, in the order the fields appear. `choices` are the
 * case type's own options for select fields (the unit's certificates); with none, the field is free text.
 */
export function validate(type: string, values: Values, questions: Question[], answers: AnswerDrafts, choices: string[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const field of fieldsOf(type)) {
    if (field.kind === 'questions') {
      problems.push(...answerProblems(questions, answers));
      continue;
    }
    if (!isShown(field, values)) continue;
    const value = (values[field.name] ?? '').trim();
    if (field.kind === 'radio' || (field.kind === 'select' && choices.length > 0)) {
      const options = field.kind === 'radio' ? field.options : choices;
      if (!value || !options.includes(value)) problems.push({ target: field.name, problem: 'choose' });
      continue;
    }
    if (!value) {
      if (field.required) problems.push({ target: field.name, problem: 'required' });
      continue;
    }
    if (value.length > field.max) problems.push({ target: field.name, problem: 'too_long', max: field.max, length: value.length });
    else if (field.kind === 'tel' && !validPhone(value)) problems.push({ target: field.name, problem: 'phone' });
  }
  return problems;
}

/** The answers as the API takes them: only what was answered, as text, true/false, a number or a list. */
export function buildAnswers(questions: Question[], answers: AnswerDrafts): Answers {
  const result: Answers = {};
  for (const question of questions) {
    const draft = answers[question.linkId];
    if (question.type === 'multiple_choice') {
      const chosen = Array.isArray(draft) ? draft.filter((option) => question.options?.includes(option) ?? true) : [];
      if (chosen.length > 0) result[question.linkId] = chosen;
      continue;
    }
    const value = typeof draft === 'string' ? draft.trim() : '';
    if (!value) continue;
    if (question.type === 'boolean') result[question.linkId] = value === 'true';
    else if (question.type === 'number') {
      const number = parseNumber(value);
      if (number !== null) result[question.linkId] = number;
    } else result[question.linkId] = value;
  }
  return result;
}

/** The request's `form`: the shown fields of the type (empty optional ones left out), answers where the type has questions. */
export function buildForm(type: string, caseTypeId: string | null, values: Values, questions: Question[], answers: AnswerDrafts): CaseForm {
  if (!isStandardType(type)) {
    if (!caseTypeId) throw new Error(`case type ${type} without an id`);
    return { type: 'own', caseTypeId, answers: buildAnswers(questions, answers) };
  }
  const form: Record<string, unknown> = { type };
  for (const field of standardFields[type]) {
    if (field.kind === 'questions') {
      form.answers = buildAnswers(questions, answers);
      continue;
    }
    if (!isShown(field, values)) continue;
    const value = (values[field.name] ?? '').trim();
    if (value) form[field.name] = value;
  }
  return form as CaseForm;
}
