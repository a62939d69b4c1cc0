import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, api } from '../../../../web/api/client.ts';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import {
  FILE_NAME_HEADER,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MESSAGE_MAX,
  type Attachment,
  type StaffCase,
  type StaffMessageRequest,
  type templateListSchema,
} from '../../contract.ts';
import type { z } from 'zod';
import { newIdempotencyKey, staffTemplatesKey } from './shared.tsx';

type TemplateList = z.infer<typeof templateListSchema>;
type Kind = StaffMessageRequest['kind'];
const KINDS: Kind[] = ['counter_question', 'partial_answer', 'final_answer'];

const texts = {
  sv: {
    title: 'Svara patienten',
    kind: 'Typ av svar',
    kinds: {
      counter_question: { name: 'Motfråga', hint: 'Be patienten om mer information. Ärendet väntar sedan på patientens svar.' },
      partial_answer: { name: 'Delsvar', hint: 'Berätta hur ärendet går vidare. Ärendet fortsätter att vara öppet.' },
      final_answer: { name: 'Slutsvar', hint: 'Det sista svaret. Ett slutsvar avslutar ärendet.' },
    } satisfies Record<Kind, { name: string; hint: string }>,
    template: 'Svarsmall',
    noTemplate: 'Välj en mall',
    insert: 'Infoga mallen',
    inserted: (title: string) => `Mallen ${title} är infogad i meddelandet.`,
    body: 'Meddelande till patienten',
    bodyHint: (max: number) => `Högst ${max} tecken. Patienten ser det i Nära.`,
    bodyMissing: 'Skriv ett meddelande.',
    files: 'Bifoga filer',
    filesHint: `Foton (JPEG, PNG, HEIC) och PDF-filer, högst 10 MB per fil och ${MAX_ATTACHMENTS_PER_MESSAGE} filer per meddelande.`,
    uploading: (name: string) => `Laddar upp ${name} …`,
    uploaded: (name: string) => `${name} är bifogad.`,
    tooLarge: (name: string) => `${name} är större än 10 MB.`,
    tooMany: `Högst ${MAX_ATTACHMENTS_PER_MESSAGE} filer per meddelande.`,
    attached: 'Bifogade filer',
    remove: 'Ta bort',
    removed: (name: string) => `${name} är borttagen.`,
    send: { counter_question: 'Skicka motfrågan', partial_answer: 'Skicka delsvaret', final_answer: 'Skicka slutsvaret och avsluta' } satisfies Record<Kind, string>,
    sent: { counter_question: 'Motfrågan är skickad.', partial_answer: 'Delsvaret är skickat.', final_answer: 'Slutsvaret är skickat och ärendet är avslutat.' } satisfies Record<Kind, string>,
  },
  en: {
    title: 'Answer the patient',
    kind: 'Kind of answer',
    kinds: {
      counter_question: { name: 'Counter-question', hint: 'Ask the patient for more information. The case then waits for the patient.' },
      partial_answer: { name: 'Partial answer', hint: 'Tell the patient how the case goes on. The case stays open.' },
      final_answer: { name: 'Final answer', hint: 'The last answer. A final answer closes the case.' },
    } satisfies Record<Kind, { name: string; hint: string }>,
    template: 'Answer template',
    noTemplate: 'Choose a template',
    insert: 'Insert the template',
    inserted: (title: string) => `The template ${title} has been inserted into the message.`,
    body: 'Message to the patient',
    bodyHint: (max: number) => `At most ${max} characters. The patient reads it in Nära.`,
    bodyMissing: 'Write a message.',
    files: 'Attach files',
    filesHint: `Photos (JPEG, PNG, HEIC) and PDF files, at most 10 MB each and ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.`,
    uploading: (name: string) => `Uploading ${name} …`,
    uploaded: (name: string) => `${name} has been attached.`,
    tooLarge: (name: string) => `${name} is larger than 10 MB.`,
    tooMany: `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.`,
    attached: 'Attached files',
    remove: 'Remove',
    removed: (name: string) => `${name} has been removed.`,
    send: { counter_question: 'Send the counter-question', partial_answer: 'Send the partial answer', final_answer: 'Send the final answer and close' } satisfies Record<Kind, string>,
    sent: { counter_question: 'The counter-question has been sent.', partial_answer: 'The partial answer has been sent.', final_answer: 'The final answer has been sent and the case is closed.' } satisfies Record<Kind, string>,
  },
};

