import type { QuestionItem } from '../e-services/questions.ts';
import type { Answers, CaseForm } from './contract.ts';

/**
 * The forms of the case types as data both sides can read: which answers are valid for a
 * type's questions, the subject line of a case, and the form as labelled entries for the
 * thread and the medical record (C6). Pure.
 */
type Localised = { sv: string; en: string };
export type FormEntry = { label: Localised; value: Localised };

export type AnswerProblem = { linkId: string; problem: 'required' | 'wrong_type' | 'not_an_option' | 'unknown_question' };

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function valueFits(question: QuestionItem, value: unknown): AnswerProblem['problem'] | null {
  switch (question.type) {
    case 'text':
      return typeof value === 'string' ? null : 'wrong_type';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'wrong_type';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'wrong_type';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'wrong_type';
    case 'choice':
      if (typeof value !== 'string') return 'wrong_type';
      return question.options?.includes(value) ? null : 'not_an_option';
    case 'multiple_choice':
      if (!Array.isArray(value)) return 'wrong_type';
      return value.every((item) => question.options?.includes(item)) ? null : 'not_an_option';
  }
}

/** What is wrong with the answers to these questions; empty when they may be sent. */
export function answerProblems(questions: QuestionItem[], answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(questions.map((question) => question.linkId));
  for (const linkId of Object.keys(answers)) if (!known.has(linkId)) problems.push({ linkId, problem: 'unknown_question' });
  for (const question of questions) {
    const value = answers[question.linkId];
    if (isBlank(value)) {
      if (question.required) problems.push({ linkId: question.linkId, problem: 'required' });
      continue;
    }
    const problem = valueFits(question, value);
    if (problem) problems.push({ linkId: question.linkId, problem });
  }
  return problems;
}

const SUBJECT_MAX = 80;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= SUBJECT_MAX ? oneLine : `${oneLine.slice(0, SUBJECT_MAX - 1).trimEnd()}…`;
}

/** The line lists show for a case: what it is about, in the patient's own words where there are some. */
export function subjectOf(form: CaseForm, typeName: string): string {
  switch (form.type) {
    case 'bestall_tid':
      return shorten(form.reason);
    case 'av_omboka_tid':
      return shorten(`${form.action === 'cancel' ? 'Avboka' : 'Omboka'}${form.appointmentDescription ? `: ${form.appointmentDescription}` : ''}`);
    case 'fornya_recept':
      return shorten(form.medicine);
    case 'kontakta_mig':
      return shorten(form.reason);
    case 'begar_intyg':
      return shorten(`${form.certificate} (${form.kind === 'new' ? 'nytt' : 'förnyelse'})`);
    case 'skicka_meddelande':
      return shorten(form.message);
    case 'fraga_om_remiss':
      return shorten(form.referral);
    case 'egenremiss':
      return shorten(form.complaint);
    case 'own':
      return typeName;
  }
}

const yesNo = (value: boolean): Localised => (value ? { sv: 'Ja', en: 'Yes' } : { sv: 'Nej', en: 'No' });
const same = (text: string): Localised => ({ sv: text, en: text });

const choiceLabels: Record<string, Record<string, Localised>> = {
  withWhom: {
    no_preference: { sv: 'Ingen preferens', en: 'No preference' },
    doctor: { sv: 'Läkare', en: 'Doctor' },
    nurse: { sv: 'Sjuksköterska', en: 'Nurse' },
    other: { sv: 'Annan', en: 'Other' },
  },
  action: { cancel: { sv: 'Avboka', en: 'Cancel' }, rebook: { sv: 'Omboka', en: 'Rebook' } },
  channel: { phone: { sv: 'Telefon', en: 'Phone' }, video: { sv: 'Video', en: 'Video' }, message: { sv: 'Meddelande i Nära', en: 'Message in Nära' } },
  when: { morning: { sv: 'Förmiddag', en: 'Morning' }, afternoon: { sv: 'Eftermiddag', en: 'Afternoon' }, any: { sv: 'När som helst', en: 'Any time' } },
  kind: { new: { sv: 'Nytt intyg', en: 'New certificate' }, renewal: { sv: 'Förnyelse', en: 'Renewal' } },
  unitRole: {
    sender: { sv: 'Mottagningen skickade remissen', en: 'The clinic sent the referral' },
    receiver: { sv: 'Mottagningen tog emot remissen', en: 'The clinic received the referral' },
  },
};

