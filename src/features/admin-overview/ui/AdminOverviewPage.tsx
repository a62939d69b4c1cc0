import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { careUnitKindLabels, optionPackages } from '../../../platform/organisations/model.ts';
import type { AdminOverview } from '../contract.ts';
import { AuditVerificationPanel } from './AuditVerificationPanel.tsx';
import { OptionPackagesEditor } from './OptionPackagesEditor.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';

const texts = {
  sv: {
    title: 'Administration',
    intro: 'Regionens organisationer, deras avtalspaket och vårdenheter.',
    kinds: { region: 'Region', municipality: 'Kommun', private_provider: 'Privat vårdgivare' },
    orgNumber: 'Organisationsnummer',
    packages: 'Avtalspaket',
    units: 'Enheter',
    unit: 'Enhet',
    kind: 'Typ',
    place: 'Ort',
    staff: 'Medarbetare',
    patients: 'Patienter med vårdrelation',
    noUnits: 'Inga enheter.',
  },
  en: {
    title: 'Administration',
    intro: "The region's organisations, their option packages and care units.",
    kinds: { region: 'Region', municipality: 'Municipality', private_provider: 'Private provider' },
    orgNumber: 'Organisation number',
    packages: 'Option packages',
    units: 'Units',
    unit: 'Unit',
    kind: 'Type',
    place: 'Place',
    staff: 'Staff',
    patients: 'Patients with a care relation',
    noUnits: 'No units.',
  },
};

export const adminOverviewQueryKey = ['admin-overview'] as const;

export default function AdminOverviewPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const overview = useQuery({ queryKey: adminOverviewQueryKey, queryFn: () => api<AdminOverview>('GET', '/api/admin/overview') });
  if (overview.isPending) return <PageStatus state="loading" />;
  if (overview.isError) return <PageStatus state="error" error={overview.error} />;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {overview.data.isRegionAdministrator && <AuditVerificationPanel />}
      {overview.data.organisations.map((organisation) => (
        <section key={organisation.id} className="card" aria-labelledby={`org-${organisation.id}`}>
          <h2 id={`org-${organisation.id}`}>
            {organisation.name} <span className="badge">{t.kinds[organisation.kind]}</span>
          </h2>
          <dl className="facts">
            <dt>{t.orgNumber}</dt>
            <dd>{organisation.organisationNumber}</dd>
            <dt>{t.packages}</dt>
            <dd>
              {organisation.canEditOptionPackages ? (
                <OptionPackagesEditor organisation={organisation} />
              ) : (
                organisation.optionPackages.map((p) => `${p}. ${optionPackages[p as 1 | 2 | 3][language]}`).join('; ')
              )}
            </dd>
          </dl>
          <h3>{t.units}</h3>
          {organisation.units.length === 0 ? (
            <p className="muted">{t.noUnits}</p>
          ) : (
            <ScrollableTable label={`${t.units}: ${organisation.name}`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.unit}</th>
                    <th scope="col">{t.kind}</th>
                    <th scope="col">{t.place}</th>
                    <th scope="col">{t.staff}</th>
                    <th scope="col">{t.patients}</th>
                  </tr>
                </thead>
                <tbody>
                  {organisation.units.map((unit) => (
                    <tr key={unit.id}>
                      <td>
                        {unit.name}
                        <br />
                        <span className="muted">{unit.hsaId}</span>
                      </td>
                      <td>{careUnitKindLabels[unit.kind][language]}</td>
                      <td>{unit.locality}</td>
                      <td>{unit.staffCount}</td>
                      <td>{unit.patientCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </section>
      ))}
    </>
  );
}
