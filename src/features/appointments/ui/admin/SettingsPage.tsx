import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../../../web/api/client.ts';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { settingsRequestSchema, type AppointmentSettingsView } from '../../admin-contract.ts';
import { AdminSubNav } from './AdminSubNav.tsx';
import { BASE, settingsKey, useAdminSettings } from './api.ts';

const texts = {
  sv: {
    title: 'Påminnelser och bokningsperiod',
    reminder: 'Påminnelse, timmar före besöket',
    reminderHint: '1–168 timmar. Patienten får påminnelsen som e-post eller sms enligt sina egna val. Gäller även redan bokade besök; en påminnelse som redan har skickats skickas inte igen.',
    horizon: 'Hur långt fram patienter kan boka, dagar',
    horizonHint: '7–365 dagar. Gäller bokning via webben.',
    save: 'Spara',
    saved: 'Inställningarna är sparade.',
    reminderProblem: 'Ange ett heltal mellan 1 och 168.',
    horizonProblem: 'Ange ett heltal mellan 7 och 365.',
  },
  en: {
    title: 'Reminders and booking period',
    reminder: 'Reminder, hours before the visit',
    reminderHint: '1–168 hours. The patient gets the reminder by e-mail or text message as they have chosen. Also applies to visits already booked; a reminder already sent is not sent again.',
    horizon: 'How far ahead patients can book, days',
    horizonHint: '7–365 days. Applies to online booking.',
    save: 'Save',
    saved: 'The settings have been saved.',
    reminderProblem: 'Enter a whole number from 1 to 168.',
    horizonProblem: 'Enter a whole number from 7 to 365.',
  },
};

/** The unit's reminder time and booking horizon. */
export default function SettingsPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const settings = useAdminSettings();
  return (
    <>
      <h1>{t.title}</h1>
      <AdminSubNav />
      {settings.isPending ? <PageStatus state="loading" /> : settings.isError ? <PageStatus state="error" error={settings.error} /> : <SettingsForm current={settings.data} />}
    </>
  );
}

function SettingsForm({ current }: { current: AppointmentSettingsView }) {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const [reminder, setReminder] = useState(String(current.reminderHoursBefore));
  const [horizon, setHorizon] = useState(String(current.bookingHorizonDays));
  const [showProblems, setShowProblems] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: { reminderHoursBefore: number; bookingHorizonDays: number }) => api<AppointmentSettingsView>('PUT', `${BASE}/settings`, body),
    onSuccess: (data) => {
      queryClient.setQueryData(settingsKey, data);
      setSaved(true);
    },
  });
  const parsed = settingsRequestSchema.safeParse({ reminderHoursBefore: Number(reminder || NaN), bookingHorizonDays: Number(horizon || NaN) });
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!parsed.success) return document.getElementById(invalid.has('reminderHoursBefore') ? 'settings-reminder' : 'settings-horizon')?.focus();
    save.mutate(parsed.data);
  };
  const field = (id: string, name: 'reminderHoursBefore' | 'bookingHorizonDays', label: string, hint: string, problem: string, value: string, onChange: (value: string) => void, range: [number, number]) => {
    const bad = showProblems && invalid.has(name);
    return (
      <div className={`field${bad ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
        <input
          id={id}
          className="appt-admin__number"
          type="number"
          inputMode="numeric"
          min={range[0]}
          max={range[1]}
          value={value}
          onChange={(event) => {
            setSaved(false);
            onChange(event.target.value);
          }}
          aria-invalid={bad || undefined}
          aria-describedby={`${id}-hint${bad ? ` ${id}-error` : ''}`}
        />
        {bad && (
          <span id={`${id}-error`} className="error-text">
            {problem}
          </span>
        )}
      </div>
    );
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      {field('settings-reminder', 'reminderHoursBefore', t.reminder, t.reminderHint, t.reminderProblem, reminder, setReminder, [1, 168])}
      {field('settings-horizon', 'bookingHorizonDays', t.horizon, t.horizonHint, t.horizonProblem, horizon, setHorizon, [7, 365])}
      {save.isError && <PageStatus state="error" error={save.error} />}
      <div role="status">{saved && <p className="alert alert--success">{t.saved}</p>}</div>
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t.save}
        </button>
      </div>
    </form>
  );
}
