import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { professionLabel } from '../../../../lib/professions.ts';
import { api, ApiError } from '../../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { BackLink, PageLoadFailure } from '../../../../web/layout/PageLoadFailure.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { MESSAGE_MAX, type CaseEvent, type PatientCase, type ReplyRequest } from '../../contract.ts';
import { attachmentUrl, caseKey, caseListKey, newIdempotencyKey, usePatientCase } from './api.ts';
import { AttachmentPicker, formatBytes, useAttachments } from './AttachmentPicker.tsx';
import { caseWords } from './case-words.ts';
import { errorId, TextField } from '../../../../web/forms/fields.tsx';
import { deadlineDay } from './format.ts';
import { FormAnswers } from './FormAnswers.tsx';
import { awaitingFirstAnswer } from './MyCasesPage.tsx';
import '../patient-cases.css';

/**
 * One case (/start/arenden/:id): the whole thread in order (C6, C7), and the reply box
 * when the unit waits for the patient (C4) or the one reply to a staff-started case (C5).
 * Refreshed every 15 s while open, so answers appear without a reload.
 */

const texts = {
  sv: {
    back: 'Mina ärenden',
    sent: 'Ditt ärende är skickat.',
    sentAnswer: (day: string) => `Du får svar inom två arbetsdagar, senast ${day}.`,
    sentAcknowledge: (day: string) => `Mottagningen bekräftar inom två arbetsdagar, senast ${day}, att meddelandet har kommit fram.`,
    sentNumber: (n: number) => `Ärendenummer: ${n}.`,
    number: 'Ärendenummer',
    unit: 'Mottagning',
    status: 'Status',
    patient: 'Gäller',
    received: 'Skickat',
    answerBy: 'Svar senast',
    acknowledgeBy: 'Bekräftas senast',
    thread: 'Händelser i ärendet',
    forPerson: (name: string) => `för ${name}`,
    to: (unit: string) => `till ${unit}`,
    attachments: 'Bifogade filer',
    open: (name: string) => `Öppna ${name}`,
    type: { 'image/jpeg': 'bild', 'image/png': 'bild', 'image/heic': 'bild (HEIC)', 'application/pdf': 'PDF' } as Record<string, string>,
    reply: 'Svara',
    replyLabel: 'Ditt svar',
    replyOnce: 'Du kan svara en gång. Efter ditt svar kan du inte skriva mer i ärendet.',
    replyCounter: 'Mottagningen har ställt en fråga till dig. Svara här.',
    replyAnytime: 'Du kan skriva till mottagningen i ärendet tills det är avslutat. Gäller det något nytt, skicka ett nytt ärende.',
    sendReply: 'Skicka svar',
    sendingReply: 'Skickar …',
    replied: 'Ditt svar är skickat.',
    replyEmpty: 'Skriv ditt svar.',
    replyTooLong: (max: number, length: number) => `Högst ${max} tecken – du har skrivit ${length}.`,
    uploading: 'Vänta tills filerna har laddats upp.',
    replyClosed: 'Svarsrutan har stängts. Ladda om sidan för att se det senaste i ärendet.',
    closed: 'Ärendet är avslutat. Vill du kontakta mottagningen igen, skicka ett nytt ärende.',
    newCase: 'Skicka ett nytt ärende',
    waiting: 'Du kan skriva i ärendet när mottagningen ställer en fråga till dig. Har något ändrats, skicka ett nytt ärende eller ring mottagningen.',
    notFound: 'Ärendet finns inte',
    notFoundBody: 'Ärendet finns inte, eller så gäller det någon annan än den du sköter ärenden för just nu.',
  },
  en: {
    back: 'My cases',
    sent: 'Your case has been sent.',
    sentAnswer: (day: string) => `You will get an answer within two working days, by ${day} at the latest.`,
    sentAcknowledge: (day: string) => `Within two working days, by ${day} at the latest, the clinic confirms that the message has arrived.`,
    sentNumber: (n: number) => `Case number: ${n}.`,
    number: 'Case number',
    unit: 'Clinic',
    status: 'Status',
    patient: 'Concerns',
    received: 'Sent',
    answerBy: 'Answer by',
    acknowledgeBy: 'Confirmed by',
    thread: 'What has happened in the case',
    forPerson: (name: string) => `for ${name}`,
    to: (unit: string) => `to ${unit}`,
    attachments: 'Attached files',
    open: (name: string) => `Open ${name}`,
    type: { 'image/jpeg': 'image', 'image/png': 'image', 'image/heic': 'image (HEIC)', 'application/pdf': 'PDF' } as Record<string, string>,
    reply: 'Reply',
    replyLabel: 'Your reply',
    replyOnce: 'You can reply once. After your reply you cannot write more in the case.',
    replyCounter: 'The clinic has asked you a question. Reply here.',
    replyAnytime: 'You can write to the clinic in this case until it is closed. For something new, send a new case.',
    sendReply: 'Send reply',
    sendingReply: 'Sending …',
    replied: 'Your reply has been sent.',
    replyEmpty: 'Write your reply.',
    replyTooLong: (max: number, length: number) => `At most ${max} characters – you have written ${length}.`,
    uploading: 'Wait until the files have been uploaded.',
    replyClosed: 'The reply box has closed. Reload the page to see the latest in the case.',
    closed: 'The case is closed. If you want to contact the clinic again, send a new case.',
    newCase: 'Send a new case',
    waiting: 'You can write in the case when the clinic asks you a question. If something has changed, send a new case or call the clinic.',
    notFound: 'The case does not exist',
    notFoundBody: 'The case does not exist, or it concerns someone other than the person you are handling matters for now.',
  },
};

