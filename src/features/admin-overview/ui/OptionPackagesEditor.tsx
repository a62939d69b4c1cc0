import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { optionPackages } from '../../../platform/organisations/model.ts';
import type { AdminOrganisation } from '../contract.ts';

const texts = {
  sv: { legend: (name: string) => `Avtalspaket för ${name}`, base: '(ingår alltid)', save: 'Spara avtalspaket', saved: 'Sparat.' },
  en: { legend: (name: string) => `Option packages for ${name}`, base: '(always included)', save: 'Save option packages', saved: 'Saved.' },
};

/** Seed 001: package 1 is the base every organisation has; 2 and 3 are chosen per municipality. */
export function OptionPackagesEditor({ organisation }: { organisation: AdminOrganisation }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(new Set(organisation.optionPackages));
  const save = useMutation({
    mutationFn: (packages: number[]) => api('PUT', `/api/admin/organisations/${organisation.id}/option-packages`, { optionPackages: packages }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin-overview'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate([...chosen].sort((a, b) => a - b));
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="field">
        <legend className="visually-hidden">{t.legend(organisation.name)}</legend>
        {([1, 2, 3] as const).map((number) => (
          <label key={number} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(number)}
              disabled={number === 1}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(number);
                else next.delete(number);
                setChosen(next);
              }}
            />{' '}
            {number}. {optionPackages[number][language]} {number === 1 && <span className="muted">{t.base}</span>}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t.save}
      </button>
      {save.isSuccess && (
        <span role="status" className="saved-note">
          {t.saved}
        </span>
      )}
      {save.isError && <PageStatus state="error" error={save.error} />}
    </form>
  );
}
