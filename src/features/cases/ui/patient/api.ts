import { useQuery } from '@tanstack/react-query';
import { useRefetchOn } from '../../../../web/realtime/realtime.ts';
import { api } from '../../../../web/api/client.ts';
import type { Attachment, CaseFormType, MyUnits, PatientCase, PatientCaseList, SendableCaseTypes } from '../../contract.ts';

/** The patient side's calls to the cases API, and their query keys (all under 'cases', 'patient'). */

export const patientCasesKey = ['cases', 'patient'] as const;
export const caseListKey = [...patientCasesKey, 'list'] as const;
export const caseKey = (id: string) => [...patientCasesKey, 'case', id] as const;
export const caseTypesKey = (unitId: string) => [...patientCasesKey, 'case-types', unitId] as const;
export const myUnitsKey = [...patientCasesKey, 'units'] as const;

/** The eight standard case types (seed 002); any other e-service code is not a case type. */
export const standardCaseTypeCodes = [
  'bestall_tid',
  'av_omboka_tid',
  'fornya_recept',
  'kontakta_mig',
  'begar_intyg',
  'skicka_meddelande',
  'fraga_om_remiss',
  'egenremiss',
] as const satisfies readonly Exclude<CaseFormType, 'own'>[];

/** Whether a key in /start/kontakt/:unitId/:key names a case type (standard, or a unit's own as own:<id>). */
export function isCaseTypeKey(key: string): boolean {
  return (standardCaseTypeCodes as readonly string[]).includes(key) || key.startsWith('own:');
}

/** A fresh key per form (or reply), kept across retries of the same submission. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function useMyUnits() {
  return useQuery({ queryKey: myUnitsKey, queryFn: () => api<MyUnits>('GET', '/api/patient/case-units'), staleTime: 60_000 });
}

export function useCaseTypes(unitId: string) {
  return useQuery({
    queryKey: caseTypesKey(unitId),
    queryFn: () => api<SendableCaseTypes>('GET', `/api/patient/units/${encodeURIComponent(unitId)}/case-types`),
    staleTime: 60_000,
  });
}

/**
 * The patient's cases; refreshed now and then so answers and the unread count show up.
 * Refreshes while the person is away do not keep the session alive (see api/client.ts).
 */
export function useCaseList(refetchInterval: number) {
  useRefetchOn('case.changed', () => [caseListKey]);
  return useQuery({
    queryKey: caseListKey,
    queryFn: () => api<PatientCaseList>('GET', '/api/patient/cases'),
    staleTime: 15_000,
    refetchInterval,
  });
}

/** How many cases have something from the unit the patient has not opened (null until known). */
export function useUnreadCaseCount(): number | null {
  const list = useCaseList(60_000);
  return list.data ? list.data.cases.filter((item) => item.unread).length : null;
}

/** One case with its thread; while the page is open, answers appear without a reload. */
export function usePatientCase(id: string) {
  useRefetchOn('case.changed', (event) => (event.data.caseId === id ? [caseKey(id)] : []));
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => api<PatientCase>('GET', `/api/patient/cases/${encodeURIComponent(id)}`),
    // The socket brings changes at once; the slow poll is the fallback without one.
    refetchInterval: 60_000,
  });
}

export function uploadAttachment(file: File): Promise<Attachment> {
  return api<Attachment>('POST', '/api/patient/attachments', { raw: file, contentType: file.type || 'application/octet-stream' }, { 'x-file-name': encodeURIComponent(file.name) });
}

export function attachmentUrl(caseId: string, attachmentId: string): string {
  return `/api/patient/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
