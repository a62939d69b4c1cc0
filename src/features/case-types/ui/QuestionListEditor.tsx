import { useId, useState } from 'react';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { questionTypes, type QuestionType } from '../../e-services/questions.ts';
import { choiceTypes, move, questionDraftProblems, type QuestionDraft } from '../model.ts';

export const questionTypeTexts = {
  sv: { text: 'Fritext', boolean: 'Ja/nej', choice: 'Ett val bland alternativ', multiple_choice: 'Flera val bland alternativ', date: 'Datum', number: 'Tal' },
  en: { text: 'Free text', boolean: 'Yes/no', choice: 'One of several options', multiple_choice: 'Several options', date: 'Date', number: 'Number' },
} satisfies { sv: Record<QuestionType, string>; en: Record<QuestionType, string> };

const texts = {
  sv: {
    question: (n: number) => `Fråga ${n}`,
    questionText: 'Frågetext',
    type: 'Svarstyp',
    required: 'Obligatorisk att besvara',
    options: 'Svarsalternativ',
    option: (k: number) => `Alternativ ${k}`,
    addOption: 'Lägg till alternativ',
    removeOption: 'Ta bort',
    moveUp: 'Flytta upp',
    moveDown: 'Flytta ned',
    remove: 'Ta bort',
    ofQuestion: (n: number) => ` fråga ${n}`,
    moved: (from: number, to: number) => `Fråga ${from} är nu fråga ${to}.`,
    removed: (n: number) => `Fråga ${n} är borttagen.`,
    problems: { text_length: 'Skriv en frågetext på 3–300 tecken.', options_too_few: 'Ange minst två svarsalternativ.' },
  },
  en: {
    question: (n: number) => `Question ${n}`,
    questionText: 'Question text',
    type: 'Answer type',
    required: 'Must be answered',
    options: 'Answer options',
    option: (k: number) => `Option ${k}`,
    addOption: 'Add option',
    removeOption: 'Remove',
    moveUp: 'Move up',
    moveDown: 'Move down',
    remove: 'Remove',
    ofQuestion: (n: number) => ` question ${n}`,
    moved: (from: number, to: number) => `Question ${from} is now question ${to}.`,
    removed: (n: number) => `Question ${n} has been removed.`,
    problems: { text_length: 'Write a question text of 3–300 characters.', options_too_few: 'Give at least two answer options.' },
  },
};

/** The id of a question's text field, so an error summary can link to it. */
export const questionFieldId = (prefix: string, linkId: string) => `${prefix}-${linkId}-text`;

/**
 * Questions being built: text, answer type, required, options for choice types; moved up
 * or down and removed. Each question is a fieldset named "Question n"; moves and removals
 * are announced, since they change the page without moving focus.
 */
export function QuestionListEditor({
  questions,
  onChange,
  firstNumber = 1,
  showProblems,
  idPrefix,
}: {
  questions: QuestionDraft[];
  onChange: (next: QuestionDraft[]) => void;
  /** Numbering starts here (Förnya recept's own questions follow the two built-in ones). */
  firstNumber?: number;
  showProblems: boolean;
  idPrefix: string;
}) {
  const t = useTexts(texts);
  const typeNames = useTexts(questionTypeTexts);
  const announcerId = useId();
  const [announcement, setAnnouncement] = useState('');
  const update = (index: number, change: Partial<QuestionDraft>) => onChange(questions.map((question, i) => (i === index ? { ...question, ...change } : question)));
  const moveBy = (index: number, step: -1 | 1) => {
    const to = index + step;
    if (to < 0 || to >= questions.length) return;
    onChange(move(questions, index, step));
    setAnnouncement(t.moved(firstNumber + index, firstNumber + to));
  };

  return (
    <>
      <ol className="question-list">
        {questions.map((question, index) => {
          const n = firstNumber + index;
          const base = `${idPrefix}-${question.linkId}`;
          const problems = showProblems ? questionDraftProblems(question) : [];
          const textInvalid = problems.includes('text_length');
          const optionsInvalid = problems.includes('options_too_few');
          return (
            <li key={question.linkId}>
              <fieldset className="question-editor">
                <legend>{t.question(n)}</legend>
                <div className={`field${textInvalid ? ' field--invalid' : ''}`}>
                  <label htmlFor={questionFieldId(idPrefix, question.linkId)}>{t.questionText}</label>
                  <input
                    id={questionFieldId(idPrefix, question.linkId)}
                    value={question.text}
                    maxLength={300}
                    onChange={(event) => update(index, { text: event.target.value })}
                    aria-invalid={textInvalid || undefined}
                    aria-describedby={textInvalid ? `${base}-text-error` : undefined}
                  />
                  {textInvalid && (
                    <span id={`${base}-text-error`} className="error-text">
                      {t.problems.text_length}
                    </span>
                  )}
                </div>
                <div className="field">
                  <label htmlFor={`${base}-type`}>{t.type}</label>
                  <select id={`${base}-type`} value={question.type} onChange={(event) => update(index, { type: event.target.value as QuestionType })}>
                    {questionTypes.map((type) => (
                      <option key={type} value={type}>
                        {typeNames[type]}
                      </option>
                    ))}
                  </select>
                </div>
                <label className="checkbox">
                  <input type="checkbox" checked={question.required} onChange={(event) => update(index, { required: event.target.checked })} /> {t.required}
                </label>
                {choiceTypes.includes(question.type) && (
                  <fieldset className={`field question-options${optionsInvalid ? ' field--invalid' : ''}`} aria-describedby={optionsInvalid ? `${base}-options-error` : undefined}>
                    <legend>{t.options}</legend>
                    {question.options.map((option, k) => (
                      <div key={k} className="question-option">
                        <label htmlFor={`${base}-option-${k}`}>{t.option(k + 1)}</label>
                        <input
                          id={`${base}-option-${k}`}
                          value={option}
                          maxLength={120}
                          onChange={(event) => update(index, { options: question.options.map((o, j) => (j === k ? event.target.value : o)) })}
                        />
                        <button type="button" className="link" onClick={() => update(index, { options: question.options.filter((_, j) => j !== k) })}>
                          {t.removeOption}
                          <span className="visually-hidden"> {t.option(k + 1).toLowerCase()}</span>
                        </button>
                      </div>
                    ))}
                    {optionsInvalid && (
                      <span id={`${base}-options-error`} className="error-text">
                        {t.problems.options_too_few}
                      </span>
                    )}
                    {question.options.length < 20 && (
                      <div>
                        <button type="button" className="button button--secondary" onClick={() => update(index, { options: [...question.options, ''] })}>
                          {t.addOption}
                          <span className="visually-hidden">{t.ofQuestion(n)}</span>
                        </button>
                      </div>
                    )}
                  </fieldset>
                )}
                <div className="actions">
                  <button type="button" className="button button--secondary" onClick={() => moveBy(index, -1)} aria-disabled={index === 0 || undefined}>
                    {t.moveUp}
                    <span className="visually-hidden">{t.ofQuestion(n)}</span>
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => moveBy(index, 1)} aria-disabled={index === questions.length - 1 || undefined}>
                    {t.moveDown}
                    <span className="visually-hidden">{t.ofQuestion(n)}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => {
                      onChange(questions.filter((_, i) => i !== index));
                      setAnnouncement(t.removed(n));
                    }}
                  >
                    {t.remove}
                    <span className="visually-hidden">{t.ofQuestion(n)}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p id={announcerId} role="status" className="visually-hidden">
        {announcement}
      </p>
    </>
  );
}
