import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/api/client.ts';
import { useRefetchOn } from '../../../../web/realtime/realtime.ts';
import type { AppointmentList, BookingUnits, BookRequest, PatientAppointment, RebookRequest, SlotList, UnitVisitTypes } from '../../patient-contract.ts';

/** The patient side's calls to the appointments API and their query keys (all under 'appointments', 'patient'). */

export const patientAppointmentsKey = ['appointments', 'patient'] as const;
const listKey = [...patientAppointmentsKey, 'list'] as const;
const appointmentKey = (id: string) => [...patientAppointmentsKey, 'one', id] as const;
/** Free times change whenever anyone books: one prefix so they can be refreshed together. */
export const slotsKey = [...patientAppointmentsKey, 'slots'] as const;

/** A fresh key per booking attempt, kept across retries of the same click (getRandomValues also works on plain http). */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Any change to one of the patient's bookings (by them, a guardian, or the unit) refreshes what is shown. */
function useAppointmentEvents() {
  useRefetchOn('appointments.changed', () => [patientAppointmentsKey]);
}

export function useMyAppointments() {
  useAppointmentEvents();
  return useQuery({ queryKey: listKey, queryFn: () => api<AppointmentList>('GET', '/api/patient/appointments'), refetchInterval: 120_000 });
}

export function useAppointment(id: string) {
  useAppointmentEvents();
  return useQuery({ queryKey: appointmentKey(id), queryFn: () => api<PatientAppointment>('GET', `/api/patient/appointments/${encodeURIComponent(id)}`), enabled: id !== '' });
}

export function useBookingUnits() {
  return useQuery({ queryKey: [...patientAppointmentsKey, 'units'], queryFn: () => api<BookingUnits>('GET', '/api/patient/booking-units'), staleTime: 60_000 });
}

export function useUnitVisitTypes(unitId: string) {
  return useQuery({
    queryKey: [...patientAppointmentsKey, 'unit', unitId],
    queryFn: () => api<UnitVisitTypes>('GET', `/api/patient/booking-units/${encodeURIComponent(unitId)}`),
    staleTime: 60_000,
  });
}

/** Where free times come from: a visit type (a new booking) or a booking being moved (same type). */
export type SlotSource = { visitTypeId: string } | { appointmentId: string };
export type SlotWindow = { first: number } | { from: string; days: number };

export function slotsPath(source: SlotSource, window: SlotWindow): string {
  const base = 'visitTypeId' in source ? `/api/patient/visit-types/${encodeURIComponent(source.visitTypeId)}/slots` : `/api/patient/appointments/${encodeURIComponent(source.appointmentId)}/slots`;
  const query: Record<string, string> = 'first' in window ? { first: String(window.first) } : { from: window.from, days: String(window.days) };
  return `${base}?${new URLSearchParams(query)}`;
}

export function useSlots(source: SlotSource, window: SlotWindow) {
  useAppointmentEvents();
  return useQuery({
    queryKey: [...slotsKey, source, window],
    queryFn: () => api<SlotList>('GET', slotsPath(source, window)),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export const bookAppointment = (body: BookRequest, key: string) => api<PatientAppointment>('POST', '/api/patient/appointments', body, { 'idempotency-key': key });
export const cancelAppointment = (id: string, key: string) => api<PatientAppointment>('POST', `/api/patient/appointments/${encodeURIComponent(id)}/cancel`, undefined, { 'idempotency-key': key });
export const rebookAppointment = (id: string, body: RebookRequest, key: string) =>
  api<PatientAppointment>('POST', `/api/patient/appointments/${encodeURIComponent(id)}/rebook`, body, { 'idempotency-key': key });

/** The .ics file: a plain link (the session cookie goes along), in the page's language. */
export const calendarUrl = (id: string, language: 'sv' | 'en') => `/api/patient/appointments/${encodeURIComponent(id)}/calendar.ics?lang=${language}`;
