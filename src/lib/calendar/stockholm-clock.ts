import { STOCKHOLM } from '../stockholm-time.ts';
import { parseIsoDate } from './iso-date.ts';

/**
 * Converting between wall-clock time in Stockholm and instants. The offset from UTC is
 * never assumed (+01:00 in winter, +02:00 in summer, and the dates of the switch are
 * politics); it is always read from Intl's time-zone data.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const wallClockParts = new Intl.DateTimeFormat('en-US', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Stockholm wall-clock reading at an instant (to the second), encoded as if it were a UTC timestamp. */
export function wallClockAsUtcMs(instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of wallClockParts.formatToParts(instantMs)) parts[type] = Number(value);
  const wall = new Date(0);
  wall.setUTCFullYear(parts.year!, parts.month! - 1, parts.day!);
  wall.setUTCHours(parts.hour!, parts.minute!, parts.second!, 0);
  return wall.getTime();
}

/** How far Stockholm's clocks are ahead of UTC at an instant, in milliseconds. */
export function offsetMsAt(instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockAsUtcMs(wholeSecond) - wholeSecond;
}

/** 'HH:MM' (00:00–24:00) as minutes after midnight; throws a RangeError on anything else. */
export function minutesOfClockTime(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`Not a time of day in the form HH:MM (00:00–24:00): ${JSON.stringify(time)}`);
  }
  return hours * 60 + minutes;
}

/**
 * The instant at which Stockholm's clocks show `time` on `date`. '24:00' is the midnight
 * that ends the date.
 *
 * Twice a year the wall clock is not a one-to-one map:
 * - On the spring-forward night (last Sunday of March) 02:00–02:59 never happens. Such a
 *   time is moved forward by the length of the gap, so 02:30 becomes 03:30 summer time
 *   (as Temporal's 'compatible' disambiguation and RFC 5545 do).
 * - On the fall-back night (last Sunday of October) 02:00–02:59 happens twice. The first
 *   occurrence, still on summer time, is taken.
 */
export function stockholmLocalToUtc(date: string, time: string): Date {
  // Pure and asked again and again (every unit opens at 08:00 on the same dates), while each
  // conversion costs four Intl calls: remember the answers, within a bound.
  const key = `${date}T${time}`;
  const known = conversions.get(key);
  if (known !== undefined) return new Date(known);
  const instant = convertStockholmLocalToUtc(date, time);
  if (conversions.size >= MAX_REMEMBERED_CONVERSIONS) conversions.clear();
  conversions.set(key, instant.getTime());
  return instant;
}

const MAX_REMEMBERED_CONVERSIONS = 20_000;
const conversions = new Map<string, number>();

function convertStockholmLocalToUtc(date: string, time: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  const wallMs = wall.getTime() + minutesOfClockTime(time) * MS_PER_MINUTE;

  // The offsets a day either side cover both sides of any switch near this wall time
  // (Stockholm never switches twice within two days).
  const offsetBefore = offsetMsAt(wallMs - MS_PER_DAY);
  const offsetAfter = offsetMsAt(wallMs + MS_PER_DAY);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instantMs) => wallClockAsUtcMs(instantMs) === wallMs,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // No instant shows this wall time: it is in the spring-forward gap. Reading it with the
  // offset from before the switch lands the same distance past the end of the gap.
  return new Date(wallMs - offsetBefore);
}

