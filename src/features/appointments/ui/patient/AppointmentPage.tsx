import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { BackLink, PageLoadFailure } from '../../../../web/layout/PageLoadFailure.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { visitTimeText } from '../../patient-model.ts';
import { calendarUrl, useAppointment } from './api.ts';
import { AppointmentCard } from './AppointmentCard.tsx';
import { VisitFacts } from './VisitFacts.tsx';
import { appointmentWords, statusKey } from './words.ts';
import './appointments.css';
import { BookingMeetingRecord } from '../../../meetings/ui/BookingMeetingRecord.tsx';

/** One booking (/start/tider/:id); after booking or rebooking it is the confirmation ("Din tid är bokad"). */

const texts = {
  sv: {
    back: 'Mina tider',
    booked: 'Din tid är bokad',
    rebooked: 'Din tid är ombokad',
    bookedLead: (when: string) => `Välkommen ${when}. Du får en påminnelse innan besöket om du har valt aviseringar.`,
    rebookedLead: (when: string) => `Din nya tid är ${when}. Den gamla tiden är släppt.`,
    calendar: 'Lägg till i din kalender (.ics)',
    title: 'Bokat besök',
    cancelled: 'Tiden är avbokad.',
    notFound: 'Bokningen finns inte',
    notFoundBody: 'Den kan ha ombokats eller tillhöra någon annan. Se dina bokningar under Mina tider.',
  },
  en: {
    back: 'My appointments',
    booked: 'Your appointment is booked',
    rebooked: 'Your appointment is rebooked',
    bookedLead: (when: string) => `Welcome ${when}. You get a reminder before the visit if you have chosen notifications.`,
    rebookedLead: (when: string) => `Your new time is ${when}. The old time has been released.`,
    calendar: 'Add to your calendar (.ics)',
    title: 'Booked visit',
    cancelled: 'The appointment is cancelled.',
    notFound: 'The appointment does not exist',
    notFoundBody: 'It may have been rebooked or belong to someone else. See your bookings under My appointments.',
  },
};

export default function AppointmentPage() {
  const t = useTexts(texts);
  const words = useTexts(appointmentWords);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const confirmation = params.has('bokad') ? 'booked' : params.has('ombokad') ? 'rebooked' : null;
  const appointment = useAppointment(id);
  const [cancelled, setCancelled] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = appointment.isSuccess;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, id, cancelled]);
  const title = confirmation && !cancelled ? t[confirmation] : t.title;
  usePageTitle(title);

  const back = <BackLink to="/start/tider">{t.back}</BackLink>;
  if (appointment.isPending) return <PageStatus state="loading" />;
  if (appointment.isError) return <PageLoadFailure error={appointment.error} back={back} notFound={{ title: t.notFound, body: t.notFoundBody }} />;
  const item = appointment.data;
  const when = visitTimeText(new Date(item.startsAt), language, new Date());
  const upcoming = item.status === 'booked' && Date.parse(item.endsAt) > Date.now();
  return (
    <>
      {back}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {cancelled && (
        <p className="alert alert--success" role="status">
          {t.cancelled}
        </p>
      )}
      {confirmation && !cancelled && item.status === 'booked' && (
        <div className="alert alert--success appointment-confirmation">
          <p>{confirmation === 'booked' ? t.bookedLead(when) : t.rebookedLead(when)}</p>
          <p>
            <a href={calendarUrl(item.id, language)} download>
              {t.calendar}
            </a>
          </p>
        </div>
      )}
      {upcoming ? (
        <AppointmentCard appointment={item} headingLevel={2} onCancelled={() => setCancelled(true)} />
      ) : (
        <article className="card appointment-card">
          <h2 className="appointment-card__when">
            <span className="appointment-card__time">{when}</span>
            <span className="appointment-card__what">{item.visitType.name}</span>
          </h2>
          <p className="badge">{words.status[statusKey(item)]}</p>
          <VisitFacts dayInHeading startsAt={item.startsAt} endsAt={item.endsAt} channel={item.channel} unit={item.unit} with={item.with} preparation={item.visitType.preparation} noteToPatient={item.noteToPatient} />
          {item.channel === 'video' && <BookingMeetingRecord side="patient" appointmentId={item.id} />}
        </article>
      )}
      <p className="alert" role="note">
        {words.emergency}
      </p>
    </>
  );
}
