/** Sweden's civil time. Dates a person sees (ages, deadlines, "today") are in Europe/Stockholm. */
export const STOCKHOLM = 'Europe/Stockholm';

const isoDate = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Stockholm at this instant, as YYYY-MM-DD. */
export function stockholmDate(at: Date): string {
  return isoDate.format(at);
}

/** Whole years between a birth date and a date (both YYYY-MM-DD). A person born 29 Feb turns a year older on 1 Mar. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}
