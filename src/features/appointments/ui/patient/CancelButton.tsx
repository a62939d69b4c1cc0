import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { PatientAppointment } from '../../patient-contract.ts';
import { visitTimeText } from '../../patient-model.ts';
import { cancelAppointment, newIdempotencyKey, patientAppointmentsKey } from './api.ts';
import { telHref } from './words.ts';

const texts = {
  sv: {
    cancel: 'Avboka',
    title: 'Vill du avboka tiden?',
    body: (what: string, when: string, unit: string) => `${what} ${when} på ${unit}. Tiden blir ledig för någon annan.`,
    keep: 'Nej, behåll tiden',
    confirm: 'Ja, avboka',
    cancelling: 'Avbokar …',
    call: 'Ring mottagningen:',
  },
  en: {
    cancel: 'Cancel',
    title: 'Do you want to cancel this appointment?',
    body: (what: string, when: string, unit: string) => `${what} ${when} at ${unit}. The time becomes free for someone else.`,
    keep: 'No, keep the appointment',
    confirm: 'Yes, cancel',
    cancelling: 'Cancelling …',
    call: 'Call the clinic:',
  },
};

/**
 * Avboka with a confirmation (D4). The native modal dialog keeps keyboard focus inside,
 * closes on Escape and gives focus back to the button; the safe choice has focus first.
 */
export function CancelButton({ appointment, describedBy, onCancelled }: { appointment: PatientAppointment; describedBy: string; onCancelled: (cancelled: PatientAppointment) => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const key = useRef(newIdempotencyKey());
  const [error, setError] = useState<ApiError | Error | null>(null);
  const ids = { title: useId(), body: useId() };
  const cancel = useMutation({
    mutationFn: () => cancelAppointment(appointment.id, key.current),
    onSuccess: (cancelled) => {
      dialog.current?.close();
      void queryClient.invalidateQueries({ queryKey: patientAppointmentsKey });
      onCancelled(cancelled);
    },
    onError: (failure) => {
      setError(failure);
      // A refusal is final for this attempt; another try is a new request.
      key.current = newIdempotencyKey();
    },
  });
  const open = () => {
    setError(null);
    dialog.current?.showModal();
  };
  const tooLate = error instanceof ApiError && error.code === 'cancellation_deadline_passed';
  return (
    <>
      <button type="button" className="button button--secondary" aria-describedby={describedBy} aria-haspopup="dialog" onClick={open}>
        {t.cancel}
      </button>
      <dialog ref={dialog} className="dialog appointment-dialog" aria-labelledby={ids.title} aria-describedby={ids.body}>
        <h2 id={ids.title}>{t.title}</h2>
        <p id={ids.body}>{t.body(appointment.visitType.name, visitTimeText(new Date(appointment.startsAt), language), appointment.unit.name)}</p>
        {error && (
          <div role="alert" className="alert alert--error">
            <p>{error.message}</p>
            {tooLate && appointment.unit.phone && (
              <p>
                {t.call} <a href={telHref(appointment.unit.phone)}>{appointment.unit.phone}</a>
              </p>
            )}
          </div>
        )}
        <div className="actions">
          <button type="button" className="button button--secondary" autoFocus onClick={() => dialog.current?.close()}>
            {t.keep}
          </button>
          <button type="button" className="button appointment-button--danger" disabled={cancel.isPending || tooLate} onClick={() => cancel.mutate()}>
            {cancel.isPending ? t.cancelling : t.confirm}
          </button>
        </div>
      </dialog>
    </>
  );
}
