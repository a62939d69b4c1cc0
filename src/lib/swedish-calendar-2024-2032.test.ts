import { describe, expect, it } from 'vitest';
import { addDays } from './calendar/iso-date.ts';
import { customaryNonWorkingEves, isPublicHoliday, isWorkingDay, swedishPublicHolidays } from './swedish-calendar.ts';

/**
 * Issue 4 (C3) asks for every year 2024–2032. The expected dates were computed outside this
 * code base (an independent Gregorian computus and weekday arithmetic), so these tests do not
 * check the calendar against itself.
 */
const movable = {
  2024: { langfredag: '2024-03-29', pask: '2024-03-31', annandagPask: '2024-04-01', himmelsfard: '2024-05-09', pingst: '2024-05-19', midsommarafton: '2024-06-21', midsommardagen: '2024-06-22', allaHelgon: '2024-11-02' },
  2025: { langfredag: '2025-04-18', pask: '2025-04-20', annandagPask: '2025-04-21', himmelsfard: '2025-05-29', pingst: '2025-06-08', midsommarafton: '2025-06-20', midsommardagen: '2025-06-21', allaHelgon: '2025-11-01' },
  2026: { langfredag: '2026-04-03', pask: '2026-04-05', annandagPask: '2026-04-06', himmelsfard: '2026-05-14', pingst: '2026-05-24', midsommarafton: '2026-06-19', midsommardagen: '2026-06-20', allaHelgon: '2026-10-31' },
  2027: { langfredag: '2027-03-26', pask: '2027-03-28', annandagPask: '2027-03-29', himmelsfard: '2027-05-06', pingst: '2027-05-16', midsommarafton: '2027-06-25', midsommardagen: '2027-06-26', allaHelgon: '2027-11-06' },
  2028: { langfredag: '2028-04-14', pask: '2028-04-16', annandagPask: '2028-04-17', himmelsfard: '2028-05-25', pingst: '2028-06-04', midsommarafton: '2028-06-23', midsommardagen: '2028-06-24', allaHelgon: '2028-11-04' },
  2029: { langfredag: '2029-03-30', pask: '2029-04-01', annandagPask: '2029-04-02', himmelsfard: '2029-05-10', pingst: '2029-05-20', midsommarafton: '2029-06-22', midsommardagen: '2029-06-23', allaHelgon: '2029-11-03' },
  2030: { langfredag: '2030-04-19', pask: '2030-04-21', annandagPask: '2030-04-22', himmelsfard: '2030-05-30', pingst: '2030-06-09', midsommarafton: '2030-06-21', midsommardagen: '2030-06-22', allaHelgon: '2030-11-02' },
  2031: { langfredag: '2031-04-11', pask: '2031-04-13', annandagPask: '2031-04-14', himmelsfard: '2031-05-22', pingst: '2031-06-01', midsommarafton: '2031-06-20', midsommardagen: '2031-06-21', allaHelgon: '2031-11-01' },
  2032: { langfredag: '2032-03-26', pask: '2032-03-28', annandagPask: '2032-03-29', himmelsfard: '2032-05-06', pingst: '2032-05-16', midsommarafton: '2032-06-25', midsommardagen: '2032-06-26', allaHelgon: '2032-11-06' },
} as const;

/** Mondays to Fridays that are neither public holidays nor midsommarafton, julafton or nyårsafton. */
const workingDaysInYear = { 2024: 251, 2025: 249, 2026: 251, 2027: 253, 2028: 251, 2029: 250, 2030: 250, 2031: 249, 2032: 254 } as const;

describe.each(Object.entries(movable))('the Swedish calendar of %s', (yearText, days) => {
  const year = Number(yearText);

  it('has the thirteen public holidays, the Easter-dependent ones on the right dates', () => {
    const fixed = ['01-01', '01-06', '05-01', '06-06', '12-25', '12-26'].map((monthDay) => `${year}-${monthDay}`);
    const expected = [...fixed, days.langfredag, days.pask, days.annandagPask, days.himmelsfard, days.pingst, days.midsommardagen, days.allaHelgon].sort();
    expect(swedishPublicHolidays(year).map((holiday) => holiday.date).sort()).toEqual(expected);
    for (const date of expected) expect(isPublicHoliday(date)).toBe(true);
  });

  it('treats midsommarafton, julafton and nyårsafton as non-working days', () => {
    expect(customaryNonWorkingEves(year).map((eve) => eve.date).sort()).toEqual([days.midsommarafton, `${year}-12-24`, `${year}-12-31`].sort());
    for (const eve of [days.midsommarafton, `${year}-12-24`, `${year}-12-31`]) expect(isWorkingDay(eve)).toBe(false);
  });

  it('keeps skärtorsdag and the day after Kristi himmelsfärd as working days when they are weekdays', () => {
    expect(isWorkingDay(addDays(days.langfredag, -1))).toBe(true);
    expect(isWorkingDay(addDays(days.himmelsfard, 1))).toBe(true);
  });

  it(`has ${workingDaysInYear[year as keyof typeof workingDaysInYear]} working days`, () => {
    let count = 0;
    for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) if (isWorkingDay(date)) count++;
    expect(count).toBe(workingDaysInYear[year as keyof typeof workingDaysInYear]);
  });
});
