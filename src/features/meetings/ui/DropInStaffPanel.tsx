import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { saveDropinSettings, staffDropinKey, takeNextDropin, useStaffDropin } from './dropin-api.ts';
import { DropInHoursForm } from './DropInHoursForm.tsx';

/**
 * E6 on /arbetsyta/moten: the unit's "Drop-in via video" — open or closed, who waits and why
 * (oldest first), and "Ta nästa patient", which creates the meeting with the patient in its
 * waiting room and opens it.
 */

const texts = {
  sv: {
    heading: 'Drop-in via video',
    notOffered: 'Mottagningen har inte e-tjänsten Videomöte aktiv. Den aktiveras under Mottagningens e-tjänster.',
    open: 'Drop-in är öppen.',
    openHours: (from: string, to: string) => `Drop-in är öppen ${from}–${to}.`,
    outsideHours: (from: string, to: string) => `Drop-in tar emot ${from}–${to}, inte just nu.`,
    closed: 'Drop-in är stängd.',
    changed: (who: string, when: string) => `Ändrat av ${who} ${when}.`,
    queue: (n: number) => `I kön (${n})`,
    empty: 'Ingen väntar.',
    queuedBy: (name: string) => `köar åt patienten: ${name}`,
    since: (time: string) => `Väntar sedan ${time}`,
    takeNext: 'Ta nästa patient',
    keptNote: 'De som redan står i kön finns kvar när drop-in stängs.',
  },
  en: {
    heading: 'Drop-in by video',
    notOffered: 'The clinic does not have the Video meeting e-service active. It is activated under the clinic’s e-services.',
    open: 'Drop-in is open.',
    openHours: (from: string, to: string) => `Drop-in is open ${from}–${to}.`,
    outsideHours: (from: string, to: string) => `Drop-in takes patients ${from}–${to}, not right now.`,
    closed: 'Drop-in is closed.',
    changed: (who: string, when: string) => `Changed by ${who} on ${when}.`,
    queue: (n: number) => `In the queue (${n})`,
    empty: 'Nobody is waiting.',
    queuedBy: (name: string) => `queuing for the patient: ${name}`,
    since: (time: string) => `Waiting since ${time}`,
    takeNext: 'Take the next patient',
    keptNote: 'Those already in the queue stay in it when drop-in is closed.',
  },
};

export function DropInStaffPanel() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const dropin = useStaffDropin();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!dropin.data) return null;
  const data = dropin.data;

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      void queryClient.invalidateQueries({ queryKey: staffDropinKey });
    } finally {
      setBusy(false);
    }
  };
  const hours = data.opensAt && data.closesAt ? { from: data.opensAt, to: data.closesAt } : null;
  const state = !data.open ? t.closed : data.unavailableReason === 'outside_hours' && hours ? t.outsideHours(hours.from, hours.to) : hours ? t.openHours(hours.from, hours.to) : t.open;

  return (
    <section className="meeting-settings dropin-staff" aria-labelledby="dropin-staff-heading">
      <h2 id="dropin-staff-heading">{t.heading}</h2>
      {!data.offered ? (
        <p>{t.notOffered}</p>
      ) : (
        <>
          <p role="status">
            <strong>{state}</strong>
            {data.changedBy && data.changedAt && ` ${t.changed(data.changedBy, formatDateTime(data.changedAt, language))}`}
          </p>
          <DropInHoursForm key={`${data.open}${data.opensAt}${data.closesAt}`} current={data} busy={busy} onSave={(settings) => void run(async () => {
            queryClient.setQueryData(staffDropinKey, await saveDropinSettings(settings));
          })} />
          <p className="hint">{t.keptNote}</p>
        </>
      )}
      <h3 id="dropin-queue-heading">{t.queue(data.queue.length)}</h3>
      {data.queue.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ol className="dropin-queue" aria-labelledby="dropin-queue-heading">
          {data.queue.map((entry) => (
            <li key={entry.id} className="dropin-queue__entry">
              <span className="meeting-person__name">
                {entry.patient.name}, {entry.patient.identityNumber}
              </span>
              <span className="dropin-queue__reason">{entry.reason}</span>
              <span className="meeting-person__meta">
                {t.since(formatDateTime(entry.queuedAt, language))}
                {entry.queuedBy && ` · ${t.queuedBy(entry.queuedBy)}`}
              </span>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {data.queue.length > 0 && (
        <p className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run(async () => {
            const taken = await takeNextDropin();
            await navigate(`/arbetsyta/moten/${taken.meetingId}`);
          })}>
            {t.takeNext}
          </button>
        </p>
      )}
    </section>
  );
}
