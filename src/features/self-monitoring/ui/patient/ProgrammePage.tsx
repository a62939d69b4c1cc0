import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../../../web/api/client.ts';
import { RadioGroup, TextField } from '../../../../web/forms/fields.tsx';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { Enrolment, ReadingRequest, ReadingResult } from '../../contract.ts';
import { GattParseError } from '../../gatt.ts';
import { metrics, type MetricCode } from '../../metrics.ts';
import { type MeasurementTask, type ProgrammeTask, type QuestionnaireTask } from '../../programme.ts';
import { monitoringKey, useMyEnrolment } from '../api.ts';
import { bluetoothAvailable, readFromDevice } from '../bluetooth.ts';
import { AlertList, EnrolmentCharts, SeverityBadge } from '../EnrolmentView.tsx';
import { PlanList } from './PlanList.tsx';
import '../self-monitoring.css';

const texts = {
  sv: {
    back: 'Till egenmonitorering',
    measure: 'Registrera en mätning',
    save: 'Spara',
    saved: 'Mätningen är sparad.',
    optional: '(valfritt)',
    fromDevice: 'Hämta från mätaren via Bluetooth',
    deviceHint: 'Starta mätaren och välj den i listan som visas.',
    deviceRead: (name: string) => `Värden hämtade från ${name}. Kontrollera dem och spara.`,
    deviceFailed: 'Det gick inte att hämta värdet från mätaren. Skriv in det själv i stället.',
    missing: 'Fyll i värdet.',
    alertsNow: 'Din mätning gav ett larm',
    ended: 'Egenmonitoreringen är avslutad. Du kan se dina värden men inte registrera nya.',
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
  },
  en: {
    back: 'To self-monitoring',
    measure: 'Record a reading',
    save: 'Save',
    saved: 'The reading has been saved.',
    optional: '(optional)',
    fromDevice: 'Get from the device via Bluetooth',
    deviceHint: 'Start the device and choose it in the list that appears.',
    deviceRead: (name: string) => `Values read from ${name}. Check them and save.`,
    deviceFailed: 'The value could not be read from the device. Enter it yourself instead.',
    missing: 'Enter the value.',
    alertsNow: 'Your reading raised an alert',
    ended: 'The self-monitoring has ended. You can see your values but not record new ones.',
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
  },
};

