import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { SessionSummary } from '../../platform/auth/contract.ts';
import { useSession } from '../api/session.ts';
import { useTexts } from '../i18n/i18n.tsx';
import { useRealtimeConnection } from '../realtime/realtime.ts';
import { AppLayout } from './AppLayout.tsx';
import { PageStatus } from './PageStatus.tsx';

export type SignedIn = Extract<SessionSummary, { authenticated: true }>;

const texts = {
  sv: { wrongArea: 'Den här delen är inte för dig', wrongAreaBody: 'Du är inloggad med en roll som inte har tillgång hit.', yourStart: 'Till din startsida' },
  en: { wrongArea: 'This part is not for you', wrongAreaBody: 'You are logged in with a role that has no access here.', yourStart: 'To your start page' },
};

export function homeOf(session: SignedIn): string {
  if (session.kind === 'citizen') return '/start';
  return session.staff && session.staff.units.length === 0 && session.staff.administeredOrganisations.length > 0 ? '/admin' : '/arbetsyta';
}

/** Who the live connection is for: it reopens when the person, whom they act for or their unit changes. */
function realtimeIdentity(session: SessionSummary | undefined): string | null {
  if (!session?.authenticated) return null;
  return [session.kind, session.citizen?.personId, session.citizen?.subject.id, session.staff?.activeUnitId].join(':');
}

/** Shows children only to someone logged in whom `allowed` accepts; sends others to log in. */
export function RequireSession({ allowed, children }: { allowed: (session: SignedIn) => boolean; children: (session: SignedIn) => ReactNode }) {
  const t = useTexts(texts);
  const session = useSession();
  const location = useLocation();
  useRealtimeConnection(realtimeIdentity(session.data));
  if (session.isPending) return <PageStatus state="loading" />;
  if (session.isError) return <PageStatus state="error" error={session.error} />;
  if (!session.data.authenticated) {
    const params = new URLSearchParams({ till: location.pathname });
    if (session.data.sessionExpired) params.set('utloggad', '1');
    return <Navigate to={`/logga-in?${params}`} replace />;
  }
  if (!allowed(session.data)) {
    return (
      <AppLayout>
        <h1>{t.wrongArea}</h1>
        <p>{t.wrongAreaBody}</p>
        <Link to={homeOf(session.data)}>{t.yourStart}</Link>
      </AppLayout>
    );
  }
  return <>{children(session.data)}</>;
}
