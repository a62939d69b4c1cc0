import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { IntervalListEditor } from './IntervalListEditor.tsx';
import { fieldId, type ExceptionDraft, type Problem } from './schedule-draft.ts';

const texts = {
  sv: {
    exceptions: 'Avvikande dagar',
    exceptionsHint: 'En dag med andra tider än veckoschemat, eller stängd. Röda dagar är stängda om de inte läggs till här.',
    date: 'Datum',
    closed: 'Stängt hela dagen',
    day: (n: number) => `Avvikelse ${n}`,
    removeException: 'Ta bort avvikelsen',
    addException: 'Lägg till avvikande dag',
    absences: 'Frånvaro',
    absencesHint: 'Semester, kurs eller ledighet: inga tider alls från och med första till och med sista dagen.',
    from: 'Första dagen',
    to: 'Sista dagen',
    absence: (n: number) => `Frånvaro ${n}`,
    removeAbsence: 'Ta bort frånvaron',
    addAbsence: 'Lägg till frånvaro',
  },
  en: {
    exceptions: 'Days that differ',
    exceptionsHint: 'A day with other hours than the weekly schedule, or closed. Public holidays are closed unless added here.',
    date: 'Date',
    closed: 'Closed all day',
    day: (n: number) => `Exception ${n}`,
    removeException: 'Remove the exception',
    addException: 'Add a day that differs',
    absences: 'Absence',
    absencesHint: 'Holiday, a course or leave: no times at all from the first to the last day.',
    from: 'First day',
    to: 'Last day',
    absence: (n: number) => `Absence ${n}`,
    removeAbsence: 'Remove the absence',
    addAbsence: 'Add an absence',
  },
};

type Props<T> = { rows: T[]; onChange: (rows: T[]) => void; problems: Map<string, Problem> | null; today: string };

function DateField({ id, label, value, onChange, problems, min }: { id: string; label: string; value: string; onChange: (value: string) => void; problems: Map<string, Problem> | null; min?: string }) {
  const { language } = useLanguage();
  const problem = problems?.get(id);
  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} min={min} onChange={(event) => onChange(event.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} />
      {problem && (
        <span id={`${id}-error`} className="error-text">
          {problem[language]}
        </span>
      )}
    </div>
  );
}

/** Days with other hours, or closed. */
export function ExceptionsEditor({ rows, onChange, problems, today }: Props<ExceptionDraft>) {
  const t = useTexts(texts);
  const set = (index: number, change: Partial<ExceptionDraft>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="card appt-admin__section">
      <legend>{t.exceptions}</legend>
      <p className="hint">{t.exceptionsHint}</p>
      {rows.map((row, index) => (
        <fieldset key={index} className="appt-admin__row">
          <legend className="visually-hidden">{t.day(index + 1)}</legend>
          <div className="appt-admin__row-fields">
            <DateField id={fieldId(`exceptions.${index}.date`)} label={t.date} value={row.date} min={today} problems={problems} onChange={(date) => set(index, { date })} />
            <label className="checkbox">
              <input type="checkbox" checked={row.closed} onChange={(event) => set(index, { closed: event.target.checked })} /> {t.closed}
            </label>
            <button type="button" className="link appt-admin__remove" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              {t.removeException}
              <span className="visually-hidden"> {row.date || t.day(index + 1)}</span>
            </button>
          </div>
          {!row.closed && <IntervalListEditor intervals={row.intervals} onChange={(intervals) => set(index, { intervals })} path={`exceptions.${index}`} dayName={row.date || t.day(index + 1)} problems={problems} />}
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange([...rows, { date: '', closed: true, intervals: [] }])}>
        {t.addException}
      </button>
    </fieldset>
  );
}

/** Date ranges without any times. */
export function AbsencesEditor({ rows, onChange, problems, today }: Props<{ from: string; to: string }>) {
  const t = useTexts(texts);
  const set = (index: number, change: Partial<{ from: string; to: string }>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="card appt-admin__section">
      <legend>{t.absences}</legend>
      <p className="hint">{t.absencesHint}</p>
      {rows.map((row, index) => (
        <fieldset key={index} className="appt-admin__row">
          <legend className="visually-hidden">{t.absence(index + 1)}</legend>
          <div className="appt-admin__row-fields">
            <DateField id={fieldId(`absences.${index}.from`)} label={t.from} value={row.from} min={today} problems={problems} onChange={(from) => set(index, { from, to: row.to || from })} />
            <DateField id={fieldId(`absences.${index}.to`)} label={t.to} value={row.to} min={row.from || today} problems={problems} onChange={(to) => set(index, { to })} />
            <button type="button" className="link appt-admin__remove" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              {t.removeAbsence}
              <span className="visually-hidden"> {t.absence(index + 1)}</span>
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange([...rows, { from: '', to: '' }])}>
        {t.addAbsence}
      </button>
    </fieldset>
  );
}
