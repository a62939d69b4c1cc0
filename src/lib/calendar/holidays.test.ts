import { describe, expect, it } from 'vitest';
import {
  customaryNonWorkingEves,
  dayOffKind,
  holidayName,
  isCustomaryNonWorkingEve,
  isPublicHoliday,
  swedishPublicHolidays,
} from './holidays.ts';
import { isoWeekday } from './iso-date.ts';

const datesAndSwedishNames = (days: { date: string; name: { sv: string } }[]) => days.map(({ date, name }) => [date, name.sv]);

describe('swedishPublicHolidays', () => {
  it('lists the thirteen holidays of 2026 in date order', () => {
    expect(datesAndSwedishNames(swedishPublicHolidays(2026))).toEqual([
      ['2026-01-01', 'Nyårsdagen'],
      ['2026-01-06', 'Trettondedag jul'],
      ['2026-04-03', 'Långfredagen'],
      ['2026-04-05', 'Påskdagen'],
      ['2026-04-06', 'Annandag påsk'],
      ['2026-05-01', 'Första maj'],
      ['2026-05-14', 'Kristi himmelsfärdsdag'],
      ['2026-05-24', 'Pingstdagen'],
      ['2026-06-06', 'Sveriges nationaldag'],
      ['2026-06-20', 'Midsommardagen'],
      ['2026-10-31', 'Alla helgons dag'],
      ['2026-12-25', 'Juldagen'],
      ['2026-12-26', 'Annandag jul'],
    ]);
  });

  it('keeps date order when pingstdagen falls after nationaldagen (2025)', () => {
    const holidays2025 = datesAndSwedishNames(swedishPublicHolidays(2025));
    expect(holidays2025).toContainEqual(['2025-06-06', 'Sveriges nationaldag']);
    expect(holidays2025).toContainEqual(['2025-06-08', 'Pingstdagen']);
    const dates = holidays2025.map(([date]) => date!);
    expect(dates).toEqual([...dates].sort());
  });

  it('has English names too', () => {
    const names2026 = swedishPublicHolidays(2026).map(({ name }) => name.en);
    expect(names2026).toContain('Good Friday');
    expect(names2026).toContain('National Day of Sweden');
    expect(names2026).toContain("All Saints' Day");
  });

  it('derives the Easter holidays from Easter Sunday', () => {
    const byName = Object.fromEntries(swedishPublicHolidays(2024).map(({ date, name }) => [name.sv, date]));
    expect(byName).toMatchObject({
      Långfredagen: '2024-03-29',
      Påskdagen: '2024-03-31',
      'Annandag påsk': '2024-04-01',
      'Kristi himmelsfärdsdag': '2024-05-09',
      Pingstdagen: '2024-05-19',
    });
  });

  it('puts midsommardagen on the Saturday 20–26 June, at both ends of the range', () => {
    const midsommardagen = (year: number) => swedishPublicHolidays(year).find(({ name }) => name.sv === 'Midsommardagen')!.date;
    expect(midsommardagen(2026)).toBe('2026-06-20');
    expect(midsommardagen(2027)).toBe('2027-06-26');
    expect(midsommardagen(2024)).toBe('2024-06-22');
  });

  it('puts alla helgons dag on the Saturday 31 October–6 November, at both ends of the range', () => {
    const allaHelgonsDag = (year: number) => swedishPublicHolidays(year).find(({ name }) => name.sv === 'Alla helgons dag')!.date;
    expect(allaHelgonsDag(2026)).toBe('2026-10-31');
    expect(allaHelgonsDag(2027)).toBe('2027-11-06');
    expect(allaHelgonsDag(2025)).toBe('2025-11-01');
  });

  it('keeps both entries when two holidays share a date (första maj and Kristi himmelsfärdsdag, 2008)', () => {
    expect(datesAndSwedishNames(swedishPublicHolidays(2008)).filter(([date]) => date === '2008-05-01')).toEqual([
      ['2008-05-01', 'Första maj'],
      ['2008-05-01', 'Kristi himmelsfärdsdag'],
    ]);
  });

  it('puts every holiday in the year asked for, and the Saturday ones on Saturdays, for 2000–2100', () => {
    for (let year = 2000; year <= 2100; year++) {
      const holidays = swedishPublicHolidays(year);
      expect(holidays).toHaveLength(13);
      for (const { date, name } of holidays) {
        expect(date.startsWith(`${year}-`), date).toBe(true);
        if (name.sv === 'Midsommardagen' || name.sv === 'Alla helgons dag') expect(isoWeekday(date), date).toBe(6);
      }
    }
  });

  it('throws a RangeError for an unsupported year', () => {
    expect(() => swedishPublicHolidays(1500)).toThrow(RangeError);
    expect(() => swedishPublicHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('customaryNonWorkingEves', () => {
  it('lists midsommarafton, julafton and nyårsafton', () => {
    expect(customaryNonWorkingEves(2026)).toEqual([
      { date: '2026-06-19', name: { sv: 'Midsommarafton', en: 'Midsummer Eve' } },
      { date: '2026-12-24', name: { sv: 'Julafton', en: 'Christmas Eve' } },
      { date: '2026-12-31', name: { sv: 'Nyårsafton', en: "New Year's Eve" } },
    ]);
  });

  it('puts midsommarafton on the Friday before midsommardagen, even when that is 19 June', () => {
    expect(customaryNonWorkingEves(2027)[0]!.date).toBe('2027-06-25');
    expect(customaryNonWorkingEves(2026)[0]!.date).toBe('2026-06-19');
    expect(isoWeekday(customaryNonWorkingEves(2026)[0]!.date)).toBe(5);
  });
});

describe('looking up a date', () => {
  it('recognises a public holiday', () => {
    expect(isPublicHoliday('2026-04-03')).toBe(true);
    expect(isCustomaryNonWorkingEve('2026-04-03')).toBe(false);
    expect(dayOffKind('2026-04-03')).toBe('public-holiday');
    expect(holidayName('2026-04-03')).toEqual({ sv: 'Långfredagen', en: 'Good Friday' });
  });

  it('names an eve but does not call it a public holiday', () => {
    expect(isPublicHoliday('2026-12-24')).toBe(false);
    expect(isCustomaryNonWorkingEve('2026-12-24')).toBe(true);
    expect(dayOffKind('2026-12-24')).toBe('eve');
    expect(holidayName('2026-12-24')).toEqual({ sv: 'Julafton', en: 'Christmas Eve' });
    expect(dayOffKind('2026-06-19')).toBe('eve');
    expect(dayOffKind('2026-12-31')).toBe('eve');
  });

  it('finds nothing on an ordinary day, nor on an ordinary weekend', () => {
    for (const date of ['2026-03-09', '2026-03-14', '2026-03-15', '2026-12-23', '2026-06-18']) {
      expect(holidayName(date), date).toBeNull();
      expect(dayOffKind(date), date).toBeNull();
      expect(isPublicHoliday(date), date).toBe(false);
      expect(isCustomaryNonWorkingEve(date), date).toBe(false);
    }
  });

  it('does not treat other well-known days as days off (påskafton, pingstafton, valborgsmässoafton, annandag pingst)', () => {
    for (const date of ['2026-04-04', '2026-05-23', '2026-04-30', '2026-05-25']) expect(dayOffKind(date), date).toBeNull();
  });

  it('joins the names of two holidays on the same date', () => {
    expect(holidayName('2008-05-01')).toEqual({ sv: 'Första maj och Kristi himmelsfärdsdag', en: 'May Day and Ascension Day' });
    expect(holidayName('2049-06-06')).toEqual({ sv: 'Pingstdagen och Sveriges nationaldag', en: 'Whit Sunday and National Day of Sweden' });
  });

  it('hands out copies, so a caller cannot change the calendar', () => {
    const name = holidayName('2026-12-25')!;
    name.sv = 'Ändrad';
    expect(holidayName('2026-12-25')).toEqual({ sv: 'Juldagen', en: 'Christmas Day' });
  });

  it('throws a RangeError on a malformed date', () => {
    expect(() => holidayName('2026-12-32')).toThrow(RangeError);
    expect(() => isPublicHoliday('25/12/2026')).toThrow(RangeError);
    expect(() => dayOffKind('')).toThrow(RangeError);
  });
});
