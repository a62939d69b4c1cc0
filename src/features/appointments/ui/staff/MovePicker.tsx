import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { addDays } from '../../../../lib/calendar/iso-date.ts';
import { newIdempotencyKey } from '../../../cases/ui/staff/shared.tsx';
import type { AppointmentDetail, FreeSlots, Resource, StaffAppointment, StaffMoveRequest } from '../../staff-contract.ts';
import { FormActions } from './FormActions.tsx';
import { clock, dayName, freeSlotsKey, stockholmDateOf, todayInStockholm } from './shared.ts';

const texts = {
  sv: {
    legend: (day: string) => `Ny tid ${day}`,
    date: 'Dag',
    previous: 'Föregående dag',
    next: 'Nästa dag',
    resource: 'Hos',
    any: 'Alla som har besökstypen',
    slot: (time: string, name: string) => `${time} hos ${name}`,
    none: 'Inga lediga tider den dagen. Välj en annan dag.',
    choose: 'Välj en ny tid.',
    move: 'Flytta till vald tid',
    moving: 'Flyttar …',
    cancel: 'Avbryt',
  },
  en: {
    legend: (day: string) => `New time on ${day}`,
    date: 'Day',
    previous: 'Previous day',
    next: 'Next day',
    resource: 'With',
    any: 'Anyone offering the visit type',
    slot: (time: string, name: string) => `${time} with ${name}`,
    none: 'No free times that day. Choose another day.',
    choose: 'Choose a new time.',
    move: 'Move to the chosen time',
    moving: 'Moving …',
    cancel: 'Cancel',
  },
};

/** Flytta: pick another free time of the booking's visit type (any day, any resource offering it) and move in one step. */
export function MovePicker({ appointment, resources, onMoved, onCancel }: { appointment: StaffAppointment; resources: Resource[]; onMoved: (detail: AppointmentDetail) => void; onCancel: () => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const ids = { date: useId(), resource: useId(), slots: useId() };
  const today = todayInStockholm();
  const bookedDay = stockholmDateOf(appointment.startsAt);
  const [date, setDate] = useState(bookedDay < today ? today : bookedDay);
  const [resourceId, setResourceId] = useState(appointment.resourceId);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState('');
  const [idempotencyKey] = useState(newIdempotencyKey);
  const offering = resources.filter((resource) => resource.visitTypeIds.includes(appointment.visitType.id));
  const nameOf = (id: string) => resources.find((resource) => resource.id === id)?.name ?? '';

  const query = { visitTypeId: appointment.visitType.id, date, ...(resourceId ? { resourceId } : {}) };
  const slots = useQuery({
    queryKey: freeSlotsKey(query),
    queryFn: () => api<FreeSlots>('GET', `/api/staff/appointments/free-slots?${new URLSearchParams(query)}`),
  });
  const move = useMutation({
    mutationFn: (request: StaffMoveRequest) => api<AppointmentDetail>('POST', `/api/staff/appointments/${appointment.id}/move`, request, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: onMoved,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [slotResource, start] = chosen.split('|');
    if (!slotResource || !start) {
      setProblem(t.choose);
      document.getElementById(ids.slots)?.querySelector('input')?.focus();
      return;
    }
    move.mutate({ resourceId: slotResource, startsAt: start });
  };
  const changeDate = (next: string) => {
    if (!next || next < today) return;
    setDate(next);
    setChosen('');
  };

  return (
    <form className="tidbok-move" onSubmit={submit} noValidate>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={ids.date}>{t.date}</label>
          <input id={ids.date} type="date" min={today} value={date} onChange={(event) => changeDate(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.resource}>{t.resource}</label>
          <select id={ids.resource} value={resourceId} onChange={(event) => (setResourceId(event.target.value), setChosen(''))}>
            <option value="">{t.any}</option>
            {offering.map((resource) => (
              <option key={resource.id} value={resource.id}>
                {resource.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="tidbok-move__steps">
        <button type="button" className="button button--secondary" disabled={date <= today} onClick={() => changeDate(addDays(date, -1))}>
          {t.previous}
        </button>
        <button type="button" className="button button--secondary" onClick={() => changeDate(addDays(date, 1))}>
          {t.next}
        </button>
      </div>
      {slots.isPending ? (
        <PageStatus state="loading" />
      ) : slots.isError ? (
        <PageStatus state="error" error={slots.error} />
      ) : slots.data.slots.length === 0 ? (
        <p className="muted" role="status">
          {t.none}
        </p>
      ) : (
        <fieldset id={ids.slots} className={`field tidbok-move__slots${problem ? ' field--invalid' : ''}`}>
          <legend>{t.legend(dayName(date, language))}</legend>
          {problem && <span className="error-text">{problem}</span>}
          <div className="tidbok-move__options">
            {slots.data.slots.map((slot) => {
              const value = `${slot.resourceId}|${slot.start}`;
              return (
                <label key={value} className="checkbox tidbok-move__option">
                  <input type="radio" name={ids.slots} value={value} checked={chosen === value} onChange={() => (setChosen(value), setProblem(''))} />
                  {t.slot(clock(slot.start), nameOf(slot.resourceId))}
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
      <FormActions error={move.error} pending={move.isPending} submit={t.move} submitting={t.moving} cancel={t.cancel} onCancel={onCancel} />
    </form>
  );
}
