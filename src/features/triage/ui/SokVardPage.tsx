import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { AppLayout } from '../../../web/layout/AppLayout.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { TRIAGE_DRAFT_KEY, type Step, type TriageSummary } from '../contract.ts';
import './triage.css';

/**
 * "Sök vård" (G1–G5): anyone, logged in or not, describes the problem, answers one question
 * at a time (every question has "Vet inte"), and gets an urgency with advice, the reasons, where
 * to go now — and always the phone numbers to reach a person. The summary is kept in this tab
 * (sessionStorage) so a case sent from here can carry it.
 */

const texts = {
  sv: {
    title: 'Sök vård',
    lead: 'Svara på några frågor om dina besvär, så får du råd om hur bråttom det är och vart du kan vända dig. Du behöver inte logga in.',
    emergency: 'Vid livshotande tillstånd, ring 112 direkt. För sjukvårdsrådgivning dygnet runt, ring 1177.',
    complaint: 'Vad söker du för?',
    choose: 'Välj besvär',
    age: 'Ålder i år',
    ageHint: 'För barn under 1 år: skriv till exempel 0,5 för ett halvår.',
    sex: 'Kön',
    female: 'Kvinna',
    male: 'Man',
    other: 'Annat eller vill inte ange',
    forSomeone: 'Jag svarar för någon annan (till exempel mitt barn)',
    start: 'Börja',
    next: 'Nästa',
    dontKnow: 'Vet inte',
    yes: 'Ja',
    no: 'Nej',
    question: (n: number) => `Fråga ${n}`,
    progressNote: 'Antalet frågor beror på dina svar.',
    restart: 'Börja om',
    why: 'Därför blev det så här',
    advice: 'Råd',
    where: 'Vart du kan vända dig',
    openUnits: 'Öppet nu',
    noUnits: 'Ingen mottagning av den typen är öppen just nu.',
    call: (n: string) => `Ring ${n}`,
    reachPerson: 'Prata med en människa',
    sendCase: 'Skicka ett ärende med bedömningen',
    book: 'Boka tid',
    chat: 'Starta chatt',
    unitPage: 'Om mottagningen',
    closes: (time: string) => `Stänger ${time}`,
    away: (km: number) => `${String(km).replace('.', ',')} km bort`,
    error: 'Något gick fel. Försök igen, eller ring 1177.',
    pickOne: 'Välj ett svar.',
    enterNumber: 'Skriv ett tal, eller välj Vet inte.',
  },
  en: {
    title: 'Seek care',
    lead: 'Answer a few questions about your symptoms and get advice on how urgent it is and where to turn. No login needed.',
    emergency: 'In a life-threatening emergency, call 112 at once. For medical advice day and night, call 1177.',
    complaint: 'What is the problem?',
    choose: 'Choose a problem',
    age: 'Age in years',
    ageHint: 'For a child under 1: write for example 0.5 for six months.',
    sex: 'Sex',
    female: 'Female',
    male: 'Male',
    other: 'Other or prefer not to say',
    forSomeone: 'I am answering for someone else (for example my child)',
    start: 'Start',
    next: 'Next',
    dontKnow: "Don't know",
    yes: 'Yes',
    no: 'No',
    question: (n: number) => `Question ${n}`,
    progressNote: 'The number of questions depends on your answers.',
    restart: 'Start again',
    why: 'Why',
    advice: 'Advice',
    where: 'Where to turn',
    openUnits: 'Open now',
    noUnits: 'No clinic of this kind is open right now.',
    call: (n: string) => `Call ${n}`,
    reachPerson: 'Talk to a person',
    sendCase: 'Send a message with the assessment',
    book: 'Book a time',
    chat: 'Start a chat',
    unitPage: 'About the clinic',
    closes: (time: string) => `Closes ${time}`,
    away: (km: number) => `${km} km away`,
    error: 'Something went wrong. Try again, or call 1177.',
    pickOne: 'Choose an answer.',
    enterNumber: 'Enter a number, or choose Don’t know.',
  },
};

type Complaint = { id: string; code: { system: string; code: string }; display: string };
type QuestionStep = Extract<Step, { kind: 'question' }>;
type OutcomeStep = Extract<Step, { kind: 'outcome' }>;

