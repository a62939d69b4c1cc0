import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { careUnitKindLabels, careUnitKinds, type CareUnitKind } from '../../../platform/organisations/model.ts';
import type { Catalogue } from './CataloguePage.tsx';
import { catalogueQueryKey } from './CataloguePage.tsx';

type Entry = Catalogue['eservices'][number];

const texts = {
  sv: {
    basic: 'Basutbud',
    descriptionSv: 'Beskrivning på svenska',
    descriptionEn: 'Beskrivning på engelska',
    templateSv: 'Villkorsmall på svenska',
    templateEn: 'Villkorsmall på engelska',
    templateHint: 'Mallen måste säga att patienten får svar inom två arbetsdagar, och punkten om ombud måste vara sist.',
    kinds: 'Kan erbjudas av',
    save: 'Spara',
    saved: 'Sparat.',
  },
  en: {
    basic: 'Basic offering',
    descriptionSv: 'Description in Swedish',
    descriptionEn: 'Description in English',
    templateSv: 'Terms template in Swedish',
    templateEn: 'Terms template in English',
    templateHint: 'The template must say that the patient gets an answer within two working days, and the point about proxies must come last.',
    kinds: 'May be offered by',
    save: 'Save',
    saved: 'Saved.',
  },
};

/** One catalogue entry: its description, terms template and the unit kinds it is for (B3). */
export function CatalogueEntryEditor({ entry }: { entry: Entry }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const ids = { dsv: useId(), den: useId(), tsv: useId(), ten: useId(), hint: useId() };
  const [description, setDescription] = useState(entry.description);
  const [template, setTemplate] = useState(entry.termsTemplate);
  const [kinds, setKinds] = useState(new Set<CareUnitKind>(entry.appliesToUnitKinds));
  const save = useMutation({
    mutationFn: () => api('PUT', `/api/admin/eservices/${entry.code}`, { description, termsTemplate: template, appliesToUnitKinds: [...kinds] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueQueryKey }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <details className="card eservice">
      <summary>
        <span className="eservice__name">{entry.name[language]}</span> {entry.basicOffering && <span className="badge">{t.basic}</span>}
      </summary>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={ids.dsv}>{t.descriptionSv}</label>
          <textarea id={ids.dsv} value={description.sv} onChange={(event) => setDescription({ ...description, sv: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.den}>{t.descriptionEn}</label>
          <textarea id={ids.den} lang="en" value={description.en} onChange={(event) => setDescription({ ...description, en: event.target.value })} />
        </div>
        <p id={ids.hint} className="hint">
          {t.templateHint}
        </p>
        <div className="field">
          <label htmlFor={ids.tsv}>{t.templateSv}</label>
          <textarea id={ids.tsv} className="terms-text" aria-describedby={ids.hint} value={template.sv} onChange={(event) => setTemplate({ ...template, sv: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.ten}>{t.templateEn}</label>
          <textarea id={ids.ten} className="terms-text" lang="en" aria-describedby={ids.hint} value={template.en} onChange={(event) => setTemplate({ ...template, en: event.target.value })} />
        </div>
        <fieldset className="field">
          <legend>{t.kinds}</legend>
          {careUnitKinds.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={kinds.has(kind)}
                onChange={(event) => {
                  const next = new Set(kinds);
                  if (event.target.checked) next.add(kind);
                  else next.delete(kind);
                  setKinds(next);
                }}
              />
              {careUnitKindLabels[kind][language]}
            </label>
          ))}
        </fieldset>
        {save.isError && <PageStatus state="error" error={save.error} />}
        <button type="submit" className="button" disabled={save.isPending}>
          {t.save}
        </button>
        <span role="status" className="saved-note">
          {save.isSuccess && !save.isPending ? t.saved : ''}
        </span>
      </form>
    </details>
  );
}
