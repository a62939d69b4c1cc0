import { describe, expect, it } from 'vitest';
import type { WorkTemplate } from './model.ts';
import { bookingsOutsideTemplate, dayProblems, normaliseTemplate, templateProblems, workTemplateSchema } from './template-rules.ts';

const codes = (problems: { path: string; code: string }[]) => problems.map((problem) => `${problem.path} ${problem.code}`);
const template = (values: Partial<WorkTemplate>): WorkTemplate => ({ weekly: {}, exceptions: {}, absences: [], ...values });

describe('a day’s intervals', () => {
  it('accepts HH:MM intervals in any order that touch but do not overlap', () => {
    expect(
      dayProblems(
        [
          { from: '13:00', to: '16:30' },
          { from: '08:00', to: '12:00' },
          { from: '12:00', to: '13:00' },
        ],
        'weekly.1',
      ),
    ).toEqual([]);
    expect(dayProblems([{ from: '00:00', to: '23:59' }], 'weekly.7')).toEqual([]);
    expect(dayProblems([], 'weekly.6')).toEqual([]);
  });

  it('wants times as two-digit HH:MM within the day', () => {
    for (const bad of ['8:00', '08.00', '0800', '24:00', '12:60', '', ' 08:00', 'åtta']) {
      expect(codes(dayProblems([{ from: bad, to: '12:00' }], 'weekly.1')), bad).toEqual(['weekly.1.0.from time_format']);
    }
    expect(codes(dayProblems([{ from: '08:00', to: '25:00' }], 'weekly.1'))).toEqual(['weekly.1.0.to time_format']);
  });

  it('wants the start before the end', () => {
    expect(codes(dayProblems([{ from: '12:00', to: '12:00' }], 'weekly.2'))).toEqual(['weekly.2.0.to from_not_before_to']);
    expect(codes(dayProblems([{ from: '16:00', to: '08:00' }], 'weekly.2'))).toEqual(['weekly.2.0.to from_not_before_to']);
  });

  it('names the later of two overlapping intervals, wherever it stands in the list', () => {
    expect(
      codes(
        dayProblems(
          [
            { from: '10:00', to: '14:00' },
            { from: '08:00', to: '12:00' },
          ],
          'weekly.3',
        ),
      ),
    ).toEqual(['weekly.3.0.from overlap']);
    // One inside another, and three in a row.
    expect(
      codes(
        dayProblems(
          [
            { from: '08:00', to: '17:00' },
            { from: '09:00', to: '10:00' },
            { from: '16:00', to: '18:00' },
          ],
          'weekly.3',
        ),
      ),
    ).toEqual(['weekly.3.1.from overlap', 'weekly.3.2.from overlap']);
  });

  it('gives every problem a message in Swedish and English', () => {
    const [problem] = dayProblems([{ from: '8', to: '12:00' }], 'weekly.1');
    expect(problem!.message.sv).toMatch(/TT:MM/);
    expect(problem!.message.en).toMatch(/HH:MM/);
  });
});

