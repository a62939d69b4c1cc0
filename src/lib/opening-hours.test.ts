import { describe, expect, it } from 'vitest';
import { intervalsOn, openingHoursSchema, openingStatus, weekScheduleFor } from './opening-hours.ts';
import type { OpeningHours, OpeningInterval } from './opening-hours.ts';

// TZ=UTC in the tests: instants are written in UTC. Stockholm is UTC+1 in winter and UTC+2
// in summer; in 2026 the clocks go forward on 29 March and back on 25 October (01:00Z).
const at = (iso: string) => new Date(iso);
const office: OpeningInterval[] = [['08:00', '17:00']];
const allDay: OpeningInterval[] = [['00:00', '24:00']];

function week(days: Partial<OpeningHours['weekly']>): OpeningHours['weekly'] {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], ...days };
}

// Parsed by the schema, so every fixture is also a valid configuration.
const healthCentre: OpeningHours = openingHoursSchema.parse({
  weekly: week({ mon: office, tue: office, wed: [['08:00', '12:00'], ['13:00', '17:00']], thu: office, fri: [['08:00', '16:00']] }),
  closedOnPublicHolidays: true,
  exceptions: [
    { from: '2026-03-12', to: '2026-03-12', label: { sv: 'Stängt för utbildning', en: 'Closed for training' }, intervals: [] },
    { from: '2026-07-06', to: '2026-08-09', label: { sv: 'Sommartider', en: 'Summer hours' }, intervals: [['09:00', '15:00']] },
    { from: '2026-12-24', to: '2026-12-24', label: { sv: 'Julafton, öppet förmiddag', en: 'Christmas Eve, open mornings' }, intervals: [['08:00', '12:00']] },
  ],
});

const emergencyUnit = (exceptions: OpeningHours['exceptions'] = []): OpeningHours =>
  openingHoursSchema.parse({
    weekly: week({ mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }),
    closedOnPublicHolidays: false,
    exceptions,
  });

const closedOn = (date: string) => ({ from: date, to: date, label: { sv: 'Stängt', en: 'Closed' }, intervals: [] });

describe('intervalsOn', () => {
  it('uses the weekly hours on an ordinary day', () => {
    expect(intervalsOn(healthCentre, '2026-03-30')).toEqual({ intervals: [['08:00', '17:00']], reason: 'weekly' });
    expect(intervalsOn(healthCentre, '2026-04-01')).toEqual({ intervals: [['08:00', '12:00'], ['13:00', '17:00']], reason: 'weekly' });
  });

  it('gives no intervals on a day the week leaves closed', () => {
    expect(intervalsOn(healthCentre, '2026-03-28')).toEqual({ intervals: [], reason: 'weekly' });
  });

  it('closes on a public holiday, labelled with its name, when the unit closes on holidays', () => {
    expect(intervalsOn(healthCentre, '2026-04-03')).toEqual({ intervals: [], reason: 'holiday', label: { sv: 'Långfredagen', en: 'Good Friday' } });
    expect(intervalsOn(healthCentre, '2026-04-05')).toMatchObject({ reason: 'holiday', label: { sv: 'Påskdagen' } });
  });

  it('closes on midsommarafton and nyårsafton too', () => {
    expect(intervalsOn(healthCentre, '2026-06-19')).toEqual({ intervals: [], reason: 'holiday', label: { sv: 'Midsommarafton', en: 'Midsummer Eve' } });
    expect(intervalsOn(healthCentre, '2026-12-31')).toMatchObject({ intervals: [], reason: 'holiday', label: { sv: 'Nyårsafton' } });
  });

  it('ignores holidays for a unit that stays open on them', () => {
    expect(intervalsOn(emergencyUnit(), '2026-04-03')).toEqual({ intervals: allDay, reason: 'weekly' });
  });

  it('lets an exception win over the weekly hours, with its label; no intervals means closed', () => {
    expect(intervalsOn(healthCentre, '2026-03-12')).toEqual({ intervals: [], reason: 'exception', label: { sv: 'Stängt för utbildning', en: 'Closed for training' } });
    expect(intervalsOn(healthCentre, '2026-07-07')).toMatchObject({ intervals: [['09:00', '15:00']], reason: 'exception' });
  });

  it('lets an exception win over a holiday (special hours on julafton)', () => {
    expect(intervalsOn(healthCentre, '2026-12-24')).toMatchObject({ intervals: [['08:00', '12:00']], reason: 'exception', label: { sv: 'Julafton, öppet förmiddag' } });
  });

  it('applies an exception on its first and last dates, and not the day after', () => {
    expect(intervalsOn(healthCentre, '2026-07-06').reason).toBe('exception');
    expect(intervalsOn(healthCentre, '2026-08-07').reason).toBe('exception');
    expect(intervalsOn(healthCentre, '2026-08-10')).toEqual({ intervals: office, reason: 'weekly' });
  });

  it('returns copies, so changing the answer does not change the configuration', () => {
    const answer = intervalsOn(healthCentre, '2026-03-30');
    answer.intervals[0]![1] = '23:00';
    expect(healthCentre.weekly.mon).toEqual([['08:00', '17:00']]);
  });

  it('throws a RangeError on a malformed date', () => {
    expect(() => intervalsOn(healthCentre, '2026-04-31')).toThrow(RangeError);
  });
});

