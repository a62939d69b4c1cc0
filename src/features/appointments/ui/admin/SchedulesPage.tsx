import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { professionLabel } from '../../../../lib/professions.ts';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { AdminSchedule, ScheduleCreate } from '../../admin-contract.ts';
import { AdminTable } from './AdminTable.tsx';
import { AdminSubNav, ADMIN_ROOT } from './AdminSubNav.tsx';
import { BASE, creationKey, schedulesKey, useAdminSchedules, useAdminVisitTypes } from './api.ts';
import { WEEKDAYS } from './schedule-draft.ts';
import { weekdayWords } from './words.ts';

const texts = {
  sv: {
    title: 'Scheman',
    intro: 'Varje person som tar emot bokningar och varje rum (till exempel provtagning) har ett schema. Lediga tider räknas fram ur schemat; bokningar som redan är gjorda ligger kvar när schemat ändras.',
    caption: 'Enhetens scheman',
    name: 'Schema',
    week: 'Arbetar',
    visitTypes: 'Besökstyper',
    status: 'Status',
    inUse: 'I bruk',
    off: 'Ej i bruk',
    room: 'Rum',
    edit: 'Ändra schemat',
    none: 'Enheten har inga scheman ännu.',
    noDays: 'Inga veckodagar',
    add: 'Lägg till ett schema',
    kind: 'Schema för',
    person: 'En person på enheten',
    aRoom: 'Ett rum',
    who: 'Person',
    choose: 'Välj person',
    everyoneHas: 'Alla på enheten har redan ett schema.',
    roomName: 'Rummets namn',
    create: 'Skapa och fortsätt till schemat',
    whoProblem: 'Välj en person.',
    roomProblem: 'Skriv rummets namn (2–80 tecken).',
  },
  en: {
    title: 'Schedules',
    intro: 'Everyone who takes bookings and every room (a sampling room, say) has a schedule. Free times are worked out from the schedule; bookings already made stay when the schedule changes.',
    caption: "The unit's schedules",
    name: 'Schedule',
    week: 'Works',
    visitTypes: 'Visit types',
    status: 'Status',
    inUse: 'In use',
    off: 'Not in use',
    room: 'Room',
    edit: 'Edit the schedule',
    none: 'The unit has no schedules yet.',
    noDays: 'No weekdays',
    add: 'Add a schedule',
    kind: 'Schedule of',
    person: 'A person at the unit',
    aRoom: 'A room',
    who: 'Person',
    choose: 'Choose a person',
    everyoneHas: 'Everyone at the unit already has a schedule.',
    roomName: "The room's name",
    create: 'Create and go on to the schedule',
    whoProblem: 'Choose a person.',
    roomProblem: "Write the room's name (2–80 characters).",
  },
};

// A new schedule starts as weekdays with a lunch break; the administrator adjusts it next.
const day = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '16:00' },
];
const STARTING_TEMPLATE = { weekly: { '1': day, '2': day, '3': day, '4': day, '5': day }, exceptions: {}, absences: [] };

function weekSummary(schedule: AdminSchedule, language: 'sv' | 'en', none: string): string {
  const days = WEEKDAYS.filter((weekday) => (schedule.template.weekly[String(weekday) as '1'] ?? []).length > 0);
  return days.length === 0 ? none : days.map((weekday) => weekdayWords[language][weekday].slice(0, 3)).join(', ');
}

