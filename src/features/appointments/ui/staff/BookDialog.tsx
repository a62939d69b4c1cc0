import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../../../web/api/client.ts';
import { RadioGroup, TextField } from '../../../../web/forms/fields.tsx';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { PatientSummary } from '../../../patient-lookup/contract.ts';
import { newIdempotencyKey, PatientIdentity } from '../../../cases/ui/staff/shared.tsx';
import { NOTE_MAX, type AppointmentDetail, type FreeSlot, type Resource, type StaffBookRequest, type StaffVisitType } from '../../staff-contract.ts';
import { FormActions } from './FormActions.tsx';
import { channelLabels, clock, dayName, staffAppointmentsKey, stockholmDateOf } from './shared.ts';

const texts = {
  sv: {
    title: 'Boka tid',
    when: (day: string, time: string, name: string) => `${day} kl. ${time} hos ${name}`,
    identityNumber: 'Patientens person- eller samordningsnummer',
    hint: '12 siffror, till exempel 19880412-2383',
    find: 'Hämta patient',
    noRelation: 'Patienten har ingen vårdrelation med enheten ännu. Bokningen startar en pågående vårdrelation.',
    protected: 'Skyddad identitet',
    type: 'Besökstyp',
    unpublished: 'ej i webbtidboken',
    note: 'Meddelande till patienten (frivilligt)',
    noteHint: 'Visas för patienten med bokningen, till exempel vad hen ska ta med.',
    book: 'Boka',
    booking: 'Bokar …',
    cancel: 'Avbryt',
    needNumber: 'Skriv patientens person- eller samordningsnummer.',
    needType: 'Välj besökstyp.',
  },
  en: {
    title: 'Book a time',
    when: (day: string, time: string, name: string) => `${day} at ${time} with ${name}`,
    identityNumber: "The patient's personal identity or coordination number",
    hint: '12 digits, for example 19880412-2383',
    find: 'Find patient',
    noRelation: 'The patient has no care relation with the unit yet. Booking starts an ongoing care relation.',
    protected: 'Protected identity',
    type: 'Visit type',
    unpublished: 'not in web booking',
    note: 'Message to the patient (optional)',
    noteHint: 'Shown to the patient with the booking, for example what to bring.',
    book: 'Book',
    booking: 'Booking …',
    cancel: 'Cancel',
    needNumber: "Enter the patient's personal identity or coordination number.",
    needType: 'Choose a visit type.',
  },
};

type Props = { slot: FreeSlot; resource: Resource; visitTypes: StaffVisitType[]; onBooked: (detail: AppointmentDetail) => void; onCancel: () => void; titleId: string };

/** Book a free time for a patient found by identity number (the patient lookup shows who it is). */
export function BookDialog({ slot, resource, visitTypes, onBooked, onCancel, titleId }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const ids = { number: useId(), type: useId(), note: useId() };
  const offered = slot.visitTypeIds.flatMap((id) => visitTypes.filter((type) => type.id === id));
  const [identityNumber, setIdentityNumber] = useState('');
  const [visitTypeId, setVisitTypeId] = useState(offered.length === 1 ? offered[0]!.id : '');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ number?: string; type?: string }>({});
  // One key for this dialog: a double click or a retry books once.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const lookup = useMutation({
    mutationFn: () => api<PatientSummary>('POST', '/api/staff/patients/lookup', { identityNumber }),
  });
  const noRelation = lookup.error instanceof ApiError && lookup.error.code === 'no_care_relation';

  const book = useMutation({
    mutationFn: (request: StaffBookRequest) => api<AppointmentDetail>('POST', '/api/staff/appointments', request, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: staffAppointmentsKey });
      onBooked(detail);
    },
    // A time someone else just took: show the calendar as it is now.
    onError: () => void queryClient.invalidateQueries({ queryKey: [...staffAppointmentsKey, 'calendar'] }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { number: identityNumber.trim() ? undefined : t.needNumber, type: visitTypeId ? undefined : t.needType };
    setProblems(found);
    if (found.number) return document.getElementById(ids.number)?.focus();
    if (found.type) return document.getElementById(ids.type)?.querySelector('input')?.focus();
    book.mutate({ identityNumber, visitTypeId, resourceId: resource.id, startsAt: slot.start, ...(note.trim() ? { noteToPatient: note.trim() } : {}) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 id={titleId}>{t.title}</h2>
      <p className="tidbok-dialog__when">{t.when(dayName(stockholmDateOf(slot.start), language), clock(slot.start), resource.name)}</p>
      <div className="tidbok-lookup">
        <TextField id={ids.number} kind="text" label={t.identityNumber} hint={t.hint} error={problems.number} value={identityNumber} autoComplete="off" onChange={(value) => {
            setIdentityNumber(value);
            lookup.reset();
          }} />
        <button type="button" className="button button--secondary" disabled={!identityNumber.trim() || lookup.isPending} onClick={() => lookup.mutate()}>
          {t.find}
        </button>
      </div>
      <div role="status">
        {lookup.data && (
          <p className="tidbok-dialog__patient">
            <PatientIdentity patient={{ id: lookup.data.id, name: `${lookup.data.givenName} ${lookup.data.familyName}`, identityNumber: lookup.data.identityNumber, protectedIdentity: lookup.data.protectedIdentity }} protectedText={t.protected} />
          </p>
        )}
        {noRelation && <p className="alert">{t.noRelation}</p>}
      </div>
      {lookup.error && !noRelation && (
        <p role="alert" className="alert alert--error">
          {lookup.error.message}
        </p>
      )}
      <RadioGroup
        id={ids.type}
        legend={t.type}
        error={problems.type}
        value={visitTypeId}
        onChange={setVisitTypeId}
        options={offered.map((type) => ({
          value: type.id,
          label: [type.name, `${clock(slot.start)}–${clock(new Date(Date.parse(slot.start) + type.lengthMinutes * 60_000).toISOString())}`, type.channel === 'at_unit' ? null : channelLabels[type.channel][language], type.published ? null : t.unpublished].filter(Boolean).join(' · '),
        }))}
      />
      <TextField id={ids.note} kind="textarea" rows={3} label={t.note} hint={t.noteHint} value={note} onChange={setNote} max={NOTE_MAX} counter hardLimit />
      <FormActions error={book.error} pending={book.isPending} submit={t.book} submitting={t.booking} cancel={t.cancel} onCancel={onCancel} />
    </form>
  );
}
