import { addDays, formatIsoDate, isoWeekday, parseIsoDate } from './iso-date.ts';
import { assertSupportedYear, easterSunday } from './easter.ts';

export type LocalisedName = { sv: string; en: string };
export type NamedDay = { date: string; name: LocalisedName };

/**
 * A day off in the Swedish calendar is either a public holiday (allmän helgdag, lag
 * 1989:253) or one of the three eves that lagen (1930:173) om beräkning av lagstadgad tid
 * treats like one: a deadline falling on midsommarafton, julafton or nyårsafton moves to
 * the next working day, just as one falling on a holiday does.
 */
export type DayOffKind = 'public-holiday' | 'eve';

/** The first Saturday on or after a date (midsommardagen and alla helgons dag are "the Saturday in a week"). */
function saturdayOnOrAfter(date: string): string {
  return addDays(date, (6 - isoWeekday(date) + 7) % 7);
}

function on(year: number, month: number, day: number): string {
  return formatIsoDate({ year, month, day });
}

function midsommardagen(year: number): string {
  return saturdayOnOrAfter(on(year, 6, 20));
}

/**
 * The public holidays per lag (1989:253) om allmänna helgdagar, in date order (the movable
 * feasts can fall either side of första maj and nationaldagen). Every Sunday is a holiday
 * too by the same law; only the named ones are listed, weekends being non-working anyway.
 *
 * The rules are those in force since 2005 (when Sveriges nationaldag replaced annandag
 * pingst); they are applied to every year, earlier ones included.
 */
export function swedishPublicHolidays(year: number): NamedDay[] {
  assertSupportedYear(year);
  const easter = easterSunday(year);
  return [
    { date: on(year, 1, 1), name: { sv: 'Nyårsdagen', en: "New Year's Day" } },
    { date: on(year, 1, 6), name: { sv: 'Trettondedag jul', en: 'Epiphany' } },
    { date: addDays(easter, -2), name: { sv: 'Långfredagen', en: 'Good Friday' } },
    { date: easter, name: { sv: 'Påskdagen', en: 'Easter Sunday' } },
    { date: addDays(easter, 1), name: { sv: 'Annandag påsk', en: 'Easter Monday' } },
    { date: on(year, 5, 1), name: { sv: 'Första maj', en: 'May Day' } },
    { date: addDays(easter, 39), name: { sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' } },
    { date: addDays(easter, 49), name: { sv: 'Pingstdagen', en: 'Whit Sunday' } },
    { date: on(year, 6, 6), name: { sv: 'Sveriges nationaldag', en: 'National Day of Sweden' } },
    { date: midsommardagen(year), name: { sv: 'Midsommardagen', en: 'Midsummer Day' } },
    { date: saturdayOnOrAfter(on(year, 10, 31)), name: { sv: 'Alla helgons dag', en: "All Saints' Day" } },
    { date: on(year, 12, 25), name: { sv: 'Juldagen', en: 'Christmas Day' } },
    { date: on(year, 12, 26), name: { sv: 'Annandag jul', en: 'Boxing Day' } },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The eves that are not holidays by law but on which nobody is expected to work, and which
 * lagen (1930:173) counts with Saturdays and holidays: midsommarafton (the Friday before
 * midsommardagen), julafton and nyårsafton.
 */
export function customaryNonWorkingEves(year: number): NamedDay[] {
  assertSupportedYear(year);
  return [
    { date: addDays(midsommardagen(year), -1), name: { sv: 'Midsommarafton', en: 'Midsummer Eve' } },
    { date: on(year, 12, 24), name: { sv: 'Julafton', en: 'Christmas Eve' } },
    { date: on(year, 12, 31), name: { sv: 'Nyårsafton', en: "New Year's Eve" } },
  ];
}

type DayOff = { name: LocalisedName; kind: DayOffKind };

// Deadlines and schedules ask about the same few years over and over; the answer for a
// year never changes, so it is computed once. The cache is never handed out.
const daysOffByYear = new Map<number, Map<string, DayOff>>();

function daysOffIn(year: number): Map<string, DayOff> {
  let daysOff = daysOffByYear.get(year);
  if (!daysOff) {
    daysOff = new Map();
    for (const { date, name } of customaryNonWorkingEves(year)) daysOff.set(date, { name, kind: 'eve' });
    for (const { date, name } of swedishPublicHolidays(year)) {
      // Two holidays can share a date (Kristi himmelsfärdsdag fell on första maj in 2008);
      // the day then carries both names. The eves never coincide with a holiday.
      const already = daysOff.get(date);
      daysOff.set(
        date,
        already
          ? { kind: 'public-holiday', name: { sv: `${already.name.sv} och ${name.sv}`, en: `${already.name.en} and ${name.en}` } }
          : { name, kind: 'public-holiday' },
      );
    }
    daysOffByYear.set(year, daysOff);
  }
  return daysOff;
}

function dayOff(date: string): DayOff | undefined {
  return daysOffIn(parseIsoDate(date).year).get(date);
}

/** Whether the date is one of the named public holidays (not merely a Sunday, not an eve). */
export function isPublicHoliday(date: string): boolean {
  return dayOff(date)?.kind === 'public-holiday';
}

/** Whether the date is midsommarafton, julafton or nyårsafton. */
export function isCustomaryNonWorkingEve(date: string): boolean {
  return dayOff(date)?.kind === 'eve';
}

/** The name of the public holiday or eve on this date, or null on an ordinary day. */
export function holidayName(date: string): LocalisedName | null {
  const found = dayOff(date);
  return found ? { ...found.name } : null;
}

/** Which kind of day off the date is, or null on an ordinary day (weekends included). */
export function dayOffKind(date: string): DayOffKind | null {
  return dayOff(date)?.kind ?? null;
}
