import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter.ts';
import { isoWeekday } from './iso-date.ts';

describe('easterSunday (Gregorian computus)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [1583, '1583-04-10'],
    [1900, '1900-04-15'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('reaches the earliest possible date, 22 March (1818, 2285)', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  it('reaches the latest possible date, 25 April (1943, 2038)', () => {
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('applies the exceptions that keep Easter off 26 and 25 April (1954, 1981, 2049, 2076)', () => {
    expect(easterSunday(1954)).toBe('1954-04-18');
    expect(easterSunday(1981)).toBe('1981-04-19');
    expect(easterSunday(2049)).toBe('2049-04-18');
    expect(easterSunday(2076)).toBe('2076-04-19');
  });

  it('is always a Sunday between 22 March and 25 April, for every year 1583–3000', () => {
    for (let year = 1583; year <= 3000; year++) {
      const easter = easterSunday(year);
      expect(isoWeekday(easter), easter).toBe(7);
      const monthDay = easter.slice(5);
      expect(monthDay >= '03-22' && monthDay <= '04-25', easter).toBe(true);
    }
  });

  it('throws a RangeError for years outside the Gregorian calendar or not whole', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(10_000)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(Number.NaN)).toThrow(RangeError);
  });
});
