import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { careUnitKindLabels } from '../../../../platform/organisations/model.ts';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { UnitSummary } from '../../../care-units/contract.ts';
import type { MyUnits } from '../../contract.ts';
import { useMyUnits } from './api.ts';
import '../patient-cases.css';

/**
 * Kontakta vården (/start/kontakta, B2): the units the patient most likely writes to
 * first, then a search among all units that take cases in Nära.
 */

const texts = {
  sv: {
    title: 'Kontakta vården',
    lead: 'Välj den mottagning du vill kontakta. Sedan väljer du vad ärendet gäller.',
    forOther: (name: string) => `Du sköter ärenden för ${name}. Mottagningarna nedan gäller ${name}.`,
    mine: 'Dina mottagningar',
    mineOther: (name: string) => `Mottagningar för ${name}`,
    noMine: 'Vi hittade ingen mottagning där du är listad eller har haft ärenden. Sök efter mottagningen nedan.',
    relation: { listed: 'Listad här', ongoing: 'Pågående kontakt', earlier_case: 'Tidigare ärende' },
    search: 'Sök efter en annan mottagning',
    searchLabel: 'Mottagningens namn eller ort',
    searchHint: 'Till exempel ”Strandvik” eller ”barnmorskemottagning”.',
    searchButton: 'Sök',
    searching: 'Söker …',
    count: (n: number) => (n === 0 ? 'Ingen mottagning som tar emot ärenden i Nära matchade sökningen.' : n === 1 ? 'En mottagning tar emot ärenden i Nära.' : `${n} mottagningar tar emot ärenden i Nära.`),
    hidden: (n: number) => (n === 1 ? 'En mottagning till matchade men tar inte emot ärenden i Nära.' : `${n} mottagningar till matchade men tar inte emot ärenden i Nära.`),
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
  },
  en: {
    title: 'Contact care',
    lead: 'Choose the clinic you want to contact. Then you choose what the case is about.',
    forOther: (name: string) => `You are handling matters for ${name}. The clinics below are for ${name}.`,
    mine: 'Your clinics',
    mineOther: (name: string) => `Clinics for ${name}`,
    noMine: 'We found no clinic where you are listed or have had cases. Search for the clinic below.',
    relation: { listed: 'Listed here', ongoing: 'Ongoing contact', earlier_case: 'Earlier case' },
    search: 'Search for another clinic',
    searchLabel: 'Name or place of the clinic',
    searchHint: 'For example “Strandvik” or “midwife clinic”.',
    searchButton: 'Search',
    searching: 'Searching …',
    count: (n: number) => (n === 0 ? 'No clinic that takes cases in Nära matched the search.' : n === 1 ? 'One clinic takes cases in Nära.' : `${n} clinics take cases in Nära.`),
    hidden: (n: number) => (n === 1 ? 'One more clinic matched but does not take cases in Nära.' : `${n} more clinics matched but do not take cases in Nära.`),
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
  },
};

const SEARCH_LIMIT = 20;

export default function ContactCarePage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  usePageTitle(t.title);
  const subject = session.citizen!.subject;
  const forOther = subject.basis !== 'self';
  const mine = useMyUnits();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const ids = { search: useId(), hint: useId() };

  const results = useQuery({
    queryKey: ['care-units', 'search', 'cases', q],
    queryFn: () => api<{ units: UnitSummary[] }>('GET', `/api/public/units?${new URLSearchParams({ q, limit: String(SEARCH_LIMIT) })}`),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    setParams(value ? { q: value } : {}, { replace: false });
  };

  const found = results.data?.units ?? [];
  const taking = found.filter((unit) => unit.eservices.some((service) => service.kind === 'case_type'));
  const countText = q ? (results.isFetching && !results.data ? t.searching : results.data ? [t.count(taking.length), taking.length < found.length ? t.hidden(found.length - taking.length) : ''].filter(Boolean).join(' ') : '') : '';

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {forOther && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}

      <section className="case-section" aria-labelledby="contact-mine">
        <h2 id="contact-mine">{forOther ? t.mineOther(subject.displayName) : t.mine}</h2>
        {mine.isPending ? (
          <PageStatus state="loading" />
        ) : mine.isError ? (
          <PageStatus state="error" error={mine.error} />
        ) : mine.data.units.length === 0 ? (
          <p className="card">{t.noMine}</p>
        ) : (
          <ul className="plain-list case-unit-list">
            {mine.data.units.map((unit: MyUnits['units'][number]) => (
              <li key={unit.id}>
                <Link to={`/start/kontakt/${unit.id}`} className="card card--link case-unit-card">
                  <span className="case-unit-card__name">{unit.name}</span>
                  <span className="badge">{t.relation[unit.relation]}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="case-section" aria-labelledby="contact-search">
        <h2 id="contact-search">{t.search}</h2>
        <form role="search" aria-labelledby="contact-search" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={ids.search}>{t.searchLabel}</label>
            <span className="hint" id={ids.hint}>
              {t.searchHint}
            </span>
            <div className="case-search">
              <input id={ids.search} type="search" value={text} maxLength={100} autoComplete="off" enterKeyHint="search" aria-describedby={ids.hint} onChange={(event) => setText(event.target.value)} />
              <button type="submit" className="button">
                {t.searchButton}
              </button>
            </div>
          </div>
        </form>
        <p role="status" className="case-search__count">
          {countText}
        </p>
        {results.isError && <PageStatus state="error" error={results.error} />}
        {q && taking.length > 0 && (
          <ul className="plain-list case-unit-list">
            {taking.map((unit) => (
              <li key={unit.id}>
                <Link to={`/start/kontakt/${unit.id}`} className="card card--link case-unit-card">
                  <span className="case-unit-card__name">{unit.name}</span>
                  <span className="muted">
                    {careUnitKindLabels[unit.kind]?.[language] ?? unit.kind}, {unit.city}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="alert" role="note">
        {t.emergency}
      </p>
    </>
  );
}
