import { TRIAGE_DRAFT_KEY, type TriageSummary } from '../../../triage/contract.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import type { CreatedCase, NewCaseRequest, SendableCaseType } from '../../contract.ts';
import { caseListKey, newIdempotencyKey } from './api.ts';
import { AttachmentPicker, useAttachments } from './AttachmentPicker.tsx';
import { caseWords, fieldWords } from './case-words.ts';
import { CheckboxGroup, errorId, focusField, RadioGroup, SelectField, TextField } from '../../../../web/forms/fields.tsx';
import {
  ANSWER_TEXT_MAX,
  buildForm,
  fieldsOf,
  isShown,
  isStandardType,
  questionTarget,
  validate,
  type AnswerDrafts,
  type InputFieldDef,
  type Problem,
  type Question,
  type Values,
} from './form-model.ts';
import { TermsText } from './TermsText.tsx';

/**
 * The form of one case type at one unit (C1, seed 002): its fields or questions,
 * attachments, the terms in full with a required acceptance, and Skicka. One
 * Idempotency-Key per form, and the button is off while sending, so a double click never
 * makes two cases. If the unit changed its terms meanwhile (409), the new terms are shown
 * and must be accepted again.
 */

const texts = {
  sv: {
    to: (unit: string) => `Till ${unit}`,
    wish: 'Det här är ett önskemål om tid, inte en bokning. Mottagningen kontaktar dig med ett förslag på tid.',
    acknowledgeOnly: 'Mottagningen bekräftar bara att meddelandet har kommit fram; du får inget svar på innehållet. Vill du ha svar eller bli kontaktad, välj en annan ärendetyp, till exempel Kontakta mig.',
    triageFound: (complaint: string) => `Du har gjort en bedömning i Sök vård (${complaint}).`,
    triageAttach: 'Bifoga bedömningen till ärendet, så ser mottagningen dina svar',
    forOther: (name: string) => `Du skickar ärendet för ${name}.`,
    sendsTo: (unit: string) => `Ärendet skickas till ${unit}.`,
    sendsToFor: (unit: string, name: string) => `Ärendet skickas till ${unit} för ${name}.`,
    optional: '(frivilligt)',
    terms: 'Villkor',
    termsRegion: 'Villkorstext',
    termsChanged: 'Mottagningen har ändrat villkoren sedan du öppnade formuläret. Läs de nya villkoren och godkänn dem igen innan du skickar.',
    accept: 'Jag har läst och godkänner villkoren',
    send: 'Skicka',
    sending: 'Skickar …',
    cancel: 'Avbryt',
    summary: 'Innan du kan skicka behöver du rätta det här:',
    problems: {
      required: 'Du behöver fylla i det här.',
      choose: 'Välj ett av alternativen.',
      tooLong: (max: number, length: number) => `Högst ${max} tecken – du har skrivit ${length}.`,
      phone: 'Skriv ett telefonnummer med siffror, till exempel 070-123 45 67.',
      number: 'Skriv ett tal, till exempel 2 eller 1,5.',
      date: 'Välj ett datum.',
      terms: 'Du behöver godkänna villkoren för att kunna skicka.',
      uploading: 'Vänta tills filerna har laddats upp.',
    },
    emergency: 'Tjänsten är inte till för akuta besvär. Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
  },
  en: {
    to: (unit: string) => `To ${unit}`,
    wish: 'This is a request for an appointment, not a booking. The clinic will contact you with a proposed time.',
    acknowledgeOnly: 'The clinic only confirms that the message has arrived; you will not get an answer to its content. If you want an answer or to be contacted, choose another case type, for example Contact me.',
    triageFound: (complaint: string) => `You have made a Sök vård assessment (${complaint}).`,
    triageAttach: 'Attach the assessment to the case, so the clinic sees your answers',
    forOther: (name: string) => `You are sending the case for ${name}.`,
    sendsTo: (unit: string) => `The case is sent to ${unit}.`,
    sendsToFor: (unit: string, name: string) => `The case is sent to ${unit} for ${name}.`,
    optional: '(optional)',
    terms: 'Terms',
    termsRegion: 'Terms text',
    termsChanged: 'The clinic has changed its terms since you opened the form. Read the new terms and accept them again before sending.',
    accept: 'I have read and accept the terms',
    send: 'Send',
    sending: 'Sending …',
    cancel: 'Cancel',
    summary: 'Before you can send, please correct this:',
    problems: {
      required: 'Please fill this in.',
      choose: 'Choose one of the options.',
      tooLong: (max: number, length: number) => `At most ${max} characters – you have written ${length}.`,
      phone: 'Write a phone number in digits, for example 070-123 45 67.',
      number: 'Write a number, for example 2 or 1.5.',
      date: 'Choose a date.',
      terms: 'You need to accept the terms to send.',
      uploading: 'Wait until the files have been uploaded.',
    },
    emergency: 'The service is not for urgent problems. In a life-threatening emergency, call 112. For health care advice, call 1177.',
  },
};

