import { offsetMsAt, stockholmLocalToUtc, wallClockAsUtcMs } from '../../lib/calendar/stockholm-clock.ts';

/**
 * D6: when an appointment's reminder goes out. "24 hours before" a visit at 09:00 means 09:00
 * the day before on the clock in Sweden, also when the clocks change in between: a patient
 * expects it at the same time of day, not at 08:00 or 10:00. So the hours are counted on the
 * Stockholm wall clock and the result mapped back to an instant. Pure.
 */

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Stockholm's wall clock at an instant, to the millisecond, encoded as if it were a UTC timestamp (so wall-clock arithmetic is plain arithmetic). */
function wallClockMs(instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / SECOND) * SECOND;
  return wallClockAsUtcMs(wholeSecond) + (instantMs - wholeSecond);
}

/**
 * The instant at which Stockholm's clocks show `wallMs`. stockholmLocalToUtc does the
 * conversion and takes the earlier instant of an autumn hour that happens twice. A time in the
 * spring gap it moves forward by the gap's length (02:30 → 03:30); a reminder should rather
 * come at the first moment after the gap (03:00), as close to the asked time as the clock allows.
 */
function instantOfWallClock(wallMs: number): number {
  const minuteMs = Math.floor(wallMs / MINUTE) * MINUTE;
  const iso = new Date(minuteMs).toISOString(); // the wall clock as YYYY-MM-DDTHH:MM…
  const instant = stockholmLocalToUtc(iso.slice(0, 10), iso.slice(11, 16)).getTime() + (wallMs - minuteMs);
  const shownThen = wallClockMs(instant);
  if (shownThen === wallMs) return instant;
  // In the gap. `instant` is on the new offset; moved back by the gap's length it is on the old
  // one. The switch lies between (on a whole second): find it, without assuming when it is.
  const newOffset = offsetMsAt(instant);
  let oldSecond = Math.floor((instant - (shownThen - wallMs)) / SECOND);
  let newSecond = Math.floor(instant / SECOND);
  while (newSecond - oldSecond > 1) {
    const middle = Math.floor((oldSecond + newSecond) / 2);
    if (offsetMsAt(middle * SECOND) === newOffset) newSecond = middle;
    else oldSecond = middle;
  }
  return newSecond * SECOND;
}

/**
 * The moment of a reminder `hoursBefore` hours before `startsAt`, counted on the Stockholm wall
 * clock. A wall-clock time that does not exist (the spring gap, 02:00–03:00) becomes the first
 * instant after it; one that happens twice (autumn) the earlier of the two.
 */
export function reminderMoment(startsAt: Date, hoursBefore: number): Date {
  if (Number.isNaN(startsAt.getTime())) throw new RangeError('not a valid time');
  if (!Number.isFinite(hoursBefore)) throw new RangeError('hours before must be a number');
  return new Date(instantOfWallClock(wallClockMs(startsAt.getTime()) - hoursBefore * HOUR));
}