const systemKinds = new Set<CaseEvent['kind']>(['assigned', 'forwarded', 'closed']);

function EventItem({ caseData, event }: { caseData: PatientCase; event: CaseEvent }) {
  const t = useTexts(texts);
  const words = useTexts(caseWords);
  const { language } = useLanguage();
  const time = (
    <time dateTime={event.createdAt} className="case-event__time">
      {formatDateTime(event.createdAt, language)}
    </time>
  );
  if (systemKinds.has(event.kind)) {
    return (
      <li className="case-event case-event--system">
        <p>
          <strong>{words.events[event.kind]}</strong>
          {event.kind === 'forwarded' && ` ${t.to(forwardedTo(event) ?? event.unitName)}`} · {time}
        </p>
        {event.body && <p className="case-event__body">{event.body}</p>}
      </li>
    );
  }
  const author = event.author;
  const who = [
    author.name,
    author.kind === 'staff' && author.profession ? professionLabel(author.profession, language).toLocaleLowerCase(language === 'sv' ? 'sv-SE' : 'en-GB') : null,
  ]
    .filter(Boolean)
    .join(', ');
  const isRequest = event.kind === 'request';
  const answers = isRequest && caseData.formEntries.length > 0 ? <FormAnswers entries={caseData.formEntries} /> : null;
  const headingId = `event-${event.id}`;
  return (
    <li className={`case-event case-event--${author.kind === 'staff' ? 'staff' : 'patient'}${event.kind === 'counter_question' ? ' case-event--question' : ''}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="case-event__kind">
          {words.events[event.kind]}
        </h3>
        <p className="case-event__meta">
          <span className="case-event__author">
            {who}
            {author.onBehalfOf && ` ${t.forPerson(author.onBehalfOf)}`}
          </span>
          {' · '}
          {isRequest ? t.to(event.unitName) : event.unitName}
          {' · '}
          {time}
        </p>
        {answers}
        {event.body && !(isRequest && answers) && <p className="case-event__body">{event.body}</p>}
        {event.attachments.length > 0 && (
          <div className="case-event__attachments">
            <p className="case-event__attachments-title">{t.attachments}</p>
            <ul className="plain-list case-files">
              {event.attachments.map((file) => {
                const url = attachmentUrl(caseData.id, file.id);
                const image = file.mediaType === 'image/jpeg' || file.mediaType === 'image/png';
                return (
                  <li key={file.id}>
                    <a href={url} className="case-file">
                      {image ? (
                        <img src={url} alt="" className="case-file__thumb" loading="lazy" />
                      ) : (
                        <span className="case-file__thumb case-file__thumb--document" aria-hidden="true">
                          {file.mediaType === 'application/pdf' ? 'PDF' : 'HEIC'}
                        </span>
                      )}
                      <span className="case-file__name">{file.fileName}</span>
                      <span className="case-file__meta">
                        {' '}
                        ({t.type[file.mediaType] ?? file.mediaType}, {formatBytes(file.byteSize, language)})
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </article>
    </li>
  );
}

function forwardedTo(event: CaseEvent): string | null {
  const data = event.data ?? {};
  for (const key of ['toUnitName', 'unitName', 'to']) {
    const value = data[key];
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
  }
  return null;
}

function ReplyBox({ caseData, onReplied }: { caseData: PatientCase; onReplied: () => void }) {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const attachments = useAttachments();
  const sendingRef = useRef(false);
  const reply = useMutation({
    mutationFn: (request: ReplyRequest) => api<PatientCase>('POST', `/api/patient/cases/${encodeURIComponent(caseData.id)}/replies`, request, { 'idempotency-key': idempotencyKey }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(caseKey(caseData.id), updated);
      await queryClient.invalidateQueries({ queryKey: caseListKey });
      setBody('');
      attachments.reset();
      setShowProblems(false);
      setIdempotencyKey(newIdempotencyKey());
      onReplied();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'reply_not_open') await queryClient.invalidateQueries({ queryKey: caseKey(caseData.id) });
    },
    onSettled: () => {
      sendingRef.current = false;
    },
  });
  const length = body.trim().length;
  const problem = length === 0 ? t.replyEmpty : length > MESSAGE_MAX ? t.replyTooLong(MESSAGE_MAX, length) : attachments.uploading ? t.uploading : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sendingRef.current || reply.isPending) return;
    setShowProblems(true);
    if (problem) {
      document.getElementById(attachments.uploading && length > 0 ? 'reply-attachments' : 'reply-body')?.focus();
      return;
    }
    sendingRef.current = true;
    reply.mutate({ body: body.trim(), attachmentIds: attachments.ids });
  };
  const once = caseData.origin === 'staff';
  return (
    <section className="case-reply card" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t.reply}</h2>
      <p className={once ? 'alert alert--warning' : 'alert'}>{once ? t.replyOnce : caseData.status === 'awaiting_patient' ? t.replyCounter : t.replyAnytime}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="reply-body"
          kind="textarea"
          label={t.replyLabel}
          value={body}
          max={MESSAGE_MAX}
          counter
          rows={6}
          error={showProblems && problem && problem !== t.uploading ? problem : undefined}
          onChange={setBody}
        />
        <AttachmentPicker id="reply-attachments" attachments={attachments} disabled={reply.isPending} />
        {showProblems && problem === t.uploading && (
          <p id={errorId('reply-attachments')} className="error-text" role="alert">
            {t.uploading}
          </p>
        )}
        {reply.isError && (
          <div role="alert" className="alert alert--error">
            {reply.error instanceof ApiError && reply.error.code === 'reply_not_open' ? t.replyClosed : reply.error.message}
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={reply.isPending}>
            {reply.isPending ? t.sendingReply : t.sendReply}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function CasePage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const words = useTexts(caseWords);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const justSent = (location.state as { sent?: unknown } | null)?.sent === true;
  const query = usePatientCase(id);
  const queryClient = useQueryClient();
  const [replied, setReplied] = useState(false);
  usePageTitle(query.data ? `${query.data.typeName[language]} – ${t.back}` : t.back);
  const confirmation = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = query.isSuccess;
  // After sending, the confirmation is read first; otherwise the case's heading.
  useEffect(() => {
    if (!loaded) return;
    if (justSent) confirmation.current?.focus();
    else heading.current?.focus();
  }, [loaded, justSent, id]);
  // Opening the case marks it read: the list's unread marks follow.
  const unread = query.data?.unread;
  useEffect(() => {
    if (loaded) void queryClient.invalidateQueries({ queryKey: caseListKey });
  }, [loaded, unread, queryClient]);

  const back = <BackLink to="/start/arenden">{t.back}</BackLink>;
  if (query.isPending) return <PageStatus state="loading" />;
  if (query.isError) return <PageLoadFailure error={query.error} back={back} notFound={{ title: t.notFound, body: t.notFoundBody }} missingStatuses={[404, 400, 403]} />;
  const c = query.data;
  const acknowledgeOnly = c.typeCode === 'skicka_meddelande';
  const day = deadlineDay(c.deadlineAt, language);
  const subject = session.citizen!.subject;
  const statusClass = c.status === 'awaiting_patient' ? ' badge--warning' : c.status === 'closed' ? ' case-badge--closed' : '';
  return (
    <>
      {back}
      {justSent && c.events.every((event) => event.author.kind !== 'staff') && (
        <div className="alert alert--success case-confirmation" role="status" tabIndex={-1} ref={confirmation}>
          <p>
            <strong>{t.sent}</strong> {acknowledgeOnly ? t.sentAcknowledge(day) : t.sentAnswer(day)}
          </p>
          <p>{t.sentNumber(c.number)}</p>
        </div>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {c.typeName[language]}
      </h1>
      {c.subject && c.subject !== c.typeName[language] && <p className="lead case-subject">{c.subject}</p>}
      <dl className="facts case-facts">
        <dt>{t.status}</dt>
        <dd>
          <span className={`badge${statusClass}`}>{words.status[c.status]}</span>
        </dd>
        <dt>{t.unit}</dt>
        <dd>{c.unit.name}</dd>
        {subject.basis !== 'self' && (
          <>
            <dt>{t.patient}</dt>
            <dd>{c.patientName}</dd>
          </>
        )}
        <dt>{t.number}</dt>
        <dd>{c.number}</dd>
        <dt>{t.received}</dt>
        <dd>
          <time dateTime={c.receivedAt}>{formatDateTime(c.receivedAt, language)}</time>
        </dd>
        {awaitingFirstAnswer(c) && (
          <>
            <dt>{acknowledgeOnly ? t.acknowledgeBy : t.answerBy}</dt>
            <dd>{day}</dd>
          </>
        )}
      </dl>

      <section className="case-section" aria-labelledby="case-thread">
        <h2 id="case-thread">{t.thread}</h2>
        <ol className="case-thread">
          {c.events.map((event) => (
            <EventItem key={event.id} caseData={c} event={event} />
          ))}
        </ol>
      </section>

      <div className="case-after-thread">
        <p role="status" className={replied ? 'alert alert--success' : 'visually-hidden'}>
          {replied ? t.replied : ''}
        </p>
        {c.mayReply ? (
          <ReplyBox key={c.id} caseData={c} onReplied={() => setReplied(true)} />
        ) : c.status === 'closed' ? (
          <div className="card">
            <p>{t.closed}</p>
            <Link to={`/start/kontakt/${c.unit.id}`} className="button button--secondary">
              {t.newCase}
            </Link>
          </div>
        ) : (
          <p className="muted">{t.waiting}</p>
        )}
      </div>
    </>
  );
}
