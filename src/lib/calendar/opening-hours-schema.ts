import { z } from 'zod';
import { isIsoDate } from './iso-date.ts';

/**
 * How a care unit's opening hours are written down. Times are Stockholm wall-clock times;
 * an interval is [opens, closes), so '24:00' may close a day but never open one, and a unit
 * open around the clock has [['00:00', '24:00']] every day.
 */

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isOpeningTime = (value: string) => CLOCK_TIME.test(value);
const isClosingTime = (value: string) => CLOCK_TIME.test(value) || value === '24:00';

const openingTime = z.string().refine(isOpeningTime, 'An opening time must be written HH:MM, from 00:00 to 23:59 (24:00 can only close a day)');
const closingTime = z.string().refine(isClosingTime, 'A closing time must be written HH:MM, from 00:00 to 24:00');

// 'HH:MM' strings of equal length compare in time order, '24:00' after every other time.
const interval = z.tuple([openingTime, closingTime]).superRefine(([opens, closes], ctx) => {
  if (isOpeningTime(opens) && isClosingTime(closes) && opens >= closes) {
    ctx.addIssue({ code: 'custom', message: `The opening time ${opens} must be before the closing time ${closes}` });
  }
});

const intervals = z.array(interval).superRefine((list, ctx) => {
  for (let i = 1; i < list.length; i++) {
    const [previousOpens, previousCloses] = list[i - 1]!;
    const [opens, closes] = list[i]!;
    if (opens < previousCloses) {
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `Intervals must be in time order and must not overlap: ${opens}–${closes} starts before ${previousOpens}–${previousCloses} has ended`,
      });
    }
  }
});

const isoDate = z.string().refine(isIsoDate, 'A date must be a real calendar date written YYYY-MM-DD');

const localisedLabel = z.object({
  sv: z.string().min(1, 'A label needs Swedish text'),
  en: z.string().min(1, 'A label needs English text'),
});

/** A period (both ends included) with other hours than usual; no intervals means closed. */
const exception = z
  .object({ from: isoDate, to: isoDate, label: localisedLabel, intervals })
  .superRefine(({ from, to }, ctx) => {
    if (isIsoDate(from) && isIsoDate(to) && to < from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `The exception ends (${to}) before it starts (${from})` });
    }
  });

// Overlapping exceptions would leave it unclear which applies, so they are refused.
const exceptions = z.array(exception).superRefine((list, ctx) => {
  const byStart = list.map((entry, index) => ({ ...entry, index })).sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < byStart.length; i++) {
    const previous = byStart[i - 1]!;
    const current = byStart[i]!;
    if (current.from <= previous.to) {
      ctx.addIssue({
        code: 'custom',
        path: [current.index],
        message: `Exceptions must not overlap: "${current.label.sv}" (${current.from}–${current.to}) overlaps "${previous.label.sv}" (${previous.from}–${previous.to})`,
      });
    }
  }
});

export const openingHoursSchema = z.object({
  weekly: z.object({
    mon: intervals,
    tue: intervals,
    wed: intervals,
    thu: intervals,
    fri: intervals,
    sat: intervals,
    sun: intervals,
  }),
  /** Closed on public holidays and on midsommarafton, julafton and nyårsafton. */
  closedOnPublicHolidays: z.boolean(),
  exceptions,
});

export type OpeningHours = z.infer<typeof openingHoursSchema>;
export type OpeningInterval = [opens: string, closes: string];
