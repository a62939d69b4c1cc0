/**
 * The Swedish calendar for deadlines ("svar inom två arbetsdagar") and opening hours:
 * public holidays, the eves treated like them, working days and working-day deadlines.
 */
import { stockholmDate } from './stockholm-time.ts';
import { addDays, isoWeekday } from './calendar/iso-date.ts';
import { dayOffKind } from './calendar/holidays.ts';
import { stockholmLocalToUtc } from './calendar/stockholm-clock.ts';

export {
  customaryNonWorkingEves,
  dayOffKind,
  holidayName,
  isCustomaryNonWorkingEve,
  isPublicHoliday,
  swedishPublicHolidays,
} from './calendar/holidays.ts';
export type { DayOffKind, LocalisedName, NamedDay } from './calendar/holidays.ts';
export { isIsoDate } from './calendar/iso-date.ts';

/** Monday to Friday, and neither a public holiday nor midsommarafton, julafton or nyårsafton. */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && dayOffKind(date) === null;
}

function assertCount(n: number, what: string, minimum: number): void {
  if (!Number.isInteger(n) || n < minimum) throw new RangeError(`${what} must be a whole number ≥ ${minimum}, got ${n}`);
}

/**
 * The date that is `n` working days after `date`, counting only working days and not
 * counting `date` itself. With n = 0 it is `date` if that is a working day, otherwise the
 * next working day.
 */
export function addWorkingDays(date: string, n: number): string {
  assertCount(n, 'The number of working days', 0);
  let current = date;
  if (n === 0) {
    while (!isWorkingDay(current)) current = addDays(current, 1);
    return current;
  }
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) counted++;
  }
  return current;
}

/**
 * When a case received at `receivedAt` must have been answered, if the promise is an
 * answer "within N working days".
 *
 * The rule, as for time limits in lagen (1930:173) om beräkning av lagstadgad tid: the day
 * of receipt does not count, whatever the hour and whether or not it is a working day.
 * Counting starts with the first working day after the Stockholm calendar date of receipt
 * (weekends, public holidays, midsommarafton, julafton and nyårsafton are skipped), and the
 * answer is on time if given before the Nth working day has ended in Stockholm.
 *
 * The result is that end as an exclusive bound: the instant of the next Stockholm midnight
 * (23:00Z in winter, 22:00Z in summer). An answer is late if given at or after it.
 */
export function workingDayDeadline(receivedAt: Date, workingDays: number): Date {
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('The time of receipt is not a valid date');
  assertCount(workingDays, 'The number of working days', 1);
  const lastDay = addWorkingDays(stockholmDate(receivedAt), workingDays);
  return stockholmLocalToUtc(lastDay, '24:00');
}
