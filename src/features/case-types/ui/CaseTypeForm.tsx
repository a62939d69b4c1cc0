import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { CaseType } from '../contract.ts';
import {
  CASE_TYPE_DESCRIPTION_MAX,
  CASE_TYPE_NAME_MAX,
  CASE_TYPE_NAME_MIN,
  MAX_CASE_TYPE_QUESTIONS,
  nextLinkId,
  questionDraftProblems,
  toDraft,
  toQuestionItem,
  type QuestionDraft,
} from '../model.ts';
import { questionFieldId, QuestionListEditor } from './QuestionListEditor.tsx';

const texts = {
  sv: {
    newTitle: 'Bygg en egen ärendetyp',
    editTitle: (name: string) => `Ändra ärendetypen ${name}`,
    name: 'Namn',
    nameHint: `${CASE_TYPE_NAME_MIN}–${CASE_TYPE_NAME_MAX} tecken. Får vara samma som en standardärendetyp, till exempel Förnya recept eller Egenremiss.`,
    description: 'Beskrivning för patienten',
    active: 'Aktiv – patienter kan välja ärendetypen',
    questions: 'Frågor till patienten',
    questionsHint: `1–${MAX_CASE_TYPE_QUESTIONS} frågor, i den ordning patienten ser dem.`,
    add: 'Lägg till fråga',
    terms: 'Villkorstext',
    termsHint: 'Ska säga att patienten får svar inom två arbetsdagar, och sista punkten ska gälla ombud.',
    termsSv: 'Villkorstext på svenska',
    termsEn: 'Villkorstext på engelska',
    termsNew: 'Villkorstexten börjar som regionens mall för Kontakta mig, med ärendetypens namn. Du kan ändra den efteråt.',
    create: 'Skapa ärendetypen',
    save: 'Spara ändringarna',
    cancel: 'Avbryt',
    summary: 'Formuläret behöver rättas:',
    nameProblem: `Skriv ett namn på ${CASE_TYPE_NAME_MIN}–${CASE_TYPE_NAME_MAX} tecken.`,
    noQuestions: 'Lägg till minst en fråga.',
    questionProblem: (n: number) => `Fråga ${n} är inte färdig.`,
    created: (name: string) => `Ärendetypen ${name} är skapad.`,
    saved: (name: string) => `Ärendetypen ${name} är sparad.`,
  },
  en: {
    newTitle: 'Build an own case type',
    editTitle: (name: string) => `Edit the case type ${name}`,
    name: 'Name',
    nameHint: `${CASE_TYPE_NAME_MIN}–${CASE_TYPE_NAME_MAX} characters. May be the same as a standard case type, for example Förnya recept or Egenremiss.`,
    description: 'Description for the patient',
    active: 'Active – patients can choose the case type',
    questions: 'Questions to the patient',
    questionsHint: `1–${MAX_CASE_TYPE_QUESTIONS} questions, in the order the patient sees them.`,
    add: 'Add question',
    terms: 'Terms',
    termsHint: 'Must say the patient gets an answer within two working days, and the last point must be about proxies.',
    termsSv: 'Terms in Swedish',
    termsEn: 'Terms in English',
    termsNew: "The terms start as the region's template for Contact me, with the case type's name. You can change them afterwards.",
    create: 'Create the case type',
    save: 'Save the changes',
    cancel: 'Cancel',
    summary: 'The form needs correcting:',
    nameProblem: `Write a name of ${CASE_TYPE_NAME_MIN}–${CASE_TYPE_NAME_MAX} characters.`,
    noQuestions: 'Add at least one question.',
    questionProblem: (n: number) => `Question ${n} is not finished.`,
    created: (name: string) => `The case type ${name} has been created.`,
    saved: (name: string) => `The case type ${name} has been saved.`,
  },
};

const URL = '/api/unit-admin/case-types';
export const caseTypesQueryKey = ['case-types'] as const;

