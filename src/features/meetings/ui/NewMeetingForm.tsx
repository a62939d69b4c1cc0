import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../../web/api/client.ts';
import { focusField, RadioGroup, SelectField, TextField } from '../../../web/forms/fields.tsx';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { TITLE_MAX, type CreateMeetingRequest, type MeetingView } from '../contract.ts';
import { identificationKinds, meetingKinds, type MeetingKind } from '../model.ts';
import { identificationLabels, kindLabels } from './labels.ts';

/** "Nytt videomöte": the kind of meeting (E1), the patient if there is one, and the identification required (E3). */

const texts = {
  sv: {
    heading: 'Nytt videomöte',
    kind: 'Typ av möte',
    patient: 'Patientens personnummer',
    patientHint: 'Tolv siffror. Krävs för ett möte mellan patient och vård; patienten behöver en vårdrelation med enheten.',
    patientMissing: 'Skriv patientens personnummer.',
    kindMissing: 'Välj typ av möte.',
    title: 'Rubrik (valfri)',
    titleHint: 'Syns bara för personalen, till exempel ”Vårdplanering inför hemgång”.',
    identification: 'Identifiering för deltagare utifrån',
    identificationHint: 'Patienten loggar alltid in med BankID. Gäller den som bjuds in senare, till exempel en tolk.',
    create: 'Skapa och öppna mötet',
    creating: 'Skapar …',
  },
  en: {
    heading: 'New video meeting',
    kind: 'Kind of meeting',
    patient: 'The patient’s personal identity number',
    patientHint: 'Twelve digits. Required for a patient–care meeting; the patient needs a care relation with the unit.',
    patientMissing: 'Enter the patient’s personal identity number.',
    kindMissing: 'Choose the kind of meeting.',
    title: 'Title (optional)',
    titleHint: 'Seen by staff only, for example “Care planning before discharge”.',
    identification: 'Identification for participants from outside',
    identificationHint: 'The patient always logs in with BankID. Applies to those invited later, for example an interpreter.',
    create: 'Create and open the meeting',
    creating: 'Creating …',
  },
};

export function NewMeetingForm() {
  const t = useTexts(texts);
  const kinds = useTexts(kindLabels);
  const identifications = useTexts(identificationLabels);
  const navigate = useNavigate();
  const [kind, setKind] = useState<MeetingKind | ''>('patient_care');
  const [patient, setPatient] = useState('');
  const [title, setTitle] = useState('');
  const [identification, setIdentification] = useState<string>('strong_eid');
  const [errors, setErrors] = useState<{ kind?: string; patient?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { kind: kind ? undefined : t.kindMissing, patient: kind === 'patient_care' && !patient.trim() ? t.patientMissing : undefined };
    setErrors(found);
    if (found.kind) return focusField('meeting-kind');
    if (found.patient) return focusField('meeting-patient');
    setBusy(true);
    try {
      const request: CreateMeetingRequest = {
        kind: kind as MeetingKind,
        requiredIdentification: identification as CreateMeetingRequest['requiredIdentification'],
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(patient.trim() ? { patientIdentityNumber: patient.trim() } : {}),
      };
      const created = await api<MeetingView>('POST', '/api/staff/meetings', request);
      void navigate(`/arbetsyta/moten/${created.id}`);
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      const aboutPatient = failure instanceof ApiError && ['invalid_identity_number', 'patient_not_found', 'no_care_relation', 'meeting_patient_required'].includes(failure.code);
      setErrors(aboutPatient ? { patient: message } : { form: message });
      if (aboutPatient) focusField('meeting-patient');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="meeting-new-heading">
      <h2 id="meeting-new-heading">{t.heading}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <SelectField id="meeting-kind" label={t.kind} error={errors.kind} value={kind} onChange={(value) => setKind(value as MeetingKind | '')} options={meetingKinds.map((value) => ({ value, label: kinds[value] }))} />
        <TextField id="meeting-patient" kind="text" label={t.patient} hint={t.patientHint} error={errors.patient} value={patient} onChange={setPatient} inputMode="decimal" autoComplete="off" />
        <TextField id="meeting-title" kind="text" label={t.title} hint={t.titleHint} value={title} onChange={setTitle} max={TITLE_MAX} hardLimit />
        <RadioGroup id="meeting-identification" legend={t.identification} hint={t.identificationHint} value={identification} onChange={setIdentification} options={identificationKinds.map((value) => ({ value, label: identifications[value] }))} />
        {errors.form && (
          <p className="alert alert--error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.creating : t.create}
        </button>
      </form>
    </section>
  );
}
