import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { professionLabel } from '../../../lib/professions.ts';
import { api, ApiError } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { TRIAGE_DRAFT_KEY, type TriageSummary } from '../../triage/contract.ts';
import { REASON_MAX, type ChatOpenStatus, type PatientChat, type StartChatRequest } from '../contract.ts';
import { patientChatKey, patientChatListKey, useChatStatus, usePatientChat, usePatientChats } from './api.ts';
import { ChatThread } from './ChatThread.tsx';
import './chat.css';

/**
 * Chatta med vården (/start/kontakt/:unitId/chatt, C8): while the unit's chat is open the
 * patient starts a chat with a short reason, waits in the queue (position and an estimated
 * wait, live), and chats with the staff who take it. When the chat is closed or not offered,
 * the page offers sending a case instead and 1177/112: there is always a way forward.
 * An assessment just made in Sök vård (kept in the tab) may go along: the server takes the
 * queue priority from its own assessment of that session, never from the browser.
 */

const texts = {
  sv: {
    title: 'Chatta med vården',
    back: (unit: string) => `Kontakta ${unit}`,
    openNow: (time: string | null) => (time ? `Chatten är öppen nu, till ${time}.` : 'Chatten är öppen nu.'),
    reason: 'Vad vill du chatta om?',
    reasonHint: 'Skriv kort, så vet vården vem som passar bäst att svara. Du kan skriva mer när chatten har börjat.',
    reasonEmpty: 'Skriv kort vad du vill chatta om.',
    reasonTooLong: (max: number) => `Högst ${max} tecken.`,
    triageFound: (complaint: string) => `Du har gjort en bedömning i Sök vård (${complaint}).`,
    triageInclude: 'Skicka med bedömningen från Sök vård',
    triageIncludeHint: 'Då ser vården dina svar, och chatten får plats i kön efter hur brådskande bedömningen är.',
    start: 'Starta chatten',
    starting: 'Startar …',
    closed: 'Chatten är stängd just nu',
    closedOpens: (time: string) => `Chatten öppnar igen ${time}.`,
    notOffered: 'Mottagningen har ingen chatt i Nära',
    noHours: 'Mottagningen har inte angett några chattider.',
    instead: 'Du kan skicka ett ärende i stället, så får du svar inom två arbetsdagar.',
    sendCase: 'Skicka ett ärende',
    urgent: 'Vid akuta besvär, ring 1177 för sjukvårdsrådgivning. Vid livshotande tillstånd, ring 112.',
    call1177: 'Ring 1177',
    call112: 'Ring 112',
    queued: (position: number) => (position === 1 ? 'Du är näst på tur.' : `Du är nummer ${position} i kön.`),
    wait: (minutes: number) => `Beräknad väntetid: cirka ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`,
    queuedHelp: 'Du kan skriva redan nu. Låt sidan vara öppen; du får ett meddelande här när någon tar din chatt.',
    leave: 'Lämna kön',
    leaving: 'Lämnar …',
    left: 'Du har lämnat kön.',
    again: 'Starta en ny chatt',
    chattingWith: (who: string) => `Du chattar med ${who}.`,
    ended: 'Chatten är avslutad',
    endedBody: 'Hela samtalet finns sparat som ett avslutat ärende under Mina ärenden.',
    toCase: 'Läs samtalet under Mina ärenden',
    reasonShown: 'Du skrev',
    notFound: 'Mottagningen finns inte',
    toContact: 'Kontakta vården',
  },
  en: {
    title: 'Chat with care',
    back: (unit: string) => `Contact ${unit}`,
    openNow: (time: string | null) => (time ? `The chat is open now, until ${time}.` : 'The chat is open now.'),
    reason: 'What would you like to chat about?',
    reasonHint: 'Keep it short, so care staff know who is best placed to answer. You can write more once the chat has started.',
    reasonEmpty: 'Write briefly what you want to chat about.',
    reasonTooLong: (max: number) => `At most ${max} characters.`,
    triageFound: (complaint: string) => `You have made a Sök vård assessment (${complaint}).`,
    triageInclude: 'Include the assessment from Sök vård',
    triageIncludeHint: 'Care staff then see your answers, and the chat takes its place in the queue by how urgent the assessment is.',
    start: 'Start the chat',
    starting: 'Starting …',
    closed: 'The chat is closed now',
    closedOpens: (time: string) => `The chat opens again ${time}.`,
    notOffered: 'The clinic has no chat in Nära',
    noHours: 'The clinic has not published any chat hours.',
    instead: 'You can send a case instead, and get an answer within two working days.',
    sendCase: 'Send a case',
    urgent: 'For urgent problems, call 1177 for health care advice. In a life-threatening emergency, call 112.',
    call1177: 'Call 1177',
    call112: 'Call 112',
    queued: (position: number) => (position === 1 ? 'You are next in line.' : `You are number ${position} in the queue.`),
    wait: (minutes: number) => `Estimated wait: about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    queuedHelp: 'You can write already. Keep the page open; you will see here when someone takes your chat.',
    leave: 'Leave the queue',
    leaving: 'Leaving …',
    left: 'You have left the queue.',
    again: 'Start a new chat',
    chattingWith: (who: string) => `You are chatting with ${who}.`,
    ended: 'The chat has ended',
    endedBody: 'The whole conversation is kept as a closed case under My cases.',
    toCase: 'Read the conversation under My cases',
    reasonShown: 'You wrote',
    notFound: 'The clinic does not exist',
    toContact: 'Contact care',
  },
};

function WaysForward({ unitId, status }: { unitId: string; status: ChatOpenStatus | undefined }) {
  const t = useTexts(texts);
  return (
    <>
      {status && !status.open && <p>{t.instead}</p>}
      <p className="actions">
        <Link className={`button${status?.open ? ' button--secondary' : ''}`} to={`/start/kontakt/${unitId}`}>
          {t.sendCase}
        </Link>
      </p>
      <div className="alert alert--warning chat-urgent">
        <p>{t.urgent}</p>
        <p className="chat-urgent__links">
          <a href="tel:1177">{t.call1177}</a> <a href="tel:112">{t.call112}</a>
        </p>
      </div>
    </>
  );
}

export default function PatientChatPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { unitId = '' } = useParams();
  const status = useChatStatus(unitId);
  const chats = usePatientChats();
  const [chatId, setChatId] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const unitName = status.data?.unit.name;
  usePageTitle(unitName ? `${t.title} – ${unitName}` : t.title);

  // A live chat at this unit (another tab, a reload) is picked up again.
  const live = chats.data?.chats.find((chat) => chat.unit.id === unitId);
  useEffect(() => {
    if (live && chatId === null) setChatId(live.id);
  }, [live, chatId]);

  const loaded = status.isSuccess;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  if (status.isPending || chats.isPending) return <PageStatus state="loading" />;
  if (status.isError) {
    if (status.error instanceof ApiError && (status.error.status === 404 || status.error.status === 400)) {
      return (
        <>
          <h1>{t.notFound}</h1>
          <p>
            <Link to="/start/kontakta">{t.toContact}</Link>
          </p>
        </>
      );
    }
    return <PageStatus state="error" error={status.error} />;
  }
  const info = status.data;
  return (
    <>
      <p>
        <Link to={`/start/kontakt/${unitId}`}>
          <span aria-hidden="true">← </span>
          {t.back(info.unit.name)}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="lead">{info.unit.name}</p>
      {chatId ? (
        <ChatView key={chatId} id={chatId} onNew={() => setChatId(null)} session={session} />
      ) : info.open ? (
        <>
          <p>{t.openNow(info.closesAt ? formatDateTime(info.closesAt, language) : null)}</p>
          <StartForm unitId={unitId} onStarted={setChatId} />
          <WaysForward unitId={unitId} status={info} />
        </>
      ) : (
        <>
          <div className="alert" role="status">
            <h2 className="chat-closed__title">{info.offered ? t.closed : t.notOffered}</h2>
            {info.offered && info.closedReason === 'no_hours' && <p>{t.noHours}</p>}
            {info.opensAt && <p>{t.closedOpens(formatDateTime(info.opensAt, language))}</p>}
          </div>
          <WaysForward unitId={unitId} status={info} />
        </>
      )}
    </>
  );
}

function StartForm({ unitId, onStarted }: { unitId: string; onStarted: (id: string) => void }) {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // G5: an assessment just made in Sök vård, kept in this tab, goes with the chat if the patient wants (as with a case).
  const [triage, setTriage] = useState(readTriageDraft);
  const [includeTriage, setIncludeTriage] = useState(true);
  const input = useRef<HTMLTextAreaElement>(null);
  const start = useMutation({
    mutationFn: (body: StartChatRequest) => api<PatientChat>('POST', '/api/patient/chats', body),
    onSuccess: (chat, body) => {
      if (body.triageSessionId) sessionStorage.removeItem(TRIAGE_DRAFT_KEY);
      queryClient.setQueryData(patientChatKey(chat.id), chat);
      void queryClient.invalidateQueries({ queryKey: patientChatListKey });
      onStarted(chat.id);
    },
    onError: (failure) => {
      if (failure instanceof ApiError && failure.code === 'triage_summary_expired') {
        // The server no longer has it (kept two hours): the message says so; the patient may start without it.
        sessionStorage.removeItem(TRIAGE_DRAFT_KEY);
        setTriage(null);
      }
      setError(failure instanceof ApiError ? failure.message : String(failure));
      // Closed meanwhile: the page shows what to do instead.
      void queryClient.invalidateQueries({ queryKey: ['chat', 'status', unitId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(t.reasonEmpty);
      input.current?.focus();
      return;
    }
    if (trimmed.length > REASON_MAX) {
      setError(t.reasonTooLong(REASON_MAX));
      input.current?.focus();
      return;
    }
    setError(null);
    start.mutate({ unitId, reason: trimmed, ...(triage && includeTriage ? { triageSessionId: triage.sessionId } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate className="chat-start">
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label htmlFor="chat-reason">{t.reason}</label>
        <span id="chat-reason-hint" className="hint">
          {t.reasonHint}
        </span>
        <textarea
          ref={input}
          id="chat-reason"
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          aria-describedby={`chat-reason-hint${error ? ' chat-reason-error' : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {error && (
          <span id="chat-reason-error" className="error-text" role="alert">
            {error}
          </span>
        )}
      </div>
      {triage && (
        <div className="field" role="group" aria-labelledby="chat-triage-found">
          <p id="chat-triage-found">{t.triageFound(triage.complaint.display)}</p>
          <label className="checkbox">
            <input type="checkbox" checked={includeTriage} aria-describedby="chat-triage-hint" onChange={(event) => setIncludeTriage(event.target.checked)} />
            <span>{t.triageInclude}</span>
          </label>
          <span id="chat-triage-hint" className="hint">
            {t.triageIncludeHint}
          </span>
        </div>
      )}
      <button type="submit" className="button" disabled={start.isPending}>
        {start.isPending ? t.starting : t.start}
      </button>
    </form>
  );
}

function ChatView({ id, onNew }: { id: string; onNew: () => void; session: SignedIn }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const chat = usePatientChat(id);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const leave = useMutation({
    mutationFn: () => api<PatientChat>('POST', `/api/patient/chats/${encodeURIComponent(id)}/leave`),
    onSuccess: (data) => {
      queryClient.setQueryData(patientChatKey(id), data);
      void queryClient.invalidateQueries({ queryKey: patientChatListKey });
    },
  });
  const ended = chat.data?.status === 'ended' || chat.data?.status === 'left';
  useEffect(() => {
    if (ended) statusHeading.current?.focus();
  }, [ended]);

  if (chat.isPending) return <PageStatus state="loading" />;
  if (chat.isError) return <PageStatus state="error" error={chat.error} />;
  const data = chat.data;
  const staffNames = data.staff.map((member) => `${member.name}, ${professionLabel(member.profession, language).toLocaleLowerCase(language === 'sv' ? 'sv-SE' : 'en-GB')}`).join(language === 'sv' ? ' och ' : ' and ');
  return (
    <>
      <div className="chat-state" role="status">
        {data.status === 'queued' && data.position !== null && (
          <>
            <p className="chat-state__main">{t.queued(data.position)}</p>
            {data.estimatedWaitMinutes !== null && <p>{t.wait(data.estimatedWaitMinutes)}</p>}
          </>
        )}
        {data.status === 'active' && <p className="chat-state__main">{t.chattingWith(staffNames)}</p>}
      </div>
      {data.status === 'queued' && (
        <>
          <p>{t.queuedHelp}</p>
          <p>
            <button type="button" className="button button--secondary" disabled={leave.isPending} onClick={() => leave.mutate()}>
              {leave.isPending ? t.leaving : t.leave}
            </button>
          </p>
          {leave.isError && (
            <p className="alert alert--error" role="alert">
              {leave.error instanceof ApiError ? leave.error.message : String(leave.error)}
            </p>
          )}
        </>
      )}
      {data.status === 'ended' && (
        <div className="alert alert--success">
          <h2 ref={statusHeading} tabIndex={-1}>
            {t.ended}
          </h2>
          <p>{t.endedBody}</p>
          {data.caseId && (
            <p>
              <Link to={`/start/arenden/${data.caseId}`}>{t.toCase}</Link>
            </p>
          )}
        </div>
      )}
      {data.status === 'left' && (
        <div className="alert">
          <h2 ref={statusHeading} tabIndex={-1}>
            {t.left}
          </h2>
          <p>
            <button type="button" className="button" onClick={onNew}>
              {t.again}
            </button>
          </p>
        </div>
      )}
      <p className="chat-reason">
        <strong>{t.reasonShown}:</strong> {data.reason}
      </p>
      <ChatThread
        chatId={data.id}
        side="patient"
        messages={data.messages}
        otherSideReadSeq={data.otherSideReadSeq}
        canWrite={data.status === 'queued' || data.status === 'active'}
        basePath={`/api/patient/chats/${encodeURIComponent(data.id)}`}
        queryKey={patientChatKey(data.id)}
      />
      {data.status !== 'ended' && <WaysForward unitId={data.unit.id} status={undefined} />}
    </>
  );
}

/** The Sök vård assessment kept in this tab, if any (see triage/ui/SokVardPage.tsx). */
function readTriageDraft(): TriageSummary | null {
  try {
    const raw = sessionStorage.getItem(TRIAGE_DRAFT_KEY);
    return raw ? (JSON.parse(raw) as TriageSummary) : null;
  } catch {
    return null;
  }
}
