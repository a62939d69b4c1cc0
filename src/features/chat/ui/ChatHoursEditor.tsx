import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { weekdayKeys, type OpeningHours, type WeekdayKey } from '../../../lib/opening-hours.ts';
import { api, ApiError } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { ChatHoursSettings } from '../contract.ts';
import { chatHoursKey, useChatHours } from './api.ts';
import './chat.css';

/**
 * The unit administrator's chat hours: one opening per weekday (or closed), and whether the
 * chat closes on public holidays. Exceptions already published are kept as they are.
 */

const texts = {
  sv: {
    title: 'Chattider',
    intro: 'Patienter kan starta en chatt när e-tjänsten Chatt är aktiv och det är inom chattiderna. Skriv tider som TT:MM; 24:00 stänger vid midnatt.',
    notOffered: 'E-tjänsten Chatt är inte aktiv på enheten: patienter kan inte chatta förrän den aktiveras under E-tjänster.',
    days: { mon: 'Måndag', tue: 'Tisdag', wed: 'Onsdag', thu: 'Torsdag', fri: 'Fredag', sat: 'Lördag', sun: 'Söndag' } as Record<WeekdayKey, string>,
    open: 'Öppen',
    opens: 'Öppnar',
    closes: 'Stänger',
    holidays: 'Stängt på helgdagar (och midsommar-, jul- och nyårsafton)',
    save: 'Spara chattiderna',
    saving: 'Sparar …',
    saved: 'Chattiderna är sparade.',
  },
  en: {
    title: 'Chat hours',
    intro: 'Patients can start a chat when the Chat e-service is active and it is within the chat hours. Write times as HH:MM; 24:00 closes at midnight.',
    notOffered: 'The Chat e-service is not active at the unit: patients cannot chat until it is activated under E-services.',
    days: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as Record<WeekdayKey, string>,
    open: 'Open',
    opens: 'Opens',
    closes: 'Closes',
    holidays: 'Closed on public holidays (and Midsummer, Christmas and New Year’s Eve)',
    save: 'Save the chat hours',
    saving: 'Saving …',
    saved: 'The chat hours have been saved.',
  },
};

type Day = { open: boolean; opens: string; closes: string };
type Draft = { days: Record<WeekdayKey, Day>; closedOnPublicHolidays: boolean };

function draftOf(hours: OpeningHours | null): Draft {
  const days = {} as Record<WeekdayKey, Day>;
  for (const key of weekdayKeys) {
    const intervals = hours?.weekly[key] ?? [];
    days[key] = intervals.length > 0 ? { open: true, opens: intervals[0]![0], closes: intervals.at(-1)![1] } : { open: hours === null && !['sat', 'sun'].includes(key), opens: '08:00', closes: '17:00' };
  }
  return { days, closedOnPublicHolidays: hours?.closedOnPublicHolidays ?? true };
}

export function ChatHoursEditor() {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const settings = useChatHours(true);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && draft === null) setDraft(draftOf(settings.data.hours));
  }, [settings.data, draft]);
  const save = useMutation({
    mutationFn: (hours: OpeningHours) => api<ChatHoursSettings>('PUT', '/api/unit-admin/chat-hours', { hours }),
    onSuccess: (data) => {
      queryClient.setQueryData(chatHoursKey, data);
      setSaved(true);
    },
  });
  if (settings.isError) return <PageStatus state="error" error={settings.error} />;
  if (settings.isPending || !draft) return <PageStatus state="loading" />;
  const current = settings.data;
  const setDay = (key: WeekdayKey, change: Partial<Day>) => {
    setSaved(false);
    setDraft({ ...draft, days: { ...draft.days, [key]: { ...draft.days[key], ...change } } });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const weekly = Object.fromEntries(weekdayKeys.map((key) => [key, draft.days[key].open ? [[draft.days[key].opens.trim(), draft.days[key].closes.trim()]] : []])) as OpeningHours['weekly'];
    save.mutate({ weekly, closedOnPublicHolidays: draft.closedOnPublicHolidays, exceptions: current.hours?.exceptions ?? [] });
  };
  return (
    <section className="chat-hours" aria-labelledby="chat-hours-heading">
      <h2 id="chat-hours-heading">{t.title}</h2>
      <p>{t.intro}</p>
      {!current.offered && <p className="alert alert--warning">{t.notOffered}</p>}
      <form onSubmit={submit} noValidate>
        {weekdayKeys.map((key) => {
          const day = draft.days[key];
          return (
            <fieldset key={key} className="chat-hours__day">
              <legend>{t.days[key]}</legend>
              <div className="chat-hours__fields">
              <label className="checkbox">
                <input type="checkbox" checked={day.open} onChange={(event) => setDay(key, { open: event.target.checked })} />
                {t.open}
              </label>
              <div className="field">
                <label htmlFor={`chat-hours-${key}-opens`}>{t.opens}</label>
                <input id={`chat-hours-${key}-opens`} inputMode="numeric" size={6} disabled={!day.open} value={day.opens} onChange={(event) => setDay(key, { opens: event.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`chat-hours-${key}-closes`}>{t.closes}</label>
                <input id={`chat-hours-${key}-closes`} inputMode="numeric" size={6} disabled={!day.open} value={day.closes} onChange={(event) => setDay(key, { closes: event.target.value })} />
              </div>
              </div>
            </fieldset>
          );
        })}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.closedOnPublicHolidays}
            onChange={(event) => {
              setSaved(false);
              setDraft({ ...draft, closedOnPublicHolidays: event.target.checked });
            }}
          />
          {t.holidays}
        </label>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t.saving : t.save}
          </button>
          <span role="status" className="saved-note">
            {saved ? t.saved : ''}
          </span>
        </div>
        {save.isError && (
          <p className="alert alert--error" role="alert">
            {save.error instanceof ApiError ? save.error.message : String(save.error)}
          </p>
        )}
      </form>
    </section>
  );
}
