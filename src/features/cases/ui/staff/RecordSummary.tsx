import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../../../web/api/client.ts';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { caseKey } from './shared.tsx';

const texts = {
  sv: {
    title: 'Journalanteckning',
    intro: 'Dokumentera ärendet som en telefonkontakt. Kopiera texten och klistra in den i journalen.',
    show: 'Visa journalanteckning',
    label: 'Text till journalen',
    copy: 'Kopiera',
    copied: 'Kopierat.',
    copyFailed: 'Kunde inte kopiera. Markera texten och kopiera den med tangentbordet.',
  },
  en: {
    title: 'Record note',
    intro: 'Document the case like a phone contact. Copy the text and paste it into the medical record.',
    show: 'Show record note',
    label: 'Text for the medical record',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy. Select the text and copy it with the keyboard.',
  },
};

/** C6: the case as text for the medical record, read-only, with a copy button. */
export function RecordSummary({ caseId, version }: { caseId: string; version: string }) {
  const t = useTexts(texts);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  // The version (the last event) is in the key, so the text follows the thread.
  const summary = useQuery({
    queryKey: [...caseKey(caseId), 'record-summary', version],
    queryFn: () => api<{ text: string }>('GET', `/api/staff/cases/${caseId}/record-summary`),
    enabled: open,
  });
  const copy = async () => {
    if (!summary.data) return;
    // Emptied first, so a second copy is announced again.
    setNote('');
    let message = t.copied;
    try {
      await navigator.clipboard.writeText(summary.data.text);
    } catch {
      message = t.copyFailed;
    }
    setTimeout(() => setNote(message), 50);
  };
  return (
    <section className="card" aria-labelledby="record-heading">
      <h2 id="record-heading">{t.title}</h2>
      <p>{t.intro}</p>
      {!open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t.show}
        </button>
      ) : summary.isPending ? (
        <PageStatus state="loading" />
      ) : summary.isError ? (
        <PageStatus state="error" error={summary.error} />
      ) : (
        <>
          <div className="field">
            <label htmlFor={id}>{t.label}</label>
            <textarea id={id} className="staff-record-summary" readOnly value={summary.data.text} />
          </div>
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => void copy()}>
              {t.copy}
            </button>
            <span role="status" className="saved-note">
              {note}
            </span>
          </div>
        </>
      )}
    </section>
  );
}