const fieldLabels: Record<string, Localised> = {
  reason: { sv: 'Vad gäller det?', en: 'What is it about?' },
  preferredTimes: { sv: 'Önskade tider', en: 'Preferred times' },
  withWhom: { sv: 'Med vem', en: 'With whom' },
  withWhomDetail: { sv: 'Önskemål om vårdpersonal', en: 'Preferred member of staff' },
  action: { sv: 'Avboka eller omboka', en: 'Cancel or rebook' },
  appointmentDescription: { sv: 'Vilken tid', en: 'Which appointment' },
  message: { sv: 'Meddelande', en: 'Message' },
  medicine: { sv: 'Läkemedel', en: 'Medicine' },
  channel: { sv: 'Hur vill du bli kontaktad?', en: 'How do you want to be contacted?' },
  phoneNumber: { sv: 'Telefonnummer', en: 'Phone number' },
  when: { sv: 'När', en: 'When' },
  certificate: { sv: 'Intyg', en: 'Certificate' },
  kind: { sv: 'Nytt eller förnyelse', en: 'New or renewal' },
  unitRole: { sv: 'Remissen', en: 'The referral' },
  referral: { sv: 'Vilken remiss', en: 'Which referral' },
  question: { sv: 'Fråga', en: 'Question' },
  complaint: { sv: 'Besvär', en: 'Symptoms' },
  duration: { sv: 'Hur länge', en: 'For how long' },
  previousCare: { sv: 'Tidigare vård för besvären', en: 'Earlier care for this' },
  medication: { sv: 'Läkemedel', en: 'Medication' },
  expectation: { sv: 'Vad önskar du av besöket?', en: 'What do you hope for from the visit?' },
};

const fieldOrder = [
  'action',
  'appointmentDescription',
  'reason',
  'medicine',
  'answers',
  'certificate',
  'kind',
  'unitRole',
  'referral',
  'question',
  'complaint',
  'duration',
  'previousCare',
  'medication',
  'expectation',
  'channel',
  'phoneNumber',
  'when',
  'preferredTimes',
  'withWhom',
  'withWhomDetail',
  'message',
];

function answerValue(question: QuestionItem | undefined, value: unknown): Localised {
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) return same(value.join(', '));
  if (typeof value === 'number') return { sv: value.toLocaleString('sv-SE'), en: value.toLocaleString('en-GB') };
  if (question?.type === 'date' && typeof value === 'string') return same(value);
  return same(String(value));
}

function questionEntries(questions: QuestionItem[], answers: Answers): FormEntry[] {
  return questions.filter((question) => !isBlank(answers[question.linkId])).map((question) => ({ label: same(question.text), value: answerValue(question, answers[question.linkId]) }));
}

/**
 * The form as labelled entries, in the order the patient filled it in. `questions` are
 * the questions the patient was shown (for Förnya recept and own types), kept on the case.
 */
export function formEntries(form: CaseForm, questions: QuestionItem[] = []): FormEntry[] {
  const entries: FormEntry[] = [];
  const values = form as Record<string, unknown>;
  // In the order of the forms, not of the stored object (jsonb sorts its keys).
  for (const field of fieldOrder) {
    const value = values[field];
    if (isBlank(value)) continue;
    if (field === 'answers') {
      entries.push(...questionEntries(questions, value as Answers));
      continue;
    }
    const label = fieldLabels[field] ?? same(field);
    const choice = choiceLabels[field]?.[String(value)];
    entries.push({ label, value: choice ?? same(String(value)) });
  }
  return entries;
}
