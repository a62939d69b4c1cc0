import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { stockholmDate } from '../../../../lib/stockholm-time.ts';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { AdminSchedule, BookingsOutside, ScheduleSaved } from '../../admin-contract.ts';
import { AdminSubNav, ADMIN_ROOT } from './AdminSubNav.tsx';
import { BASE, schedulesKey, useAdminSchedules, useAdminVisitTypes, visitTypesKey } from './api.ts';
import { AbsencesEditor, ExceptionsEditor } from './ExceptionsEditor.tsx';
import { IntervalListEditor } from './IntervalListEditor.tsx';
import { OutsideReport } from './OutsideReport.tsx';
import { draftOf, draftProblems, fieldsOf, WEEKDAYS, type ScheduleDraft } from './schedule-draft.ts';
import { weekdayWords } from './words.ts';

const texts = {
  sv: {
    title: (name: string) => `Schema: ${name}`,
    back: 'Alla scheman',
    notFound: 'Schemat finns inte på enheten.',
    keeps: 'Ändringar i schemat flyttar eller avbokar aldrig bokningar som redan är gjorda. Kontrollera före du sparar hur många bokningar som hamnar utanför, och följ upp dem i tidboken.',
    weekly: 'Veckoschema',
    weeklyHint: 'Pass per veckodag, tider som TT:MM. Lämna en lucka för lunch. Passen får inte överlappa.',
    visitTypes: 'Besökstyper på schemat',
    visitTypesHint: 'Vilka besökstyper som bokas på det här schemat.',
    noVisitTypes: 'Enheten har inga besökstyper i bruk. Skapa dem under Besökstyper.',
    active: 'I bruk – tider ur schemat kan bokas',
    check: 'Kontrollera bokningar',
    save: 'Spara schemat',
    summary: (n: number) => `Schemat har ${n} fel. Rätta de markerade fälten.`,
  },
  en: {
    title: (name: string) => `Schedule: ${name}`,
    back: 'All schedules',
    notFound: 'The unit has no such schedule.',
    keeps: 'Changing the schedule never moves or cancels bookings already made. Check before saving how many bookings fall outside, and follow them up in the calendar.',
    weekly: 'Weekly schedule',
    weeklyHint: 'Intervals per weekday, times as HH:MM. Leave a gap for lunch. Intervals may not overlap.',
    visitTypes: 'Visit types on the schedule',
    visitTypesHint: 'Which visit types are booked on this schedule.',
    noVisitTypes: 'The unit has no visit types in use. Create them under Visit types.',
    active: 'In use – times from the schedule can be booked',
    check: 'Check bookings',
    save: 'Save the schedule',
    summary: (n: number) => `The schedule has ${n} errors. Correct the marked fields.`,
  },
};

/** One schedule: the weekly template, days that differ, absences, the visit types booked on it, in use or not. */
export default function ScheduleEditorPage() {
  const { id } = useParams();
  const t = useTexts(texts);
  const schedules = useAdminSchedules();
  const schedule = schedules.data?.schedules.find((row) => row.id === id);
  usePageTitle(schedule ? t.title(schedule.name) : undefined);
  if (schedules.isPending) return <PageStatus state="loading" />;
  if (schedules.isError) return <PageStatus state="error" error={schedules.error} />;
  if (!schedule) {
    return (
      <>
        <p className="alert alert--error">{t.notFound}</p>
        <Link to={`${ADMIN_ROOT}/scheman`}>{t.back}</Link>
      </>
    );
  }
  return <ScheduleForm key={schedule.id} schedule={schedule} />;
}

