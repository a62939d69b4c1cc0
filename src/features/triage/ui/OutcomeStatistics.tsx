import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';
import { urgencies, type Urgency } from '../model.ts';
import type { OutcomeStatistics as Statistics } from '../statistics.ts';

export const urgencyLabels: Record<'sv' | 'en', Record<Urgency, string>> = {
  sv: { 'call-112': 'Ring 112', 'emergency-now': 'Akut nu', 'care-today': 'Vård i dag', 'care-days': 'Vård inom dagar', 'self-care': 'Egenvård' },
  en: { 'call-112': 'Call 112', 'emergency-now': 'Emergency now', 'care-today': 'Care today', 'care-days': 'Care within days', 'self-care': 'Self-care' },
};

const texts = {
  sv: {
    title: 'Utfall över tid',
    lead: (from: string, to: string) => `Avslutade bedömningar de senaste 12 veckorna (${from}–${to}). Inga svar och inga personuppgifter sparas: bara sökorsak, brådska, åldersgrupp, datum och timme.`,
    total: 'Totalt',
    week: 'Vecka',
    perWeek: 'Per vecka och brådska',
    perComplaint: 'Per sökorsak',
    complaint: 'Sökorsak',
    none: 'Inga avslutade bedömningar ännu under perioden.',
  },
  en: {
    title: 'Outcomes over time',
    lead: (from: string, to: string) => `Finished assessments in the last 12 weeks (${from}–${to}). No answers and no personal data are kept: only complaint, urgency, age band, date and hour.`,
    total: 'Total',
    week: 'Week',
    perWeek: 'Per week and urgency',
    perComplaint: 'Per complaint',
    complaint: 'Complaint',
    none: 'No finished assessments in the period yet.',
  },
};

/** Issue 9 §8: finished assessments per urgency per week and per complaint. */
export function OutcomeStatistics() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const labels = urgencyLabels[language];
  const statistics = useQuery({ queryKey: ['triage-statistics', language], queryFn: () => api<Statistics>('GET', `/api/admin/triage/statistics?lang=${language}`) });
  return (
    <section aria-labelledby="triage-statistics-title">
      <h2 id="triage-statistics-title">{t.title}</h2>
      {statistics.isPending && <PageStatus state="loading" />}
      {statistics.isError && <PageStatus state="error" error={statistics.error} />}
      {statistics.data && (
        <>
          <p>{t.lead(statistics.data.from, statistics.data.to)}</p>
          <ul className="triage-totals">
            {urgencies.map((urgency) => (
              <li key={urgency} className={`triage-total triage-total--${urgency}`}>
                <span className="triage-total__n">{statistics.data.total[urgency]}</span> {labels[urgency]}
              </li>
            ))}
            <li className="triage-total">
              <span className="triage-total__n">{statistics.data.total.all}</span> {t.total}
            </li>
          </ul>
          <h3>{t.perWeek}</h3>
          <UrgencyCountsTable
            label={t.perWeek}
            firstColumn={t.week}
            total={t.total}
            labels={labels}
            rows={statistics.data.weeks.map((week) => ({
              key: week.start,
              heading: (
                <>
                  {week.week} <small>({week.start})</small>
                </>
              ),
              counts: week.counts,
              total: week.total,
            }))}
          />
          <h3>{t.perComplaint}</h3>
          {statistics.data.complaints.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <UrgencyCountsTable
              label={t.perComplaint}
              firstColumn={t.complaint}
              total={t.total}
              labels={labels}
              rows={statistics.data.complaints.map((complaint) => ({ key: complaint.id, heading: complaint.display, counts: complaint.counts, total: complaint.total }))}
            />
          )}
        </>
      )}
    </section>
  );
}

type CountsRow = { key: string; heading: ReactNode; counts: Record<Urgency, number>; total: number };

/** Counts per urgency level, one row per week or complaint, with a total. */
function UrgencyCountsTable({ label, firstColumn, total, labels, rows }: { label: string; firstColumn: string; total: string; labels: Record<Urgency, string>; rows: CountsRow[] }) {
  return (
    <ScrollableTable label={label}>
      <table className="triage-stats">
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {urgencies.map((urgency) => (
              <th key={urgency} scope="col">
                {labels[urgency]}
              </th>
            ))}
            <th scope="col">{total}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.heading}</th>
              {urgencies.map((urgency) => (
                <td key={urgency}>{row.counts[urgency]}</td>
              ))}
              <td>
                <strong>{row.total}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
