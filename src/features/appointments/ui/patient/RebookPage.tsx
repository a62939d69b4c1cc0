import { Link, useLocation, useParams } from 'react-router';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { visitTimeText } from '../../patient-model.ts';
import { useAppointment } from './api.ts';
import { BookingSteps } from './BookingSteps.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import { SlotTakenNotice, confirmSearch } from './slot-navigation.tsx';
import './appointments.css';

/** Omboka (/start/tider/:id/omboka, D2): a new free time of the same visit type; the old one stays until the new one is booked. */

const texts = {
  sv: {
    back: 'Tillbaka till bokningen',
    title: (what: string) => `Omboka: ${what}`,
    current: (when: string, unit: string) => `Din nuvarande tid: ${when} på ${unit}. Den gäller tills du har bokat en ny.`,
    forOther: (name: string) => `Du ombokar för ${name}.`,
  },
  en: {
    back: 'Back to the appointment',
    title: (what: string) => `Rebook: ${what}`,
    current: (when: string, unit: string) => `Your current time: ${when} at ${unit}. It stands until you have booked a new one.`,
    forOther: (name: string) => `You are rebooking for ${name}.`,
  },
};

export default function RebookPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const appointment = useAppointment(id);
  usePageTitle(appointment.data ? t.title(appointment.data.visitType.name) : undefined);
  const subject = session.citizen!.subject;
  if (appointment.isPending) return <PageStatus state="loading" />;
  if (appointment.isError) return <PageStatus state="error" error={appointment.error} />;
  const item = appointment.data;
  return (
    <>
      <BookingSteps current={1} kind="rebook" />
      <p>
        <Link to={`/start/tider/${id}`}>
          <span aria-hidden="true">← </span>
          {t.back}
        </Link>
      </p>
      <h1>{t.title(item.visitType.name)}</h1>
      {subject.basis !== 'self' && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}
      <p className="card">{t.current(visitTimeText(new Date(item.startsAt), language, new Date()), item.unit.name)}</p>
      <SlotTakenNotice state={location.state} />
      <SlotPicker source={{ appointmentId: id }} confirmPath={(slot, date) => `/start/tider/${id}/omboka/bekrafta?${confirmSearch(slot, date)}`} />
    </>
  );
}