function ScheduleForm({ schedule }: { schedule: AdminSchedule }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const visitTypes = useAdminVisitTypes();
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftOf(schedule));
  const [showProblems, setShowProblems] = useState(false);
  const [report, setReport] = useState<{ kind: 'preview' | 'saved'; outside: BookingsOutside } | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const today = stockholmDate(new Date());

  const problems = draftProblems(draft);
  const shown = showProblems ? problems : null;
  const change = (next: Partial<ScheduleDraft>) => {
    setDraft({ ...draft, ...next });
    setReport(null);
  };

  const preview = useMutation({
    mutationFn: () => api<BookingsOutside>('POST', `${BASE}/schedules/${schedule.id}/preview`, fieldsOf(draft)),
    onSuccess: (outside) => setReport({ kind: 'preview', outside }),
  });
  const save = useMutation({
    mutationFn: () => api<ScheduleSaved>('PUT', `${BASE}/schedules/${schedule.id}`, fieldsOf(draft)),
    onSuccess: async (saved) => {
      setReport({ kind: 'saved', outside: saved.bookingsOutside });
      await queryClient.invalidateQueries({ queryKey: schedulesKey });
      await queryClient.invalidateQueries({ queryKey: visitTypesKey });
    },
  });
  const attempt = (action: () => void) => {
    setShowProblems(true);
    if (problems.size > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    action();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt(() => save.mutate());
  };
  const inUse = visitTypes.data?.visitTypes.filter((row) => row.active) ?? [];

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.title(schedule.name)}
      </h1>
      <AdminSubNav />
      <p>
        <Link to={`${ADMIN_ROOT}/scheman`}>{t.back}</Link>
      </p>
      <p className="alert alert--warning">{t.keeps}</p>
      <form onSubmit={submit} noValidate className="appt-admin__schedule">
        {shown && problems.size > 0 && (
          <div className="alert alert--error" role="alert" tabIndex={-1} ref={summary}>
            <p>{t.summary(problems.size)}</p>
            <ul>
              {[...problems].map(([fieldId, problem]) => (
                <li key={fieldId}>
                  <a href={`#${fieldId}`}>{problem[language]}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="card appt-admin__section">
          <legend>{t.weekly}</legend>
          <p className="hint">{t.weeklyHint}</p>
          <div className="appt-admin__week">
            {WEEKDAYS.map((day) => (
              <fieldset key={day} className="appt-admin__day">
                <legend>{weekdayWords[language][day]}</legend>
                <IntervalListEditor intervals={draft.weekly[day]} onChange={(intervals) => change({ weekly: { ...draft.weekly, [day]: intervals } })} path={`weekly.${day}`} dayName={weekdayWords[language][day]} problems={shown} />
              </fieldset>
            ))}
          </div>
        </fieldset>
        <ExceptionsEditor rows={draft.exceptions} onChange={(exceptions) => change({ exceptions })} problems={shown} today={today} />
        <AbsencesEditor rows={draft.absences} onChange={(absences) => change({ absences })} problems={shown} today={today} />
        <fieldset className="card appt-admin__section">
          <legend>{t.visitTypes}</legend>
          <p className="hint">{t.visitTypesHint}</p>
          {visitTypes.isPending ? (
            <PageStatus state="loading" />
          ) : inUse.length === 0 ? (
            <p className="muted">{t.noVisitTypes}</p>
          ) : (
            inUse.map((visitType) => (
              <label key={visitType.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.visitTypeIds.includes(visitType.id)}
                  onChange={(event) => change({ visitTypeIds: event.target.checked ? [...draft.visitTypeIds, visitType.id] : draft.visitTypeIds.filter((other) => other !== visitType.id) })}
                />{' '}
                {visitType.name}
              </label>
            ))
          )}
        </fieldset>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={draft.active} onChange={(event) => change({ active: event.target.checked })} /> {t.active}
          </label>
        </div>
        <OutsideReport report={report} />
        {save.isError && <PageStatus state="error" error={save.error} />}
        {preview.isError && <PageStatus state="error" error={preview.error} />}
        <div className="actions">
          <button type="button" className="button button--secondary" disabled={preview.isPending} onClick={() => attempt(() => preview.mutate())}>
            {t.check}
          </button>
          <button type="submit" className="button" disabled={save.isPending}>
            {t.save}
          </button>
        </div>
      </form>
    </>
  );
}