/** C4, C7: a counter-question, a partial or a final answer, with a template and attachments. */
export function CaseComposer({ staffCase, onUpdated }: { staffCase: StaffCase; onUpdated: (updated: StaffCase, message: string) => void }) {
  const t = useTexts(texts);
  const ids = { template: useId(), body: useId(), bodyHint: useId(), bodyError: useId(), files: useId(), filesHint: useId(), kindName: useId() };
  const allowed = KINDS.filter((kind) => staffCase.allowedActions.includes(kind));
  const preferred: Kind = allowed.includes('partial_answer') ? 'partial_answer' : allowed[0]!;
  const [chosenKind, setKind] = useState<Kind>(preferred);
  // What may be sent can change while the page is open (the patient replies): keep to what is allowed.
  const kind = allowed.includes(chosenKind) ? chosenKind : preferred;
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [fileNote, setFileNote] = useState<{ text: string; error: boolean } | null>(null);
  const [templateNote, setTemplateNote] = useState('');
  const [uploading, setUploading] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const templates = useQuery({ queryKey: staffTemplatesKey, queryFn: () => api<TemplateList>('GET', '/api/staff/case-templates'), staleTime: 60_000 });
  const activeTemplates = templates.data?.templates.filter((template) => template.active) ?? [];

  const send = useMutation({
    mutationFn: (request: StaffMessageRequest) => api<StaffCase>('POST', `/api/staff/cases/${staffCase.id}/messages`, request, { 'idempotency-key': idempotencyKey }),
    onSuccess: (updated, request) => {
      setBody('');
      setFiles([]);
      setFileNote(null);
      setTemplateId('');
      setTemplateNote('');
      setShowProblems(false);
      setIdempotencyKey(newIdempotencyKey());
      onUpdated(updated, t.sent[request.kind]);
    },
  });

  const insertTemplate = () => {
    const template = activeTemplates.find((candidate) => candidate.id === templateId);
    if (!template) return;
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${template.body}` : template.body));
    setTemplateNote(t.inserted(template.title));
    requestAnimationFrame(() => bodyRef.current?.focus());
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    let attached = files.length;
    for (const file of chosen) {
      if (attached >= MAX_ATTACHMENTS_PER_MESSAGE) {
        setFileNote({ text: t.tooMany, error: true });
        break;
      }
      if (file.size > MAX_ATTACHMENT_BYTES) {
        setFileNote({ text: t.tooLarge(file.name), error: true });
        continue;
      }
      setUploading(true);
      setFileNote({ text: t.uploading(file.name), error: false });
      try {
        const attachment = await api<Attachment>(
          'POST',
          `/api/staff/cases/${staffCase.id}/attachments`,
          { raw: file, contentType: file.type || 'application/octet-stream' },
          { [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
        );
        attached += 1;
        setFiles((current) => [...current, attachment]);
        setFileNote({ text: t.uploaded(attachment.fileName), error: false });
      } catch (error) {
        setFileNote({ text: error instanceof ApiError ? `${file.name}: ${error.message}` : String(error), error: true });
      } finally {
        setUploading(false);
      }
    }
  };

  const bodyMissing = body.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (bodyMissing) {
      bodyRef.current?.focus();
      return;
    }
    send.mutate({ kind, body: body.trim(), attachmentIds: files.map((file) => file.id) });
  };
  const bodyInvalid = showProblems && bodyMissing;

  return (
    <section className="card" aria-labelledby="composer-heading">
      <h2 id="composer-heading">{t.title}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="staff-composer__kinds">
          <legend>{t.kind}</legend>
          {allowed.map((option) => (
            <label key={option} className="staff-composer__kind">
              <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} aria-describedby={`${ids.kindName}-${option}`} />
              <span>
                <strong>{t.kinds[option].name}</strong>
                <span className="hint" id={`${ids.kindName}-${option}`}>
                  {t.kinds[option].hint}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        {activeTemplates.length > 0 && (
          <div className="staff-composer__template">
            <div className="field">
              <label htmlFor={ids.template}>{t.template}</label>
              <select id={ids.template} value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
                <option value="">{t.noTemplate}</option>
                {activeTemplates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button button--secondary" disabled={!templateId} onClick={insertTemplate}>
              {t.insert}
            </button>
          </div>
        )}
        <div role="status">{templateNote && <p className="muted">{templateNote}</p>}</div>

        <div className={`field${bodyInvalid ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.body}>{t.body}</label>
          <span id={ids.bodyHint} className="hint">
            {t.bodyHint(MESSAGE_MAX)}
          </span>
          <textarea
            id={ids.body}
            ref={bodyRef}
            className="staff-composer__body"
            value={body}
            maxLength={MESSAGE_MAX}
            onChange={(event) => setBody(event.target.value)}
            aria-describedby={`${ids.bodyHint}${bodyInvalid ? ` ${ids.bodyError}` : ''}`}
            aria-invalid={bodyInvalid || undefined}
          />
          {bodyInvalid && (
            <span id={ids.bodyError} className="error-text">
              {t.bodyMissing}
            </span>
          )}
        </div>

        <div className="field">
          <label htmlFor={ids.files}>{t.files}</label>
          <span id={ids.filesHint} className="hint">
            {t.filesHint}
          </span>
          <input
            id={ids.files}
            ref={fileInput}
            type="file"
            multiple
            accept="image/jpeg,image/png,image/heic,application/pdf,.heic"
            onChange={(event) => void upload(event)}
            disabled={uploading || files.length >= MAX_ATTACHMENTS_PER_MESSAGE}
            aria-describedby={ids.filesHint}
          />
          <div role="status">{fileNote && <p className={fileNote.error ? 'error-text' : 'muted'}>{fileNote.text}</p>}</div>
          {files.length > 0 && (
            <ul className="staff-file-list" aria-label={t.attached}>
              {files.map((file) => (
                <li key={file.id}>
                  <span>{file.fileName}</span>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setFiles((current) => current.filter((candidate) => candidate.id !== file.id));
                      setFileNote({ text: t.removed(file.fileName), error: false });
                      fileInput.current?.focus();
                    }}
                  >
                    {t.remove}
                    <span className="visually-hidden"> {file.fileName}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        {send.isError && (
          <p role="alert" className="alert alert--error">
            {send.error.message}
          </p>
        )}
        <button type="submit" className="button" disabled={send.isPending || uploading}>
          {t.send[kind]}
        </button>
      </form>
    </section>
  );
}
