import { Link } from 'react-router';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { useMonitoringCounts } from '../api.ts';
import '../self-monitoring.css';

const texts = {
  sv: { title: 'Egenmonitorering', link: 'Till översikten', enrolled: 'anslutna patienter', urgent: 'med akut larm', attention: 'att uppmärksamma', info: 'med information', note: 'Larm från patienternas mätningar, sorterade efter allvar i översikten.' },
  en: { title: 'Self-monitoring', link: 'To the overview', enrolled: 'enrolled patients', urgent: 'with urgent alerts', attention: 'needing attention', info: 'with information', note: "Alerts from patients' readings, sorted by severity in the overview." },
};

/** The unit's work queue for self-monitoring on the staff start page. */
export function MonitoringCountsPanel() {
  const t = useTexts(texts);
  const counts = useMonitoringCounts();
  return (
    <section className="card monitoring-counts" aria-labelledby="monitoring-counts-heading">
      <div className="monitoring-counts__head">
        <h2 id="monitoring-counts-heading">{t.title}</h2>
        <Link to="/arbetsyta/egenmonitorering">{t.link}</Link>
      </div>
      {counts.isPending ? (
        <PageStatus state="loading" />
      ) : counts.isError ? (
        <PageStatus state="error" error={counts.error} />
      ) : (
        <ul>
          {(['urgent', 'attention', 'info', 'enrolled'] as const).map((key) => (
            <li key={key}>
              <Link to="/arbetsyta/egenmonitorering">
                <span className="monitoring-counts__number">{counts.data[key]}</span> {t[key]}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t.note}</p>
    </section>
  );
}
