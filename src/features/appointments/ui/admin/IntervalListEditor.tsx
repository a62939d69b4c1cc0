import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { Interval } from '../../model.ts';
import { fieldId, type Problem } from './schedule-draft.ts';

const texts = {
  sv: { from: 'Från', to: 'Till', remove: 'Ta bort passet', add: 'Lägg till pass', interval: (n: number) => `pass ${n}`, none: 'Ingen tid' },
  en: { from: 'From', to: 'To', remove: 'Remove the interval', add: 'Add interval', interval: (n: number) => `interval ${n}`, none: 'No time' },
};

/**
 * A day's working intervals: from–to pairs as HH:MM, added and removed. `path` names the day in
 * the template ("weekly.1", "exceptions.0") and so the ids the problems point at; `dayName`
 * goes into every label so each field is named on its own ("Måndag pass 1 Från").
 */
export function IntervalListEditor({
  intervals,
  onChange,
  path,
  dayName,
  problems,
}: {
  intervals: Interval[];
  onChange: (intervals: Interval[]) => void;
  path: string;
  dayName: string;
  problems: Map<string, Problem> | null;
}) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const set = (index: number, change: Partial<Interval>) => onChange(intervals.map((interval, i) => (i === index ? { ...interval, ...change } : interval)));
  // A new interval starts where the last one ended, an hour long, so it rarely overlaps.
  const next = (): Interval => {
    const last = intervals.at(-1);
    if (!last || !/^\d{2}:\d{2}$/.test(last.to)) return { from: '08:00', to: '12:00' };
    const hour = Math.min(Number(last.to.slice(0, 2)) + 1, 23);
    return { from: last.to, to: `${String(hour).padStart(2, '0')}:${last.to.slice(3)}` };
  };
  return (
    <div className="appt-admin__intervals">
      {intervals.length === 0 && <p className="muted appt-admin__none">{t.none}</p>}
      {intervals.map((interval, index) => (
        <div key={index} className="appt-admin__interval">
          {(['from', 'to'] as const).map((end) => {
            const id = fieldId(`${path}.${index}.${end}`);
            const problem = problems?.get(id);
            return (
              <div key={end} className={`field${problem ? ' field--invalid' : ''}`}>
                <label htmlFor={id}>
                  <span className="visually-hidden">
                    {dayName} {t.interval(index + 1)}{' '}
                  </span>
                  {end === 'from' ? t.from : t.to}
                </label>
                <input
                  id={id}
                  className="appt-admin__time"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="08:00"
                  size={5}
                  maxLength={5}
                  value={interval[end]}
                  onChange={(event) => set(index, { [end]: event.target.value.trim() })}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-error` : undefined}
                />
                {problem && (
                  <span id={`${id}-error`} className="error-text">
                    {problem[language]}
                  </span>
                )}
              </div>
            );
          })}
          <button type="button" className="link appt-admin__remove" onClick={() => onChange(intervals.filter((_, i) => i !== index))}>
            {t.remove}
            <span className="visually-hidden">
              {' '}
              {dayName} {t.interval(index + 1)}
            </span>
          </button>
        </div>
      ))}
      <button id={fieldId(`${path}.add`)} type="button" className="button button--secondary appt-admin__add" onClick={() => onChange([...intervals, next()])}>
        {t.add}
        <span className="visually-hidden"> {dayName}</span>
      </button>
      {problems?.get(fieldId(`${path}.add`)) && <span className="error-text">{problems.get(fieldId(`${path}.add`))![language]}</span>}
    </div>
  );
}
