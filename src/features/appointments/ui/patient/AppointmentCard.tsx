import { useId } from 'react';
import { Link } from 'react-router';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { PatientAppointment } from '../../patient-contract.ts';
import { visitTimeText } from '../../patient-model.ts';
import { calendarUrl } from './api.ts';
import { CancelButton } from './CancelButton.tsx';
import { VisitFacts } from './VisitFacts.tsx';
import { telHref } from './words.ts';

const texts = {
  sv: {
    rebook: 'Omboka',
    calendar: 'Lägg till i kalender (.ics)',
    video: 'Öppna videomötet',
    changeUntil: (when: string) => `Du kan avboka eller omboka här fram till ${when}.`,
    tooLate: (when: string) => `Sista tiden att avboka eller omboka via webben var ${when}. Ring mottagningen om du behöver ändra tiden.`,
    notOnline: 'Den här tiden kan inte ombokas via webben. Ring mottagningen om du behöver byta tid.',
    call: 'Telefon:',
    bookedByUnit: 'Bokad av mottagningen',
  },
  en: {
    rebook: 'Rebook',
    calendar: 'Add to calendar (.ics)',
    video: 'Open the video meeting',
    changeUntil: (when: string) => `You can cancel or rebook here until ${when}.`,
    tooLate: (when: string) => `The last time to cancel or rebook online was ${when}. Call the clinic if you need to change the time.`,
    notOnline: 'This appointment cannot be rebooked online. Call the clinic if you need another time.',
    call: 'Phone:',
    bookedByUnit: 'Booked by the clinic',
  },
};

/**
 * An upcoming visit with everything the patient needs (D1) and what they can do with it:
 * open the video meeting, rebook (D2), cancel (D4), add it to their calendar (D6). When it
 * is too late to change online, it says so and gives the unit's number.
 */
export function AppointmentCard({ appointment, headingLevel, onCancelled }: { appointment: PatientAppointment; headingLevel: 2 | 3; onCancelled: (cancelled: PatientAppointment) => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const now = new Date();
  const deadline = visitTimeText(new Date(appointment.changeDeadline), language, now);
  const phone = appointment.unit.phone;
  return (
    <article className="card appointment-card" aria-labelledby={headingId}>
      <Heading id={headingId} className="appointment-card__when">
        <span className="appointment-card__time">{visitTimeText(new Date(appointment.startsAt), language, now)}</span>
        <span className="appointment-card__what">{appointment.visitType.name}</span>
      </Heading>
      {appointment.bookedByStaff && <p className="badge">{t.bookedByUnit}</p>}
      <VisitFacts
        dayInHeading
        startsAt={appointment.startsAt}
        endsAt={appointment.endsAt}
        channel={appointment.channel}
        unit={appointment.unit}
        with={appointment.with}
        preparation={appointment.visitType.preparation}
        noteToPatient={appointment.noteToPatient}
      />
      {appointment.mayCancel && <p className="appointment-card__deadline">{t.changeUntil(deadline)}</p>}
      {(appointment.changeRefusal === 'deadline_passed' || (appointment.mayCancel && !appointment.mayRebook)) && (
        <p className="appointment-card__deadline">
          {appointment.changeRefusal === 'deadline_passed' ? t.tooLate(deadline) : t.notOnline}{' '}
          {phone && (
            <>
              {t.call} <a href={telHref(phone)}>{phone}</a>
            </>
          )}
        </p>
      )}
      <div className="actions appointment-card__actions">
        {appointment.meetingUrl && (
          <Link to={appointment.meetingUrl} className="button" aria-describedby={headingId}>
            {t.video}
          </Link>
        )}
        {appointment.mayRebook && (
          <Link to={`/start/tider/${appointment.id}/omboka`} className="button button--secondary" aria-describedby={headingId}>
            {t.rebook}
          </Link>
        )}
        {appointment.mayCancel && <CancelButton appointment={appointment} describedBy={headingId} onCancelled={onCancelled} />}
        <a href={calendarUrl(appointment.id, language)} className="button button--secondary" download aria-describedby={headingId}>
          {t.calendar}
        </a>
      </div>
    </article>
  );
}
