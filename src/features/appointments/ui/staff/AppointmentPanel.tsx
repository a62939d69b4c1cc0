import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../../../web/api/client.ts';
import { TextField } from '../../../../web/forms/fields.tsx';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { newIdempotencyKey, PatientIdentity } from '../../../cases/ui/staff/shared.tsx';
import { REASON_MAX, type AppointmentDetail, type AttendanceRequest, type Resource, type StaffCancelRequest } from '../../staff-contract.ts';
import { AppointmentHistory } from './AppointmentHistory.tsx';
import { FormActions } from './FormActions.tsx';
import { MovePicker } from './MovePicker.tsx';
import { appointmentKey, channelLabels, clock, dayName, staffAppointmentsKey, statusLabels, stockholmDateOf } from './shared.ts';
import { BookingMeetingRecord } from '../../../meetings/ui/BookingMeetingRecord.tsx';

const texts = {
  sv: {
    title: 'Bokning',
    close: 'Stäng',
    time: 'Tid',
    with: 'Hos',
    type: 'Besökstyp',
    channel: 'Form',
    status: 'Status',
    bookedBy: 'Bokad av',
    byStaff: (name: string) => `${name} (personal)`,
    byPatient: (name: string) => `${name} (via webben)`,
    note: 'Meddelande till patienten',
    protected: 'Skyddad identitet',
    video: 'Öppna videomötet',
    move: 'Flytta',
    cancel: 'Avboka',
    arrived: 'Ankommen',
    noShow: 'Uteblev',
    undo: 'Ångra markeringen',
    moved: 'Bokningen har flyttats.',
    showNew: 'Visa den nya tiden',
    reason: 'Varför avbokas tiden?',
    reasonHint: 'Sparas i loggen för enheten. Patienten får bara veta att tiden är avbokad.',
    needReason: 'Skriv varför tiden avbokas (minst 3 tecken).',
    confirmCancel: 'Avboka tiden',
    keep: 'Behåll tiden',
    done: {
      moved: 'Bokningen är flyttad.',
      cancelled: 'Tiden är avbokad.',
      arrived: 'Markerad som ankommen.',
      no_show: 'Markerad som utebliven.',
      booked: 'Markeringen är ångrad.',
    },
  },
  en: {
    title: 'Appointment',
    close: 'Close',
    time: 'Time',
    with: 'With',
    type: 'Visit type',
    channel: 'Form',
    status: 'Status',
    bookedBy: 'Booked by',
    byStaff: (name: string) => `${name} (staff)`,
    byPatient: (name: string) => `${name} (online)`,
    note: 'Message to the patient',
    protected: 'Protected identity',
    video: 'Open the video meeting',
    move: 'Move',
    cancel: 'Cancel appointment',
    arrived: 'Arrived',
    noShow: 'Did not attend',
    undo: 'Undo the mark',
    moved: 'The appointment has been moved.',
    showNew: 'Show the new time',
    reason: 'Why is the time cancelled?',
    reasonHint: "Kept in the unit's log. The patient is only told that the time is cancelled.",
    needReason: 'Write why the time is cancelled (at least 3 characters).',
    confirmCancel: 'Cancel the time',
    keep: 'Keep the time',
    done: {
      moved: 'The appointment has been moved.',
      cancelled: 'The time is cancelled.',
      arrived: 'Marked as arrived.',
      no_show: 'Marked as did not attend.',
      booked: 'The mark is undone.',
    },
  },
};

type Props = { id: string; resources: Resource[]; titleId: string; onClose: () => void; onShow: (id: string) => void };

