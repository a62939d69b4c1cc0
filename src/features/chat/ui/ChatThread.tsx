import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, ApiError } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { useRealtimeEvent } from '../../../web/realtime/realtime.ts';
import { CHAT_MESSAGE_MAX, type ChatMessage } from '../contract.ts';
import './chat.css';

/**
 * The conversation, for both sides: the messages in order, read receipts on one's own,
 * "is typing" from the other side, and the box to write in. New messages from the other
 * side are read out politely (aria-live) and marked read while the page is visible.
 */

const texts = {
  sv: {
    conversation: 'Konversationen',
    empty: 'Inga meddelanden än.',
    you: 'Du',
    read: 'Läst',
    sent: 'Skickat',
    newFrom: (name: string, body: string) => `Nytt meddelande från ${name}: ${body}`,
    typing: { patient: 'Patienten skriver …', staff: 'Vården skriver …' },
    label: 'Skriv ett meddelande',
    hint: 'Enter skickar, Skift+Enter ger ny rad.',
    send: 'Skicka',
    sending: 'Skickar …',
    emptyError: 'Skriv något först.',
    tooLong: (max: number) => `Högst ${max} tecken.`,
  },
  en: {
    conversation: 'The conversation',
    empty: 'No messages yet.',
    you: 'You',
    read: 'Read',
    sent: 'Sent',
    newFrom: (name: string, body: string) => `New message from ${name}: ${body}`,
    typing: { patient: 'The patient is typing …', staff: 'Care staff are typing …' },
    label: 'Write a message',
    hint: 'Enter sends, Shift+Enter gives a new line.',
    send: 'Send',
    sending: 'Sending …',
    emptyError: 'Write something first.',
    tooLong: (max: number) => `At most ${max} characters.`,
  },
};

const TYPING_SEND_EVERY_MS = 3000;
const TYPING_SHOWN_MS = 5000;

export function ChatThread({
  chatId,
  side,
  messages,
  otherSideReadSeq,
  canWrite,
  basePath,
  queryKey,
}: {
  chatId: string;
  /** Whose page this is. */
  side: 'patient' | 'staff';
  messages: ChatMessage[];
  otherSideReadSeq: number;
  canWrite: boolean;
  /** /api/patient/chats/:id or /api/staff/chats/:id */
  basePath: string;
  queryKey: QueryKey;
}) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [otherTyping, setOtherTyping] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const typingTimer = useRef<number | undefined>(undefined);
  const lastTypingSent = useRef(0);
  const reportedRead = useRef(0);
  const knownSeq = useRef<number | null>(null);
  const listEnd = useRef<HTMLLIElement>(null);
  const otherSide = side === 'patient' ? 'staff' : 'patient';

  useRealtimeEvent('chat.typing', (event) => {
    if (event.data.chatId !== chatId || event.data.side !== otherSide) return;
    setOtherTyping(true);
    window.clearTimeout(typingTimer.current);
    typingTimer.current = window.setTimeout(() => setOtherTyping(false), TYPING_SHOWN_MS);
  });
  useEffect(() => () => window.clearTimeout(typingTimer.current), []);

  // A new message from the other side: read it out, stop "typing", and scroll it into view.
  const lastSeq = messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    const previous = knownSeq.current;
    knownSeq.current = lastSeq;
    if (previous === null || lastSeq <= previous) return;
    const incoming = messages.filter((message) => message.seq > previous && !message.mine && message.side !== side);
    const latest = incoming.at(-1);
    if (latest) {
      setOtherTyping(false);
      setAnnouncement(t.newFrom(latest.authorName, latest.body));
    }
    listEnd.current?.scrollIntoView?.({ block: 'nearest' });
  }, [lastSeq, messages, side, t]);

  // Read receipts: tell the server how far this reader has seen, while the page is visible.
  useEffect(() => {
    const lastOther = messages.filter((message) => !message.mine).at(-1)?.seq ?? 0;
    const report = () => {
      if (document.visibilityState !== 'visible' || lastOther <= reportedRead.current) return;
      reportedRead.current = lastOther;
      void api('POST', `${basePath}/read`, { seq: lastOther }).catch(() => {
        reportedRead.current = 0;
      });
    };
    report();
    document.addEventListener('visibilitychange', report);
    return () => document.removeEventListener('visibilitychange', report);
  }, [messages, basePath]);

  const send = useMutation({
    mutationFn: (body: string) => api<ChatMessage>('POST', `${basePath}/messages`, { body }),
    onSuccess: () => {
      setDraft('');
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: (failure) => setError(failure instanceof ApiError ? failure.message : String(failure)),
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return setError(t.emptyError);
    if (body.length > CHAT_MESSAGE_MAX) return setError(t.tooLong(CHAT_MESSAGE_MAX));
    setError(null);
    send.mutate(body);
  };

  const onChange = (value: string) => {
    setDraft(value);
    if (error) setError(null);
    const now = Date.now();
    if (value.trim() && now - lastTypingSent.current > TYPING_SEND_EVERY_MS) {
      lastTypingSent.current = now;
      void api('POST', `${basePath}/typing`).catch(() => {});
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const lastMine = messages.filter((message) => message.mine).at(-1)?.seq;
  const inputId = `chat-input-${chatId}`;
  return (
    <section className="chat" aria-labelledby={`chat-heading-${chatId}`}>
      <h2 id={`chat-heading-${chatId}`} className="visually-hidden">
        {t.conversation}
      </h2>
      {messages.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <ol className="chat__messages" aria-label={t.conversation}>
          {messages.map((message) => {
            const own = message.side === side;
            return (
              <li key={message.seq} className={`chat__message chat__message--${own ? 'own' : 'other'}`}>
                <p className="chat__meta">
                  <span className="chat__author">{message.mine ? t.you : message.authorName}</span>
                  {' · '}
                  <time dateTime={message.at}>{formatDateTime(message.at, language)}</time>
                </p>
                <p className="chat__body">{message.body}</p>
                {message.seq === lastMine && <p className="chat__receipt">{otherSideReadSeq >= message.seq ? t.read : t.sent}</p>}
              </li>
            );
          })}
          <li ref={listEnd} className="chat__end" aria-hidden="true" />
        </ol>
      )}
      <p className="chat__typing">{otherTyping ? t.typing[otherSide] : ''}</p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {canWrite && (
        <form className="chat__composer" onSubmit={submit} noValidate>
          <div className={`field${error ? ' field--invalid' : ''}`}>
            <label htmlFor={inputId}>{t.label}</label>
            <span id={`${inputId}-hint`} className="hint">
              {t.hint}
            </span>
            <textarea
              id={inputId}
              rows={3}
              value={draft}
              maxLength={CHAT_MESSAGE_MAX}
              aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
              aria-invalid={error ? true : undefined}
              onChange={(event) => onChange(event.target.value)}
              onKeyDown={onKeyDown}
            />
            {error && (
              <span id={`${inputId}-error`} className="error-text" role="alert">
                {error}
              </span>
            )}
          </div>
          <button type="submit" className="button" disabled={send.isPending}>
            {send.isPending ? t.sending : t.send}
          </button>
        </form>
      )}
    </section>
  );
}