describe('a whole template', () => {
  it('checks the weekly days, the exceptions’ dates and the absences’ order', () => {
    const problems = templateProblems(
      template({
        weekly: { 1: [{ from: '08:00', to: '12:00' }], 5: [{ from: '09:00', to: '08:00' }] },
        exceptions: { '2026-12-24': [], '2026-13-01': [], '2026-12-28': [{ from: '10:00', to: '09:00' }] },
        absences: [
          { from: '2026-12-01', to: '2026-12-01' },
          { from: '2026-12-10', to: '2026-12-09' },
          { from: 'i morgon', to: '2026-12-31' },
        ],
      }),
    );
    expect(codes(problems)).toEqual([
      'weekly.5.0.to from_not_before_to',
      'exceptions.2026-13-01 date_format',
      'exceptions.2026-12-28.0.to from_not_before_to',
      'absences.1.to absence_order',
      'absences.2.from date_format',
    ]);
  });

  it('is stored in a fixed order: weekdays, intervals by start, exceptions by date, absences by start; empty days dropped', () => {
    const normalised = normaliseTemplate(
      template({
        weekly: { 3: [{ from: '13:00', to: '16:00' }, { from: '08:00', to: '12:00' }], 1: [{ from: '08:00', to: '12:00' }], 6: [] },
        exceptions: { '2026-12-28': [], '2026-12-02': [{ from: '08:00', to: '10:00' }] },
        absences: [
          { from: '2026-12-20', to: '2026-12-22' },
          { from: '2026-12-01', to: '2026-12-03' },
        ],
      }),
    );
    expect(JSON.stringify(normalised)).toBe(
      JSON.stringify({
        weekly: { 1: [{ from: '08:00', to: '12:00' }], 3: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '16:00' }] },
        exceptions: { '2026-12-02': [{ from: '08:00', to: '10:00' }], '2026-12-28': [] },
        absences: [
          { from: '2026-12-01', to: '2026-12-03' },
          { from: '2026-12-20', to: '2026-12-22' },
        ],
      }),
    );
  });

  it('has a shape schema: weekdays 1–7 only, strings, at most 12 intervals a day', () => {
    const ok = { weekly: { '1': [{ from: '08:00', to: '12:00' }] }, exceptions: {}, absences: [] };
    expect(workTemplateSchema.safeParse(ok).success).toBe(true);
    expect(workTemplateSchema.safeParse({ ...ok, weekly: { '0': [] } }).success).toBe(false);
    expect(workTemplateSchema.safeParse({ ...ok, weekly: { mon: [] } }).success).toBe(false);
    expect(workTemplateSchema.safeParse({ ...ok, absences: undefined }).success).toBe(false);
    expect(workTemplateSchema.safeParse({ ...ok, weekly: { '1': Array.from({ length: 13 }, () => ({ from: '08:00', to: '09:00' })) } }).success).toBe(false);
  });
});

describe('bookings a template no longer covers', () => {
  const weekdays: WorkTemplate = template({ weekly: { 1: [{ from: '08:00', to: '12:00' }], 2: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '16:00' }] } });
  // Monday 23 and Tuesday 24 November 2026 (CET, UTC+1).
  const booking = (start: string, minutes: number) => ({ startsAt: new Date(start), endsAt: new Date(new Date(start).getTime() + minutes * 60_000) });

  it('keeps a booking inside one worked interval and reports one outside, across the lunch break, or on a day off', () => {
    const inside = booking('2026-11-23T07:00:00Z', 30); // Mon 08:00–08:30
    const lastSlot = booking('2026-11-23T10:30:00Z', 30); // Mon 11:30–12:00
    const pastEnd = booking('2026-11-23T10:45:00Z', 30); // Mon 11:45–12:15
    const overLunch = booking('2026-11-24T10:45:00Z', 30); // Tue 11:45–12:15, the break starts at 12
    const afternoon = booking('2026-11-24T12:00:00Z', 60); // Tue 13:00–14:00
    const wednesday = booking('2026-11-25T08:00:00Z', 30);
    expect(bookingsOutsideTemplate(weekdays, [inside, lastSlot, pastEnd, overLunch, afternoon, wednesday])).toEqual([pastEnd, overLunch, wednesday]);
  });

  it('follows exceptions, absences and public holidays', () => {
    const monday = booking('2026-11-23T08:00:00Z', 30);
    const tuesday = booking('2026-11-24T08:00:00Z', 30);
    expect(bookingsOutsideTemplate({ ...weekdays, exceptions: { '2026-11-23': [] } }, [monday, tuesday])).toEqual([monday]);
    expect(bookingsOutsideTemplate({ ...weekdays, absences: [{ from: '2026-11-24', to: '2026-11-30' }] }, [monday, tuesday])).toEqual([tuesday]);
    // Monday 28 December 2026 is a working day, Friday 25 December (Christmas Day) is not.
    const christmas = booking('2026-12-25T08:00:00Z', 30);
    expect(bookingsOutsideTemplate({ ...weekdays, weekly: { ...weekdays.weekly, 5: [{ from: '08:00', to: '12:00' }] } }, [christmas])).toEqual([christmas]);
  });

  it('uses Stockholm wall time on both sides of a clock change', () => {
    // Monday 30 March 2026 is summer time (UTC+2): 08:00 local is 06:00 UTC.
    const summer = booking('2026-03-30T06:00:00Z', 30);
    const tooEarly = booking('2026-03-30T05:30:00Z', 30);
    expect(bookingsOutsideTemplate(weekdays, [summer, tooEarly])).toEqual([tooEarly]);
  });
});
