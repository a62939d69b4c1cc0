import { formatDateTime, useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { BookingsOutside } from '../../admin-contract.ts';

const texts = {
  sv: {
    saved: 'Schemat är sparat.',
    none: 'Alla bokningar framåt ryms i schemat.',
    some: (n: number) => (n === 1 ? '1 bokning framåt ligger utanför schemat.' : `${n} bokningar framåt ligger utanför schemat.`),
    follow: 'De flyttas inte och avbokas inte. Följ upp dem i tidboken: flytta eller kontakta patienterna.',
    more: (n: number) => `… och ${n} till.`,
  },
  en: {
    saved: 'The schedule has been saved.',
    none: 'Every booking ahead fits the schedule.',
    some: (n: number) => (n === 1 ? '1 booking ahead falls outside the schedule.' : `${n} bookings ahead fall outside the schedule.`),
    follow: 'They are not moved or cancelled. Follow them up in the calendar: move them or contact the patients.',
    more: (n: number) => `… and ${n} more.`,
  },
};

/** What a schedule change leaves uncovered (a check before saving, or the answer to saving), announced politely. */
export function OutsideReport({ report }: { report: { kind: 'preview' | 'saved'; outside: BookingsOutside } | null }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const outside = report?.outside;
  return (
    <div role="status" className="appt-admin__report">
      {report && outside && (
        <div className={`alert ${outside.count > 0 ? 'alert--warning' : 'alert--success'}`}>
          <p>
            {report.kind === 'saved' && `${t.saved} `}
            <strong>{outside.count > 0 ? t.some(outside.count) : t.none}</strong>
          </p>
          {outside.count > 0 && (
            <>
              <p>{t.follow}</p>
              <ul>
                {outside.startsAt.map((at) => (
                  <li key={at}>{formatDateTime(at, language)}</li>
                ))}
              </ul>
              {outside.count > outside.startsAt.length && <p>{t.more(outside.count - outside.startsAt.length)}</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
