import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { UnitDetails } from '../contract.ts';

/**
 * Where a unit's e-service link leads a logged-in citizen (/start/kontakt/:unitId/:code).
 * The e-services themselves are built in later issues; until then this says so plainly
 * and how to reach the unit meanwhile.
 */

const texts = {
  sv: {
    unit: 'Mottagning',
    soon: 'Den här e-tjänsten tas i bruk snart på Nära.',
    meanwhile: (name: string, phone: string) => `Till dess når du ${name} på telefon ${phone}.`,
    call: 'Ring mottagningen',
    toUnit: 'Till mottagningens sida',
    notOffered: 'E-tjänsten finns inte på mottagningen',
    notOfferedBody: 'Mottagningen erbjuder inte den här e-tjänsten i Nära. Se vilka e-tjänster den har på mottagningens sida.',
    notFound: 'Mottagningen finns inte',
    findCare: 'Hitta vård',
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
  },
  en: {
    unit: 'Clinic',
    soon: 'This e-service will soon be available in Nära.',
    meanwhile: (name: string, phone: string) => `Until then you can reach ${name} by phone on ${phone}.`,
    call: 'Call the clinic',
    toUnit: 'To the clinic’s page',
    notOffered: 'The clinic does not offer this e-service',
    notOfferedBody: 'The clinic does not offer this e-service in Nära. See which e-services it has on the clinic’s page.',
    notFound: 'The clinic does not exist',
    findCare: 'Find care',
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
  },
};

export default function EserviceEntryPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { unitId = '', code = '' } = useParams();
  const unit = useQuery({
    queryKey: ['care-units', 'unit', unitId],
    queryFn: () => api<UnitDetails>('GET', `/api/public/units/${encodeURIComponent(unitId)}`),
    staleTime: 60_000,
  });

  if (unit.isPending) return <PageStatus state="loading" />;
  if (unit.isError) {
    if (unit.error instanceof ApiError && (unit.error.status === 404 || unit.error.status === 400)) {
      return (
        <>
          <h1>{t.notFound}</h1>
          <p>
            <Link to="/hitta-vard">{t.findCare}</Link>
          </p>
        </>
      );
    }
    return <PageStatus state="error" error={unit.error} />;
  }

  const u = unit.data;
  const service = u.eservices.find((candidate) => candidate.code === code);
  if (!service) {
    return (
      <>
        <h1>{t.notOffered}</h1>
        <p>{t.notOfferedBody}</p>
        <p>
          <Link to={`/hitta-vard/${u.id}`}>{t.toUnit}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{service.name[language]}</h1>
      <p className="lead">{service.description[language]}</p>
      <dl className="facts">
        <dt>{t.unit}</dt>
        <dd>
          <Link to={`/hitta-vard/${u.id}`}>{u.name}</Link>
        </dd>
      </dl>
      <div className="alert">
        <p>
          <strong>{t.soon}</strong>
        </p>
        <p>{t.meanwhile(u.name, u.phone)}</p>
      </div>
      <p>
        <a className="button" href={`tel:${u.phone.replace(/[^\d+]/g, '')}`}>
          {t.call}
        </a>
      </p>
      <p className="alert" role="note">
        {t.emergency}
      </p>
    </>
  );
}
