import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/api/client.ts';
import type { AppointmentSettingsView, ScheduleList, VisitTypeList } from '../../admin-contract.ts';

/** The unit administrator's calls and query keys (all under 'appointments-admin'). */
export const BASE = '/api/unit-admin/appointments';
export const visitTypesKey = ['appointments-admin', 'visit-types'] as const;
export const schedulesKey = ['appointments-admin', 'schedules'] as const;
export const settingsKey = ['appointments-admin', 'settings'] as const;

export const useAdminVisitTypes = () => useQuery({ queryKey: visitTypesKey, queryFn: () => api<VisitTypeList>('GET', `${BASE}/visit-types`) });
export const useAdminSchedules = () => useQuery({ queryKey: schedulesKey, queryFn: () => api<ScheduleList>('GET', `${BASE}/schedules`) });
export const useAdminSettings = () => useQuery({ queryKey: settingsKey, queryFn: () => api<AppointmentSettingsView>('GET', `${BASE}/settings`) });

/** One key per thing being created, reused when the same submission is retried (Idempotency-Key). */
export function creationKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
