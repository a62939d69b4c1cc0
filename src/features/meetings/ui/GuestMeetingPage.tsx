import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { setCsrfToken } from '../../../web/api/client.ts';
import { useSession } from '../../../web/api/session.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { AppLayout } from '../../../web/layout/AppLayout.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { useRealtimeConnection } from '../../../web/realtime/realtime.ts';
import type { MeetingView } from '../contract.ts';
import { meetingKey } from './api.ts';
import { guestSessionKey, readGuestSession } from './invitation-api.ts';
import MeetingPage from './MeetingPage.tsx';

/**
 * /mote/:id — the meeting for a guest without a login (E3, ID shown on camera): the same page as
 * everyone's (check, waiting room, meeting), on the guest's session for this meeting only. The
 * realtime connection opens once the guest has a place in the meeting (their own topic).
 */

const texts = {
  sv: { missing: 'Du behöver öppna inbjudningslänken igen för att delta.' },
  en: { missing: 'You need to open the invitation link again to take part.' },
};

export default function GuestMeetingPage() {
  const t = useTexts(texts);
  const { id = '' } = useParams();
  const session = useSession();
  const guest = useQuery({ queryKey: guestSessionKey, queryFn: readGuestSession, staleTime: Infinity });
  // The meeting as the page last fetched it (no fetch of its own): it says when the guest got a place.
  const view = useQuery<MeetingView>({ queryKey: meetingKey(id), enabled: false });
  const participantId = view.data?.me?.participantId ?? guest.data?.participantId ?? null;

  // Changes carry the guest's CSRF token; the shell's session check (no login) would clear it, so it is set after that.
  useEffect(() => {
    if (guest.data && session.data && !session.data.authenticated) setCsrfToken(guest.data.csrfToken);
  }, [guest.data, session.data, session.dataUpdatedAt]);
  useRealtimeConnection(participantId ? `guest:${participantId}` : null);

  return (
    <AppLayout>
      {guest.isPending || session.isPending ? (
        <PageStatus state="loading" />
      ) : guest.isError || guest.data.meetingId !== id ? (
        <p className="alert alert--warning">{t.missing}</p>
      ) : (
        <MeetingPage listPath={null} />
      )}
    </AppLayout>
  );
}
