import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { professionLabel } from '../../../lib/professions.ts';
import { api, ApiError } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { SUMMARY_MAX, type StaffChat } from '../contract.ts';
import { staffChatKey, staffQueueKey, useColleagues, useStaffChat, useStaffQueue } from './api.ts';
import { ChatHoursEditor } from './ChatHoursEditor.tsx';
import { ChatThread } from './ChatThread.tsx';
import './chat.css';

/**
 * The unit's chat (/arbetsyta/chatt): the queue live (most urgent first, then waiting
 * time), taking the next patient, one's own chats; and one conversation
 * (/arbetsyta/chatt/:id) with bringing in or handing over to a colleague and ending with a
 * summary. The unit administrator sets the chat hours on the same page.
 */

const texts = {
  sv: {
    title: 'Chatt',
    queue: 'Kön',
    queueCount: (n: number) => (n === 0 ? 'Ingen väntar.' : n === 1 ? '1 patient väntar.' : `${n} patienter väntar.`),
    closedNow: 'Chatten är stängd för nya patienter just nu (utanför chattiderna eller e-tjänsten avstängd).',
    takeNext: 'Ta nästa patient',
    taking: 'Tar …',
    waitingSince: (time: string) => `I kön sedan ${time}`,
    priority: (n: number) => `Prioritet ${n} av 4`,
    protectedIdentity: 'Skyddad identitet',
    mine: 'Mina chattar',
    mineNone: 'Du har ingen pågående chatt.',
    unread: 'Nytt',
    othersActive: (n: number) => `Kollegor har ${n} pågående ${n === 1 ? 'chatt' : 'chattar'}.`,
    back: 'Chatt',
    reason: 'Anledning',
    startedAt: 'Startad',
    takenBy: 'Har chatten',
    inChat: 'I chatten',
    notParticipating: 'Du är inte med i chatten och kan bara läsa.',
    colleague: 'Kollega',
    choose: 'Välj kollega',
    bringIn: 'Bjud in i chatten',
    transfer: 'Lämna över chatten',
    transferHint: 'Kollegan tar över och du lämnar chatten.',
    colleagueTools: 'Kollegor',
    end: 'Avsluta chatten',
    summary: 'Sammanfattning',
    summaryHint: 'Sparas som avslutningsanteckning med hela samtalet i ett avslutat ärende. Patienten ser samtalet under Mina ärenden.',
    summaryEmpty: 'Skriv en kort sammanfattning.',
    ending: 'Avslutar …',
    ended: (n: number) => `Chatten är avslutad och sparad som ärende ${n}.`,
    endedNoNumber: 'Chatten är avslutad och sparad som ett ärende.',
    openCase: 'Öppna ärendet',
    endedSummary: 'Sammanfattning',
    status: { queued: 'I kön', active: 'Pågår', ended: 'Avslutad', left: 'Patienten lämnade kön' } as Record<string, string>,
    noRole: 'Chatten besvaras av vårdpersonal och receptionister.',
    chooseFirst: 'Välj en kollega först.',
  },
  en: {
    title: 'Chat',
    queue: 'Queue',
    queueCount: (n: number) => (n === 0 ? 'Nobody is waiting.' : n === 1 ? '1 patient is waiting.' : `${n} patients are waiting.`),
    closedNow: 'The chat is closed to new patients now (outside chat hours, or the e-service is off).',
    takeNext: 'Take the next patient',
    taking: 'Taking …',
    waitingSince: (time: string) => `Queued since ${time}`,
    priority: (n: number) => `Priority ${n} of 4`,
    protectedIdentity: 'Protected identity',
    mine: 'My chats',
    mineNone: 'You have no ongoing chat.',
    unread: 'New',
    othersActive: (n: number) => `Colleagues have ${n} ongoing ${n === 1 ? 'chat' : 'chats'}.`,
    back: 'Chat',
    reason: 'Reason',
    startedAt: 'Started',
    takenBy: 'Has the chat',
    inChat: 'In the chat',
    notParticipating: 'You are not in the chat and can only read it.',
    colleague: 'Colleague',
    choose: 'Choose a colleague',
    bringIn: 'Bring into the chat',
    transfer: 'Hand the chat over',
    transferHint: 'The colleague takes over and you leave the chat.',
    colleagueTools: 'Colleagues',
    end: 'End the chat',
    summary: 'Summary',
    summaryHint: 'Kept as the closing note with the whole conversation in a closed case. The patient sees the conversation under My cases.',
    summaryEmpty: 'Write a short summary.',
    ending: 'Ending …',
    ended: (n: number) => `The chat has ended and is kept as case ${n}.`,
    endedNoNumber: 'The chat has ended and is kept as a case.',
    openCase: 'Open the case',
    endedSummary: 'Summary',
    status: { queued: 'Queued', active: 'Ongoing', ended: 'Ended', left: 'The patient left the queue' } as Record<string, string>,
    noRole: 'The chat is answered by clinicians and receptionists.',
    chooseFirst: 'Choose a colleague first.',
  },
};

const errorText = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

