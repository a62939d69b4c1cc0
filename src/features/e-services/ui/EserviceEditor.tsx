import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { UnitEservice } from '../contract.ts';
import { TermsEditor } from './TermsEditor.tsx';
import { unitEservicesQueryKey } from './UnitEservicesPage.tsx';

const texts = {
  sv: {
    statuses: { active: 'Aktiv', inactive: 'Inte aktiv', not_applicable: 'Ej aktuell' },
    notForKind: 'Regionen erbjuder inte den här e-tjänsten för din typ av enhet.',
    status: 'Status',
    offered: 'Vi erbjuder detsamma via telefon eller i receptionen',
    offeredHint: 'Krävs för att aktivera (basutbudets grundregel).',
    reason: 'Varför är e-tjänsten inte aktuell?',
    group: 'Vilka patienter når e-tjänsten?',
    listedOnly: 'Bara patienter listade på enheten',
    minAge: 'Lägsta ålder',
    maxAge: 'Högsta ålder',
    save: 'Spara',
    saved: 'Sparat.',
    edit: 'Ändra',
    everyone: 'alla patienter',
    listed: 'listade patienter',
    ages: (min: number | null, max: number | null) => `${min ?? 0}–${max ?? '∞'} år`,
    extra: (n: number) => `${n} egna frågor`,
  },
  en: {
    statuses: { active: 'Active', inactive: 'Not active', not_applicable: 'Not applicable' },
    notForKind: 'The region does not offer this e-service for your kind of unit.',
    status: 'Status',
    offered: 'We offer the same by phone or at the desk',
    offeredHint: 'Required to activate (the basic rule of the basic offering).',
    reason: 'Why does the e-service not apply?',
    group: 'Which patients does the e-service reach?',
    listedOnly: 'Only patients listed at the unit',
    minAge: 'Minimum age',
    maxAge: 'Maximum age',
    save: 'Save',
    saved: 'Saved.',
    edit: 'Change',
    everyone: 'all patients',
    listed: 'listed patients',
    ages: (min: number | null, max: number | null) => `${min ?? 0}–${max ?? '∞'} years`,
    extra: (n: number) => `${n} own questions`,
  },
};

const ageOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

/** One e-service at the unit: status, the phone-or-desk statement, reason, patient group, and its terms. */
export function EserviceEditor({ service }: { service: UnitEservice }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const ids = { status: useId(), offered: useId(), offeredHint: useId(), reason: useId(), listed: useId(), min: useId(), max: useId() };
  const [status, setStatus] = useState(service.status);
  const [offered, setOffered] = useState(service.offeredByPhoneOrDesk);
  const [reason, setReason] = useState(service.notApplicableReason ?? '');
  const [listedOnly, setListedOnly] = useState(service.patientGroup.listedOnly);
  const [minAge, setMinAge] = useState(service.patientGroup.minAge?.toString() ?? '');
  const [maxAge, setMaxAge] = useState(service.patientGroup.maxAge?.toString() ?? '');
  const save = useMutation({
    mutationFn: () =>
      api('PUT', `/api/unit-admin/eservices/${service.code}/activation`,
        status === 'active'
          ? { status, offeredByPhoneOrDesk: offered, patientGroup: { listedOnly, minAge: ageOrNull(minAge), maxAge: ageOrNull(maxAge) } }
          : status === 'not_applicable'
            ? { status, reason }
            : { status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitEservicesQueryKey }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const group = service.patientGroup;
  const reach = [group.listedOnly ? t.listed : t.everyone, group.minAge !== null || group.maxAge !== null ? t.ages(group.minAge, group.maxAge) : null].filter(Boolean).join(', ');

  return (
    <details className="card eservice">
      <summary>
        <span className="eservice__name">{service.name[language]}</span>{' '}
        <span className={`badge ${service.status === 'active' ? 'badge--success' : service.status === 'not_applicable' ? '' : 'badge--warning'}`}>{t.statuses[service.status]}</span>
        {service.status === 'active' && <span className="muted"> · {reach}</span>}
        {service.extraQuestions.length > 0 && <span className="muted"> · {t.extra(service.extraQuestions.length)}</span>}
      </summary>
      <p className="muted">{service.description[language]}</p>
      {!service.appliesToUnit && <p className="alert">{t.notForKind}</p>}
      <form onSubmit={submit} noValidate>
        <fieldset className="field">
          <legend>{t.status}</legend>
          {(['active', 'inactive', 'not_applicable'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name={`${ids.status}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} disabled={value === 'active' && !service.appliesToUnit} />
              {t.statuses[value]}
            </label>
          ))}
        </fieldset>
        {status === 'active' && (
          <>
            <div className="field">
              <label className="checkbox" htmlFor={ids.offered}>
                <input id={ids.offered} type="checkbox" checked={offered} onChange={(event) => setOffered(event.target.checked)} aria-describedby={ids.offeredHint} />
                {t.offered}
              </label>
              <span id={ids.offeredHint} className="hint">
                {t.offeredHint}
              </span>
            </div>
            <fieldset className="field">
              <legend>{t.group}</legend>
              <label className="checkbox" htmlFor={ids.listed}>
                <input id={ids.listed} type="checkbox" checked={listedOnly} onChange={(event) => setListedOnly(event.target.checked)} />
                {t.listedOnly}
              </label>
              <div className="inline-fields">
                <span className="field">
                  <label htmlFor={ids.min}>{t.minAge}</label>
                  <input id={ids.min} type="number" inputMode="numeric" min={0} max={130} value={minAge} onChange={(event) => setMinAge(event.target.value)} />
                </span>
                <span className="field">
                  <label htmlFor={ids.max}>{t.maxAge}</label>
                  <input id={ids.max} type="number" inputMode="numeric" min={0} max={130} value={maxAge} onChange={(event) => setMaxAge(event.target.value)} />
                </span>
              </div>
            </fieldset>
          </>
        )}
        {status === 'not_applicable' && (
          <div className="field">
            <label htmlFor={ids.reason}>{t.reason}</label>
            <textarea id={ids.reason} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
        )}
        <button type="submit" className="button" disabled={save.isPending}>
          {t.save}
        </button>
        <span role="status" className="saved-note">
          {save.isSuccess && !save.isPending ? t.saved : ''}
        </span>
        {save.isError && <PageStatus state="error" error={save.error} />}
      </form>
      <TermsEditor service={service} />
    </details>
  );
}