export default function SokVardPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  usePageTitle(t.title);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [history, setHistory] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const complaints = useQuery({
    queryKey: ['triage-complaints', language],
    queryFn: () => api<{ complaints: Complaint[] }>('GET', `/api/triage/complaints?lang=${language}`),
  });

  useEffect(() => {
    if (step) headingRef.current?.focus();
  }, [step]);

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t.error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function start(body: { complaint: string; ageYears: number; sex: string; forSomeoneElse: boolean }) {
    const created = await run(() => api<{ sessionId: string; step: Step }>('POST', '/api/triage/sessions', { ...body, lang: language }));
    if (created) {
      setSessionId(created.sessionId);
      setHistory([]);
      setStep(created.step);
    }
  }

  async function answer(questionId: string, value: unknown, changing = false) {
    if (!sessionId) return;
    const result = await run(() => api<{ step: Step }>('POST', `/api/triage/sessions/${sessionId}/answers`, { questionId, answer: value }));
    if (!result) return;
    setHistory((previous) => (changing ? previous.slice(0, previous.indexOf(questionId)) : [...previous, questionId]));
    setStep(result.step);
    if (result.step.kind === 'outcome') {
      const summary = await api<TriageSummary>('GET', `/api/triage/sessions/${sessionId}/summary?lang=${language}`).catch(() => null);
      if (summary) sessionStorage.setItem(TRIAGE_DRAFT_KEY, JSON.stringify(summary));
    }
  }

  function restart() {
    setSessionId(null);
    setStep(null);
    setHistory([]);
    setError(null);
  }

  return (
    <AppLayout>
      <h1>{t.title}</h1>
      <div className="alert" role="note">
        {t.emergency}
      </div>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {!step && <StartForm complaints={complaints.data?.complaints ?? []} busy={busy} onStart={start} />}
      {step?.kind === 'question' && (
        <QuestionForm
          key={step.question.id}
          step={step}
          number={history.length + 1}
          busy={busy}
          headingRef={headingRef}
          onAnswer={(value) => answer(step.question.id, value)}
        />
      )}
      {step?.kind === 'outcome' && <Outcome step={step} headingRef={headingRef} />}
      {step && (
        <p className="triage-actions">
          <button type="button" className="button button--secondary" onClick={restart}>
            {t.restart}
          </button>
        </p>
      )}
    </AppLayout>
  );
}

