import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { stockholmDate } from '../../../../lib/stockholm-time.ts';
import { ApiError } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { cancellationDeadline } from '../../model.ts';
import { visitTimeText } from '../../patient-model.ts';
import { bookAppointment, newIdempotencyKey, patientAppointmentsKey, rebookAppointment, slotsKey, useAppointment, useSlots, type SlotSource } from './api.ts';
import { BookingSteps } from './BookingSteps.tsx';
import { pickerPath, slotTakenState } from './slot-navigation.tsx';
import { VisitFacts } from './VisitFacts.tsx';
import './appointments.css';

/**
 * The last step of booking (…/bekrafta) and of rebooking (/start/tider/:id/omboka/bekrafta):
 * everything about the chosen time stated once more, and one button. The time is read
 * again from the free times, so a reload works and a time already gone is said at once.
 */

const texts = {
  sv: {
    title: { book: 'Bekräfta bokningen', rebook: 'Bekräfta ombokningen' },
    forWhom: (name: string) => `Tiden bokas för ${name}.`,
    current: (when: string) => `Din nuvarande tid är ${when}. Den släpps först när den nya tiden är bokad.`,
    deadline: (when: string) => `Du kan avboka eller omboka via Nära fram till ${when}. Därefter ringer du mottagningen.`,
    deadlinePassed: (hours: number) => `Det är mindre än ${hours} timmar kvar till besöket: den här tiden kan inte avbokas eller ombokas via webben. Behöver du ändra den ringer du mottagningen.`,
    confirm: { book: 'Boka tiden', rebook: 'Omboka till den här tiden' },
    working: 'Bokar …',
    other: 'Välj en annan tid',
    gone: 'Tiden är inte längre ledig. Välj en annan tid.',
    held: (when: string) => `Visa eller omboka tiden ${when}`,
    heldTooLate: (when: string) => `Visa tiden ${when}`,
  },
  en: {
    title: { book: 'Confirm the booking', rebook: 'Confirm the new time' },
    forWhom: (name: string) => `The appointment is booked for ${name}.`,
    current: (when: string) => `Your current time is ${when}. It is released only once the new time is booked.`,
    deadline: (when: string) => `You can cancel or rebook in Nära until ${when}. After that, call the clinic.`,
    deadlinePassed: (hours: number) => `The visit is less than ${hours} hours away: this time cannot be cancelled or rebooked online. If you need to change it, call the clinic.`,
    confirm: { book: 'Book this time', rebook: 'Move to this time' },
    working: 'Booking …',
    other: 'Choose another time',
    gone: 'The time is no longer free. Please choose another.',
    held: (when: string) => `View or rebook the time ${when}`,
    heldTooLate: (when: string) => `View the time ${when}`,
  },
};

/** The times a booking_limit_reached refusal names (its details): each one's page has Omboka. */
type HeldTime = { id: string; startsAt: string; mayRebook: boolean };
function heldTimesOf(error: unknown): HeldTime[] {
  if (!(error instanceof ApiError) || error.code !== 'booking_limit_reached') return [];
  return (error.details as { appointments?: HeldTime[] } | undefined)?.appointments ?? [];
}

