import type { ReactNode } from 'react';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { formatIdentity } from '../../../cases/ui/staff/shared.tsx';
import type { Calendar, CalendarBooking, FreeSlot, Resource } from '../../staff-contract.ts';
import { channelLabels, clock, dayName, minuteOfDay, place, statusLabels, stockholmDateOf } from './shared.ts';

const texts = {
  sv: {
    free: 'Ledig',
    freeSlot: 'Ledig tid',
    at: 'hos',
    works: 'Arbetar',
    notWorking: 'Arbetar inte',
    nothing: 'Inga bokningar eller lediga tider',
    protected: 'Skyddad identitet',
  },
  en: {
    free: 'Free',
    freeSlot: 'Free time',
    at: 'with',
    works: 'Working',
    notWorking: 'Not working',
    nothing: 'No bookings or free times',
    protected: 'Protected identity',
  },
};

/** One column: a resource on a date. */
export type Column = { key: string; heading: ReactNode; resource: Resource; date: string };

const ROW_MINUTES = 5;
const LIVE = new Set(['booked', 'arrived', 'no_show']);

/**
 * The hours every column shows: from the earliest thing in these columns to the latest, whole
 * hours, 08–17 when empty. Only the grid's own resources count, so in the whole unit's week a
 * sampling room open 07:30–10:30 is not drawn to the evening because a doctor works till 17.
 */
function axisOf(calendar: Calendar, columns: Column[]): { from: number; to: number } {
  const shown = new Set(columns.map((column) => column.resource.id));
  const starts: number[] = [];
  const ends: number[] = [];
  for (const entry of calendar.worked.filter((item) => shown.has(item.resourceId)))
    for (const interval of entry.intervals) {
      starts.push(minuteOfDay(interval.start));
      ends.push(minuteOfDay(interval.end, true));
    }
  for (const booking of calendar.bookings.filter((item) => LIVE.has(item.status) && shown.has(item.resourceId))) {
    starts.push(minuteOfDay(booking.startsAt));
    ends.push(stockholmDateOf(booking.endsAt) === stockholmDateOf(booking.startsAt) ? minuteOfDay(booking.endsAt, true) : 24 * 60);
  }
  if (starts.length === 0) return { from: 8 * 60, to: 17 * 60 };
  return { from: Math.floor(Math.min(...starts) / 60) * 60, to: Math.min(24 * 60, Math.ceil(Math.max(...ends) / 60) * 60) };
}

/** Grid placement of a span of minutes: row lines counted from the axis start. */
function rows(axis: { from: number }, start: number, end: number) {
  const first = Math.max(0, Math.floor((start - axis.from) / ROW_MINUTES));
  return { '--row': first + 1, '--span': Math.max(1, Math.ceil((end - axis.from) / ROW_MINUTES) - first) };
}

type Props = {
  calendar: Calendar;
  columns: Column[];
  /** Week views name the day in each button (the column heading alone is not heard with it). */
  withDay: boolean;
  onFreeSlot: (slot: FreeSlot, resource: Resource) => void;
  onBooking: (booking: CalendarBooking) => void;
};

/**
 * Columns of times side by side on one time axis (desktop); on a phone the columns stack and
 * each becomes a plain list. Every time is a button in a list in time order, named in full
 * ("Ledig tid 09:30 hos Sara Nilsson"), so a keyboard or screen-reader user goes through the
 * day the way it reads; the hour lines and working-time shading are decoration.
 */