/** The unit's schedules, and adding one for a practitioner or a room. */
export default function SchedulesPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  usePageTitle(t.title);
  const schedules = useAdminSchedules();
  const visitTypes = useAdminVisitTypes();
  const names = new Map((visitTypes.data?.visitTypes ?? []).map((row) => [row.id, row.name]));

  return (
    <>
      <h1>{t.title}</h1>
      <AdminSubNav />
      <p>{t.intro}</p>
      {schedules.isPending ? (
        <PageStatus state="loading" />
      ) : schedules.isError ? (
        <PageStatus state="error" error={schedules.error} />
      ) : (
        <>
          {schedules.data.schedules.length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <AdminTable caption={t.caption} columns={[t.name, t.week, t.visitTypes, t.status]}>
              {schedules.data.schedules.map((schedule) => (
                <tr key={schedule.id}>
                  <th scope="row">
                    <Link to={`${ADMIN_ROOT}/scheman/${schedule.id}`}>
                      {schedule.name}
                      <span className="visually-hidden">, {t.edit}</span>
                    </Link>
                    <span className="muted appt-admin__preparation">{schedule.kind === 'room' ? t.room : professionLabel(schedule.profession ?? '', language)}</span>
                  </th>
                  <td>{weekSummary(schedule, language, t.noDays)}</td>
                  <td>{schedule.visitTypeIds.map((id) => names.get(id) ?? '').filter(Boolean).join(', ') || '–'}</td>
                  <td>{schedule.active ? <span className="badge badge--success">{t.inUse}</span> : <span className="badge badge--warning">{t.off}</span>}</td>
                </tr>
              ))}
            </AdminTable>
          )}
          <NewScheduleForm staff={schedules.data.staffWithoutSchedule} />
        </>
      )}
    </>
  );
}

function NewScheduleForm({ staff }: { staff: { staffId: string; name: string; profession: string }[] }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'staff' | 'room'>(staff.length > 0 ? 'staff' : 'room');
  const [staffId, setStaffId] = useState('');
  const [roomName, setRoomName] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [key] = useState(creationKey);
  const create = useMutation({
    mutationFn: (body: ScheduleCreate) => api<AdminSchedule>('POST', `${BASE}/schedules`, body, { 'idempotency-key': key }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: schedulesKey });
      await navigate(`${ADMIN_ROOT}/scheman/${created.id}`);
    },
  });
  const problem = kind === 'staff' ? (staffId ? null : t.whoProblem) : roomName.trim().length < 2 || roomName.trim().length > 80 ? t.roomProblem : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (problem) return document.getElementById(kind === 'staff' ? 'new-schedule-staff' : 'new-schedule-room')?.focus();
    const fields = { template: STARTING_TEMPLATE, visitTypeIds: [], active: true };
    create.mutate(kind === 'staff' ? { kind, staffId, ...fields } : { kind, roomName: roomName.trim(), ...fields });
  };
  const invalid = showProblems && problem !== null;
  return (
    <section className="card" aria-labelledby="new-schedule-heading">
      <h2 id="new-schedule-heading">{t.add}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="field appt-admin__choices">
          <legend>{t.kind}</legend>
          <label className="checkbox">
            <input type="radio" name="new-schedule-kind" checked={kind === 'staff'} onChange={() => setKind('staff')} /> {t.person}
          </label>
          <label className="checkbox">
            <input type="radio" name="new-schedule-kind" checked={kind === 'room'} onChange={() => setKind('room')} /> {t.aRoom}
          </label>
        </fieldset>
        {kind === 'staff' ? (
          staff.length === 0 ? (
            <p className="muted">{t.everyoneHas}</p>
          ) : (
            <div className={`field${invalid ? ' field--invalid' : ''}`}>
              <label htmlFor="new-schedule-staff">{t.who}</label>
              <select id="new-schedule-staff" value={staffId} onChange={(event) => setStaffId(event.target.value)} aria-invalid={invalid || undefined} aria-describedby={invalid ? 'new-schedule-error' : undefined}>
                <option value="">{t.choose}</option>
                {staff.map((member) => (
                  <option key={member.staffId} value={member.staffId}>
                    {member.name} ({professionLabel(member.profession, language)})
                  </option>
                ))}
              </select>
              {invalid && (
                <span id="new-schedule-error" className="error-text">
                  {problem}
                </span>
              )}
            </div>
          )
        ) : (
          <div className={`field${invalid ? ' field--invalid' : ''}`}>
            <label htmlFor="new-schedule-room">{t.roomName}</label>
            <input id="new-schedule-room" value={roomName} maxLength={80} onChange={(event) => setRoomName(event.target.value)} aria-invalid={invalid || undefined} aria-describedby={invalid ? 'new-schedule-error' : undefined} />
            {invalid && (
              <span id="new-schedule-error" className="error-text">
                {problem}
              </span>
            )}
          </div>
        )}
        {create.isError && <PageStatus state="error" error={create.error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending || (kind === 'staff' && staff.length === 0)}>
            {t.create}
          </button>
        </div>
      </form>
    </section>
  );
}
