import { useState } from 'react';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import type { PatientDropin } from '../dropin-contract.ts';
import { DROPIN_REASON_MAX } from '../dropin-model.ts';
import { joinDropinQueue } from './dropin-api.ts';

/** Choosing the unit (where there is more than one) and writing a short reason, then joining its queue. */

const texts = {
  sv: {
    none: 'Ingen mottagning har drop-in via video öppen för dig just nu.',
    unit: 'Mottagning',
    closedNow: 'stängd just nu',
    hours: (from: string, to: string) => `öppen ${from}–${to}`,
    waiting: (n: number) => (n === 1 ? '1 i kön' : `${n} i kön`),
    reason: 'Vad gäller det?',
    reasonHint: `Skriv kort, högst ${DROPIN_REASON_MAX} tecken. Vårdpersonalen ser det innan de tar emot dig.`,
    join: 'Ställ dig i kön',
  },
  en: {
    none: 'No clinic has drop-in by video open for you right now.',
    unit: 'Clinic',
    closedNow: 'closed right now',
    hours: (from: string, to: string) => `open ${from}–${to}`,
    waiting: (n: number) => `${n} in the queue`,
    reason: 'What is it about?',
    reasonHint: `Write briefly, at most ${DROPIN_REASON_MAX} characters. The care staff see it before they take you.`,
    join: 'Join the queue',
  },
};

export function DropInJoinForm(props: { units: PatientDropin['units']; onJoined: () => void }) {
  const t = useTexts(texts);
  const open = props.units.filter((unit) => unit.available);
  const [unitId, setUnitId] = useState(open[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (props.units.length === 0) return <p>{t.none}</p>;

  const describe = (unit: PatientDropin['units'][number]) =>
    [unit.name, !unit.available ? t.closedNow : unit.opensAt && unit.closesAt ? t.hours(unit.opensAt, unit.closesAt) : null, unit.available ? t.waiting(unit.waiting) : null].filter(Boolean).join(', ');

  return (
    <form
      className="dropin-join"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        joinDropinQueue(unitId, reason)
          .then(props.onJoined, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
          .finally(() => setBusy(false));
      }}
    >
      <div className="field">
        <label htmlFor="dropin-unit">{t.unit}</label>
        <select id="dropin-unit" value={unitId} onChange={(event) => setUnitId(event.target.value)} required>
          {props.units.map((unit) => (
            <option key={unit.id} value={unit.id} disabled={!unit.available}>
              {describe(unit)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dropin-reason">{t.reason}</label>
        <textarea id="dropin-reason" rows={3} maxLength={DROPIN_REASON_MAX} required value={reason} onChange={(event) => setReason(event.target.value)} aria-describedby="dropin-reason-hint" />
        <span id="dropin-reason-hint" className="hint">
          {t.reasonHint}
        </span>
      </div>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="button" disabled={busy || open.length === 0}>
          {t.join}
        </button>
      </p>
    </form>
  );
}