function MeasurementFields({ task, prefix, values, setValues }: { task: MeasurementTask; prefix: string; values: Record<string, string>; setValues: (update: (current: Record<string, string>) => Record<string, string>) => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  return (
    <div className="monitoring-values">
      {task.metrics.map((metric) => {
        const info = metrics[metric as MetricCode];
        return (
          <TextField
            key={metric}
            id={`${prefix}-${metric}`}
            kind="text"
            inputMode="decimal"
            label={`${info.name[language]} (${info.unitLabel}) ${task.optional.includes(metric) ? t.optional : ''}`.trim()}
            value={values[metric] ?? ''}
            onChange={(value) => setValues((current) => ({ ...current, [metric]: value }))}
            autoComplete="off"
          />
        );
      })}
    </div>
  );
}

function QuestionnaireFields({ task, prefix, answers, setAnswers }: { task: QuestionnaireTask; prefix: string; answers: Record<string, string>; setAnswers: (update: (current: Record<string, string>) => Record<string, string>) => void }) {
  const { language } = useLanguage();
  return (
    <div className="monitoring-questionnaire">
      {task.items.map((item) => (
        <RadioGroup
          key={item.id}
          id={`${prefix}-${item.id}`}
          legend={item.text[language]}
          options={item.options.map((option) => ({ value: String(option.score), label: option.text[language] }))}
          value={answers[item.id] ?? ''}
          onChange={(value) => setAnswers((current) => ({ ...current, [item.id]: value }))}
        />
      ))}
    </div>
  );
}

function ReadingForm({ enrolment, task }: { enrolment: Enrolment; task: ProgrammeTask }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const prefix = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [device, setDevice] = useState<{ name: string; note: string } | null>(null);
  const [deviceError, setDeviceError] = useState('');
  const [result, setResult] = useState<ReadingResult | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: (request: ReadingRequest) => api<ReadingResult>('POST', `/api/patient/monitoring/${enrolment.id}/readings`, request),
    onSuccess: async (saved) => {
      setResult(saved);
      setValues({});
      setDevice(null);
      await queryClient.invalidateQueries({ queryKey: monitoringKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const numbers = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, Number(value.replace(',', '.'))]));
    save.mutate(task.type === 'questionnaire' ? { task: task.id, answers: numbers } : { task: task.id, values: numbers, source: device ? 'bluetooth' : 'manual', ...(device ? { device: device.name } : {}) });
  };
  const readDevice = async () => {
    if (task.type !== 'measurement' || !task.device) return;
    setDeviceError('');
    try {
      const { reading, deviceName } = await readFromDevice(task.device);
      setValues(Object.fromEntries(Object.entries(reading.values).map(([key, value]) => [key, String(value)])));
      setDevice({ name: deviceName, note: reading.notes.map((note) => note[language]).join(' ') });
    } catch (error) {
      setDeviceError(error instanceof GattParseError ? error.messages[language] : t.deviceFailed);
    }
  };
  const problem = save.error instanceof ApiError ? save.error.message : save.error?.message;
  return (
    <section className="card monitoring-task" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`}>{task.name[language]}</h3>
      <p className="muted">{task.instructions[language]}</p>
      {task.type === 'measurement' && task.device && bluetoothAvailable() && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void readDevice()}>
            {t.fromDevice}
          </button>{' '}
          <span className="muted">{t.deviceHint}</span>
        </p>
      )}
      {device && <p className="alert">{`${t.deviceRead(device.name)} ${device.note}`.trim()}</p>}
      {deviceError && (
        <p role="alert" className="alert alert--error">
          {deviceError}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {task.type === 'measurement' ? <MeasurementFields task={task} prefix={prefix} values={values} setValues={setValues} /> : <QuestionnaireFields task={task} prefix={prefix} answers={values} setAnswers={setValues} />}
        {save.isError && (
          <p role="alert" className="alert alert--error">
            {problem}
          </p>
        )}
        <button type="submit" className="button" disabled={save.isPending}>
          {t.save}
        </button>
      </form>
      <div role="status" ref={status}>
        {result && result.alerts.length === 0 && <p className="alert alert--success">{t.saved}</p>}
      </div>
      {result && result.alerts.length > 0 && (
        <div role="alert" className="alert alert--warning">
          <p>
            <strong>{t.alertsNow}</strong>
          </p>
          {result.alerts.map((alert) => (
            <p key={alert.id}>
              <SeverityBadge severity={alert.severity} /> {alert.title[language]}: {alert.advice[language]}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

/** F2 for the patient: measure (by hand or from a Bluetooth device), see the charts and the advice for each alert. */
export default function ProgrammePage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const enrolment = useMyEnrolment(id);
  usePageTitle(enrolment.data?.programme.name[language] ?? '');
  if (enrolment.isPending) return <PageStatus state="loading" />;
  if (enrolment.isError) return <PageStatus state="error" error={enrolment.error} />;
  const data = enrolment.data;
  return (
    <>
      <p>
        <Link to="/start/egenmonitorering">{t.back}</Link>
      </p>
      <h1>{data.programme.name[language]}</h1>
      <p className="lead">{data.programme.instructions[language]}</p>
      <p className="alert" role="note">
        {t.emergency}
      </p>
      <AlertList enrolment={data} staff={false} />
      {data.status === 'active' ? (
        <>
          <PlanList programme={data.programme} plan={data.plan} />
          <h2>{t.measure}</h2>
          {data.programme.tasks.map((task) => (
            <ReadingForm key={task.id} enrolment={data} task={task} />
          ))}
        </>
      ) : (
        <p className="alert">{t.ended}</p>
      )}
      <EnrolmentCharts enrolment={data} />
    </>
  );
}
