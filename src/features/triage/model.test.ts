import { describe, expect, it } from 'vitest';
import { answer, compileContent, decide, presentOutcome, presentQuestion, type RawContent, type TriageState } from './model.ts';

const vocabulary = [
  { system: 'http://snomed.info/sct', code: 'C1', kind: 'complaint', sv: 'Ont', en: 'Pain' },
  { system: 'http://snomed.info/sct', code: 'RED', kind: 'finding', sv: 'Rött', en: 'Red flag' },
  { system: 'http://snomed.info/sct', code: 'AMBER', kind: 'finding', sv: 'Gult', en: 'Amber' },
  { system: 'http://snomed.info/sct', code: 'MILD', kind: 'finding', sv: 'Milt', en: 'Mild' },
  { system: 'http://snomed.info/sct', code: '386725007', kind: 'measurement', sv: 'Kroppstemperatur', en: 'Body temperature', unit: 'Cel' },
];
const raw: RawContent = {
  vocabulary,
  modules: [{ id: 'red', questions: [{ id: 'flags', text: { sv: 'Något av detta?', en: 'Any of this?' }, options: ['RED', 'AMBER'] }], rules: [{ '112': 'RED' }] }],
  complaints: [
    {
      id: 'pain',
      code: 'C1',
      use: ['red'],
      rules: [{ now: 'AMBER' }, { today: { all: [{ 'age<': 1 }, { 'temp>=': 38 }] } }, { days: 'MILD' }],
      advice: { sv: ['Vila'], en: ['Rest'] },
    },
  ],
};
const content = compileContent(raw);
const start = (ageYears = 30): TriageState => ({ complaintId: 'pain', person: { ageYears, sex: 'female', forSomeoneElse: false }, answers: {}, asked: [] });
function step(state: TriageState, questionId: string, value: Parameters<typeof answer>[3]): TriageState {
  const result = answer(content, state, questionId, value);
  if ('problem' in result) throw new Error(result.problem);
  return result.state;
}

describe('the triage engine', () => {
  it('asks the red flags first and stops at once when one is present', () => {
    const first = decide(content, start());
    expect(first.kind === 'question' && first.question.id).toBe('flags');
    const outcome = decide(content, step(start(), 'flags', ['RED']));
    expect(outcome.kind === 'outcome' && outcome.urgency).toBe('call-112');
  });

  it('asks only what can still change the outcome (the temperature only for a baby)', () => {
    const adult = step(start(30), 'flags', ['none']);
    const next = decide(content, adult);
    expect(next.kind === 'question' && next.question.code).toBe('MILD');
    const baby = step(start(0.5), 'flags', ['none']);
    const babyNext = decide(content, baby);
    expect(babyNext.kind === 'question' && babyNext.question.type).toBe('number');
  });

  it('treats "vet inte" as the more urgent branch and says so in the reasons', () => {
    const unknown = decide(content, step(start(), 'flags', null));
    expect(unknown.kind === 'outcome' && unknown.urgency).toBe('call-112');
    const baby = step(step(start(0.5), 'flags', ['none']), 'n-386725007', null);
    const outcome = decide(content, baby);
    expect(outcome.kind === 'outcome' && outcome.urgency).toBe('care-today');
    if (outcome.kind === 'outcome') expect(outcome.reasons.map((reason) => reason.text.sv)).toContain('Vet inte: Kroppstemperatur');
  });

  it('ends in the floor level with advice when nothing is found, and explains why', () => {
    const state = step(step(start(), 'flags', ['none']), 'b-MILD', false);
    const outcome = decide(content, state);
    expect(outcome.kind === 'outcome' && outcome.urgency).toBe('self-care');
    if (outcome.kind === 'outcome') {
      const shown = presentOutcome(content, state, outcome, 'en');
      expect(shown.advice).toContain('Rest');
      expect(shown.reasons[0]!.text).toBe('No warning signs in the answers');
    }
  });

  it('refuses answers that do not fit and questions that are not asked', () => {
    expect(answer(content, start(), 'b-MILD', true)).toEqual({ problem: 'question_not_current' });
    expect(answer(content, start(), 'flags', true)).toEqual({ problem: 'invalid_answer' });
    expect(answer(content, start(), 'flags', ['none', 'RED'])).toEqual({ problem: 'invalid_answer' });
    const baby = step(start(0.5), 'flags', ['none']);
    expect(answer(content, baby, 'n-386725007', 60)).toEqual({ problem: 'answer_out_of_range' });
    const done = step(start(), 'flags', ['RED']);
    expect(answer(content, done, 'b-MILD', true)).toEqual({ problem: 'session_finished' });
  });

  it('lets an earlier answer be changed, dropping the answers after it', () => {
    const state = step(step(start(), 'flags', ['none']), 'b-MILD', true);
    const changed = step(state, 'flags', ['AMBER']);
    expect(changed.asked).toEqual(['flags']);
    const outcome = decide(content, changed);
    expect(outcome.kind === 'outcome' && outcome.urgency).toBe('emergency-now');
  });

  it('presents questions in the public shape: codes, options, a "none" option without a code, units', () => {
    const flags = presentQuestion(content, content.complaints.get('pain')!.questionById.get('flags')!, 'sv');
    expect(flags).toMatchObject({ id: 'flags', type: 'choice', multiple: true });
    expect(flags.options!.filter((option) => !option.code)).toEqual([{ id: 'none', text: 'Inget av detta' }]);
    const temperature = presentQuestion(content, content.complaints.get('pain')!.questionById.get('n-386725007')!, 'en');
    expect(temperature).toMatchObject({ type: 'number', unit: 'Cel', code: { system: 'http://snomed.info/sct', code: '386725007' } });
  });
});
