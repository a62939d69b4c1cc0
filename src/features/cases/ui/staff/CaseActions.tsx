import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { professionLabel } from '../../../../lib/professions.ts';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { UnitSummary } from '../../../care-units/contract.ts';
import { closeOutcomes, contactMethods, type colleaguesSchema, type StaffCase } from '../../contract.ts';
import { colleaguesKey, contactMethodLabels, outcomeLabels } from './shared.tsx';

type Colleagues = z.infer<typeof colleaguesSchema>;
type Updated = (updated: StaffCase, message: string) => void;

const texts = {
  sv: {
    assignMe: 'Tilldela mig',
    assignTo: 'Tilldela kollega',
    choose: 'Välj kollega',
    assign: 'Tilldela',
    assigned: (name: string) => `Ärendet är tilldelat ${name}.`,
    assignedMe: 'Ärendet är tilldelat dig.',
    acknowledgeTitle: 'Kvittera meddelandet',
    acknowledgeBody: 'Ett meddelande besvaras inte. När du kvitterar får patienten besked om att meddelandet är mottaget, och ärendet avslutas.',
    acknowledge: 'Kvittera',
    acknowledged: 'Meddelandet är kvitterat och ärendet avslutat.',
    contactTitle: 'Registrera kontakt',
    contactBody: 'Patienten vill bli kontaktad. Registrera hur ni tog kontakt; ärendet avslutas då.',
    method: 'Kontaktsätt',
    note: 'Anteckning',
    optional: '(frivillig)',
    contact: 'Registrera kontakt',
    contacted: 'Kontakten är registrerad och ärendet avslutat.',
    more: 'Fler åtgärder',
    forwardTitle: 'Vidarebefordra till annan enhet',
    forwardBody: 'Om ärendet hör till en annan enhet. Svarstiden räknas fortfarande från när ärendet kom in.',
    unitSearch: 'Sök enhet',
    unitSearchHint: 'Namn, ort eller typ av mottagning.',
    search: 'Sök',
    units: 'Enheter',
    noUnits: 'Inga enheter hittades.',
    forwardNote: 'Meddelande till den andra enheten',
    forwardNoteHint: 'Obligatoriskt. Varför ärendet skickas vidare.',
    chooseUnit: 'Välj en enhet.',
    writeNote: 'Skriv ett meddelande till den andra enheten.',
    forward: 'Vidarebefordra',
    confirmForward: (n: number, unit: string) => `Vidarebefordra ärende ${n} till ${unit}?`,
    confirmForwardBody: 'Ärendet försvinner då ur er inkorg. Den andra enheten ser hela ärendet och ert meddelande.',
    yesForward: 'Ja, vidarebefordra',
    cancel: 'Avbryt',
    forwarded: (n: number, unit: string) => `Ärende ${n} är vidarebefordrat till ${unit}.`,
    closeTitle: 'Avsluta ärendet',
    closeBody: 'Avsluta utan att skicka ett slutsvar, till exempel när ärendet är löst på annat sätt.',
    outcome: 'Utfall',
    chooseOutcome: 'Välj utfall',
    outcomeMissing: 'Välj ett utfall.',
    close: 'Avsluta ärendet',
    closed: 'Ärendet är avslutat.',
  },
  en: {
    assignMe: 'Assign to me',
    assignTo: 'Assign to a colleague',
    choose: 'Choose a colleague',
    assign: 'Assign',
    assigned: (name: string) => `The case is assigned to ${name}.`,
    assignedMe: 'The case is assigned to you.',
    acknowledgeTitle: 'Acknowledge the message',
    acknowledgeBody: 'A message is not answered. When you acknowledge it the patient is told it has been received, and the case is closed.',
    acknowledge: 'Acknowledge',
    acknowledged: 'The message is acknowledged and the case closed.',
    contactTitle: 'Record contact',
    contactBody: 'The patient wants to be contacted. Record how you made contact; the case is then closed.',
    method: 'Contact by',
    note: 'Note',
    optional: '(optional)',
    contact: 'Record contact',
    contacted: 'The contact is recorded and the case closed.',
    more: 'More actions',
    forwardTitle: 'Forward to another unit',
    forwardBody: 'When the case belongs to another unit. The answer time still counts from when the case arrived.',
    unitSearch: 'Search units',
    unitSearchHint: 'Name, place or kind of clinic.',
    search: 'Search',
    units: 'Units',
    noUnits: 'No units found.',
    forwardNote: 'Message to the other unit',
    forwardNoteHint: 'Required. Why the case is passed on.',
    chooseUnit: 'Choose a unit.',
    writeNote: 'Write a message to the other unit.',
    forward: 'Forward',
    confirmForward: (n: number, unit: string) => `Forward case ${n} to ${unit}?`,
    confirmForwardBody: 'The case then leaves your inbox. The other unit sees the whole case and your message.',
    yesForward: 'Yes, forward',
    cancel: 'Cancel',
    forwarded: (n: number, unit: string) => `Case ${n} has been forwarded to ${unit}.`,
    closeTitle: 'Close the case',
    closeBody: 'Close without sending a final answer, for example when the matter was settled another way.',
    outcome: 'Outcome',
    chooseOutcome: 'Choose an outcome',
    outcomeMissing: 'Choose an outcome.',
    close: 'Close the case',
    closed: 'The case is closed.',
  },
};

