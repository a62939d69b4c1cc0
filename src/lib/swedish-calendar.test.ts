import { describe, expect, it } from 'vitest';
import { addWorkingDays, holidayName, isWorkingDay, swedishPublicHolidays, workingDayDeadline } from './swedish-calendar.ts';

// TZ=UTC in the tests: instants are written in UTC. Stockholm is UTC+1 in winter and UTC+2
// in summer (2026: from 29 March to 25 October), so the end of a Stockholm day is 23:00Z
// in winter and 22:00Z in summer.
const at = (iso: string) => new Date(iso);
const deadline = (receivedAt: string, workingDays: number) => workingDayDeadline(at(receivedAt), workingDays).toISOString();

describe('the public entry point', () => {
  it('exposes the holiday calendar', () => {
    expect(swedishPublicHolidays(2026)).toHaveLength(13);
    expect(holidayName('2026-06-06')).toEqual({ sv: 'Sveriges nationaldag', en: 'National Day of Sweden' });
  });
});

describe('isWorkingDay', () => {
  it('is true Monday to Friday on ordinary weeks', () => {
    for (const date of ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']) expect(isWorkingDay(date), date).toBe(true);
  });

  it('is false on Saturdays and Sundays', () => {
    expect(isWorkingDay('2026-03-14')).toBe(false);
    expect(isWorkingDay('2026-03-15')).toBe(false);
  });

  it('is false on public holidays falling on weekdays', () => {
    for (const date of ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2025-06-06', '2026-12-25']) {
      expect(isWorkingDay(date), date).toBe(false);
    }
  });

  it('is false on midsommarafton, julafton and nyårsafton', () => {
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(false);
    expect(isWorkingDay('2026-12-31')).toBe(false);
  });

  it('is true on a "klämdag" (the Friday after Kristi himmelsfärdsdag) and on skärtorsdagen, which are not days off', () => {
    expect(isWorkingDay('2026-05-15')).toBe(true);
    expect(isWorkingDay('2026-04-02')).toBe(true);
  });

  it('throws a RangeError on a malformed date', () => {
    expect(() => isWorkingDay('2026-02-29')).toThrow(RangeError);
    expect(() => isWorkingDay('monday')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('with n = 0 returns a working day unchanged', () => {
    expect(addWorkingDays('2026-03-11', 0)).toBe('2026-03-11');
  });

  it('with n = 0 moves a day off to the next working day', () => {
    expect(addWorkingDays('2026-03-14', 0)).toBe('2026-03-16');
    expect(addWorkingDays('2026-12-24', 0)).toBe('2026-12-28');
    expect(addWorkingDays('2026-04-03', 0)).toBe('2026-04-07');
  });

  it('does not count the starting date', () => {
    expect(addWorkingDays('2026-03-09', 1)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-09', 2)).toBe('2026-03-11');
  });

  it('skips weekends', () => {
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-14', 1)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-09', 10)).toBe('2026-03-23');
  });

  it('skips holidays and eves', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-30', 1)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-05', 1)).toBe('2027-01-07');
  });

  it('throws a RangeError on a negative or fractional count, or a malformed date', () => {
    expect(() => addWorkingDays('2026-03-09', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-09', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-3-9', 1)).toThrow(RangeError);
  });
});