function StartForm({ complaints, busy, onStart }: { complaints: Complaint[]; busy: boolean; onStart: (body: { complaint: string; ageYears: number; sex: string; forSomeoneElse: boolean }) => void }) {
  const t = useTexts(texts);
  const id = useId();
  const [complaint, setComplaint] = useState('');
  const [age, setAge] = useState('');
  const [sex, setSex] = useState('');
  const [forSomeoneElse, setForSomeoneElse] = useState(false);
  const ageYears = Number(age.replace(',', '.'));
  const valid = complaint !== '' && age.trim() !== '' && Number.isFinite(ageYears) && ageYears >= 0 && ageYears <= 130 && sex !== '';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (valid) onStart({ complaint, ageYears, sex, forSomeoneElse });
  }
  return (
    <form className="triage-form" onSubmit={submit}>
      <p className="lead">{t.lead}</p>
      <div>
        <label htmlFor={`${id}-complaint`}>{t.complaint}</label>
        <br />
        <select id={`${id}-complaint`} value={complaint} onChange={(event) => setComplaint(event.target.value)} required>
          <option value="">{t.choose}</option>
          {complaints.map((item) => (
            <option key={item.id} value={item.id}>
              {item.display}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-age`}>{t.age}</label>
        <p id={`${id}-age-hint`}>{t.ageHint}</p>
        <input id={`${id}-age`} type="text" inputMode="decimal" aria-describedby={`${id}-age-hint`} value={age} onChange={(event) => setAge(event.target.value)} required />
      </div>
      <fieldset className="triage-options">
        <legend>{t.sex}</legend>
        {(['female', 'male', 'other'] as const).map((value) => (
          <label key={value} className="triage-option">
            <input type="radio" name={`${id}-sex`} value={value} checked={sex === value} onChange={() => setSex(value)} required />
            {t[value]}
          </label>
        ))}
      </fieldset>
      <label className="triage-option">
        <input type="checkbox" checked={forSomeoneElse} onChange={(event) => setForSomeoneElse(event.target.checked)} />
        {t.forSomeone}
      </label>
      <p>
        <button type="submit" className="button" disabled={busy || !valid}>
          {t.start}
        </button>
      </p>
    </form>
  );
}

function QuestionForm({
  step,
  number,
  busy,
  headingRef,
  onAnswer,
}: {
  step: QuestionStep;
  number: number;
  busy: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onAnswer: (value: unknown) => void;
}) {
  const t = useTexts(texts);
  const id = useId();
  const question = step.question;
  const [chosen, setChosen] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (question.type === 'number') {
      const parsed = Number(value.replace(',', '.'));
      if (value.trim() === '' || !Number.isFinite(parsed)) return setProblem(t.enterNumber);
      return onAnswer(parsed);
    }
    if (question.type === 'choice') {
      if (question.multiple) return onAnswer(chosen.length > 0 ? chosen : ['none']);
      if (chosen.length !== 1) return setProblem(t.pickOne);
      return onAnswer(chosen[0]);
    }
  }
  const toggle = (optionId: string) => {
    if (!question.multiple) return setChosen([optionId]);
    if (optionId === 'none') return setChosen(chosen.includes('none') ? [] : ['none']);
    setChosen((previous) => (previous.includes(optionId) ? previous.filter((item) => item !== optionId) : [...previous.filter((item) => item !== 'none'), optionId]));
  };
  return (
    <form className="triage-form" onSubmit={submit} aria-describedby={problem ? `${id}-problem` : undefined}>
      <p className="triage-progress">
        {t.question(number)}. {t.progressNote}
      </p>
      <h2 ref={headingRef} tabIndex={-1} id={`${id}-q`}>
        {question.text}
      </h2>
      {question.type === 'boolean' && (
        <div className="triage-actions">
          <button type="button" className="button" disabled={busy} onClick={() => onAnswer(true)}>
            {t.yes}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => onAnswer(false)}>
            {t.no}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => onAnswer(null)}>
            {t.dontKnow}
          </button>
        </div>
      )}
      {question.type === 'choice' && (
        <fieldset className="triage-options" aria-labelledby={`${id}-q`}>
          {question.options!.map((option) => (
            <label key={option.id} className="triage-option">
              <input type={question.multiple ? 'checkbox' : 'radio'} name={`${id}-option`} checked={chosen.includes(option.id)} onChange={() => toggle(option.id)} />
              {option.text}
            </label>
          ))}
        </fieldset>
      )}
      {question.type === 'number' && (
        <div>
          <label htmlFor={`${id}-value`}>{question.text}</label>
          <br />
          <input id={`${id}-value`} type="text" inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} />
        </div>
      )}
      {problem && (
        <p id={`${id}-problem`} className="alert alert--error" role="alert">
          {problem}
        </p>
      )}
      {question.type !== 'boolean' && (
        <div className="triage-actions">
          <button type="submit" className="button" disabled={busy}>
            {t.next}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => onAnswer(null)}>
            {t.dontKnow}
          </button>
        </div>
      )}
    </form>
  );
}

function Outcome({ step, headingRef }: { step: OutcomeStep; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const outcome = step.outcome;
  const routing = outcome.routing;
  const time = (iso: string) => new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return (
    <section className={`triage-outcome triage-outcome--${outcome.urgency}`} aria-labelledby="triage-outcome-title">
      <h2 id="triage-outcome-title" ref={headingRef} tabIndex={-1}>
        {outcome.title}
      </h2>
      {routing.phone && (
        <p>
          <a className="button triage-phone" href={`tel:${routing.phone}`}>
            {t.call(routing.phone)}
          </a>
        </p>
      )}
      <h3>{t.advice}</h3>
      <ul>
        {outcome.advice.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>{t.why}</h3>
      <ul>
        {outcome.reasons.map((reason) => (
          <li key={reason.text}>{reason.text}</li>
        ))}
      </ul>
      <h3>{t.where}</h3>
      <p>{routing.label}</p>
      {!routing.phone && routing.units.length === 0 && <p>{t.noUnits}</p>}
      {routing.units.length > 0 && (
        <ul className="triage-units" aria-label={t.openUnits}>
          {routing.units.map((unit) => (
            <li key={unit.id} className="card">
              <h4>{unit.name}</h4>
              <p>
                {unit.address}
                {unit.distanceKm !== null && <> · {t.away(unit.distanceKm)}</>}
                {unit.closesAt && <> · {t.closes(time(unit.closesAt))}</>}
              </p>
              <p>
                <a href={`tel:${unit.phone.replace(/[^\d+]/g, '')}`}>{unit.phone}</a>
              </p>
              <p className="triage-actions">
                <Link className="button" to={`/start/kontakt/${unit.id}/kontakta_mig`}>
                  {t.sendCase}
                </Link>
                {/* The unit's visit types (D3); where it has no web booking the page offers Beställ tid instead. */}
                <Link className="button button--secondary" to={`/start/tider/boka/${unit.id}`}>
                  {t.book}
                </Link>
                {/* The chat page itself says when the unit has no chat open and offers the other ways. */}
                <Link className="button button--secondary" to={`/start/kontakt/${unit.id}/chatt`}>
                  {t.chat}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3>{t.reachPerson}</h3>
      <ul>
        {routing.reachAPerson.map((way) => (
          <li key={way.phone}>
            <a href={`tel:${way.phone}`}>{way.text}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