/** A fresh key per case type being built, kept across retries of the same submission. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const emptyQuestion = (taken: QuestionDraft[]): QuestionDraft => toDraft({ linkId: nextLinkId(taken.map((q) => q.linkId)), text: '', type: 'boolean', required: true });

/** C2: build a case type of the unit's own, or edit one: name, description, questions, and (when editing) active and terms. */
export function CaseTypeForm({ existing, onDone, onCancel }: { existing?: CaseType; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [active, setActive] = useState(existing?.active ?? true);
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() => (existing ? existing.questions.map(toDraft) : [emptyQuestion([])]));
  const [terms, setTerms] = useState({ sv: existing?.terms.sv ?? '', en: existing?.terms.en ?? '' });
  const [showProblems, setShowProblems] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const idPrefix = existing ? `edit-${existing.id}` : 'new-case-type';
  const ids = { name: `${idPrefix}-name`, nameHint: `${idPrefix}-name-hint`, nameError: `${idPrefix}-name-error`, description: `${idPrefix}-description`, questionsHint: `${idPrefix}-questions-hint` };

  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), description: description.trim(), questions: drafts.map(toQuestionItem) };
      return existing
        ? api<CaseType>('PUT', `${URL}/${existing.id}`, { ...body, active, terms })
        : api<CaseType>('POST', URL, body, { 'idempotency-key': idempotencyKey });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: caseTypesQueryKey });
      onDone(existing ? t.saved(saved.name) : t.created(saved.name));
    },
  });

  const nameLength = name.trim().length;
  const nameInvalid = nameLength < CASE_TYPE_NAME_MIN || nameLength > CASE_TYPE_NAME_MAX;
  const problems: { text: string; target: string }[] = [];
  if (nameInvalid) problems.push({ text: t.nameProblem, target: ids.name });
  if (drafts.length === 0) problems.push({ text: t.noQuestions, target: `${idPrefix}-add` });
  drafts.forEach((draft, index) => {
    if (questionDraftProblems(draft).length > 0) problems.push({ text: t.questionProblem(index + 1), target: questionFieldId(idPrefix, draft.linkId) });
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (problems.length > 0) {
      // Focus the summary: it is read out, and its links lead to each field.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    save.mutate();
  };

  return (
    <section className="card" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`} ref={heading} tabIndex={-1}>
        {existing ? t.editTitle(existing.name) : t.newTitle}
      </h2>
      <form onSubmit={submit} noValidate>
        {showProblems && problems.length > 0 && (
          <div className="alert alert--error" role="alert" tabIndex={-1} ref={summaryRef}>
            <p>{t.summary}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem.target + problem.text}>
                  <a href={`#${problem.target}`}>{problem.text}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className={`field${showProblems && nameInvalid ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.name}>{t.name}</label>
          <span id={ids.nameHint} className="hint">
            {t.nameHint}
          </span>
          <input
            id={ids.name}
            value={name}
            maxLength={CASE_TYPE_NAME_MAX}
            onChange={(event) => setName(event.target.value)}
            aria-describedby={`${ids.nameHint}${showProblems && nameInvalid ? ` ${ids.nameError}` : ''}`}
            aria-invalid={(showProblems && nameInvalid) || undefined}
          />
          {showProblems && nameInvalid && (
            <span id={ids.nameError} className="error-text">
              {t.nameProblem}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.description}>{t.description}</label>
          <textarea id={ids.description} value={description} maxLength={CASE_TYPE_DESCRIPTION_MAX} onChange={(event) => setDescription(event.target.value)} />
        </div>
        {existing && (
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} /> {t.active}
            </label>
          </div>
        )}
        <fieldset className="field" aria-describedby={ids.questionsHint}>
          <legend>{t.questions}</legend>
          <span id={ids.questionsHint} className="hint">
            {t.questionsHint}
          </span>
          <QuestionListEditor questions={drafts} onChange={setDrafts} showProblems={showProblems} idPrefix={idPrefix} />
          {drafts.length < MAX_CASE_TYPE_QUESTIONS && (
            <div>
              <button id={`${idPrefix}-add`} type="button" className="button button--secondary" onClick={() => setDrafts([...drafts, emptyQuestion(drafts)])}>
                {t.add}
              </button>
            </div>
          )}
        </fieldset>
        {existing ? (
          <fieldset className="field">
            <legend>{t.terms}</legend>
            <span className="hint">{t.termsHint}</span>
            <label htmlFor={`${idPrefix}-terms-sv`}>{t.termsSv}</label>
            <textarea id={`${idPrefix}-terms-sv`} className="terms-text" value={terms.sv} onChange={(event) => setTerms({ ...terms, sv: event.target.value })} />
            <label htmlFor={`${idPrefix}-terms-en`}>{t.termsEn}</label>
            <textarea id={`${idPrefix}-terms-en`} className="terms-text" value={terms.en} onChange={(event) => setTerms({ ...terms, en: event.target.value })} />
          </fieldset>
        ) : (
          <p className="muted">{t.termsNew}</p>
        )}
        {save.isError && <PageStatus state="error" error={save.error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {existing ? t.save : t.create}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
