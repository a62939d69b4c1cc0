import type { Language } from '../../../../web/i18n/i18n.tsx';
import { useRefetchOn } from '../../../../web/realtime/realtime.ts';
import { addDays, isIsoDate, isoWeekday } from '../../../../lib/calendar/iso-date.ts';
import { stockholmDate } from '../../../../lib/stockholm-time.ts';
import type { Channel } from '../../model.ts';
import type { AppointmentStatus, CalendarView } from '../../staff-contract.ts';
import './appointments-staff.css';

/** What the staff calendar's parts share: query keys, the view in the URL, labels, Stockholm times. */

export const staffAppointmentsKey = ['staff-appointments'] as const;
export const resourcesKey = [...staffAppointmentsKey, 'resources'] as const;
export const calendarKey = (view: CalendarState) => [...staffAppointmentsKey, 'calendar', view] as const;
export const appointmentKey = (id: string) => [...staffAppointmentsKey, 'appointment', id] as const;
export const freeSlotsKey = (query: Record<string, string>) => [...staffAppointmentsKey, 'free-slots', query] as const;

/**
 * Live: any appointment of the unit booked, moved, cancelled or marked (by a patient at home
 * or a colleague) refetches the calendar and an open booking. The event names one booking,
 * but a move changes two (the old and the new), so everything of this page is fetched again.
 */
export function useLiveAppointments() {
  useRefetchOn('appointments.changed', () => [staffAppointmentsKey]);
}

// ---- the view in the URL (so it can be shared and reloaded) ---------------------------------

export type CalendarState = { date: string; view: CalendarView; resource?: string; type?: string };

const isDate = (value: string | null): value is string => isIsoDate(value);
const isId = (value: string | null): value is string => value !== null && /^[0-9a-f-]{36}$/.test(value);

export const todayInStockholm = () => stockholmDate(new Date());

export function stateOf(params: URLSearchParams): CalendarState {
  const date = params.get('date');
  const resource = params.get('resource');
  const type = params.get('type');
  return {
    date: isDate(date) ? date : todayInStockholm(),
    view: params.get('view') === 'week' ? 'week' : 'day',
    ...(isId(resource) ? { resource } : {}),
    ...(isId(type) ? { type } : {}),
  };
}

/** The calendar's request: the state with the API's parameter names. */
export function calendarQuery(state: CalendarState): string {
  const query = new URLSearchParams({ date: state.date, view: state.view });
  if (state.resource) query.set('resourceId', state.resource);
  if (state.type) query.set('visitTypeId', state.type);
  return query.toString();
}

/** The date one step (a day or a week) before or after. */
export const stepDate = (state: CalendarState, direction: -1 | 1) => addDays(state.date, direction * (state.view === 'week' ? 7 : 1));

export const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));

// ---- Stockholm times ------------------------------------------------------------------------

const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "09:30" in Stockholm. */
export const clock = (iso: string) => timeFormat.format(new Date(iso));

/** Minutes after Stockholm midnight; an end at midnight counts as 24:00 of the day before. */
export function minuteOfDay(iso: string, end = false): number {
  const [hours, minutes] = clock(iso).split(':').map(Number) as [number, number];
  const value = hours * 60 + minutes;
  return end && value === 0 ? 24 * 60 : value;
}

export const stockholmDateOf = (iso: string) => stockholmDate(new Date(iso));

const locale = (language: Language) => (language === 'sv' ? 'sv-SE' : 'en-GB');
const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);

/** "tisdag 24 november 2026" */
export const longDate = (date: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(noonOf(date));

/** "tis 24 nov" */
export const shortDate = (date: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(noonOf(date));

/** "24 november" and "24 november 2026" (a week's first and last day) */
export const dayMonth = (date: string, language: Language) => new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(noonOf(date));
export const dayMonthYear = (date: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(noonOf(date));

/** "tisdag 24 november" */
export const dayName = (date: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(noonOf(date));

/** ISO week number of a date (the week of its Thursday). */
export function isoWeekNumber(date: string): number {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const yearStart = new Date(`${thursday.slice(0, 4)}-01-01T00:00:00Z`).getTime();
  return Math.floor((new Date(`${thursday}T00:00:00Z`).getTime() - yearStart) / 86_400_000 / 7) + 1;
}

// ---- labels ---------------------------------------------------------------------------------

type Localised = Record<Language, string>;

export const statusLabels: Record<AppointmentStatus, Localised> = {
  booked: { sv: 'Bokad', en: 'Booked' },
  arrived: { sv: 'Ankommen', en: 'Arrived' },
  no_show: { sv: 'Uteblev', en: 'Did not attend' },
  cancelled: { sv: 'Avbokad', en: 'Cancelled' },
  rebooked: { sv: 'Flyttad', en: 'Moved' },
};

export const channelLabels: Record<Channel, Localised> = {
  at_unit: { sv: 'Besök på mottagningen', en: 'Visit at the clinic' },
  video: { sv: 'Videobesök', en: 'Video visit' },
  phone: { sv: 'Telefonsamtal', en: 'Phone call' },
};

/** Places an element in the calendar grid through the CSSOM (the CSP forbids style attributes, not this; uPlot does the same). */
export function place(properties: Record<string, number>) {
  return (element: HTMLElement | null) => {
    if (!element) return;
    for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, String(value));
  };
}
