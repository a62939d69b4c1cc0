import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { CaseType, CaseTypeList } from '../contract.ts';
import { CaseTypeForm, caseTypesQueryKey } from './CaseTypeForm.tsx';
import { RenewalQuestionsEditor } from './RenewalQuestionsEditor.tsx';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';

const texts = {
  sv: {
    title: 'Ärendetyper',
    intro:
      'Regionens standardärendetyper fungerar likadant på alla enheter och kan inte ändras, utom tilläggsfrågorna på Förnya recept. Enheten kan också bygga egna ärendetyper med egna frågor, även med samma namn som en standardärendetyp.',
    own: 'Egna ärendetyper',
    none: 'Enheten har inga egna ärendetyper ännu.',
    caption: 'Enhetens egna ärendetyper',
    name: 'Namn',
    status: 'Status',
    active: 'Aktiv',
    inactive: 'Inaktiv',
    questions: 'Frågor',
    terms: 'Villkor',
    version: (n: number) => `version ${n}`,
    actions: 'Åtgärder',
    edit: 'Ändra',
    fhir: 'FHIR-formulär',
    build: 'Bygg en egen ärendetyp',
  },
  en: {
    title: 'Case types',
    intro:
      "The region's standard case types work the same at every unit and cannot be changed, except the extra questions on Renew a prescription. The unit can also build case types of its own with its own questions, even under the name of a standard case type.",
    own: 'Own case types',
    none: 'The unit has no case types of its own yet.',
    caption: "The unit's own case types",
    name: 'Name',
    status: 'Status',
    active: 'Active',
    inactive: 'Inactive',
    questions: 'Questions',
    terms: 'Terms',
    version: (n: number) => `version ${n}`,
    actions: 'Actions',
    edit: 'Edit',
    fhir: 'FHIR questionnaire',
    build: 'Build an own case type',
  },
};

type Editing = { mode: 'new' } | { mode: 'edit'; caseType: CaseType } | null;

/** C2, for the unit administrator: the extra questions of Förnya recept and the unit's own case types. */
export default function CaseTypesPage() {
  const t = useTexts(texts);
  const list = useQuery({ queryKey: caseTypesQueryKey, queryFn: () => api<CaseTypeList>('GET', '/api/unit-admin/case-types') });
  const [editing, setEditing] = useState<Editing>(null);
  const [note, setNote] = useState('');
  const ownHeading = useRef<HTMLHeadingElement>(null);

  const close = (message: string) => {
    setEditing(null);
    setNote(message);
    requestAnimationFrame(() => ownHeading.current?.focus());
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <RenewalQuestionsEditor />
      <section className="card" aria-labelledby="own-case-types-heading">
        <h2 id="own-case-types-heading" ref={ownHeading} tabIndex={-1}>
          {t.own}
        </h2>
        <div role="status">{note && <p className="alert alert--success">{note}</p>}</div>
        {list.isPending ? (
          <PageStatus state="loading" />
        ) : list.isError ? (
          <PageStatus state="error" error={list.error} />
        ) : list.data.caseTypes.length === 0 ? (
          <p className="muted">{t.none}</p>
        ) : (
          <ScrollableTable label={t.caption}>
            <table>
              <caption className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.questions}</th>
                  <th scope="col">{t.terms}</th>
                  <th scope="col">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.caseTypes.map((caseType) => (
                  <tr key={caseType.id}>
                    <th scope="row">
                      {caseType.name}
                      {caseType.description && (
                        <>
                          <br />
                          <span className="muted case-type-description">{caseType.description}</span>
                        </>
                      )}
                    </th>
                    <td>{caseType.active ? <span className="badge">{t.active}</span> : <span className="badge badge--warning">{t.inactive}</span>}</td>
                    <td>{caseType.questions.length}</td>
                    <td>{t.version(caseType.terms.version)}</td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="link"
                          onClick={() => {
                            setNote('');
                            setEditing({ mode: 'edit', caseType });
                          }}
                        >
                          {t.edit}
                          <span className="visually-hidden"> {caseType.name}</span>
                        </button>
                        <a href={`/api/unit-admin/case-types/${caseType.id}/questionnaire`}>
                          {t.fhir}
                          <span className="visually-hidden"> {caseType.name}</span>
                        </a>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
        {editing === null && (
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setNote('');
                setEditing({ mode: 'new' });
              }}
            >
              {t.build}
            </button>
          </div>
        )}
      </section>
      {editing && (
        <CaseTypeForm
          key={editing.mode === 'edit' ? editing.caseType.id : 'new'}
          existing={editing.mode === 'edit' ? editing.caseType : undefined}
          onDone={close}
          onCancel={() => close('')}
        />
      )}
    </>
  );
}
