import { addDays, isoWeekday } from '../../lib/calendar/iso-date.ts';
import { stockholmLocalToUtc } from '../../lib/calendar/stockholm-clock.ts';
import { dayOffKind } from '../../lib/swedish-calendar.ts';

/**
 * Appointments (issue 5, groundwork): visit types, who may book them online, the
 * cancellation deadline, and free slots generated from a practitioner's weekly template
 * with its exceptions and absences, in Stockholm time across daylight-saving changes.
 * Pure: the service stores templates and bookings; this decides what is bookable.
 */

export const channels = ['at_unit', 'video', 'phone'] as const;
export type Channel = (typeof channels)[number];
export const onlineBookers = ['nobody', 'listed', 'anyone'] as const;
export type OnlineBookers = (typeof onlineBookers)[number];

export type VisitType = {
  lengthMinutes: number;
  channel: Channel;
  bookableOnlineBy: OnlineBookers;
  /** D4: how long before the start a patient may still cancel or rebook online (24 h in primary care, 72 h at specialist clinics). */
  cancellationHours: number;
  /** Shown in the web booking at all; a unit may keep some types for staff to book. */
  published: boolean;
};

export type BookingRefusal = 'not_published' | 'not_bookable_online' | 'listed_patients_only';

/** D3: whether this patient may book this visit type themselves. */
export function onlineBookingRefusal(visitType: VisitType, patient: { listedAtUnit: boolean }): BookingRefusal | null {
  if (!visitType.published) return 'not_published';
  if (visitType.bookableOnlineBy === 'nobody') return 'not_bookable_online';
  if (visitType.bookableOnlineBy === 'listed' && !patient.listedAtUnit) return 'listed_patients_only';
  return null;
}

/** D4: the last moment a patient may cancel or rebook online; after it, they call the unit. */
export function cancellationDeadline(start: Date, cancellationHours: number): Date {
  return new Date(start.getTime() - cancellationHours * 3600_000);
}

export function mayCancelOnline(start: Date, cancellationHours: number, now: Date): boolean {
  return now.getTime() < cancellationDeadline(start, cancellationHours).getTime();
}

/** Local wall-clock times, "HH:MM". */
export type Interval = { from: string; to: string };
export type WeekdayNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A practitioner's working pattern: intervals per ISO weekday, days that differ (a closed
 * day, other hours) and absences (leave, courses). On public holidays and the customary eves
 * there are no slots unless an exception opens the day (a jourcentral's red-day hours).
 */
export type WorkTemplate = {
  weekly: Partial<Record<WeekdayNumber, Interval[]>>;
  exceptions: Record<string, Interval[]>;
  absences: { from: string; to: string }[];
};

export type Slot = { start: Date; end: Date };

const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The intervals worked on a date, after exceptions, holidays and absences. */
export function workedIntervals(template: WorkTemplate, date: string): Interval[] {
  if (template.absences.some((absence) => absence.from <= date && date <= absence.to)) return [];
  const exception = template.exceptions[date];
  if (exception) return exception;
  if (dayOffKind(date)) return [];
  return template.weekly[isoWeekday(date) as WeekdayNumber] ?? [];
}

/**
 * D3: the slots of `lengthMinutes` that fit in the worked intervals from `fromDate` for
 * `days` days, in order. Times are local: a 08:00 start is 08:00 in Stockholm on both
 * sides of a clock change, and a slot is as long as it says even across one.
 */
export function generateSlots(template: WorkTemplate, fromDate: string, days: number, lengthMinutes: number): Slot[] {
  if (!Number.isInteger(lengthMinutes) || lengthMinutes < 5 || lengthMinutes > 480) throw new RangeError('a visit is 5 to 480 minutes');
  const slots: Slot[] = [];
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(fromDate, offset);
    for (const interval of workedIntervals(template, date)) {
      const end = minutesOf(interval.to);
      for (let start = minutesOf(interval.from); start + lengthMinutes <= end; start += lengthMinutes) {
        const startAt = stockholmLocalToUtc(date, timeOf(start));
        slots.push({ start: startAt, end: new Date(startAt.getTime() + lengthMinutes * 60_000) });
      }
    }
  }
  return slots;
}

/** The free ones: slots that overlap no booking (a booking may be of another length). */
export function freeSlots(slots: Slot[], booked: Slot[], now: Date): Slot[] {
  return slots.filter(
    (slot) => slot.start.getTime() > now.getTime() && !booked.some((taken) => taken.start.getTime() < slot.end.getTime() && slot.start.getTime() < taken.end.getTime()),
  );
}
