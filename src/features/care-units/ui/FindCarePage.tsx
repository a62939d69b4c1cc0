import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { startTransition, useEffect, useId, useOptimistic, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { careUnitKindLabels, careUnitKinds, type CareUnitKind } from '../../../platform/organisations/model.ts';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { AppLayout } from '../../../web/layout/AppLayout.tsx';
import type { UnitSummary } from '../contract.ts';
import { careOfferingCodes, careOfferings, type CareOffering } from '../model.ts';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { eserviceChoices, isCare, isEservice, isKind, PARAM, type EserviceChoice } from './search-params.ts';
import { formatPostalCode, kindLabel, localeOf, OpeningNow, telHref } from './unit-format.tsx';

/**
 * "Hitta vård" (B1): anyone, logged in or not, searches the region's units by name,
 * place or care, narrows by kind, care, e-service and "open now", and may sort by
 * distance. The search lives in the address so it can be shared and Back works; the
 * position never does: it stays in this page's memory and is sent only to the search.
 */

const texts = {
  sv: {
    title: 'Hitta vård',
    lead: 'Sök mottagning och se adress, öppettider, telefonnummer och vilka e-tjänster den har.',
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
    searchLabel: 'Sök mottagning',
    searchHint: 'Namn, ort eller vad du söker hjälp för, till exempel ”vc ekby” eller ”diabetes”.',
    search: 'Sök',
    filters: 'Avgränsa sökningen',
    kind: 'Typ av mottagning',
    allKinds: 'Alla typer',
    care: 'Vård som ges',
    allCare: 'All vård',
    eservice: 'E-tjänst',
    eserviceHint: 'Visa bara mottagningar där du kan göra det här digitalt.',
    anyEservice: 'Alla mottagningar',
    openNow: 'Öppet nu',
    clear: 'Rensa sökningen',
    results: 'Sökresultat',
    searching: 'Söker …',
    count: (n: number) => (n === 0 ? 'Ingen mottagning hittades.' : n === 1 ? '1 mottagning hittades.' : `${n} mottagningar hittades.`),
    nearestFirst: 'Närmast först.',
    capped: (n: number) => `Visar de ${n} första. Skriv fler ord för att hitta rätt.`,
    emptyTitle: 'Ingen mottagning matchar sökningen',
    emptyTips: ['Kontrollera stavningen, eller prova ett annat ord.', 'Sök på ort eller på vad du behöver hjälp med.', 'Ta bort något av filtren.'],
    retry: 'Försök igen',
    sortByDistance: 'Sortera efter avstånd',
    stopSorting: 'Sluta sortera efter avstånd',
    locating: 'Hämtar din position …',
    sorted: 'Sorterat efter avstånd från där du är. Din position används bara för den här sökningen och sparas inte.',
    denied:
      'Du har inte gett webbläsaren tillåtelse att visa var du är, så vi kan inte sortera efter avstånd. Du kan ändra det i webbläsarens inställningar, eller söka på ort i stället.',
    unavailable: 'Det gick inte att få fram var du är. Försök igen, eller sök på ort i stället.',
    unsupported: 'Din webbläsare kan inte visa var du är. Sök på ort i stället.',
    phone: 'Telefon',
    away: (km: string) => `${km} km bort`,
    eservices: 'E-tjänster',
    noEservices: 'Inga e-tjänster i Nära än',
    pageTitle: 'Hitta vård',
  },
  en: {
    title: 'Find care',
    lead: 'Search for a clinic and see its address, opening hours, phone number and e-services.',
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
    searchLabel: 'Search for a clinic',
    searchHint: 'Name, place or what you need help with, for example “vc ekby” or “diabetes”.',
    search: 'Search',
    filters: 'Narrow the search',
    kind: 'Type of clinic',
    allKinds: 'All types',
    care: 'Care given',
    allCare: 'All care',
    eservice: 'E-service',
    eserviceHint: 'Show only clinics where you can do this online.',
    anyEservice: 'All clinics',
    openNow: 'Open now',
    clear: 'Clear the search',
    results: 'Search results',
    searching: 'Searching …',
    count: (n: number) => (n === 0 ? 'No clinic found.' : n === 1 ? '1 clinic found.' : `${n} clinics found.`),
    nearestFirst: 'Nearest first.',
    capped: (n: number) => `Showing the first ${n}. Add more words to find the right one.`,
    emptyTitle: 'No clinic matches the search',
    emptyTips: ['Check the spelling, or try another word.', 'Search for a place or for what you need help with.', 'Remove one of the filters.'],
    retry: 'Try again',
    sortByDistance: 'Sort by distance',
    stopSorting: 'Stop sorting by distance',
    locating: 'Finding your position …',
    sorted: 'Sorted by distance from where you are. Your position is used only for this search and is not stored.',
    denied: 'You have not allowed the browser to share where you are, so we cannot sort by distance. You can change this in the browser’s settings, or search for a place instead.',
    unavailable: 'Your position could not be found. Try again, or search for a place instead.',
    unsupported: 'Your browser cannot share where you are. Search for a place instead.',
    phone: 'Phone',
    away: (km: string) => `${km} km away`,
    eservices: 'E-services',
    noEservices: 'No e-services in Nära yet',
    pageTitle: 'Find care',
  },
};

const SEARCH_LIMIT = 50;
const DEBOUNCE_MS = 300;
// The address bar carries the search in Swedish words, so a shared link reads well.
type Position = { lat: number; lon: number };
type Locating = 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported';

export default function FindCarePage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const location = useLocation();
  const [, setSearchParams] = useSearchParams();
  // The router moves to a new address in a transition; until it has, the form shows what was just chosen
  // (otherwise a ticked box or a chosen option would flick back for a moment).
  const [search, setOptimisticSearch] = useOptimistic(location.search);
  const searchParams = new URLSearchParams(search);
  const ids = { search: useId(), hint: useId(), kind: useId(), care: useId(), eservice: useId(), eserviceHint: useId(), openNow: useId() };
  usePageTitle(t.pageTitle);

  // What the address says (unknown values are ignored rather than sent to the server).
  const q = (searchParams.get(PARAM.q) ?? '').trim().slice(0, 100);
  const kind = isKind(searchParams.get(PARAM.kind)) ? (searchParams.get(PARAM.kind) as CareUnitKind) : '';
  const care = isCare(searchParams.get(PARAM.care)) ? (searchParams.get(PARAM.care) as CareOffering) : '';
  const eservice = isEservice(searchParams.get(PARAM.eservice)) ? (searchParams.get(PARAM.eservice) as EserviceChoice) : '';
  const openNow = searchParams.get(PARAM.openNow) === 'ja';

  // From the address as it is now, not as it was when a debounce timer started: a filter chosen meanwhile stays.
  const setParam = (name: string, value: string, replace = false) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    startTransition(() => {
      setOptimisticSearch(next.size > 0 ? `?${next}` : '');
      setSearchParams(next, { replace });
    });
  };

  // The text field follows the address when it changes from outside (Back, a link), and writes to it ~300 ms after typing stops.
  const [text, setText] = useState(q);
  const written = useRef(q);
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setText(q);
    }
  }, [q]);
  const writeQuery = (value: string, replace: boolean) => {
    written.current = value;
    setParam(PARAM.q, value, replace);
  };
  useEffect(() => {
    const value = text.trim();
    if (value === written.current) return;
    const timer = window.setTimeout(() => writeQuery(value, true), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (value !== written.current) writeQuery(value, false);
  };

  // The position: asked for only on a click, kept only in memory, rounded to about 100 m before it is sent.
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState<Locating>('idle');
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating('unsupported');
      return;
    }
    setLocating('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setPosition({ lat: Math.round(coords.latitude * 1000) / 1000, lon: Math.round(coords.longitude * 1000) / 1000 });
        setLocating('idle');
      },
      (error) => setLocating(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 5 * 60_000 },
    );
  };

  const apiParams = new URLSearchParams({ limit: String(SEARCH_LIMIT) });
  if (q) apiParams.set('q', q);
  if (kind) apiParams.set('kind', kind);
  if (care) apiParams.set('care', care);
  if (eservice) apiParams.set('eservice', eservice);
  if (openNow) apiParams.set('openNow', 'true');
  if (position) {
    apiParams.set('lat', String(position.lat));
    apiParams.set('lon', String(position.lon));
  }
  const results = useQuery({
    queryKey: ['care-units', 'search', apiParams.toString()],
    queryFn: () => api<{ units: UnitSummary[] }>('GET', `/api/public/units?${apiParams}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const filtered = Boolean(q || kind || care || eservice || openNow);
  const units = results.data?.units;
  const countText = units
    ? [t.count(units.length), position && units.length > 1 ? t.nearestFirst : '', units.length >= SEARCH_LIMIT ? t.capped(SEARCH_LIMIT) : ''].filter(Boolean).join(' ')
    : results.isPending
      ? t.searching
      : '';

  const careOptions = careOfferingCodes.map((code) => ({ code, label: careOfferings[code][language] })).sort((a, b) => a.label.localeCompare(b.label, language));

  return (
    <AppLayout>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="alert" role="note">
        {t.emergency}
      </p>

      <form className="find-care" role="search" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={ids.search}>{t.searchLabel}</label>
          <span className="hint" id={ids.hint}>
            {t.searchHint}
          </span>
          <div className="find-care__query">
            <input
              id={ids.search}
              type="search"
              name="q"
              value={text}
              maxLength={100}
              autoComplete="off"
              enterKeyHint="search"
              aria-describedby={ids.hint}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" className="button">
              {t.search}
            </button>
          </div>
        </div>

        <fieldset className="find-care__filters">
          <legend>{t.filters}</legend>
          <div className="field">
            <label htmlFor={ids.kind}>{t.kind}</label>
            <select id={ids.kind} value={kind} onChange={(event) => setParam(PARAM.kind, event.target.value)}>
              <option value="">{t.allKinds}</option>
              {careUnitKinds.map((code) => (
                <option key={code} value={code}>
                  {careUnitKindLabels[code][language]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.care}>{t.care}</label>
            <select id={ids.care} value={care} onChange={(event) => setParam(PARAM.care, event.target.value)}>
              <option value="">{t.allCare}</option>
              {careOptions.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.eservice}>{t.eservice}</label>
            <span className="hint" id={ids.eserviceHint}>
              {t.eserviceHint}
            </span>
            <select id={ids.eservice} value={eservice} aria-describedby={ids.eserviceHint} onChange={(event) => setParam(PARAM.eservice, event.target.value)}>
              <option value="">{t.anyEservice}</option>
              {Object.entries(eserviceChoices).map(([code, label]) => (
                <option key={code} value={code}>
                  {label[language]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="checkbox" htmlFor={ids.openNow}>
              <input id={ids.openNow} type="checkbox" checked={openNow} onChange={(event) => setParam(PARAM.openNow, event.target.checked ? 'ja' : '')} />
              {t.openNow}
            </label>
          </div>
        </fieldset>
        {filtered && (
          <p>
            <Link to="/hitta-vard">{t.clear}</Link>
          </p>
        )}
      </form>

      <div className="find-care__distance">
        {position ? (
          <>
            <p>{t.sorted}</p>
            <button type="button" className="button button--secondary" onClick={() => setPosition(null)}>
              {t.stopSorting}
            </button>
          </>
        ) : (
          <button type="button" className="button button--secondary" disabled={locating === 'locating'} onClick={locate}>
            {t.sortByDistance}
          </button>
        )}
        {locating === 'locating' && (
          <p role="status" className="muted">
            {t.locating}
          </p>
        )}
        {(locating === 'denied' || locating === 'unavailable' || locating === 'unsupported') && (
          <p role="alert" className="alert alert--warning">
            {t[locating]}
          </p>
        )}
      </div>

      <h2>{t.results}</h2>
      <p role="status" className="find-care__count">
        {countText}
      </p>
      {results.isError && !units ? (
        <div role="alert" className="alert alert--error">
          <p>{results.error.message}</p>
          <button type="button" className="button button--secondary" onClick={() => void results.refetch()}>
            {t.retry}
          </button>
        </div>
      ) : units && units.length === 0 ? (
        <div className="card">
          <h3>{t.emptyTitle}</h3>
          <ul>
            {t.emptyTips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </div>
      ) : units ? (
        <ul className="unit-list" aria-busy={results.isFetching}>
          {units.map((unit) => (
            <li key={unit.id} className="card unit-card">
              <h3>
                <Link to={`/hitta-vard/${unit.id}`} state={{ search: location.search }}>
                  {unit.name}
                </Link>
              </h3>
              <p className="muted">
                {kindLabel(unit.kind, language)} · {unit.organisationName}
              </p>
              <OpeningNow openingNow={unit.openingNow} />
              <p>
                {unit.streetAddress}, {formatPostalCode(unit.postalCode)} {unit.city}
                {unit.distanceKm !== null && (
                  <>
                    {' · '}
                    <strong>{t.away(new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(unit.distanceKm))}</strong>
                  </>
                )}
              </p>
              <p>
                {t.phone}: <a href={telHref(unit.phone)}>{unit.phone}</a>
              </p>
              {unit.eservices.length > 0 ? (
                <ul className="tags" aria-label={t.eservices}>
                  {unit.eservices.map((service) => (
                    <li key={service.code} className="badge">
                      {service.name[language]}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t.noEservices}</p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </AppLayout>
  );
}
