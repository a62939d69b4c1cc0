import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { PatientAppointment } from '../../patient-contract.ts';
import { visitTimeText } from '../../patient-model.ts';
import { useMyAppointments } from './api.ts';
import { AppointmentCard } from './AppointmentCard.tsx';
import { appointmentWords, statusKey } from './words.ts';
import './appointments.css';

/** Mina tider (/start/tider, D1): upcoming visits first with everything needed and what can be done; past visits below. */

const texts = {
  sv: {
    title: 'Mina tider',
    titleOther: (name: string) => `Tider för ${name}`,
    lead: 'Här ser du dina bokade besök. Du kan boka, omboka och avboka tider hos mottagningar som har webbtidbok.',
    leadOther: (name: string) => `Här ser du bokade besök för ${name}. Det du bokar här bokas för ${name}.`,
    book: 'Boka tid',
    upcoming: 'Kommande besök',
    noUpcoming: 'Du har inga bokade besök.',
    past: 'Tidigare och avbokade besök',
    noPast: 'Inga tidigare besök.',
    cancelled: (what: string, when: string) => `Tiden är avbokad: ${what} ${when}.`,
  },
  en: {
    title: 'My appointments',
    titleOther: (name: string) => `Appointments for ${name}`,
    lead: 'Here you see your booked visits. You can book, rebook and cancel at clinics that offer online booking.',
    leadOther: (name: string) => `Here you see booked visits for ${name}. What you book here is booked for ${name}.`,
    book: 'Book an appointment',
    upcoming: 'Upcoming visits',
    noUpcoming: 'You have no booked visits.',
    past: 'Earlier and cancelled visits',
    noPast: 'No earlier visits.',
    cancelled: (what: string, when: string) => `The appointment is cancelled: ${what} ${when}.`,
  },
};

function PastVisit({ item }: { item: PatientAppointment }) {
  const words = useTexts(appointmentWords);
  const { language } = useLanguage();
  const key = statusKey(item);
  return (
    <li className="appointment-past">
      <span className="appointment-past__when">{visitTimeText(new Date(item.startsAt), language, new Date())}</span>
      <span>
        {item.visitType.name}, {item.unit.name}
      </span>
      <span className={`badge${key === 'cancelled' || key === 'no_show' ? ' badge--warning' : ''}`}>{words.status[key]}</span>
    </li>
  );
}

export default function MyAppointmentsPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const words = useTexts(appointmentWords);
  const { language } = useLanguage();
  const subject = session.citizen!.subject;
  const forOther = subject.basis !== 'self';
  usePageTitle(forOther ? t.titleOther(subject.displayName) : t.title);
  const list = useMyAppointments();
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const onCancelled = (cancelled: PatientAppointment) => {
    setNotice(t.cancelled(cancelled.visitType.name, visitTimeText(new Date(cancelled.startsAt), language)));
    // The card (and its button) leaves the list: the message takes the focus so nobody is lost.
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  return (
    <>
      <h1>{forOther ? t.titleOther(subject.displayName) : t.title}</h1>
      <p className="lead">{forOther ? t.leadOther(subject.displayName) : t.lead}</p>
      <p>
        <Link to="/start/tider/boka" className="button">
          {t.book}
        </Link>
      </p>
      <p role="status" ref={noticeRef} tabIndex={-1} className={notice ? 'alert alert--success' : 'visually-hidden'}>
        {notice}
      </p>
      {list.isPending ? (
        <PageStatus state="loading" />
      ) : list.isError ? (
        <PageStatus state="error" error={list.error} />
      ) : (
        <>
          <section className="appointment-section" aria-labelledby="appointments-upcoming">
            <h2 id="appointments-upcoming">{t.upcoming}</h2>
            {list.data.upcoming.length === 0 ? (
              <p className="card">{t.noUpcoming}</p>
            ) : (
              <ul className="plain-list">
                {list.data.upcoming.map((item) => (
                  <li key={item.id}>
                    <AppointmentCard appointment={item} headingLevel={3} onCancelled={onCancelled} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="appointment-section" aria-labelledby="appointments-past">
            <h2 id="appointments-past">{t.past}</h2>
            {list.data.past.length === 0 ? (
              <p className="muted">{t.noPast}</p>
            ) : (
              <ul className="plain-list appointment-past-list">
                {list.data.past.map((item) => (
                  <PastVisit key={item.id} item={item} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <p className="alert" role="note">
        {words.emergency}
      </p>
    </>
  );
}
