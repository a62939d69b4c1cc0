import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/api/client.ts';
import { TextField } from '../../../../web/forms/fields.tsx';
import { formatDate, useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { Enrolment, LimitsRequest } from '../../contract.ts';
import { monitoringKey, useStaffEnrolment } from '../api.ts';
import { AlertList, EnrolmentCharts } from '../EnrolmentView.tsx';
import '../self-monitoring.css';

const texts = {
  sv: {
    back: 'Till översikten',
    since: (date: string, unit: string) => `Ansluten sedan ${date} på ${unit}.`,
    ended: (date: string) => `Avslutad ${date}.`,
    day: (day: number, of: number | null) => (of ? `Dag ${day} av ${of}.` : `Dag ${day}.`),
    limits: 'Gränser',
    defaultValue: (value: number) => `Programmets standard: ${value}`,
    save: 'Spara gränserna',
    saved: 'Gränserna är sparade.',
    end: 'Avsluta egenmonitoreringen',
    endReason: 'Skäl (valfritt)',
    confirmEnd: 'Avsluta nu',
  },
  en: {
    back: 'To the overview',
    since: (date: string, unit: string) => `Enrolled since ${date} at ${unit}.`,
    ended: (date: string) => `Ended ${date}.`,
    day: (day: number, of: number | null) => (of ? `Day ${day} of ${of}.` : `Day ${day}.`),
    limits: 'Limits',
    defaultValue: (value: number) => `Programme default: ${value}`,
    save: 'Save the limits',
    saved: 'The limits have been saved.',
    end: 'End the self-monitoring',
    endReason: 'Reason (optional)',
    confirmEnd: 'End now',
  },
};

function LimitsForm({ enrolment }: { enrolment: Enrolment }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const prefix = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(Object.entries(enrolment.limits).map(([key, value]) => [key, String(value)])));
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: (request: LimitsRequest) => api<Enrolment>('PUT', `/api/staff/monitoring/enrolments/${enrolment.id}/limits`, request),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: monitoringKey });
      setDone(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const limits = Object.fromEntries(
      Object.entries(values)
        .filter(([key, value]) => value.trim() !== '' && Number(value.replace(',', '.')) !== enrolment.programme.limits[key]?.default)
        .map(([key, value]) => [key, Number(value.replace(',', '.'))]),
    );
    save.mutate({ limits });
  };
  return (
    <section className="card" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t.limits}</h2>
      <form onSubmit={submit} noValidate>
        <div className="monitoring-values">
          {Object.entries(enrolment.programme.limits).map(([key, limit]) => (
            <TextField
              key={key}
              id={`${prefix}-${key}`}
              kind="text"
              inputMode="decimal"
              label={`${limit.name[language]} (${limit.unit})`}
              hint={`${t.defaultValue(limit.default)}; ${limit.min}–${limit.max}`}
              value={values[key] ?? ''}
              onChange={(value) => setValues((current) => ({ ...current, [key]: value }))}
            />
          ))}
        </div>
        <div role="status">{done && <p className="alert alert--success">{t.saved}</p>}</div>
        {save.isError && (
          <p role="alert" className="alert alert--error">
            {save.error.message}
          </p>
        )}
        <button type="submit" className="button" disabled={save.isPending || enrolment.status !== 'active'}>
          {t.save}
        </button>
      </form>
    </section>
  );
}

function EndForm({ enrolment }: { enrolment: Enrolment }) {
  const t = useTexts(texts);
  const id = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const end = useMutation({
    mutationFn: () => api<Enrolment>('POST', `/api/staff/monitoring/enrolments/${enrolment.id}/end`, reason.trim() ? { reason: reason.trim() } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKey }),
  });
  if (!open)
    return (
      <p>
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t.end}
        </button>
      </p>
    );
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        end.mutate();
      }}
    >
      <TextField id={id} kind="text" label={t.endReason} value={reason} onChange={setReason} max={500} hardLimit />
      {end.isError && (
        <p role="alert" className="alert alert--error">
          {end.error.message}
        </p>
      )}
      <button type="submit" className="button" disabled={end.isPending}>
        {t.confirmEnd}
      </button>
    </form>
  );
}

/** F3: one patient's readings with limit bands and trend, the alerts to acknowledge, the limits. */
export default function EnrolmentPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const enrolment = useStaffEnrolment(id);
  usePageTitle(enrolment.data ? `${enrolment.data.patient.name} – ${enrolment.data.programme.name[language]}` : '');
  if (enrolment.isPending) return <PageStatus state="loading" />;
  if (enrolment.isError) return <PageStatus state="error" error={enrolment.error} />;
  const data = enrolment.data;
  return (
    <>
      <p>
        <Link to="/arbetsyta/egenmonitorering">{t.back}</Link>
      </p>
      <h1>
        {data.patient.name} <span className="muted">{data.patient.identityNumber}</span>
      </h1>
      <p className="lead">{data.programme.name[language]}</p>
      <p>
        {t.since(formatDate(data.startDate, language), data.unit.name)} {data.status === 'ended' ? t.ended(formatDate(data.endedAt!, language)) : !data.plan.finished && !data.plan.notStarted ? t.day(data.plan.day, data.plan.periodDays) : ''}
      </p>
      <AlertList enrolment={data} staff />
      <EnrolmentCharts enrolment={data} />
      <LimitsForm key={JSON.stringify(data.limits)} enrolment={data} />
      {data.status === 'active' && <EndForm enrolment={data} />}
    </>
  );
}
