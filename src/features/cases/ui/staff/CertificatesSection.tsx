import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../../web/api/client.ts';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { Certificates } from '../../contract.ts';
import { staffCasesKey } from './shared.tsx';

/** The certificates a unit issues through Begär intyg, kept by its administrator (seed 002). */
const CERTIFICATE_MAX = 120;
const MAX_CERTIFICATES = 40;
const certificatesKey = [...staffCasesKey, 'certificates'] as const;

const texts = {
  sv: {
    certificates: 'Intyg i Begär intyg',
    certificatesIntro: 'De intyg patienter kan begära från enheten. Erbjud bara intyg som går att utfärda utan besök, eller förklara i villkorstexten vilka som kräver besök.',
    certificatesList: 'Intyg som erbjuds',
    noCertificates: 'Enheten erbjuder inga intyg ännu. Då kan patienter inte välja något intyg i Begär intyg.',
    certificate: (n: number) => `Intyg ${n}`,
    remove: 'Ta bort',
    addLabel: 'Nytt intyg',
    addHint: 'Till exempel Läkarintyg för körkort eller Intyg om vaccination.',
    add: 'Lägg till',
    saveCertificates: 'Spara intygen',
    certificatesSaved: 'Intygen är sparade.',
    duplicate: (name: string) => `Intyget ”${name}” finns redan i listan.`,
    unsaved: 'Ändringarna är inte sparade än.',
    emptyCertificate: 'Ett intyg saknar namn. Skriv ett namn eller ta bort raden.',
    tooMany: `Högst ${MAX_CERTIFICATES} intyg.`,
  },
  en: {
    certificates: 'Certificates in Request a certificate',
    certificatesIntro: 'The certificates patients can request from the unit. Offer only certificates that can be issued without a visit, or explain in the terms which need one.',
    certificatesList: 'Certificates offered',
    noCertificates: 'The unit offers no certificates yet. Patients then cannot choose any certificate in Request a certificate.',
    certificate: (n: number) => `Certificate ${n}`,
    remove: 'Remove',
    addLabel: 'New certificate',
    addHint: 'For example a medical certificate for a driving licence or a vaccination certificate.',
    add: 'Add',
    saveCertificates: 'Save the certificates',
    certificatesSaved: 'The certificates have been saved.',
    duplicate: (name: string) => `The certificate “${name}” is already in the list.`,
    unsaved: 'The changes are not saved yet.',
    emptyCertificate: 'A certificate has no name. Write one or remove the row.',
    tooMany: `At most ${MAX_CERTIFICATES} certificates.`,
  },
};

export function CertificatesSection() {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const ids = { add: useId(), addHint: useId(), list: useId() };
  const query = useQuery({ queryKey: certificatesKey, queryFn: () => api<Certificates>('GET', '/api/unit-admin/certificates') });
  const [draft, setDraft] = useState<string[] | null>(null);
  const [newName, setNewName] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const addInput = useRef<HTMLInputElement>(null);
  const items = draft ?? query.data?.certificates ?? [];

  const save = useMutation({
    mutationFn: (certificates: string[]) => api<Certificates>('PUT', '/api/unit-admin/certificates', { certificates }),
    onSuccess: (saved) => {
      queryClient.setQueryData(certificatesKey, saved);
      setDraft(null);
      setNote(t.certificatesSaved);
    },
  });

  const duplicateOf = (list: string[]): string | null => {
    const seen = new Set<string>();
    for (const item of list) {
      const key = item.trim().toLocaleLowerCase('sv-SE');
      if (seen.has(key)) return item.trim();
      seen.add(key);
    }
    return null;
  };

  const add = () => {
    const name = newName.trim();
    if (!name) return;
    if (items.length >= MAX_CERTIFICATES) return setProblem(t.tooMany);
    if (duplicateOf([...items, name])) return setProblem(t.duplicate(name));
    setProblem('');
    setNote('');
    setDraft([...items, name]);
    setNewName('');
    addInput.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNote('');
    const cleaned = items.map((item) => item.trim());
    if (cleaned.some((item) => !item)) return setProblem(t.emptyCertificate);
    const duplicate = duplicateOf(cleaned);
    if (duplicate) return setProblem(t.duplicate(duplicate));
    setProblem('');
    save.mutate(cleaned);
  };

  return (
    <section className="card" aria-labelledby="certificates-heading">
      <h2 id="certificates-heading">{t.certificates}</h2>
      <p>{t.certificatesIntro}</p>
      {query.isPending ? (
        <PageStatus state="loading" />
      ) : query.isError ? (
        <PageStatus state="error" error={query.error} />
      ) : (
        <form onSubmit={submit} noValidate>
          <h3 id={ids.list}>{t.certificatesList}</h3>
          {items.length === 0 ? (
            <p className="muted">{t.noCertificates}</p>
          ) : (
            <ul className="staff-certificate-list" aria-labelledby={ids.list}>
              {items.map((item, index) => (
                <li key={index}>
                  <input
                    aria-label={t.certificate(index + 1)}
                    value={item}
                    maxLength={CERTIFICATE_MAX}
                    onChange={(event) => {
                      setNote('');
                      setDraft(items.map((other, at) => (at === index ? event.target.value : other)));
                    }}
                  />
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setNote('');
                      setDraft(items.filter((_, at) => at !== index));
                      addInput.current?.focus();
                    }}
                  >
                    {t.remove}
                    <span className="visually-hidden"> {item}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="field">
            <label htmlFor={ids.add}>{t.addLabel}</label>
            <span id={ids.addHint} className="hint">
              {t.addHint}
            </span>
            <div className="find-care__query">
              <input
                id={ids.add}
                ref={addInput}
                value={newName}
                maxLength={CERTIFICATE_MAX}
                onChange={(event) => {
                  setNewName(event.target.value);
                  setProblem('');
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    add();
                  }
                }}
                aria-describedby={ids.addHint}
              />
              <button type="button" className="button button--secondary" onClick={add} disabled={!newName.trim()}>
                {t.add}
              </button>
            </div>
          </div>
          <div role="alert">{problem && <p className="alert alert--error">{problem}</p>}</div>
          {save.isError && (
            <p role="alert" className="alert alert--error">
              {save.error.message}
            </p>
          )}
          <div role="status">{note && <p className="alert alert--success">{note}</p>}</div>
          <div className="actions staff-certificate-actions">
            <button type="submit" className="button" disabled={save.isPending}>
              {t.saveCertificates}
            </button>
            {draft !== null && <p className="muted">{t.unsaved}</p>}
          </div>
        </form>
      )}
    </section>
  );
}