describe('workingDayDeadline ("svar inom N arbetsdagar")', () => {
  it('Monday 10:00 + 2 working days → end of Wednesday', () => {
    expect(deadline('2026-03-09T09:00:00Z', 2)).toBe('2026-03-11T23:00:00.000Z');
  });

  it('does not count the day of receipt however early the case arrives', () => {
    expect(deadline('2026-03-08T23:00:00Z', 1)).toBe('2026-03-10T23:00:00.000Z'); // Monday 00:00 in Stockholm
    expect(deadline('2026-03-09T22:59:59Z', 1)).toBe('2026-03-10T23:00:00.000Z'); // Monday 23:59:59
  });

  it('Friday 16:00 + 2 working days → end of Tuesday', () => {
    expect(deadline('2026-03-13T15:00:00Z', 2)).toBe('2026-03-17T23:00:00.000Z');
  });

  it('received on a Saturday: counting starts on Monday', () => {
    expect(deadline('2026-03-14T11:00:00Z', 1)).toBe('2026-03-16T23:00:00.000Z');
    expect(deadline('2026-03-14T11:00:00Z', 2)).toBe('2026-03-17T23:00:00.000Z');
  });

  it('uses the Stockholm date of receipt, not the UTC one', () => {
    // Sunday 23:30 in Stockholm: still Sunday, so Monday is the first working day.
    expect(deadline('2026-03-08T22:30:00Z', 1)).toBe('2026-03-09T23:00:00.000Z');
    // Monday 00:30 in Stockholm while it is still Sunday in UTC: Monday is the day of receipt.
    expect(deadline('2026-03-08T23:30:00Z', 1)).toBe('2026-03-10T23:00:00.000Z');
  });

  it('skärtorsdagen 2026-04-02 + 2: långfredagen, the Easter weekend and annandag påsk are skipped', () => {
    expect(deadline('2026-04-02T08:00:00Z', 1)).toBe('2026-04-07T22:00:00.000Z');
    expect(deadline('2026-04-02T08:00:00Z', 2)).toBe('2026-04-08T22:00:00.000Z');
  });

  it('23 December 2026: julafton, juldagen, annandag jul and the weekend are skipped, then nyårsafton and nyårsdagen', () => {
    expect(deadline('2026-12-23T09:00:00Z', 1)).toBe('2026-12-28T23:00:00.000Z');
    expect(deadline('2026-12-23T09:00:00Z', 2)).toBe('2026-12-29T23:00:00.000Z');
    expect(deadline('2026-12-23T09:00:00Z', 3)).toBe('2026-12-30T23:00:00.000Z');
    expect(deadline('2026-12-23T09:00:00Z', 4)).toBe('2027-01-04T23:00:00.000Z');
  });

  it('the day before midsommarafton: midsommarafton, midsommardagen and Sunday are skipped', () => {
    expect(deadline('2026-06-18T12:00:00Z', 1)).toBe('2026-06-22T22:00:00.000Z');
    expect(deadline('2026-06-18T12:00:00Z', 2)).toBe('2026-06-23T22:00:00.000Z');
  });

  it('across the switch to summer time: received Friday 27 March, due by the end of Tuesday 31 March (22:00Z)', () => {
    expect(deadline('2026-03-27T10:00:00Z', 2)).toBe('2026-03-31T22:00:00.000Z');
  });

  it('across the switch to winter time: due by 22:00Z before it, 23:00Z after it', () => {
    expect(deadline('2026-10-22T10:00:00Z', 1)).toBe('2026-10-23T22:00:00.000Z');
    expect(deadline('2026-10-23T10:00:00Z', 1)).toBe('2026-10-26T23:00:00.000Z');
  });

  it('is an exclusive end: the last moment on time is still the due date in Stockholm', () => {
    const due = workingDayDeadline(at('2026-01-12T09:00:00Z'), 2);
    expect(due.toISOString()).toBe('2026-01-14T23:00:00.000Z');
    const stockholmDateOf = (instant: Date) => instant.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    expect(stockholmDateOf(new Date(due.getTime() - 1))).toBe('2026-01-14');
    expect(stockholmDateOf(due)).toBe('2026-01-15');
  });

  it('handles longer deadlines across several weekends', () => {
    expect(deadline('2026-03-09T09:00:00Z', 10)).toBe('2026-03-23T23:00:00.000Z');
  });

  it('throws a RangeError on an invalid instant or a count that is not a whole number ≥ 1', () => {
    expect(() => workingDayDeadline(new Date('not a date'), 2)).toThrow(RangeError);
    expect(() => workingDayDeadline(at('2026-03-09T09:00:00Z'), 0)).toThrow(RangeError);
    expect(() => workingDayDeadline(at('2026-03-09T09:00:00Z'), -1)).toThrow(RangeError);
    expect(() => workingDayDeadline(at('2026-03-09T09:00:00Z'), 1.5)).toThrow(RangeError);
  });
});