/** Assigning: to oneself with one click, or to a colleague at the unit. */
export function AssignControls({ staffCase, myName, onUpdated }: { staffCase: StaffCase; myName: string; onUpdated: Updated }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const id = useId();
  const [colleagueId, setColleagueId] = useState('');
  const colleagues = useQuery({ queryKey: colleaguesKey, queryFn: () => api<Colleagues>('GET', '/api/staff/cases/colleagues'), staleTime: 5 * 60_000 });
  const me = colleagues.data?.colleagues.find((colleague) => colleague.isMe);
  const assign = useMutation({
    mutationFn: (staffId: string) => api<StaffCase>('POST', `/api/staff/cases/${staffCase.id}/assign`, { staffId }),
    onSuccess: (updated, staffId) => {
      setColleagueId('');
      const name = colleagues.data?.colleagues.find((colleague) => colleague.id === staffId)?.name ?? '';
      onUpdated(updated, staffId === me?.id ? t.assignedMe : t.assigned(name));
    },
  });
  const others = colleagues.data?.colleagues.filter((colleague) => colleague.id !== staffCase.assignedTo?.id) ?? [];
  return (
    <div className="staff-case__assign">
      {me && staffCase.assignedTo?.id !== me.id && (
        <button type="button" className="button" disabled={assign.isPending} onClick={() => assign.mutate(me.id)}>
          {t.assignMe}
        </button>
      )}
      <form
        className="staff-case__assign"
        onSubmit={(event) => {
          event.preventDefault();
          if (colleagueId) assign.mutate(colleagueId);
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t.assignTo}</label>
          <select id={id} value={colleagueId} onChange={(event) => setColleagueId(event.target.value)}>
            <option value="">{t.choose}</option>
            {others.map((colleague) => (
              <option key={colleague.id} value={colleague.id}>
                {colleague.name}, {professionLabel(colleague.profession, language).toLocaleLowerCase(language === 'sv' ? 'sv-SE' : 'en-GB')}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary" disabled={!colleagueId || assign.isPending}>
          {t.assign}
        </button>
      </form>
      {assign.isError && (
        <p role="alert" className="error-text">
          {assign.error.message}
        </p>
      )}
    </div>
  );
}

/** Skicka meddelande: acknowledged with one click, never answered (seed 002). */
export function AcknowledgeCard({ staffCase, onUpdated }: { staffCase: StaffCase; onUpdated: Updated }) {
  const t = useTexts(texts);
  const acknowledge = useMutation({
    mutationFn: () => api<StaffCase>('POST', `/api/staff/cases/${staffCase.id}/acknowledge`),
    onSuccess: (updated) => onUpdated(updated, t.acknowledged),
  });
  return (
    <section className="card" aria-labelledby="acknowledge-heading">
      <h2 id="acknowledge-heading">{t.acknowledgeTitle}</h2>
      <p>{t.acknowledgeBody}</p>
      {acknowledge.isError && (
        <p role="alert" className="alert alert--error">
          {acknowledge.error.message}
        </p>
      )}
      <button type="button" className="button" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
        {t.acknowledge}
      </button>
    </section>
  );
}

/** Kontakta mig: how the unit reached the patient; recording it closes the case. */
export function ContactCard({ staffCase, onUpdated }: { staffCase: StaffCase; onUpdated: Updated }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const ids = { method: useId(), note: useId() };
  const [method, setMethod] = useState<(typeof contactMethods)[number]>('phone');
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () => api<StaffCase>('POST', `/api/staff/cases/${staffCase.id}/contact`, { method, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (updated) => onUpdated(updated, t.contacted),
  });
  return (
    <section className="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t.contactTitle}</h2>
      <p>{t.contactBody}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate();
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor={ids.method}>{t.method}</label>
          <select id={ids.method} value={method} onChange={(event) => setMethod(event.target.value as typeof method)}>
            {contactMethods.map((option) => (
              <option key={option} value={option}>
                {contactMethodLabels[option][language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.note}>
            {t.note} <span className="muted">{t.optional}</span>
          </label>
          <textarea id={ids.note} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
        </div>
        {record.isError && (
          <p role="alert" className="alert alert--error">
            {record.error.message}
          </p>
        )}
        <button type="submit" className="button" disabled={record.isPending}>
          {t.contact}
        </button>
      </form>
    </section>
  );
}

/** Another unit takes the case over: search the directory, say why, confirm. */
function ForwardForm({ staffCase }: { staffCase: StaffCase }) {
  const t = useTexts(texts);
  const navigate = useNavigate();
  const ids = { query: useId(), queryHint: useId(), note: useId(), noteHint: useId(), noteError: useId(), units: useId(), unitError: useId() };
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [unitId, setUnitId] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const forwardButton = useRef<HTMLButtonElement>(null);

  const units = useQuery({
    queryKey: ['public-units', searched],
    queryFn: () => api<{ units: UnitSummary[] }>('GET', `/api/public/units?${new URLSearchParams({ q: searched ?? '', limit: '10' })}`),
    enabled: searched !== null,
  });
  const candidates = units.data?.units.filter((unit) => unit.id !== staffCase.unit.id) ?? [];
  const chosen = candidates.find((unit) => unit.id === unitId);

  const forward = useMutation({
    mutationFn: () => api<{ forwardedTo: { id: string; name: string } }>('POST', `/api/staff/cases/${staffCase.id}/forward`, { unitId, note: note.trim() }),
    onSuccess: ({ forwardedTo }) => navigate('/arbetsyta/arenden', { state: { notice: t.forwarded(staffCase.number, forwardedTo.name) } }),
  });

  const noteMissing = note.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!chosen || noteMissing) return;
    setConfirming(true);
    requestAnimationFrame(() => confirmHeading.current?.focus());
  };

  return (
    <div>
      <p>{t.forwardBody}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setUnitId('');
          setConfirming(false);
          setSearched(query.trim());
        }}
      >
        <div className="field">
          <label htmlFor={ids.query}>{t.unitSearch}</label>
          <span id={ids.queryHint} className="hint">
            {t.unitSearchHint}
          </span>
          <div className="find-care__query">
            <input id={ids.query} type="search" value={query} onChange={(event) => setQuery(event.target.value)} aria-describedby={ids.queryHint} />
            <button type="submit" className="button button--secondary">
              {t.search}
            </button>
          </div>
        </div>
      </form>
      <form onSubmit={submit} noValidate>
        {searched !== null && (
          <fieldset className="field staff-unit-choice" aria-describedby={showProblems && !chosen ? ids.unitError : undefined}>
            <legend>{t.units}</legend>
            <div role="status">{units.isPending ? null : candidates.length === 0 && <p className="muted">{t.noUnits}</p>}</div>
            <ul className="staff-unit-results">
              {candidates.map((unit) => (
                <li key={unit.id}>
                  <label className="checkbox">
                    <input type="radio" name={ids.units} value={unit.id} checked={unitId === unit.id} onChange={() => setUnitId(unit.id)} />
                    <span>
                      {unit.name}
                      {unit.city && <span className="muted">, {unit.city}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {showProblems && !chosen && (
              <span id={ids.unitError} className="error-text">
                {t.chooseUnit}
              </span>
            )}
          </fieldset>
        )}
        <div className={`field${showProblems && noteMissing ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.note}>{t.forwardNote}</label>
          <span id={ids.noteHint} className="hint">
            {t.forwardNoteHint}
          </span>
          <textarea
            id={ids.note}
            value={note}
            maxLength={1000}
            required
            onChange={(event) => setNote(event.target.value)}
            aria-describedby={`${ids.noteHint}${showProblems && noteMissing ? ` ${ids.noteError}` : ''}`}
            aria-invalid={(showProblems && noteMissing) || undefined}
          />
          {showProblems && noteMissing && (
            <span id={ids.noteError} className="error-text">
              {t.writeNote}
            </span>
          )}
        </div>
        {showProblems && searched === null && <p className="error-text">{t.chooseUnit}</p>}
        {!confirming && (
          <button type="submit" ref={forwardButton} className="button button--secondary">
            {t.forward}
          </button>
        )}
      </form>
      {confirming && chosen && (
        <div className="staff-confirm-box" role="group" aria-labelledby="forward-confirm-heading">
          <h3 id="forward-confirm-heading" ref={confirmHeading} tabIndex={-1}>
            {t.confirmForward(staffCase.number, chosen.name)}
          </h3>
          <p>{t.confirmForwardBody}</p>
          {forward.isError && (
            <p role="alert" className="error-text">
              {forward.error.message}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button" disabled={forward.isPending} onClick={() => forward.mutate()}>
              {t.yesForward}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => forwardButton.current?.focus());
              }}
            >
              {t.cancel}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Closing with an outcome, without a final answer. */
function CloseForm({ staffCase, onUpdated }: { staffCase: StaffCase; onUpdated: Updated }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const ids = { outcome: useId(), outcomeError: useId(), note: useId() };
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const close = useMutation({
    mutationFn: () => api<StaffCase>('POST', `/api/staff/cases/${staffCase.id}/close`, { outcome, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (updated) => onUpdated(updated, t.closed),
  });
  const invalid = showProblems && !outcome;
  return (
    <div>
      <p>{t.closeBody}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setShowProblems(true);
          if (outcome) close.mutate();
        }}
        noValidate
      >
        <div className={`field${invalid ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.outcome}>{t.outcome}</label>
          <select
            id={ids.outcome}
            value={outcome}
            required
            onChange={(event) => setOutcome(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? ids.outcomeError : undefined}
          >
            <option value="">{t.chooseOutcome}</option>
            {closeOutcomes.map((option) => (
              <option key={option} value={option}>
                {outcomeLabels[option][language]}
              </option>
            ))}
          </select>
          {invalid && (
            <span id={ids.outcomeError} className="error-text">
              {t.outcomeMissing}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.note}>
            {t.note} <span className="muted">{t.optional}</span>
          </label>
          <textarea id={ids.note} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
        </div>
        {close.isError && (
          <p role="alert" className="alert alert--error">
            {close.error.message}
          </p>
        )}
        <button type="submit" className="button button--secondary" disabled={close.isPending}>
          {t.close}
        </button>
      </form>
    </div>
  );
}

/** Forwarding and closing, folded away until needed. */
export function MoreActions({ staffCase, onUpdated }: { staffCase: StaffCase; onUpdated: Updated }) {
  const t = useTexts(texts);
  const canForward = staffCase.allowedActions.includes('forward');
  const canClose = staffCase.allowedActions.includes('close');
  if (!canForward && !canClose) return null;
  return (
    <section className="staff-more-actions" aria-labelledby="more-actions-heading">
      <h2 id="more-actions-heading">{t.more}</h2>
      {canForward && (
        <details>
          <summary>{t.forwardTitle}</summary>
          <ForwardForm staffCase={staffCase} />
        </details>
      )}
      {canClose && (
        <details>
          <summary>{t.closeTitle}</summary>
          <CloseForm staffCase={staffCase} onUpdated={onUpdated} />
        </details>
      )}
    </section>
  );
}
