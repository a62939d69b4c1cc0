import { isoWeekday } from '../../../../lib/calendar/iso-date.ts';
import { professionLabel } from '../../../../lib/professions.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { Calendar, CalendarBooking, FreeSlot, Resource } from '../../staff-contract.ts';
import { CalendarGrid, type Column } from './CalendarGrid.tsx';
import { clock, shortDate, stockholmDateOf } from './shared.ts';

const texts = {
  sv: {
    cancelled: (n: number) => `Avbokade tider (${n})`,
    open: (what: string) => `Öppna avbokningen ${what}`,
  },
  en: {
    cancelled: (n: number) => `Cancelled times (${n})`,
    open: (what: string) => `Open the cancelled time ${what}`,
  },
};

type Handlers = { onFreeSlot: (slot: FreeSlot, resource: Resource) => void; onBooking: (booking: CalendarBooking) => void };

/** Monday to Friday, and a weekend day only when someone works or is booked then. */
function visibleDays(calendar: Calendar): string[] {
  const used = new Set([
    ...calendar.worked.filter((entry) => entry.intervals.length > 0).map((entry) => entry.date),
    ...calendar.bookings.map((booking) => stockholmDateOf(booking.startsAt)),
  ]);
  return calendar.days.filter((date) => isoWeekday(date) <= 5 || used.has(date));
}

function ResourceTitle({ resource, level }: { resource: Resource; level: 3 | 4 }) {
  const { language } = useLanguage();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <Heading className="tidbok-column__title">
      {resource.name}
      {resource.profession && <span className="tidbok-column__profession">{professionLabel(resource.profession, language)}</span>}
    </Heading>
  );
}

/**
 * The three layouts: a day (a column per practitioner or room), a week of one resource (a
 * column per day), and a week of the whole unit (a week per resource, one after the other:
 * side by side the columns would be too narrow to read).
 */
export function CalendarViews({ calendar, ...handlers }: { calendar: Calendar } & Handlers) {
  const { language } = useLanguage();
  if (calendar.view === 'day') {
    const date = calendar.days[0]!;
    const columns: Column[] = calendar.resources.map((resource) => ({ key: resource.id, heading: <ResourceTitle resource={resource} level={3} />, resource, date }));
    return <CalendarGrid calendar={calendar} columns={columns} withDay={false} {...handlers} />;
  }
  const days = visibleDays(calendar);
  const weekOf = (resource: Resource) =>
    days.map((date) => ({ key: `${resource.id}-${date}`, heading: <h4 className="tidbok-column__title">{shortDate(date, language)}</h4>, resource, date }));
  return (
    <>
      {calendar.resources.map((resource) => (
        <section key={resource.id} className="tidbok-week" aria-labelledby={`tidbok-week-${resource.id}`}>
          <div id={`tidbok-week-${resource.id}`}>
            <ResourceTitle resource={resource} level={3} />
          </div>
          <CalendarGrid calendar={calendar} columns={weekOf(resource)} withDay {...handlers} />
        </section>
      ))}
    </>
  );
}

/** Times cancelled in the view, out of the grid (they no longer hold the time) but still to be found. */
export function CancelledList({ calendar, onBooking }: { calendar: Calendar; onBooking: (id: string) => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const cancelled = calendar.bookings.filter((booking) => booking.status === 'cancelled');
  if (cancelled.length === 0) return null;
  const nameOf = (id: string) => calendar.resources.find((resource) => resource.id === id)?.name ?? '';
  return (
    <details className="tidbok-cancelled">
      <summary>{t.cancelled(cancelled.length)}</summary>
      <ul className="plain-list">
        {cancelled.map((booking) => {
          const when = `${shortDate(stockholmDateOf(booking.startsAt), language)} ${clock(booking.startsAt)}`;
          return (
            <li key={booking.id}>
              <button type="button" className="link" data-appointment={booking.id} aria-label={t.open(`${when}, ${booking.patient.name}`)} onClick={() => onBooking(booking.id)}>
                {when}
              </button>{' '}
              · {booking.patient.name} · {booking.visitType.name} · {nameOf(booking.resourceId)}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
