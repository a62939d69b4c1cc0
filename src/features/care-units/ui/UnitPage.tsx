import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError } from '../../../web/api/client.ts';
import { useLanguage, useTexts, type Language } from '../../../web/i18n/i18n.tsx';
import { AppLayout } from '../../../web/layout/AppLayout.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { UnitDetails } from '../contract.ts';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { careLabel, formatPostalCode, kindLabel, OpeningNow, telHref } from './unit-format.tsx';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';

/** A unit's public page (B1, B2): how to reach it, when it is open, what care it gives and its e-services. */

const texts = {
  sv: {
    back: 'Tillbaka till sökningen',
    notFound: 'Mottagningen finns inte',
    notFoundBody: 'Mottagningen kan ha bytt namn eller slutat. Sök efter den igen.',
    search: 'Hitta vård',
    contact: 'Kontakta mottagningen',
    address: 'Adress',
    map: 'Visa på karta',
    phone: 'Telefon',
    organisation: 'Vårdgivare',
    eservices: 'E-tjänster',
    eservicesIntro: 'Du loggar in för att använda e-tjänsterna. Du kan också sköta ärenden för ditt barn eller för någon du är ombud för.',
    noEservices: (phone: string) => `Mottagningen har inga e-tjänster i Nära än. Ring ${phone}.`,
    hours: 'Öppettider',
    hoursCaption: 'Öppettider de närmaste sju dagarna',
    day: 'Dag',
    open: 'Öppet',
    note: 'Kommentar',
    today: 'I dag',
    closed: 'Stängt',
    allDay: 'Dygnet runt',
    care: 'Vård som ges här',
    listedOnly: 'För dig som är listad på mottagningen.',
    ages: (min: number | null, max: number | null) =>
      min !== null && max !== null ? `För dig som är ${min}–${max} år.` : min !== null ? `För dig som är ${min} år eller äldre.` : `För dig som är högst ${max} år.`,
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
  },
  en: {
    back: 'Back to the search',
    notFound: 'The clinic does not exist',
    notFoundBody: 'The clinic may have changed its name or closed. Search for it again.',
    search: 'Find care',
    contact: 'Contact the clinic',
    address: 'Address',
    map: 'Show on map',
    phone: 'Phone',
    organisation: 'Care provider',
    eservices: 'E-services',
    eservicesIntro: 'You log in to use the e-services. You can also handle matters for your child or for someone you are a proxy for.',
    noEservices: (phone: string) => `The clinic has no e-services in Nära yet. Call ${phone}.`,
    hours: 'Opening hours',
    hoursCaption: 'Opening hours for the next seven days',
    day: 'Day',
    open: 'Open',
    note: 'Note',
    today: 'Today',
    closed: 'Closed',
    allDay: 'Around the clock',
    care: 'Care given here',
    listedOnly: 'For patients listed at the clinic.',
    ages: (min: number | null, max: number | null) =>
      min !== null && max !== null ? `For ages ${min}–${max}.` : min !== null ? `For ages ${min} and over.` : `For ages up to ${max}.`,
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
  },
};

