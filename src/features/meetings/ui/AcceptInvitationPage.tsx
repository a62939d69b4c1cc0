import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { acceptInvitation, PENDING_INVITATION_KEY } from './invitation-api.ts';

/**
 * /start/inbjudan and /arbetsyta/inbjudan: back from logging in (BankID, or staff login), the
 * invitation the person opened before is used as them, and they go on to the meeting.
 */

const texts = {
  sv: { title: 'Inbjudan till videomöte', missing: 'Ingen inbjudan väntar. Öppna länken i meddelandet igen.' },
  en: { title: 'Invitation to a video meeting', missing: 'No invitation is waiting. Open the link in the message again.' },
};

export default function AcceptInvitationPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = sessionStorage.getItem(PENDING_INVITATION_KEY);
    if (!token) return setError(t.missing);
    acceptInvitation(token)
      .then(({ path }) => {
        sessionStorage.removeItem(PENDING_INVITATION_KEY);
        void navigate(path, { replace: true });
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [navigate, t.missing]);
  return (
    <>
      <h1>{t.title}</h1>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : (
        <PageStatus state="loading" />
      )}
    </>
  );
}
