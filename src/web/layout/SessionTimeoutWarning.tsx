import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { lastApiActivity, onSessionEnded } from '../api/client.ts';
import { fetchSession, sessionQueryKey } from '../api/session.ts';
import { useTexts } from '../i18n/i18n.tsx';

const WARN_BEFORE_SECONDS = 60;
const texts = {
  sv: { title: 'Du loggas snart ut', body: (s: number) => `Du har varit inaktiv en stund. Om ${s} sekunder loggas du ut för att skydda dina uppgifter.`, stay: 'Fortsätt vara inloggad' },
  en: { title: 'You will soon be logged out', body: (s: number) => `You have been inactive for a while. In ${s} seconds you will be logged out to protect your data.`, stay: 'Stay logged in' },
};

/**
 * WCAG 2.2.1: a user must be warned before a time limit and be able to extend it.
 * The server ends idle sessions; this counts the same idle time from the page's
 * last request to the server, warns a minute before, and one click keeps the session.
 */
export function SessionTimeoutWarning({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const stayButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const stop = onSessionEnded(() => navigate('/logga-in?utloggad=1', { replace: true }));
    const timer = window.setInterval(() => {
      const left = Math.round(idleTimeoutSeconds - (Date.now() - lastApiActivity()) / 1000);
      if (left <= 0) {
        void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        navigate('/logga-in?utloggad=1', { replace: true });
      }
      setSecondsLeft(left <= WARN_BEFORE_SECONDS ? Math.max(left, 0) : null);
    }, 1000);
    return () => {
      stop();
      window.clearInterval(timer);
    };
  }, [idleTimeoutSeconds, navigate, queryClient]);

  const warning = secondsLeft !== null;
  useEffect(() => {
    if (warning) stayButton.current?.focus();
  }, [warning]);

  if (!warning) return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="timeout-title" aria-describedby="timeout-body">
        <h2 id="timeout-title">{t.title}</h2>
        <p id="timeout-body">{t.body(secondsLeft)}</p>
        <button
          ref={stayButton}
          type="button"
          className="button"
          onClick={async () => {
            queryClient.setQueryData(sessionQueryKey, await fetchSession());
            setSecondsLeft(null);
          }}
        >
          {t.stay}
        </button>
      </div>
    </div>
  );
}
