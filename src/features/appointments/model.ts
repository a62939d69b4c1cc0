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
  return workedOn(template, dayFacts(date));
}

function workedOn(template: WorkTemplate, day: DayFacts): Interval[] {
  const { date } = day;
  if (template.absences.some((absence) => absence.from <= date && date <= absence.to)) return [];
  const exception = template.exceptions[date];
  if (exception) return exception;
  if (day.dayOff) return [];
  return template.weekly[day.weekday] ?? [];
}

/**
 * D3: the slots of `lengthMinutes` that fit in the worked intervals from `fromDate` for
 * `days` days, in order. Times are local: a 08:00 start is 08:00 in Stockholm on both
 * sides of a clock change, and a slot is as long as it says even across one.
 */
export function generateSlots(template: WorkTemplate, fromDate: string, days: number, lengthMinutes: number): Slot[] {
  return slotStarts(template, fromDate, days, lengthMinutes).map((start) => ({ start: new Date(start), end: new Date(start + lengthMinutes * 60_000) }));
}

/**
 * The same slots as epoch milliseconds of their starts: what the free-slot computation works
 * on, so that only the free slots it returns become Date objects (a unit's eight weeks are
 * some 12,000 slots and 9,000 bookings).
 */
export function slotStarts(template: WorkTemplate, fromDate: string, days: number, lengthMinutes: number): number[] {
  if (!Number.isInteger(lengthMinutes) || lengthMinutes < 5 || lengthMinutes > 480) throw new RangeError('a visit is 5 to 480 minutes');
  const starts: number[] = [];
  for (const day of daysFrom(fromDate, days)) {
    const intervals = workedOn(template, day);
    for (const interval of intervals) {
      const end = minutesOf(interval.to);
      for (let start = minutesOf(interval.from); start + lengthMinutes <= end; start += lengthMinutes) {
        starts.push(day.regularDay ? day.midnightMs + start * 60_000 : stockholmLocalToUtc(day.date, timeOf(start)).getTime());
      }
    }
  }
  return starts;
}

/**
 * What a date is, worked out once per process and date: its ISO weekday, whether it is a
 * public holiday or customary eve, when it starts in Stockholm and whether it is 24 hours
 * long. On such a day a local time is midnight plus its minutes; only the two clock-change
 * days need the time-zone data per slot. A unit's eight-week view asks this of the same 56
 * dates for every practitioner, and the calendar and time-zone lookups were most of its cost.
 */
type DayFacts = { date: string; weekday: WeekdayNumber; dayOff: boolean; midnightMs: number; regularDay: boolean };

const knownDays = new Map<string, DayFacts>();
function dayFacts(date: string): DayFacts {
  let known = knownDays.get(date);
  if (!known) {
    const midnightMs = stockholmLocalToUtc(date, '00:00').getTime();
    known = {
      date,
      weekday: isoWeekday(date) as WeekdayNumber,
      dayOff: dayOffKind(date) !== null,
      midnightMs,
      regularDay: stockholmLocalToUtc(addDays(date, 1), '00:00').getTime() - midnightMs === 86_400_000,
    };
    if (knownDays.size > 20_000) knownDays.clear();
    knownDays.set(date, known);
  }
  return known;
}

const knownRuns = new Map<string, DayFacts[]>();
/** The facts of `days` dates from `fromDate`, the same array for the same run (remembered like the days). */
function daysFrom(fromDate: string, days: number): DayFacts[] {
  const key = `${fromDate}+${days}`;
  let run = knownRuns.get(key);
  if (!run) {
    run = [];
    for (let offset = 0, date = fromDate; offset < days; offset++, date = addDays(date, 1)) run.push(dayFacts(date));
    if (knownRuns.size > 2_000) knownRuns.clear();
    knownRuns.set(key, run);
  }
  return run;
}

/** A booking as epoch milliseconds, [start, end). */
export type BookedRange = { start: number; end: number };

/**
 * The free ones: slots that start after `now` and overlap no booking (a booking may be of
 * another length). Both lists in any order.
 */
export function freeSlots(slots: Slot[], booked: Slot[], now: Date): Slot[] {
  const lengthOf = new Map(slots.map((slot) => [slot.start.getTime(), slot.end.getTime() - slot.start.getTime()]));
  const free = new Set(
    freeStarts(
      slots.map((slot) => slot.start.getTime()),
      (start) => lengthOf.get(start)!,
      booked.map((slot) => ({ start: slot.start.getTime(), end: slot.end.getTime() })),
      now.getTime(),
    ),
  );
  return slots.filter((slot) => free.has(slot.start.getTime()));
}

/**
 * The starts of the free slots, in the order given. Sorting the bookings once keeps this
 * O((slots + bookings) · log bookings), which matters for a unit's eight-week view.
 */
export function freeStarts(starts: number[], lengthMsOf: number | ((start: number) => number), booked: BookedRange[], nowMs: number): number[] {
  const taken = [...booked].sort((a, b) => a.start - b.start);
  // The latest end among the bookings that start before each index: one binary search per slot then suffices.
  const endsBefore: number[] = [];
  let latestEnd = -Infinity;
  for (const range of taken) endsBefore.push((latestEnd = Math.max(latestEnd, range.end)));
  const overlapsBooking = (start: number, end: number) => {
    let low = 0;
    let high = taken.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (taken[middle]!.start < end) low = middle + 1;
      else high = middle;
    }
    // taken[0..low) start before the slot ends; one of them overlaps iff the latest of their ends is after the slot starts.
    return low > 0 && endsBefore[low - 1]! > start;
  };
  const lengthOf = typeof lengthMsOf === 'number' ? () => lengthMsOf : lengthMsOf;
  return starts.filter((start) => start > nowMs && !overlapsBooking(start, start + lengthOf(start)));
}
