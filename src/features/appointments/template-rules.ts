import { z } from 'zod';
import { isIsoDate } from '../../lib/calendar/iso-date.ts';
import { stockholmLocalToUtc } from '../../lib/calendar/stockholm-clock.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import { workedIntervals, type Interval, type WorkTemplate } from './model.ts';

/**
 * What makes a working template valid (the unit administrator's schedule editor and the
 * demo content): times HH:MM, each interval from < to, a day's intervals do not overlap
 * (touching is fine: 08:00–12:00 and 12:00–16:00), real dates, absences from ≤ to. Pure.
 *
 * The Zod schema only fixes the shape and sizes; the rules below give one problem per
 * field with a message in both languages, so the editor can show it at the field.
 */
const MAX_INTERVALS_PER_DAY = 12;

const intervalShape = z.object({ from: z.string().max(5), to: z.string().max(5) });
const dayShape = z.array(intervalShape).max(MAX_INTERVALS_PER_DAY);

export const workTemplateSchema = z.object({
  weekly: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), dayShape),
  exceptions: z.record(z.string().max(10), dayShape).refine((value) => Object.keys(value).length <= 400, { message: 'at most 400 exceptions' }),
  absences: z.array(z.object({ from: z.string().max(10), to: z.string().max(10) })).max(200),
});

export type TemplateProblem = { path: string; code: 'time_format' | 'from_not_before_to' | 'overlap' | 'date_format' | 'absence_order'; message: { sv: string; en: string } };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const problem = (path: string, code: TemplateProblem['code']): TemplateProblem => ({ path, code, message: messages[code] });

const messages: Record<TemplateProblem['code'], { sv: string; en: string }> = {
  time_format: { sv: 'Skriv tiden som TT:MM, till exempel 08:00.', en: 'Write the time as HH:MM, for example 08:00.' },
  from_not_before_to: { sv: 'Starttiden måste vara före sluttiden.', en: 'The start time must be before the end time.' },
  overlap: { sv: 'Passet överlappar ett annat pass samma dag.', en: 'The interval overlaps another interval on the same day.' },
  date_format: { sv: 'Skriv datumet som ÅÅÅÅ-MM-DD.', en: 'Write the date as YYYY-MM-DD.' },
  absence_order: { sv: 'Frånvaron måste sluta samma dag eller efter att den börjar.', en: 'The absence must end on or after the day it starts.' },
};

/** The problems of one day's intervals; `path` is where the day sits in the template. */
export function dayProblems(intervals: Interval[], path: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const valid: { index: number; from: string; to: string }[] = [];
  intervals.forEach((interval, index) => {
    const at = `${path}.${index}`;
    const fromOk = TIME.test(interval.from);
    const toOk = TIME.test(interval.to);
    if (!fromOk) problems.push(problem(`${at}.from`, 'time_format'));
    if (!toOk) problems.push(problem(`${at}.to`, 'time_format'));
    if (fromOk && toOk) {
      // Zero-padded HH:MM strings compare like the times they stand for.
      if (interval.from >= interval.to) problems.push(problem(`${at}.to`, 'from_not_before_to'));
      else valid.push({ index, ...interval });
    }
  });
  const sorted = [...valid].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  // Against the latest end so far, not just the previous interval: 08–17 holds both 09–10 and 16–18.
  let latestEnd = '';
  for (const interval of sorted) {
    if (interval.from < latestEnd) problems.push(problem(`${path}.${interval.index}.from`, 'overlap'));
    if (interval.to > latestEnd) latestEnd = interval.to;
  }
  return problems;
}

export function templateProblems(template: WorkTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const [weekday, intervals] of Object.entries(template.weekly)) problems.push(...dayProblems(intervals ?? [], `weekly.${weekday}`));
  for (const [date, intervals] of Object.entries(template.exceptions)) {
    if (!isIsoDate(date)) problems.push(problem(`exceptions.${date}`, 'date_format'));
    problems.push(...dayProblems(intervals, `exceptions.${date}`));
  }
  template.absences.forEach((absence, index) => {
    const fromOk = isIsoDate(absence.from);
    const toOk = isIsoDate(absence.to);
    if (!fromOk) problems.push(problem(`absences.${index}.from`, 'date_format'));
    if (!toOk) problems.push(problem(`absences.${index}.to`, 'date_format'));
    if (fromOk && toOk && absence.from > absence.to) problems.push(problem(`absences.${index}.to`, 'absence_order'));
  });
  return problems;
}

/** The template as stored: days in weekday order, each day's intervals by start time, exceptions by date, absences by start. */
export function normaliseTemplate(template: WorkTemplate): WorkTemplate {
  const byFrom = (a: Interval, b: Interval) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);
  const weekly: WorkTemplate['weekly'] = {};
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
    const intervals = template.weekly[day];
    if (intervals && intervals.length > 0) weekly[day] = intervals.map(({ from, to }) => ({ from, to })).sort(byFrom);
  }
  const exceptions: WorkTemplate['exceptions'] = {};
  for (const date of Object.keys(template.exceptions).sort()) exceptions[date] = template.exceptions[date]!.map(({ from, to }) => ({ from, to })).sort(byFrom);
  const absences = template.absences.map(({ from, to }) => ({ from, to })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { weekly, exceptions, absences };
}

/**
 * The bookings a template does not cover: those not inside one worked interval of their
 * Stockholm day (after exceptions, holidays and absences). A template change never moves a
 * booking; this tells the administrator which ones to follow up.
 */
export function bookingsOutsideTemplate<T extends { startsAt: Date; endsAt: Date }>(template: WorkTemplate, bookings: T[]): T[] {
  return bookings.filter((booking) => {
    const date = stockholmDate(booking.startsAt);
    return !workedIntervals(template, date).some(
      (interval) => stockholmLocalToUtc(date, interval.from).getTime() <= booking.startsAt.getTime() && booking.endsAt.getTime() <= stockholmLocalToUtc(date, interval.to).getTime(),
    );
  });
}
