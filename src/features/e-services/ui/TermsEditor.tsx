import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { UnitEservice } from '../contract.ts';
import { unitEservicesQueryKey } from './UnitEservicesPage.tsx';

const texts = {
  sv: {
    title: 'Villkorstext',
    rules: 'Texten får anpassas, men måste säga att patienten får svar inom två arbetsdagar, och punkten om ombud måste vara sist. Patienten godkänner texten innan ärendet skickas.',
    version: (n: number, template: boolean) => (n === 0 ? 'Regionens mall (inte sparad för enheten ännu)' : `Version ${n}${template ? ' – regionens mall' : ' – anpassad'}`),
    swedish: 'Villkorstext på svenska',
    english: 'Villkorstext på engelska',
    save: 'Spara villkorstext',
    reset: 'Använd regionens mall',
    saved: 'Villkorstexten är sparad som en ny version.',
  },
  en: {
    title: 'Terms text',
    rules: 'The text may be adjusted, but must say that the patient gets an answer within two working days, and the point about proxies must come last. The patient accepts the text before sending a case.',
    version: (n: number, template: boolean) => (n === 0 ? "The region's template (not yet saved for the unit)" : `Version ${n}${template ? " – the region's template" : ' – adjusted'}`),
    swedish: 'Terms text in Swedish',
    english: 'Terms text in English',
    save: 'Save terms text',
    reset: "Use the region's template",
    saved: 'The terms text is saved as a new version.',
  },
};

export function TermsEditor({ service }: { service: UnitEservice }) {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const ids = { sv: useId(), en: useId(), rules: useId() };
  const [sv, setSv] = useState(service.terms.sv);
  const [en, setEn] = useState(service.terms.en);
  const save = useMutation({
    mutationFn: () => api('PUT', `/api/unit-admin/eservices/${service.code}/terms`, { sv, en }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitEservicesQueryKey }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="terms-editor">
      <h3>{t.title}</h3>
      <p id={ids.rules} className="hint">
        {t.rules}
      </p>
      <p className="muted">{t.version(service.terms.version, service.terms.isRegionalTemplate)}</p>
      <div className="field">
        <label htmlFor={ids.sv}>{t.swedish}</label>
        <textarea id={ids.sv} className="terms-text" value={sv} onChange={(event) => setSv(event.target.value)} aria-describedby={ids.rules} aria-invalid={save.isError || undefined} />
      </div>
      <div className="field">
        <label htmlFor={ids.en}>{t.english}</label>
        <textarea id={ids.en} className="terms-text" value={en} onChange={(event) => setEn(event.target.value)} lang="en" />
      </div>
      {save.isError && <PageStatus state="error" error={save.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t.save}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSv(service.template.sv);
            setEn(service.template.en);
          }}
        >
          {t.reset}
        </button>
      </div>
      <p role="status" className="saved-note">
        {save.isSuccess && !save.isPending ? t.saved : ''}
      </p>
    </form>
  );
}
