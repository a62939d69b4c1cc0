import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import type { catalogueResponseSchema } from '../contract.ts';
import { CatalogueEntryEditor } from './CatalogueEntryEditor.tsx';

export type Catalogue = z.infer<typeof catalogueResponseSchema>;
export const catalogueQueryKey = ['eservice-catalogue'] as const;

const texts = {
  sv: {
    title: 'E-tjänstkatalog',
    intro: 'Regionens standard-e-tjänster. Standardärendetyperna fungerar likadant på alla enheter; här beskriver du dem, skriver villkorsmallen som enheterna utgår från, och väljer vilka typer av enheter som kan erbjuda dem.',
  },
  en: {
    title: 'E-service catalogue',
    intro: "The region's standard e-services. The standard case types work the same at every unit; here you describe them, write the terms template units start from, and choose which kinds of unit may offer them.",
  },
};

export default function CataloguePage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const catalogue = useQuery({ queryKey: catalogueQueryKey, queryFn: () => api<Catalogue>('GET', '/api/admin/eservices') });
  if (catalogue.isPending) return <PageStatus state="loading" />;
  if (catalogue.isError) return <PageStatus state="error" error={catalogue.error} />;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {catalogue.data.eservices.map((entry) => (
        <CatalogueEntryEditor key={entry.code} entry={entry} />
      ))}
    </>
  );
}
