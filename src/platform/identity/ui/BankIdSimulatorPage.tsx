import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { AppLayout } from '../../../web/layout/AppLayout.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import './identity.css';

type Order = { orderRef: string; createdAt: string; status: string; hintCode: string | null };

const texts = {
  sv: {
    title: 'BankID-simulatorn (demo)',
    intro: 'Här spelar du BankID-appen. Inloggningar som väntar visas nedan, den senaste först. Skriv personnumret på den påhittade person du vill logga in som och välj Legitimera.',
    autostart: 'BankID-appen öppnades från Nära på den här enheten. Legitimera dig och gå sedan tillbaka till fliken med Nära.',
    notDemo: 'Den här sidan finns bara i demoläge, när BankID är simulerat.',
    none: 'Inga inloggningar väntar. Välj BankID på inloggningssidan först.',
    noOrder: 'Länken hör inte till någon väntande inloggning. Den kan ha avbrutits eller gått ut.',
    order: (time: string) => `Inloggning startad ${time}`,
    state: 'Läge',
    personalNumber: 'Personnummer',
    personalNumberHint: 'ÅÅÅÅMMDD-NNNN, till exempel 19880412-2383 (Anna Lindqvist)',
    approve: 'Legitimera',
    started: 'Visa som startad',
    sign: 'Visa som väntar på säkerhetskod',
    cancel: 'Avbryt i appen',
    approved: 'Klart. Gå tillbaka till fliken med Nära.',
    refresh: 'Uppdatera',
  },
  en: {
    title: 'The BankID simulator (demo)',
    intro: 'Here you play the BankID app. Logins waiting are shown below, the latest first. Enter the personal identity number of the fictional person you want to log in as and choose Identify.',
    autostart: 'The BankID app was opened from Nära on this device. Identify yourself, then go back to the tab with Nära.',
    notDemo: 'This page only exists in demo mode, when BankID is simulated.',
    none: 'No logins are waiting. Choose BankID on the login page first.',
    noOrder: 'The link belongs to no waiting login. It may have been cancelled or expired.',
    order: (time: string) => `Login started ${time}`,
    state: 'State',
    personalNumber: 'Personal identity number',
    personalNumberHint: 'YYYYMMDD-NNNN, for example 19880412-2383 (Anna Lindqvist)',
    approve: 'Identify',
    started: 'Show as started',
    sign: 'Show as waiting for the security code',
    cancel: 'Cancel in the app',
    approved: 'Done. Go back to the tab with Nära.',
    refresh: 'Refresh',
  },
};

/** /dev/bankid: the developer plays the person's BankID app (demo mode with the simulator only). */
export default function BankIdSimulatorPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const [params] = useSearchParams();
  const token = params.get('autostarttoken');
  const [done, setDone] = useState(false);

  const orders = useQuery({
    queryKey: ['dev-bankid-orders', token],
    queryFn: async (): Promise<Order[]> => {
      if (!token) return (await api<{ orders: Order[] }>('GET', '/api/dev/bankid/orders')).orders;
      const { orderRef } = await api<{ orderRef: string }>('GET', `/api/dev/bankid/autostart?autostarttoken=${encodeURIComponent(token)}`);
      return (await api<{ orders: Order[] }>('GET', '/api/dev/bankid/orders')).orders.filter((order) => order.orderRef === orderRef);
    },
    refetchInterval: done ? false : 3000,
    retry: false,
  });
  const notFound = orders.error instanceof ApiError && orders.error.status === 404;
  const notDemo = notFound && !token;
  const noOrder = notFound && Boolean(token);

  return (
    <AppLayout>
      <h1>{t.title}</h1>
      <p>{token ? t.autostart : t.intro}</p>
      {done ? (
        <p className="alert alert--success" role="status">
          {t.approved}
        </p>
      ) : orders.isPending ? (
        <PageStatus state="loading" />
      ) : notDemo ? (
        <p className="alert">{t.notDemo}</p>
      ) : noOrder ? (
        <p className="alert">{t.noOrder}</p>
      ) : orders.isError ? (
        <PageStatus state="error" error={orders.error} />
      ) : orders.data.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className="plain-list">
          {orders.data.map((order) => (
            <li key={order.orderRef} className="card">
              <SimulatedOrder order={order} onApproved={() => setDone(Boolean(token))} />
            </li>
          ))}
        </ul>
      )}
      {!token && !done && (
        <button type="button" className="button button--secondary" onClick={() => void orders.refetch()}>
          {t.refresh}
        </button>
      )}
    </AppLayout>
  );
}

function SimulatedOrder({ order, onApproved }: { order: Order; onApproved: () => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const headingId = useId();
  const [personalNumber, setPersonalNumber] = useState('');
  const send = useMutation({
    mutationFn: (event: { kind: string; personalNumber?: string }) => api('POST', `/api/dev/bankid/orders/${order.orderRef}/events`, event),
    onSuccess: async (_result, event) => {
      if (event.kind === 'approve') onApproved();
      await queryClient.invalidateQueries({ queryKey: ['dev-bankid-orders'] });
    },
  });
  return (
    <form
      className="bankid-sim-order"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate({ kind: 'approve', personalNumber });
      }}
    >
      <h2 id={headingId}>{t.order(formatDateTime(order.createdAt, language))}</h2>
      <p className="muted">
        {t.state}: {order.hintCode ?? order.status}
      </p>
      {send.error && (
        <p className="alert alert--error" role="alert">
          {send.error.message}
        </p>
      )}
      <div className="field">
        <label htmlFor={inputId}>{t.personalNumber}</label>
        <span id={hintId} className="hint">
          {t.personalNumberHint}
        </span>
        <input id={inputId} aria-describedby={hintId} value={personalNumber} autoComplete="off" inputMode="numeric" required onChange={(event) => setPersonalNumber(event.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={send.isPending}>
          {t.approve}
        </button>
        <button type="button" className="button button--secondary" disabled={send.isPending} onClick={() => send.mutate({ kind: 'start' })}>
          {t.started}
        </button>
        <button type="button" className="button button--secondary" disabled={send.isPending} onClick={() => send.mutate({ kind: 'sign' })}>
          {t.sign}
        </button>
        <button type="button" className="button button--secondary" disabled={send.isPending} onClick={() => send.mutate({ kind: 'userCancel' })}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
