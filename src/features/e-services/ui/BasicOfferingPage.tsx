import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { careUnitKindLabels, careUnitKinds } from '../../../platform/organisations/model.ts';
import type { BasicOffering } from '../contract.ts';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';

const texts = {
  sv: {
    title: 'Basutbud',
    intro: 'Vilka av regionens bas-e-tjänster varje enhet erbjuder. Ej aktuell betyder att regionen inte erbjuder tjänsten för enhetstypen, eller att enheten angett ett skäl.',
    organisation: 'Organisation',
    kind: 'Typ av enhet',
    all: 'Alla',
    onlyMissing: 'Visa bara enheter där något saknas',
    caption: (n: number) => `${n} enheter`,
    unit: 'Enhet',
    cells: { active: 'Aktiv', missing: 'Saknas', not_applicable: 'Ej aktuell' },
    region: 'Regionen erbjuder inte tjänsten för enhetstypen',
    totals: 'Summa',
    summary: (a: number, m: number, n: number) => `${a} aktiva, ${m} saknas, ${n} ej aktuella`,
  },
  en: {
    title: 'Basic offering',
    intro: "Which of the region's basic e-services each unit offers. Not applicable means that the region does not offer the service for the unit kind, or that the unit has given a reason.",
    organisation: 'Organisation',
    kind: 'Kind of unit',
    all: 'All',
    onlyMissing: 'Show only units where something is missing',
    caption: (n: number) => `${n} units`,
    unit: 'Unit',
    cells: { active: 'Active', missing: 'Missing', not_applicable: 'Not applicable' },
    region: 'The region does not offer the service for the unit kind',
    totals: 'Total',
    summary: (a: number, m: number, n: number) => `${a} active, ${m} missing, ${n} not applicable`,
  },
};

const cellMark = { active: '✓', missing: '✗', not_applicable: '–' } as const;

export default function BasicOfferingPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const ids = { organisation: useId(), kind: useId(), missing: useId() };
  const [organisation, setOrganisation] = useState('');
  const [kind, setKind] = useState('');
  const [onlyMissing, setOnlyMissing] = useState(false);
  const query = useQuery({ queryKey: ['basic-offering'], queryFn: () => api<BasicOffering>('GET', '/api/admin/basic-offering') });
  const units = useMemo(
    () =>
      (query.data?.units ?? []).filter(
        (unit) =>
          (!organisation || unit.organisationId === organisation) &&
          (!kind || unit.kind === kind) &&
          (!onlyMissing || Object.values(unit.cells).some((cell) => cell.cell === 'missing')),
      ),
    [query.data, organisation, kind, onlyMissing],
  );
  if (query.isPending) return <PageStatus state="loading" />;
  if (query.isError) return <PageStatus state="error" error={query.error} />;
  const organisations = [...new Map(query.data.units.map((unit) => [unit.organisationId, unit.organisationName])).entries()];
  const count = (code: string, cell: 'active' | 'missing' | 'not_applicable') => units.filter((unit) => unit.cells[code]?.cell === cell).length;

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <div className="card inline-fields">
        <span className="field">
          <label htmlFor={ids.organisation}>{t.organisation}</label>
          <select id={ids.organisation} value={organisation} onChange={(event) => setOrganisation(event.target.value)}>
            <option value="">{t.all}</option>
            {organisations.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={ids.kind}>{t.kind}</label>
          <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value)}>
            <option value="">{t.all}</option>
            {careUnitKinds.map((value) => (
              <option key={value} value={value}>
                {careUnitKindLabels[value][language]}
              </option>
            ))}
          </select>
        </span>
        <label className="checkbox" htmlFor={ids.missing}>
          <input id={ids.missing} type="checkbox" checked={onlyMissing} onChange={(event) => setOnlyMissing(event.target.checked)} />
          {t.onlyMissing}
        </label>
      </div>
      <ScrollableTable label={t.caption(units.length)}>
        <table className="offering">
          <caption aria-live="polite">{t.caption(units.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.unit}</th>
              {query.data.services.map((service) => (
                <th key={service.code} scope="col">
                  {service.name[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <th scope="row">
                  {unit.name}
                  <br />
                  <span className="muted">{careUnitKindLabels[unit.kind][language]}</span>
                </th>
                {query.data.services.map((service) => {
                  const cell = unit.cells[service.code]!;
                  const reason = cell.reason === 'region' ? t.region : cell.reason;
                  return (
                    <td key={service.code} className={`offering__cell offering__cell--${cell.cell}`} title={reason ?? undefined}>
                      <span aria-hidden="true">{cellMark[cell.cell]} </span>
                      {t.cells[cell.cell]}
                      {reason && <span className="visually-hidden">: {reason}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.totals}</th>
              {query.data.services.map((service) => (
                <td key={service.code}>{t.summary(count(service.code, 'active'), count(service.code, 'missing'), count(service.code, 'not_applicable'))}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollableTable>
    </>
  );
}
