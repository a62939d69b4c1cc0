import { STOCKHOLM } from '../../../../lib/stockholm-time.ts';
import type { Language } from '../../../../web/i18n/i18n.tsx';

const locale = (language: Language) => (language === 'sv' ? 'sv-SE' : 'en-GB');

/**
 * The last day to answer, as people say it ("fredag 13 mars"). The deadline is stored as an
 * exclusive bound (the Stockholm midnight after the last working day), so the day shown is
 * the one that ends there.
 */
export function deadlineDay(iso: string, language: Language, now = new Date()): string {
  const lastInstant = new Date(Date.parse(iso) - 1);
  const sameYear = lastInstant.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: STOCKHOLM,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(lastInstant);
}

/** A calendar date answer (YYYY-MM-DD) in words; it has no time zone. */
export function calendarDate(value: string, language: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${value}T00:00:00Z`));
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 6 }).format(value);
}