/** The details of one booking: who, what, when, the actions staff may take now, and the patient's appointments at the unit. */
export function AppointmentPanel({ id, resources, titleId, onClose, onShow }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const ids = { reason: useId() };
  const [mode, setMode] = useState<'view' | 'move' | 'cancel'>('view');
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState('');
  const [done, setDone] = useState('');
  // One key per booking: the key is matched with the route's pattern and body, not the booking's id.
  const cancelKey = useMemo(() => newIdempotencyKey(), [id]);
  const detail = useQuery({ queryKey: appointmentKey(id), queryFn: () => api<AppointmentDetail>('GET', `/api/staff/appointments/${id}`) });

  const changed = (next: AppointmentDetail, message: string) => {
    queryClient.setQueryData(appointmentKey(next.appointment.id), next);
    void queryClient.invalidateQueries({ queryKey: [...staffAppointmentsKey, 'calendar'] });
    setMode('view');
    setDone(message);
    if (next.appointment.id !== id) onShow(next.appointment.id);
  };
  const attendance = useMutation({
    mutationFn: (request: AttendanceRequest) => api<AppointmentDetail>('PUT', `/api/staff/appointments/${id}/attendance`, request),
    onSuccess: (next, request) => changed(next, t.done[request.status]),
  });
  const cancel = useMutation({
    mutationFn: (request: StaffCancelRequest) => api<AppointmentDetail>('POST', `/api/staff/appointments/${id}/cancel`, request, { 'Idempotency-Key': cancelKey }),
    onSuccess: (next) => changed(next, t.done.cancelled),
  });

  const submitCancel = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonProblem(t.needReason);
      document.getElementById(ids.reason)?.focus();
      return;
    }
    cancel.mutate({ reason: reason.trim() });
  };

  if (detail.isPending) return <PageStatus state="loading" />;
  if (detail.isError) return <PageStatus state="error" error={detail.error} />;
  const { appointment, history } = detail.data;
  const actions = appointment.allowedActions;

  return (
    <div className="tidbok-panel">
      <div className="tidbok-panel__head">
        <h2 id={titleId}>{t.title}</h2>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p className="tidbok-panel__patient">
        <PatientIdentity patient={appointment.patient} protectedText={t.protected} />
      </p>
      <dl className="facts">
        <dt>{t.time}</dt>
        <dd>
          {dayName(stockholmDateOf(appointment.startsAt), language)} {clock(appointment.startsAt)}–{clock(appointment.endsAt)}
        </dd>
        <dt>{t.with}</dt>
        <dd>{appointment.resourceName}</dd>
        <dt>{t.type}</dt>
        <dd>{appointment.visitType.name}</dd>
        <dt>{t.channel}</dt>
        <dd>{channelLabels[appointment.channel][language]}</dd>
        <dt>{t.status}</dt>
        <dd>
          <span className={`tidbok-status tidbok-status--${appointment.status}`}>{statusLabels[appointment.status][language]}</span>
        </dd>
        <dt>{t.bookedBy}</dt>
        <dd>{appointment.bookedBy.kind === 'staff' ? t.byStaff(appointment.bookedBy.name) : t.byPatient(appointment.bookedBy.name)}</dd>
        {appointment.noteToPatient && (
          <>
            <dt>{t.note}</dt>
            <dd className="tidbok-panel__note">{appointment.noteToPatient}</dd>
          </>
        )}
      </dl>
      <div role="status" className="tidbok-panel__done">
        {done && <p className="alert alert--success">{done}</p>}
      </div>
      {appointment.status === 'rebooked' && appointment.replacedById && (
        <p className="alert">
          {t.moved}{' '}
          <button type="button" className="link" onClick={() => onShow(appointment.replacedById!)}>
            {t.showNew}
          </button>
        </p>
      )}
      {appointment.meetingPath && appointment.status === 'booked' && (
        <p>
          <Link to={appointment.meetingPath} className="button">
            {t.video}
          </Link>
        </p>
      )}
      {appointment.channel === 'video' && <BookingMeetingRecord side="staff" appointmentId={appointment.id} />}
      {attendance.error && (
        <p role="alert" className="alert alert--error">
          {attendance.error.message}
        </p>
      )}
      {mode === 'view' && actions.length > 0 && (
        <div className="actions tidbok-panel__actions">
          {actions.includes('arrived') && (
            <button type="button" className="button" disabled={attendance.isPending} onClick={() => attendance.mutate({ status: 'arrived' })}>
              {t.arrived}
            </button>
          )}
          {actions.includes('no_show') && (
            <button type="button" className="button button--secondary" disabled={attendance.isPending} onClick={() => attendance.mutate({ status: 'no_show' })}>
              {t.noShow}
            </button>
          )}
          {actions.includes('undo_attendance') && (
            <button type="button" className="button button--secondary" disabled={attendance.isPending} onClick={() => attendance.mutate({ status: 'booked' })}>
              {t.undo}
            </button>
          )}
          {actions.includes('move') && (
            <button type="button" className="button button--secondary" onClick={() => (setMode('move'), setDone(''))}>
              {t.move}
            </button>
          )}
          {actions.includes('cancel') && (
            <button type="button" className="button button--secondary tidbok-panel__danger" onClick={() => (setMode('cancel'), setDone(''))}>
              {t.cancel}
            </button>
          )}
        </div>
      )}
      {mode === 'move' && <MovePicker appointment={appointment} resources={resources} onMoved={(next) => changed(next, t.done.moved)} onCancel={() => setMode('view')} />}
      {mode === 'cancel' && (
        <form className="tidbok-cancel" onSubmit={submitCancel} noValidate>
          <TextField id={ids.reason} kind="textarea" rows={3} label={t.reason} hint={t.reasonHint} error={reasonProblem} value={reason} onChange={(value) => (setReason(value), setReasonProblem(''))} max={REASON_MAX} hardLimit />
          <FormActions error={cancel.error} pending={cancel.isPending} submit={t.confirmCancel} cancel={t.keep} onCancel={() => setMode('view')} danger />
        </form>
      )}
      <AppointmentHistory history={history} currentId={appointment.id} onShow={onShow} />
    </div>
  );
}
