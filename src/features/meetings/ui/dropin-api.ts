import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import { useRefetchOn } from '../../../web/realtime/realtime.ts';
import type { DropinEntry, PatientDropin, StaffDropin, TakenDropin } from '../dropin-contract.ts';

/** Drop-in via video (E6): calls and query keys. The queue's event refetches; a poll is the fallback. */

export const staffDropinKey = ['meetings', 'dropin', 'staff'] as const;
export const patientDropinKey = ['meetings', 'dropin', 'patient'] as const;
const FALLBACK_POLL_MS = 30_000;

export function useStaffDropin() {
  useRefetchOn('meeting.dropin', () => [staffDropinKey]);
  return useQuery({ queryKey: staffDropinKey, queryFn: () => api<StaffDropin>('GET', '/api/staff/dropin'), refetchInterval: FALLBACK_POLL_MS });
}

export function usePatientDropin() {
  useRefetchOn('meeting.dropin', () => [patientDropinKey]);
  return useQuery({ queryKey: patientDropinKey, queryFn: () => api<PatientDropin>('GET', '/api/patient/dropin'), refetchInterval: FALLBACK_POLL_MS });
}

export const saveDropinSettings = (settings: { open: boolean; opensAt: string | null; closesAt: string | null }) => api<StaffDropin>('PUT', '/api/staff/dropin/settings', settings);
export const takeNextDropin = () => api<TakenDropin>('POST', '/api/staff/dropin/take-next');
export const joinDropinQueue = (unitId: string, reason: string) => api<DropinEntry>('POST', `/api/patient/dropin/units/${encodeURIComponent(unitId)}/queue`, { reason });
export const leaveDropinQueue = (id: string) => api<DropinEntry>('POST', `/api/patient/dropin/${encodeURIComponent(id)}/leave`);
