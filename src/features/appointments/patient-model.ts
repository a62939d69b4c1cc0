import { addDays } from '../../lib/calendar/iso-date.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import { mayCancelOnline } from './model.ts';

/**
 * The patient's side of booking, pure: how far ahead they may book, which of their
 * visits are still ahead, and whether one may still be cancelled or moved online.
 */

/** The last Stockholm date a patient may book on: the horizon counts today as its first day. */
export function lastBookableDate(now: Date, horizonDays: number): string {
  return addDays(stockholmDate(now), horizonDays - 1);
}

export function withinHorizon(startsAt: Date, now: Date, horizonDays: number): boolean {
  return stockholmDate(startsAt) <= lastBookableDate(now, horizonDays);
}

type Visit = { status: string; startsAt: Date; endsAt: Date };

/** Ahead of the patient: booked and not over yet (a visit under way still counts). */
export function isUpcoming(visit: Visit, now: Date): boolean {
  return visit.status === 'booked' && visit.endsAt.getTime() > now.getTime();
}

/** Upcoming visits soonest first; the rest (done, missed, cancelled) newest first. */
export function splitVisits<T extends Visit>(visits: T[], now: Date): { upcoming: T[]; past: T[] } {
  const upcoming = visits.filter((visit) => isUpcoming(visit, now)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = visits.filter((visit) => !isUpcoming(visit, now)).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return { upcoming, past };
}

/**
 * A visit type's limit on web booking ("högst en bokad tid per patient"): the patient's
 * upcoming visits of the type, soonest first, when they already hold as many as the limit
 * allows, so a new one would take one time too many from others; otherwise null (also when
 * the type has no limit). `visits` are the patient's visits of that one type. Only a new
 * booking online is limited: moving one keeps the count, and staff may book beyond it.
 */
export function visitsAtBookingLimit<T extends Visit>(visits: T[], limit: number | null, now: Date): T[] | null {
  if (limit === null) return null;
  const { upcoming } = splitVisits(visits, now);
  return upcoming.length >= limit ? upcoming : null;
}

/** The times held at a booking limit as the patient is told of them: each, and whether it may still be moved online. */
export function heldTimes<T extends Visit & { id: string }>(held: T[], cancellationHours: number, now: Date): { id: string; startsAt: Date; mayRebook: boolean }[] {
  return held.map((visit) => ({ id: visit.id, startsAt: visit.startsAt, mayRebook: changeRefusal(visit, cancellationHours, now) === null }));
}

/** Why the patient cannot cancel or move the visit online now, or null if they can (D2, D4). */
export type ChangeRefusal = 'not_booked' | 'deadline_passed';

export function changeRefusal(visit: Visit, cancellationHours: number, now: Date): ChangeRefusal | null {
  if (visit.status !== 'booked') return 'not_booked';
  if (!mayCancelOnline(visit.startsAt, cancellationHours, now)) return 'deadline_passed';
  return null;
}

// ---- times in words, as the patient reads them (the web app and the calendar file) ----------

const STOCKHOLM = 'Europe/Stockholm';
const dayFormats = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, weekday: 'long', day: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: STOCKHOLM, weekday: 'long', day: 'numeric', month: 'long' }),
};
const yearFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, year: 'numeric' });
const clockFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "09.30" in Swedish (the Swedish style), "09:30" in English; Stockholm time. */
export function clockText(at: Date, language: 'sv' | 'en'): string {
  const [hours, minutes] = clockFormat.format(at).split(':') as [string, string];
  return language === 'sv' ? `${hours}.${minutes}` : `${hours}:${minutes}`;
}

/** "tisdag 1 december" / "Tuesday 1 December", with the year when it is not this year's. */
export function dayText(at: Date, language: 'sv' | 'en', now?: Date): string {
  const day = dayFormats[language].format(at).replace(',', '');
  const year = yearFormat.format(at);
  return now && yearFormat.format(now) !== year ? `${day} ${year}` : day;
}

/** "tisdag 1 december kl. 09.30" / "Tuesday 1 December at 09:30". */
export function visitTimeText(at: Date, language: 'sv' | 'en', now?: Date): string {
  return language === 'sv' ? `${dayText(at, 'sv', now)} kl. ${clockText(at, 'sv')}` : `${dayText(at, 'en', now)} at ${clockText(at, 'en')}`;
}
