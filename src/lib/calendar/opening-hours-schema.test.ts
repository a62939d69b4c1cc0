import { describe, expect, it } from 'vitest';
import { openingHoursSchema } from './opening-hours-schema.ts';
import type { OpeningHours } from './opening-hours-schema.ts';

const weekdays08to17 = (): OpeningHours => ({
  weekly: {
    mon: [['08:00', '17:00']],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '12:00'], ['13:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [['08:00', '16:00']],
    sat: [],
    sun: [],
  },
  closedOnPublicHolidays: true,
  exceptions: [
    { from: '2026-07-06', to: '2026-08-09', label: { sv: 'Sommartider', en: 'Summer hours' }, intervals: [['09:00', '15:00']] },
    { from: '2026-03-12', to: '2026-03-12', label: { sv: 'Stängt för utbildning', en: 'Closed for training' }, intervals: [] },
  ],
});

/** The messages and paths of the issues when `input` is refused. */
function problemsWith(input: unknown): { path: string; message: string }[] {
  const result = openingHoursSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map(({ path, message }) => ({ path: path.join('.'), message }));
}

function withMonday(intervals: unknown) {
  const hours = weekdays08to17();
  return { ...hours, weekly: { ...hours.weekly, mon: intervals } };
}

function withExceptions(exceptions: unknown) {
  return { ...weekdays08to17(), exceptions };
}

const summer = { from: '2026-07-06', to: '2026-08-09', label: { sv: 'Sommartider', en: 'Summer hours' }, intervals: [['09:00', '15:00']] };

describe('openingHoursSchema: what it accepts', () => {
  it('accepts a typical health centre and returns it unchanged', () => {
    const hours = weekdays08to17();
    expect(openingHoursSchema.parse(hours)).toEqual(hours);
  });

  it('accepts a unit open around the clock, 00:00–24:00', () => {
    const allDay: [string, string][] = [['00:00', '24:00']];
    const hours = { weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, closedOnPublicHolidays: false, exceptions: [] };
    expect(problemsWith(hours)).toEqual([]);
  });

  it('accepts intervals that touch, one closing when the next opens', () => {
    expect(problemsWith(withMonday([['08:00', '12:00'], ['12:00', '17:00']]))).toEqual([]);
  });

  it('accepts a one-day exception and exceptions that follow each other without overlap', () => {
    const oneDay = { ...summer, from: '2026-08-10', to: '2026-08-10', intervals: [] };
    expect(problemsWith(withExceptions([summer, oneDay]))).toEqual([]);
  });
});

describe('openingHoursSchema: readable refusals', () => {
  it('refuses an opening time that is not a time of day', () => {
    expect(problemsWith(withMonday([['8:00', '17:00']]))).toEqual([
      { path: 'weekly.mon.0.0', message: 'An opening time must be written HH:MM, from 00:00 to 23:59 (24:00 can only close a day)' },
    ]);
    expect(problemsWith(withMonday([['08:60', '17:00']]))).toHaveLength(1);
  });

  it('refuses 24:00 as an opening time', () => {
    expect(problemsWith(withMonday([['24:00', '24:00']]))[0]).toMatchObject({ path: 'weekly.mon.0.0', message: expect.stringMatching(/24:00 can only close/) });
  });

  it('refuses a closing time past 24:00', () => {
    expect(problemsWith(withMonday([['20:00', '24:30']]))).toEqual([
      { path: 'weekly.mon.0.1', message: 'A closing time must be written HH:MM, from 00:00 to 24:00' },
    ]);
  });

  it('refuses an interval that closes before it opens, or when it opens', () => {
    expect(problemsWith(withMonday([['17:00', '08:00']]))).toEqual([
      { path: 'weekly.mon.0', message: 'The opening time 17:00 must be before the closing time 08:00' },
    ]);
    expect(problemsWith(withMonday([['08:00', '08:00']]))).toEqual([
      { path: 'weekly.mon.0', message: 'The opening time 08:00 must be before the closing time 08:00' },
    ]);
  });

  it('refuses overlapping intervals', () => {
    expect(problemsWith(withMonday([['08:00', '12:00'], ['11:00', '14:00']]))).toEqual([
      { path: 'weekly.mon.1', message: 'Intervals must be in time order and must not overlap: 11:00–14:00 starts before 08:00–12:00 has ended' },
    ]);
  });

  it('refuses intervals out of order', () => {
    expect(problemsWith(withMonday([['13:00', '17:00'], ['08:00', '12:00']]))).toEqual([
      { path: 'weekly.mon.1', message: 'Intervals must be in time order and must not overlap: 08:00–12:00 starts before 13:00–17:00 has ended' },
    ]);
  });

  it('refuses an interval that is not a pair', () => {
    expect(problemsWith(withMonday([['08:00']]))).not.toEqual([]);
    expect(problemsWith(withMonday([['08:00', '12:00', '17:00']]))).not.toEqual([]);
  });

  it('requires every day of the week and the holiday flag', () => {
    const { sun: _sunday, ...sixDays } = weekdays08to17().weekly;
    expect(problemsWith({ ...weekdays08to17(), weekly: sixDays })).toEqual([{ path: 'weekly.sun', message: expect.any(String) }]);
    const { closedOnPublicHolidays: _flag, ...withoutFlag } = weekdays08to17();
    expect(problemsWith(withoutFlag)).toEqual([{ path: 'closedOnPublicHolidays', message: expect.any(String) }]);
  });

  it('refuses an exception that ends before it starts', () => {
    expect(problemsWith(withExceptions([{ ...summer, from: '2026-08-09', to: '2026-07-06' }]))).toEqual([
      { path: 'exceptions.0.to', message: 'The exception ends (2026-07-06) before it starts (2026-08-09)' },
    ]);
  });

  it('refuses an exception date that does not exist or is not YYYY-MM-DD', () => {
    expect(problemsWith(withExceptions([{ ...summer, from: '2026-02-30' }]))).toEqual([
      { path: 'exceptions.0.from', message: 'A date must be a real calendar date written YYYY-MM-DD' },
    ]);
    expect(problemsWith(withExceptions([{ ...summer, to: '9/8/2026' }]))).toEqual([
      { path: 'exceptions.0.to', message: 'A date must be a real calendar date written YYYY-MM-DD' },
    ]);
  });

  it('refuses an exception without a label in both languages', () => {
    expect(problemsWith(withExceptions([{ ...summer, label: { sv: 'Sommartider', en: '' } }]))).toEqual([
      { path: 'exceptions.0.label.en', message: 'A label needs English text' },
    ]);
  });

  it('checks the intervals of an exception like those of a week', () => {
    expect(problemsWith(withExceptions([{ ...summer, intervals: [['15:00', '09:00']] }]))).toEqual([
      { path: 'exceptions.0.intervals.0', message: 'The opening time 15:00 must be before the closing time 09:00' },
    ]);
  });

  it('refuses overlapping exceptions, naming both, whatever order they are listed in', () => {
    const midsummer = { from: '2026-06-19', to: '2026-07-06', label: { sv: 'Midsommarstängt', en: 'Closed for midsummer' }, intervals: [] };
    expect(problemsWith(withExceptions([summer, midsummer]))).toEqual([
      {
        path: 'exceptions.0',
        message: 'Exceptions must not overlap: "Sommartider" (2026-07-06–2026-08-09) overlaps "Midsommarstängt" (2026-06-19–2026-07-06)',
      },
    ]);
  });
});
