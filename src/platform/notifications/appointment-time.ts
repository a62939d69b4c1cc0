import { STOCKHOLM } from '../../lib/stockholm-time.ts';

/**
 * An appointment's time as a notification states it, in Stockholm local time: "tisdag 1 december
 * kl. 09.30" and "Tuesday 1 December at 09:30". The names are our own rather than Intl's, so the
 * text does not change with the ICU version; Intl only supplies the wall-clock reading (which
 * follows the clock changes). No year: a notification is about a time within months.
 */
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  weekday: 'short',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const weekdayIndex: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const weekdays = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const months = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export type AppointmentTimeTexts = { sv: string; en: string };

export function formatAppointmentTime(at: Date): AppointmentTimeTexts {
  if (Number.isNaN(at.getTime())) throw new RangeError('not a valid time');
  const parts: Record<string, string> = {};
  for (const { type, value } of wallClock.formatToParts(at)) parts[type] = value;
  const weekday = weekdayIndex[parts.weekday!]!;
  const month = Number(parts.month) - 1;
  const day = Number(parts.day);
  const hour = parts.hour!.padStart(2, '0');
  const minute = parts.minute!.padStart(2, '0');
  return {
    sv: `${weekdays.sv[weekday]} ${day} ${months.sv[month]} kl. ${hour}.${minute}`,
    en: `${weekdays.en[weekday]} ${day} ${months.en[month]} at ${hour}:${minute}`,
  };
}
