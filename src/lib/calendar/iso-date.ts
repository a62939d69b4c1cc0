/**
 * Calendar dates as 'YYYY-MM-DD' strings. The arithmetic here is on dates alone, never
 * on instants, so it runs on UTC date maths: a date has no time zone until someone asks
 * "when does it start in Stockholm?", which is the job of stockholm-clock.ts.
 */

export type IsoDateParts = { year: number; month: number; day: number };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the following month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a value is a real calendar date written as YYYY-MM-DD (so '2026-02-30' is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a YYYY-MM-DD date into numbers; throws a RangeError on anything else. */
export function parseIsoDate(date: string): IsoDateParts {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function formatIsoDate({ year, month, day }: IsoDateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtcMidnight(date: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  return utc;
}

function fromUtcMidnight(utc: Date): string {
  return formatIsoDate({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

/** The date `days` calendar days after (or, if negative, before) `date`. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`A whole number of days is required, got ${days}`);
  return fromUtcMidnight(new Date(toUtcMidnight(date).getTime() + days * MS_PER_DAY));
}

/** The ISO weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): IsoWeekday {
  const sundayZero = toUtcMidnight(date).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}
