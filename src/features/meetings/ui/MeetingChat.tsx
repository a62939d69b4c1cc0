import { useState, type FormEvent } from 'react';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { MEETING_MESSAGE_MAX, type MeetingMessage } from '../contract.ts';
import { formatTime } from './labels.ts';

/** The meeting's chat, for those let in: short messages beside the video (a link, a spelling). */

const texts = {
  sv: {
    heading: 'Chatt',
    list: 'Meddelanden i mötet',
    empty: 'Inga meddelanden än.',
    label: 'Skriv ett meddelande',
    hint: 'Alla i mötet ser det du skriver.',
    send: 'Skicka',
    you: 'Du',
  },
  en: {
    heading: 'Chat',
    list: 'Messages in the meeting',
    empty: 'No messages yet.',
    label: 'Write a message',
    hint: 'Everyone in the meeting sees what you write.',
    send: 'Send',
    you: 'You',
  },
};

export function MeetingChat(props: { messages: MeetingMessage[]; onSend: (body: string) => Promise<unknown> }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text || sending) return;
    setSending(true);
    try {
      await props.onSend(text);
      setBody('');
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="meeting-chat" aria-labelledby="meeting-chat-heading">
      <h2 id="meeting-chat-heading">{t.heading}</h2>
      {props.messages.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ol className="meeting-chat__messages" aria-label={t.list} aria-live="polite">
          {props.messages.map((message) => (
            <li key={message.seq} className={`meeting-chat__message${message.mine ? ' meeting-chat__message--own' : ''}`}>
              <span className="meeting-chat__meta">
                <span className="meeting-chat__author">{message.mine ? t.you : message.authorName}</span> {formatTime(message.at, language)}
              </span>
              <span className="meeting-chat__body">{message.body}</span>
            </li>
          ))}
        </ol>
      )}
      <form className="meeting-chat__form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="meeting-chat-input">{t.label}</label>
          <span id="meeting-chat-hint" className="hint">
            {t.hint}
          </span>
          <input id="meeting-chat-input" type="text" value={body} maxLength={MEETING_MESSAGE_MAX} autoComplete="off" aria-describedby="meeting-chat-hint" onChange={(event) => setBody(event.target.value)} />
        </div>
        <button type="submit" className="button button--secondary" disabled={sending}>
          {t.send}
        </button>
      </form>
    </section>
  );
}
