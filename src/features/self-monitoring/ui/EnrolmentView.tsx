import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { api } from '../../../web/api/client.ts';
import { TextField } from '../../../web/forms/fields.tsx';
import { formatDateTime, useLanguage, useTexts, type Language } from '../../../web/i18n/i18n.tsx';
import type { Alert, Enrolment } from '../contract.ts';
import { compare } from '../model.ts';
import { observationInfo, type Programme } from '../programme.ts';
import { MonitoringChart, type ChartBand, type ChartSeries } from './Chart.tsx';
import { monitoringKey } from './api.ts';
import './self-monitoring.css';

const texts = {
  sv: {
    charts: 'Mätvärden',
    noReadings: 'Inga mätningar ännu.',
    summary: (n: number, latest: string) => `${n} mätningar, senast ${latest}.`,
    table: 'Visa värdena som tabell',
    time: 'Tid',
    alerts: 'Larm',
    noAlerts: 'Inga larm.',
    severity: { urgent: 'Akut', attention: 'Uppmärksamma', info: 'Information' },
    open: 'Ej kvitterat',
    acknowledged: (by: string, when: string) => `Kvitterat av ${by} ${when}`,
    acknowledgedPatient: (when: string) => `Vården har sett larmet ${when}.`,
    advice: 'Råd',
    note: 'Anteckning',
    noteHint: 'Vad du gjorde, till exempel att du ringt patienten.',
    noteMissing: 'Skriv en anteckning.',
    acknowledge: 'Kvittera',
  },
  en: {
    charts: 'Readings',
    noReadings: 'No readings yet.',
    summary: (n: number, latest: string) => `${n} readings, latest ${latest}.`,
    table: 'Show the values as a table',
    time: 'Time',
    alerts: 'Alerts',
    noAlerts: 'No alerts.',
    severity: { urgent: 'Urgent', attention: 'Attention', info: 'Information' },
    open: 'Not acknowledged',
    acknowledged: (by: string, when: string) => `Acknowledged by ${by} ${when}`,
    acknowledgedPatient: (when: string) => `Your care team saw the alert ${when}.`,
    advice: 'Advice',
    note: 'Note',
    noteHint: 'What you did, for example that you called the patient.',
    noteMissing: 'Write a note.',
    acknowledge: 'Acknowledge',
  },
};

const colours = ['#1f5fa8', '#b45309', '#2e7d32'];

/** The limits a chart shows: urgent single-reading limits as shaded zones, targets as lines in their series' colour. */
function bandsFor(programme: Programme, limits: Record<string, number>, observations: string[], language: Language): ChartBand[] {
  const bands: ChartBand[] = [];
  for (const rule of programme.rules) {
    if (rule.kind !== 'threshold' && rule.kind !== 'mean_over_days' && rule.kind !== 'questionnaire_score') continue;
    const observation = rule.kind === 'questionnaire_score' ? rule.questionnaire : rule.observation;
    const index = observations.indexOf(observation);
    if (index === -1) continue;
    const bound = rule.value ?? limits[rule.limit!];
    if (bound === undefined) continue;
    const above = compare(rule.op, bound + 1, bound);
    const unit = observationInfo(programme, observation)?.unit ?? '';
    bands.push({
      from: above ? bound : null,
      to: above ? null : bound,
      label: `${rule.title[language]} (${rule.op} ${bound} ${unit})`,
      zone: rule.severity === 'urgent',
      colour: colours[index % colours.length]!,
    });
  }
  return bands;
}

type ChartSpec = { key: string; title: string; unit: string; observations: string[] };
function chartSpecs(programme: Programme, language: Language): ChartSpec[] {
  const specs: ChartSpec[] = [];
  for (const task of programme.tasks) {
    if (task.type === 'questionnaire') {
      specs.push({ key: task.id, title: task.name[language], unit: 'p', observations: [task.id] });
      continue;
    }
    const byUnit = new Map<string, string[]>();
    for (const metric of task.metrics) {
      const unit = observationInfo(programme, metric)!.unit;
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), metric]);
    }
    for (const [unit, observations] of byUnit) {
      const names = observations.map((o) => observationInfo(programme, o)!.name[language]);
      specs.push({ key: `${task.id}:${unit}`, title: observations.length > 1 ? task.name[language] : names[0]!, unit, observations });
    }
  }
  return specs;
}