/** "måndag 21 december" for a YYYY-MM-DD date (a calendar date, so no time zone applies). */
function dayName(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T00:00:00Z`));
}

function hoursText(intervals: [string, string][], words: { closed: string; allDay: string }): string {
  if (intervals.length === 0) return words.closed;
  if (intervals.length === 1 && intervals[0]![0] === '00:00' && intervals[0]![1] === '24:00') return words.allDay;
  return intervals.map(([opens, closes]) => `${opens}–${closes}`).join(', ');
}

export default function UnitPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { unitId = '' } = useParams();
  const location = useLocation();
  const fromSearch = (location.state as { search?: unknown } | null)?.search;
  const backTo = `/hitta-vard${typeof fromSearch === 'string' && fromSearch.startsWith('?') ? fromSearch : ''}`;
  const unit = useQuery({
    queryKey: ['care-units', 'unit', unitId],
    queryFn: () => api<UnitDetails>('GET', `/api/public/units/${encodeURIComponent(unitId)}`),
    staleTime: 60_000,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = unit.isSuccess;
  // After navigating here, a screen reader starts at the unit's name.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, unitId]);
  usePageTitle(unit.data ? unit.data.name : t.search);

  const backLink = (
    <p>
      <Link to={backTo}>
        <span aria-hidden="true">← </span>
        {t.back}
      </Link>
    </p>
  );

  if (unit.isPending) {
    return (
      <AppLayout>
        {backLink}
        <PageStatus state="loading" />
      </AppLayout>
    );
  }
  if (unit.isError) {
    const missing = unit.error instanceof ApiError && (unit.error.status === 404 || unit.error.status === 400);
    return (
      <AppLayout>
        {backLink}
        {missing ? (
          <>
            <h1>{t.notFound}</h1>
            <p>{t.notFoundBody}</p>
          </>
        ) : (
          <PageStatus state="error" error={unit.error} />
        )}
      </AppLayout>
    );
  }

  const u = unit.data;
  const description = u.description[language];
  const hasPosition = u.latitude !== null && u.longitude !== null;
  return (
    <AppLayout>
      {backLink}
      <h1 ref={heading} tabIndex={-1}>
        {u.name}
      </h1>
      <p className="lead">{kindLabel(u.kind, language)}</p>
      <OpeningNow openingNow={u.openingNow} />
      {description && <p>{description}</p>}

      <section className="unit-section" aria-labelledby="unit-contact">
        <h2 id="unit-contact">{t.contact}</h2>
        <dl className="facts unit-facts">
          <dt>{t.address}</dt>
          <dd>
            {u.streetAddress}
            <br />
            {formatPostalCode(u.postalCode)} {u.city}
            {hasPosition && (
              <>
                <br />
                <a href={`https://www.openstreetmap.org/?mlat=${u.latitude}&mlon=${u.longitude}#map=16/${u.latitude}/${u.longitude}`}>{t.map}</a>
              </>
            )}
          </dd>
          <dt>{t.phone}</dt>
          <dd>
            <a href={telHref(u.phone)}>{u.phone}</a>
          </dd>
          <dt>{t.organisation}</dt>
          <dd>{u.organisationName}</dd>
        </dl>
      </section>

      <section className="unit-section" aria-labelledby="unit-hours">
        <h2 id="unit-hours">{t.hours}</h2>
        <ScrollableTable label={t.hoursCaption}>
          <table className="opening-hours">
            <caption>{t.hoursCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.day}</th>
                <th scope="col">{t.open}</th>
                <th scope="col">{t.note}</th>
              </tr>
            </thead>
            <tbody>
              {u.week.map((day, index) => (
                <tr key={day.date} aria-current={index === 0 ? 'date' : undefined}>
                  <th scope="row">{index === 0 ? `${t.today}, ${dayName(day.date, language)}` : dayName(day.date, language)}</th>
                  <td>{hoursText(day.intervals, t)}</td>
                  <td>{day.label?.[language] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      </section>

      <section className="unit-section" aria-labelledby="unit-eservices">
        <h2 id="unit-eservices">{t.eservices}</h2>
        {u.eservices.length === 0 ? (
          <p>{t.noEservices(u.phone)}</p>
        ) : (
          <>
            <p className="muted">{t.eservicesIntro}</p>
            <ul className="plain-list eservice-list">
              {u.eservices.map((service) => {
                const group = service.patientGroup;
                const descriptionId = `eservice-${service.code}`;
                return (
                  <li key={service.code}>
                    <Link className="button button--secondary" to={`/start/kontakt/${u.id}/${service.code}`} aria-describedby={descriptionId}>
                      {service.name[language]}
                    </Link>
                    <p className="muted" id={descriptionId}>
                      {service.description[language]}
                      {group.listedOnly && ` ${t.listedOnly}`}
                      {(group.minAge !== null || group.maxAge !== null) && ` ${t.ages(group.minAge, group.maxAge)}`}
                    </p>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      {u.careOffered.length > 0 && (
        <section className="unit-section" aria-labelledby="unit-care">
          <h2 id="unit-care">{t.care}</h2>
          <ul>
            {u.careOffered.map((code) => (
              <li key={code}>{careLabel(code, language)}</li>
            ))}
          </ul>
        </section>
      )}

      <p className="alert" role="note">
        {t.emergency}
      </p>
    </AppLayout>
  );
}
