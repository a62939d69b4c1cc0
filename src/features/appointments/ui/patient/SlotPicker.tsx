import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays, isIsoDate } from '../../../../lib/calendar/iso-date.ts';
import { stockholmDate } from '../../../../lib/stockholm-time.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { SOONEST_DEFAULT, SOONEST_MAX, type Slot } from '../../patient-contract.ts';
import { clockText, dayText } from '../../patient-model.ts';
import { useSlots, type SlotSource, type SlotWindow } from './api.ts';
import { groupByDay } from './slot-days.ts';
import { withText } from './words.ts';

const DAYS_SHOWN = 7;

const texts = {
  sv: {
    how: 'Hur vill du leta?',
    soonest: 'Första lediga tider',
    byDate: 'Välj datum',
    from: 'Visa tider från och med',
    fromHint: (last: string) => `Du kan boka till och med ${last}.`,
    earlier: 'Föregående vecka',
    later: 'Nästa vecka',
    more: 'Visa fler tider',
    count: (n: number) => (n === 0 ? 'Inga lediga tider.' : n === 1 ? 'En ledig tid.' : `${n} lediga tider.`),
    none: 'Det finns inga lediga tider här. Välj ett annat datum, eller beställ tid så kontaktar mottagningen dig.',
    dayPrefix: (day: string) => `${day} kl. `,
  },
  en: {
    how: 'How do you want to search?',
    soonest: 'Soonest free times',
    byDate: 'Choose a date',
    from: 'Show times from',
    fromHint: (last: string) => `You can book up to and including ${last}.`,
    earlier: 'Previous week',
    later: 'Next week',
    more: 'Show more times',
    count: (n: number) => (n === 0 ? 'No free times.' : n === 1 ? 'One free time.' : `${n} free times.`),
    none: 'There are no free times here. Choose another date, or request an appointment and the clinic will contact you.',
    dayPrefix: (day: string) => `${day} at `,
  },
};

/**
 * Free times, soonest first or from a chosen date (a week at a time), grouped by day.
 * Each time is a link to the confirmation page; the choice is kept in the address so
 * the back button returns to the same list.
 */
export function SlotPicker({ source, confirmPath }: { source: SlotSource; confirmPath: (slot: Slot, pickerDate: string | null) => string }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const ids = { date: useId(), hint: useId(), how: useId() };
  const today = stockholmDate(new Date());
  const chosen = params.get('datum');
  const dateInAddress = chosen && isIsoDate(chosen) ? chosen : null;
  // Held here as well as in the address: the address changes a moment later, and the radio
  // buttons and the date field must show the choice at once (and follow back/forward).
  const [date, setShownDate] = useState(dateInAddress);
  useEffect(() => setShownDate(dateInAddress), [dateInAddress]);
  const first = Math.min(Number(params.get('antal')) || SOONEST_DEFAULT, SOONEST_MAX);
  const window: SlotWindow = date ? { from: date, days: DAYS_SHOWN } : { first };
  const slots = useSlots(source, window);
  const last = slots.data?.lastBookableDate;
  const setDate = (value: string | null) => {
    setShownDate(value);
    setParams(value ? { datum: value } : {}, { replace: true });
  };

  return (
    <div className="slot-picker">
      <fieldset className="slot-picker__mode">
        <legend id={ids.how}>{t.how}</legend>
        <label className="checkbox">
          <input type="radio" name="slot-mode" checked={!date} onChange={() => setDate(null)} />
          {t.soonest}
        </label>
        <label className="checkbox">
          <input type="radio" name="slot-mode" checked={!!date} onChange={() => setDate(today)} />
          {t.byDate}
        </label>
      </fieldset>
      {date && (
        <div className="field slot-picker__date">
          <label htmlFor={ids.date}>{t.from}</label>
          {last && (
            <span className="hint" id={ids.hint}>
              {t.fromHint(dayText(new Date(`${last}T12:00:00Z`), language))}
            </span>
          )}
          <input id={ids.date} type="date" value={date} min={today} max={last} aria-describedby={last ? ids.hint : undefined} onChange={(event) => isIsoDate(event.target.value) && setDate(event.target.value)} />
          <div className="actions">
            <button type="button" className="button button--secondary" disabled={date <= today} onClick={() => setDate(addDays(date, -DAYS_SHOWN) < today ? today : addDays(date, -DAYS_SHOWN))}>
              {t.earlier}
            </button>
            <button type="button" className="button button--secondary" disabled={!!last && addDays(date, DAYS_SHOWN) > last} onClick={() => setDate(addDays(date, DAYS_SHOWN))}>
              {t.later}
            </button>
          </div>
        </div>
      )}
      <p role="status" className="slot-picker__count">
        {slots.data && !slots.isPlaceholderData ? t.count(slots.data.slots.length) : ''}
      </p>
      {slots.isPending ? (
        <PageStatus state="loading" />
      ) : slots.isError ? (
        <PageStatus state="error" error={slots.error} />
      ) : slots.data.slots.length === 0 ? (
        <p className="card">{t.none}</p>
      ) : (
        groupByDay(slots.data.slots).map(({ date: day, slots: ofDay }) => (
          <section key={day} className="slot-day" aria-labelledby={`slot-day-${day}`}>
            <h2 id={`slot-day-${day}`} className="slot-day__heading">
              {dayText(new Date(ofDay[0]!.startsAt), language, new Date())}
            </h2>
            <ul className="plain-list slot-list">
              {ofDay.map((slot) => {
                const time = clockText(new Date(slot.startsAt), language);
                const who = withText(slot.with, language);
                return (
                  <li key={`${slot.resourceId}-${slot.startsAt}`}>
                    <Link to={confirmPath(slot, date)} className="slot">
                      <span className="visually-hidden">{t.dayPrefix(dayText(new Date(slot.startsAt), language))}</span>
                      <span className="slot__time">{time}</span>
                      <span className="slot__with">{who}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
      {!date && slots.data && slots.data.slots.length >= first && first < SOONEST_MAX && (
        <button type="button" className="button button--secondary" onClick={() => setParams({ antal: String(Math.min(first + SOONEST_DEFAULT, SOONEST_MAX)) }, { replace: true })}>
          {t.more}
        </button>
      )}
    </div>
  );
}
