import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, isIsoDate, isoWeekday, parseIsoDate } from './iso-date.ts';

describe('isIsoDate', () => {
  it('accepts real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-01-01')).toBe(true);
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('refuses dates that do not exist', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });

  it('refuses other ways of writing a date, and non-strings', () => {
    for (const value of ['2026-3-1', '26-03-01', '2026/03/01', '20260301', '2026-03-01T00:00', ' 2026-03-01', '', 'today']) {
      expect(isIsoDate(value), value).toBe(false);
    }
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20260301)).toBe(false);
  });
});

describe('parseIsoDate', () => {
  it('splits a date into numbers', () => {
    expect(parseIsoDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
  });

  it('throws a RangeError that names the bad value', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('9 mars')).toThrow(/"9 mars"/);
  });
});

describe('formatIsoDate', () => {
  it('pads month, day and year', () => {
    expect(formatIsoDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
    expect(formatIsoDate({ year: 987, month: 12, day: 31 })).toBe('0987-12-31');
  });
});

describe('addDays', () => {
  it('moves within a month, across months and across years', () => {
    expect(addDays('2026-03-09', 2)).toBe('2026-03-11');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('knows leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
  });

  it('is not thrown off by the DST switches, which belong to instants, not dates', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('returns the same date for zero days', () => {
    expect(addDays('2026-03-09', 0)).toBe('2026-03-09');
  });

  it('throws a RangeError on a malformed date or a fractional number of days', () => {
    expect(() => addDays('2026-3-9', 1)).toThrow(RangeError);
    expect(() => addDays('2026-03-09', 0.5)).toThrow(RangeError);
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 through Sunday 7', () => {
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(isoWeekday('2026-03-13')).toBe(5);
    expect(isoWeekday('2026-03-14')).toBe(6);
    expect(isoWeekday('2026-03-15')).toBe(7);
  });

  it('is right in distant years', () => {
    expect(isoWeekday('2000-01-01')).toBe(6);
    expect(isoWeekday('1753-03-01')).toBe(4);
  });
});
