import { professionLabel } from '../../../../lib/professions.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { CaseEvent, EventKind } from '../../contract.ts';
import { contactMethodLabels, outcomeLabels } from './shared.tsx';

const texts = {
  sv: {
    title: 'Händelser',
    kinds: {
      request: 'Ärendet skickades',
      patient_reply: 'Från patienten',
      counter_question: 'Motfråga',
      partial_answer: 'Delsvar',
      final_answer: 'Slutsvar',
      acknowledged: 'Kvitterat',
      contact_recorded: 'Kontakt registrerad',
      staff_message: 'Meddelande från vården',
      chat_message: 'Chatt',
      triage: 'Bedömning i Sök vård',
      assigned: 'Tilldelat',
      forwarded: 'Vidarebefordrat',
      closed: 'Avslutat',
    } satisfies Record<EventKind, string>,
    for: (name: string) => `för ${name}`,
    at: 'vid',
    attachments: 'Bilagor',
    pdf: 'PDF',
    outcome: 'Utfall',
    method: 'Kontaktsätt',
    to: 'Till',
    from: 'Från',
    assignee: 'Handläggare',
  },
  en: {
    title: 'Events',
    kinds: {
      request: 'The case was sent',
      patient_reply: 'From the patient',
      counter_question: 'Counter-question',
      partial_answer: 'Partial answer',
      final_answer: 'Final answer',
      acknowledged: 'Acknowledged',
      contact_recorded: 'Contact recorded',
      staff_message: 'Message from the clinic',
      chat_message: 'Chat',
      triage: 'Sök vård assessment',
      assigned: 'Assigned',
      forwarded: 'Forwarded',
      closed: 'Closed',
    } satisfies Record<EventKind, string>,
    for: (name: string) => `for ${name}`,
    at: 'at',
    attachments: 'Attachments',
    pdf: 'PDF',
    outcome: 'Outcome',
    method: 'Contact by',
    to: 'To',
    from: 'From',
    assignee: 'Handled by',
  },
};

const patientKinds = new Set<EventKind>(['request', 'patient_reply']);
const messageKinds = new Set<EventKind>(['request', 'patient_reply', 'counter_question', 'partial_answer', 'final_answer', 'staff_message', 'acknowledged']);

function dataText(data: Record<string, unknown> | null, key: string): string | null {
  const value = data?.[key];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string') return value.name;
  return null;
}

/** The whole history of the case in order (C6, C7): who wrote, when (Stockholm time), and what. */
export function CaseThread({ caseId, events }: { caseId: string; events: CaseEvent[] }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t.title}</h2>
      <ol className="staff-thread">
        {events.map((event) => {
          const side = patientKinds.has(event.kind) ? 'patient' : messageKinds.has(event.kind) ? 'staff' : 'note';
          const author = event.author.profession ? `${event.author.name}, ${professionLabel(event.author.profession, language).toLocaleLowerCase(language === 'sv' ? 'sv-SE' : 'en-GB')}` : event.author.name;
          const outcome = dataText(event.data, 'outcome');
          const method = dataText(event.data, 'method');
          const toUnit = dataText(event.data, 'toUnit') ?? dataText(event.data, 'toUnitName');
          const fromUnit = dataText(event.data, 'fromUnit') ?? dataText(event.data, 'fromUnitName');
          const assignee = dataText(event.data, 'staffName') ?? dataText(event.data, 'assignedTo');
          return (
            <li key={event.id} className={`staff-thread__item staff-thread__item--${side}`}>
              <div className="staff-thread__head">
                <h3 className="staff-thread__kind">{t.kinds[event.kind]}</h3>
                <span className="staff-thread__meta">
                  {author}
                  {event.author.onBehalfOf && ` ${t.for(event.author.onBehalfOf)}`}
                  {event.author.kind === 'staff' && event.unitName && `, ${event.unitName}`} · <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, language)}</time>
                </span>
              </div>
              {event.body && <p className="staff-thread__body">{event.body}</p>}
              {(outcome || method || toUnit || fromUnit || assignee) && (
                <dl className="facts">
                  {assignee && (
                    <>
                      <dt>{t.assignee}</dt>
                      <dd>{assignee}</dd>
                    </>
                  )}
                  {fromUnit && (
                    <>
                      <dt>{t.from}</dt>
                      <dd>{fromUnit}</dd>
                    </>
                  )}
                  {toUnit && (
                    <>
                      <dt>{t.to}</dt>
                      <dd>{toUnit}</dd>
                    </>
                  )}
                  {method && (
                    <>
                      <dt>{t.method}</dt>
                      <dd>{contactMethodLabels[method as keyof typeof contactMethodLabels]?.[language] ?? method}</dd>
                    </>
                  )}
                  {outcome && (
                    <>
                      <dt>{t.outcome}</dt>
                      <dd>{outcomeLabels[outcome as keyof typeof outcomeLabels]?.[language] ?? outcome}</dd>
                    </>
                  )}
                </dl>
              )}
              {event.attachments.length > 0 && (
                <ul className="staff-attachments" aria-label={t.attachments}>
                  {event.attachments.map((attachment) => {
                    const src = `/api/staff/cases/${caseId}/attachments/${attachment.id}`;
                    const size = `${Math.max(1, Math.round(attachment.byteSize / 1024))} kB`;
                    return (
                      <li key={attachment.id}>
                        {attachment.mediaType === 'application/pdf' || attachment.mediaType === 'image/heic' ? (
                          // HEIC is not shown by most browsers: offer it as a file, like a PDF.
                          <a href={src} target="_blank" rel="noopener">
                            {attachment.fileName} ({attachment.mediaType === 'application/pdf' ? t.pdf : 'HEIC'}, {size})
                          </a>
                        ) : (
                          <figure>
                            <a href={src} target="_blank" rel="noopener">
                              <img src={src} alt={attachment.fileName} loading="lazy" />
                            </a>
                            <figcaption>
                              {attachment.fileName} ({size})
                            </figcaption>
                          </figure>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
