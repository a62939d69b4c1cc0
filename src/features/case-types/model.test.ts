import { describe, expect, it } from 'vitest';
import type { QuestionItem } from '../e-services/questions.ts';
import { checkTerms } from '../e-services/terms.ts';
import {
  checkExtraQuestions,
  fallbackTermsTemplate,
  move,
  nextLinkId,
  ownCaseTypeTerms,
  questionDraftProblems,
  renewalQuestions,
  sameName,
  toDraft,
  toQuestionItem,
} from './model.ts';

const question = (linkId: string): QuestionItem => ({ linkId, text: 'En fråga?', type: 'text', required: false });

describe('own case type terms', () => {
  it('titles the template with the case type name and keeps the rest', () => {
    const terms = ownCaseTypeTerms(fallbackTermsTemplate, 'Förnya recept $& (diabetes)');
    expect(terms.sv.split('\n')[0]).toBe('Villkor för Förnya recept $& (diabetes)');
    expect(terms.en.split('\n')[0]).toBe('Terms for Förnya recept $& (diabetes)');
    expect(terms.sv.split('\n').slice(1)).toEqual(fallbackTermsTemplate.sv.split('\n').slice(1));
  });

  it('leaves a template without a title line as it is', () => {
    expect(ownCaseTypeTerms({ sv: 'Text', en: 'Text' }, 'X')).toEqual({ sv: 'Text', en: 'Text' });
  });

  it('falls back to a text that follows the regional rules', () => {
    expect(checkTerms(fallbackTermsTemplate.sv, 'sv')).toEqual([]);
    expect(checkTerms(fallbackTermsTemplate.en, 'en')).toEqual([]);
  });
});

describe('extra questions of Förnya recept', () => {
  it('allows none, one or two', () => {
    expect(checkExtraQuestions([])).toBeNull();
    expect(checkExtraQuestions([question('a'), question('b')])).toBeNull();
  });

  it('refuses a third', () => {
    expect(checkExtraQuestions([question('a'), question('b'), question('c')])).toEqual({ problem: 'too_many', max: 2 });
  });

  it("refuses the built-in questions' ids", () => {
    expect(checkExtraQuestions([question('side-effects')])).toEqual({ problem: 'link_id_reserved', linkIds: ['side-effects'] });
  });

  it('puts the built-in questions first', () => {
    expect(renewalQuestions([question('a')]).map((q) => q.linkId)).toEqual(['works', 'side-effects', 'a']);
  });
});

describe('the question builder', () => {
  it('compares names as a patient reads them', () => {
    expect(sameName(' Förnya Recept ', 'förnya recept')).toBe(true);
    expect(sameName('Förnya recept', 'Förnya recept 2')).toBe(false);
  });

  it('finds the next free linkId', () => {
    expect(nextLinkId([])).toBe('q1');
    expect(nextLinkId(['q1', 'q3'])).toBe('q2');
    expect(nextLinkId(['extra1'], 'extra')).toBe('extra2');
  });

  it('keeps options only for choice questions, trimmed and without blanks', () => {
    expect(toQuestionItem({ linkId: 'q1', text: ' Vilka? ', type: 'multiple_choice', required: true, options: [' A ', '', 'B'] })).toEqual({
      linkId: 'q1',
      text: 'Vilka?',
      type: 'multiple_choice',
      required: true,
      options: ['A', 'B'],
    });
    expect(toQuestionItem({ linkId: 'q1', text: 'Ja eller nej?', type: 'boolean', required: false, options: ['A', 'B'] })).toEqual({
      linkId: 'q1',
      text: 'Ja eller nej?',
      type: 'boolean',
      required: false,
    });
  });

  it('moves a question up or down, and not past the ends', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('question drafts', () => {
  it('asks for a question text of 3–300 characters and two options for choice questions', () => {
    const draft = toDraft({ linkId: 'q1', text: 'Vilka?', type: 'multiple_choice', required: false, options: ['A', 'B'] });
    expect(questionDraftProblems(draft)).toEqual([]);
    expect(questionDraftProblems({ ...draft, text: ' a ', options: ['A', ' '] })).toEqual(['text_length', 'options_too_few']);
    expect(questionDraftProblems({ ...draft, type: 'text', options: [] })).toEqual([]);
    expect(toDraft({ linkId: 'q2', text: 'Ja?', type: 'boolean', required: true }).options).toEqual(['', '']);
  });
});
