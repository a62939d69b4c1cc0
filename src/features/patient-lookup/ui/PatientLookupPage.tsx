import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../../web/api/client.ts';
import { formatDate, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import type { PatientLookupRequest, PatientSummary } from '../contract.ts';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';

const texts = {
  sv: {
    title: 'Sök patient',
    intro: 'Sök på person- eller samordningsnummer. Du ser bara patienter som har en vårdrelation med din enhet. Varje sökning loggas och syns för patienten.',
    identityNumber: 'Person- eller samordningsnummer',
    hint: '12 siffror, till exempel 19880412-2383',
    search: 'Sök',
    emergencyTitle: 'Ingen vårdrelation – nödåtkomst',
    emergencyIntro: 'Om patienten behöver vård nu och uppgifterna behövs för det, kan du som har en vårdande roll öppna dem med nödåtkomst. Ange skälet. Åtkomsten granskas i efterhand.',
    emergencyReason: 'Skäl till nödåtkomst',
    emergencyHint: 'Minst 10 tecken.',
    emergencyOpen: 'Öppna med nödåtkomst',
    protected: 'Skyddad identitet',
    protectedNote: 'Patienten har skyddade personuppgifter. Lämna aldrig ut adress eller andra uppgifter som kan avslöja var patienten finns.',
    emergencyBadge: 'Nödåtkomst',
    born: 'Född',
    age: 'Ålder',
    years: (n: number) => `${n} år`,
    number: 'Nummer',
    samordning: 'samordningsnummer',
    relation: 'Vårdrelation med enheten',
    relationKinds: { listed: 'Listad', ongoing: 'Pågående vårdkontakt' },
    since: 'sedan',
    noneAtUnit: 'Ingen',
    guardians: 'Vårdnadshavare',
  },
  en: {
    title: 'Find patient',
    intro: 'Search by personal identity or coordination number. You only see patients who have a care relation with your unit. Every search is logged and visible to the patient.',
    identityNumber: 'Personal identity or coordination number',
    hint: '12 digits, for example 19880412-2383',
    search: 'Search',
    emergencyTitle: 'No care relation – emergency access',
    emergencyIntro: 'If the patient needs care now and the records are needed for it, you may open them with emergency access if you have a caring role. State the reason. The access is reviewed afterwards.',
    emergencyReason: 'Reason for emergency access',
    emergencyHint: 'At least 10 characters.',
    emergencyOpen: 'Open with emergency access',
    protected: 'Protected identity',
    protectedNote: 'The patient has protected personal data. Never disclose an address or anything else that could reveal where the patient is.',
    emergencyBadge: 'Emergency access',
    born: 'Born',
    age: 'Age',
    years: (n: number) => `${n} years`,
    number: 'Number',
    samordning: 'coordination number',
    relation: 'Care relation with the unit',
    relationKinds: { listed: 'Listed', ongoing: 'Ongoing care' },
    since: 'since',
    noneAtUnit: 'None',
    guardians: 'Guardians',
  },
};

export default function PatientLookupPage({ canUseEmergencyAccess }: { canUseEmergencyAccess: boolean }) {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const ids = { number: useId(), hint: useId(), error: useId(), reason: useId(), reasonHint: useId() };
  const [identityNumber, setIdentityNumber] = useState('');
  const [reason, setReason] = useState('');
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const lookup = useMutation({
    mutationFn: (request: PatientLookupRequest) => api<PatientSummary>('POST', '/api/staff/patients/lookup', request),
  });
  const error = lookup.error instanceof ApiError ? lookup.error : null;
  const needsEmergency = error?.code === 'no_care_relation' && canUseEmergencyAccess;
  const fieldError = error && error.code !== 'no_care_relation' ? error.message : null;

  const submit = (event: FormEvent, withReason: boolean) => {
    event.preventDefault();
    lookup.mutate({ identityNumber, ...(withReason ? { emergencyReason: reason } : {}) });
  };
  const patient = lookup.data;
  // Move focus to the result once it is on the page, so screen readers announce it and the
  // keyboard is not left on the emergency form's button, which disappears with the result.
  useEffect(() => {
    if (patient) resultHeading.current?.focus();
  }, [patient]);

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form onSubmit={(event) => submit(event, false)} noValidate className="card">
        <div className={`field${fieldError ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.number}>{t.identityNumber}</label>
          <span id={ids.hint} className="hint">
            {t.hint}
          </span>
          <input
            id={ids.number}
            name="identityNumber"
            inputMode="numeric"
            autoComplete="off"
            value={identityNumber}
            onChange={(event) => setIdentityNumber(event.target.value)}
            aria-describedby={`${ids.hint}${fieldError ? ` ${ids.error}` : ''}`}
            aria-invalid={fieldError ? true : undefined}
            required
          />
          {fieldError && (
            <span id={ids.error} className="error-text" role="alert">
              {fieldError}
            </span>
          )}
        </div>
        <button type="submit" className="button" disabled={lookup.isPending}>
          {t.search}
        </button>
      </form>

      {error?.code === 'no_care_relation' && (
        <div className="alert alert--warning">
          {/* Only the message is announced; the form below is read when the user moves to it. */}
          <p role="alert">{error.message}</p>
          {needsEmergency && (
            <form onSubmit={(event) => submit(event, true)} noValidate>
              <h2>{t.emergencyTitle}</h2>
              <p>{t.emergencyIntro}</p>
              <div className="field">
                <label htmlFor={ids.reason}>{t.emergencyReason}</label>
                <span id={ids.reasonHint} className="hint">
                  {t.emergencyHint}
                </span>
                <textarea id={ids.reason} value={reason} onChange={(event) => setReason(event.target.value)} aria-describedby={ids.reasonHint} />
              </div>
              <button type="submit" className="button" disabled={lookup.isPending || reason.trim().length < 10}>
                {t.emergencyOpen}
              </button>
            </form>
          )}
        </div>
      )}

      {patient && (
        <section className="card" aria-labelledby="patient-heading">
          <h2 id="patient-heading" ref={resultHeading} tabIndex={-1}>
            {patient.givenName} {patient.familyName}{' '}
            {patient.protectedIdentity && <span className="badge badge--danger">{t.protected}</span>}{' '}
            {patient.accessBasis === 'emergency' && <span className="badge badge--warning">{t.emergencyBadge}</span>}
          </h2>
          {patient.protectedIdentity && <p className="alert alert--error">{t.protectedNote}</p>}
          <dl className="facts">
            <dt>{t.number}</dt>
            <dd>
              {patient.identityNumber}
              {patient.identityKind === 'samordningsnummer' && ` (${t.samordning})`}
            </dd>
            <dt>{t.born}</dt>
            <dd>{patient.birthDate}</dd>
            <dt>{t.age}</dt>
            <dd>{t.years(patient.age)}</dd>
            <dt>{t.relation}</dt>
            <dd>
              {patient.careRelationsAtUnit.length === 0
                ? t.noneAtUnit
                : patient.careRelationsAtUnit.map((relation) => `${t.relationKinds[relation.kind]} ${t.since} ${formatDate(relation.startedAt, language)}`).join(', ')}
            </dd>
            {patient.guardians.length > 0 && (
              <>
                <dt>{t.guardians}</dt>
                <dd>{patient.guardians.map((guardian) => guardian.displayName).join(', ')}</dd>
              </>
            )}
          </dl>
        </section>
      )}
    </>
  );
}
