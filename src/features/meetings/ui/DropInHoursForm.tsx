import { useState } from 'react';
import { useTexts } from '../../../web/i18n/i18n.tsx';

/** The drop-in's switch and its optional daily hours (Stockholm time), saved together. */

const texts = {
  sv: {
    open: 'Drop-in via video är öppen',
    limit: 'Bara vissa tider varje dag',
    from: 'Från (tt:mm)',
    to: 'Till (tt:mm)',
    save: 'Spara',
  },
  en: {
    open: 'Drop-in by video is open',
    limit: 'Only certain hours each day',
    from: 'From (hh:mm)',
    to: 'To (hh:mm)',
    save: 'Save',
  },
};

type Settings = { open: boolean; opensAt: string | null; closesAt: string | null };

export function DropInHoursForm(props: { current: Settings; busy: boolean; onSave: (settings: Settings) => void }) {
  const t = useTexts(texts);
  const [open, setOpen] = useState(props.current.open);
  const [limited, setLimited] = useState(props.current.opensAt !== null);
  const [from, setFrom] = useState(props.current.opensAt ?? '08:00');
  const [to, setTo] = useState(props.current.closesAt ?? '12:00');

  return (
    <form
      className="dropin-hours"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave({ open, opensAt: limited ? from : null, closesAt: limited ? to : null });
      }}
    >
      <label className="checkbox">
        <input type="checkbox" checked={open} onChange={(event) => setOpen(event.target.checked)} />
        {t.open}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={limited} onChange={(event) => setLimited(event.target.checked)} />
        {t.limit}
      </label>
      {limited && (
        <div className="dropin-hours__times">
          <div className="field">
            <label htmlFor="dropin-from">{t.from}</label>
            <input id="dropin-from" type="time" required value={from} onChange={(event) => setFrom(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="dropin-to">{t.to}</label>
            <input id="dropin-to" type="time" required value={to} onChange={(event) => setTo(event.target.value)} />
          </div>
        </div>
      )}
      <p className="actions">
        <button type="submit" className="button button--secondary" disabled={props.busy}>
          {t.save}
        </button>
      </p>
    </form>
  );
}