describe('openingStatus on ordinary days', () => {
  it('is open on a winter Monday, closing at 17:00 = 16:00Z', () => {
    expect(openingStatus(healthCentre, at('2026-01-12T09:00:00Z'))).toEqual({
      open: true,
      closesAt: at('2026-01-12T16:00:00Z'),
      today: { intervals: office, reason: 'weekly' },
    });
  });

  it('is open on a summer Monday, closing at 17:00 = 15:00Z', () => {
    expect(openingStatus(healthCentre, at('2026-06-01T08:00:00Z')).closesAt).toEqual(at('2026-06-01T15:00:00Z'));
  });

  it('before opening on Monday 30 March (summer time) opens at 08:00 = 06:00Z', () => {
    const status = openingStatus(healthCentre, at('2026-03-30T05:00:00Z'));
    expect(status).toMatchObject({ open: false, opensAt: at('2026-03-30T06:00:00Z') });
    expect(status).not.toHaveProperty('closesAt');
  });

  it('opens at the opening instant and closes at the closing instant', () => {
    expect(openingStatus(healthCentre, at('2026-03-30T06:00:00Z')).open).toBe(true);
    expect(openingStatus(healthCentre, at('2026-03-30T14:59:59Z')).open).toBe(true);
    expect(openingStatus(healthCentre, at('2026-03-30T15:00:00Z'))).toMatchObject({ open: false, opensAt: at('2026-03-31T06:00:00Z') });
  });

  it('closed on Friday evening in winter opens on Monday in summer time', () => {
    expect(openingStatus(healthCentre, at('2026-03-27T15:30:00Z'))).toMatchObject({ open: false, opensAt: at('2026-03-30T06:00:00Z') });
  });

  it('during a lunch break reopens after it; before it closes for it', () => {
    expect(openingStatus(healthCentre, at('2026-01-14T11:30:00Z'))).toMatchObject({ open: false, opensAt: at('2026-01-14T12:00:00Z') });
    expect(openingStatus(healthCentre, at('2026-01-14T09:00:00Z'))).toMatchObject({ open: true, closesAt: at('2026-01-14T11:00:00Z') });
  });

  it('does not close between intervals that touch', () => {
    const noBreak = { ...healthCentre, weekly: week({ mon: [['08:00', '12:00'], ['12:00', '17:00']] }) };
    expect(openingStatus(noBreak, at('2026-01-12T09:00:00Z'))).toMatchObject({ open: true, closesAt: at('2026-01-12T16:00:00Z') });
  });
});

