import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDateTime, useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { api } from '../../../../web/api/client.ts';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { StaffCase } from '../../contract.ts';
import { AcknowledgeCard, AssignControls, ContactCard, MoreActions } from './CaseActions.tsx';
import { CaseComposer } from './CaseComposer.tsx';
import { CaseThread } from './CaseThread.tsx';
import { RecordSummary } from './RecordSummary.tsx';
import { caseKey, countsKey, DeadlineText, formatDeadline, LIVE_REFETCH_MS, outcomeLabels, PatientIdentity, staffCasesKey, statusLabels, useLiveCases } from './shared.tsx';

const texts = {
  sv: {
    pageTitle: (n: number) => `Ärende ${n}`,
    back: 'Till inkorgen',
    eyebrow: (n: number, type: string) => `Ärende ${n} · ${type}`,
    patient: 'Patient',
    protected: 'Skyddad identitet',
    protectedNote: 'Patienten har skyddade personuppgifter. Lämna aldrig ut adress eller andra uppgifter som kan avslöja var patienten finns.',
    status: 'Status',
    received: 'Inkom',
    deadline: 'Svara senast',
    deadlineNote: 'minst ett delsvar',
    assigned: 'Handläggare',
    nobody: 'Ingen ännu',
    none: 'Ingen',
    outcome: 'Utfall',
    terms: 'Godkända villkor',
    termsVersion: (n: number) => `version ${n}`,
    origin: 'Startat av',
    originStaff: 'Vårdpersonal (patienten kan svara en gång)',
    originPatient: 'Patienten',
    form: 'Patientens uppgifter',
    closedNote: 'Ärendet är avslutat. Hela historiken finns kvar.',
  },
  en: {
    pageTitle: (n: number) => `Case ${n}`,
    back: 'Back to the inbox',
    eyebrow: (n: number, type: string) => `Case ${n} · ${type}`,
    patient: 'Patient',
    protected: 'Protected identity',
    protectedNote: 'The patient has protected personal data. Never disclose an address or anything else that could reveal where the patient is.',
    status: 'Status',
    received: 'Received',
    deadline: 'Answer by',
    deadlineNote: 'at least a partial answer',
    assigned: 'Handled by',
    nobody: 'Nobody yet',
    none: 'Nobody',
    outcome: 'Outcome',
    terms: 'Terms accepted',
    termsVersion: (n: number) => `version ${n}`,
    origin: 'Started by',
    originStaff: 'Staff (the patient may reply once)',
    originPatient: 'The patient',
    form: "The patient's details",
    closedNote: 'The case is closed. Its whole history is kept.',
  },
};

/** One case for staff: who and what, the whole thread, and what may be done now. */
export default function CasePage({ myName }: { myName: string }) {
  const { id = '' } = useParams();
  // A fresh page per case: drafts and notices never carry over to another case.
  return <CaseView key={id} id={id} myName={myName} />;
}

