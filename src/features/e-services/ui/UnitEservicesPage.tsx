import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { z } from 'zod';
import type { unitEservicesResponseSchema } from '../contract.ts';
import { EserviceEditor } from './EserviceEditor.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';

export type UnitEservicesResponse = z.infer<typeof unitEservicesResponseSchema>;
export const unitEservicesQueryKey = ['unit-eservices'] as const;

const texts = {
  sv: {
    title: 'Enhetens e-tjänster',
    intro: (unit: string) =>
      `Här bestämmer du vilka e-tjänster ${unit} erbjuder. En e-tjänst aktiveras bara om ni erbjuder samma sak via telefon eller i receptionen. Alla ändringar loggas.`,
    basic: 'Basutbud',
    other: 'Övriga e-tjänster',
  },
  en: {
    title: "The unit's e-services",
    intro: (unit: string) =>
      `Here you decide which e-services ${unit} offers. An e-service is activated only if you offer the same by phone or at the desk. All changes are logged.`,
    basic: 'Basic offering',
    other: 'Other e-services',
  },
};

export default function UnitEservicesPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const query = useQuery({ queryKey: unitEservicesQueryKey, queryFn: () => api<UnitEservicesResponse>('GET', '/api/unit-admin/eservices') });
  if (query.isPending) return <PageStatus state="loading" />;
  if (query.isError) return <PageStatus state="error" error={query.error} />;
  const groups = [
    { title: t.basic, services: query.data.eservices.filter((service) => service.basicOffering) },
    { title: t.other, services: query.data.eservices.filter((service) => !service.basicOffering) },
  ];
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro(query.data.unitName)}</p>
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h2>{group.title}</h2>
          {group.services.map((service) => (
            <EserviceEditor key={`${service.code}-${language}`} service={service} />
          ))}
        </section>
      ))}
    </>
  );
}