describe('openingStatus with holidays and exceptions', () => {
  it('on skärtorsdagen evening 2026 opens again on Tuesday after annandag påsk', () => {
    expect(openingStatus(healthCentre, at('2026-04-02T16:00:00Z'))).toMatchObject({ open: false, opensAt: at('2026-04-07T06:00:00Z') });
  });

  it('on långfredagen is closed, and says why', () => {
    expect(openingStatus(healthCentre, at('2026-04-03T09:00:00Z'))).toEqual({
      open: false,
      opensAt: at('2026-04-07T06:00:00Z'),
      today: { intervals: [], reason: 'holiday', label: { sv: 'Långfredagen', en: 'Good Friday' } },
    });
  });

  it('on a closed exception day is closed with the exception’s label', () => {
    expect(openingStatus(healthCentre, at('2026-03-12T09:00:00Z'))).toMatchObject({
      open: false,
      opensAt: at('2026-03-13T07:00:00Z'),
      today: { reason: 'exception', label: { sv: 'Stängt för utbildning' } },
    });
  });

  it('keeps the special hours of julafton, then skips to the Monday after Christmas', () => {
    expect(openingStatus(healthCentre, at('2026-12-24T08:00:00Z'))).toMatchObject({ open: true, closesAt: at('2026-12-24T11:00:00Z') });
    expect(openingStatus(healthCentre, at('2026-12-24T12:00:00Z'))).toMatchObject({ open: false, opensAt: at('2026-12-28T07:00:00Z') });
  });

  it('keeps summer hours from an exception', () => {
    expect(openingStatus(healthCentre, at('2026-07-07T12:00:00Z'))).toMatchObject({ open: true, closesAt: at('2026-07-07T13:00:00Z') });
  });

  it('looks 14 days ahead for the next opening, and no further', () => {
    const closedInJuly = { ...healthCentre, exceptions: [{ ...closedOn('2026-07-01'), to: '2026-07-31' }] };
    // Monday 3 August is 14 days after 20 July, but 15 days after 19 July.
    expect(openingStatus(closedInJuly, at('2026-07-20T08:00:00Z'))).toMatchObject({ open: false, opensAt: at('2026-08-03T06:00:00Z') });
    const tooFar = openingStatus(closedInJuly, at('2026-07-19T08:00:00Z'));
    expect(tooFar.open).toBe(false);
    expect(tooFar).not.toHaveProperty('opensAt');
  });

  it('never opens if every day is closed', () => {
    const neverOpen = { weekly: week({}), closedOnPublicHolidays: false, exceptions: [] };
    expect(openingStatus(neverOpen, at('2026-03-30T08:00:00Z'))).toEqual({ open: false, today: { intervals: [], reason: 'weekly' } });
  });

  it('throws a RangeError on an invalid instant', () => {
    expect(() => openingStatus(healthCentre, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('openingStatus across midnight and DST switches', () => {
  it('follows an opening that runs to 24:00 into the next day’s 00:00', () => {
    const lateNights = { weekly: week({ fri: [['18:00', '24:00']], sat: [['00:00', '02:00'], ['18:00', '24:00']], sun: [['00:00', '02:00']] }), closedOnPublicHolidays: false, exceptions: [] };
    expect(openingStatus(lateNights, at('2026-01-16T22:00:00Z'))).toMatchObject({ open: true, closesAt: at('2026-01-17T01:00:00Z') });
    expect(openingStatus(lateNights, at('2026-01-17T00:30:00Z'))).toMatchObject({ open: true, closesAt: at('2026-01-17T01:00:00Z') });
    expect(openingStatus(lateNights, at('2026-01-17T01:00:00Z'))).toMatchObject({ open: false, opensAt: at('2026-01-17T17:00:00Z') });
  });

  it('a unit open around the clock is open either side of the spring-forward switch', () => {
    for (const instant of ['2026-03-29T00:30:00Z', '2026-03-29T01:00:00Z', '2026-03-29T01:30:00Z']) {
      const status = openingStatus(emergencyUnit(), at(instant));
      expect(status.open, instant).toBe(true);
      expect(status, instant).not.toHaveProperty('closesAt');
    }
  });

  it('a unit open around the clock is open at both 02:30s of the fall-back night', () => {
    expect(openingStatus(emergencyUnit(), at('2026-10-25T00:30:00Z')).open).toBe(true);
    expect(openingStatus(emergencyUnit(), at('2026-10-25T01:30:00Z')).open).toBe(true);
  });

  it('a unit open around the clock closes at the Stockholm midnight before a closed day, across the switch', () => {
    expect(openingStatus(emergencyUnit([closedOn('2026-04-01')]), at('2026-03-29T00:30:00Z'))).toMatchObject({
      open: true,
      closesAt: at('2026-03-31T22:00:00Z'),
    });
  });

  it('follows an opening across midnights for 7 days after today, and no further', () => {
    // Today is 29 March; the 7th day after is 5 April, which ends at 2026-04-05T22:00Z.
    expect(openingStatus(emergencyUnit([closedOn('2026-04-06')]), at('2026-03-29T12:00:00Z')).closesAt).toEqual(at('2026-04-05T22:00:00Z'));
    expect(openingStatus(emergencyUnit([closedOn('2026-04-07')]), at('2026-03-29T12:00:00Z'))).not.toHaveProperty('closesAt');
  });

  it('counts 23 hours on the spring-forward Sunday and 25 on the fall-back Sunday', () => {
    const sundaysOnly = { weekly: week({ sun: allDay }), closedOnPublicHolidays: false, exceptions: [] };
    expect(openingStatus(sundaysOnly, at('2026-03-29T01:30:00Z'))).toMatchObject({ open: true, closesAt: at('2026-03-29T22:00:00Z') });
    expect(openingStatus(sundaysOnly, at('2026-03-28T23:00:00Z')).open).toBe(true);
    expect(openingStatus(sundaysOnly, at('2026-10-25T01:30:00Z'))).toMatchObject({ open: true, closesAt: at('2026-10-25T23:00:00Z') });
    expect(openingStatus(sundaysOnly, at('2026-10-24T22:00:00Z')).open).toBe(true);
    expect(openingStatus(sundaysOnly, at('2026-10-24T21:59:59Z'))).toMatchObject({ open: false, opensAt: at('2026-10-24T22:00:00Z') });
  });

  it('an 08:00–17:00 unit closes at 16:00Z in winter and 15:00Z in summer, on the days of the switches', () => {
    const everyDay = { weekly: week({ mon: office, tue: office, wed: office, thu: office, fri: office, sat: office, sun: office }), closedOnPublicHolidays: false, exceptions: [] };
    expect(openingStatus(everyDay, at('2026-03-29T10:00:00Z')).closesAt).toEqual(at('2026-03-29T15:00:00Z'));
    expect(openingStatus(everyDay, at('2026-03-28T10:00:00Z')).closesAt).toEqual(at('2026-03-28T16:00:00Z'));
    expect(openingStatus(everyDay, at('2026-10-25T10:00:00Z')).closesAt).toEqual(at('2026-10-25T16:00:00Z'));
    expect(openingStatus(everyDay, at('2026-10-24T10:00:00Z')).closesAt).toEqual(at('2026-10-24T15:00:00Z'));
  });

  it('moves an opening time in the missing spring hour forward, and drops an interval that then takes no time', () => {
    const earlySunday = { ...healthCentre, exceptions: [{ ...closedOn('2026-03-29'), intervals: [['02:30', '05:00']] as OpeningInterval[] }] };
    expect(openingStatus(earlySunday, at('2026-03-29T01:15:00Z'))).toMatchObject({ open: false, opensAt: at('2026-03-29T01:30:00Z') });
    const vanishing = { ...healthCentre, exceptions: [{ ...closedOn('2026-03-29'), intervals: [['02:30', '03:00'], ['10:00', '12:00']] as OpeningInterval[] }] };
    expect(openingStatus(vanishing, at('2026-03-29T01:15:00Z'))).toMatchObject({ open: false, opensAt: at('2026-03-29T08:00:00Z') });
  });
});

describe('weekScheduleFor', () => {
  it('lists the Easter week of 2026 with weekdays, hours and reasons', () => {
    expect(weekScheduleFor(healthCentre, '2026-03-30')).toEqual([
      { date: '2026-03-30', weekday: 'mon', intervals: office, reason: 'weekly' },
      { date: '2026-03-31', weekday: 'tue', intervals: office, reason: 'weekly' },
      { date: '2026-04-01', weekday: 'wed', intervals: [['08:00', '12:00'], ['13:00', '17:00']], reason: 'weekly' },
      { date: '2026-04-02', weekday: 'thu', intervals: office, reason: 'weekly' },
      { date: '2026-04-03', weekday: 'fri', intervals: [], reason: 'holiday', label: { sv: 'Långfredagen', en: 'Good Friday' } },
      { date: '2026-04-04', weekday: 'sat', intervals: [], reason: 'weekly' },
      { date: '2026-04-05', weekday: 'sun', intervals: [], reason: 'holiday', label: { sv: 'Påskdagen', en: 'Easter Sunday' } },
    ]);
  });

  it('runs across the new year, starting on any weekday', () => {
    const days = weekScheduleFor(healthCentre, '2026-12-30', 4);
    expect(days.map(({ date, weekday, reason }) => [date, weekday, reason])).toEqual([
      ['2026-12-30', 'wed', 'weekly'],
      ['2026-12-31', 'thu', 'holiday'],
      ['2027-01-01', 'fri', 'holiday'],
      ['2027-01-02', 'sat', 'weekly'],
    ]);
  });

  it('gives as many days as asked for, none for zero', () => {
    expect(weekScheduleFor(healthCentre, '2026-03-30', 14)).toHaveLength(14);
    expect(weekScheduleFor(healthCentre, '2026-03-30', 0)).toEqual([]);
  });

  it('throws a RangeError on a malformed date or a bad number of days', () => {
    expect(() => weekScheduleFor(healthCentre, '2026-3-30')).toThrow(RangeError);
    expect(() => weekScheduleFor(healthCentre, '2026-03-30', -1)).toThrow(RangeError);
    expect(() => weekScheduleFor(healthCentre, '2026-03-30', 2.5)).toThrow(RangeError);
  });
});
