import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { ExtraQuestions } from '../contract.ts';
import { nextLinkId, questionDraftProblems, toDraft, toQuestionItem, type QuestionDraft } from '../model.ts';
import { questionFieldId, QuestionListEditor, questionTypeTexts } from './QuestionListEditor.tsx';

const texts = {
  sv: {
    title: 'Tilläggsfrågor på Förnya recept',
    intro: (max: number) =>
      `Standardärendetyperna är låsta. På Förnya recept kommer två inbyggda kontrollfrågor alltid först; efter dem får enheten lägga till högst ${max} egna frågor. Behöver ni fler, bygg en egen ärendetyp nedan – den får heta Förnya recept.`,
    builtIn: 'Inbyggda kontrollfrågor',
    locked: 'Låst',
    required: 'obligatorisk',
    own: 'Enhetens egna frågor',
    none: 'Inga egna frågor ännu.',
    add: 'Lägg till fråga',
    save: 'Spara tilläggsfrågor',
    saved: 'Tilläggsfrågorna är sparade.',
    fix: 'Rätta frågorna markerade nedan.',
  },
  en: {
    title: 'Extra questions on Renew a prescription',
    intro: (max: number) =>
      `The standard case types are locked. On Renew a prescription two built-in control questions always come first; after them the unit may add at most ${max} questions of its own. For more, build an own case type below – it may be called Renew a prescription.`,
    builtIn: 'Built-in control questions',
    locked: 'Locked',
    required: 'required',
    own: "The unit's own questions",
    none: 'No own questions yet.',
    add: 'Add question',
    save: 'Save extra questions',
    saved: 'The extra questions have been saved.',
    fix: 'Correct the questions marked below.',
  },
};

const CODE = 'fornya_recept';
const URL = `/api/unit-admin/eservices/${CODE}/extra-questions`;
export const extraQuestionsQueryKey = ['extra-questions', CODE] as const;

/** C2: Förnya recept's two built-in control questions, locked, and the unit's own (seed 002). */
export function RenewalQuestionsEditor() {
  const t = useTexts(texts);
  const current = useQuery({ queryKey: extraQuestionsQueryKey, queryFn: () => api<ExtraQuestions>('GET', URL) });
  return (
    <section className="card" aria-labelledby="renewal-heading">
      <h2 id="renewal-heading">{t.title}</h2>
      {current.isPending ? (
        <PageStatus state="loading" />
      ) : current.isError ? (
        <PageStatus state="error" error={current.error} />
      ) : (
        <RenewalForm data={current.data} />
      )}
    </section>
  );
}

function RenewalForm({ data }: { data: ExtraQuestions }) {
  const t = useTexts(texts);
  const typeNames = useTexts(questionTypeTexts);
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() => data.own.map(toDraft));
  const [showProblems, setShowProblems] = useState(false);
  const [savedNote, setSavedNote] = useState(false);
  const save = useMutation({
    mutationFn: (questions: QuestionDraft[]) => api<ExtraQuestions>('PUT', URL, { questions: questions.map(toQuestionItem) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(extraQuestionsQueryKey, saved);
      setSavedNote(true);
    },
  });
  const invalid = drafts.filter((draft) => questionDraftProblems(draft).length > 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSavedNote(false);
    setShowProblems(true);
    if (invalid.length > 0) {
      document.getElementById(questionFieldId('renewal', invalid[0]!.linkId))?.focus();
      return;
    }
    save.mutate(drafts);
  };
  const change = (next: QuestionDraft[]) => {
    setDrafts(next);
    setSavedNote(false);
    save.reset();
  };

  return (
    <>
      <p>{t.intro(data.max)}</p>
      <h3>{t.builtIn}</h3>
      <ol className="plain-list locked-questions">
        {data.builtIn.map((question, index) => (
          <li key={question.linkId}>
            <span className="badge">{t.locked}</span> {index + 1}. {question.text}{' '}
            <span className="muted">
              ({typeNames[question.type]}
              {question.required ? `, ${t.required}` : ''})
            </span>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} noValidate>
        <h3>{t.own}</h3>
        {showProblems && invalid.length > 0 && (
          <p role="alert" className="alert alert--error">
            {t.fix}
          </p>
        )}
        {drafts.length === 0 && <p className="muted">{t.none}</p>}
        <QuestionListEditor questions={drafts} onChange={change} firstNumber={data.builtIn.length + 1} showProblems={showProblems} idPrefix="renewal" />
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => change([...drafts, toDraft({ linkId: nextLinkId([...data.builtIn, ...drafts].map((q) => q.linkId), 'extra'), text: '', type: 'text', required: false })])}
          >
            {t.add}
          </button>
          <button type="submit" className="button" disabled={save.isPending}>
            {t.save}
          </button>
        </div>
        {/* Always on the page, so the confirmation is announced when it appears. */}
        <div role="status">{savedNote && <p className="alert alert--success">{t.saved}</p>}</div>
        {save.isError && <PageStatus state="error" error={save.error} />}
      </form>
    </>
  );
}