export function EnrolmentCharts({ enrolment }: { enrolment: Enrolment }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const programme = enrolment.programme;
  const charts = useMemo(
    () =>
      chartSpecs(programme, language).map((spec) => {
        const series: ChartSeries[] = spec.observations.map((observation, index) => ({
          label: observationInfo(programme, observation)!.name[language],
          colour: colours[index % colours.length]!,
          points: enrolment.observations.filter((o) => o.observation === observation).map((o) => ({ at: Date.parse(o.effectiveAt) / 1000, value: o.value })),
        }));
        return { spec, series, bands: bandsFor(programme, enrolment.limits, spec.observations, language) };
      }),
    [programme, enrolment, language],
  );
  return (
    <section aria-labelledby="monitoring-charts-heading">
      <h2 id="monitoring-charts-heading">{t.charts}</h2>
      {enrolment.observations.length === 0 && <p className="muted">{t.noReadings}</p>}
      {charts
        .filter(({ series }) => series.some((s) => s.points.length > 0))
        .map(({ spec, series, bands }) => {
          const rows = enrolment.observations.filter((o) => spec.observations.includes(o.observation));
          const latest = rows.at(-1)!;
          const latestText = spec.observations
            .map((observation) => rows.filter((o) => o.observation === observation).at(-1)?.value)
            .filter((v) => v !== undefined)
            .join('/');
          return (
            <div key={spec.key} className="card">
              <MonitoringChart language={language} title={spec.title} unit={spec.unit} series={series} bands={bands} summary={t.summary(new Set(rows.map((r) => r.groupId)).size, `${latestText} ${spec.unit} ${formatDateTime(latest.effectiveAt, language)}`)} />
              <details>
                <summary>{t.table}</summary>
                <table>
                  <caption className="visually-hidden">{spec.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.time}</th>
                      {series.map((s) => (
                        <th scope="col" key={s.label}>
                          {s.label} ({spec.unit})
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {[...new Set(rows.map((r) => r.groupId))]
                      .slice(-30)
                      .reverse()
                      .map((groupId) => {
                        const group = rows.filter((r) => r.groupId === groupId);
                        return (
                          <tr key={groupId}>
                            <td className="monitoring-nowrap">{formatDateTime(group[0]!.effectiveAt, language)}</td>
                            {spec.observations.map((observation) => (
                              <td key={observation}>{group.find((r) => r.observation === observation)?.value ?? '–'}</td>
                            ))}
                          </tr>
                        );
                      })}
                  </tbody>
                </table>
              </details>
            </div>
          );
        })}
    </section>
  );
}

export function SeverityBadge({ severity }: { severity: Alert['severity'] }) {
  const t = useTexts(texts);
  return <span className={`monitoring-severity monitoring-severity--${severity}`}>{t.severity[severity]}</span>;
}

function AcknowledgeForm({ alert }: { alert: Alert }) {
  const t = useTexts(texts);
  const id = useId();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const acknowledge = useMutation({
    mutationFn: () => api<Alert>('POST', `/api/staff/monitoring/alerts/${alert.id}/acknowledge`, { note: note.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKey }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!note.trim());
    if (note.trim()) acknowledge.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField id={id} kind="text" label={t.note} hint={t.noteHint} error={missing ? t.noteMissing : undefined} value={note} onChange={setNote} max={2000} hardLimit />
      {acknowledge.isError && (
        <p role="alert" className="alert alert--error">
          {acknowledge.error.message}
        </p>
      )}
      <button type="submit" className="button" disabled={acknowledge.isPending}>
        {t.acknowledge}
      </button>
    </form>
  );
}

/** The alerts, newest first: what was found, the advice, and who acknowledged it. Staff acknowledge open ones here. */
export function AlertList({ enrolment, staff }: { enrolment: Enrolment; staff: boolean }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="monitoring-alerts-heading">
      <h2 id="monitoring-alerts-heading">{t.alerts}</h2>
      {enrolment.alerts.length === 0 ? (
        <p className="muted">{t.noAlerts}</p>
      ) : (
        <ul className="monitoring-alerts">
          {enrolment.alerts.map((alert) => (
            <li key={alert.id} className={`monitoring-alert--${alert.status === 'open' ? alert.severity : 'acknowledged'}`}>
              <p className="monitoring-alert__title">
                <SeverityBadge severity={alert.severity} /> {alert.title[language]}
              </p>
              <p>
                {alert.finding[language]} <span className="muted">({formatDateTime(alert.createdAt, language)})</span>
              </p>
              <p>
                <strong>{t.advice}:</strong> {alert.advice[language]}
              </p>
              {alert.status === 'acknowledged' ? (
                <p className="muted">
                  {staff ? `${t.acknowledged(alert.acknowledgedBy ?? '', formatDateTime(alert.acknowledgedAt!, language))}: ${alert.note ?? ''}` : t.acknowledgedPatient(formatDateTime(alert.acknowledgedAt!, language))}
                </p>
              ) : staff ? (
                <AcknowledgeForm alert={alert} />
              ) : (
                <p className="muted">{t.open}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
