import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { useRealtimeEvent } from '../../../../web/realtime/realtime.ts';
import type { AppointmentDetail, Calendar, FreeSlot, Resource, UnitResources } from '../../staff-contract.ts';
import { AppointmentPanel } from './AppointmentPanel.tsx';
import { BookDialog } from './BookDialog.tsx';
import { CalendarToolbar } from './CalendarToolbar.tsx';
import { CalendarViews, CancelledList } from './CalendarViews.tsx';
import { Modal } from './Modal.tsx';
import { useFocusAfterDialog } from './useFocusAfterDialog.ts';
import { addDays } from '../../../../lib/calendar/iso-date.ts';
import { calendarKey, calendarQuery, clock, dayMonth, dayMonthYear, isoWeekNumber, longDate, mondayOf, resourcesKey, stateOf, useLiveAppointments, type CalendarState } from './shared.ts';

const texts = {
  sv: {
    title: 'Tidbok',
    intro: 'Enhetens bokningar och lediga tider. Välj en ledig tid för att boka åt en patient, eller en bokning för att flytta, avboka eller markera ankomst.',
    week: (n: number, from: string, to: string) => `Vecka ${n}, ${from} – ${to}`,
    live: 'Tidboken uppdateras automatiskt när patienter eller kollegor bokar, flyttar eller avbokar.',
    updated: (time: string) => `Tidboken uppdaterades kl. ${time}.`,
    booked: (time: string, name: string) => `Bokat kl. ${time} för ${name}.`,
    noResources: 'Enheten har inga scheman ännu. Enhetens administratör lägger upp vårdgivare, rum och besökstyper.',
  },
  en: {
    title: 'Appointments',
    intro: "The unit's bookings and free times. Choose a free time to book for a patient, or a booking to move, cancel or mark arrival.",
    week: (n: number, from: string, to: string) => `Week ${n}, ${from} – ${to}`,
    live: 'The calendar updates by itself when patients or colleagues book, move or cancel.',
    updated: (time: string) => `The calendar was updated at ${time}.`,
    booked: (time: string, name: string) => `Booked at ${time} for ${name}.`,
    noResources: 'The unit has no schedules yet. The unit administrator sets up practitioners, rooms and visit types.',
  },
};

/** Tidbok (/arbetsyta/tidbok): the unit's day or week, per practitioner or room or all of them; the view lives in the URL. */
export default function CalendarPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const state = stateOf(params);
  const selected = params.get('appointment');
  const [booking, setBooking] = useState<{ slot: FreeSlot; resource: Resource } | null>(null);
  const [notice, setNotice] = useState('');
  const ids = { book: useId(), panel: useId() };

  useLiveAppointments();
  useRealtimeEvent('appointments.changed', () => setNotice(t.updated(clock(new Date().toISOString()))));
  const unit = useQuery({ queryKey: resourcesKey, queryFn: () => api<UnitResources>('GET', '/api/staff/appointments/resources'), staleTime: 5 * 60_000 });
  const calendar = useQuery({
    queryKey: calendarKey(state),
    queryFn: () => api<Calendar>('GET', `/api/staff/appointments/calendar?${calendarQuery(state)}`),
    // Keep the last view on screen while the next day loads; a slow poll is the fallback for a tab without its socket.
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

  // Where focus goes when a dialog closes and what opened it has gone: the booking last shown, else the heading.
  const rangeHeading = useRef<HTMLHeadingElement>(null);
  const lastShown = useRef<string | null>(null);
  if (selected) lastShown.current = selected;
  const dialogClosed = useFocusAfterDialog(() => {
    const booking = lastShown.current ? document.querySelector<HTMLElement>(`[data-appointment="${CSS.escape(lastShown.current)}"]`) : null;
    // A cancelled booking's button may sit in the closed list of cancelled times, where it cannot take focus.
    return booking?.checkVisibility() ? booking : rangeHeading.current;
  }, calendar.data);

  const update = (next: Partial<CalendarState> & { appointment?: string | null }) => {
    const merged = { ...state, ...next };
    const query = new URLSearchParams({ date: merged.date, view: merged.view });
    if (merged.resource) query.set('resource', merged.resource);
    if (merged.type) query.set('type', merged.type);
    const appointment = 'appointment' in next ? next.appointment : selected;
    if (appointment) query.set('appointment', appointment);
    // Opening and closing a booking is not a step of its own in the history; a new day or view is.
    setParams(query, { replace: 'appointment' in next });
  };

  const booked = (detail: AppointmentDetail) => {
    setBooking(null);
    setNotice(t.booked(clock(detail.appointment.startsAt), detail.appointment.patient.name));
    update({ appointment: detail.appointment.id });
  };

  const heading =
    state.view === 'day'
      ? longDate(state.date, language)
      : t.week(isoWeekNumber(state.date), dayMonth(mondayOf(state.date), language), dayMonthYear(addDays(mondayOf(state.date), 6), language));

  return (
    <div className="tidbok">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <CalendarToolbar state={state} unit={unit.data} onChange={(next) => update(next)} />
      <div className="tidbok__bar">
        <h2 className="tidbok__range" ref={rangeHeading} tabIndex={-1}>
          {heading}
        </h2>
        <p className="muted tidbok__live">{t.live}</p>
      </div>
      <div role="status" aria-live="polite" className="tidbok__notice">
        {notice && <p className="muted">{notice}</p>}
      </div>
      {calendar.isPending ? (
        <PageStatus state="loading" />
      ) : calendar.isError ? (
        <PageStatus state="error" error={calendar.error} />
      ) : calendar.data.resources.length === 0 ? (
        <p className="card muted">{t.noResources}</p>
      ) : (
        <>
          <CalendarViews calendar={calendar.data} onFreeSlot={(slot, resource) => setBooking({ slot, resource })} onBooking={(item) => update({ appointment: item.id })} />
          <CancelledList calendar={calendar.data} onBooking={(id) => update({ appointment: id })} />
        </>
      )}

      <Modal
        open={booking !== null}
        onClose={() => {
          setBooking(null);
          dialogClosed();
        }}
        labelledBy={ids.book}
      >
        {booking && unit.data && (
          <BookDialog titleId={ids.book} slot={booking.slot} resource={booking.resource} visitTypes={unit.data.visitTypes} onBooked={booked} onCancel={() => setBooking(null)} />
        )}
      </Modal>
      <Modal
        open={selected !== null}
        onClose={() => {
          update({ appointment: null });
          dialogClosed();
        }}
        labelledBy={ids.panel}
        className="tidbok-dialog--panel"
      >
        {selected && <AppointmentPanel id={selected} titleId={ids.panel} resources={unit.data?.resources ?? []} onClose={() => update({ appointment: null })} onShow={(id) => update({ appointment: id })} />}
      </Modal>
    </div>
  );
}
