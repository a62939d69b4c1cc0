import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../../../web/forms/fields.tsx';
import type { z } from 'zod';
import { api } from '../../../../web/api/client.ts';
import { formatDate, useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { ScrollableTable } from '../../../../web/layout/ScrollableTable.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { MESSAGE_MAX, type AnswerTemplate, type TemplateRequest, type templateListSchema } from '../../contract.ts';
import { CertificatesSection } from './CertificatesSection.tsx';
import { staffCasesKey, staffTemplatesKey } from './shared.tsx';

type TemplateList = z.infer<typeof templateListSchema>;
const TITLE_MAX = 120;
const adminTemplatesKey = [...staffCasesKey, 'admin-templates'] as const;

const texts = {
  sv: {
    title: 'Svarsmallar och intyg',
    intro: 'Svarsmallar är färdiga texter som enhetens personal kan infoga när de svarar på ett ärende. Inaktiva mallar syns inte när man svarar.',
    templates: 'Svarsmallar',
    none: 'Enheten har inga svarsmallar ännu.',
    caption: 'Enhetens svarsmallar',
    name: 'Rubrik',
    text: 'Text',
    status: 'Status',
    updated: 'Ändrad',
    actions: 'Åtgärder',
    active: 'Aktiv',
    inactive: 'Inaktiv',
    edit: 'Ändra',
    deactivate: 'Inaktivera',
    activate: 'Aktivera',
    create: 'Ny svarsmall',
    newTitle: 'Ny svarsmall',
    editTitle: (title: string) => `Ändra svarsmallen ${title}`,
    titleLabel: 'Rubrik',
    titleHint: `Högst ${TITLE_MAX} tecken. Visas i listan när man svarar.`,
    bodyLabel: 'Text',
    bodyHint: `Högst ${MESSAGE_MAX} tecken. Skriv så att texten passar de flesta patienter; den kan ändras i varje svar.`,
    activeLabel: 'Aktiv – kan väljas när man svarar',
    save: 'Spara svarsmallen',
    cancel: 'Avbryt',
    titleMissing: 'Skriv en rubrik.',
    bodyMissing: 'Skriv en text.',
    created: (title: string) => `Svarsmallen ${title} är skapad.`,
    saved: (title: string) => `Svarsmallen ${title} är sparad.`,
    deactivated: (title: string) => `Svarsmallen ${title} är inaktiverad.`,
    activated: (title: string) => `Svarsmallen ${title} är aktiverad.`,
  },
  en: {
    title: 'Answer templates and certificates',
    intro: "Answer templates are ready-made texts the unit's staff can insert when they answer a case. Inactive templates are not offered when answering.",
    templates: 'Answer templates',
    none: 'The unit has no answer templates yet.',
    caption: "The unit's answer templates",
    name: 'Title',
    text: 'Text',
    status: 'Status',
    updated: 'Changed',
    actions: 'Actions',
    active: 'Active',
    inactive: 'Inactive',
    edit: 'Edit',
    deactivate: 'Deactivate',
    activate: 'Activate',
    create: 'New answer template',
    newTitle: 'New answer template',
    editTitle: (title: string) => `Edit the answer template ${title}`,
    titleLabel: 'Title',
    titleHint: `At most ${TITLE_MAX} characters. Shown in the list when answering.`,
    bodyLabel: 'Text',
    bodyHint: `At most ${MESSAGE_MAX} characters. Write it to suit most patients; it can be changed in each answer.`,
    activeLabel: 'Active – can be chosen when answering',
    save: 'Save the answer template',
    cancel: 'Cancel',
    titleMissing: 'Write a title.',
    bodyMissing: 'Write a text.',
    created: (title: string) => `The answer template ${title} has been created.`,
    saved: (title: string) => `The answer template ${title} has been saved.`,
    deactivated: (title: string) => `The answer template ${title} has been deactivated.`,
    activated: (title: string) => `The answer template ${title} has been activated.`,
  },
};

type Editing = { mode: 'new' } | { mode: 'edit'; template: AnswerTemplate } | null;

function TemplateForm({ existing, onDone, onCancel }: { existing?: AnswerTemplate; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const ids = { title: useId(), body: useId() };
  const heading = useRef<HTMLHeadingElement>(null);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [body, setBody] = useState(existing?.body ?? '');
  const [active, setActive] = useState(existing?.active ?? true);
  const [showProblems, setShowProblems] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: (request: TemplateRequest) =>
      existing ? api<AnswerTemplate>('PUT', `/api/unit-admin/case-templates/${existing.id}`, request) : api<AnswerTemplate>('POST', '/api/unit-admin/case-templates', request),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: adminTemplatesKey });
      void queryClient.invalidateQueries({ queryKey: staffTemplatesKey });
      onDone(existing ? t.saved(saved.title) : t.created(saved.title));
    },
  });
  const titleInvalid = showProblems && !title.trim();
  const bodyInvalid = showProblems && !body.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!title.trim() || !body.trim()) return;
    save.mutate({ title: title.trim(), body: body.trim(), active });
  };
  const prefix = existing ? `template-${existing.id}` : 'template-new';
  return (
    <section className="card" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} ref={heading} tabIndex={-1}>
        {existing ? t.editTitle(existing.title) : t.newTitle}
      </h3>
      <form onSubmit={submit} noValidate>
        <TextField id={ids.title} kind="text" label={t.titleLabel} hint={t.titleHint} error={titleInvalid ? t.titleMissing : undefined} value={title} onChange={setTitle} max={TITLE_MAX} hardLimit />
        <TextField
          id={ids.body}
          kind="textarea"
          className="staff-template-text"
          label={t.bodyLabel}
          hint={t.bodyHint}
          error={bodyInvalid ? t.bodyMissing : undefined}
          value={body}
          onChange={setBody}
          max={MESSAGE_MAX}
          hardLimit
        />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} /> {t.activeLabel}
          </label>
        </div>
        {save.isError && (
          <p role="alert" className="alert alert--error">
            {save.error.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t.save}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

function TemplatesSection() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: adminTemplatesKey, queryFn: () => api<TemplateList>('GET', '/api/unit-admin/case-templates') });
  const [editing, setEditing] = useState<Editing>(null);
  const [note, setNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const toggle = useMutation({
    mutationFn: (template: AnswerTemplate) =>
      api<AnswerTemplate>('PUT', `/api/unit-admin/case-templates/${template.id}`, { title: template.title, body: template.body, active: !template.active } satisfies TemplateRequest),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: adminTemplatesKey });
      void queryClient.invalidateQueries({ queryKey: staffTemplatesKey });
      setNote(saved.active ? t.activated(saved.title) : t.deactivated(saved.title));
    },
  });

  const close = (message: string) => {
    setEditing(null);
    setNote(message);
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <section className="card" aria-labelledby="templates-heading">
      <h2 id="templates-heading" ref={heading} tabIndex={-1}>
        {t.templates}
      </h2>
      <div role="status">{note && <p className="alert alert--success">{note}</p>}</div>
      {toggle.isError && (
        <p role="alert" className="alert alert--error">
          {toggle.error.message}
        </p>
      )}
      {list.isPending ? (
        <PageStatus state="loading" />
      ) : list.isError ? (
        <PageStatus state="error" error={list.error} />
      ) : list.data.templates.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ScrollableTable label={t.caption}>
          <table>
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.text}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.updated}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.templates.map((template) => (
                <tr key={template.id}>
                  <th scope="row">{template.title}</th>
                  <td>
                    <div className="staff-template-body">{template.body.length > 200 ? `${template.body.slice(0, 199)}…` : template.body}</div>
                  </td>
                  <td>{template.active ? <span className="badge">{t.active}</span> : <span className="badge badge--warning">{t.inactive}</span>}</td>
                  <td className="staff-nowrap">{formatDate(template.updatedAt, language)}</td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          setNote('');
                          setEditing({ mode: 'edit', template });
                        }}
                      >
                        {t.edit}
                        <span className="visually-hidden"> {template.title}</span>
                      </button>
                      <button type="button" className="link" disabled={toggle.isPending} onClick={() => toggle.mutate(template)}>
                        {template.active ? t.deactivate : t.activate}
                        <span className="visually-hidden"> {template.title}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      {editing === null ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setNote('');
              setEditing({ mode: 'new' });
            }}
          >
            {t.create}
          </button>
        </div>
      ) : (
        <TemplateForm
          key={editing.mode === 'edit' ? editing.template.id : 'new'}
          existing={editing.mode === 'edit' ? editing.template : undefined}
          onDone={close}
          onCancel={() => close('')}
        />
      )}
    </section>
  );
}


/** For the unit administrator: the unit's answer templates and the certificates of Begär intyg. */
export default function TemplatesPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <TemplatesSection />
      <CertificatesSection />
    </>
  );
}
