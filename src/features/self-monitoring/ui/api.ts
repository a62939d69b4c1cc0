import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import type { Dashboard, Enrolment, MonitoringCounts, MyEnrolments, ProgrammeList } from '../contract.ts';

/** The web app's calls to the self-monitoring API and their query keys (all under 'monitoring'). */
export const monitoringKey = ['monitoring'] as const;
export const dashboardKey = [...monitoringKey, 'dashboard'] as const;
export const countsKey = [...monitoringKey, 'counts'] as const;
export const staffEnrolmentKey = (id: string) => [...monitoringKey, 'staff', id] as const;
export const myEnrolmentsKey = [...monitoringKey, 'mine'] as const;
export const myEnrolmentKey = (id: string) => [...monitoringKey, 'mine', id] as const;

export const useProgrammes = () => useQuery({ queryKey: [...monitoringKey, 'programmes'], queryFn: () => api<ProgrammeList>('GET', '/api/monitoring/programmes'), staleTime: 10 * 60_000 });
export const useDashboard = () => useQuery({ queryKey: dashboardKey, queryFn: () => api<Dashboard>('GET', '/api/staff/monitoring/dashboard?limit=200'), refetchInterval: 60_000 });
export const useMonitoringCounts = () => useQuery({ queryKey: countsKey, queryFn: () => api<MonitoringCounts>('GET', '/api/staff/monitoring/counts'), refetchInterval: 60_000 });
export const useStaffEnrolment = (id: string) => useQuery({ queryKey: staffEnrolmentKey(id), queryFn: () => api<Enrolment>('GET', `/api/staff/monitoring/enrolments/${encodeURIComponent(id)}`) });
export const useMyEnrolments = () => useQuery({ queryKey: myEnrolmentsKey, queryFn: () => api<MyEnrolments>('GET', '/api/patient/monitoring') });
export const useMyEnrolment = (id: string) => useQuery({ queryKey: myEnrolmentKey(id), queryFn: () => api<Enrolment>('GET', `/api/patient/monitoring/${encodeURIComponent(id)}`) });
