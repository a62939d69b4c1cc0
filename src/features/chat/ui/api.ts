import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import { useRefetchOn } from '../../../web/realtime/realtime.ts';
import type { ChatHoursSettings, ChatOpenStatus, PatientChat, PatientChatList, StaffChat, StaffQueue } from '../contract.ts';

/** The chat's calls and query keys (all under 'chat'). Realtime events refetch; the slow poll is the fallback without a socket. */

export const chatStatusKey = (unitId: string) => ['chat', 'status', unitId] as const;
export const patientChatListKey = ['chat', 'patient', 'list'] as const;
export const patientChatKey = (id: string) => ['chat', 'patient', 'chat', id] as const;
export const staffQueueKey = ['chat', 'staff', 'queue'] as const;
export const staffChatKey = (id: string) => ['chat', 'staff', 'chat', id] as const;
export const chatHoursKey = ['chat', 'admin', 'hours'] as const;
export const colleaguesKey = ['chat', 'staff', 'colleagues'] as const;

const FALLBACK_POLL_MS = 60_000;
const forChat = (id: string, key: readonly unknown[]) => (event: { data: Record<string, unknown> }) => (event.data.chatId === id ? [key] : []);

export function useChatStatus(unitId: string) {
  useRefetchOn('chat.queue', (event) => (event.data.unitId === unitId ? [chatStatusKey(unitId)] : []));
  return useQuery({ queryKey: chatStatusKey(unitId), queryFn: () => api<ChatOpenStatus>('GET', `/api/chat/units/${encodeURIComponent(unitId)}/status`), refetchInterval: FALLBACK_POLL_MS });
}

export function usePatientChats() {
  useRefetchOn('chat.changed', () => [patientChatListKey]);
  return useQuery({ queryKey: patientChatListKey, queryFn: () => api<PatientChatList>('GET', '/api/patient/chats') });
}

export function usePatientChat(id: string | null) {
  const key = patientChatKey(id ?? '');
  useRefetchOn('chat.changed', forChat(id ?? '', key));
  useRefetchOn('chat.message', forChat(id ?? '', key));
  useRefetchOn('chat.read', forChat(id ?? '', key));
  // The queue moved: the position and the wait changed.
  useRefetchOn('chat.queue', () => [key]);
  return useQuery({ queryKey: key, queryFn: () => api<PatientChat>('GET', `/api/patient/chats/${encodeURIComponent(id!)}`), enabled: id !== null, refetchInterval: FALLBACK_POLL_MS });
}

export function useStaffQueue(enabled: boolean) {
  useRefetchOn('chat.queue', () => [staffQueueKey]);
  useRefetchOn('chat.changed', () => [staffQueueKey]);
  useRefetchOn('chat.message', () => [staffQueueKey]);
  return useQuery({ queryKey: staffQueueKey, queryFn: () => api<StaffQueue>('GET', '/api/staff/chat/queue'), enabled, refetchInterval: FALLBACK_POLL_MS });
}

export function useStaffChat(id: string) {
  const key = staffChatKey(id);
  useRefetchOn('chat.changed', forChat(id, key));
  useRefetchOn('chat.message', forChat(id, key));
  useRefetchOn('chat.read', forChat(id, key));
  return useQuery({ queryKey: key, queryFn: () => api<StaffChat>('GET', `/api/staff/chats/${encodeURIComponent(id)}`), refetchInterval: FALLBACK_POLL_MS });
}

export function useColleagues() {
  return useQuery({ queryKey: colleaguesKey, queryFn: () => api<{ colleagues: { id: string; name: string; profession: string }[] }>('GET', '/api/staff/chat/colleagues'), staleTime: 60_000 });
}

export function useChatHours(enabled: boolean) {
  return useQuery({ queryKey: chatHoursKey, queryFn: () => api<ChatHoursSettings>('GET', '/api/unit-admin/chat-hours'), enabled });
}
