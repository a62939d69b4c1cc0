import { useQuery } from '@tanstack/react-query';
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
          <ScrollableTable label={t.perWeek}>
            <table className="triage-stats">
              <thead>
                <tr>
                  <th scope="col">{t.week}</th>
                  {urgencies.map((urgency) => (
                    <th key={urgency} scope="col">
                      {labels[urgency]}
                    </th>
                  ))}
                  <th scope="col">{t.total}</th>
                </tr>
              </thead>
              <tbody>
                {statistics.data.weeks.map((week) => (
                  <tr key={week.start}>
                    <th scope="row">
                      {week.week} <small>({week.start})</small>
                    </th>
                    {urgencies.map((urgency) => (
                      <td key={urgency}>{week.counts[urgency]}</td>
                    ))}
                    <td>
                      <strong>{week.total}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
          <h3>{t.perComplaint}</h3>
          {statistics.data.complaints.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ScrollableTable label={t.perComplaint}>
              <table className="triage-stats">
                <thead>
                  <tr>
                    <th scope="col">{t.complaint}</th>
                    {urgencies.map((urgency) => (
                      <th key={urgency} scope="col">
                        {labels[urgency]}
                      </th>
                    ))}
                    <th scope="col">{t.total}</th>
                  </tr>
                </thead>
                <tbody>
                  {statistics.data.complaints.map((complaint) => (
                    <tr key={complaint.id}>
                      <th scope="row">{complaint.display}</th>
                      {urgencies.map((urgency) => (
                        <td key={urgency}>{complaint.counts[urgency]}</td>
                      ))}
                      <td>
                        <strong>{complaint.total}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </>
      )}
    </section>
  );
}