export function StaffChatQueuePage({ canChat, isAdmin }: { canChat: boolean; isAdmin: boolean }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t.title);
  const queue = useStaffQueue(canChat);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const take = useMutation({
    mutationFn: () => api<StaffChat>('POST', '/api/staff/chat/take-next'),
    onSuccess: (chat) => {
      queryClient.setQueryData(staffChatKey(chat.id), chat);
      void queryClient.invalidateQueries({ queryKey: staffQueueKey });
      void navigate(`/arbetsyta/chatt/${chat.id}`);
    },
  });

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      {!canChat ? (
        <p>{t.noRole}</p>
      ) : queue.isPending ? (
        <PageStatus state="loading" />
      ) : queue.isError ? (
        <PageStatus state="error" error={queue.error} />
      ) : (
        <div className="chat-layout">
          <section aria-labelledby="chat-queue-heading">
            <h2 id="chat-queue-heading">{t.queue}</h2>
            <p role="status">{t.queueCount(queue.data.queued.length)}</p>
            {!queue.data.open && <p className="alert alert--warning">{t.closedNow}</p>}
            <p>
              <button type="button" className="button" disabled={take.isPending || queue.data.queued.length === 0} onClick={() => take.mutate()}>
                {take.isPending ? t.taking : t.takeNext}
              </button>
            </p>
            {take.isError && (
              <p className="alert alert--error" role="alert">
                {errorText(take.error)}
              </p>
            )}
            {queue.data.queued.length > 0 && (
              <ol className="chat-queue" aria-label={t.queue}>
                {queue.data.queued.map((item) => (
                  <li key={item.id} className="card">
                    <p>
                      <strong>
                        {item.position}. {item.patient.name}
                      </strong>{' '}
                      {item.patient.identityNumber && <span className="muted">{item.patient.identityNumber}</span>}{' '}
                      {item.patient.protectedIdentity && <span className="badge badge--warning">{t.protectedIdentity}</span>}{' '}
                      {item.priority !== null && <span className="badge badge--danger">{t.priority(item.priority)}</span>}
                    </p>
                    <p className="chat-queue__reason">{item.reason}</p>
                    <p className="chat-queue__meta">{t.waitingSince(formatDateTime(item.queuedAt, language))}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="chat-mine-heading">
            <h2 id="chat-mine-heading">{t.mine}</h2>
            {queue.data.mine.length === 0 ? (
              <p>{t.mineNone}</p>
            ) : (
              <ul className="chat-queue">
                {queue.data.mine.map((item) => (
                  <li key={item.id} className="card">
                    <p>
                      <Link to={`/arbetsyta/chatt/${item.id}`}>{item.patientName}</Link> {item.unread && <span className="badge">{t.unread}</span>}
                    </p>
                    <p className="chat-queue__reason">{item.reason}</p>
                  </li>
                ))}
              </ul>
            )}
            {queue.data.othersActive > 0 && <p className="muted">{t.othersActive(queue.data.othersActive)}</p>}
          </section>
        </div>
      )}
      {isAdmin && <ChatHoursEditor />}
    </>
  );
}

export function StaffChatPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const chat = useStaffChat(id);
  usePageTitle(chat.data ? `${t.title} – ${chat.data.patient.name}` : t.title);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = chat.isSuccess;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  // Kept here, not in the tools: once the chat reloads as ended the tools are gone, and the
  // note with the case number (and the focus on it) must stay.
  const [justEnded, setJustEnded] = useState<{ caseId: string; caseNumber: number } | null>(null);
  const endedNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (justEnded) endedNote.current?.focus();
  }, [justEnded]);

  if (chat.isPending) return <PageStatus state="loading" />;
  if (chat.isError) return <PageStatus state="error" error={chat.error} />;
  const data = chat.data;
  const lower = (text: string) => text.toLocaleLowerCase(language === 'sv' ? 'sv-SE' : 'en-GB');
  return (
    <>
      <p>
        <Link to="/arbetsyta/chatt">
          <span aria-hidden="true">← </span>
          {t.back}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {data.patient.name} <span className="muted">{data.patient.identityNumber}</span>
      </h1>
      <dl className="case-facts">
        <dt>{t.reason}</dt>
        <dd className="chat-reason">{data.reason}</dd>
        <dt>{t.startedAt}</dt>
        <dd>{formatDateTime(data.queuedAt, language)}</dd>
        <dt>{t.inChat}</dt>
        <dd>{data.staff.map((member) => `${member.name} (${lower(professionLabel(member.profession, language))})`).join(', ') || '–'}</dd>
        <dt>Status</dt>
        <dd>{t.status[data.status]}</dd>
      </dl>
      {(data.status === 'ended' || justEnded) && (
        <div className="alert alert--success">
          <p ref={endedNote} tabIndex={-1} role="status">
            {justEnded ? t.ended(justEnded.caseNumber) : t.endedNoNumber}
          </p>
          {data.summary && (
            <p>
              <strong>{t.endedSummary}:</strong> {data.summary}
            </p>
          )}
          {(justEnded?.caseId ?? data.caseId) && (
            <p>
              <Link to={`/arbetsyta/arenden/${justEnded?.caseId ?? data.caseId}`}>{t.openCase}</Link>
            </p>
          )}
        </div>
      )}
      {data.status === 'active' && !data.participating && <p className="alert">{t.notParticipating}</p>}
      <div className="chat-layout">
        <ChatThread
          chatId={data.id}
          side="staff"
          messages={data.messages}
          otherSideReadSeq={data.otherSideReadSeq}
          canWrite={data.participating}
          basePath={`/api/staff/chats/${encodeURIComponent(data.id)}`}
          queryKey={staffChatKey(data.id)}
        />
        {data.participating && !justEnded && <ChatTools chat={data} onEnded={setJustEnded} />}
      </div>
    </>
  );
}

