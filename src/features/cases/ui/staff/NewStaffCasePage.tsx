import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../../../web/forms/fields.tsx';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../../../../web/api/client.ts';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { PatientLookupRequest, PatientSummary } from '../../../patient-lookup/contract.ts';
import { MESSAGE_MAX, type CreatedCase, type StaffNewCaseRequest } from '../../contract.ts';
import { formatIdentity, newIdempotencyKey, staffCasesKey } from './shared.tsx';

const SUBJECT_MAX = 120;

const texts = {
  sv: {
    title: 'Skicka nytt ärende',
    intro: 'Starta ett ärende mot en patient som har en vårdrelation med enheten. Patienten kan svara en gång; svaret kommer tillbaka till dig.',
    back: 'Till inkorgen',
    step1: '1. Patient',
    identityNumber: 'Person- eller samordningsnummer',
    hint: '12 siffror, till exempel 19880412-2383',
    find: 'Hämta patient',
    change: 'Byt patient',
    found: 'Patient',
    protected: 'Skyddad identitet',
    protectedNote: 'Patienten har skyddade personuppgifter. Lämna aldrig ut adress eller andra uppgifter som kan avslöja var patienten finns.',
    step2: '2. Meddelande',
    subject: 'Rubrik',
    subjectHint: `Högst ${SUBJECT_MAX} tecken. Visas i patientens lista över ärenden.`,
    body: 'Meddelande',
    bodyHint: `Högst ${MESSAGE_MAX} tecken.`,
    onceNote: 'Patienten kan svara en gång på ärendet.',
    send: 'Skicka ärendet',
    summary: 'Formuläret behöver rättas:',
    noPatient: 'Hämta patienten först.',
    noSubject: 'Skriv en rubrik.',
    noBody: 'Skriv ett meddelande.',
    sent: (n: number) => `Ärende ${n} är skickat till patienten.`,
  },
  en: {
    title: 'Send a new case',
    intro: 'Start a case towards a patient who has a care relation with the unit. The patient may reply once; the reply comes back to you.',
    back: 'Back to the inbox',
    step1: '1. Patient',
    identityNumber: 'Personal identity or coordination number',
    hint: '12 digits, for example 19880412-2383',
    find: 'Find patient',
    change: 'Change patient',
    found: 'Patient',
    protected: 'Protected identity',
    protectedNote: 'The patient has protected personal data. Never disclose an address or anything else that could reveal where the patient is.',
    step2: '2. Message',
    subject: 'Subject',
    subjectHint: `At most ${SUBJECT_MAX} characters. Shown in the patient's list of cases.`,
    body: 'Message',
    bodyHint: `At most ${MESSAGE_MAX} characters.`,
    onceNote: 'The patient may reply once to the case.',
    send: 'Send the case',
    summary: 'The form needs correcting:',
    noPatient: 'Find the patient first.',
    noSubject: 'Write a subject.',
    noBody: 'Write a message.',
    sent: (n: number) => `Case ${n} has been sent to the patient.`,
  },
};

