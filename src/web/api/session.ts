import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionSummary } from '../../platform/auth/contract.ts';
import { api, setCsrfToken } from './client.ts';

export const sessionQueryKey = ['session'] as const;

export async function fetchSession(): Promise<SessionSummary> {
  const session = await api<SessionSummary>('GET', '/api/auth/session');
  setCsrfToken(session.authenticated ? session.csrfToken : '');
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 30_000 });
}

/** After anything that changes who or where the user is, everything cached is stale. */
function useSessionChange<Input>(change: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export const useLogout = () => useSessionChange(() => api('POST', '/api/auth/logout'));
export const useLogoutEverywhere = () => useSessionChange(() => api('POST', '/api/auth/logout-everywhere'));
export const useSwitchUnit = () => useSessionChange((unitId: string) => api('POST', '/api/auth/active-unit', { unitId }));
export const useActingFor = () => useSessionChange((personId: string) => api('POST', '/api/auth/acting-for', { personId }));
