import { describe, expect, it } from 'vitest';
import type { QuestionItem } from '../e-services/questions.ts';
import { answerProblems, formEntries, subjectOf } from './forms.ts';

const questions: QuestionItem[] = [
  { linkId: 'works', text: 'Fungerar läkemedlet?', type: 'boolean', required: true },
  { linkId: 'when', text: 'När tog du det senast?', type: 'date', required: false },
  { linkId: 'dose', text: 'Hur många tabletter per dag?', type: 'number', required: false },
  { linkId: 'where', text: 'Var?', type: 'choice', required: false, options: ['Hemma', 'Jobbet'] },
  { linkId: 'what', text: 'Vilka?', type: 'multiple_choice', required: false, options: ['A', 'B'] },
];

describe('answerProblems', () => {
  it('accepts fitting answers and blanks for optional questions', () => {
    expect(answerProblems(questions, { works: false, when: '2026-11-01', dose: 2, where: 'Hemma', what: ['A', 'B'] })).toEqual([]);
    expect(answerProblems(questions, { works: true, when: '', what: [] })).toEqual([]);
  });

  it('names each problem by question', () => {
    expect(answerProblems(questions, { when: '1 november', dose: '2', where: 'Bilen', what: ['C'], extra: 'x' })).toEqual([
      { linkId: 'extra', problem: 'unknown_question' },
      { linkId: 'works', problem: 'required' },
      { linkId: 'when', problem: 'wrong_type' },
      { linkId: 'dose', problem: 'wrong_type' },
      { linkId: 'where', problem: 'not_an_option' },
      { linkId: 'what', problem: 'not_an_option' },
    ]);
    expect(answerProblems(questions, { works: 'ja' })).toEqual([{ linkId: 'works', problem: 'wrong_type' }]);
  });
});

describe('subjectOf and formEntries', () => {
  it('uses the patient’s words for the subject, on one line and shortened', () => {
    expect(subjectOf({ type: 'skicka_meddelande', message: 'Jag kommer\nsent.' }, 'Skicka meddelande')).toBe('Jag kommer sent.');
    const long = subjectOf({ type: 'egenremiss', complaint: 'ont '.repeat(40), duration: '1 vecka' }, 'Egenremiss');
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
    expect(subjectOf({ type: 'begar_intyg', certificate: 'Körkort', kind: 'new' }, 'Begär intyg')).toBe('Körkort (nytt)');
    expect(subjectOf({ type: 'own', caseTypeId: '00000000-0000-4000-8000-000000000000', answers: {} }, 'Egenremiss')).toBe('Egenremiss');
  });

  it('lists the form in the order it is filled in, choices in words, whatever order the stored keys have', () => {
    const stored = JSON.parse('{"withWhom":"doctor","type":"bestall_tid","reason":"Ont i knät","preferredTimes":"Fredagar"}');
    expect(formEntries(stored).map((entry) => `${entry.label.sv}: ${entry.value.sv}`)).toEqual(['Vad gäller det?: Ont i knät', 'Önskade tider: Fredagar', 'Med vem: Läkare']);
    expect(formEntries({ type: 'fornya_recept', medicine: 'X', answers: { what: ['A', 'B'], works: true } }, questions).map((entry) => entry.value.en)).toEqual(['X', 'Yes', 'A, B']);
  });
});