const fieldId = (name: string) => `case-${name}`;
const TERMS_ID = 'case-accept-terms';
const ATTACHMENTS_ID = 'case-attachments';

export function NewCaseForm({ session, unit, caseType, reloadCaseType }: { session: SignedIn; unit: { id: string; name: string }; caseType: SendableCaseType; reloadCaseType: () => Promise<unknown> }) {
  const t = useTexts(texts);
  const words = useTexts(caseWords);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const subject = session.citizen!.subject;
  const forOther = subject.basis !== 'self';

  const [values, setValues] = useState<Values>({});
  const [answers, setAnswers] = useState<AnswerDrafts>({});
  const [accepted, setAccepted] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [termsChanged, setTermsChanged] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  // G5: an assessment just made in Sök vård, kept in this tab, goes with the case if the patient wants.
  const [triage] = useState(readTriageDraft);
  const [attachTriage, setAttachTriage] = useState(true);
  const attachments = useAttachments();
  const summaryRef = useRef<HTMLDivElement>(null);
  const termsHeading = useRef<HTMLHeadingElement>(null);
  const sendingRef = useRef(false);

  const type = caseType.type;
  const questions: Question[] = caseType.questions;
  const standard = isStandardType(type) ? type : null;

  const send = useMutation({
    mutationFn: (body: NewCaseRequest) => api<CreatedCase>('POST', '/api/patient/cases', body, { 'idempotency-key': idempotencyKey }),
    onSuccess: async (created) => {
      if (triage && attachTriage) sessionStorage.removeItem(TRIAGE_DRAFT_KEY);
      await queryClient.invalidateQueries({ queryKey: caseListKey });
      navigate(`/start/arenden/${created.id}`, { state: { sent: true } });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'terms_changed') {
        setAccepted(false);
        setShowProblems(false);
        setTermsChanged(true);
        await reloadCaseType();
        termsHeading.current?.focus();
      }
    },
    onSettled: () => {
      sendingRef.current = false;
    },
  });

  // The terms the patient accepts are the ones on screen: a new version unticks the box.
  const termsVersionId = caseType.terms.versionId;
  const shownTerms = useRef(termsVersionId);
  useEffect(() => {
    if (shownTerms.current !== termsVersionId) {
      shownTerms.current = termsVersionId;
      setAccepted(false);
    }
  }, [termsVersionId]);

  const problems: Problem[] = validate(type, values, questions, answers, caseType.certificates);
  if (!accepted) problems.push({ target: TERMS_ID, problem: 'required' });
  if (attachments.uploading) problems.push({ target: ATTACHMENTS_ID, problem: 'required' });

  const labelOf = (target: string): string => {
    if (target === TERMS_ID) return t.accept;
    if (target === ATTACHMENTS_ID) return '';
    const question = questions.find((candidate) => questionTarget(candidate.linkId) === target);
    if (question) return question.text;
    return standard ? fieldWords(words, standard, target).label : target;
  };
  const messageOf = (problem: Problem): string => {
    if (problem.target === TERMS_ID) return t.problems.terms;
    if (problem.target === ATTACHMENTS_ID) return t.problems.uploading;
    switch (problem.problem) {
      case 'too_long':
        return t.problems.tooLong(problem.max, problem.length);
      case 'required':
        return t.problems.required;
      case 'choose':
        return t.problems.choose;
      case 'phone':
        return t.problems.phone;
      case 'number':
        return t.problems.number;
      case 'date':
        return t.problems.date;
    }
  };
  const errorFor = (target: string): string | undefined => {
    if (!showProblems) return undefined;
    const problem = problems.find((candidate) => candidate.target === target);
    return problem ? messageOf(problem) : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sendingRef.current || send.isPending) return;
    setShowProblems(true);
    if (problems.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    sendingRef.current = true;
    send.mutate({
      unitId: unit.id,
      termsVersionId: caseType.terms.versionId,
      acceptedTerms: true,
      form: buildForm(type, caseType.caseTypeId, values, questions, answers),
      attachmentIds: attachments.ids,
      ...(triage && attachTriage ? { triageSessionId: triage.sessionId } : {}),
    });
  };

  const setValue = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));
  const setAnswer = (linkId: string, value: string | string[]) => setAnswers((current) => ({ ...current, [linkId]: value }));

  const renderField = (field: InputFieldDef): ReactNode => {
    if (!standard) return null;
    const w = fieldWords(words, standard, field.name);
    const id = fieldId(field.name);
    const error = errorFor(field.name);
    const value = values[field.name] ?? '';
    switch (field.kind) {
      case 'radio':
        return (
          <RadioGroup
            key={field.name}
            id={id}
            legend={w.label}
            hint={w.hint}
            error={error}
            value={value}
            onChange={(next) => setValue(field.name, next)}
            options={field.options.map((option) => ({ value: option, label: w.options?.[option] ?? option }))}
          />
        );
      case 'select':
        // Without a list the unit takes any certificate by name: the patient writes it.
        if (caseType.certificates.length === 0) {
          return <TextField key={field.name} id={id} kind="text" label={w.label} hint={w.hint} error={error} value={value} max={field.max} onChange={(next) => setValue(field.name, next)} />;
        }
        return (
          <SelectField
            key={field.name}
            id={id}
            label={w.label}
            hint={w.hint}
            error={error}
            value={value}
            onChange={(next) => setValue(field.name, next)}
            options={caseType.certificates.map((certificate) => ({ value: certificate, label: certificate }))}
          />
        );
      default:
        return (
          <TextField
            key={field.name}
            id={id}
            kind={field.kind}
            label={w.label}
            hint={w.hint}
            error={error}
            value={value}
            max={field.max}
            counter={field.kind === 'textarea'}
            rows={field.max >= 1000 ? 6 : 3}
            autoComplete={field.kind === 'tel' ? 'tel' : 'off'}
            inputMode={field.kind === 'tel' ? 'tel' : undefined}
            onChange={(next) => setValue(field.name, next)}
          />
        );
    }
  };

  const renderQuestion = (question: Question): ReactNode => {
    const target = questionTarget(question.linkId);
    const id = fieldId(target);
    const label = question.required ? question.text : `${question.text} ${t.optional}`;
    const error = errorFor(target);
    const draft = answers[question.linkId];
    const text = typeof draft === 'string' ? draft : '';
    const options = (question.options ?? []).map((option) => ({ value: option, label: option }));
    switch (question.type) {
      case 'boolean':
        return (
          <RadioGroup
            key={target}
            id={id}
            legend={label}
            error={error}
            value={text}
            onChange={(next) => setAnswer(question.linkId, next)}
            options={[
              { value: 'true', label: words.yes },
              { value: 'false', label: words.no },
            ]}
          />
        );
      case 'choice':
        return <RadioGroup key={target} id={id} legend={label} error={error} value={text} onChange={(next) => setAnswer(question.linkId, next)} options={options} />;
      case 'multiple_choice':
        return <CheckboxGroup key={target} id={id} legend={label} error={error} value={Array.isArray(draft) ? draft : []} onChange={(next) => setAnswer(question.linkId, next)} options={options} />;
      case 'date':
        return <TextField key={target} id={id} kind="date" label={label} error={error} value={text} onChange={(next) => setAnswer(question.linkId, next)} />;
      case 'number':
        return <TextField key={target} id={id} kind="text" inputMode="decimal" label={label} error={error} value={text} onChange={(next) => setAnswer(question.linkId, next)} />;
      case 'text':
        return <TextField key={target} id={id} kind="textarea" rows={3} counter max={ANSWER_TEXT_MAX} label={label} error={error} value={text} onChange={(next) => setAnswer(question.linkId, next)} />;
    }
  };

  const serverError = send.isError && !(send.error instanceof ApiError && send.error.code === 'terms_changed') ? send.error : null;
  const sending = send.isPending || send.isSuccess;

  return (
    <>
      <p className="lead">{t.to(unit.name)}</p>
      <p>{caseType.description[language]}</p>
      {type === 'bestall_tid' && (
        <p className="alert" role="note">
          <strong>{t.wish}</strong>
        </p>
      )}
      {caseType.acknowledgeOnly && (
        <p className="alert" role="note">
          {t.acknowledgeOnly}
        </p>
      )}
      {forOther && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}
      {triage && (
        <div className="alert" role="note">
          <p>{t.triageFound(triage.complaint.display)}</p>
          <label className="checkbox">
            <input type="checkbox" checked={attachTriage} onChange={(event) => setAttachTriage(event.target.checked)} />
            <span>{t.triageAttach}</span>
          </label>
        </div>
      )}

      <form className="case-form" onSubmit={submit} noValidate>
        {showProblems && problems.length > 0 && (
          <div className="alert alert--error" role="alert" tabIndex={-1} ref={summaryRef}>
            <p>{t.summary}</p>
            <ul>
              {problems.map((problem) => {
                const label = labelOf(problem.target);
                const target = problem.target === TERMS_ID || problem.target === ATTACHMENTS_ID ? problem.target : fieldId(problem.target);
                return (
                  <li key={problem.target}>
                    <a
                      href={`#${target}`}
                      onClick={(event) => {
                        event.preventDefault();
                        focusField(target);
                      }}
                    >
                      {label && problem.target !== TERMS_ID ? `${label} – ${messageOf(problem)}` : messageOf(problem)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        )}

        {fieldsOf(type).map((field) =>
          field.kind === 'questions' ? questions.map(renderQuestion) : isShown(field, values) ? renderField(field) : null,
        )}

        <AttachmentPicker id={ATTACHMENTS_ID} attachments={attachments} disabled={sending} />

        <section className="case-terms" aria-labelledby="case-terms-heading">
          <h2 id="case-terms-heading" ref={termsHeading} tabIndex={-1}>
            {t.terms}
          </h2>
          {termsChanged && (
            <p className="alert alert--warning" role="alert">
              {t.termsChanged}
            </p>
          )}
          <div className="case-terms__text" role="region" aria-label={t.termsRegion} tabIndex={0}>
            <TermsText text={caseType.terms[language]} />
          </div>
          <div className={`field${errorFor(TERMS_ID) ? ' field--invalid' : ''}`}>
            <label className="checkbox case-terms__accept" htmlFor={TERMS_ID}>
              <input
                id={TERMS_ID}
                type="checkbox"
                checked={accepted}
                aria-invalid={errorFor(TERMS_ID) ? true : undefined}
                aria-describedby={errorFor(TERMS_ID) ? errorId(TERMS_ID) : undefined}
                onChange={(event) => setAccepted(event.target.checked)}
              />
              {t.accept}
            </label>
            {errorFor(TERMS_ID) && (
              <span id={errorId(TERMS_ID)} className="error-text">
                {errorFor(TERMS_ID)}
              </span>
            )}
          </div>
        </section>

        <p className="case-form__recipient">{forOther ? t.sendsToFor(unit.name, subject.displayName) : t.sendsTo(unit.name)}</p>
        {serverError && (
          <div role="alert" className="alert alert--error">
            {serverError.message}
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={sending} aria-disabled={sending || undefined}>
            {send.isPending ? t.sending : t.send}
          </button>
          <Link to={`/start/kontakt/${unit.id}`} className="button button--secondary">
            {t.cancel}
          </Link>
        </div>
        <p role="status" className="visually-hidden">
          {send.isPending ? t.sending : ''}
        </p>
      </form>
      <p className="muted">{t.emergency}</p>
    </>
  );
}

/** The Sök vård assessment kept in this tab, if any (see triage/ui/SokVardPage.tsx). */
function readTriageDraft(): TriageSummary | null {
  try {
    const raw = sessionStorage.getItem(TRIAGE_DRAFT_KEY);
    return raw ? (JSON.parse(raw) as TriageSummary) : null;
  } catch {
    return null;
  }
}
