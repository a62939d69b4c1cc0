/**
 * A care unit's opening hours: which hours apply on a given Stockholm date, whether the
 * unit is open at an instant, and the coming week for display. Pure: the current time is
 * always passed in.
 */
import { STOCKHOLM, stockholmDate } from './stockholm-time.ts';
import { addDays, isoWeekday, parseIsoDate } from './calendar/iso-date.ts';
import { holidayName } from './calendar/holidays.ts';
import type { LocalisedName } from './calendar/holidays.ts';
import { stockholmLocalToUtc } from './calendar/stockholm-clock.ts';
import { weekdayKeys } from './calendar/opening-hours-schema.ts';
import type { OpeningHours, OpeningInterval, WeekdayKey } from './calendar/opening-hours-schema.ts';

export { openingHoursSchema, weekdayKeys } from './calendar/opening-hours-schema.ts';
export type { OpeningHours, OpeningInterval, WeekdayKey } from './calendar/opening-hours-schema.ts';

/** Why a date has the hours it has: the usual week, an entered exception, or a holiday. */
export type ScheduleReason = 'weekly' | 'exception' | 'holiday';

export type DaySchedule = { intervals: OpeningInterval[]; reason: ScheduleReason; label?: LocalisedName };

export type OpeningStatus = {
  open: boolean;
  /**
   * When open: the end of the current opening, followed across touching intervals and
   * midnights. Absent if it is not within CLOSING_LOOKAHEAD_DAYS after today.
   */
  closesAt?: Date;
  /** When closed: the next opening, if there is one within OPENING_LOOKAHEAD_DAYS. */
  opensAt?: Date;
  today: DaySchedule;
};

export type ScheduledDay = DaySchedule & { date: string; weekday: WeekdayKey };

/** How many days after today an opening is followed to find when it closes. */
export const CLOSING_LOOKAHEAD_DAYS = 7;
/** How many days after today are searched for the next opening. */
export const OPENING_LOOKAHEAD_DAYS = 14;

function weekdayKeyOf(date: string): WeekdayKey {
  return weekdayKeys[isoWeekday(date) - 1]!;
}

const copyIntervals = (intervals: readonly OpeningInterval[]): OpeningInterval[] =>
  intervals.map(([opens, closes]) => [opens, closes]);

/**
 * The hours that apply on a Stockholm date. An exception covering the date wins, even on
 * a holiday (so a unit can announce special holiday hours); then, for a unit closed on
 * holidays, a public holiday or midsommarafton, julafton or nyårsafton closes it; otherwise
 * the usual weekly hours apply.
 */
export function intervalsOn(hours: OpeningHours, date: string): DaySchedule {
  parseIsoDate(date);
  const exception = hours.exceptions.find(({ from, to }) => from <= date && date <= to);
  if (exception) return { intervals: copyIntervals(exception.intervals), reason: 'exception', label: { ...exception.label } };
  if (hours.closedOnPublicHolidays) {
    const holiday = holidayName(date);
    if (holiday) return { intervals: [], reason: 'holiday', label: holiday };
  }
  return { intervals: copyIntervals(hours.weekly[weekdayKeyOf(date)]), reason: 'weekly' };
}

/** The next `days` dates from `fromDate` (included) with their hours, for display. */
export function weekScheduleFor(hours: OpeningHours, fromDate: string, days = 7): ScheduledDay[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`The number of days must be a whole number ≥ 0, got ${days}`);
  parseIsoDate(fromDate);
  return Array.from({ length: days }, (_, offset) => {
    const date = addDays(fromDate, offset);
    return { date, weekday: weekdayKeyOf(date), ...intervalsOn(hours, date) };
  });
}

type Span = { startMs: number; endMs: number };

/**
 * Adds one date's openings as instants to `spans`, joining touching ones: an interval
 * ending at 24:00 and one starting at 00:00 the next day make one opening, as do
 * 08:00–12:00 and 12:00–17:00. Converting each end separately keeps DST right (the day of
 * the spring switch has 23 hours, the autumn one 25).
 */
function addOpeningSpans(spans: Span[], hours: OpeningHours, date: string): void {
  for (const [opens, closes] of intervalsOn(hours, date).intervals) {
    const startMs = stockholmLocalToUtc(date, opens).getTime();
    const endMs = stockholmLocalToUtc(date, closes).getTime();
    // On the spring-forward night 02:30–03:00 reads as 03:30–03:00 (a time in the missing
    // hour is moved forward by an hour): it takes no time, so it is not an opening.
    if (endMs <= startMs) continue;
    const previous = spans.at(-1);
    if (previous && previous.endMs >= startMs) previous.endMs = Math.max(previous.endMs, endMs);
    else spans.push({ startMs, endMs });
  }
}

/**
 * Whether the unit is open at `at`, and when that changes. Days are added one at a time
 * and the walk stops as soon as the answer is known (usually today or tomorrow): search
 * pages ask this of every unit in the region.
 */
export function openingStatus(hours: OpeningHours, at: Date): OpeningStatus {
  const atMs = at.getTime();
  if (Number.isNaN(atMs)) throw new RangeError('The instant is not a valid date');
  const today = stockholmDate(at);
  const spans: Span[] = [];
  let current: Span | undefined;
  let next: Span | undefined;
  for (let offset = 0; offset <= Math.max(CLOSING_LOOKAHEAD_DAYS, OPENING_LOOKAHEAD_DAYS); offset++) {
    const date = addDays(today, offset);
    addOpeningSpans(spans, hours, date);
    current ??= spans.find(({ startMs, endMs }) => startMs <= atMs && atMs < endMs);
    // An opening that reaches midnight may go on tomorrow; one that ends before it is settled.
    if (current && current.endMs < stockholmLocalToUtc(date, '24:00').getTime()) break;
    if (!current) {
      next = spans.find(({ startMs }) => startMs > atMs);
      if (next) break;
    }
  }

  if (current) {
    const lookaheadEndMs = stockholmLocalToUtc(addDays(today, CLOSING_LOOKAHEAD_DAYS), '24:00').getTime();
    const closesAt = current.endMs <= lookaheadEndMs ? new Date(current.endMs) : undefined;
    return { open: true, ...(closesAt && { closesAt }), today: intervalsOn(hours, today) };
  }
  const opensAt = next && next.startMs < stockholmLocalToUtc(addDays(today, OPENING_LOOKAHEAD_DAYS), '24:00').getTime() ? new Date(next.startMs) : undefined;
  return { open: false, ...(opensAt && { opensAt }), today: intervalsOn(hours, today) };
}

const stockholmClockTime = new Intl.DateTimeFormat('en-GB', { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Just "is it open now": today's intervals against the Stockholm wall clock. Enough,
 * because an opening across midnight is two intervals (…–24:00 and 00:00–…), and far
 * cheaper than openingStatus when filtering a whole region.
 */
export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  const time = stockholmClockTime.format(at);
  return intervalsOn(hours, stockholmDate(at)).intervals.some(([opens, closes]) => opens <= time && time < closes);
}
