import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../../web/api/client.ts';
import { CheckboxGroup, SelectField, TextField } from '../../../../web/forms/fields.tsx';
import { formatDate, formatDateTime, useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { ScrollableTable } from '../../../../web/layout/ScrollableTable.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { EnrolRequest, Enrolment } from '../../contract.ts';
import type { Programme } from '../../programme.ts';
import { monitoringKey, useDashboard, useProgrammes } from '../api.ts';
import { SeverityBadge } from '../EnrolmentView.tsx';
import '../self-monitoring.css';

const texts = {
  sv: {
    title: 'Egenmonitorering',
    intro: 'Enhetens patienter som mäter hemma, de med allvarligast och senaste larm först.',
    enrol: 'Anslut en patient',
    caption: 'Anslutna patienter',
    patient: 'Patient',
    programme: 'Program',
    alerts: 'Larm',
    lastReading: 'Senaste mätning',
    started: 'Start',
    none: 'Inga patienter är anslutna ännu.',
    noAlerts: 'Inga öppna',
    openAlerts: (n: number) => `${n} ${n === 1 ? 'öppet' : 'öppna'}`,
    never: 'Ingen ännu',
    formTitle: 'Anslut en patient till egenmonitorering',
    identityNumber: 'Personnummer',
    identityHint: '12 siffror, till exempel 19880412-2383. Patienten måste ha en vårdrelation med enheten.',
    programmeLabel: 'Program',
    startDate: 'Startdatum (dag 1)',
    startHint: 'Lämna tomt för i dag.',
    limits: 'Individuella gränser',
    slots: 'Mättillfällen',
    morning: 'Morgon',
    evening: 'Kväll',
    perSlot: 'Mätningar per tillfälle',
    submit: 'Anslut patienten',
    cancel: 'Avbryt',
    identityMissing: 'Skriv patientens personnummer.',
    programmeMissing: 'Välj ett program.',
  },
  en: {
    title: 'Self-monitoring',
    intro: "The unit's patients who measure at home, the most severe and latest alerts first.",
    enrol: 'Enrol a patient',
    caption: 'Enrolled patients',
    patient: 'Patient',
    programme: 'Programme',
    alerts: 'Alerts',
    lastReading: 'Latest reading',
    started: 'Start',
    none: 'No patients are enrolled yet.',
    noAlerts: 'None open',
    openAlerts: (n: number) => `${n} open`,
    never: 'None yet',
    formTitle: 'Enrol a patient in self-monitoring',
    identityNumber: 'Personal identity number',
    identityHint: '12 digits, for example 19880412-2383. The patient must have a care relation with the unit.',
    programmeLabel: 'Programme',
    startDate: 'Start date (day 1)',
    startHint: 'Leave empty for today.',
    limits: 'Individual limits',
    slots: 'Measuring times',
    morning: 'Morning',
    evening: 'Evening',
    perSlot: 'Readings each time',
    submit: 'Enrol the patient',
    cancel: 'Cancel',
    identityMissing: "Enter the patient's identity number.",
    programmeMissing: 'Choose a programme.',
  },
};

function EnrolForm({ programmes, onCancel }: { programmes: Programme[]; onCancel: () => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const prefix = useId();
  const [identityNumber, setIdentityNumber] = useState('');
  const [code, setCode] = useState('');
  const [startDate, setStartDate] = useState('');
  const [limits, setLimits] = useState<Record<string, string>>({});
  const [slots, setSlots] = useState<string[]>([]);
  const [perSlot, setPerSlot] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const programme = programmes.find((candidate) => candidate.code === code);
  const choose = (value: string) => {
    setCode(value);
    const chosen = programmes.find((candidate) => candidate.code === value);
    setLimits(Object.fromEntries(Object.entries(chosen?.limits ?? {}).map(([key, limit]) => [key, String(limit.default)])));
    setSlots(chosen?.schedule.slots ?? []);
    setPerSlot(String(chosen?.schedule.readingsPerSlot ?? ''));
  };
  const enrol = useMutation({
    mutationFn: (request: EnrolRequest) => api<Enrolment>('POST', '/api/staff/monitoring/enrolments', request),
    onSuccess: async (enrolment) => {
      await queryClient.invalidateQueries({ queryKey: monitoringKey });
      void navigate(`/arbetsyta/egenmonitorering/${enrolment.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!identityNumber.trim() || !programme) return;
    const individual = Object.fromEntries(
      Object.entries(limits)
        .filter(([key, value]) => value.trim() !== '' && Number(value.replace(',', '.')) !== programme.limits[key]?.default)
        .map(([key, value]) => [key, Number(value.replace(',', '.'))]),
    );
    enrol.mutate({
      identityNumber: identityNumber.trim(),
      programme: programme.code,
      limits: individual,
      schedule: { slots: slots.length ? (slots as ('morning' | 'evening')[]) : undefined, readingsPerSlot: perSlot ? Number(perSlot) : undefined },
      ...(startDate ? { startDate } : {}),
    });
  };
  return (
    <section className="card" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t.formTitle}</h2>
      <form onSubmit={submit} noValidate>
        <TextField id={`${prefix}-pnr`} kind="text" label={t.identityNumber} hint={t.identityHint} error={showProblems && !identityNumber.trim() ? t.identityMissing : undefined} value={identityNumber} onChange={setIdentityNumber} max={20} hardLimit autoComplete="off" />
        <SelectField id={`${prefix}-programme`} label={t.programmeLabel} error={showProblems && !programme ? t.programmeMissing : undefined} options={programmes.map((p) => ({ value: p.code, label: p.name[language] }))} value={code} onChange={choose} />
        {programme && (
          <>
            <p className="muted">{programme.description[language]}</p>
            <TextField id={`${prefix}-start`} kind="date" label={t.startDate} hint={t.startHint} value={startDate} onChange={setStartDate} />
            <fieldset className="field">
              <legend>{t.limits}</legend>
              <div className="monitoring-values">
                {Object.entries(programme.limits).map(([key, limit]) => (
                  <TextField
                    key={key}
                    id={`${prefix}-limit-${key}`}
                    kind="text"
                    inputMode="decimal"
                    label={`${limit.name[language]} (${limit.unit})`}
                    hint={`${limit.min}–${limit.max}`}
                    value={limits[key] ?? ''}
                    onChange={(value) => setLimits((current) => ({ ...current, [key]: value }))}
                  />
                ))}
              </div>
            </fieldset>
            <CheckboxGroup id={`${prefix}-slots`} legend={t.slots} options={[{ value: 'morning', label: t.morning }, { value: 'evening', label: t.evening }]} value={slots} onChange={setSlots} />
            <TextField id={`${prefix}-per-slot`} kind="text" inputMode="decimal" label={t.perSlot} value={perSlot} onChange={setPerSlot} max={1} hardLimit />
          </>
        )}
        {enrol.isError && (
          <p role="alert" className="alert alert--error">
            {enrol.error.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={enrol.isPending}>
            {t.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

/** F3: the care team's overview of the unit's enrolled patients, by alert severity and recency. */
export default function DashboardPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  usePageTitle(t.title);
  const dashboard = useDashboard();
  const programmes = useProgrammes();
  const [enrolling, setEnrolling] = useState(false);
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {enrolling && programmes.data ? (
        <EnrolForm programmes={programmes.data.programmes} onCancel={() => setEnrolling(false)} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setEnrolling(true)}>
            {t.enrol}
          </button>
        </p>
      )}
      {dashboard.isPending ? (
        <PageStatus state="loading" />
      ) : dashboard.isError ? (
        <PageStatus state="error" error={dashboard.error} />
      ) : dashboard.data.items.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ScrollableTable label={t.caption}>
          <table>
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.patient}</th>
                <th scope="col">{t.programme}</th>
                <th scope="col">{t.alerts}</th>
                <th scope="col">{t.lastReading}</th>
                <th scope="col">{t.started}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.data.items.map((item) => (
                <tr key={item.enrolmentId}>
                  <th scope="row">
                    <Link to={`/arbetsyta/egenmonitorering/${item.enrolmentId}`}>{item.patient.name}</Link>
                    <br />
                    <span className="muted monitoring-nowrap">{item.patient.identityNumber}</span>
                  </th>
                  <td>{item.programme.name[language]}</td>
                  <td>
                    {item.severity ? (
                      <>
                        <SeverityBadge severity={item.severity} /> {t.openAlerts(item.openAlerts)}
                      </>
                    ) : (
                      <span className="muted">{t.noAlerts}</span>
                    )}
                  </td>
                  <td className="monitoring-nowrap">{item.lastReadingAt ? formatDateTime(item.lastReadingAt, language) : t.never}</td>
                  <td className="monitoring-nowrap">{formatDate(item.startDate, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </>
  );
}
