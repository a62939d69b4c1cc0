import { addDays } from '../../../lib/calendar/iso-date.ts';
import { STOCKHOLM, stockholmDate } from '../../../lib/stockholm-time.ts';
import { careUnitKindLabels, type CareUnitKind } from '../../../platform/organisations/model.ts';
import { useLanguage, type Language } from '../../../web/i18n/i18n.tsx';
import type { UnitSummary } from '../contract.ts';
import { careOfferings, type CareOffering } from '../model.ts';

/** How a unit's facts are written for people: opening times in words, postal codes, phone links, labels. */
const openingTexts = {
  sv: {
    openUntil: (when: string) => `Öppet nu, stänger ${when}`,
    openAllHours: 'Öppet dygnet runt',
    closedUntil: (when: string) => `Stängt, öppnar ${when}`,
    closed: 'Stängt',
    today: 'i dag',
    tomorrow: 'i morgon',
  },
  en: {
    openUntil: (when: string) => `Open now, closes ${when}`,
    openAllHours: 'Open around the clock',
    closedUntil: (when: string) => `Closed, opens ${when}`,
    closed: 'Closed',
    today: 'today',
    tomorrow: 'tomorrow',
  },
};

export const localeOf = (language: Language) => (language === 'sv' ? 'sv-SE' : 'en-GB');

/** "17:00" in Stockholm time. */
export function formatStockholmTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** When something happens, as people say it: "17:00" today, "i morgon 08:00", "måndag 08:00", or a date further off. */
function relativeStockholmTime(iso: string, language: Language, now: Date): string {
  const at = new Date(iso);
  const time = formatStockholmTime(iso, language);
  const today = stockholmDate(now);
  const day = stockholmDate(at);
  const words = openingTexts[language];
  if (day === today) return time;
  if (day === addDays(today, 1)) return `${words.tomorrow} ${time}`;
  const options: Intl.DateTimeFormatOptions = day <= addDays(today, 6) ? { weekday: 'long' } : { day: 'numeric', month: 'long' };
  return `${new Intl.DateTimeFormat(localeOf(language), { timeZone: STOCKHOLM, ...options }).format(at)} ${time}`;
}

/** "Öppet nu, stänger 17:00" / "Stängt (Juldagen), öppnar måndag 08:00", in Stockholm time. */
export function openingNowText(openingNow: UnitSummary['openingNow'], language: Language, now = new Date()): string {
  const words = openingTexts[language];
  const label = openingNow.todayLabel ? ` (${openingNow.todayLabel[language]})` : '';
  if (openingNow.open) {
    if (!openingNow.closesAt) return words.openAllHours;
    const text = words.openUntil(relativeStockholmTime(openingNow.closesAt, language, now));
    return label ? text.replace(/^([^,]+),/, `$1${label},`) : text;
  }
  if (!openingNow.opensAt) return `${words.closed}${label}`;
  const text = words.closedUntil(relativeStockholmTime(openingNow.opensAt, language, now));
  return label ? text.replace(/^([^,]+),/, `$1${label},`) : text;
}

/** The open/closed line of a unit, in words (never by colour alone). */
export function OpeningNow({ openingNow, className = '' }: { openingNow: UnitSummary['openingNow']; className?: string }) {
  const { language } = useLanguage();
  return (
    <p className={`open-status ${openingNow.open ? 'open-status--open' : 'open-status--closed'} ${className}`.trim()}>
      <span className="open-status__dot" aria-hidden="true" />
      {openingNowText(openingNow, language)}
    </p>
  );
}

/** "73412" → "734 12", as Swedish postal codes are written. */
export function formatPostalCode(postalCode: string): string {
  return /^\d{5}$/.test(postalCode) ? `${postalCode.slice(0, 3)} ${postalCode.slice(3)}` : postalCode;
}

/** A number a phone can dial: digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function kindLabel(kind: CareUnitKind, language: Language): string {
  return careUnitKindLabels[kind]?.[language] ?? kind;
}

export function careLabel(code: string, language: Language): string {
  return careOfferings[code as CareOffering]?.[language] ?? code;
}
