import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import { useRefetchOn } from '../../../web/realtime/realtime.ts';
import type { MeetingRecord, MeetingSettings, MeetingView, PatientMeetingList, StaffMeetingList } from '../contract.ts';

/** The meetings' calls and query keys (all under 'meetings'). Realtime events refetch; a slow poll is the fallback. */

export const meetingKey = (id: string) => ['meetings', 'meeting', id] as const;
export const meetingRecordKey = (id: string) => ['meetings', 'record', id] as const;
export const staffMeetingsKey = ['meetings', 'staff', 'list'] as const;
export const patientMeetingsKey = ['meetings', 'patient', 'list'] as const;
export const meetingSettingsKey = ['meetings', 'settings'] as const;

const FALLBACK_POLL_MS = 60_000;
const forMeeting = (id: string, key: readonly unknown[]) => (event: { data: Record<string, unknown> }) => (event.data.meetingId === id ? [key] : []);

export function useMeeting(id: string) {
  const key = meetingKey(id);
  useRefetchOn('meeting.changed', forMeeting(id, key));
  useRefetchOn('meeting.message', forMeeting(id, key));
  return useQuery({ queryKey: key, queryFn: () => api<MeetingView>('GET', `/api/meetings/${encodeURIComponent(id)}`), refetchInterval: FALLBACK_POLL_MS });
}

export function useMeetingRecord(id: string, enabled: boolean) {
  return useQuery({ queryKey: meetingRecordKey(id), queryFn: () => api<MeetingRecord>('GET', `/api/meetings/${encodeURIComponent(id)}/record`), enabled });
}

export function useStaffMeetings() {
  useRefetchOn('meeting.changed', () => [staffMeetingsKey]);
  return useQuery({ queryKey: staffMeetingsKey, queryFn: () => api<StaffMeetingList>('GET', '/api/staff/meetings'), refetchInterval: FALLBACK_POLL_MS });
}

export function usePatientMeetings() {
  useRefetchOn('meeting.changed', () => [patientMeetingsKey]);
  return useQuery({ queryKey: patientMeetingsKey, queryFn: () => api<PatientMeetingList>('GET', '/api/patient/meetings'), refetchInterval: FALLBACK_POLL_MS });
}

export function useMeetingSettings() {
  return useQuery({ queryKey: meetingSettingsKey, queryFn: () => api<MeetingSettings>('GET', '/api/staff/meeting-settings') });
}

export const joinMeeting = (id: string, clientId: string) => api<MeetingView>('POST', `/api/meetings/${encodeURIComponent(id)}/join`, { clientId });
export const leaveMeeting = (id: string) => api<MeetingView>('POST', `/api/meetings/${encodeURIComponent(id)}/leave`);
export const admit = (id: string, participantId: string) => api<MeetingView>('POST', `/api/staff/meetings/${encodeURIComponent(id)}/participants/${encodeURIComponent(participantId)}/admit`);
export const removeFromMeeting = (id: string, participantId: string) =>
  api<MeetingView>('POST', `/api/staff/meetings/${encodeURIComponent(id)}/participants/${encodeURIComponent(participantId)}/remove`);
export const endMeeting = (id: string) => api<MeetingView>('POST', `/api/staff/meetings/${encodeURIComponent(id)}/end`);
export const setHand = (id: string, raised: boolean) => api('POST', `/api/meetings/${encodeURIComponent(id)}/hand`, { raised });
export const setScreenSharing = (id: string, sharing: boolean) => api('POST', `/api/meetings/${encodeURIComponent(id)}/screen-sharing`, { sharing });
export const setMediaState = (id: string, state: { micOff: boolean; cameraOff: boolean }) => api('POST', `/api/meetings/${encodeURIComponent(id)}/media-state`, state);
export const sendMessage = (id: string, body: string) => api('POST', `/api/meetings/${encodeURIComponent(id)}/messages`, { body });