function ChatTools({ chat, onEnded }: { chat: StaffChat; onEnded: (ended: { caseId: string; caseNumber: number }) => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const colleagues = useColleagues();
  const [colleague, setColleague] = useState('');
  const [colleagueError, setColleagueError] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [summaryError, setSummaryError] = useState<string | null>(null);
  const key = staffChatKey(chat.id);
  const base = `/api/staff/chats/${encodeURIComponent(chat.id)}`;
  const colleagueAction = useMutation({
    mutationFn: (action: 'participants' | 'transfer') => api<StaffChat>('POST', `${base}/${action}`, { staffId: colleague }),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      void queryClient.invalidateQueries({ queryKey: staffQueueKey });
      setColleague('');
    },
    onError: (failure) => setColleagueError(errorText(failure)),
  });
  const end = useMutation({
    mutationFn: () => api<{ caseId: string; caseNumber: number }>('POST', `${base}/end`, { summary: summary.trim() }),
    onSuccess: (result) => {
      onEnded(result);
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: staffQueueKey });
    },
    onError: (failure) => setSummaryError(errorText(failure)),
  });
  const onColleague = (action: 'participants' | 'transfer') => {
    if (!colleague) return setColleagueError(t.chooseFirst);
    setColleagueError(null);
    colleagueAction.mutate(action);
  };
  const onEnd = (event: FormEvent) => {
    event.preventDefault();
    if (!summary.trim()) {
      setSummaryError(t.summaryEmpty);
      document.getElementById('chat-summary')?.focus();
      return;
    }
    setSummaryError(null);
    end.mutate();
  };
  const present = new Set(chat.staff.map((member) => member.id));
  const options = (colleagues.data?.colleagues ?? []).filter((member) => !present.has(member.id));
  return (
    <div className="chat-tools">
      <section aria-labelledby="chat-colleagues-heading">
        <h2 id="chat-colleagues-heading">{t.colleagueTools}</h2>
        <div className={`field${colleagueError ? ' field--invalid' : ''}`}>
          <label htmlFor="chat-colleague">{t.colleague}</label>
          <select
            id="chat-colleague"
            value={colleague}
            aria-describedby={`chat-colleague-hint${colleagueError ? ' chat-colleague-error' : ''}`}
            aria-invalid={colleagueError ? true : undefined}
            onChange={(event) => setColleague(event.target.value)}
          >
            <option value="">{t.choose}</option>
            {options.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name} ({professionLabel(member.profession, language).toLocaleLowerCase(language === 'sv' ? 'sv-SE' : 'en-GB')})
              </option>
            ))}
          </select>
          <span id="chat-colleague-hint" className="hint">
            {t.transferHint}
          </span>
          {colleagueError && (
            <span id="chat-colleague-error" className="error-text" role="alert">
              {colleagueError}
            </span>
          )}
        </div>
        <div className="actions">
          <button type="button" className="button button--secondary" disabled={colleagueAction.isPending} onClick={() => onColleague('participants')}>
            {t.bringIn}
          </button>
          <button type="button" className="button button--secondary" disabled={colleagueAction.isPending} onClick={() => onColleague('transfer')}>
            {t.transfer}
          </button>
        </div>
      </section>
      <section aria-labelledby="chat-end-heading">
        <h2 id="chat-end-heading">{t.end}</h2>
        <form onSubmit={onEnd} noValidate>
          <div className={`field${summaryError ? ' field--invalid' : ''}`}>
            <label htmlFor="chat-summary">{t.summary}</label>
            <span id="chat-summary-hint" className="hint">
              {t.summaryHint}
            </span>
            <textarea
              id="chat-summary"
              rows={4}
              maxLength={SUMMARY_MAX}
              value={summary}
              aria-describedby={`chat-summary-hint${summaryError ? ' chat-summary-error' : ''}`}
              aria-invalid={summaryError ? true : undefined}
              onChange={(event) => setSummary(event.target.value)}
            />
            {summaryError && (
              <span id="chat-summary-error" className="error-text" role="alert">
                {summaryError}
              </span>
            )}
          </div>
          <button type="submit" className="button" disabled={end.isPending}>
            {end.isPending ? t.ending : t.end}
          </button>
        </form>
      </section>
    </div>
  );
}
