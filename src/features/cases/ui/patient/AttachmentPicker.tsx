import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../../../web/api/client.ts';
import { useLanguage, useTexts, type Language } from '../../../../web/i18n/i18n.tsx';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE, type Attachment } from '../../contract.ts';
import { uploadAttachment } from './api.ts';

/**
 * Photos or PDFs with a case or a reply (C1): each file is uploaded as soon as it is
 * chosen, so sending is quick; the list shows name and size and lets the patient remove a
 * file before sending. A refused file shows the server's own reason.
 */

const texts = {
  sv: {
    title: 'Bilagor (frivilligt)',
    choose: 'Bifoga foto eller PDF',
    hint: `Högst ${MAX_ATTACHMENTS_PER_MESSAGE} filer på högst 10 MB var: foton (JPEG, PNG, HEIC) eller PDF.`,
    uploading: 'Laddar upp …',
    uploaded: 'Bifogad',
    remove: 'Ta bort',
    removed: (name: string) => `${name} är borttagen.`,
    attached: (name: string) => `${name} är bifogad.`,
    refused: (name: string, why: string) => `${name} kunde inte bifogas: ${why}`,
    tooBig: 'Filen är större än 10 MB.',
    tooMany: `Du kan bifoga högst ${MAX_ATTACHMENTS_PER_MESSAGE} filer.`,
    list: 'Bifogade filer',
  },
  en: {
    title: 'Attachments (optional)',
    choose: 'Attach a photo or PDF',
    hint: `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files of at most 10 MB each: photos (JPEG, PNG, HEIC) or PDF.`,
    uploading: 'Uploading …',
    uploaded: 'Attached',
    remove: 'Remove',
    removed: (name: string) => `${name} has been removed.`,
    attached: (name: string) => `${name} is attached.`,
    refused: (name: string, why: string) => `${name} could not be attached: ${why}`,
    tooBig: 'The file is larger than 10 MB.',
    tooMany: `You can attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files.`,
    list: 'Attached files',
  },
};

export type AttachmentItem = { localId: number; fileName: string; byteSize: number } & (
  | { state: 'uploading' }
  | { state: 'done'; attachment: Attachment }
  | { state: 'refused'; reason: string }
);

/** "340 kB", "1,2 MB". */
export function formatBytes(bytes: number, language: Language): string {
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/** The attachments of one message being written; the ids go with the message. */
export function useAttachments() {
  const [items, setItems] = useState<AttachmentItem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const nextId = useRef(1);
  const t = useTexts(texts);

  const add = useCallback(
    (files: File[], current: AttachmentItem[]) => {
      let taken = current.filter((item) => item.state !== 'refused').length;
      for (const file of files) {
        const localId = nextId.current++;
        const base = { localId, fileName: file.name, byteSize: file.size };
        if (taken >= MAX_ATTACHMENTS_PER_MESSAGE) {
          setItems((list) => [...list, { ...base, state: 'refused', reason: t.tooMany }]);
          setAnnouncement(t.refused(file.name, t.tooMany));
          continue;
        }
        if (file.size > MAX_ATTACHMENT_BYTES) {
          setItems((list) => [...list, { ...base, state: 'refused', reason: t.tooBig }]);
          setAnnouncement(t.refused(file.name, t.tooBig));
          continue;
        }
        taken++;
        setItems((list) => [...list, { ...base, state: 'uploading' }]);
        uploadAttachment(file).then(
          (attachment) => {
            setItems((list) => list.map((item) => (item.localId === localId ? { ...base, state: 'done', attachment } : item)));
            setAnnouncement(t.attached(file.name));
          },
          (error: unknown) => {
            const reason = error instanceof ApiError ? error.message : String(error);
            setItems((list) => list.map((item) => (item.localId === localId ? { ...base, state: 'refused', reason } : item)));
            setAnnouncement(t.refused(file.name, reason));
          },
        );
      }
    },
    [t],
  );

  const remove = useCallback(
    (localId: number) => {
      setItems((list) => {
        const item = list.find((candidate) => candidate.localId === localId);
        if (item) setAnnouncement(t.removed(item.fileName));
        return list.filter((candidate) => candidate.localId !== localId);
      });
    },
    [t],
  );

  const reset = useCallback(() => setItems([]), []);
  const ids = items.flatMap((item) => (item.state === 'done' ? [item.attachment.id] : []));
  const uploading = items.some((item) => item.state === 'uploading');
  return { items, ids, uploading, add, remove, reset, announcement };
}

export type Attachments = ReturnType<typeof useAttachments>;

export function AttachmentPicker({ id, attachments, disabled }: { id: string; attachments: Attachments; disabled?: boolean }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const { items } = attachments;
  return (
    <div className="field case-attachments">
      <span className="case-attachments__title">{t.title}</span>
      <span id={`${id}-hint`} className="hint">
        {t.hint}
      </span>
      {/* The native control speaks the browser's language; a label styled as a button speaks the page's. */}
      <input
        ref={input}
        id={id}
        className="visually-hidden case-attachments__input"
        type="file"
        multiple
        disabled={disabled}
        accept="image/jpeg,image/png,image/heic,.heic,.heif,application/pdf"
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          attachments.add(files, items);
        }}
      />
      <label htmlFor={id} className="button button--secondary case-attachments__choose">
        {t.choose}
      </label>
      {items.length > 0 && (
        <ul className="case-attachments__list" aria-label={t.list}>
          {items.map((item) => (
            <li key={item.localId} className={`case-attachments__item case-attachments__item--${item.state}`}>
              <span className="case-attachments__name">{item.fileName}</span>
              <span className="muted">{formatBytes(item.byteSize, language)}</span>
              <span className={item.state === 'refused' ? 'error-text' : 'muted'}>
                {item.state === 'uploading' ? t.uploading : item.state === 'done' ? t.uploaded : item.reason}
              </span>
              <button
                type="button"
                className="button button--secondary case-attachments__remove"
                disabled={item.state === 'uploading' || disabled}
                onClick={() => {
                  attachments.remove(item.localId);
                  input.current?.focus();
                }}
              >
                {t.remove}
                <span className="visually-hidden"> {item.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {attachments.announcement}
      </p>
    </div>
  );
}