export function CalendarGrid({ calendar, columns, withDay, onFreeSlot, onBooking }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const axis = axisOf(calendar, columns);
  const hours = Array.from({ length: (axis.to - axis.from) / 60 }, (_, index) => axis.from / 60 + index);
  const gridRows = (axis.to - axis.from) / ROW_MINUTES;

  return (
    <div className="tidbok-grid" ref={place({ '--rows': gridRows, '--columns': columns.length })}>
      <div className="tidbok-grid__hours" aria-hidden="true">
        {hours.map((hour) => (
          <span key={hour} className="tidbok-grid__hour" ref={place(rows(axis, hour * 60, hour * 60 + 60))}>
            {String(hour).padStart(2, '0')}:00
          </span>
        ))}
      </div>
      {columns.map((column) => {
        const worked = calendar.worked.find((entry) => entry.resourceId === column.resource.id && entry.date === column.date)?.intervals ?? [];
        const onDay = (iso: string) => stockholmDateOf(iso) === column.date;
        const bookings = calendar.bookings.filter((booking) => booking.resourceId === column.resource.id && LIVE.has(booking.status) && onDay(booking.startsAt));
        const free = calendar.freeSlots.filter((slot) => slot.resourceId === column.resource.id && onDay(slot.start));
        const items = [
          ...bookings.map((booking) => ({ at: booking.startsAt, booking })),
          ...free.map((slot) => ({ at: slot.start, slot })),
        ].sort((a, b) => a.at.localeCompare(b.at));
        const where = `${t.at} ${column.resource.name}${withDay ? `, ${dayName(column.date, language)}` : ''}`;
        const workedText = worked.length > 0 ? `${t.works} ${worked.map((interval) => `${clock(interval.start)}–${clock(interval.end)}`).join(', ')}` : t.notWorking;
        return (
          <section key={column.key} className="tidbok-column" aria-label={`${column.resource.name}, ${dayName(column.date, language)}`}>
            <div className="tidbok-column__head">
              {column.heading}
              <p className="tidbok-column__worked">{workedText}</p>
            </div>
            <div className="tidbok-column__body">
              <div className="tidbok-column__shade" aria-hidden="true">
                {worked.map((interval) => (
                  <span key={interval.start} className="tidbok-column__work" ref={place(rows(axis, minuteOfDay(interval.start), minuteOfDay(interval.end, true)))} />
                ))}
              </div>
              {items.length === 0 ? (
                <p className="tidbok-column__empty muted">{t.nothing}</p>
              ) : (
                <ol className="tidbok-column__items">
                  {items.map((item) =>
                    'booking' in item ? (
                      <li key={item.booking.id} className="tidbok-item tidbok-item--booking" ref={place(rows(axis, minuteOfDay(item.booking.startsAt), minuteOfDay(item.booking.endsAt, true)))}>
                        <BookingButton booking={item.booking} where={where} protectedText={t.protected} onClick={() => onBooking(item.booking)} />
                      </li>
                    ) : (
                      <li key={`${item.slot.start}-free`} className="tidbok-item" ref={place(rows(axis, minuteOfDay(item.slot.start), minuteOfDay(item.slot.end, true)))}>
                        <button type="button" className="tidbok-slot" onClick={() => onFreeSlot(item.slot, column.resource)}>
                          <span className="visually-hidden">{t.freeSlot} </span>
                          <span className="tidbok-slot__time">{clock(item.slot.start)}</span>
                          <span className="tidbok-slot__free" aria-hidden="true">
                            {t.free}
                          </span>
                          <span className="visually-hidden"> {where}</span>
                        </button>
                      </li>
                    ),
                  )}
                </ol>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function BookingButton({ booking, where, protectedText, onClick }: { booking: CalendarBooking; where: string; protectedText: string; onClick: () => void }) {
  const { language } = useLanguage();
  return (
    <button type="button" className={`tidbok-booking tidbok-booking--${booking.status}`} data-appointment={booking.id} onClick={onClick}>
      <span className="tidbok-booking__line">
        <span className="tidbok-booking__time">
          {clock(booking.startsAt)}–{clock(booking.endsAt)}
        </span>{' '}
        <strong>{booking.patient.name}</strong>
        <span className="visually-hidden"> {where}</span>
      </span>
      <span className="tidbok-booking__line tidbok-booking__pnr">
        {formatIdentity(booking.patient.identityNumber)}
        {booking.patient.protectedIdentity && <span className="badge badge--danger"> {protectedText}</span>}
      </span>
      <span className="tidbok-booking__line tidbok-booking__meta">
        {booking.visitType.name}
        {booking.channel !== 'at_unit' && ` · ${channelLabels[booking.channel][language]}`} · <span className="tidbok-booking__status">{statusLabels[booking.status][language]}</span>
      </span>
    </button>
  );
}
