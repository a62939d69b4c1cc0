import { useState } from 'react';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { AppointmentSummary, PatientAppointments } from '../../staff-contract.ts';
import { clock, shortDate, statusLabels, stockholmDateOf } from './shared.ts';

const texts = {
  sv: {
    title: 'Patientens bokningar på enheten',
    upcoming: 'Kommande',
    earlier: 'Tidigare',
    none: 'Inga.',
    thisOne: 'den här bokningen',
    show: (what: string) => `Visa ${what}`,
    all: (n: number) => `Visa alla ${n}`,
  },
  en: {
    title: "The patient's appointments at the unit",
    upcoming: 'Upcoming',
    earlier: 'Earlier',
    none: 'None.',
    thisOne: 'this appointment',
    show: (what: string) => `Show ${what}`,
    all: (n: number) => `Show all ${n}`,
  },
};

const FIRST_EARLIER = 5;

/** Upcoming soonest first, earlier latest first; each opens in the panel. */
export function AppointmentHistory({ history, currentId, onShow }: { history: PatientAppointments; currentId: string; onShow: (id: string) => void }) {
  const t = useTexts(texts);
  const [allEarlier, setAllEarlier] = useState(false);
  const earlier = allEarlier ? history.earlier : history.earlier.slice(0, FIRST_EARLIER);
  return (
    <section className="tidbok-history" aria-labelledby="tidbok-history-title">
      <h3 id="tidbok-history-title">{t.title}</h3>
      <h4>{t.upcoming}</h4>
      <Entries entries={history.upcoming} currentId={currentId} onShow={onShow} />
      <h4>{t.earlier}</h4>
      <Entries entries={earlier} currentId={currentId} onShow={onShow} />
      {!allEarlier && history.earlier.length > FIRST_EARLIER && (
        <button type="button" className="link" onClick={() => setAllEarlier(true)}>
          {t.all(history.earlier.length)}
        </button>
      )}
    </section>
  );
}

function Entries({ entries, currentId, onShow }: { entries: AppointmentSummary[]; currentId: string; onShow: (id: string) => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  if (entries.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <ul className="plain-list tidbok-history__list">
      {entries.map((entry) => {
        const when = `${shortDate(stockholmDateOf(entry.startsAt), language)} ${clock(entry.startsAt)}`;
        return (
          <li key={entry.id} className="tidbok-history__entry">
            {entry.id === currentId ? (
              <strong>
                {when} <span className="muted">({t.thisOne})</span>
              </strong>
            ) : (
              <button type="button" className="link" onClick={() => onShow(entry.id)} aria-label={t.show(`${when}, ${entry.visitTypeName}`)}>
                {when}
              </button>
            )}{' '}
            · {entry.visitTypeName} · {entry.resourceName} · <span className={`tidbok-status tidbok-status--${entry.status}`}>{statusLabels[entry.status][language]}</span>
          </li>
        );
      })}
    </ul>
  );
}
