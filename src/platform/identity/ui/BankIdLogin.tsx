import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { BankIdCollectResponse, BankIdStartResponse } from '../bankid/contract.ts';
import { api, ApiError } from '../../../web/api/client.ts';
import { fetchSession, sessionQueryKey } from '../../../web/api/session.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
// The QR encoder is loaded only when someone chooses BankID on another device.
const QrCode = lazy(() => import('./QrCode.tsx'));

const texts = {
  sv: {
    thisDevice: 'BankID på den här enheten',
    otherDevice: 'BankID på annan enhet',
    qrLabel: 'QR-kod för inloggning med BankID. Skanna den med BankID-appen på din telefon.',
    qrHelp: 'Öppna BankID-appen på din telefon, välj Skanna QR-kod och rikta kameran mot koden.',
    open: 'Öppna BankID',
    openSimulator: 'Öppna BankID (simulatorn, ny flik)',
    cancel: 'Avbryt',
    again: 'Försök igen',
    done: 'Du är inloggad.',
  },
  en: {
    thisDevice: 'BankID on this device',
    otherDevice: 'BankID on another device',
    qrLabel: 'QR code for logging in with BankID. Scan it with the BankID app on your phone.',
    qrHelp: 'Open the BankID app on your phone, choose Scan QR code and point the camera at the code.',
    open: 'Open BankID',
    openSimulator: 'Open BankID (the simulator, new tab)',
    cancel: 'Cancel',
    again: 'Try again',
    done: 'You are logged in.',
  },
};

type Message = BankIdStartResponse['message'];

/**
 * Citizen login with BankID: autostart on this device, or the animated QR code for another
 * device (a fresh code from the server every second), collecting every two seconds.
 */
export function BankIdLogin({ simulator, onLoggedIn }: { simulator: boolean; onLoggedIn: () => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [login, setLogin] = useState<BankIdStartResponse | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [finished, setFinished] = useState<'failed' | 'complete' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const loginRef = useRef<string | null>(null);

  const start = useMutation({
    mutationFn: (method: 'qr' | 'autostart') => api<BankIdStartResponse>('POST', '/api/auth/bankid/start', { method }),
    onMutate: () => {
      setError(null);
      setFinished(null);
    },
    onSuccess: (started) => {
      loginRef.current = started.loginId;
      setLogin(started);
      setQr(started.qr);
      setMessage(started.message);
      // A real autostart link opens the app and leaves this page where it is.
      if (started.autoStartUrl && !simulator) window.location.href = started.autoStartUrl;
    },
    onError: (failure) => setError(failure instanceof ApiError ? failure : null),
  });

  // The QR code changes every second; only the server knows the secret that makes it.
  useEffect(() => {
    if (!login || login.method !== 'qr' || finished) return;
    const timer = window.setInterval(() => {
      api<{ qr: string }>('GET', `/api/auth/bankid/${login.loginId}/qr`)
        .then((next) => setQr(next.qr))
        .catch(() => undefined);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [login, finished]);

  // Collect every two seconds until the order is complete or failed.
  useEffect(() => {
    if (!login || finished) return;
    let stopped = false;
    let timer = 0;
    const collect = async () => {
      try {
        const result = await api<BankIdCollectResponse>('POST', `/api/auth/bankid/${login.loginId}/collect`);
        if (stopped) return;
        setMessage(result.message);
        if (result.status === 'pending') {
          timer = window.setTimeout(collect, login.collectIntervalSeconds * 1000);
          return;
        }
        setFinished(result.status);
        loginRef.current = null;
        if (result.status === 'complete') {
          queryClient.clear();
          await queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession });
          onLoggedIn();
        }
      } catch (failure) {
        if (stopped) return;
        setFinished('failed');
        setError(failure instanceof ApiError ? failure : null);
      }
    };
    timer = window.setTimeout(collect, login.collectIntervalSeconds * 1000);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [login, finished, queryClient, onLoggedIn]);

  // Leaving the page cancels an order still in progress.
  useEffect(
    () => () => {
      if (loginRef.current) void api('POST', `/api/auth/bankid/${loginRef.current}/cancel`).catch(() => undefined);
    },
    [],
  );

  const cancel = () => {
    if (login) void api('POST', `/api/auth/bankid/${login.loginId}/cancel`).catch(() => undefined);
    loginRef.current = null;
    setLogin(null);
    setQr(null);
    setMessage(null);
    setFinished(null);
  };

  const text = message ? message[language] : null;
  if (!login || (finished === 'failed' && !text)) {
    return (
      <div className="bankid-login">
        {error && (
          <p className="alert alert--error" role="alert">
            {error.message}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate('autostart')}>
            {t.thisDevice}
          </button>
          <button type="button" className="button button--secondary" disabled={start.isPending} onClick={() => start.mutate('qr')}>
            {t.otherDevice}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="bankid-login">
      <p className={finished === 'failed' ? 'alert alert--error bankid-message' : 'bankid-message'} role="status" aria-live="polite">
        {finished === 'complete' ? t.done : text}
      </p>
      {!finished && login.method === 'qr' && qr && (
        <>
          <Suspense fallback={<span className="qr-code" />}>
            <QrCode value={qr} label={t.qrLabel} />
          </Suspense>
          <p className="muted">{t.qrHelp}</p>
        </>
      )}
      {!finished && login.autoStartUrl && (
        <a className="button" href={login.autoStartUrl} {...(simulator ? { target: '_blank', rel: 'noopener' } : {})}>
          {simulator ? t.openSimulator : t.open}
        </a>
      )}
      {finished === 'failed' ? (
        <button type="button" className="button" onClick={cancel}>
          {t.again}
        </button>
      ) : (
        !finished && (
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t.cancel}
          </button>
        )
      )}
    </div>
  );
}
