import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../../web/api/client.ts';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { UnitSummary } from '../../../care-units/contract.ts';
import { useBookingUnits } from './api.ts';
import { BookingSteps } from './BookingSteps.tsx';
import { appointmentWords } from './words.ts';
import './appointments.css';

/** Boka tid, step 1 (/start/tider/boka): the units the patient has care with first, then a search among units with web booking. */

const texts = {
  sv: {
    title: 'Boka tid',
    forOther: (name: string) => `Du bokar för ${name}.`,
    mine: 'Dina mottagningar',
    none: 'Du är inte listad och har ingen pågående kontakt på någon mottagning. Sök efter mottagningen nedan.',
    relation: { listed: 'Listad här', ongoing: 'Pågående kontakt' },
    noBooking: 'Ingen webbtidbok – du kan beställa tid',
    search: 'Sök en annan mottagning med webbtidbok',
    label: 'Mottagningens namn eller ort',
    hint: 'Till exempel ”Ekby” eller ”provtagning”.',
    button: 'Sök',
    count: (n: number) => (n === 0 ? 'Ingen mottagning med webbtidbok matchade sökningen.' : n === 1 ? 'En mottagning med webbtidbok.' : `${n} mottagningar med webbtidbok.`),
  },
  en: {
    title: 'Book an appointment',
    forOther: (name: string) => `You are booking for ${name}.`,
    mine: 'Your clinics',
    none: 'You are not listed and have no ongoing contact at any clinic. Search for the clinic below.',
    relation: { listed: 'Listed here', ongoing: 'Ongoing contact' },
    noBooking: 'No online booking – you can request an appointment',
    search: 'Search for another clinic with online booking',
    label: 'Name or place of the clinic',
    hint: 'For example “Ekby” or “blood test”.',
    button: 'Search',
    count: (n: number) => (n === 0 ? 'No clinic with online booking matched the search.' : n === 1 ? 'One clinic with online booking.' : `${n} clinics with online booking.`),
  },
};

function useBookingSearch(q: string) {
  return useQuery({
    queryKey: ['care-units', 'search', 'webbtidbok', q],
    queryFn: () => api<{ units: UnitSummary[] }>('GET', `/api/public/units?${new URLSearchParams({ q, eservice: 'webbtidbok', limit: '20' })}`),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export default function BookingUnitsPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const words = useTexts(appointmentWords);
  usePageTitle(t.title);
  const subject = session.citizen!.subject;
  const mine = useBookingUnits();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const results = useBookingSearch(q);
  const ids = { input: useId(), hint: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <>
      <BookingSteps current={1} />
      <h1>{t.title}</h1>
      {subject.basis !== 'self' && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}
      <section className="appointment-section" aria-labelledby="booking-mine">
        <h2 id="booking-mine">{t.mine}</h2>
        {mine.isPending ? (
          <PageStatus state="loading" />
        ) : mine.isError ? (
          <PageStatus state="error" error={mine.error} />
        ) : mine.data.units.length === 0 ? (
          <p className="card">{t.none}</p>
        ) : (
          <ul className="plain-list appointment-choice-list">
            {mine.data.units.map(({ unit, relation, bookingOffered }) => (
              <li key={unit.id}>
                <Link to={`/start/tider/boka/${unit.id}`} className="card card--link appointment-choice">
                  <span className="appointment-choice__name">{unit.name}</span>
                  <span className="badge">{t.relation[relation]}</span>
                  {!bookingOffered && <span className="muted appointment-choice__note">{t.noBooking}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="appointment-section" aria-labelledby="booking-search">
        <h2 id="booking-search">{t.search}</h2>
        <form role="search" aria-labelledby="booking-search" onSubmit={submit}>
          <div className="field">
            <label htmlFor={ids.input}>{t.label}</label>
            <span className="hint" id={ids.hint}>
              {t.hint}
            </span>
            <div className="appointment-search">
              <input id={ids.input} type="search" value={text} maxLength={100} autoComplete="off" aria-describedby={ids.hint} onChange={(event) => setText(event.target.value)} />
              <button type="submit" className="button">
                {t.button}
              </button>
            </div>
          </div>
        </form>
        <p role="status">{q && results.data ? t.count(results.data.units.length) : ''}</p>
        {results.isError && <PageStatus state="error" error={results.error} />}
        {q && results.data && results.data.units.length > 0 && (
          <ul className="plain-list appointment-choice-list">
            {results.data.units.map((unit) => (
              <li key={unit.id}>
                <Link to={`/start/tider/boka/${unit.id}`} className="card card--link appointment-choice">
                  <span className="appointment-choice__name">{unit.name}</span>
                  <span className="muted">{[unit.streetAddress, unit.city].filter(Boolean).join(', ')}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="alert" role="note">
        {words.emergency}
      </p>
    </>
  );
}
