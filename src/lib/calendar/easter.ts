import { formatIsoDate } from './iso-date.ts';

/** The first and last years for which a Gregorian Easter is meaningful here (the calendar began in 1582). */
export const FIRST_GREGORIAN_YEAR = 1583;
export const LAST_SUPPORTED_YEAR = 9999;

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Year must be a whole number from ${FIRST_GREGORIAN_YEAR} to ${LAST_SUPPORTED_YEAR}, got ${year}`);
  }
}

/**
 * Easter Sunday (påskdagen) as YYYY-MM-DD, by the Gregorian computus in the form of the
 * "anonymous Gregorian algorithm" (Meeus/Jones/Butcher). It encodes the church's tables
 * exactly, including the corrections that move Easter off 26 and 25 April in some years,
 * so it needs no special cases.
 */
export function easterSunday(year: number): string {
  assertSupportedYear(year);
  const goldenNumberIndex = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const skippedLeapDays = Math.floor(century / 4);
  const centuryRemainder = century % 4;
  const lunarCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - lunarCorrection + 1) / 3);
  // Days from 21 March to the paschal full moon (the epact, adjusted).
  const epact = (19 * goldenNumberIndex + century - skippedLeapDays - solarCorrection + 15) % 30;
  const quarterOfYear = Math.floor(yearOfCentury / 4);
  const yearRemainder = yearOfCentury % 4;
  // Days from the paschal full moon to the following Sunday.
  const toSunday = (32 + 2 * centuryRemainder + 2 * quarterOfYear - epact - yearRemainder) % 7;
  const correction = Math.floor((goldenNumberIndex + 11 * epact + 22 * toSunday) / 451);
  const encodedMonthAndDay = epact + toSunday - 7 * correction + 114;
  const month = Math.floor(encodedMonthAndDay / 31);
  const day = (encodedMonthAndDay % 31) + 1;
  return formatIsoDate({ year, month, day });
}