export default function ConfirmPage({ session, mode }: { session: SignedIn; mode: 'book' | 'rebook' }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { unitId = '', visitTypeId = '', id = '' } = useParams();
  const [params] = useSearchParams();
  const resourceId = params.get('resurs') ?? '';
  const startsAt = params.get('start') ?? '';
  const start = new Date(startsAt);
  const valid = resourceId !== '' && !Number.isNaN(start.getTime());
  usePageTitle(t.title[mode]);

  const source: SlotSource = mode === 'book' ? { visitTypeId } : { appointmentId: id };
  const back = pickerPath(mode === 'book' ? `/start/tider/boka/${unitId}/${visitTypeId}` : `/start/tider/${id}/omboka`, params.get('datum'));
  const slots = useSlots(source, { from: valid ? stockholmDate(start) : stockholmDate(new Date()), days: 1 });
  const current = useAppointment(mode === 'rebook' ? id : '');
  const slot = slots.data?.slots.find((candidate) => candidate.resourceId === resourceId && Date.parse(candidate.startsAt) === start.getTime());
  const key = useRef(newIdempotencyKey());
  const refusal = useRef<HTMLDivElement>(null);

  const confirm = useMutation({
    mutationFn: () =>
      mode === 'book' ? bookAppointment({ visitTypeId, resourceId, startsAt: start.toISOString() }, key.current) : rebookAppointment(id, { resourceId, startsAt: start.toISOString() }, key.current),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: patientAppointmentsKey });
      navigate(`/start/tider/${result.id}?${mode === 'book' ? 'bokad' : 'ombokad'}=1`);
    },
    onError: (error) => {
      key.current = newIdempotencyKey();
      if (error instanceof ApiError && (error.code === 'slot_taken' || error.code === 'slot_not_offered')) {
        void queryClient.invalidateQueries({ queryKey: slotsKey });
        navigate(back, { state: slotTakenState });
      }
    },
  });

  // At the limit the button goes away (booking again cannot help): the focus moves to what replaces it.
  const held = heldTimesOf(confirm.error);
  useEffect(() => {
    if (held.length > 0) refusal.current?.focus();
  }, [held.length]);

  const subject = session.citizen!.subject;
  const deadlineText = (deadline: Date, hours: number) =>
    deadline.getTime() > Date.now() ? t.deadline(visitTimeText(deadline, language, new Date())) : t.deadlinePassed(hours);
  const chooseOther = (
    <Link to={back} className="button button--secondary">
      {t.other}
    </Link>
  );
  return (
    <>
      <BookingSteps current={mode === 'book' ? 4 : 2} kind={mode} />
      <h1>{t.title[mode]}</h1>
      {subject.basis !== 'self' && <p className="alert alert--warning">{t.forWhom(subject.displayName)}</p>}
      {mode === 'rebook' && current.data && <p className="card">{t.current(visitTimeText(new Date(current.data.startsAt), language, new Date()))}</p>}
      {slots.isPending ? (
        <PageStatus state="loading" />
      ) : slots.isError ? (
        <PageStatus state="error" error={slots.error} />
      ) : !slot ? (
        <>
          <p className="alert alert--error" role="alert">
            {t.gone}
          </p>
          <div className="actions">{chooseOther}</div>
        </>
      ) : (
        <>
          <div className="card">
            <VisitFacts
              visitTypeName={slots.data.visitType.name}
              startsAt={slot.startsAt}
              endsAt={slot.endsAt}
              lengthMinutes={slots.data.visitType.lengthMinutes}
              channel={slots.data.visitType.channel}
              unit={slots.data.unit}
              with={slot.with}
              preparation={slots.data.visitType.preparation}
            />
          </div>
          <p>{deadlineText(cancellationDeadline(start, slots.data.visitType.cancellationHours), slots.data.visitType.cancellationHours)}</p>
          {confirm.isError &&
            (held.length > 0 ? (
              <div className="alert alert--error" role="alert" tabIndex={-1} ref={refusal}>
                <p>{confirm.error.message}</p>
                <ul className="plain-list appointment-held">
                  {held.map((time) => (
                    <li key={time.id}>
                      <Link to={`/start/tider/${time.id}`}>{(time.mayRebook ? t.held : t.heldTooLate)(visitTimeText(new Date(time.startsAt), language, new Date()))}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <div className="alert alert--error" role="alert">
                {confirm.error.message}
              </div>
            ))}
          <div className="actions">
            {held.length === 0 && (
              <button type="button" className="button" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
                {confirm.isPending ? t.working : t.confirm[mode]}
              </button>
            )}
            {chooseOther}
          </div>
        </>
      )}
    </>
  );
}