/** C5: staff start a case towards a patient, who may then reply once. */
export default function NewStaffCasePage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ids = { number: useId(), hint: useId(), numberError: useId(), subject: useId(), body: useId() };
  const [identityNumber, setIdentityNumber] = useState('');
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  // One key for this form: a retry or a double click answers the first result and creates nothing new.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const patientHeading = useRef<HTMLHeadingElement>(null);
  const numberInput = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const lookup = useMutation({
    mutationFn: (request: PatientLookupRequest) => api<PatientSummary>('POST', '/api/staff/patients/lookup', request),
    onSuccess: (found) => setPatient(found),
  });
  useEffect(() => {
    if (patient) patientHeading.current?.focus();
  }, [patient]);

  const send = useMutation({
    mutationFn: (request: StaffNewCaseRequest) => api<CreatedCase>('POST', '/api/staff/cases', request, { 'idempotency-key': idempotencyKey }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: staffCasesKey });
      navigate(`/arbetsyta/arenden/${created.id}`, { state: { notice: t.sent(created.number) } });
    },
  });

  const lookupError = lookup.error instanceof ApiError ? lookup.error.message : lookup.error ? String(lookup.error.message) : null;
  const problems: { text: string; target: string }[] = [];
  if (!patient) problems.push({ text: t.noPatient, target: ids.number });
  if (!subject.trim()) problems.push({ text: t.noSubject, target: ids.subject });
  if (!body.trim()) problems.push({ text: t.noBody, target: ids.body });
  const subjectInvalid = showProblems && !subject.trim();
  const bodyInvalid = showProblems && !body.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (problems.length > 0 || !patient) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    send.mutate({ patientId: patient.id, subject: subject.trim(), body: body.trim() });
  };

  return (
    <>
      <p>
        <Link to="/arbetsyta/arenden">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <section className="card" aria-labelledby="new-case-patient">
        <h2 id="new-case-patient">{t.step1}</h2>
        {patient ? (
          <div>
            <h3 ref={patientHeading} tabIndex={-1}>
              {patient.givenName} {patient.familyName} <span className="staff-case__pnr">{formatIdentity(patient.identityNumber)}</span>
              {patient.protectedIdentity && (
                <>
                  {' '}
                  <span className="badge badge--danger">{t.protected}</span>
                </>
              )}
            </h3>
            {patient.protectedIdentity && <p className="alert alert--error">{t.protectedNote}</p>}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setPatient(null);
                lookup.reset();
                setIdempotencyKey(newIdempotencyKey());
                requestAnimationFrame(() => numberInput.current?.focus());
              }}
            >
              {t.change}
            </button>
          </div>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              lookup.mutate({ identityNumber });
            }}
            noValidate
          >
            <div className={`field${lookupError ? ' field--invalid' : ''}`}>
              <label htmlFor={ids.number}>{t.identityNumber}</label>
              <span id={ids.hint} className="hint">
                {t.hint}
              </span>
              <input
                id={ids.number}
                ref={numberInput}
                inputMode="numeric"
                autoComplete="off"
                value={identityNumber}
                onChange={(event) => setIdentityNumber(event.target.value)}
                aria-describedby={`${ids.hint}${lookupError ? ` ${ids.numberError}` : ''}`}
                aria-invalid={lookupError ? true : undefined}
              />
              {lookupError && (
                <span id={ids.numberError} className="error-text" role="alert">
                  {lookupError}
                </span>
              )}
            </div>
            <button type="submit" className="button button--secondary" disabled={lookup.isPending}>
              {t.find}
            </button>
          </form>
        )}
      </section>

      <section className="card" aria-labelledby="new-case-message">
        <h2 id="new-case-message">{t.step2}</h2>
        <form onSubmit={submit} noValidate>
          {showProblems && problems.length > 0 && (
            <div className="alert alert--error" role="alert" tabIndex={-1} ref={summaryRef}>
              <p>{t.summary}</p>
              <ul>
                {problems.map((problem) => (
                  <li key={problem.target}>
                    <a href={`#${problem.target}`}>{problem.text}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <TextField id={ids.subject} kind="text" label={t.subject} hint={t.subjectHint} error={subjectInvalid ? t.noSubject : undefined} value={subject} onChange={setSubject} max={SUBJECT_MAX} hardLimit />
          <TextField
            id={ids.body}
            kind="textarea"
            className="staff-composer__body"
            label={t.body}
            hint={t.bodyHint}
            error={bodyInvalid ? t.noBody : undefined}
            value={body}
            onChange={setBody}
            max={MESSAGE_MAX}
            hardLimit
          />
          <p className="alert">{t.onceNote}</p>
          {send.isError && (
            <p role="alert" className="alert alert--error">
              {send.error.message}
            </p>
          )}
          <button type="submit" className="button" disabled={send.isPending}>
            {t.send}
          </button>
        </form>
      </section>
    </>
  );
}