function CaseView({ id, myName }: { id: string; myName: string }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState((location.state as { notice?: string } | null)?.notice ?? '');
  const noticeRef = useRef<HTMLDivElement>(null);

  useLiveCases();
  const query = useQuery({
    queryKey: caseKey(id),
    queryFn: () => api<StaffCase>('GET', `/api/staff/cases/${id}`),
    // The patient may reply while the case is open here; polling until the WebSocket platform pushes.
    refetchInterval: LIVE_REFETCH_MS,
  });
  usePageTitle(query.data ? `${t.pageTitle(query.data.number)} – ${query.data.subject}` : undefined);

  const onUpdated = (updated: StaffCase, message: string) => {
    queryClient.setQueryData(caseKey(id), updated);
    void queryClient.invalidateQueries({ queryKey: [...staffCasesKey, 'inbox'] });
    void queryClient.invalidateQueries({ queryKey: countsKey });
    setNotice(message);
    requestAnimationFrame(() => noticeRef.current?.scrollIntoView({ block: 'nearest' }));
  };

  if (query.isPending) return <PageStatus state="loading" />;
  if (query.isError) {
    return (
      <>
        <PageStatus state="error" error={query.error} />
        <Link to="/arbetsyta/arenden">{t.back}</Link>
      </>
    );
  }
  const staffCase = query.data;
  const typeName = staffCase.typeName[language] || staffCase.typeCode;
  const entries = staffCase.formEntries;
  const closed = staffCase.status === 'closed';
  const can = (action: StaffCase['allowedActions'][number]) => staffCase.allowedActions.includes(action);
  const canAnswer = can('counter_question') || can('partial_answer') || can('final_answer');
  const lastEvent = staffCase.events.at(-1)?.id ?? '';

  return (
    <>
      <p>
        <Link to="/arbetsyta/arenden">{t.back}</Link>
      </p>
      <section className="card staff-case__header" aria-labelledby="case-heading">
        <p className="staff-case__eyebrow">{t.eyebrow(staffCase.number, typeName)}</p>
        <h1 id="case-heading">{staffCase.subject}</h1>
        {staffCase.patient.protectedIdentity && <p className="alert alert--error">{t.protectedNote}</p>}
        <dl className="facts">
          <dt>{t.patient}</dt>
          <dd>
            <PatientIdentity patient={staffCase.patient} protectedText={t.protected} />
          </dd>
          <dt>{t.status}</dt>
          <dd>{statusLabels[staffCase.status][language]}</dd>
          <dt>{t.received}</dt>
          <dd>{formatDateTime(staffCase.receivedAt, language)}</dd>
          <dt>{t.deadline}</dt>
          <dd>
            {formatDeadline(staffCase.deadlineAt, language, 'long')} ({t.deadlineNote}){' '}
            <DeadlineText deadlineAt={staffCase.deadlineAt} state={staffCase.deadlineState} now={query.dataUpdatedAt} language={language} />
          </dd>
          <dt>{t.assigned}</dt>
          <dd>{staffCase.assignedTo?.name ?? (closed ? t.none : t.nobody)}</dd>
          <dt>{t.origin}</dt>
          <dd>{staffCase.origin === 'staff' ? t.originStaff : t.originPatient}</dd>
          {staffCase.outcome && (
            <>
              <dt>{t.outcome}</dt>
              <dd>{outcomeLabels[staffCase.outcome as keyof typeof outcomeLabels]?.[language] ?? staffCase.outcome}</dd>
            </>
          )}
          {staffCase.termsVersion !== null && (
            <>
              <dt>{t.terms}</dt>
              <dd>{t.termsVersion(staffCase.termsVersion)}</dd>
            </>
          )}
        </dl>
        {can('assign') && <AssignControls staffCase={staffCase} myName={myName} onUpdated={onUpdated} />}
      </section>

      <div role="status" ref={noticeRef}>
        {notice && <p className="alert alert--success">{notice}</p>}
      </div>
      {closed && <p className="alert">{t.closedNote}</p>}

      {entries.length > 0 && (
        <section className="card" aria-labelledby="form-heading">
          <h2 id="form-heading">{t.form}</h2>
          <dl className="staff-case__answers">
            {entries.map((entry, index) => (
              <div key={index}>
                <dt>{entry.label[language]}</dt>
                <dd>{entry.value[language]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <CaseThread caseId={staffCase.id} events={staffCase.events} />

      {can('acknowledge') && <AcknowledgeCard staffCase={staffCase} onUpdated={onUpdated} />}
      {can('record_contact') && <ContactCard staffCase={staffCase} onUpdated={onUpdated} />}
      {canAnswer && <CaseComposer staffCase={staffCase} onUpdated={onUpdated} />}
      <MoreActions staffCase={staffCase} onUpdated={onUpdated} />
      <RecordSummary caseId={staffCase.id} version={lastEvent} />
    </>
  );
}
