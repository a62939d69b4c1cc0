import { useId } from 'react';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import type { UnitResources } from '../../staff-contract.ts';
import { stepDate, todayInStockholm, type CalendarState } from './shared.ts';

const texts = {
  sv: {
    navigation: 'Välj vad tidboken visar',
    previousDay: 'Föregående dag',
    nextDay: 'Nästa dag',
    previousWeek: 'Föregående vecka',
    nextWeek: 'Nästa vecka',
    today: 'Idag',
    date: 'Datum',
    view: 'Visa',
    day: 'Dag',
    week: 'Vecka',
    resource: 'Vårdgivare eller rum',
    wholeUnit: 'Hela enheten',
    type: 'Lediga tider för',
    anyType: 'Alla besökstyper',
    unpublished: 'ej i webbtidboken',
  },
  en: {
    navigation: 'Choose what the calendar shows',
    previousDay: 'Previous day',
    nextDay: 'Next day',
    previousWeek: 'Previous week',
    nextWeek: 'Next week',
    today: 'Today',
    date: 'Date',
    view: 'Show',
    day: 'Day',
    week: 'Week',
    resource: 'Practitioner or room',
    wholeUnit: 'The whole unit',
    type: 'Free times for',
    anyType: 'All visit types',
    unpublished: 'not in web booking',
  },
};

/** Previous / today / next, the date, day or week, one resource or the whole unit, and the visit type whose free times show. */
export function CalendarToolbar({ state, unit, onChange }: { state: CalendarState; unit: UnitResources | undefined; onChange: (next: Partial<CalendarState>) => void }) {
  const t = useTexts(texts);
  const ids = { date: useId(), resource: useId(), type: useId(), view: useId() };
  const week = state.view === 'week';
  return (
    <form className="tidbok-toolbar" aria-label={t.navigation} onSubmit={(event) => event.preventDefault()}>
      <div className="tidbok-toolbar__steps">
        <button type="button" className="button button--secondary" onClick={() => onChange({ date: stepDate(state, -1) })}>
          <span aria-hidden="true">‹ </span>
          {week ? t.previousWeek : t.previousDay}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onChange({ date: todayInStockholm() })}>
          {t.today}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onChange({ date: stepDate(state, 1) })}>
          {week ? t.nextWeek : t.nextDay}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <div className="field">
        <label htmlFor={ids.date}>{t.date}</label>
        <input id={ids.date} type="date" value={state.date} required onChange={(event) => event.target.value && onChange({ date: event.target.value })} />
      </div>
      <fieldset className="field tidbok-toolbar__view">
        <legend>{t.view}</legend>
        <div className="tidbok-toggle">
          {(['day', 'week'] as const).map((view) => (
            <button key={view} type="button" className="tidbok-toggle__option" aria-pressed={state.view === view} onClick={() => onChange({ view })}>
              {view === 'day' ? t.day : t.week}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.resource}>{t.resource}</label>
        <select id={ids.resource} value={state.resource ?? ''} onChange={(event) => onChange({ resource: event.target.value || undefined })}>
          <option value="">{t.wholeUnit}</option>
          {unit?.resources.map((resource) => (
            <option key={resource.id} value={resource.id}>
              {resource.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.type}>{t.type}</label>
        <select id={ids.type} value={state.type ?? ''} onChange={(event) => onChange({ type: event.target.value || undefined })}>
          <option value="">{t.anyType}</option>
          {unit?.visitTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name}
              {type.published ? '' : ` (${t.unpublished})`}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
